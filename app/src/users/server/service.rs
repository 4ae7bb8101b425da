//! User management and self-service rules (SPEC §4.7): tenant scope, self versus
//! admin fields, role levels, soft deactivation that ends sessions at once.
//!
//! This file holds the shared rules (scope, rank, audit) and the single-user use
//! cases; `service/list.rs` (the admin list and its export), `service/roles.rs` and
//! `service/preferences.rs` hold the rest, re-exported here.

use crate::access::{Permission, Role};
use crate::audit::{self, Entry, Event};
use crate::auth::server::{
    guard::{Ctx, CurrentUser},
    repo as auth_repo,
};
use crate::credentials::argon2id;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::users::server::repo;
use crate::users::text::T;
use crate::users::types::*;
use uuid::Uuid;

mod list;
mod preferences;
mod roles;

pub use list::*;
pub use preferences::*;
pub use roles::*;

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

/// The audit row of a change to a user, written with the change's transaction.
async fn audit_user(
    conn: &mut sqlx::PgConnection,
    ctx: &Ctx,
    event: Event,
    target: Uuid,
    details: serde_json::Value,
) -> AppResult<()> {
    let e = Entry::new(event)
        .by(&ctx.caller)
        .on("user", target)
        .details(details);
    audit::record(conn, &ctx.meta, e).await
}

pub async fn get(ctx: &Ctx, user_id: Uuid) -> AppResult<UserDetail> {
    let Ctx { state, caller, .. } = ctx;
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
fn conflict(lang: Lang) -> impl Fn(sqlx::Error) -> AppError {
    move |err| {
        if let sqlx::Error::Database(db) = &err {
            let field = match db.constraint() {
                Some("users_email_key" | "users_email_lower_key") => Some(("email", T::EmailTaken)),
                Some("users_phone_number_key") => Some(("phone_number", T::PhoneTaken)),
                Some("users_identifier_present") => Some(("email", T::KeepAnIdentifier)),
                _ => None,
            };
            if let Some((field, msg)) = field {
                return AppError::invalid(lang, field, msg);
            }
        }
        AppError::from(err)
    }
}

/// # Errors
/// `Invalid` for bad input or a duplicate email/phone; `Forbidden` for a role above
/// the caller's own.
pub async fn create(ctx: &Ctx, form: &NewUserForm) -> AppResult<UserResponse> {
    let Ctx { state, caller, .. } = ctx;
    let new = form.validate(ctx.meta.lang)?;
    may_grant(caller, new.role)?;
    // Without a password the account signs in by OTP only: store an unusable hash.
    let hash = argon2id::hash(
        new.password
            .clone()
            .unwrap_or_else(|| Uuid::new_v4().to_string()),
    )
    .await?;
    let mut tx = state.pool.begin().await?;
    let id = repo::insert(&mut tx, caller.tenant_id, &new, &hash, caller.user_id)
        .await
        .map_err(conflict(ctx.meta.lang))?;
    let user = repo::get(&mut tx, None, id).await?.ok_or_else(not_found)?;
    audit_user(
        &mut tx,
        ctx,
        Event::UserCreated,
        id,
        serde_json::json!({"role": new.role.as_str()}),
    )
    .await?;
    tx.commit().await?;
    Ok(user)
}

/// Self-edits change names only; email, phone and status need `users.update`.
pub async fn update(ctx: &Ctx, user_id: Uuid, patch: &UserPatch) -> AppResult<UserResponse> {
    let Ctx { state, caller, .. } = ctx;
    self_or(
        caller,
        user_id,
        Permission::UsersUpdate,
        "Insufficient permissions to update this user",
    )?;
    patch.validate(ctx.meta.lang)?;
    let admin = caller.can(Permission::UsersUpdate);
    let mut patch = patch.clone();
    // Stored as +91XXXXXXXXXX; validation has refused any other non-empty number.
    patch.phone_number = patch
        .phone_number
        .map(|p| crate::credentials::normalize_phone(&p).unwrap_or_default());
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
        .map_err(conflict(ctx.meta.lang))?;
    if patch.status.as_deref().is_some_and(|s| s != "active") {
        auth_repo::revoke_all_except(&mut tx, user_id, None, "account_status").await?;
    }
    let user = repo::get(&mut tx, None, user_id)
        .await?
        .ok_or_else(not_found)?;
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
        &mut tx,
        ctx,
        Event::UserUpdated,
        user_id,
        serde_json::json!({"fields": changed}),
    )
    .await?;
    tx.commit().await?;
    Ok(user)
}

/// Deactivates (soft delete) and ends every session of the user in one transaction.
pub async fn set_active(
    ctx: &Ctx,
    user_id: Uuid,
    active: bool,
    reason: Option<&str>,
) -> AppResult<UserResponse> {
    let Ctx { state, caller, .. } = ctx;
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
    let event = if active {
        Event::UserReactivated
    } else {
        Event::UserDeactivated
    };
    audit_user(
        &mut tx,
        ctx,
        event,
        user_id,
        serde_json::json!({"sessions_ended": ended, "reason": reason}),
    )
    .await?;
    tx.commit().await?;
    Ok(user)
}
