//! Post, redirect, get for our forms (`app::flash` says why).
//!
//! - A form post to `/api/ui/*` from a browser page: remembers what was typed, lets
//!   the server function run, and turns its redirect (with `__err` when it failed)
//!   into a clean one plus a signed, one-minute `am_flash` cookie.
//! - Any other request: a valid `am_flash` cookie becomes a `Flash` in the request's
//!   extensions for the page to read, and the page's answer clears it.

use app::flash::{self, Flash};
use app::state::AppState;
use axum::{
    body::Body,
    extract::{Request, State},
    http::{header, HeaderValue, Method},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Our forms are a few short fields; anything bigger is not one of them.
const MAX_FORM_BYTES: usize = 64 * 1024;

pub async fn flash(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let key = state.auth.flash_key.clone();
    let secure = state.info.environment.uses_secure_cookies();
    if is_form_post(&request) {
        return after_form_post(&key, secure, request, next).await;
    }
    let cookie = flash_cookie(&request);
    let mut request = request;
    if let Some(found) = cookie.as_deref().and_then(|v| flash::decode(&key, v)) {
        request.extensions_mut().insert(found);
    }
    let mut response = next.run(request).await;
    // Read once: the page that showed it clears it (an invalid one goes too).
    if cookie.is_some() && is_html(&response) {
        append_cookie(&mut response, &flash::set_cookie(None, secure));
    }
    response
}

fn is_form_post(request: &Request) -> bool {
    let header_has = |name, needle| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains(needle))
    };
    request.method() == Method::POST
        && request.uri().path().starts_with("/api/ui/")
        && header_has(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        && header_has(header::ACCEPT, "text/html")
}

async fn after_form_post(key: &[u8], secure: bool, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_FORM_BYTES).await else {
        return app::error::AppError::TooLarge("The form is too large".into()).into_response();
    };
    let typed = form_urlencoded::parse(&bytes)
        .filter(|(name, value)| !flash::is_secret(name) && !value.is_empty())
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    let path = parts.uri.path().to_owned();
    let mut response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    let Some(location) = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
    else {
        return response;
    };
    let (target, error) = flash::from_redirect(&location);
    let failed = error.is_some();
    let outcome = Flash {
        path,
        error,
        values: if failed { typed } else { Default::default() },
    };
    if let Ok(target) = HeaderValue::from_str(&target) {
        response.headers_mut().insert(header::LOCATION, target);
    }
    // 303: the browser follows with a GET, whatever the form's method was.
    *response.status_mut() = axum::http::StatusCode::SEE_OTHER;
    append_cookie(
        &mut response,
        &flash::set_cookie(Some(&flash::encode(key, &outcome)), secure),
    );
    response
}

fn flash_cookie(request: &Request) -> Option<String> {
    request
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == flash::COOKIE).then(|| value.to_owned())
        })
}

fn is_html(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

fn append_cookie(response: &mut Response, cookie: &str) {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}
