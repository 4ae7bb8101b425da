//! Sign-in use cases, shared by the browser (server functions + cookie session) and
//! the mobile app (REST + tokens). Rules live here; transports only translate.
//!
//! This file holds sign-in itself (password or agent code, opening the session) and
//! the signed-in user; `service/tokens.rs` mints and rotates the mobile tokens and
//! `service/sessions.rs` manages sessions and the password. All re-exported here.

use crate::access::PermissionSet;
use crate::access::UserStatus;
use crate::audit::{self, Entry, Event};
use crate::auth::server::{
    guard::RequestMeta,
    limits::{self, Limit},
    repo,
};
use crate::auth::text::T;
use crate::auth::types::*;
use crate::credentials::argon2id;
use crate::error::{AppError, AppResult};
use crate::i18n::{Lang, Text};
use crate::state::AppState;
use std::sync::OnceLock;
use std::time::Duration;
use uuid::Uuid;

mod sessions;
mod tokens;

pub use sessions::*;
pub use tokens::*;

/// Browser or mobile: decides how the session is carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Client {
    Browser,
    Mobile,
}

impl Client {
    fn as_str(self) -> &'static str {
        match self {
            Client::Browser => "browser",
            Client::Mobile => "mobile",
        }
    }
}

/// A fresh session: for the browser, its id goes into the cookie session; for the
/// mobile app, it is turned into a token pair.
#[derive(Debug, Clone)]
pub struct NewLogin {
    pub user_id: Uuid,
    pub session_id: Uuid,
    pub refresh_jti: Uuid,
}

/// The same answer whether or not the account exists.
fn invalid_credentials(lang: Lang) -> AppError {
    AppError::Unauthenticated(T::CredentialsRefused.text(lang).into())
}

/// A hash of a random, discarded password: verified against when the user does not
/// exist (so unknown users and wrong passwords cost the same time), and stored for
/// accounts that sign in by OTP only. Computed once per process.
pub async fn unusable_password_hash() -> AppResult<String> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(h) = DUMMY.get() {
        return Ok(h.clone());
    }
    let hash = argon2id::hash(Uuid::new_v4().to_string()).await?;
    Ok(DUMMY.get_or_init(|| hash).clone())
}

async fn limit(state: &AppState, limit: Limit) -> AppResult<()> {
    if state.auth.rate_limiting {
        limits::hit(&state.pool, &limit).await
    } else {
        Ok(())
    }
}

/// Password or agent-code sign-in (SPEC §4.3–4.5).
///
/// # Errors
/// `Invalid`/`BadRequest` for a malformed request, `RateLimited` past 10 tries a
/// minute per IP, `Locked` after 5 failures, `Unauthenticated("Invalid credentials")`
/// for an unknown user or a wrong password alike, `Forbidden` for an inactive account.
pub async fn login(
    state: &AppState,
    meta: &RequestMeta,
    request: &LoginRequest,
    client: Client,
) -> AppResult<NewLogin> {
    let (identifier, given_password) = request.parse(meta.lang)?;
    let method = identifier.method();
    let key = identifier.key();
    // Failed sign-ins commit nothing, yet must be recorded: `record_failure`.
    let fail_event = |error: &'static str| {
        Entry::failed(Event::LoginAttempt, error)
            .details(serde_json::json!({"method": method.as_str(), "identifier": key}))
    };

    if let Err(err) = limit(
        state,
        Limit::new(format!("login:ip:{}", meta.ip), 10, Duration::from_secs(60)),
    )
    .await
    {
        audit::record_failure(&state.pool, meta, fail_event("Rate limit exceeded")).await;
        return Err(err);
    }
    if let Err(err) = limits::check_lock(&state.pool, &key, &meta.ip).await {
        audit::record_failure(&state.pool, meta, fail_event("Account locked")).await;
        return Err(err);
    }

    // The connection goes back to the pool before the slow argon2 check: holding it
    // across the hash would let a burst of bad logins starve the pool.
    let row = {
        let mut conn = state.pool.acquire().await?;
        repo::find_credentials(&mut conn, &identifier).await?
    };
    let (stored_hash, user) = match &row {
        Some(r) => (r.password_hash.clone(), Some((r.user_id, r.status))),
        None => (unusable_password_hash().await?, None),
    };
    let matches = argon2id::verify(given_password, stored_hash).await?;
    let Some((user_id, status)) = user.filter(|_| matches) else {
        limits::record_failure(&state.pool, &key, &meta.ip).await?;
        let reason = if row.is_some() {
            "Invalid password"
        } else {
            "User not found"
        };
        audit::record_failure(&state.pool, meta, fail_event(reason)).await;
        return Err(invalid_credentials(meta.lang));
    };
    if status != UserStatus::Active {
        audit::record_failure(
            &state.pool,
            meta,
            fail_event("Account not active").user(user_id),
        )
        .await;
        return Err(AppError::Forbidden("Account is not active".into()));
    }
    limits::clear_failures(&state.pool, &key, &meta.ip).await?;
    start_session(state, meta, user_id, method, client, false).await
}

/// Opens a session row and records the sign-in.
pub async fn start_session(
    state: &AppState,
    meta: &RequestMeta,
    user_id: Uuid,
    method: LoginMethod,
    client: Client,
    phone_verified: bool,
) -> AppResult<NewLogin> {
    let refresh_jti = Uuid::new_v4();
    let mut tx = state.pool.begin().await?;
    repo::mark_login(&mut tx, user_id, phone_verified).await?;
    let session_id = repo::create_session(
        &mut tx,
        &repo::NewSession {
            user_id,
            kind: client.as_str(),
            login_method: method.as_str(),
            refresh_jti: Some(refresh_jti),
            device: meta.user_agent.as_deref().map(device_name),
            ip: &meta.ip,
            user_agent: meta.user_agent.as_deref(),
            ttl_secs: REFRESH_TOKEN_SECS,
        },
    )
    .await?;
    let e = Entry::new(Event::LoginAttempt).user(user_id).details(
        serde_json::json!({"method": method.as_str(), "client": client.as_str(), "session_id": session_id}),
    );
    audit::record(&mut tx, meta, e).await?;
    tx.commit().await?;
    Ok(NewLogin {
        user_id,
        session_id,
        refresh_jti,
    })
}

/// A short, readable device label from a user agent ("Chrome on Android").
pub fn device_name(user_agent: &str) -> &'static str {
    let ua = user_agent.to_ascii_lowercase();
    let os = if ua.contains("android") {
        "Android"
    } else if ua.contains("iphone") || ua.contains("ipad") {
        "iOS"
    } else if ua.contains("windows") {
        "Windows"
    } else if ua.contains("mac os") {
        "macOS"
    } else if ua.contains("linux") {
        "Linux"
    } else {
        "Unknown device"
    };
    let app = if ua.contains("agentmitra") || ua.contains("dart") || ua.contains("okhttp") {
        "Mobile app"
    } else if ua.contains("edg/") {
        "Edge"
    } else if ua.contains("chrome") || ua.contains("chromium") {
        "Chrome"
    } else if ua.contains("firefox") {
        "Firefox"
    } else if ua.contains("safari") {
        "Safari"
    } else if ua.contains("curl") {
        "curl"
    } else {
        "Browser"
    };
    match (app, os) {
        ("Mobile app", "Android") => "Mobile app on Android",
        ("Mobile app", "iOS") => "Mobile app on iOS",
        ("Chrome", "Android") => "Chrome on Android",
        ("Chrome", "Windows") => "Chrome on Windows",
        ("Chrome", "Linux") => "Chrome on Linux",
        ("Chrome", "macOS") => "Chrome on macOS",
        ("Safari", "iOS") => "Safari on iPhone",
        ("Safari", "macOS") => "Safari on macOS",
        ("Firefox", _) => "Firefox",
        ("Edge", _) => "Edge",
        ("curl", _) => "curl",
        (_, "Android") => "Browser on Android",
        _ => "Browser",
    }
}

/// The user as clients see them, with the permissions of all their roles.
pub async fn auth_user(state: &AppState, user_id: Uuid) -> AppResult<(AuthUser, PermissionSet)> {
    let mut conn = state.pool.acquire().await?;
    let user = repo::auth_user(&mut conn, user_id)
        .await?
        .ok_or_else(|| AppError::Unauthenticated("User not found".into()))?;
    let permissions = PermissionSet::of_roles(&user.roles);
    Ok((user, permissions))
}

pub async fn session_user(state: &AppState, user_id: Uuid) -> AppResult<SessionUser> {
    let (user, permissions) = auth_user(state, user_id).await?;
    Ok(SessionUser {
        user,
        permissions: permissions.iter().collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::device_name;

    #[test]
    fn devices_get_readable_names() {
        let android = "Mozilla/5.0 (Linux; Android 13; SM-A146B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36";
        assert_eq!(device_name(android), "Chrome on Android");
        assert_eq!(device_name("curl/8.5.0"), "curl");
        assert_eq!(
            device_name("AgentMitra/1.0 (Android 14) okhttp/4"),
            "Mobile app on Android"
        );
    }
}
