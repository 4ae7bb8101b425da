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

/// SPEC §5.3 UserResponse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, sqlx::FromRow))]
pub struct UserResponse {
    pub user_id: uuid::Uuid,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub display_name: Option<String>,
    pub role: String,
    pub status: String,
    pub phone_verified: bool,
    pub email_verified: bool,
    pub last_login_at: Option<chrono::DateTime<chrono::Utc>>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

/// The statuses an account can be in (SPEC §3.1).
pub const STATUSES: [&str; 5] = [
    "active",
    "inactive",
    "suspended",
    "pending_verification",
    "deactivated",
];

/// Sort orders of the admin list; every one ends on `user_id` so paging is stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UserSort {
    #[default]
    Newest,
    Oldest,
    Name,
    LastLogin,
}

impl UserSort {
    pub const ALL: [UserSort; 4] = [
        UserSort::Newest,
        UserSort::Oldest,
        UserSort::Name,
        UserSort::LastLogin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UserSort::Newest => "newest",
            UserSort::Oldest => "oldest",
            UserSort::Name => "name",
            UserSort::LastLogin => "last_login",
        }
    }

    pub fn parse(s: &str) -> UserSort {
        UserSort::ALL
            .into_iter()
            .find(|o| o.as_str() == s)
            .unwrap_or_default()
    }
}

/// The admin list's query: the URL's query string, so views can be shared.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, utoipa::IntoParams))]
pub struct UserQuery {
    #[serde(default)]
    pub q: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub sort: Option<String>,
    #[serde(default)]
    pub limit: Option<i64>,
    #[serde(default)]
    pub offset: Option<i64>,
}

impl UserQuery {
    pub fn limit(&self) -> i64 {
        self.limit.unwrap_or(20).clamp(1, 100)
    }
    pub fn offset(&self) -> i64 {
        self.offset.unwrap_or(0).max(0)
    }
    /// `pending` is an alias of `pending_verification` (SPEC §4.7).
    pub fn status(&self) -> Option<String> {
        self.status
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                if s == "pending" {
                    "pending_verification".to_owned()
                } else {
                    s.to_owned()
                }
            })
    }
    pub fn role(&self) -> Option<String> {
        self.role
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|r| Role::parse(r).map_or_else(|| r.to_owned(), |role| role.as_str().to_owned()))
    }
    pub fn text(&self) -> Option<String> {
        self.q
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }
    pub fn sort(&self) -> UserSort {
        UserSort::parse(self.sort.as_deref().unwrap_or(""))
    }
}

/// One page of the admin list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserPage {
    pub users: Vec<UserResponse>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

/// `POST /api/v1/users`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewUserForm {
    #[serde(default)]
    pub phone_number: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    pub role: String,
    #[serde(default)]
    pub password: Option<String>,
}

/// A validated `NewUserForm`.
#[derive(Debug, Clone, PartialEq)]
pub struct NewUser {
    pub phone_number: Option<String>,
    pub email: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub password: Option<String>,
}

fn clean(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

impl NewUserForm {
    pub fn validate(&self) -> Result<NewUser, crate::error::AppError> {
        let mut fields = crate::error::FieldErrors::new();
        fn push(fields: &mut crate::error::FieldErrors, f: &str, m: &str) {
            fields.entry(f.to_owned()).or_default().push(m.to_owned());
        }
        let phone_number = clean(&self.phone_number);
        let phone_number = match phone_number {
            Some(p) => match normalize_phone(&p) {
                Some(p) => Some(p),
                None => {
                    push(
                        &mut fields,
                        "phone_number",
                        "Please enter a valid 10-digit phone number",
                    );
                    None
                }
            },
            None => None,
        };
        let email = clean(&self.email).map(|e| e.to_lowercase());
        if email.as_deref().is_some_and(|e| !is_valid_email(e)) {
            push(&mut fields, "email", "Enter a valid email address.");
        }
        if phone_number.is_none()
            && email.is_none()
            && !fields.contains_key("phone_number")
            && !fields.contains_key("email")
        {
            push(
                &mut fields,
                "phone_number",
                "Give a phone number or an email.",
            );
        }
        let first_name = clean(&self.first_name).unwrap_or_default();
        if first_name.is_empty() || first_name.chars().count() > 100 {
            push(
                &mut fields,
                "first_name",
                "Enter a first name (up to 100 characters).",
            );
        }
        let last_name = clean(&self.last_name).unwrap_or_default();
        if last_name.chars().count() > 100 {
            push(&mut fields, "last_name", "Up to 100 characters.");
        }
        let role = Role::parse(self.role.trim());
        if role.is_none() {
            push(&mut fields, "role", "Choose a role.");
        }
        let password = clean(&self.password);
        if let Some(p) = &password {
            if let Err(e) = crate::auth::types::validate_new_password_strength(p) {
                for m in e.field_errors("new_password") {
                    push(&mut fields, "password", m);
                }
            }
        }
        match (fields.is_empty(), role) {
            (true, Some(role)) => Ok(NewUser {
                phone_number,
                email,
                first_name,
                last_name,
                role,
                password,
            }),
            _ => Err(crate::error::AppError::Invalid {
                detail: "Please fix the highlighted fields.".into(),
                fields,
            }),
        }
    }
}

/// `PUT /api/v1/users/{id}`: only the fields sent change. Self-edits may change the
/// names only; `email` and `status` need `users.update` (SPEC §4.7).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserPatch {
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone_number: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
}

impl UserPatch {
    pub fn validate(&self) -> Result<(), crate::error::AppError> {
        use crate::error::AppError;
        for (name, v) in [
            ("first_name", &self.first_name),
            ("last_name", &self.last_name),
            ("display_name", &self.display_name),
        ] {
            if v.as_deref().is_some_and(|s| s.chars().count() > 100) {
                return Err(AppError::invalid_field(name, "Up to 100 characters."));
            }
        }
        if self
            .email
            .as_deref()
            .map(str::trim)
            .is_some_and(|e| !e.is_empty() && !is_valid_email(e))
        {
            return Err(AppError::invalid_field(
                "email",
                "Enter a valid email address.",
            ));
        }
        if self
            .phone_number
            .as_deref()
            .map(str::trim)
            .is_some_and(|p| !p.is_empty() && normalize_phone(p).is_none())
        {
            return Err(AppError::invalid_field(
                "phone_number",
                "Please enter a valid 10-digit phone number",
            ));
        }
        if self
            .status
            .as_deref()
            .is_some_and(|s| !STATUSES.contains(&s))
        {
            return Err(AppError::invalid_field("status", "Unknown status."));
        }
        Ok(())
    }

    pub fn touches_admin_fields(&self) -> bool {
        self.email.is_some() || self.phone_number.is_some() || self.status.is_some()
    }
}

/// `GET/PUT /api/v1/users/{id}/preferences` (SPEC §5.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, sqlx::FromRow))]
pub struct Preferences {
    pub language_preference: String,
    pub timezone: String,
    pub theme_preference: String,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub notification_preferences: serde_json::Value,
}

/// The notification channels offered in the UI.
pub const CHANNELS: [&str; 4] = ["email", "sms", "push", "whatsapp"];

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PreferencesPatch {
    #[serde(default)]
    pub language_preference: Option<String>,
    #[serde(default)]
    pub timezone: Option<String>,
    #[serde(default)]
    pub theme_preference: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub notification_preferences: Option<serde_json::Value>,
}

impl PreferencesPatch {
    pub fn validate(&self) -> Result<(), crate::error::AppError> {
        use crate::error::AppError;
        if self
            .language_preference
            .as_deref()
            .is_some_and(|l| !["en", "hi", "te"].contains(&l))
        {
            return Err(AppError::invalid_field(
                "language_preference",
                "Choose English, Hindi or Telugu.",
            ));
        }
        if self
            .theme_preference
            .as_deref()
            .is_some_and(|t| !["light", "dark"].contains(&t))
        {
            return Err(AppError::invalid_field(
                "theme_preference",
                "Choose light or dark.",
            ));
        }
        if self
            .timezone
            .as_deref()
            .is_some_and(|tz| !is_iana_timezone(tz))
        {
            return Err(AppError::invalid_field(
                "timezone",
                "Choose a time zone such as Asia/Kolkata.",
            ));
        }
        if let Some(n) = &self.notification_preferences {
            let ok = n.as_object().is_some_and(|o| {
                o.iter()
                    .all(|(k, v)| CHANNELS.contains(&k.as_str()) && v.is_boolean())
            });
            if !ok {
                return Err(AppError::invalid_field(
                    "notification_preferences",
                    "Use true/false for email, sms, push and whatsapp.",
                ));
            }
        }
        Ok(())
    }
}

/// Time zones offered (India first); the server accepts any `Area/City` of this list.
pub const TIMEZONES: [&str; 8] = [
    "Asia/Kolkata",
    "Asia/Dubai",
    "Asia/Singapore",
    "Asia/Kathmandu",
    "Europe/London",
    "America/New_York",
    "Australia/Sydney",
    "UTC",
];

pub fn is_iana_timezone(tz: &str) -> bool {
    TIMEZONES.contains(&tz)
}

/// `POST /api/v1/rbac/users/assign-role` and `remove-role`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoleChange {
    pub user_id: uuid::Uuid,
    pub role_name: String,
}

/// `GET /api/v1/rbac/roles`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoleInfo {
    pub role_name: String,
    pub level: u8,
    pub is_system_role: bool,
    pub permissions: Vec<String>,
}

/// A user, their roles and (for the detail page) whether they are the caller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserDetail {
    pub user: UserResponse,
    pub roles: Vec<String>,
    pub is_self: bool,
}

/// CSV of a user list: exactly the rows given, RFC 4180 quoting, and a guard against
/// spreadsheet formula injection (cells starting with = + - @ get a leading ').
pub fn users_csv(users: &[UserResponse]) -> String {
    fn cell(v: &str) -> String {
        let v = if v.starts_with(['=', '+', '-', '@']) {
            format!("'{v}")
        } else {
            v.to_owned()
        };
        if v.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", v.replace('"', "\"\""))
        } else {
            v
        }
    }
    let mut out = String::from(
        "user_id,first_name,last_name,email,phone_number,role,status,last_login_at,created_at\r\n",
    );
    for u in users {
        let row = [
            u.user_id.to_string(),
            u.first_name.clone().unwrap_or_default(),
            u.last_name.clone().unwrap_or_default(),
            u.email.clone().unwrap_or_default(),
            u.phone_number.clone().unwrap_or_default(),
            u.role.clone(),
            u.status.clone(),
            u.last_login_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
            u.created_at.to_rfc3339(),
        ];
        out.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod admin_tests {
    use super::*;

    #[test]
    fn a_new_user_needs_a_name_a_role_and_an_identifier() {
        let form = NewUserForm {
            role: "nope".into(),
            ..Default::default()
        };
        let err = form.validate().unwrap_err();
        for f in ["first_name", "role", "phone_number"] {
            assert!(!err.field_errors(f).is_empty(), "{f}");
        }
        let ok = NewUserForm {
            phone_number: Some("98765 43290".into()),
            first_name: Some("Asha".into()),
            role: "junior_agent".into(),
            ..Default::default()
        };
        assert_eq!(
            ok.validate().unwrap().phone_number.as_deref(),
            Some("+919876543290")
        );
    }

    #[test]
    fn queries_clamp_paging_and_resolve_aliases() {
        let q = UserQuery {
            limit: Some(1000),
            offset: Some(-5),
            status: Some("pending".into()),
            role: Some("provider_admin".into()),
            ..Default::default()
        };
        assert_eq!((q.limit(), q.offset()), (100, 0));
        assert_eq!(q.status().as_deref(), Some("pending_verification"));
        assert_eq!(q.role().as_deref(), Some("insurance_provider_admin"));
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let now = chrono::DateTime::<chrono::Utc>::from_timestamp(0, 0).unwrap();
        let u = UserResponse {
            user_id: uuid::Uuid::nil(),
            email: None,
            phone_number: None,
            first_name: Some("=HYPERLINK(\"x\")".into()),
            last_name: Some("Rao, Jr".into()),
            display_name: None,
            role: "guest".into(),
            status: "active".into(),
            phone_verified: false,
            email_verified: false,
            last_login_at: None,
            created_at: now,
            updated_at: now,
        };
        let csv = users_csv(&[u]);
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
        assert!(csv.contains("\"Rao, Jr\""));
        assert_eq!(csv.lines().count(), 2);
    }

    #[test]
    fn preferences_are_checked() {
        let bad = PreferencesPatch {
            timezone: Some("Mars/Base".into()),
            ..Default::default()
        };
        assert!(bad.validate().is_err());
        let bad = PreferencesPatch {
            notification_preferences: Some(serde_json::json!({"fax": true})),
            ..Default::default()
        };
        assert!(bad.validate().is_err());
        let ok = PreferencesPatch {
            language_preference: Some("hi".into()),
            notification_preferences: Some(serde_json::json!({"sms": false})),
            ..Default::default()
        };
        assert!(ok.validate().is_ok());
    }
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
