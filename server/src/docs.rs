//! The OpenAPI document, built from `app::catalog` (so it lists exactly what is
//! routed), and the Swagger UI page at `/docs`, whose assets are served from our own
//! site (`public/vendor/swagger-ui`, copied from the `swagger-ui-dist` npm package):
//! it renders with the network cut off.

use app::catalog::{self, Access, Endpoint, Verb};
use app::error::ErrorBody;
use app::state::ServiceInfo;
use axum::{response::Html, routing::get, Json, Router};
use utoipa::openapi::{
    path::{HttpMethod, OperationBuilder, PathItem, PathsBuilder},
    request_body::RequestBodyBuilder,
    response::ResponseBuilder,
    security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme},
    ComponentsBuilder, ContentBuilder, InfoBuilder, OpenApi, OpenApiBuilder, Ref, Required,
};
use utoipa::ToSchema;

pub fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    let doc = serde_json::to_value(openapi()).unwrap_or_default();
    Router::new()
        .route(
            "/api/v1/openapi.json",
            get(move || async move { Json(doc) }),
        )
        .route("/docs", get(swagger_page))
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
        400 => "Malformed request",
        401 => "Not signed in, or the token is invalid",
        403 => "Not allowed",
        404 => "Not found",
        409 => "Conflict",
        422 => "Invalid input; `fields` says which",
        423 => "Locked",
        429 => "Rate limited; see `Retry-After`",
        503 => "A dependency (the database) is unavailable",
        _ => "Internal error",
    }
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
                .replace(['/', '{', '}', '-'], "_")
        )))
        .response(
            "200",
            ResponseBuilder::new()
                .description("Success")
                .content("application/json", json_ref(&(endpoint.response.name)())),
        );
    if let Some(request) = endpoint.request {
        op = op.request_body(Some(
            RequestBodyBuilder::new()
                .required(Some(Required::True))
                .content("application/json", json_ref(&(request.name)()))
                .build(),
        ));
    }
    for status in endpoint.errors {
        op = op.response(
            status.to_string(),
            ResponseBuilder::new()
                .description(status_text(*status))
                .content("application/json", json_ref(&ErrorBody::name())),
        );
    }
    match endpoint.access {
        Access::Public => op.build(),
        Access::SignedIn
        | Access::Permission(_)
        | Access::SelfOr(_)
        | Access::OwnerOr(_)
        | Access::AgentOr(_) => {
            let mut op = op.security(SecurityRequirement::new("bearer", Vec::<String>::new()));
            match endpoint.access {
                Access::Permission(p) => {
                    op = op.description(Some(format!("Requires the `{p}` permission.")))
                }
                Access::SelfOr(p) => {
                    op = op.description(Some(format!("The caller's own record, or `{p}`.")))
                }
                Access::OwnerOr(p) => {
                    op = op.description(Some(format!(
                        "The caller's own agent record, or any agent of their tenant with `{p}`."
                    )))
                }
                Access::AgentOr(p) => {
                    op = op.description(Some(format!(
                        "Callers with an agent record act for it; others need `{p}`."
                    )))
                }
                _ => {}
            }
            for status in [401u16, 403] {
                if !endpoint.errors.contains(&status) {
                    op = op.response(
                        status.to_string(),
                        ResponseBuilder::new()
                            .description(status_text(status))
                            .content("application/json", json_ref(&ErrorBody::name())),
                    );
                }
            }
            op.build()
        }
    }
}

/// The whole document. Paths and schemas come from the catalogue only.
pub fn openapi() -> OpenApi {
    let mut paths = PathsBuilder::new();
    let mut schemas = Vec::new();
    ErrorBody::schemas(&mut schemas);
    schemas.push((
        ErrorBody::name().into_owned(),
        <ErrorBody as utoipa::PartialSchema>::schema(),
    ));
    // Several verbs may share a path; group them into one PathItem each.
    let mut items: std::collections::BTreeMap<&str, PathItem> = Default::default();
    for endpoint in catalog::endpoints().filter(|e| e.docs) {
        (endpoint.response.collect)(&mut schemas);
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
