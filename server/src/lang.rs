//! `GET /lang/{code}?next=/path`: remembers the reader's language in a cookie and
//! sends them back. A plain link, so switching works before and without WASM.

use app::i18n::Lang;
use axum::{
    extract::{Path, Query},
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Router,
};
use serde::Deserialize;

pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    Router::new().route("/lang/{code}", get(set_language))
}

#[derive(Deserialize)]
struct Next {
    next: Option<String>,
}

async fn set_language(Path(code): Path<String>, Query(q): Query<Next>) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return app::error::AppError::not_found("Language").into_response();
    };
    let cookie = lang.set_cookie();
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let (Ok(location), Ok(cookie)) = (
        HeaderValue::from_str(&app::security::safe_local_path(q.next)),
        HeaderValue::from_str(&cookie),
    ) {
        headers.insert(header::LOCATION, location);
        headers.insert(header::SET_COOKIE, cookie);
    }
    response
}
