//! The navigation table. Items are data, so the header, the mobile menu and (later)
//! the role-aware filter all read one list. Identity adds a `requires` permission to
//! each item; features add their items here as they land (agents, policies,
//! presentations, admin).

use crate::i18n::Msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavItem {
    pub href: &'static str,
    pub label: Msg,
}

pub const NAV_ITEMS: &[NavItem] = &[
    NavItem {
        href: "/",
        label: Msg::NavHome,
    },
    NavItem {
        href: "/status",
        label: Msg::NavStatus,
    },
];
