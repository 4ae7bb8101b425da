//! The gate in front of every catalogued route, and the refusal it answers with.

use crate::access::Access;
use crate::auth::server::guard::Caller;
use crate::error::AppError;
use axum::{
    extract::Request,
    http::header,
    middleware::Next,
    response::{IntoResponse, Response},
};

/// The guard of every catalogued route: the entry's `Access`, checked against the
/// caller that `resolve_caller` put in the request. Record-level rules (self, owner,
/// tenant) follow in the service.
pub(super) async fn gate(
    access: Access,
    server_fn: Option<&'static str>,
    req: Request,
    next: Next,
) -> Response {
    let caller = req
        .extensions()
        .get::<Caller>()
        .cloned()
        .unwrap_or(Caller::Anonymous);
    match caller.admitted(access) {
        Ok(()) => next.run(req).await,
        Err(err) => refuse(err, server_fn, &req),
    }
}

/// The refusal, as the endpoint would have answered it: a JSON error, or for a
/// server function posted by a plain HTML form, the redirect back to the form with
/// the error in the URL, the way server functions report their own errors.
fn refuse(err: AppError, server_fn: Option<&'static str>, req: &Request) -> Response {
    let accepts_html = req
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    if let (Some(path), true) = (server_fn, accepts_html) {
        let referer = req
            .headers()
            .get(header::REFERER)
            .and_then(|v| v.to_str().ok());
        if let Some(url) = referer.and_then(|r| {
            server_fn::error::ServerFnUrlError::new(path, err.clone())
                .to_url(r)
                .ok()
        }) {
            return axum::response::Redirect::to(url.as_str()).into_response();
        }
    }
    err.into_response()
}
