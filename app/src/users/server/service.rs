//! User management and self-service rules (SPEC §4.7): tenant scope, self versus
//! admin fields, role levels, soft deactivation that ends sessions at once.

use crate::access::{Permission, PermissionSet, Role};
use crate::audit::{self, Entry, Event};
use crate::auth::server::{
    guard::{Ctx, CurrentUser},
    repo as auth_repo,
};
use crate::credentials::argon2id;
use crate::error::{AppError, AppResult};
use crate::paging::{self, Cursor, Page};
use crate::users::server::repo;
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

/// One page of the admin list, starting at `q.cursor` (keyset paging).
pub async fn search(ctx: &Ctx, q: &UserQuery) -> AppResult<Page<UserResponse>> {
    let after = cursor(q)?;
    let limit = paging::limit(q.limit);
    let tenant = tenant_scope(&ctx.caller);
    let mut conn = ctx.pool().acquire().await?;
    let rows = repo::page(&mut conn, tenant, q, after.as_ref(), limit + 1).await?;
    let total = repo::count(&mut conn, tenant, q).await?;
    let page = Page::from_rows(rows, limit, total, |r| {
        Cursor::new(r.sort_key.clone(), r.user.user_id)
    });
    Ok(page.map(|r| r.user))
}

/// The `limit`/`offset` page of the seed clients: the same filter and order.
pub async fn search_offset(ctx: &Ctx, q: &UserQuery) -> AppResult<Vec<UserResponse>> {
    let mut conn = ctx.pool().acquire().await?;
    Ok(repo::offset_page(&mut conn, tenant_scope(&ctx.caller), q).await?)
}

fn cursor(q: &UserQuery) -> AppResult<Option<Cursor>> {
    match q.cursor.as_deref().filter(|c| !c.is_empty()) {
        None => Ok(None),
        Some(text) => Cursor::decode(text).map(Some).ok_or_else(|| {
            AppError::invalid_field(
                "cursor",
                "This page link is out of date. Start again from the first page.",
            )
        }),
    }
}

/// Rows per batch of an export: one short query each, no connection held between.
const EXPORT_BATCH: i64 = 500;

/// Exactly the filtered view as CSV, every row, streamed: it is read in keyset
/// batches, and no connection is held while the client downloads. Its audit row,
/// with the row count, is written when the stream ends, or when the client leaves
/// early (then marked incomplete).
pub fn export_csv(
    ctx: Ctx,
    q: UserQuery,
) -> impl futures_util::Stream<Item = AppResult<bytes::Bytes>> + Send + 'static {
    let export = Export {
        ctx,
        q,
        after: None,
        rows: 0,
        started: false,
        finished: false,
        audited: false,
    };
    futures_util::stream::unfold(export, |mut export| async move {
        match export.next_chunk().await {
            Ok(Some(chunk)) => Some((Ok(chunk), export)),
            Ok(None) => None,
            Err(e) => {
                export.finished = true;
                Some((Err(e), export))
            }
        }
    })
}

struct Export {
    ctx: Ctx,
    q: UserQuery,
    after: Option<Cursor>,
    rows: u64,
    started: bool,
    finished: bool,
    audited: bool,
}

impl Export {
    async fn next_chunk(&mut self) -> AppResult<Option<bytes::Bytes>> {
        if !self.started {
            self.started = true;
            return Ok(Some(bytes::Bytes::from_static(USERS_CSV_HEADER.as_bytes())));
        }
        if self.finished {
            if !self.audited {
                self.audited = true;
                record_export(&self.ctx, self.rows, true).await?;
            }
            return Ok(None);
        }
        let batch = {
            let mut conn = self.ctx.pool().acquire().await?;
            let tenant = tenant_scope(&self.ctx.caller);
            repo::page(
                &mut conn,
                tenant,
                &self.q,
                self.after.as_ref(),
                EXPORT_BATCH,
            )
            .await?
        };
        self.finished = (batch.len() as i64) < EXPORT_BATCH;
        self.after = batch
            .last()
            .map(|r| Cursor::new(r.sort_key.clone(), r.user.user_id));
        self.rows += batch.len() as u64;
        let users: Vec<UserResponse> = batch.into_iter().map(|r| r.user).collect();
        Ok(Some(bytes::Bytes::from(users_csv_rows(&users))))
    }
}

impl Drop for Export {
    /// A client that stops reading still leaves a trace of what it was sent.
    fn drop(&mut self) {
        if !self.audited {
            let (ctx, rows) = (self.ctx.clone(), self.rows);
            tokio::spawn(async move {
                if let Err(e) = record_export(&ctx, rows, false).await {
                    tracing::error!(error = ?e, "export audit failed");
                }
            });
        }
    }
}

async fn record_export(ctx: &Ctx, rows: u64, complete: bool) -> AppResult<()> {
    let mut conn = ctx.pool().acquire().await?;
    let details = serde_json::json!({"rows": rows, "complete": complete});
    audit_user(
        &mut conn,
        ctx,
        Event::UsersExported,
        ctx.caller.user_id,
        details,
    )
    .await
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
pub async fn create(ctx: &Ctx, form: &NewUserForm) -> AppResult<UserResponse> {
    let Ctx { state, caller, .. } = ctx;
    let new = form.validate()?;
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
        .map_err(conflict)?;
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

pub async fn preferences(ctx: &Ctx, user_id: Uuid) -> AppResult<Preferences> {
    let Ctx { state, caller, .. } = ctx;
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
    ctx: &Ctx,
    user_id: Uuid,
    patch: &PreferencesPatch,
) -> AppResult<Preferences> {
    let Ctx { state, caller, .. } = ctx;
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
    audit_user(
        &mut tx,
        ctx,
        Event::PreferencesUpdated,
        user_id,
        serde_json::json!({}),
    )
    .await?;
    tx.commit().await?;
    Ok(prefs)
}

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
