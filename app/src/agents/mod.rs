//! Agents (SPEC §3.7, §4.5–4.6, §5.6): registration, the verification state
//! machine, the agent's own profile, the admin list and detail, the network, and
//! the admin dashboard.
//!
//! - `types/`: wire shapes, the state machine (pure) and the forms' checks.
//! - `text.rs`: the feature's messages and state labels.
//! - `api.rs`: server functions; `pages/` the views.
//! - `server/`: `scope.rs` (the one agent-scope rule for every agent-scoped list),
//!   `service.rs` with `service/{register,change}.rs`, `documents.rs`, `repo.rs`
//!   with `repo/documents.rs`, `rest.rs`, `routes.rs` and `web.rs` (the pages'
//!   endpoints and upload forms).
//!
//! **Invariants:** an agent acts on their own record only; anyone else needs an
//! admin role's reach, limited by `AgentScope`. Only `AgentState::next` moves an
//! agent between states, inside a transaction that holds the agent row's lock and
//! writes the audit row. Only an active agent publishes. The network is a tree.

pub mod api;
pub mod pages;
pub mod text;
pub mod types;

/// The upload forms' paths, shared by the page and its handler.
pub mod server_paths {
    pub const DOCUMENT_FORM: &str = "/api/ui/agents/me/document";
    pub const PHOTO_FORM: &str = "/api/ui/agents/me/photo";
}

#[cfg(feature = "ssr")]
pub mod server;
