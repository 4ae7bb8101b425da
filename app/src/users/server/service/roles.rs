//! Extra roles: granting and taking them (never at or above the caller's own level,
//! never on someone ranked above the caller), and the compiled role catalogue.

use super::{audit_user, may_grant, may_manage, tenant_scope};
use crate::access::{PermissionSet, Role};
use crate::audit::Event;
use crate::auth::server::guard::Ctx;
use crate::error::{AppError, AppResult};
use crate::users::server::repo;
use crate::users::types::{RoleChange, RoleInfo};

fn parse_role(name: &str, message: &str) -> AppResult<Role> {
    Role::parse(name.trim()).ok_or_else(|| AppError::BadRequest(message.into()))
}

/// Adds a role. Nobody below super admin may grant a role at or above their own.
pub async fn assign_role(ctx: &Ctx, change: &RoleChange) -> AppResult<String> {
    let Ctx { state, caller, .. } = ctx;
    let role = parse_role(&change.role_name, "Failed to assign role")?;
    may_grant(caller, role)?;
    let mut tx = state.pool.begin().await?;
    repo::get(&mut tx, tenant_scope(caller), change.user_id)
        .await?
        .ok_or_else(|| AppError::BadRequest("Failed to assign role".into()))?;
    may_manage(&mut tx, caller, change.user_id).await?;
    repo::assign_role(&mut tx, change.user_id, role, caller.user_id).await?;
    audit_user(
        &mut tx,
        ctx,
        Event::RoleAssigned,
        change.user_id,
        serde_json::json!({"role": role.as_str()}),
    )
    .await?;
    tx.commit().await?;
    Ok(format!(
        "Role {} assigned to user {}",
        role.as_str(),
        change.user_id
    ))
}

pub async fn remove_role(ctx: &Ctx, change: &RoleChange) -> AppResult<String> {
    let Ctx { state, caller, .. } = ctx;
    let role = parse_role(&change.role_name, "Failed to remove role")?;
    may_grant(caller, role)?;
    let mut tx = state.pool.begin().await?;
    repo::get(&mut tx, tenant_scope(caller), change.user_id)
        .await?
        .ok_or_else(|| AppError::BadRequest("Failed to remove role".into()))?;
    may_manage(&mut tx, caller, change.user_id).await?;
    if !repo::remove_role(&mut tx, change.user_id, role).await? {
        return Err(AppError::BadRequest("Failed to remove role".into()));
    }
    audit_user(
        &mut tx,
        ctx,
        Event::RoleRemoved,
        change.user_id,
        serde_json::json!({"role": role.as_str()}),
    )
    .await?;
    tx.commit().await?;
    Ok(format!(
        "Role {} removed from user {}",
        role.as_str(),
        change.user_id
    ))
}

/// The role catalogue with each role's grants (read-only; compiled in).
pub fn roles() -> Vec<RoleInfo> {
    Role::ALL
        .into_iter()
        .map(|role| RoleInfo {
            role_name: role.as_str().into(),
            level: role.level(),
            is_system_role: true,
            permissions: PermissionSet::of_roles(&[role])
                .iter()
                .map(|p| p.name().to_owned())
                .collect(),
        })
        .collect()
}
