//! What the policy pages and the JSON API exchange: the lifecycle, the premium
//! schedule and the renewal rules are pure and tested here.
//!
//! - `state.rs`: the lifecycle (`PolicyStatus::next`).
//! - `schedule.rs`: frequencies, due dates (calendar months, month-end rule),
//!   grace, revival and the renewal queue's buckets (`Standing`).
//! - `new_policy.rs`: writing a policy, and the policy-number rule.
//! - `policy.rs`: a policy as read, the list's query, an edit.
//! - `premium.rs`: premiums and the renewal queue's rows.
//! - `reminder.rs`: the reminders' template and the WhatsApp link.
//! - `run.rs`: "remind all" as a job, with its progress.

mod new_policy;
mod policy;
mod premium;
mod reminder;
mod run;
mod schedule;
mod state;

pub use new_policy::*;
pub use policy::*;
pub use premium::*;
pub use reminder::*;
pub use run::*;
pub use schedule::*;
pub use state::*;
