//! A user's preferences: read by themself or a `users.read` holder, changed by
//! themself or a `users.update` holder, each change audited.

use super::{audit_user, not_found, self_or, tenant_scope};
use crate::access::Permission;
use crate::audit::Event;
use crate::auth::server::guard::Ctx;
use crate::error::AppResult;
use crate::users::server::repo;
use crate::users::types::{Preferences, PreferencesPatch};
use uuid::Uuid;

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
    patch.validate(ctx.meta.lang)?;
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
