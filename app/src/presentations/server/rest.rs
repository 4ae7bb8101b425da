//! `/api/v1/presentations/*` for the mobile app (SPEC §5.9, paths kept exactly),
//! and `/media/presentations/*`, which serves uploaded files.

use super::library::{self, Upload};
use super::service;
use crate::auth::permissions::Permission;
use crate::auth::server::guard::{CurrentUser, RequestMeta};
use crate::catalog::{schema, Access, Endpoint, SchemaRef, Verb};
use crate::error::{AppError, AppResult};
use crate::presentations::types::*;
use crate::rest::ApiJson;
use crate::state::AppState;
use axum::{
    extract::{DefaultBodyLimit, Multipart, Path, Query, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Json, Router,
};
use serde::Deserialize;
use uuid::Uuid;

pub fn routes(upload_limit: usize) -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/presentations/templates",
            get(templates).post(create_template),
        )
        .route(
            "/api/v1/presentations/templates/{template_id}",
            axum::routing::put(update_template).delete(archive_template),
        )
        .route(
            "/api/v1/presentations/media/upload",
            post(upload).layer(DefaultBodyLimit::max(upload_limit)),
        )
        .route("/api/v1/presentations/media", get(media_list))
        .route(
            "/api/v1/presentations/media/{media_id}",
            axum::routing::delete(media_delete),
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
        .route("/media/presentations/{*key}", get(serve_media))
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
    let tag: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
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

/// Multipart: `file` (required), optional `agent_id` for admins uploading for an
/// agent. The guard runs before a byte of the body is read; the size is checked as
/// the file streams in, so an oversized upload is cut off early.
async fn upload(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    request: axum::extract::Request,
) -> AppResult<Json<Media>> {
    if caller.agent_id.is_none() {
        caller.require(Permission::PresentationsCreate)?;
    }
    // Parsed only after the guard, so a refused caller never gets a body error.
    let mut multipart =
        <Multipart as axum::extract::FromRequest<AppState>>::from_request(request, &state)
            .await
            .map_err(|e| AppError::BadRequest(format!("Malformed upload: {}", e.body_text())))?;
    let limits = state.media.limits;
    let ceiling = limits.video_max_bytes.max(limits.image_max_bytes);
    let mut agent: Option<Uuid> = None;
    let mut file: Option<Upload> = None;
    let bad = |e: axum::extract::multipart::MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::TooLarge(format!(
                "The file is too large: uploads can be up to {} MB.",
                ceiling / (1024 * 1024)
            ))
        } else {
            AppError::BadRequest(format!("Malformed upload: {}", e.body_text()))
        }
    };
    while let Some(mut field) = multipart.next_field().await.map_err(bad)? {
        match field.name() {
            Some("agent_id") => {
                let text = field.text().await.map_err(bad)?;
                agent = Some(
                    text.trim()
                        .parse()
                        .map_err(|_| AppError::invalid_field("agent_id", "Not an agent id."))?,
                );
            }
            Some("file") => {
                let file_name = field.file_name().unwrap_or_default().to_owned();
                let declared = field.content_type().map(str::to_owned);
                let mut bytes = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(bad)? {
                    bytes.extend_from_slice(&chunk);
                    if bytes.len() as u64 > ceiling {
                        return Err(AppError::TooLarge(format!(
                            "The file is too large: uploads can be up to {} MB.",
                            ceiling / (1024 * 1024)
                        )));
                    }
                }
                file = Some(Upload {
                    file_name,
                    declared,
                    bytes: bytes.into(),
                });
            }
            _ => {}
        }
    }
    let file = file.ok_or_else(|| AppError::invalid_field("file", "Choose a file to upload."))?;
    let agent = library::upload_agent(&state, &caller, agent).await?;
    Ok(Json(
        library::upload(&state, &meta, &caller, &agent, file).await?,
    ))
}

#[derive(Debug, Deserialize)]
struct MediaQuery {
    agent_id: Option<Uuid>,
    media_type: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

async fn media_list(
    State(state): State<AppState>,
    caller: CurrentUser,
    Query(q): Query<MediaQuery>,
) -> AppResult<Json<MediaList>> {
    if caller.agent_id.is_none() {
        caller.require(Permission::PresentationsRead)?;
    }
    Ok(Json(
        library::list(
            &state,
            &caller,
            q.agent_id,
            q.media_type.as_deref(),
            q.limit,
            q.offset,
        )
        .await?,
    ))
}

async fn media_delete(
    State(state): State<AppState>,
    meta: RequestMeta,
    caller: CurrentUser,
    crate::rest::IdPath(id): crate::rest::IdPath,
) -> AppResult<StatusCode> {
    if caller.agent_id.is_none() {
        caller.require(Permission::PresentationsUpdate)?;
    }
    library::delete(&state, &meta, &caller, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Uploaded files, public like the carousel they appear on (keys are unguessable).
/// Immutable: a key never changes content. Single byte ranges are honoured, so
/// video can seek. A resized version that is not ready yet falls back to the
/// original.
async fn serve_media(
    State(state): State<AppState>,
    Path(key): Path<String>,
    headers: HeaderMap,
) -> Response {
    use object_store::{path::Path as StorePath, GetOptions, GetRange, ObjectStore};
    if key.contains("..") || key.contains("//") {
        return StatusCode::NOT_FOUND.into_response();
    }
    let key = format!("presentations/{key}");
    let store = &state.media.store;
    let range = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .and_then(parse_range);
    let mut candidates = vec![(key.clone(), true)];
    if let Some(stem) = key
        .strip_suffix("-960.jpg")
        .or_else(|| key.strip_suffix("-480.jpg"))
    {
        for ext in ["jpg", "png", "webp", "gif"] {
            candidates.push((format!("{stem}.{ext}"), false));
        }
    }
    for (candidate, exact) in candidates {
        let options = GetOptions {
            range: range.map(|r| match r {
                (start, Some(end)) => GetRange::Bounded(start..end.saturating_add(1)),
                (start, None) => GetRange::Offset(start),
            }),
            ..Default::default()
        };
        let result = match store
            .get_opts(&StorePath::from(candidate.as_str()), options)
            .await
        {
            Ok(result) => result,
            Err(object_store::Error::NotFound { .. }) => continue,
            // A range the file cannot satisfy is the client's mistake; anything else
            // is ours.
            Err(e) if range.is_some() => {
                tracing::debug!(error = ?e, "unsatisfiable range");
                return StatusCode::RANGE_NOT_SATISFIABLE.into_response();
            }
            Err(e) => {
                tracing::warn!(error = ?e, "media read failed");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        };
        let total = result.meta.size;
        let served = result.range.clone();
        let mime = mime_of(&candidate);
        let body = axum::body::Body::from_stream(result.into_stream());
        let mut response = Response::new(body);
        let h = response.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
        h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(if exact {
                "public, max-age=31536000, immutable"
            } else {
                "public, max-age=60"
            }),
        );
        h.insert(
            header::CONTENT_LENGTH,
            HeaderValue::from(served.end - served.start),
        );
        if range.is_some() {
            *response.status_mut() = StatusCode::PARTIAL_CONTENT;
            if let Ok(v) = HeaderValue::from_str(&format!(
                "bytes {}-{}/{}",
                served.start,
                served.end.saturating_sub(1),
                total
            )) {
                response.headers_mut().insert(header::CONTENT_RANGE, v);
            }
        }
        return response;
    }
    StatusCode::NOT_FOUND.into_response()
}

/// `bytes=a-b` or `bytes=a-` (one range; others are served whole).
fn parse_range(text: &str) -> Option<(u64, Option<u64>)> {
    let spec = text.strip_prefix("bytes=")?;
    if spec.contains(',') {
        return None;
    }
    let (start, end) = spec.split_once('-')?;
    let start = start.trim().parse().ok()?;
    let end = match end.trim() {
        "" => None,
        e => Some(e.parse().ok()?),
    };
    match end {
        Some(e) if e < start => None,
        _ => Some((start, end)),
    }
}

fn mime_of(key: &str) -> &'static str {
    match key.rsplit('.').next() {
        Some("jpg") => "image/jpeg",
        Some("png") => "image/png",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("mp4") => "video/mp4",
        Some("mov") => "video/quicktime",
        Some("webm") => "video/webm",
        Some("avi") => "video/x-msvideo",
        _ => "application/octet-stream",
    }
}

const fn ep(
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
        tag: "presentations",
        access,
        server_fn: false,
        docs: true,
        request,
        response,
        errors,
        sample_body: SAMPLE,
    }
}

/// Parses as every JSON body here; refused later by the rules, never by the guard.
const SAMPLE: &str =
    r#"{"name":"Matrix","slides":[],"template_id":"c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"}"#;

use Permission::*;

pub static ENDPOINTS: &[Endpoint] = &[
    ep(
        Verb::Get,
        "/api/v1/presentations/agent/{agent_id}/active",
        "The agent's active carousel, slides in order (ETag; 304 on If-None-Match)",
        Access::SignedIn,
        None,
        schema::<Presentation>(),
        &[400, 404],
    ),
    ep(
        Verb::Get,
        "/api/v1/presentations/agent/{agent_id}",
        "The agent's presentations, newest first (presentation_status, limit, offset)",
        Access::OwnerOr(PresentationsRead),
        None,
        schema::<PresentationPage>(),
        &[400, 404],
    ),
    ep(
        Verb::Post,
        "/api/v1/presentations/agent/{agent_id}",
        "Create a presentation (a draft unless status says otherwise)",
        Access::OwnerOr(PresentationsCreate),
        Some(schema::<PresentationInput>()),
        schema::<Saved>(),
        &[400, 404, 422],
    ),
    ep(
        Verb::Post,
        "/api/v1/presentations/agent/{agent_id}/from-template",
        "Create a draft from a template, filling its placeholders",
        Access::OwnerOr(PresentationsCreate),
        Some(schema::<FromTemplate>()),
        schema::<Presentation>(),
        &[400, 404, 422],
    ),
    ep(
        Verb::Get,
        "/api/v1/presentations/agent/{agent_id}/{presentation_id}",
        "One presentation with all its slides",
        Access::OwnerOr(PresentationsRead),
        None,
        schema::<Presentation>(),
        &[400, 404],
    ),
    ep(
        Verb::Put,
        "/api/v1/presentations/agent/{agent_id}/{presentation_id}",
        "Save a presentation: the slides replace all existing ones; send `version`",
        Access::OwnerOr(PresentationsUpdate),
        Some(schema::<PresentationInput>()),
        schema::<Saved>(),
        &[400, 404, 409, 422],
    ),
    ep(
        Verb::Delete,
        "/api/v1/presentations/agent/{agent_id}/{presentation_id}",
        "Delete a never-published draft, or archive a presentation (204)",
        Access::OwnerOr(PresentationsUpdate),
        None,
        schema::<crate::catalog::Empty>(),
        &[400, 404],
    ),
    ep(
        Verb::Post,
        "/api/v1/presentations/agent/{agent_id}/{presentation_id}/activate",
        "Make a published presentation the agent's only active one",
        Access::OwnerOr(PresentationsPublish),
        None,
        schema::<Presentation>(),
        &[400, 404, 409],
    ),
    ep(
        Verb::Post,
        "/api/v1/presentations/agent/{agent_id}/{presentation_id}/duplicate",
        "Copy a presentation as a new draft",
        Access::OwnerOr(PresentationsCreate),
        None,
        schema::<Presentation>(),
        &[400, 404],
    ),
    ep(
        Verb::Get,
        "/api/v1/presentations/templates",
        "Templates (category, is_public); active and inside their availability window",
        Access::SignedIn,
        None,
        schema::<TemplateList>(),
        &[422],
    ),
    ep(
        Verb::Post,
        "/api/v1/presentations/templates",
        "Create a shared template (slide skeletons with {{placeholders}})",
        Access::Permission(SystemAdmin),
        Some(schema::<TemplateInput>()),
        schema::<Template>(),
        &[400, 422],
    ),
    ep(
        Verb::Put,
        "/api/v1/presentations/templates/{template_id}",
        "Edit a shared template",
        Access::Permission(SystemAdmin),
        Some(schema::<TemplateInput>()),
        schema::<Template>(),
        &[400, 404, 422],
    ),
    ep(
        Verb::Delete,
        "/api/v1/presentations/templates/{template_id}",
        "Retire a shared template (204); decks made from it keep their slides",
        Access::Permission(SystemAdmin),
        None,
        schema::<crate::catalog::Empty>(),
        &[404],
    ),
    ep(
        Verb::Post,
        "/api/v1/presentations/media/upload",
        "Upload an image (JPEG/PNG/WebP/GIF ≤ 5 MB) or video (MP4/WebM/MOV ≤ 50 MB); \
         multipart `file`, optional `agent_id`",
        Access::AgentOr(PresentationsCreate),
        None,
        schema::<Media>(),
        &[400, 413, 415, 422],
    ),
    ep(
        Verb::Get,
        "/api/v1/presentations/media",
        "The agent's media library (agent_id for admins, media_type, limit, offset)",
        Access::AgentOr(PresentationsRead),
        None,
        schema::<MediaList>(),
        &[404, 422],
    ),
    ep(
        Verb::Delete,
        "/api/v1/presentations/media/{media_id}",
        "Delete an unused library file (204; 409 while a slide uses it)",
        Access::AgentOr(PresentationsUpdate),
        None,
        schema::<crate::catalog::Empty>(),
        &[404, 409],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_single_and_ordered() {
        assert_eq!(parse_range("bytes=0-99"), Some((0, Some(99))));
        assert_eq!(parse_range("bytes=100-"), Some((100, None)));
        assert_eq!(parse_range("bytes=9-1"), None);
        assert_eq!(parse_range("bytes=0-1,5-6"), None);
        assert_eq!(parse_range("items=0-1"), None);
    }

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
