//! Identity: sign-in by password, agent code or phone OTP; browser sessions and
//! mobile tokens; who is calling (`server/guard.rs`: `Caller`, `CurrentUser`, `Ctx`).
//! Roles and permissions are the `access` leaf; password rules are `credentials`.
//!
//! **Invariant:** no endpoint writes its own check of the caller: a REST route sits
//! behind the gate of its catalogue entry (`crate::catalog`), and a server function's
//! first line, `ctx::<ItsType>()` or `public::<ItsType>()`, checks the `Access` of
//! its own entry. The permission matrix (`server/tests/api/matrix.rs`) proves it for
//! every entry and all ten roles.

pub mod api;
mod code_entry;
pub mod pages;
pub mod text;
pub mod types;

#[cfg(feature = "ssr")]
pub mod server;
