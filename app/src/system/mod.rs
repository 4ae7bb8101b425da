//! System: liveness and health (database, host), the service's "about" card and the
//! status page. It owns no tables; it reads Postgres only to prove it is reachable.
//!
//! Health is public on purpose: load balancers and phones on a bad network ask it
//! before anything else. It reveals counts and timings, never configuration.

pub mod api;
pub mod pages;
pub mod text;
pub mod types;

#[cfg(feature = "ssr")]
pub mod server;
