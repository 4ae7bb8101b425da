//! `Api`: a feature's endpoints and the router built from them, each route behind
//! its entry's gate.

use super::gate::gate;
use super::Endpoint;
use crate::state::AppState;
use axum::{
    extract::{DefaultBodyLimit, Request, State},
    handler::Handler,
    middleware::{from_fn, Next},
    response::IntoResponse,
    routing::{on, MethodRouter},
    Router,
};

/// A feature's endpoints and the router built from them. Merge one per feature into
/// `crate::api()`; the server mounts its router and documents its entries.
pub struct Api {
    tag: &'static str,
    sample_body: &'static str,
    router: Router<AppState>,
    endpoints: Vec<Endpoint>,
}

impl Api {
    /// `tag` is the OpenAPI group; `sample_body` the matrix's default request.
    pub fn new(tag: &'static str, sample_body: &'static str) -> Self {
        Self {
            tag,
            sample_body,
            router: Router::new(),
            endpoints: Vec::new(),
        }
    }

    fn entry(&mut self, mut e: Endpoint) -> Endpoint {
        if e.tag.is_empty() {
            e.tag = self.tag;
        }
        if e.sample_body.is_empty() && !e.server_fn {
            e.sample_body = self.sample_body;
        }
        self.endpoints.push(e.clone());
        e
    }

    /// An axum handler, routed at the entry's verb and path behind its gate.
    pub fn rest<H, T>(mut self, endpoint: Endpoint, handler: H) -> Self
    where
        H: Handler<T, AppState>,
        T: 'static,
    {
        let e = self.entry(endpoint);
        let mut route = on(e.verb.filter(), handler);
        if let Some(limit) = e.body_limit {
            route = route.layer(DefaultBodyLimit::max(limit));
        }
        let access = e.access;
        let route = route.route_layer(from_fn(move |req: Request, next: Next| {
            gate(access, req, next)
        }));
        self.router = self.router.route(e.path, route);
        self
    }

    /// A Leptos server function (`Endpoint::server_fn::<F>`), routed here rather than
    /// by `leptos_routes` so that the catalogue is the one list of routes. Its guard
    /// is its own first line (`ctx::<F>()`), which checks this entry: server
    /// rendering calls it in-process, so a route gate could not be the guard, and its
    /// refusals then travel as every server-function error does (JSON, or back to a
    /// plain HTML form with the error in the URL).
    pub fn server_fn(mut self, endpoint: Endpoint) -> Self {
        assert!(
            endpoint.server_fn,
            "{} is not a server function",
            endpoint.path
        );
        let e = self.entry(endpoint);
        let path = e.path;
        let handler = |State(state): State<AppState>, req: Request| async move {
            leptos_axum::handle_server_fns_with_context(
                move || leptos::prelude::provide_context(state.clone()),
                req,
            )
            .await
            .into_response()
        };
        let route = on(e.verb.filter(), handler);
        self.router = self.router.route(path, route);
        self
    }

    /// A route outside `/api` (stored files): not an endpoint, so neither gated nor
    /// documented. Never under `/api`.
    pub fn outside_api(mut self, path: &'static str, route: MethodRouter<AppState>) -> Self {
        assert!(
            !path.starts_with("/api"),
            "{path} is under /api: catalogue it"
        );
        self.router = self.router.route(path, route);
        self
    }

    pub fn merge(mut self, other: Api) -> Self {
        self.router = self.router.merge(other.router);
        self.endpoints.extend(other.endpoints);
        self
    }

    pub fn endpoints(&self) -> &[Endpoint] {
        &self.endpoints
    }

    /// The router and the entries. The server functions' entries are recorded for
    /// their bodies to check: server rendering calls server functions in-process,
    /// where no route gate stands in front of them.
    pub fn into_parts(self) -> (Router<AppState>, Vec<Endpoint>) {
        crate::auth::server::guard::register_server_fns(
            self.endpoints
                .iter()
                .filter(|e| e.server_fn)
                .map(|e| (e.path, e.access)),
        );
        (self.router, self.endpoints)
    }
}
