//! Policies and premiums (SPEC §3.9–3.10, §4.9–4.10): the lifecycle, the premium
//! schedule and the renewal queue's rules. The types are pure and shared; the
//! services, pages and endpoints grow here with the rest of the customers issue.

pub mod text;
pub mod types;
