//! The agents' wire types and their checks (SPEC §3.7, §4.5–4.6, §5.6), shared with
//! the browser. Everything is re-exported here.
//!
//! - `state.rs`: the two states and the verification state machine (pure).
//! - `profile.rs`: the profile, the list summary, the network, documents, history.
//! - `register.rs`: registration and the agent code rule.
//! - `forms.rs`: profile edits, verification, rejection, status, shared checks.
//! - `query.rs`: the list's search and filters.

mod forms;
mod profile;
mod query;
mod register;
mod state;

pub use forms::*;
pub use profile::*;
pub use query::*;
pub use register::*;
pub use state::*;
