//! Identity: sign-in by password, agent code or phone OTP; browser sessions and
//! mobile tokens; the permission catalogue and the guard every endpoint starts with.
//!
//! **Invariant:** every server function and handler begins with a guard call
//! (`require`, `signed_in` or `public`), matching its `app::catalog` entry; the
//! permission-matrix test (`server/tests/api/matrix.rs`) proves it for all ten roles.

pub mod api;
pub mod pages;
pub mod types;

#[cfg(feature = "ssr")]
pub mod server;
