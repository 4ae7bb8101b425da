//! Who may do what: the ten roles, the permission catalogue and each role's grants.
//!
//! A leaf: it imports nothing of ours, so every feature (and `ui/`) may import it and
//! no import circle can run through it. "Own", "team" and "tenant" scope is not here:
//! services apply it to the data (SPEC §2.4).

mod permissions;
mod roles;
mod rule;

pub use permissions::{grants, Permission, PermissionSet};
pub use roles::{Role, RoleKind};
pub use rule::{Access, Denied, Grants};
