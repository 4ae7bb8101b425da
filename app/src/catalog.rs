//! The catalogue: every endpoint under `/api`, declared once.
//!
//! A feature registers each endpoint in its `server/routes.rs` with one [`Endpoint`]
//! and its handler: `Api::rest(Endpoint::get(path, summary, access)…, handler)`, or
//! `Api::server_fn::<F>(…)` for a Leptos server function (whose path comes from
//! `F::PATH`, never a retyped string). From that one declaration come:
//!
//! - the route (path and verb), behind the **gate** of the entry's [`Access`]: the
//!   gate runs before the handler, so a handler cannot forget its guard and cannot
//!   disagree with its entry;
//! - the OpenAPI document (`server/src/docs.rs`): parameters, request and response
//!   schemas, the success status and every documented error;
//! - the permission matrix (`server/tests/api/matrix.rs`), which calls every entry
//!   anonymously and as each of the ten roles.
//!
//! `server/tests/api/docs.rs` walks the built router and fails on any `/api` route
//! that is not catalogued.
//!
//! This file holds the entry itself ([`Endpoint`], its schemas and builder);
//! `catalog/api.rs` the [`Api`] that routes entries, `catalog/gate.rs` the gate.

use crate::access::Access;
use axum::{http::Method, routing::MethodFilter};
use utoipa::openapi::{path::Parameter, schema::Schema, RefOr};

mod api;
mod gate;

pub use api::Api;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Get,
    Post,
    Put,
    Delete,
}

impl Verb {
    pub fn as_str(self) -> &'static str {
        match self {
            Verb::Get => "GET",
            Verb::Post => "POST",
            Verb::Put => "PUT",
            Verb::Delete => "DELETE",
        }
    }

    pub fn method(self) -> Method {
        match self {
            Verb::Get => Method::GET,
            Verb::Post => Method::POST,
            Verb::Put => Method::PUT,
            Verb::Delete => Method::DELETE,
        }
    }

    fn filter(self) -> MethodFilter {
        match self {
            Verb::Get => MethodFilter::GET,
            Verb::Post => MethodFilter::POST,
            Verb::Put => MethodFilter::PUT,
            Verb::Delete => MethodFilter::DELETE,
        }
    }

    fn of(method: &Method) -> Option<Verb> {
        [Verb::Get, Verb::Post, Verb::Put, Verb::Delete]
            .into_iter()
            .find(|v| v.method() == method)
    }
}

/// A JSON schema and the named schemas it refers to, resolved lazily.
#[derive(Clone, Copy)]
pub struct SchemaRef {
    /// The schema as it appears in an operation: a `$ref`, or an inline array of one.
    pub schema: fn() -> RefOr<Schema>,
    /// Adds the named schemas it needs to `components/schemas`.
    pub collect: fn(&mut Vec<(String, RefOr<Schema>)>),
}

/// A named type, referred to by `$ref`.
pub fn schema<T: utoipa::ToSchema>() -> SchemaRef {
    SchemaRef {
        schema: || RefOr::Ref(utoipa::openapi::Ref::from_schema_name(T::name())),
        collect: collect::<T>,
    }
}

/// A JSON array of a named type.
pub fn list<T: utoipa::ToSchema>() -> SchemaRef {
    SchemaRef {
        schema: || {
            utoipa::openapi::schema::ArrayBuilder::new()
                .items(utoipa::openapi::Ref::from_schema_name(T::name()))
                .into()
        },
        collect: collect::<T>,
    }
}

fn collect<T: utoipa::ToSchema>(out: &mut Vec<(String, RefOr<Schema>)>) {
    out.push((T::name().into_owned(), T::schema()));
    T::schemas(out);
}

/// The body of a server function that takes no arguments: `{}`.
#[derive(utoipa::ToSchema)]
pub struct Empty {}

/// What a successful call answers.
#[derive(Clone, Copy)]
pub enum Body {
    Json(SchemaRef),
    /// No body (204, 304).
    Nothing,
    /// Bytes of this media type (CSV exports).
    Media(&'static str),
}

/// One endpoint: everything the router, the docs and the tests need to know.
#[derive(Clone)]
pub struct Endpoint {
    pub verb: Verb,
    /// Both the axum and the OpenAPI form, with `{param}` placeholders.
    pub path: &'static str,
    pub summary: &'static str,
    pub tag: &'static str,
    pub access: Access,
    /// True when the route is a Leptos server function (POST body or GET query).
    pub server_fn: bool,
    /// Part of the mobile API and its OpenAPI document (web-UI server functions
    /// under `/api/ui` are catalogued for the gate and the tests, not documented).
    pub docs: bool,
    pub request: Option<SchemaRef>,
    /// Query parameters, when the handler reads any.
    pub query: Option<fn() -> Vec<Parameter>>,
    /// The success status (200, 201, 204) and its body.
    pub status: u16,
    pub response: Body,
    /// Statuses other than success that this endpoint answers on purpose. 401 and
    /// 403 are added for every guarded entry, 400 for every entry with input.
    pub errors: &'static [u16],
    /// A well-formed request for the permission matrix: JSON for the REST API,
    /// form-encoded (or a query string) for `/api/ui` server functions.
    pub sample_body: &'static str,
    /// A larger request-body limit than axum's default (uploads).
    pub body_limit: Option<usize>,
}

impl Endpoint {
    fn new(verb: Verb, path: &'static str, summary: &'static str, access: Access) -> Self {
        Self {
            verb,
            path,
            summary,
            tag: "",
            access,
            server_fn: false,
            docs: true,
            request: None,
            query: None,
            status: 200,
            response: Body::Json(schema::<Empty>()),
            errors: &[],
            sample_body: "",
            body_limit: None,
        }
    }

    pub fn get(path: &'static str, summary: &'static str, access: Access) -> Self {
        Self::new(Verb::Get, path, summary, access)
    }
    pub fn post(path: &'static str, summary: &'static str, access: Access) -> Self {
        Self::new(Verb::Post, path, summary, access)
    }
    pub fn put(path: &'static str, summary: &'static str, access: Access) -> Self {
        Self::new(Verb::Put, path, summary, access)
    }
    pub fn delete(path: &'static str, summary: &'static str, access: Access) -> Self {
        Self::new(Verb::Delete, path, summary, access)
    }

    /// A Leptos server function: its path and verb are the function's own.
    pub fn server_fn<F: server_fn::ServerFn>(summary: &'static str, access: Access) -> Self {
        let verb = server_fn::axum::server_fn_paths()
            .find(|(path, _)| *path == F::PATH)
            .and_then(|(_, method)| Verb::of(&method))
            .unwrap_or(Verb::Post);
        let mut e = Self::new(verb, F::PATH, summary, access);
        e.server_fn = true;
        e.docs = F::PATH.starts_with("/api/v1/");
        e
    }

    /// The JSON request body.
    pub fn body<T: utoipa::ToSchema>(mut self) -> Self {
        self.request = Some(schema::<T>());
        self
    }
    /// The JSON response body.
    pub fn returns<T: utoipa::ToSchema>(mut self) -> Self {
        self.response = Body::Json(schema::<T>());
        self
    }
    /// A JSON array of `T`.
    pub fn returns_list<T: utoipa::ToSchema>(mut self) -> Self {
        self.response = Body::Json(list::<T>());
        self
    }
    /// Bytes of a media type (an export).
    pub fn returns_media(mut self, media_type: &'static str) -> Self {
        self.response = Body::Media(media_type);
        self
    }
    /// 204 No Content.
    pub fn no_content(mut self) -> Self {
        self.status = 204;
        self.response = Body::Nothing;
        self
    }
    pub fn status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }
    pub fn query<Q: utoipa::IntoParams>(mut self) -> Self {
        self.query = Some(|| Q::into_params(|| Some(utoipa::openapi::path::ParameterIn::Query)));
        self
    }
    pub fn errors(mut self, errors: &'static [u16]) -> Self {
        self.errors = errors;
        self
    }
    pub fn sample(mut self, body: &'static str) -> Self {
        self.sample_body = body;
        self
    }
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = Some(bytes);
        self
    }
    /// The OpenAPI group, when not the `Api`'s.
    pub fn tag(mut self, tag: &'static str) -> Self {
        self.tag = tag;
        self
    }
    /// Not part of the mobile API's document (web-UI functions).
    pub fn undocumented(mut self) -> Self {
        self.docs = false;
        self
    }

    /// The `{name}` placeholders of the path, in order.
    pub fn path_params(&self) -> impl Iterator<Item = &str> {
        self.path
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
    }
}
