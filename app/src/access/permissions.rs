//! The permission catalogue (SPEC §2.3) and each role's grants, compiled in.
//!
//! There is no inheritance: a role has exactly the grants listed here (SPEC §9 #7),
//! and the login response lists them. "Own"/"team"/"tenant" scope is not a permission:
//! services apply it to the data (SPEC §2.4).

use super::Role;
use serde::{Deserialize, Serialize};

macro_rules! permissions {
    ($($variant:ident => $name:literal,)*) => {
        /// One `resource.action` permission.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u8)]
        pub enum Permission { $($variant,)* }

        impl Permission {
            pub const ALL: &'static [Permission] = &[$(Permission::$variant,)*];

            pub fn name(self) -> &'static str {
                match self { $(Permission::$variant => $name,)* }
            }

            pub fn parse(name: &str) -> Option<Permission> {
                match name { $($name => Some(Permission::$variant),)* _ => None }
            }
        }
    };
}

permissions! {
    UsersCreate => "users.create", UsersRead => "users.read", UsersUpdate => "users.update",
    UsersDelete => "users.delete", UsersSearch => "users.search",
    AgentsCreate => "agents.create", AgentsRead => "agents.read", AgentsUpdate => "agents.update",
    AgentsDelete => "agents.delete", AgentsApprove => "agents.approve",
    PoliciesCreate => "policies.create", PoliciesRead => "policies.read",
    PoliciesUpdate => "policies.update", PoliciesDelete => "policies.delete",
    PoliciesApprove => "policies.approve",
    CustomersCreate => "customers.create", CustomersRead => "customers.read",
    CustomersUpdate => "customers.update", CustomersDelete => "customers.delete",
    PaymentsCreate => "payments.create", PaymentsRead => "payments.read",
    PaymentsUpdate => "payments.update", PaymentsProcess => "payments.process",
    ReportsRead => "reports.read", ReportsCreate => "reports.create", ReportsAdmin => "reports.admin",
    AnalyticsRead => "analytics.read",
    CampaignsCreate => "campaigns.create", CampaignsRead => "campaigns.read",
    CampaignsUpdate => "campaigns.update", CampaignsDelete => "campaigns.delete",
    PresentationsCreate => "presentations.create", PresentationsRead => "presentations.read",
    PresentationsUpdate => "presentations.update", PresentationsPublish => "presentations.publish",
    NotificationsSend => "notifications.send", NotificationsManage => "notifications.manage",
    TicketsRead => "tickets.read", TicketsCreate => "tickets.create", TicketsUpdate => "tickets.update",
    TicketsClose => "tickets.close", TicketsManage => "tickets.manage",
    SystemAdmin => "system.admin", SystemConfig => "system.config",
    AuditRead => "audit.read", AuditExport => "audit.export",
    ComplianceRead => "compliance.read", ComplianceWrite => "compliance.write",
    ComplianceAdmin => "compliance.admin",
    TenantsCreate => "tenants.create", TenantsRead => "tenants.read", TenantsUpdate => "tenants.update",
    TenantsDelete => "tenants.delete", TenantsList => "tenants.list",
    TenantsManageUsers => "tenants.manage_users", TenantsManageConfig => "tenants.manage_config",
    FeatureFlagsRead => "feature_flags.read", FeatureFlagsUpdate => "feature_flags.update",
    FeatureFlagsAdmin => "feature_flags.admin",
    ProvidersCreate => "providers.create", ProvidersUpdate => "providers.update",
    ProvidersDelete => "providers.delete",
}

impl Serialize for Permission {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Permission {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Permission::parse(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown permission {name}")))
    }
}

impl std::fmt::Display for Permission {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

use Permission::*;

/// The grants of each role (V28 plus the proposed `providers.*` for super admin).
pub fn grants(role: Role) -> &'static [Permission] {
    match role {
        Role::SuperAdmin => Permission::ALL,
        Role::InsuranceProviderAdmin => &[
            UsersRead,
            UsersSearch,
            UsersUpdate,
            AgentsCreate,
            AgentsRead,
            AgentsUpdate,
            AgentsApprove,
            PoliciesCreate,
            PoliciesRead,
            PoliciesUpdate,
            PoliciesApprove,
            CustomersRead,
            CustomersUpdate,
            PaymentsRead,
            PresentationsCreate,
            PresentationsRead,
            PresentationsUpdate,
            PresentationsPublish,
            AuditRead,
            ReportsRead,
            ReportsCreate,
            AnalyticsRead,
            CampaignsCreate,
            CampaignsRead,
            CampaignsUpdate,
            CampaignsDelete,
            NotificationsSend,
            NotificationsManage,
        ],
        Role::RegionalManager => &[
            UsersSearch,
            AgentsRead,
            AgentsUpdate,
            PoliciesRead,
            PoliciesUpdate,
            PoliciesApprove,
            CustomersRead,
            CustomersUpdate,
            PaymentsRead,
            PresentationsRead,
            PresentationsPublish,
            ReportsRead,
            AnalyticsRead,
            CampaignsCreate,
            CampaignsRead,
            CampaignsUpdate,
            NotificationsSend,
            TicketsRead,
            TicketsCreate,
        ],
        Role::SeniorAgent => &[
            AgentsRead,
            AgentsUpdate,
            PoliciesCreate,
            PoliciesRead,
            PoliciesUpdate,
            CustomersCreate,
            CustomersRead,
            CustomersUpdate,
            PaymentsCreate,
            PaymentsRead,
            PresentationsCreate,
            PresentationsRead,
            PresentationsUpdate,
            AnalyticsRead,
            CampaignsCreate,
            CampaignsRead,
        ],
        Role::JuniorAgent => &[
            AgentsRead,
            PoliciesCreate,
            PoliciesRead,
            CustomersCreate,
            CustomersRead,
            PaymentsRead,
            PresentationsRead,
        ],
        Role::Policyholder => &[
            PoliciesRead,
            CustomersRead,
            PaymentsRead,
            PaymentsCreate,
            TicketsCreate,
        ],
        Role::SupportStaff => &[
            PoliciesRead,
            CustomersRead,
            CustomersUpdate,
            TicketsRead,
            TicketsCreate,
            TicketsUpdate,
            TicketsClose,
            ReportsRead,
        ],
        Role::Guest => &[PresentationsRead, PoliciesRead],
        Role::ComplianceOfficer => &[
            UsersRead,
            AuditRead,
            AuditExport,
            ComplianceRead,
            ComplianceWrite,
            ComplianceAdmin,
            ReportsRead,
        ],
        Role::CustomerSupportLead => &[
            UsersRead,
            CustomersRead,
            CustomersUpdate,
            TicketsRead,
            TicketsCreate,
            TicketsUpdate,
            TicketsClose,
            TicketsManage,
            ReportsRead,
        ],
    }
}

/// A set of permissions as a bitmask: cheap to copy into every request's context.
/// 128 bits: the catalogue has 62 today and each wave adds some (a test keeps room).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermissionSet(u128);

impl PermissionSet {
    /// The union of the grants of all `roles`.
    pub fn of_roles(roles: &[Role]) -> Self {
        roles
            .iter()
            .flat_map(|role| grants(*role))
            .fold(Self::default(), |set, p| set.with(*p))
    }

    /// The union of the grants of the admin roles among `roles`: the reach over
    /// other people's records (an agent's grants are for their own record).
    pub fn of_admin_roles(roles: &[Role]) -> Self {
        let admin: Vec<Role> = roles
            .iter()
            .copied()
            .filter(|r| r.kind() == super::RoleKind::Admin)
            .collect();
        Self::of_roles(&admin)
    }

    pub fn with(self, p: Permission) -> Self {
        Self(self.0 | 1u128 << p as u8)
    }

    pub fn contains(self, p: Permission) -> bool {
        self.0 & (1u128 << p as u8) != 0
    }

    /// In catalogue order.
    pub fn iter(self) -> impl Iterator<Item = Permission> {
        Permission::ALL
            .iter()
            .copied()
            .filter(move |p| self.contains(*p))
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// In OpenAPI a permission is one of the catalogue's dotted names.
#[cfg(feature = "ssr")]
impl utoipa::PartialSchema for Permission {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
        utoipa::openapi::RefOr::T(Schema::Object(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(Permission::ALL.iter().map(|p| p.name())))
                .build(),
        ))
    }
}

#[cfg(feature = "ssr")]
impl utoipa::ToSchema for Permission {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_has_59_v28_permissions_plus_three_provider_ones() {
        assert_eq!(Permission::ALL.len(), 62);
        assert!(Permission::ALL.len() <= 128, "PermissionSet is a u128");
        for p in Permission::ALL {
            assert_eq!(Permission::parse(p.name()), Some(*p));
        }
    }

    #[test]
    fn grant_counts_match_the_seed_clients_assertions() {
        let expected = [
            (Role::SuperAdmin, 62),
            (Role::InsuranceProviderAdmin, 28),
            (Role::RegionalManager, 19),
            (Role::SeniorAgent, 16),
            (Role::JuniorAgent, 7),
            (Role::Policyholder, 5),
            (Role::SupportStaff, 8),
            (Role::Guest, 2),
            (Role::ComplianceOfficer, 7),
            (Role::CustomerSupportLead, 9),
        ];
        for (role, count) in expected {
            assert_eq!(PermissionSet::of_roles(&[role]).len(), count, "{role:?}");
            assert_eq!(grants(role).len(), count, "{role:?} lists no duplicates");
        }
    }

    #[test]
    fn matrix_spot_checks_from_spec_2_4() {
        let has = |role, p| PermissionSet::of_roles(&[role]).contains(p);
        assert!(has(Role::SuperAdmin, SystemAdmin));
        assert!(!has(Role::InsuranceProviderAdmin, SystemAdmin));
        assert!(has(Role::RegionalManager, UsersSearch));
        assert!(!has(Role::RegionalManager, UsersRead));
        assert!(!has(Role::InsuranceProviderAdmin, UsersCreate));
        assert!(!has(Role::InsuranceProviderAdmin, UsersDelete));
        assert!(has(Role::ComplianceOfficer, AuditRead));
        assert!(!has(Role::JuniorAgent, PresentationsPublish));
        assert!(!has(Role::Guest, UsersSearch));
    }

    #[test]
    fn a_permission_set_holds_128_bits() {
        assert_eq!(std::mem::size_of::<PermissionSet>() * 8, 128);
        // The highest bit a permission could take is distinct from the lowest.
        let high = PermissionSet(1u128 << 127);
        let low = PermissionSet::default().with(Permission::ALL[0]);
        assert_ne!(high, low);
        assert_eq!(high.0.count_ones() + low.0.count_ones(), 2);
        assert!(!high.contains(Permission::ALL[0]));
        // Every catalogued permission sets its own bit.
        let all = Permission::ALL
            .iter()
            .fold(PermissionSet::default(), |s, p| s.with(*p));
        assert_eq!(all.len(), Permission::ALL.len());
        let json = serde_json::to_string(&all).unwrap();
        assert_eq!(serde_json::from_str::<PermissionSet>(&json).unwrap(), all);
    }

    #[test]
    fn permissions_serialize_as_their_dotted_names() {
        assert_eq!(
            serde_json::to_string(&UsersSearch).unwrap(),
            "\"users.search\""
        );
        let set = PermissionSet::default().with(AuditRead).with(UsersRead);
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![UsersRead, AuditRead]);
    }
}
