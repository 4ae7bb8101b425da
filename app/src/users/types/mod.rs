//! The user admin's wire types and their validation (SPEC §5.3), shared with the
//! browser. One file per use case; everything is re-exported here, so callers keep
//! naming `crate::users::types::X`.
//!
//! - `user.rs`: a user as answered, the new-user form and the patch, with their checks.
//! - `query.rs`: the admin list's filter, sort and paging.
//! - `preferences.rs`: language, theme, time zone and notification channels.
//! - `rbac.rs`: roles and permissions, `/users/me` and the detail page's answer.
//! - `csv.rs`: the users export.

mod csv;
mod preferences;
mod query;
mod rbac;
mod user;

pub use crate::access::UserStatus;
pub use csv::*;
pub use preferences::*;
pub use query::*;
pub use rbac::*;
pub use user::*;
