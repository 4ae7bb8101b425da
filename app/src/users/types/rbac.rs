//! Roles and permissions on the wire (`/api/v1/rbac/*`), the caller's own view
//! (`/users/me`) and the short answers of the role and status changes.

use super::UserResponse;
use serde::{Deserialize, Serialize};

/// `POST /api/v1/rbac/users/assign-role` and `remove-role`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoleChange {
    pub user_id: uuid::Uuid,
    pub role_name: String,
}

/// `GET /api/v1/rbac/roles`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoleInfo {
    pub role_name: String,
    pub level: u8,
    pub is_system_role: bool,
    pub permissions: Vec<String>,
}

/// `GET /api/v1/users/me` (SPEC §9 #8): the user's fields flat, the same object
/// under `user`, and the caller's roles, permissions and preferences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Me {
    #[serde(flatten)]
    pub profile: UserResponse,
    pub user: UserResponse,
    pub language_preference: String,
    pub timezone: String,
    pub theme_preference: String,
    pub roles: Vec<String>,
    pub permissions: Vec<String>,
    pub agent_id: Option<uuid::Uuid>,
}

/// One row of `GET /api/v1/rbac/permissions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PermissionInfo {
    pub permission_name: String,
    pub resource_type: String,
    pub action: String,
}

impl PermissionInfo {
    pub fn of(p: crate::access::Permission) -> Self {
        let (resource, action) = p.name().split_once('.').unwrap_or((p.name(), ""));
        Self {
            permission_name: p.name().into(),
            resource_type: resource.into(),
            action: action.into(),
        }
    }
}

/// `GET /api/v1/rbac/users/{user_id}/roles`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserRoles {
    pub user_id: uuid::Uuid,
    pub user_name: Option<String>,
    pub user_email: Option<String>,
    pub roles: Vec<String>,
    pub permissions: Vec<String>,
}

/// `DELETE /api/v1/users/{user_id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Deactivated {
    pub message: String,
    pub user_id: uuid::Uuid,
}

/// A one-line answer (`{"message": …}`) of the role changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Message {
    pub message: String,
}

/// A user, their roles and (for the detail page) whether they are the caller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserDetail {
    pub user: UserResponse,
    pub roles: Vec<String>,
    pub is_self: bool,
}
