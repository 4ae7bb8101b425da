//! Identity: sign-in by password, agent code or phone OTP; browser sessions and
//! mobile tokens; who is calling (`server/guard.rs`: `Caller`, `CurrentUser`, `Ctx`).
//! Roles and permissions are the `access` leaf; password rules are `credentials`.
//!
//! **Invariant:** no endpoint checks its caller by hand: the gate of its catalogue
//! entry (`crate::catalog`) checks the entry's `Access` before the handler runs, and
//! the handler then takes `ctx()` (or says `public()`). The permission matrix
//! (`server/tests/api/matrix.rs`) proves it for every entry and all ten roles.

pub mod api;
pub mod pages;
pub mod types;

#[cfg(feature = "ssr")]
pub mod server;
