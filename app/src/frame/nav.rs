//! The navigation table. Items are data, so the header and the mobile menu read one
//! list, and each item carries the `Access` of the page it opens: the menu asks the
//! same question as the catalogue's gate (`Access::admits`), so it offers only what
//! the caller can use. Hiding is UX only: the server guards every endpoint.

use crate::access::{Access, Permission};
use crate::auth::types::SessionUser;
use crate::i18n::Msg;

/// Who sees a navigation item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// Only signed-out visitors (the sign-in link).
    SignedOut,
    /// Whoever this access admits (`Access::Public`: everyone).
    To(Access),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavItem {
    pub href: &'static str,
    pub label: Msg,
    pub show: Show,
}

/// The name to greet someone by: none when the account has no name yet (a
/// customer who signed in with an SMS code), never their phone number.
pub fn person_name(me: &SessionUser) -> Option<String> {
    let name = me.user.full_name.trim();
    let is_phone = me.user.phone_number.as_deref() == Some(name)
        || name
            .trim_start_matches('+')
            .chars()
            .all(|c| c.is_ascii_digit());
    (!name.is_empty() && !is_phone).then(|| name.to_owned())
}

impl NavItem {
    pub fn visible_to(&self, me: Option<&SessionUser>) -> bool {
        match self.show {
            Show::SignedOut => me.is_none(),
            Show::To(access) => access.admits(me.map(SessionUser::grants).as_ref()),
        }
    }
}

pub const NAV_ITEMS: &[NavItem] = &[
    NavItem {
        href: "/",
        label: Msg::NavHome,
        show: Show::To(Access::Public),
    },
    NavItem {
        href: "/status",
        label: Msg::NavStatus,
        show: Show::To(Access::Public),
    },
    NavItem {
        href: "/admin",
        label: Msg::NavDashboard,
        show: Show::To(Access::AdminRole),
    },
    NavItem {
        href: "/admin/agents",
        label: Msg::NavAgents,
        show: Show::To(Access::Reach(Permission::AgentsRead)),
    },
    NavItem {
        href: "/admin/providers",
        label: Msg::NavProviders,
        show: Show::To(Access::AdminRole),
    },
    NavItem {
        href: "/agent/profile",
        label: Msg::NavAgentProfile,
        show: Show::To(Access::OwnAgent),
    },
    NavItem {
        href: "/agent/renewals",
        label: Msg::NavRenewals,
        show: Show::To(Access::OwnerOr(Permission::PoliciesRead)),
    },
    NavItem {
        href: "/agent/customers",
        label: Msg::NavCustomers,
        show: Show::To(Access::OwnerOr(Permission::CustomersRead)),
    },
    NavItem {
        href: "/agent/import",
        label: Msg::NavImport,
        show: Show::To(Access::OwnAgent),
    },
    NavItem {
        href: "/policies",
        label: Msg::NavPolicies,
        show: Show::To(Access::OwnerOr(Permission::PoliciesRead)),
    },
    NavItem {
        href: "/agent/presentations",
        label: Msg::NavPresentations,
        show: Show::To(Access::OwnerOr(Permission::PresentationsRead)),
    },
    NavItem {
        href: "/admin/users",
        label: Msg::NavUsers,
        show: Show::To(Access::Permission(Permission::UsersSearch)),
    },
    NavItem {
        href: "/me",
        label: Msg::NavProfile,
        show: Show::To(Access::SignedIn),
    },
    NavItem {
        href: "/me/security",
        label: Msg::NavSecurity,
        show: Show::To(Access::SignedIn),
    },
    NavItem {
        href: "/login",
        label: Msg::SignIn,
        show: Show::SignedOut,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::Role;

    fn session(role: Role, agent: bool) -> SessionUser {
        SessionUser::for_tests(role, agent)
    }

    fn menu(me: Option<&SessionUser>) -> Vec<&'static str> {
        NAV_ITEMS
            .iter()
            .filter(|i| i.visible_to(me))
            .map(|i| i.href)
            .collect()
    }

    #[test]
    fn the_menu_offers_what_the_gate_admits() {
        assert!(menu(None).contains(&"/login"));
        assert!(!menu(None).contains(&"/me"));
        let agent = session(Role::JuniorAgent, true);
        assert!(menu(Some(&agent)).contains(&"/agent/presentations"));
        assert!(!menu(Some(&agent)).contains(&"/admin/users"));
        // A guest holds presentations.read, but no admin role reaches any deck.
        let guest = session(Role::Guest, false);
        assert!(!menu(Some(&guest)).contains(&"/agent/presentations"));
        let admin = session(Role::SuperAdmin, false);
        assert!(menu(Some(&admin)).contains(&"/admin/users"));
        assert!(!menu(Some(&admin)).contains(&"/login"));
    }
}
