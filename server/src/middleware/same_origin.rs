//! Cross-site request forgery defence for cookie-authenticated writes. Session
//! cookies are SameSite=Lax already; on top, a state-changing request that carries
//! cookies must not come from another site (`Sec-Fetch-Site` or `Origin` say so).
//! Bearer-token requests (the mobile app) carry no ambient credentials and pass.

use app::error::AppError;
use axum::{
    extract::Request,
    http::{header, Method},
    middleware::Next,
    response::{IntoResponse, Response},
};

pub async fn same_origin_writes(request: Request, next: Next) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let headers = request.headers();
    if !safe && headers.contains_key(header::COOKIE) && !headers.contains_key(header::AUTHORIZATION)
    {
        let cross_site = headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v == "cross-site");
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
        let foreign_origin = headers
            .get(header::ORIGIN)
            .and_then(|v| v.to_str().ok())
            .zip(host)
            .is_some_and(|(origin, host)| {
                origin.split_once("://").map(|(_, rest)| rest) != Some(host)
            });
        if cross_site || foreign_origin {
            return AppError::Forbidden("Cross-site request refused".into()).into_response();
        }
    }
    next.run(request).await
}
