//! `/api/v1/presentations/*` for the mobile app (SPEC §5.9, paths kept exactly):
//! decks and templates. Media (upload, library, serving) is in `media_rest.rs`.

use super::service;
use crate::auth::permissions::Permission;
use crate::auth::server::guard::{CurrentUser, RequestMeta};
use crate::catalog::{schema, Access, Endpoint, RestGroup, Verb};
use crate::error::{AppError, AppResult};
use crate::presentations::types::*;
use crate::rest::ApiJson;
use crate::state::AppState;
use axum::{
    extract::{Path, Query, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use serde::Deserialize;
use uuid::Uuid;

pub fn routes(upload_limit: usize) -> Router<AppState> {
    Router::new()
        .merge(super::media_rest::routes(upload_limit))
        .route(
            "/api/v1/presentations/templates",
            get(templates).post(create_template),
        )
        .route(
            "/api/v1/presentations/templates/{template_id}",
            axum::routing::put(update_template).delete(archive_template),
        )
        .route(
            "/api/v1/presentations/agent/{agent_id}",
            get(list).post(create),
        )
        .route("/api/v1/presentations/agent/{agent_id}/active", get(active))
        .route(
            "/api/v1/presentations/agent/{agent_id}/from-template",
            post(from_template),
        )
        .route(
            "/api/v1/presentations/agent/{agent_id}/{presentation_id}",
            get(read).put(update).delete(remove),
        )
        .route(
            "/api/v1/presentations/agent/{agent_id}/{presentation_id}/activate",
            post(activate),
        )
        .route(
            "/api/v1/presentations/agent/{agent_id}/{presentation_id}/duplicate",
            post(duplicate),
        )
}

/// `{agent_id}` and `{presentation_id}`; a malformed id is a 400 with the seed's words.
fn ids(raw: &(String, String)) -> AppResult<(Uuid, Uuid)> {
    let agent = raw
        .0
        .parse()
        .map_err(|_| AppError::BadRequest("Invalid agent ID format".into()))?;
    let presentation = raw
        .1
        .parse()
        .map_err(|_| AppError::not_found("Presentation"))?;
    Ok((agent, presentation))
}

fn agent_id(raw: &str) -> AppResult<Uuid> {
    raw.parse()
        .map_err(|_| AppError::BadRequest("Invalid agent ID format".into()))
}

/// The carousel, with a strong ETag over the body: a phone that sends it back in
/// `If-None-Match` gets a 304 and no body.
async fn active(
    State(state): State<AppState>,
    caller: CurrentUser,
    Path(raw): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let presentation = service::active(&state, &caller, agent_id(&raw)?).await?;
    let body = serde_json::to_vec(&presentation).map_err(|e| AppError::internal("json", e))?;
    Ok(with_etag(&headers, body))
}

/// A JSON body with its ETag, or 304 when the client already has it.
pub fn with_etag(request: &HeaderMap, body: Vec<u8>) -> Response {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(&body);
    let tag = crate::format::hex(&digest[..16]);
    let etag = format!("\"{tag}\"");
    let matches = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim().trim_start_matches("W/") == etag || t.trim() == "*")
        });
    let mut response = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, "application/json")], body).into_response()
    };
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, v);
    }
    // Stored, but revalidated each time: a publish shows at once.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    response
}

#[derive(Debug, Deserialize)]
struct ListQuery {
    presentation_status: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

async fn list(
    State(state): State<AppState>,
    caller: CurrentUser,
    Path(raw): Path<String>,
    Query(q): Query<ListQuery>,
) -> AppResult<Json<PresentationPage>> {
    Ok(Json(
        service::list(
            &state,
            &caller,
            Some(agent_id(&raw)?),
            q.presentation_status.as_deref(),
            q.limit,
            q.offset,
        )
        .await?,
    ))
}

fn saved(p: &Presentation) -> Saved {
    Saved {
        presentation_id: p.presentation_id,
        status: p.status,
        is_active: p.is_active,
        version: p.version,
        created_at: p.created_at,
        updated_at: p.updated_at,
    }
}

async fn create(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    Path(raw): Path<String>,
    ApiJson(input): ApiJson<PresentationInput>,
) -> AppResult<(StatusCode, Json<Saved>)> {
    let p = service::create(&state, &meta, &caller, Some(agent_id(&raw)?), &input).await?;
    Ok((StatusCode::CREATED, Json(saved(&p))))
}

async fn from_template(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    Path(raw): Path<String>,
    ApiJson(request): ApiJson<FromTemplate>,
) -> AppResult<(StatusCode, Json<Presentation>)> {
    let p = service::from_template(&state, &meta, &caller, Some(agent_id(&raw)?), &request).await?;
    Ok((StatusCode::CREATED, Json(p)))
}

async fn read(
    State(state): State<AppState>,
    caller: CurrentUser,
    Path(raw): Path<(String, String)>,
) -> AppResult<Json<Presentation>> {
    let (agent, id) = ids(&raw)?;
    Ok(Json(service::get(&state, &caller, Some(agent), id).await?))
}

async fn update(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    Path(raw): Path<(String, String)>,
    ApiJson(input): ApiJson<PresentationInput>,
) -> AppResult<Json<Saved>> {
    let (agent, id) = ids(&raw)?;
    let p = service::update(&state, &meta, &caller, Some(agent), id, &input).await?;
    Ok(Json(saved(&p)))
}

async fn remove(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    Path(raw): Path<(String, String)>,
) -> AppResult<StatusCode> {
    let (agent, id) = ids(&raw)?;
    service::remove(&state, &meta, &caller, Some(agent), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn activate(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    Path(raw): Path<(String, String)>,
) -> AppResult<Json<Presentation>> {
    let (agent, id) = ids(&raw)?;
    Ok(Json(
        service::activate(&state, &meta, &caller, Some(agent), id).await?,
    ))
}

async fn duplicate(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    Path(raw): Path<(String, String)>,
) -> AppResult<(StatusCode, Json<Presentation>)> {
    let (agent, id) = ids(&raw)?;
    let p = service::duplicate(&state, &meta, &caller, Some(agent), id).await?;
    Ok((StatusCode::CREATED, Json(p)))
}

#[derive(Debug, Deserialize)]
struct TemplateQuery {
    category: Option<String>,
    is_public: Option<bool>,
}

async fn templates(
    State(state): State<AppState>,
    caller: CurrentUser,
    Query(q): Query<TemplateQuery>,
) -> AppResult<Json<TemplateList>> {
    Ok(Json(
        service::templates(
            &state,
            &caller,
            q.category.as_deref(),
            q.is_public.unwrap_or(true),
        )
        .await?,
    ))
}

async fn create_template(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    ApiJson(input): ApiJson<TemplateInput>,
) -> AppResult<(StatusCode, Json<Template>)> {
    caller.require(Permission::SystemAdmin)?;
    let t = super::templates::create(&state, &meta, &caller, &input).await?;
    Ok((StatusCode::CREATED, Json(t)))
}

async fn update_template(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    crate::rest::IdPath(id): crate::rest::IdPath,
    ApiJson(input): ApiJson<TemplateInput>,
) -> AppResult<Json<Template>> {
    caller.require(Permission::SystemAdmin)?;
    Ok(Json(
        super::templates::update(&state, &meta, &caller, id, &input).await?,
    ))
}

async fn archive_template(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    crate::rest::IdPath(id): crate::rest::IdPath,
) -> AppResult<StatusCode> {
    caller.require(Permission::SystemAdmin)?;
    super::templates::archive(&state, &meta, &caller, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Parses as every JSON body here; refused later by the rules, never by the guard.
const SAMPLE: &str =
    r#"{"name":"Matrix","slides":[],"template_id":"c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"}"#;

const API: RestGroup = RestGroup {
    tag: "presentations",
    sample_body: SAMPLE,
};

use Permission::*;

pub static ENDPOINTS: &[Endpoint] = &[
    API.endpoint(
        Verb::Get,
        "/api/v1/presentations/agent/{agent_id}/active",
        "The agent's active carousel, slides in order (ETag; 304 on If-None-Match)",
        Access::SignedIn,
        None,
        schema::<Presentation>(),
        &[400, 404],
    ),
    API.endpoint(
        Verb::Get,
        "/api/v1/presentations/agent/{agent_id}",
        "The agent's presentations, newest first (presentation_status, limit, offset)",
        Access::OwnerOr(PresentationsRead),
        None,
        schema::<PresentationPage>(),
        &[400, 404],
    ),
    API.endpoint(
        Verb::Post,
        "/api/v1/presentations/agent/{agent_id}",
        "Create a presentation (a draft unless status says otherwise)",
        Access::OwnerOr(PresentationsCreate),
        Some(schema::<PresentationInput>()),
        schema::<Saved>(),
        &[400, 404, 422],
    ),
    API.endpoint(
        Verb::Post,
        "/api/v1/presentations/agent/{agent_id}/from-template",
        "Create a draft from a template, filling its placeholders",
        Access::OwnerOr(PresentationsCreate),
        Some(schema::<FromTemplate>()),
        schema::<Presentation>(),
        &[400, 404, 422],
    ),
    API.endpoint(
        Verb::Get,
        "/api/v1/presentations/agent/{agent_id}/{presentation_id}",
        "One presentation with all its slides",
        Access::OwnerOr(PresentationsRead),
        None,
        schema::<Presentation>(),
        &[400, 404],
    ),
    API.endpoint(
        Verb::Put,
        "/api/v1/presentations/agent/{agent_id}/{presentation_id}",
        "Save a presentation: the slides replace all existing ones; send `version`",
        Access::OwnerOr(PresentationsUpdate),
        Some(schema::<PresentationInput>()),
        schema::<Saved>(),
        &[400, 404, 409, 422],
    ),
    API.endpoint(
        Verb::Delete,
        "/api/v1/presentations/agent/{agent_id}/{presentation_id}",
        "Delete a never-published draft, or archive a presentation (204)",
        Access::OwnerOr(PresentationsUpdate),
        None,
        schema::<crate::catalog::Empty>(),
        &[400, 404],
    ),
    API.endpoint(
        Verb::Post,
        "/api/v1/presentations/agent/{agent_id}/{presentation_id}/activate",
        "Make a published presentation the agent's only active one",
        Access::OwnerOr(PresentationsPublish),
        None,
        schema::<Presentation>(),
        &[400, 404, 409],
    ),
    API.endpoint(
        Verb::Post,
        "/api/v1/presentations/agent/{agent_id}/{presentation_id}/duplicate",
        "Copy a presentation as a new draft",
        Access::OwnerOr(PresentationsCreate),
        None,
        schema::<Presentation>(),
        &[400, 404],
    ),
    API.endpoint(
        Verb::Get,
        "/api/v1/presentations/templates",
        "Templates (category, is_public); active and inside their availability window",
        Access::SignedIn,
        None,
        schema::<TemplateList>(),
        &[422],
    ),
    API.endpoint(
        Verb::Post,
        "/api/v1/presentations/templates",
        "Create a shared template (slide skeletons with {{placeholders}})",
        Access::Permission(SystemAdmin),
        Some(schema::<TemplateInput>()),
        schema::<Template>(),
        &[400, 422],
    ),
    API.endpoint(
        Verb::Put,
        "/api/v1/presentations/templates/{template_id}",
        "Edit a shared template",
        Access::Permission(SystemAdmin),
        Some(schema::<TemplateInput>()),
        schema::<Template>(),
        &[400, 404, 422],
    ),
    API.endpoint(
        Verb::Delete,
        "/api/v1/presentations/templates/{template_id}",
        "Retire a shared template (204); decks made from it keep their slides",
        Access::Permission(SystemAdmin),
        None,
        schema::<crate::catalog::Empty>(),
        &[404],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_match_and_answer_304() {
        let body = br#"{"a":1}"#.to_vec();
        let first = with_etag(&HeaderMap::new(), body.clone());
        assert_eq!(first.status(), StatusCode::OK);
        let etag = first.headers()[header::ETAG].clone();
        let mut again = HeaderMap::new();
        again.insert(header::IF_NONE_MATCH, etag.clone());
        assert_eq!(
            with_etag(&again, body.clone()).status(),
            StatusCode::NOT_MODIFIED
        );
        let mut other = HeaderMap::new();
        other.insert(header::IF_NONE_MATCH, HeaderValue::from_static("\"nope\""));
        assert_eq!(with_etag(&other, body).status(), StatusCode::OK);
    }
}
