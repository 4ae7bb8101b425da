//! Users: the people of Agent Mitra, their roles and preferences; the admin user
//! list and detail pages and the self-service profile page.
//!
//! **Invariant:** queries are scoped by the caller's tenant (`service::tenant_scope`),
//! and a caller never acts on a user ranked above their own role.

pub mod api;
pub mod labels;
pub mod pages;
pub mod text;
pub mod types;

#[cfg(feature = "ssr")]
pub mod server;
