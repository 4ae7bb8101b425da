//! The navigation table. Items are data, so the header, the mobile menu and (later)
//! the role-aware filter all read one list. Identity adds a `requires` permission to
//! each item; features add their items here as they land (agents, policies,
//! presentations, admin).

use crate::auth::permissions::Permission;
use crate::auth::types::SessionUser;
use crate::i18n::Msg;

/// Who sees a navigation item. Hiding is UX only: the server guards every endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    Everyone,
    SignedOut,
    SignedIn,
    With(Permission),
    /// Agents (for their own records), or anyone with the permission.
    AgentOr(Permission),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavItem {
    pub href: &'static str,
    pub label: Msg,
    pub show: Show,
}

impl NavItem {
    pub fn visible_to(&self, me: Option<&SessionUser>) -> bool {
        match (self.show, me) {
            (Show::Everyone, _) => true,
            (Show::SignedOut, None) | (Show::SignedIn, Some(_)) => true,
            (Show::With(p), Some(me)) => me.can(p),
            (Show::AgentOr(p), Some(me)) => me.is_agent() || me.can(p),
            _ => false,
        }
    }
}

pub const NAV_ITEMS: &[NavItem] = &[
    NavItem {
        href: "/",
        label: Msg::NavHome,
        show: Show::Everyone,
    },
    NavItem {
        href: "/status",
        label: Msg::NavStatus,
        show: Show::Everyone,
    },
    NavItem {
        href: "/agent/presentations",
        label: Msg::NavPresentations,
        show: Show::AgentOr(Permission::PresentationsRead),
    },
    NavItem {
        href: "/admin/users",
        label: Msg::NavUsers,
        show: Show::With(Permission::UsersSearch),
    },
    NavItem {
        href: "/me",
        label: Msg::NavProfile,
        show: Show::SignedIn,
    },
    NavItem {
        href: "/me/security",
        label: Msg::NavSecurity,
        show: Show::SignedIn,
    },
    NavItem {
        href: "/login",
        label: Msg::SignIn,
        show: Show::SignedOut,
    },
];
