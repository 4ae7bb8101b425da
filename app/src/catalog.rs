//! The catalogue of every endpoint under `/api`: one entry per route, whether it is a
//! server function or an axum handler.
//!
//! It is the single list that the OpenAPI document is built from (entries with
//! `docs`), that the router tests walk (every entry must be routed, every server
//! function must be listed: `server/tests/api/docs.rs`), and that the permission
//! matrix walks for anonymous callers and all ten roles (`server/tests/api/matrix.rs`).
//! Web-UI server functions use `web_ui(..)`; REST handlers list their own entries.

use std::borrow::Cow;
use utoipa::openapi::{schema::Schema, RefOr};

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
}

/// Who may call an endpoint: the guard its handler must start with. The permission
/// matrix test holds every endpoint to this for anonymous callers and all ten roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not (health, sign-in itself).
    Public,
    /// Any signed-in user; acts on their own data only (profile, sessions).
    SignedIn,
    /// Signed in with this permission; the service then applies scope.
    Permission(crate::auth::permissions::Permission),
    /// The caller's own record, or anyone's with this permission (`/users/{id}`).
    SelfOr(crate::auth::permissions::Permission),
    /// The caller's own agent record's data (the owner rule, SPEC §2.4), or any
    /// agent's in their tenant with this permission. The path or body names an agent.
    OwnerOr(crate::auth::permissions::Permission),
    /// Acts for the caller's own agent record when they have one (uploads, the media
    /// library); callers without one need this permission.
    AgentOr(crate::auth::permissions::Permission),
}

/// A named JSON schema, resolved lazily so the catalogue can be a `static`.
#[derive(Clone, Copy)]
pub struct SchemaRef {
    pub name: fn() -> Cow<'static, str>,
    pub collect: fn(&mut Vec<(String, RefOr<Schema>)>),
}

pub const fn schema<T: utoipa::ToSchema>() -> SchemaRef {
    SchemaRef {
        name: T::name,
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

pub struct Endpoint {
    pub verb: Verb,
    /// OpenAPI form, with `{param}` placeholders.
    pub path: &'static str,
    pub summary: &'static str,
    pub tag: &'static str,
    pub access: Access,
    /// True when the route is a Leptos server function (POST JSON or GET query).
    pub server_fn: bool,
    /// Part of the mobile API and its OpenAPI document (web-UI server functions
    /// under `/api/ui` are catalogued for the guard tests but not documented).
    pub docs: bool,
    pub request: Option<SchemaRef>,
    pub response: SchemaRef,
    /// Statuses other than 200 that this endpoint answers on purpose.
    pub errors: &'static [u16],
    /// A well-formed request body for the permission-matrix test: JSON for the REST
    /// API, form-encoded for `/api/ui` server functions.
    pub sample_body: &'static str,
}

/// Every endpoint, grouped by feature.
pub fn endpoints() -> impl Iterator<Item = &'static Endpoint> {
    [
        crate::system::server::rest::ENDPOINTS,
        crate::auth::server::rest::ENDPOINTS,
        crate::auth::api::ENDPOINTS,
        crate::users::server::rest::ENDPOINTS,
        crate::users::api::ENDPOINTS,
        crate::presentations::server::rest::ENDPOINTS,
        crate::presentations::server::media_rest::ENDPOINTS,
        crate::presentations::api::ENDPOINTS,
    ]
    .into_iter()
    .flatten()
}

/// One feature's REST handlers under `/api/v1`: their OpenAPI tag, and a request
/// body that parses for each of them (the permission matrix sends it).
pub struct RestGroup {
    pub tag: &'static str,
    pub sample_body: &'static str,
}

impl RestGroup {
    /// A documented REST handler of this group. The arguments read as the table row
    /// they are in the feature's `ENDPOINTS`.
    #[allow(clippy::too_many_arguments)]
    pub const fn endpoint(
        &self,
        verb: Verb,
        path: &'static str,
        summary: &'static str,
        access: Access,
        request: Option<SchemaRef>,
        response: SchemaRef,
        errors: &'static [u16],
    ) -> Endpoint {
        Endpoint {
            verb,
            path,
            summary,
            tag: self.tag,
            access,
            server_fn: false,
            docs: true,
            request,
            response,
            errors,
            sample_body: self.sample_body,
        }
    }
}

/// A web-UI server function under `/api/ui`: catalogued for the guard tests, left out
/// of the mobile API's OpenAPI document.
pub const fn web_ui(
    verb: Verb,
    path: &'static str,
    summary: &'static str,
    access: Access,
    sample_body: &'static str,
) -> Endpoint {
    Endpoint {
        verb,
        path,
        summary,
        tag: "web-ui",
        access,
        server_fn: true,
        docs: false,
        request: None,
        response: schema::<Empty>(),
        errors: &[],
        sample_body,
    }
}
