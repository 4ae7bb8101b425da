//! The audit trail (SPEC §4.16): who did what, to which record, from where.
//!
//! - [`Event`]: every kind of row, one enum, named `resource.action`. Names written
//!   by earlier versions (`login_attempt`, `user_created`, …) still parse.
//! - `record(&mut PgConnection, …)` (server only): called with the transaction that
//!   makes the change, so a committed change has its row and a rolled-back one has
//!   none. `record_failure` is for refusals that commit nothing (failed sign-ins).
//!
//! Never put a password, a token or an OTP code in `details`.

mod event;
#[cfg(feature = "ssr")]
mod record;

pub use event::Event;
#[cfg(feature = "ssr")]
pub use record::{record, record_change, record_failure, Entry};
