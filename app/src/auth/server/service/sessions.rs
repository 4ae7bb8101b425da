//! The caller's own sessions: signing out, listing and revoking them, and changing
//! the password (which ends every other session).

use super::limit;
use crate::audit::{self, Entry, Event};
use crate::auth::server::{guard::Ctx, limits::Limit, repo};
use crate::auth::text::T;
use crate::auth::types::{validate_password_change, ChangePasswordRequest, SessionInfo};
use crate::credentials::argon2id;
use crate::error::{AppError, AppResult};
use std::time::Duration;
use uuid::Uuid;

/// Ends the caller's session (its cookie or its tokens).
pub async fn logout(ctx: &Ctx) -> AppResult<()> {
    let Ctx {
        state,
        caller: user,
        meta,
    } = ctx;
    let mut tx = state.pool.begin().await?;
    repo::revoke_session(&mut tx, user.user_id, user.session_id, "logout").await?;
    let e = Entry::new(Event::Logout)
        .by(user)
        .details(serde_json::json!({"session_id": user.session_id}));
    audit::record(&mut tx, meta, e).await?;
    tx.commit().await?;
    Ok(())
}

pub async fn list_sessions(ctx: &Ctx) -> AppResult<Vec<SessionInfo>> {
    let Ctx {
        state,
        caller: user,
        ..
    } = ctx;
    let mut conn = state.pool.acquire().await?;
    Ok(repo::list_sessions(&mut conn, user.user_id, user.session_id).await?)
}

/// Revokes one of the caller's own sessions. Someone else's id is "not found".
pub async fn revoke_session(ctx: &Ctx, session_id: Uuid) -> AppResult<()> {
    let Ctx {
        state,
        caller: user,
        meta,
    } = ctx;
    let mut tx = state.pool.begin().await?;
    if !repo::revoke_session(&mut tx, user.user_id, session_id, "revoked_by_user").await? {
        return Err(AppError::not_found("Session"));
    }
    let e = Entry::new(Event::SessionRevoked)
        .by(user)
        .details(serde_json::json!({"session_id": session_id}));
    audit::record(&mut tx, meta, e).await?;
    tx.commit().await?;
    Ok(())
}

/// Revokes all the caller's sessions but the current one; returns how many.
pub async fn revoke_other_sessions(ctx: &Ctx) -> AppResult<u64> {
    let Ctx {
        state,
        caller: user,
        meta,
    } = ctx;
    let mut tx = state.pool.begin().await?;
    let n = repo::revoke_all_except(
        &mut tx,
        user.user_id,
        Some(user.session_id),
        "revoked_by_user",
    )
    .await?;
    let e = Entry::new(Event::SessionRevoked)
        .by(user)
        .details(serde_json::json!({"others": n}));
    audit::record(&mut tx, meta, e).await?;
    tx.commit().await?;
    Ok(n)
}

/// Changes the caller's password: needs the current one, and ends every other session.
pub async fn change_password(ctx: &Ctx, request: &ChangePasswordRequest) -> AppResult<()> {
    let Ctx {
        state,
        caller: user,
        meta,
    } = ctx;
    validate_password_change(request, meta.lang)?;
    // A stolen session must not become a password-guessing oracle.
    limit(
        state,
        Limit::new(
            format!("password-change:{}", user.user_id),
            5,
            Duration::from_secs(900),
        ),
    )
    .await?;
    // No connection is held across the two argon2 runs (verify, then hash).
    let stored = {
        let mut conn = state.pool.acquire().await?;
        repo::password_hash(&mut conn, user.user_id).await?
    };
    if !argon2id::verify(request.current_password.clone(), stored.clone()).await? {
        let e = Entry::failed(Event::PasswordChanged, "Current password is incorrect").by(user);
        audit::record_failure(&state.pool, meta, e).await;
        return Err(AppError::invalid(
            meta.lang,
            "current_password",
            T::CurrentPasswordWrong,
        ));
    }
    let hash = argon2id::hash(request.new_password.clone()).await?;
    let mut tx = state.pool.begin().await?;
    // A change made meanwhile (another tab) wins: this one no longer knows the
    // current password.
    if repo::password_hash(&mut tx, user.user_id).await? != stored {
        return Err(AppError::Conflict(
            "The password was changed meanwhile; sign in again.".into(),
        ));
    }
    repo::set_password(&mut tx, user.user_id, &hash).await?;
    let others = repo::revoke_all_except(
        &mut tx,
        user.user_id,
        Some(user.session_id),
        "password_changed",
    )
    .await?;
    let e = Entry::new(Event::PasswordChanged)
        .by(user)
        .details(serde_json::json!({"sessions_revoked": others}));
    audit::record(&mut tx, meta, e).await?;
    tx.commit().await?;
    Ok(())
}
