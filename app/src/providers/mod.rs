//! Insurance providers (SPEC §3.6, §4.8, §5.5): the shared catalogue (LIC first),
//! managed by super admins; a provider admin edits their own provider.
//!
//! - `types.rs`: the wire shapes and the form's checks; `text.rs` the messages.
//! - `api.rs`: server functions; `pages.rs` the list, detail and form pages.
//! - `server/`: `service.rs` (who may change which provider), `repo.rs` (SQL),
//!   `secrets.rs` (integration secrets sealed at rest), `rest.rs`, `routes.rs`.
//!
//! **Invariant:** no query that feeds a response reads a secret column; secrets
//! are sealed with AES-256-GCM under the configured key before they are stored.

pub mod api;
pub mod pages;
pub mod text;
pub mod types;

#[cfg(feature = "ssr")]
pub mod server;
