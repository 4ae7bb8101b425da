//! The wire and editor types of presentations (SPEC §5.9). Shared with the browser:
//! the editor builds a `PresentationInput` and the carousel renders `Slide`s.
//!
//! JSON is snake_case, except inside `cta_button` and `agent_branding`, which keep the
//! source's camelCase keys (SPEC §9 #33).
//!
//! One file per use case, everything re-exported here (`crate::presentations::types::X`):
//!
//! - `slides.rs`: a slide, its enums, button and branding, and the editor's limits.
//! - `decks.rs`: a presentation, its status, the create/update body and the answers.
//! - `templates.rs`: templates, their categories, and a draft from one.
//! - `media.rs`: the agent's media library.

mod decks;
mod media;
mod slides;
mod templates;

pub use decks::*;
pub use media::*;
pub use slides::*;
pub use templates::*;
