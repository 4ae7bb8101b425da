//! The OpenAPI document, built from `app::catalog` (so it lists exactly what is
//! routed), and the Swagger UI page at `/docs`, whose assets are served from our own
//! site (`public/vendor/swagger-ui`, copied from the `swagger-ui-dist` npm package):
//! it renders with the network cut off.

use app::access::Access;
use app::catalog::{Api, Body, Endpoint, Verb};
use app::error::ErrorBody;
use app::state::ServiceInfo;
use axum::{response::Html, routing::get, Json};
use utoipa::openapi::{
    path::{
        HttpMethod, OperationBuilder, Parameter, ParameterBuilder, ParameterIn, PathItem,
        PathsBuilder,
    },
    request_body::RequestBodyBuilder,
    response::ResponseBuilder,
    schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type},
    security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme},
    ComponentsBuilder, ContentBuilder, InfoBuilder, OpenApi, OpenApiBuilder, Ref, Required,
};
use utoipa::ToSchema;

/// `/api/v1/openapi.json` (the document of `endpoints`, built once) and `/docs`.
pub fn api(endpoints: &[Endpoint]) -> Api {
    let doc = std::sync::Arc::new(serde_json::to_value(openapi(endpoints)).unwrap_or_default());
    let serve = move || {
        let doc = doc.clone();
        async move { Json((*doc).clone()) }
    };
    Api::new("docs", "")
        .rest(
            Endpoint::get("/api/v1/openapi.json", "This document", Access::Public).undocumented(),
            serve,
        )
        .outside_api("/docs", get(swagger_page))
}

fn http_method(verb: Verb) -> HttpMethod {
    match verb {
        Verb::Get => HttpMethod::Get,
        Verb::Post => HttpMethod::Post,
        Verb::Put => HttpMethod::Put,
        Verb::Delete => HttpMethod::Delete,
    }
}

fn json_ref(name: &str) -> utoipa::openapi::Content {
    ContentBuilder::new()
        .schema(Some(Ref::from_schema_name(name)))
        .build()
}

fn status_text(status: u16) -> &'static str {
    match status {
        200 => "Success",
        201 => "Created",
        204 => "Done; no body",
        304 => "Not modified: the copy the client has (`If-None-Match`) is current",
        400 => "Malformed request",
        401 => "Not signed in, or the token is invalid",
        403 => "Not allowed",
        404 => "Not found",
        409 => "Conflict",
        413 => "Too large",
        415 => "Unsupported file type",
        422 => "Invalid input; `fields` says which",
        423 => "Locked",
        429 => "Rate limited; see `Retry-After`",
        503 => "A dependency (the database) is unavailable",
        _ => "Internal error",
    }
}

/// The `{name}` parameters of the path: ids are UUIDs.
fn path_parameters(endpoint: &Endpoint) -> Vec<Parameter> {
    endpoint
        .path_params()
        .map(|name| {
            let schema = if name.ends_with("_id") {
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Uuid)))
            } else {
                ObjectBuilder::new().schema_type(Type::String)
            };
            ParameterBuilder::new()
                .name(name)
                .parameter_in(ParameterIn::Path)
                .required(Required::True)
                .schema(Some(schema))
                .build()
        })
        .collect()
}

fn success(endpoint: &Endpoint) -> utoipa::openapi::Response {
    let response = ResponseBuilder::new().description(status_text(endpoint.status));
    match endpoint.response {
        Body::Json(schema) => response
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some((schema.schema)()))
                    .build(),
            )
            .build(),
        Body::Media(media_type) => response
            .content(
                media_type,
                ContentBuilder::new()
                    .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
                    .build(),
            )
            .build(),
        Body::Nothing => response.build(),
    }
}

fn error_response(status: u16) -> utoipa::openapi::Response {
    let response = ResponseBuilder::new().description(status_text(status));
    if status == 304 {
        return response.build();
    }
    response
        .content("application/json", json_ref(&ErrorBody::name()))
        .build()
}

fn operation(endpoint: &Endpoint) -> utoipa::openapi::path::Operation {
    let mut op = OperationBuilder::new()
        .summary(Some(endpoint.summary))
        .tag(endpoint.tag)
        .operation_id(Some(format!(
            "{}_{}",
            endpoint.verb.as_str().to_lowercase(),
            endpoint
                .path
                .trim_start_matches("/api/v1/")
                .replace(['/', '{', '}', '-', '.'], "_")
        )))
        .response(endpoint.status.to_string(), success(endpoint));
    let mut parameters = path_parameters(endpoint);
    if let Some(query) = endpoint.query {
        parameters.extend(query());
    }
    if !parameters.is_empty() {
        op = op.parameters(Some(parameters));
    }
    if let Some(request) = endpoint.request {
        op = op.request_body(Some(
            RequestBodyBuilder::new()
                .required(Some(Required::True))
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some((request.schema)()))
                        .build(),
                )
                .build(),
        ));
    }
    // Every request can be malformed, and every endpoint can fail inside.
    let mut statuses: Vec<u16> = endpoint.errors.to_vec();
    statuses.extend([400, 500]);
    if endpoint.access != Access::Public {
        statuses.extend([401, 403]);
        op = op.security(SecurityRequirement::new("bearer", Vec::<String>::new()));
        let description = match endpoint.access {
            Access::Permission(p) => Some(format!("Requires the `{p}` permission.")),
            Access::SelfOr(p) => Some(format!("The caller's own record, or `{p}`.")),
            Access::OwnerOr(p) => Some(format!(
                "The caller's own agent record, or any agent of their tenant through an \
                 admin role with `{p}`."
            )),
            Access::AgentOr(p) => Some(format!(
                "Callers with an agent record act for it; others need `{p}` through an \
                 admin role."
            )),
            Access::Reach(p) => Some(format!(
                "Requires `{p}` through an admin role, within its scope (regional managers: \
                 their network; provider admins: their tenant)."
            )),
            Access::OwnAgent => Some("The caller's own agent record.".to_owned()),
            Access::AdminRole => Some("Any admin role.".to_owned()),
            Access::ProviderOr(p) => Some(format!(
                "A provider admin's own provider, or any provider with `{p}`."
            )),
            _ => None,
        };
        op = op.description(description);
    }
    statuses.sort_unstable();
    statuses.dedup();
    for status in statuses {
        op = op.response(status.to_string(), error_response(status));
    }
    op.build()
}

/// The whole document. Paths and schemas come from the catalogue only.
pub fn openapi(endpoints: &[Endpoint]) -> OpenApi {
    let mut paths = PathsBuilder::new();
    let mut schemas = Vec::new();
    ErrorBody::schemas(&mut schemas);
    schemas.push((
        ErrorBody::name().into_owned(),
        <ErrorBody as utoipa::PartialSchema>::schema(),
    ));
    // Several verbs may share a path; group them into one PathItem each.
    let mut items: std::collections::BTreeMap<&str, PathItem> = Default::default();
    for endpoint in endpoints.iter().filter(|e| e.docs) {
        if let Body::Json(response) = endpoint.response {
            (response.collect)(&mut schemas);
        }
        if let Some(request) = endpoint.request {
            (request.collect)(&mut schemas);
        }
        let method = http_method(endpoint.verb);
        let op = operation(endpoint);
        items
            .entry(endpoint.path)
            .and_modify(|item| {
                let merged = std::mem::take(item);
                *item = merged_with(merged, method.clone(), op.clone());
            })
            .or_insert_with(|| PathItem::new(method.clone(), op.clone()));
    }
    for (path, item) in items {
        paths = paths.path(path, item);
    }
    let mut components = ComponentsBuilder::new().security_scheme(
        "bearer",
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .bearer_format("JWT")
                .build(),
        ),
    );
    for (name, schema) in schemas {
        components = components.schema(name, schema);
    }
    OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("Agent Mitra API")
                .version(ServiceInfo::VERSION)
                .description(Some(
                    "The JSON API of Agent Mitra for the mobile app. Errors always have the \
                     `ErrorBody` shape with an honest HTTP status.",
                ))
                .build(),
        )
        .paths(paths.build())
        .components(Some(components.build()))
        .build()
}

fn merged_with(
    item: PathItem,
    method: HttpMethod,
    op: utoipa::openapi::path::Operation,
) -> PathItem {
    let mut other = PathItem::new(method, op);
    other.merge_operations(item);
    other
}

async fn swagger_page() -> Html<&'static str> {
    Html(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Agent Mitra API · Docs</title>
  <link rel="stylesheet" href="/vendor/swagger-ui/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/vendor/swagger-ui/swagger-ui-bundle.js"></script>
  <script src="/docs-init.js"></script>
</body>
</html>"#,
    )
}
