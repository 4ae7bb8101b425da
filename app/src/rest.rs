//! Helpers for the REST handlers of `/api/v1`: a JSON extractor whose rejections are
//! `AppError`s (so a malformed body gets our JSON error body, not axum's text), and
//! a query-string extractor with the same JSON errors, and the `{id}` path extractor
//! that answers 404 for a malformed id.

#[cfg(feature = "ssr")]
pub mod multipart;

use crate::error::AppError;
use axum::extract::{rejection::JsonRejection, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;
use uuid::Uuid;

/// `axum::Json`, with malformed bodies answered by `AppError::BadRequest` (400) and
/// a wrong content type by the same, naming what is expected.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(ApiJson(value)),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(AppError::BadRequest(
                "Malformed request: expected Content-Type: application/json".into(),
            )),
            Err(JsonRejection::JsonDataError(e)) => Err(AppError::BadRequest(format!(
                "Malformed request: {}",
                e.body_text().trim_start_matches(
                    "Failed to deserialize the JSON body into the target type: "
                )
            ))),
            Err(e) => Err(AppError::BadRequest(format!(
                "Malformed request: {}",
                e.body_text()
            ))),
        }
    }
}

/// `axum::extract::Query`, with a malformed query string answered by
/// `AppError::BadRequest` (400, our JSON body) instead of axum's plain text.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(q)| ApiQuery(q))
            .map_err(|e| {
                AppError::BadRequest(format!(
                    "Malformed query string: {}",
                    e.body_text()
                        .trim_start_matches("Failed to deserialize query string: ")
                ))
            })
    }
}

/// A UUID path segment (`/users/{user_id}`); anything else is simply not found.
pub struct IdPath(pub Uuid);

impl<S: Send + Sync> FromRequestParts<S> for IdPath {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path(raw) =
            axum::extract::Path::<String>::from_request_parts(parts, state)
                .await
                .map_err(|_| AppError::NotFound("Not found".into()))?;
        raw.parse()
            .map(IdPath)
            .map_err(|_| AppError::NotFound("Not found".into()))
    }
}

/// The answer to a plain HTML form posted to a handler of ours (an upload): 303
/// to `location`, with the outcome in the flash cookie, as every form gets it
/// (post, redirect, get).
pub fn form_redirect(
    ctx: &crate::auth::server::guard::Ctx,
    path: &str,
    location: &str,
    error: Option<AppError>,
) -> axum::response::Response {
    use axum::http::{header, HeaderValue, StatusCode};
    use axum::response::IntoResponse;
    let flash = crate::flash::Flash {
        path: path.to_owned(),
        error,
        values: Default::default(),
    };
    let secure = ctx.state.info.environment.uses_secure_cookies();
    let cookie = crate::flash::set_cookie(
        Some(&crate::flash::encode(&ctx.state.auth.flash_key, &flash)),
        secure,
    );
    let mut response = (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, location.to_owned())],
    )
        .into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}
