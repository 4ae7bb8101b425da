//! User management and self-service rules (SPEC §4.7): tenant scope, self versus
//! admin fields, role levels, soft deactivation that ends sessions at once.

use crate::auth::permissions::{Permission, PermissionSet};
use crate::auth::server::{
    audit::{self, AuditEvent},
    guard::{CurrentUser, RequestMeta},
    repo as auth_repo,
};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::users::server::{password, repo};
use crate::users::types::*;
use uuid::Uuid;

/// The tenant a caller's queries are limited to; `None` (all) for a super admin.
pub fn tenant_scope(caller: &CurrentUser) -> Option<Uuid> {
    (caller.role != Role::SuperAdmin).then_some(caller.tenant_id)
}

fn not_found() -> AppError {
    AppError::not_found("User")
}

/// Self, or a caller holding `permission`; others are refused with `message`.
fn self_or(
    caller: &CurrentUser,
    target: Uuid,
    permission: Permission,
    message: &str,
) -> AppResult<()> {
    if caller.user_id == target || caller.can(permission) {
        Ok(())
    } else {
        Err(AppError::Forbidden(message.into()))
    }
}

/// Below super admin, nobody acts on someone ranked at or above themself, counting
/// every role the target holds (an extra role counts as much as the primary one).
async fn may_manage(
    conn: &mut sqlx::PgConnection,
    caller: &CurrentUser,
    target: Uuid,
) -> AppResult<()> {
    if caller.role == Role::SuperAdmin || caller.user_id == target {
        return Ok(());
    }
    let primary: Option<String> = sqlx::query_scalar("SELECT role FROM users WHERE user_id = $1")
        .bind(target)
        .fetch_optional(&mut *conn)
        .await?;
    let extra = repo::extra_roles(&mut *conn, target).await?;
    let rank = primary
        .iter()
        .chain(extra.iter())
        .filter_map(|r| Role::parse(r))
        .map(Role::level)
        .max()
        .unwrap_or(0);
    if rank >= caller.role.level() {
        return Err(AppError::Forbidden(
            "Insufficient permissions to update this user".into(),
        ));
    }
    Ok(())
}

/// Nobody below super admin grants or takes a role at or above their own level.
fn may_grant(caller: &CurrentUser, role: Role) -> AppResult<()> {
    if caller.role != Role::SuperAdmin && role.level() >= caller.role.level() {
        return Err(AppError::Forbidden(format!(
            "Insufficient permissions to grant {}",
            role.as_str()
        )));
    }
    Ok(())
}

async fn audit_user(
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    event: &str,
    target: Uuid,
    details: serde_json::Value,
) {
    let mut e = AuditEvent::new(event, true);
    e.user_id = Some(caller.user_id);
    e.tenant_id = Some(caller.tenant_id);
    e.resource_type = Some("user");
    e.resource_id = Some(target.to_string());
    e.details = details;
    audit::record(&state.pool, meta, e).await;
}

pub async fn search(state: &AppState, caller: &CurrentUser, q: &UserQuery) -> AppResult<UserPage> {
    let mut conn = state.pool.acquire().await?;
    let (users, total) = repo::search(&mut conn, tenant_scope(caller), q).await?;
    Ok(UserPage {
        users,
        total,
        limit: q.limit(),
        offset: q.offset(),
    })
}

/// The CSV of exactly the filtered view (capped at 100 000 rows).
pub async fn export_csv(
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    q: &UserQuery,
) -> AppResult<String> {
    let mut conn = state.pool.acquire().await?;
    let users = repo::search_all(&mut conn, tenant_scope(caller), q, 100_000).await?;
    audit_user(
        state,
        meta,
        caller,
        "users_exported",
        caller.user_id,
        serde_json::json!({"rows": users.len()}),
    )
    .await;
    Ok(users_csv(&users))
}

pub async fn get(state: &AppState, caller: &CurrentUser, user_id: Uuid) -> AppResult<UserDetail> {
    self_or(
        caller,
        user_id,
        Permission::UsersRead,
        "Insufficient permissions to view this user",
    )?;
    let mut conn = state.pool.acquire().await?;
    let user = repo::get(&mut conn, tenant_scope(caller), user_id)
        .await?
        .ok_or_else(not_found)?;
    let roles = repo::extra_roles(&mut conn, user_id).await?;
    Ok(UserDetail {
        is_self: user_id == caller.user_id,
        user,
        roles,
    })
}

/// Maps the constraints on email and phone to field errors (never string matching).
fn conflict(err: sqlx::Error) -> AppError {
    if let sqlx::Error::Database(db) = &err {
        let field = match db.constraint() {
            Some("users_email_key" | "users_email_lower_key") => {
                Some(("email", "This email is already registered."))
            }
            Some("users_phone_number_key") => {
                Some(("phone_number", "This phone number is already registered."))
            }
            Some("users_identifier_present") => {
                Some(("email", "Keep at least a phone number or an email."))
            }
            _ => None,
        };
        if let Some((field, message)) = field {
            let mut fields = crate::error::FieldErrors::new();
            fields.insert(field.into(), vec![message.into()]);
            return AppError::Invalid {
                detail: message.into(),
                fields,
            };
        }
    }
    AppError::from(err)
}

/// # Errors
/// `Invalid` for bad input or a duplicate email/phone; `Forbidden` for a role above
/// the caller's own.
pub async fn create(
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    form: &NewUserForm,
) -> AppResult<UserResponse> {
    let new = form.validate()?;
    may_grant(caller, new.role)?;
    // Without a password the account signs in by OTP only: store an unusable hash.
    let hash = password::hash(
        new.password
            .clone()
            .unwrap_or_else(|| Uuid::new_v4().to_string()),
    )
    .await?;
    let mut tx = state.pool.begin().await?;
    let id = repo::insert(&mut tx, caller.tenant_id, &new, &hash, caller.user_id)
        .await
        .map_err(conflict)?;
    let user = repo::get(&mut tx, None, id).await?.ok_or_else(not_found)?;
    tx.commit().await?;
    audit_user(
        state,
        meta,
        caller,
        "user_created",
        id,
        serde_json::json!({"role": new.role.as_str()}),
    )
    .await;
    Ok(user)
}

/// Self-edits change names only; email, phone and status need `users.update`.
pub async fn update(
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    user_id: Uuid,
    patch: &UserPatch,
) -> AppResult<UserResponse> {
    self_or(
        caller,
        user_id,
        Permission::UsersUpdate,
        "Insufficient permissions to update this user",
    )?;
    patch.validate()?;
    let admin = caller.can(Permission::UsersUpdate);
    let mut patch = patch.clone();
    if !admin {
        // Fields a user may not change about themself are ignored, not refused (SPEC §4.7).
        patch.email = None;
        patch.phone_number = None;
        patch.status = None;
    }
    if patch.status.is_some() && user_id == caller.user_id {
        return Err(AppError::BadRequest("Cannot change your own status".into()));
    }
    let mut tx = state.pool.begin().await?;
    repo::get(&mut tx, tenant_scope(caller), user_id)
        .await?
        .ok_or_else(not_found)?;
    may_manage(&mut tx, caller, user_id).await?;
    repo::update(&mut tx, user_id, &patch, caller.user_id)
        .await
        .map_err(conflict)?;
    if patch.status.as_deref().is_some_and(|s| s != "active") {
        auth_repo::revoke_all_except(&mut tx, user_id, None, "account_status").await?;
    }
    let user = repo::get(&mut tx, None, user_id)
        .await?
        .ok_or_else(not_found)?;
    tx.commit().await?;
    let changed: Vec<&str> = [
        ("first_name", patch.first_name.is_some()),
        ("last_name", patch.last_name.is_some()),
        ("display_name", patch.display_name.is_some()),
        ("email", patch.email.is_some()),
        ("phone_number", patch.phone_number.is_some()),
        ("status", patch.status.is_some()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.then_some(k))
    .collect();
    audit_user(
        state,
        meta,
        caller,
        "user_updated",
        user_id,
        serde_json::json!({"fields": changed}),
    )
    .await;
    Ok(user)
}

/// Deactivates (soft delete) and ends every session of the user in one transaction.
pub async fn set_active(
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    user_id: Uuid,
    active: bool,
    reason: Option<&str>,
) -> AppResult<UserResponse> {
    if user_id == caller.user_id {
        return Err(AppError::BadRequest(
            "Cannot deactivate your own account".into(),
        ));
    }
    let mut tx = state.pool.begin().await?;
    repo::get(&mut tx, tenant_scope(caller), user_id)
        .await?
        .ok_or_else(not_found)?;
    may_manage(&mut tx, caller, user_id).await?;
    let status = if active { "active" } else { "deactivated" };
    repo::set_status(&mut tx, user_id, status, reason, caller.user_id).await?;
    let ended = if active {
        0
    } else {
        auth_repo::revoke_all_except(&mut tx, user_id, None, "deactivated").await?
    };
    let user = repo::get(&mut tx, None, user_id)
        .await?
        .ok_or_else(not_found)?;
    tx.commit().await?;
    let event = if active {
        "user_reactivated"
    } else {
        "user_deactivated"
    };
    audit_user(
        state,
        meta,
        caller,
        event,
        user_id,
        serde_json::json!({"sessions_ended": ended, "reason": reason}),
    )
    .await;
    Ok(user)
}

pub async fn preferences(
    state: &AppState,
    caller: &CurrentUser,
    user_id: Uuid,
) -> AppResult<Preferences> {
    self_or(
        caller,
        user_id,
        Permission::UsersRead,
        "Insufficient permissions to view user preferences",
    )?;
    let mut conn = state.pool.acquire().await?;
    repo::get(&mut conn, tenant_scope(caller), user_id)
        .await?
        .ok_or_else(not_found)?;
    repo::preferences(&mut conn, user_id)
        .await?
        .ok_or_else(not_found)
}

pub async fn update_preferences(
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    user_id: Uuid,
    patch: &PreferencesPatch,
) -> AppResult<Preferences> {
    self_or(
        caller,
        user_id,
        Permission::UsersUpdate,
        "Insufficient permissions to update user preferences",
    )?;
    patch.validate()?;
    let mut tx = state.pool.begin().await?;
    repo::get(&mut tx, tenant_scope(caller), user_id)
        .await?
        .ok_or_else(not_found)?;
    repo::update_preferences(&mut tx, user_id, patch).await?;
    let prefs = repo::preferences(&mut tx, user_id)
        .await?
        .ok_or_else(not_found)?;
    tx.commit().await?;
    audit_user(
        state,
        meta,
        caller,
        "preferences_updated",
        user_id,
        serde_json::json!({}),
    )
    .await;
    Ok(prefs)
}

fn parse_role(name: &str, message: &str) -> AppResult<Role> {
    Role::parse(name.trim()).ok_or_else(|| AppError::BadRequest(message.into()))
}

/// Adds a role. Nobody below super admin may grant a role at or above their own.
pub async fn assign_role(
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    change: &RoleChange,
) -> AppResult<String> {
    let role = parse_role(&change.role_name, "Failed to assign role")?;
    may_grant(caller, role)?;
    let mut tx = state.pool.begin().await?;
    repo::get(&mut tx, tenant_scope(caller), change.user_id)
        .await?
        .ok_or_else(|| AppError::BadRequest("Failed to assign role".into()))?;
    may_manage(&mut tx, caller, change.user_id).await?;
    repo::assign_role(&mut tx, change.user_id, role, caller.user_id).await?;
    tx.commit().await?;
    audit_user(
        state,
        meta,
        caller,
        "role_assigned",
        change.user_id,
        serde_json::json!({"role": role.as_str()}),
    )
    .await;
    Ok(format!(
        "Role {} assigned to user {}",
        role.as_str(),
        change.user_id
    ))
}

pub async fn remove_role(
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    change: &RoleChange,
) -> AppResult<String> {
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
    tx.commit().await?;
    audit_user(
        state,
        meta,
        caller,
        "role_removed",
        change.user_id,
        serde_json::json!({"role": role.as_str()}),
    )
    .await;
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
