//! The role catalogue (SPEC §2.1): ten roles, each with a level for rank checks.

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

/// The three kinds of role. A role's grants give reach over other people's records
/// only for admin roles; an agent acts through their own agent record, and a
/// customer on their own policies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleKind {
    Admin,
    Agent,
    Customer,
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

    /// Admin, agent or customer: only admin roles reach other people's records.
    pub fn kind(self) -> RoleKind {
        match self {
            Role::SeniorAgent | Role::JuniorAgent => RoleKind::Agent,
            Role::Policyholder | Role::Guest => RoleKind::Customer,
            _ => RoleKind::Admin,
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
