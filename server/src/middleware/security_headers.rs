//! Security headers on every response (SPEC §4.15) and a strict, nonce-based CSP:
//! scripts only from our origin or carrying this request's nonce; WASM allowed to
//! compile. API responses are never cached.

use app::security::CspNonce;
use app::state::Environment;
use axum::{
    extract::{Request, State},
    http::{header, HeaderValue},
    middleware::Next,
    response::Response,
};

pub async fn security_headers(
    State(environment): State<Environment>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = uuid::Uuid::new_v4().simple().to_string();
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    let is_api = request.uri().path().starts_with("/api/");
    let mut response = next.run(request).await;

    let csp = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; \
         connect-src 'self'{dev_connect}; font-src 'self'; object-src 'none'; base-uri 'self'; \
         form-action 'self'; frame-ancestors 'none'",
        // cargo-leptos's live reload talks over a websocket in development only.
        dev_connect = if environment == Environment::Development {
            " ws://127.0.0.1:3001 ws://localhost:3001"
        } else {
            ""
        },
    );
    let chose_caching = response.headers().contains_key(header::CACHE_CONTROL);
    let headers = response.headers_mut();
    let mut set = |name: header::HeaderName, value: &str| {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(name, value);
        }
    };
    set(header::CONTENT_SECURITY_POLICY, &csp);
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(header::REFERRER_POLICY, "strict-origin-when-cross-origin");
    set(
        header::HeaderName::from_static("permissions-policy"),
        "geolocation=(), microphone=(), camera=()",
    );
    if environment == Environment::Production {
        set(
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        );
    }
    // API answers are private and fresh unless a handler chose otherwise (the
    // carousel's ETag revalidation sets its own).
    if is_api && !chose_caching {
        set(header::CACHE_CONTROL, "no-store");
    }
    response
}
