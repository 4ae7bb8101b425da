//! The mobile app's tokens: minting the access/refresh pair of a session, and
//! rotating the refresh token with reuse detection.

use super::{auth_user, NewLogin};
use crate::audit::{self, Entry, Event};
use crate::auth::server::{guard::RequestMeta, jwt::TokenType, repo};
use crate::auth::types::{TokenResponse, ACCESS_TOKEN_SECS};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use uuid::Uuid;

/// Mints the token pair of a mobile session.
pub async fn token_response(state: &AppState, login: &NewLogin) -> AppResult<TokenResponse> {
    let (user, permissions) = auth_user(state, login.user_id).await?;
    let keys = &state.auth.keys;
    let sign = |t, jti| {
        keys.issue(
            t,
            login.user_id,
            login.session_id,
            jti,
            Some(user.role.as_str()),
            Some(user.tenant_id),
        )
        .map_err(|e| AppError::internal("signing a token failed", e))
    };
    Ok(TokenResponse {
        access_token: sign(TokenType::Access, Uuid::new_v4())?,
        refresh_token: sign(TokenType::Refresh, login.refresh_jti)?,
        token_type: "bearer".into(),
        expires_in: ACCESS_TOKEN_SECS,
        permissions: permissions.iter().collect(),
        user,
    })
}

fn bad_refresh() -> AppError {
    AppError::Unauthenticated("Invalid or expired refresh token".into())
}

/// Rotates a refresh token (SPEC "Decisions"): the current one is exchanged for a new
/// pair; the previous one is honoured for 10 s (concurrent refreshes); any older one
/// is treated as stolen and revokes the whole session.
pub async fn refresh(
    state: &AppState,
    meta: &RequestMeta,
    token: &str,
) -> AppResult<TokenResponse> {
    let claims = state
        .auth
        .keys
        .verify(token, TokenType::Refresh)
        .ok_or_else(bad_refresh)?;
    let mut tx = state.pool.begin().await?;
    let row = repo::lock_refresh(&mut tx, claims.sid)
        .await?
        .ok_or_else(bad_refresh)?;
    if !row.live || row.user_id != claims.sub {
        return Err(bad_refresh());
    }
    let current = row.refresh_jti == Some(claims.jti);
    let concurrent = row.previous_refresh_jti == Some(claims.jti) && row.in_grace;
    let refresh_jti = if current {
        let next = Uuid::new_v4();
        repo::rotate_refresh(&mut tx, claims.sid, next).await?;
        next
    } else if concurrent {
        row.refresh_jti.ok_or_else(bad_refresh)?
    } else {
        repo::revoke_session(&mut tx, claims.sub, claims.sid, "refresh_token_reuse").await?;
        let e = Entry::failed(Event::SessionRevoked, "refresh token reused")
            .user(claims.sub)
            .details(
                serde_json::json!({"session_id": claims.sid, "reason": "refresh_token_reuse"}),
            );
        audit::record(&mut tx, meta, e).await?;
        tx.commit().await?;
        return Err(bad_refresh());
    };
    let e = Entry::new(Event::TokenRefreshed)
        .user(claims.sub)
        .details(serde_json::json!({"session_id": claims.sid}));
    audit::record(&mut tx, meta, e).await?;
    tx.commit().await?;
    token_response(
        state,
        &NewLogin {
            user_id: claims.sub,
            session_id: claims.sid,
            refresh_jti,
        },
    )
    .await
}
