//! The caller-resolving middleware. It reads the bearer token or the session cookie,
//! loads the session and user from Postgres, and stores a `Caller` and the
//! `RequestMeta` in the request. It never rejects: the guard decides (STYLE §4.6).

use crate::access::UserStatus;
use crate::auth::server::{
    guard::PageUser,
    guard::{Caller, CurrentUser, RequestMeta, Via},
    jwt::TokenType,
    repo, service,
};
use crate::error::AppError;
use crate::state::AppState;
use axum::{
    extract::{ConnectInfo, Request, State},
    http::{header, HeaderMap},
    middleware::Next,
    response::Response,
};
use std::net::SocketAddr;
use tower_sessions::Session;
use uuid::Uuid;

/// The key of our session id inside the tower-sessions record.
pub const SESSION_KEY: &str = "sid";

fn client_ip(headers: &HeaderMap, peer: Option<SocketAddr>, trust_proxy: bool) -> String {
    let forwarded = trust_proxy
        .then(|| {
            headers
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.rsplit(',').next())
                .map(|v| v.trim().to_owned())
                .or_else(|| {
                    headers
                        .get("x-real-ip")
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned)
                })
        })
        .flatten();
    forwarded
        .or_else(|| peer.map(|p| p.ip().to_string()))
        .unwrap_or_else(|| "127.0.0.1".to_owned())
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

fn invalid_token() -> Caller {
    Caller::Rejected(AppError::Unauthenticated("Invalid or expired token".into()))
}

/// Loads a live session as a caller; `None` if the session is gone or revoked.
async fn principal(
    state: &AppState,
    session_id: Uuid,
    via: Via,
) -> Result<Option<Caller>, sqlx::Error> {
    let mut conn = state.pool.acquire().await?;
    let Some(row) = repo::live_principal(&mut conn, session_id).await? else {
        return Ok(None);
    };
    if row.status != UserStatus::Active {
        return Ok(Some(Caller::Rejected(AppError::Forbidden(
            "User account is not active".into(),
        ))));
    }
    if row.stale {
        repo::touch_session(&mut conn, session_id).await?;
    }
    Ok(Some(Caller::User(Box::new(CurrentUser::new(
        row.user_id,
        row.tenant_id,
        row.roles(),
        row.agent_id,
        row.session_id,
        via,
    )))))
}

/// Files of the built site and uploaded media (public, like the carousel they are
/// on): they never depend on who asks, so resolving the caller
/// (two queries when a session cookie is present) would be wasted on each of them.
fn is_static_asset(path: &str) -> bool {
    ["/pkg/", "/fonts/", "/img/", "/vendor/", "/media/"]
        .iter()
        .any(|p| path.starts_with(p))
        || matches!(path, "/docs-init.js" | "/favicon.ico")
}

pub async fn resolve_caller(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    if is_static_asset(request.uri().path()) {
        return next.run(request).await;
    }
    // tower-sessions' layer (outside this one) puts the lazily-loaded session here.
    let session = request.extensions().get::<Session>().cloned();
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0);
    let headers = request.headers();
    let meta = RequestMeta {
        ip: client_ip(headers, peer, state.auth.trust_proxy_headers),
        user_agent: headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|ua| ua.chars().take(300).collect()),
        lang: crate::i18n::Lang::of_request(
            headers.get(header::COOKIE).and_then(|v| v.to_str().ok()),
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        ),
    };

    let caller = if let Some(token) = bearer(headers) {
        match state.auth.keys.verify(token, TokenType::Access) {
            Some(claims) => match principal(&state, claims.sid, Via::Bearer).await {
                Ok(Some(Caller::User(user))) if user.user_id == claims.sub => Caller::User(user),
                Ok(Some(rejected @ Caller::Rejected(_))) => rejected,
                Ok(_) => invalid_token(),
                Err(err) => Caller::Rejected(AppError::from(err)),
            },
            None => invalid_token(),
        }
    } else if let Some(session) = &session {
        match session.get::<Uuid>(SESSION_KEY).await {
            Ok(Some(sid)) => match principal(&state, sid, Via::Cookie).await {
                Ok(Some(caller)) => caller,
                // A revoked or expired session: forget it, and carry on anonymously.
                Ok(None) => {
                    let _ = session.flush().await;
                    Caller::Anonymous
                }
                Err(err) => Caller::Rejected(AppError::from(err)),
            },
            _ => Caller::Anonymous,
        }
    } else {
        Caller::Anonymous
    };

    // A page shows who is signed in. Read them once here, before rendering, so the
    // frame and the page read a plain value: no resource for each part to wait on.
    if is_page(&request) {
        let user = match &caller {
            Caller::User(user) => service::session_user(&state, user.user_id).await.ok(),
            _ => None,
        };
        request.extensions_mut().insert(PageUser(user));
    }
    request.extensions_mut().insert(meta);
    request.extensions_mut().insert(caller);
    next.run(request).await
}

/// A request for an HTML page (not the API, not a file).
fn is_page(request: &Request) -> bool {
    request.method() == axum::http::Method::GET && !request.uri().path().starts_with("/api/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_for_is_only_believed_behind_a_trusted_proxy() {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", "203.0.113.9, 10.0.0.1".parse().unwrap());
        let peer: SocketAddr = "192.0.2.1:5000".parse().unwrap();
        assert_eq!(client_ip(&headers, Some(peer), false), "192.0.2.1");
        // The entry our proxy appended (rightmost), not what the client claims.
        assert_eq!(client_ip(&headers, Some(peer), true), "10.0.0.1");
        assert_eq!(client_ip(&HeaderMap::new(), None, false), "127.0.0.1");
    }

    #[test]
    fn site_files_skip_caller_resolution_but_pages_and_api_do_not() {
        assert!(is_static_asset("/pkg/agent-mitra.wasm"));
        assert!(is_static_asset("/vendor/swagger-ui/swagger-ui.css"));
        assert!(is_static_asset("/media/presentations/a/2026/11/b-480.jpg"));
        assert!(!is_static_asset("/api/ui/auth/me"));
        assert!(!is_static_asset("/me/security"));
    }

    #[test]
    fn only_bearer_authorization_is_read() {
        let mut headers = HeaderMap::new();
        headers.insert(header::AUTHORIZATION, "Basic abc".parse().unwrap());
        assert_eq!(bearer(&headers), None);
        headers.insert(header::AUTHORIZATION, "Bearer abc.def".parse().unwrap());
        assert_eq!(bearer(&headers), Some("abc.def"));
    }
}
