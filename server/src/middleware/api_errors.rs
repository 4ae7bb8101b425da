//! Gives server-function errors their honest HTTP status.
//!
//! `server_fn` answers every `Err` with 500. Our errors are `AppError`s serialized as
//! `ErrorBody`, whose `kind` knows the right status, so this layer reads the body of
//! failed `/api/` responses and sets the status (and `Retry-After`, and
//! `WWW-Authenticate`) from it. Successful responses pass through untouched.

use app::error::{ErrorBody, ErrorKind};
use axum::{
    body::Body,
    extract::Request,
    http::{header, HeaderValue, StatusCode},
    middleware::Next,
    response::Response,
};
use http_body_util::BodyExt;

/// Error bodies are small; anything larger is not ours and is passed on as is.
const MAX_ERROR_BODY: usize = 64 * 1024;

pub async fn api_error_status(request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let response = next.run(request).await;
    if !is_api || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match http_body_util::Limited::new(body, MAX_ERROR_BODY)
        .collect()
        .await
    {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return Response::from_parts(parts, Body::empty()),
    };
    if let Ok(error) = serde_json::from_slice::<ErrorBody>(&bytes) {
        parts.status = StatusCode::from_u16(error.kind.status()).unwrap_or(parts.status);
        parts.headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if let Some(secs) = error.retry_after {
            parts
                .headers
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if error.kind == ErrorKind::Unauthenticated {
            parts
                .headers
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
