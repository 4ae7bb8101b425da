//! The gate in front of every catalogued REST route.

use crate::access::Access;
use crate::auth::server::guard::Caller;
use axum::{
    extract::Request,
    middleware::Next,
    response::{IntoResponse, Response},
};

/// The guard of every catalogued REST route: the entry's `Access`, checked against
/// the caller that `resolve_caller` put in the request. Record-level rules (self,
/// owner, tenant) follow in the service. (Server functions check their entry
/// themselves, as their first line: see `Api::server_fn`.)
pub(super) async fn gate(access: Access, req: Request, next: Next) -> Response {
    let caller = req
        .extensions()
        .get::<Caller>()
        .cloned()
        .unwrap_or(Caller::Anonymous);
    match caller.admitted(access) {
        Ok(()) => next.run(req).await,
        Err(err) => err.into_response(),
    }
}
