//! Policies and premiums (SPEC §3.9–3.10, §4.9–4.10): the lifecycle, premiums,
//! the renewal queue and its reminders.
//!
//! - `types/`: the wire shapes and the pure rules (lifecycle, schedule, buckets,
//!   the reminder's template).
//! - `text.rs`: the feature's messages and the plain-words standing.
//! - `api.rs`: server functions; `pages/` the views.
//! - `server/`: `service.rs` with `service/{premiums,renewals}.rs`, `repo.rs`
//!   with `repo/{premiums,renewals}.rs`, `rest.rs` and `routes.rs`.
//!
//! **Invariants:** only `PolicyStatus::next` moves a policy between states, in a
//! transaction that holds the policy row's lock and writes the audit row. The
//! renewal queue derives every bucket from the due date and the frequency. A
//! receipt is recorded once per policy. At most one reminder per policy a day.

pub mod api;
pub mod pages;
pub mod text;
pub mod types;

#[cfg(feature = "ssr")]
pub mod server;
