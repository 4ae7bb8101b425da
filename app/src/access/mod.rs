//! Who may do what: the ten roles, the permission catalogue, each role's grants, and
//! the account statuses that let a user in at all.
//!
//! A leaf: it imports nothing of ours, so every feature (and `ui/`) may import it and
//! no import circle can run through it. "Own", "team" and "tenant" scope is not here:
//! services apply it to the data (SPEC §2.4).

mod permissions;
mod roles;
mod rule;
mod status;

pub use permissions::{grants, Permission, PermissionSet};
pub use roles::{Role, RoleKind};
pub use rule::{Access, Denied, Grants};
pub use status::UserStatus;
