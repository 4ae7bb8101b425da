//! Presentations: each agent's home-page carousel (SPEC §3.11, §4.11–4.12, §5.9),
//! the editor that shapes it, templates, and the agent's media library.
//!
//! - `types/`: the wire shapes, one file per use case (slides, decks, templates,
//!   media; snake_case; camelCase inside `cta_button` and `agent_branding`), shared
//!   with the browser.
//! - `rules.rs`: the slide and deck rules as pure functions; the editor shows their
//!   field errors live and the service checks them again.
//! - `carousel.rs`: the one carousel component, used on the home page, the public
//!   shop window and the editor's preview, so the preview is what gets published.
//! - `api.rs`: server functions; `pages.rs`/`editor.rs`: the views.
//! - `text.rs`: the feature's English/Hindi message table (`texts!`).
//! - `server/`: `service.rs` with `service/{save,convert}.rs` (the owner rule,
//!   revisions, one active deck, schedules), `actions.rs` (activate,
//!   archive/delete, restore, duplicate), `templates.rs`, `library.rs` (uploads,
//!   de-duplication, resizing), `media.rs` (byte sniffing, the `object_store`
//!   wrapper), `repo.rs` (SQL), `rest.rs` and `media_rest.rs` (the handlers), and
//!   `routes.rs` (every endpoint registered once).
//!
//! **Invariants:** an agent acts on their own decks through their own agent record;
//! anyone else needs an admin role's reach, and an agent role without an agent
//! record acts on nothing. Changing a published or active deck needs the publish
//! right. At most one active presentation per agent (a partial unique index, and
//! publishes serialise on the agent row); slide order is 1..n; a save names the
//! revision it started from. Every change writes its audit row in its transaction.

pub mod api;
pub mod carousel;
pub mod editor;
pub mod pages;
pub mod rules;
pub mod text;
pub mod types;
pub mod upload;

#[cfg(feature = "ssr")]
pub mod server;
