//! The role catalogue (SPEC §2.1) and input rules for identifiers and passwords.

use serde::{Deserialize, Serialize};

/// The ten roles, highest level first. Stored as their snake_case names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    SuperAdmin,
    ComplianceOfficer,
    CustomerSupportLead,
    InsuranceProviderAdmin,
    RegionalManager,
    SeniorAgent,
    JuniorAgent,
    SupportStaff,
    Policyholder,
    Guest,
}

impl Role {
    pub const ALL: [Role; 10] = [
        Role::SuperAdmin,
        Role::ComplianceOfficer,
        Role::CustomerSupportLead,
        Role::InsuranceProviderAdmin,
        Role::RegionalManager,
        Role::SeniorAgent,
        Role::JuniorAgent,
        Role::SupportStaff,
        Role::Policyholder,
        Role::Guest,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::SuperAdmin => "super_admin",
            Role::ComplianceOfficer => "compliance_officer",
            Role::CustomerSupportLead => "customer_support_lead",
            Role::InsuranceProviderAdmin => "insurance_provider_admin",
            Role::RegionalManager => "regional_manager",
            Role::SeniorAgent => "senior_agent",
            Role::JuniorAgent => "junior_agent",
            Role::SupportStaff => "support_staff",
            Role::Policyholder => "policyholder",
            Role::Guest => "guest",
        }
    }

    /// Parses a stored name; accepts the source's aliases (SPEC §2.1, §9 #6).
    pub fn parse(name: &str) -> Option<Role> {
        match name {
            "provider_admin" => Some(Role::InsuranceProviderAdmin),
            "guest_user" => Some(Role::Guest),
            other => Role::ALL.into_iter().find(|r| r.as_str() == other),
        }
    }

    /// The numeric level used for "at least role X" checks.
    pub fn level(self) -> u8 {
        match self {
            Role::SuperAdmin => 100,
            Role::ComplianceOfficer => 95,
            Role::CustomerSupportLead => 90,
            Role::InsuranceProviderAdmin => 80,
            Role::RegionalManager => 60,
            Role::SeniorAgent => 40,
            Role::JuniorAgent => 20,
            Role::SupportStaff => 15,
            Role::Policyholder => 10,
            Role::Guest => 0,
        }
    }
}

pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;

/// Checks a new password's length (in characters, not bytes).
pub fn validate_new_password(password: &str) -> Result<(), String> {
    let n = password.chars().count();
    if !(PASSWORD_MIN..=PASSWORD_MAX).contains(&n) {
        return Err(format!(
            "Password must be {PASSWORD_MIN}–{PASSWORD_MAX} characters long."
        ));
    }
    Ok(())
}

/// Normalises an Indian mobile number (`+91`, `91`, `0` or bare 10 digits; spaces and
/// dashes ignored) to `+91XXXXXXXXXX` (SPEC §4.1).
pub fn normalize_phone(input: &str) -> Option<String> {
    let digits: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    let rest = digits
        .strip_prefix("+91")
        .or_else(|| {
            (digits.len() == 12)
                .then(|| digits.strip_prefix("91"))
                .flatten()
        })
        .or_else(|| {
            (digits.len() == 11)
                .then(|| digits.strip_prefix('0'))
                .flatten()
        })
        .unwrap_or(&digits);
    let valid = rest.len() == 10
        && rest.chars().all(|c| c.is_ascii_digit())
        && matches!(rest.as_bytes()[0], b'6'..=b'9');
    valid.then(|| format!("+91{rest}"))
}

/// The SPEC §4.1 email shape: something@domain.tld.
pub fn is_valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
    let Some((host, tld)) = domain.rsplit_once('.') else {
        return false;
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-".contains(c));
    let tld_ok = tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic());
    local_ok && host_ok && tld_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_normalise_from_every_accepted_form() {
        for input in [
            "9876543200",
            "+919876543200",
            "919876543200",
            "09876543200",
            "98765 43200",
        ] {
            assert_eq!(
                normalize_phone(input).as_deref(),
                Some("+919876543200"),
                "{input}"
            );
        }
    }

    #[test]
    fn invalid_phone_numbers_are_refused() {
        for input in [
            "",
            "12345",
            "5876543200",
            "98765432001",
            "+929876543200",
            "98765x3200",
        ] {
            assert_eq!(normalize_phone(input), None, "{input}");
        }
    }

    #[test]
    fn role_names_round_trip_and_aliases_resolve() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
        }
        assert_eq!(
            Role::parse("provider_admin"),
            Some(Role::InsuranceProviderAdmin)
        );
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn password_length_counts_characters() {
        assert!(validate_new_password("short").is_err());
        assert!(validate_new_password("पासवर्ड१२").is_ok());
        assert!(validate_new_password(&"a".repeat(129)).is_err());
    }

    #[test]
    fn emails_follow_the_spec_shape() {
        assert!(is_valid_email("agent1@test.com"));
        assert!(!is_valid_email("agent1@test"));
        assert!(!is_valid_email("@test.com"));
        assert!(!is_valid_email("a b@test.com"));
    }
}
