//! `Access`: who may call an endpoint. One value per catalogue entry; the router's
//! gate checks it before the handler runs, and the menu asks the same question, so
//! the entry, the guard and the navigation cannot disagree.

use super::{Permission, PermissionSet, Role};

/// Who may call an endpoint (or open a page).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not (health, sign-in itself).
    Public,
    /// Any signed-in user; acts on their own data only (profile, sessions).
    SignedIn,
    /// Signed in with this permission; the service then applies scope.
    Permission(Permission),
    /// The caller's own record, or anyone's with this permission (`/users/{id}`).
    /// The gate admits every signed-in caller; the service decides "self".
    SelfOr(Permission),
    /// The caller's own agent record's data (the owner rule, SPEC §2.4), or any
    /// agent's in their tenant through an admin role with this permission. The gate
    /// admits agents and such admins; the service checks whose record it is.
    OwnerOr(Permission),
    /// Acts for the caller's own agent record when they have one (uploads, the media
    /// library); callers without one need this permission through an admin role.
    AgentOr(Permission),
    /// Reach over other people's records: this permission through an admin role
    /// (the agent admin lists). An agent's own grants do not count.
    Reach(Permission),
    /// The caller's own agent record only (the agent's profile and verification).
    OwnAgent,
    /// The provider a provider admin's tenant administers, or any provider with
    /// this permission. The gate admits provider admins; the service checks which
    /// provider is theirs.
    ProviderOr(Permission),
    /// Anyone holding an admin role (the admin dashboard).
    AdminRole,
}

/// What the gate knows of a signed-in caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grants {
    /// The union of the grants of all the caller's roles.
    pub permissions: PermissionSet,
    /// The grants of the caller's admin roles only: the reach over other people's
    /// records. An agent role's grants are for the agent's own record (SPEC §2.4).
    pub reach: PermissionSet,
    /// The caller has an agent record to act through.
    pub has_agent: bool,
    /// The caller is a provider admin (who edits their own provider).
    pub provider_admin: bool,
}

impl Grants {
    pub fn of(roles: &[Role], has_agent: bool) -> Self {
        Self {
            permissions: PermissionSet::of_roles(roles),
            reach: PermissionSet::of_admin_roles(roles),
            has_agent,
            provider_admin: roles.contains(&Role::InsuranceProviderAdmin),
        }
    }
}

/// Why the gate refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// No caller, and the entry is not public: 401.
    SignIn,
    /// Signed in without this permission: 403.
    Missing(Permission),
    /// Signed in without an agent record of their own: 403.
    NotAnAgent,
    /// Signed in without an admin role: 403.
    NotAnAdmin,
}

impl Access {
    /// The check made before the handler runs, from the caller alone. Whose record a
    /// request touches (self, owner, tenant) is the service's to decide.
    pub fn admit(self, caller: Option<&Grants>) -> Result<(), Denied> {
        let Some(g) = caller else {
            return match self {
                Access::Public => Ok(()),
                _ => Err(Denied::SignIn),
            };
        };
        match self {
            Access::Public | Access::SignedIn | Access::SelfOr(_) => Ok(()),
            Access::Permission(p) if g.permissions.contains(p) => Ok(()),
            Access::OwnerOr(p) | Access::AgentOr(p) if g.has_agent || g.reach.contains(p) => Ok(()),
            Access::Reach(p) if g.reach.contains(p) => Ok(()),
            Access::ProviderOr(p) if g.provider_admin || g.permissions.contains(p) => Ok(()),
            Access::OwnAgent if g.has_agent => Ok(()),
            Access::OwnAgent => Err(Denied::NotAnAgent),
            Access::AdminRole if !g.reach.is_empty() => Ok(()),
            Access::AdminRole => Err(Denied::NotAnAdmin),
            Access::Permission(p)
            | Access::OwnerOr(p)
            | Access::AgentOr(p)
            | Access::Reach(p)
            | Access::ProviderOr(p) => Err(Denied::Missing(p)),
        }
    }

    /// True when the caller passes the gate: the menu shows only what this admits.
    pub fn admits(self, caller: Option<&Grants>) -> bool {
        self.admit(caller).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Permission::*;

    #[test]
    fn anonymous_callers_pass_only_public_entries() {
        assert_eq!(Access::Public.admit(None), Ok(()));
        for access in [
            Access::SignedIn,
            Access::Permission(UsersRead),
            Access::SelfOr(UsersRead),
            Access::OwnerOr(PresentationsRead),
            Access::AgentOr(PresentationsUpdate),
        ] {
            assert_eq!(access.admit(None), Err(Denied::SignIn), "{access:?}");
        }
    }

    #[test]
    fn owner_entries_admit_agents_and_admins_but_not_roles_without_reach() {
        let agent = Grants::of(&[Role::JuniorAgent], true);
        let agent_without_record = Grants::of(&[Role::SeniorAgent], false);
        let guest = Grants::of(&[Role::Guest], false);
        let admin = Grants::of(&[Role::InsuranceProviderAdmin], false);
        let owner = Access::OwnerOr(PresentationsRead);
        assert!(owner.admits(Some(&agent)));
        assert!(owner.admits(Some(&admin)));
        // A guest holds presentations.read, and a senior agent presentations.update,
        // but neither is an admin role: no reach over other agents' decks.
        assert_eq!(
            owner.admit(Some(&guest)),
            Err(Denied::Missing(PresentationsRead))
        );
        assert!(!Access::AgentOr(PresentationsUpdate).admits(Some(&agent_without_record)));
        assert!(Access::Permission(PresentationsRead).admits(Some(&guest)));
    }

    #[test]
    fn reach_counts_admin_roles_only_and_own_agent_needs_a_record() {
        let agent = Grants::of(&[Role::SeniorAgent], true);
        let manager = Grants::of(&[Role::RegionalManager], false);
        // Senior agents hold agents.read, but for their own record only.
        assert!(!Access::Reach(AgentsRead).admits(Some(&agent)));
        assert!(Access::Reach(AgentsRead).admits(Some(&manager)));
        assert!(Access::OwnAgent.admits(Some(&agent)));
        assert_eq!(
            Access::OwnAgent.admit(Some(&manager)),
            Err(Denied::NotAnAgent)
        );
        assert_eq!(Access::OwnAgent.admit(None), Err(Denied::SignIn));
    }
}
