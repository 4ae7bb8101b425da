//! `/api/v1/presentations/*` for the mobile app (SPEC §5.9, paths kept exactly):
//! decks and templates. Media (upload, library, serving) is in `media_rest.rs`.

use super::service;
use crate::access::{Access, Permission::*};
use crate::auth::server::guard::Ctx;
use crate::catalog::{Api, Endpoint};
use crate::error::{AppError, AppResult};
use crate::presentations::types::*;
use crate::rest::{ApiJson, ApiQuery};
use axum::{
    extract::Path,
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::Deserialize;
use uuid::Uuid;

/// Parses as every JSON body here; refused later by the rules, never by the guard.
const SAMPLE: &str =
    r#"{"name":"Matrix","slides":[],"template_id":"c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"}"#;
/// The demo agent AGENT001 and their published deck: someone else's for every role
/// user, so the matrix exercises the permission side of the owner rule.
const IDS: &str =
    "agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11&presentation_id=d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
const DECK: &str = "/api/v1/presentations/agent/{agent_id}/{presentation_id}";

/// Every presentations endpoint: decks, templates, media, and the pages' and the
/// editor's server functions.
pub fn api(upload_limit: usize) -> Api {
    use Access::{OwnerOr, Permission as With, SignedIn};
    let (get, post) = (Endpoint::get, Endpoint::post);
    Api::new("presentations", SAMPLE)
        .rest(
            get(
                "/api/v1/presentations/agent/{agent_id}/active",
                "The agent's active carousel, slides in order (ETag; 304 on If-None-Match)",
                SignedIn,
            )
            .returns::<Presentation>()
            .errors(&[304, 404]),
            active,
        )
        .rest(
            get(
                "/api/v1/presentations/agent/{agent_id}",
                "The agent's presentations, newest first",
                OwnerOr(PresentationsRead),
            )
            .query::<ListQuery>()
            .returns::<PresentationPage>()
            .errors(&[404]),
            list,
        )
        .rest(
            post(
                "/api/v1/presentations/agent/{agent_id}",
                "Create a presentation (a draft unless status says otherwise)",
                OwnerOr(PresentationsCreate),
            )
            .body::<PresentationInput>()
            .status(201)
            .returns::<Saved>()
            .errors(&[404, 422]),
            create,
        )
        .rest(
            post(
                "/api/v1/presentations/agent/{agent_id}/from-template",
                "Create a draft from a template, filling its placeholders",
                OwnerOr(PresentationsCreate),
            )
            .body::<FromTemplate>()
            .status(201)
            .returns::<Presentation>()
            .errors(&[404, 422]),
            from_template,
        )
        .rest(
            get(
                DECK,
                "One presentation with all its slides",
                OwnerOr(PresentationsRead),
            )
            .returns::<Presentation>()
            .errors(&[404]),
            read,
        )
        .rest(
            Endpoint::put(
                DECK,
                "Save a presentation: the slides replace all existing ones; send `version`",
                OwnerOr(PresentationsUpdate),
            )
            .body::<PresentationInput>()
            .returns::<Saved>()
            .errors(&[404, 409, 422]),
            update,
        )
        .rest(
            Endpoint::delete(
                DECK,
                "Delete a never-published draft, or archive a presentation",
                OwnerOr(PresentationsUpdate),
            )
            .no_content()
            .errors(&[404]),
            remove,
        )
        .rest(
            post(
                "/api/v1/presentations/agent/{agent_id}/{presentation_id}/activate",
                "Make a published presentation the agent's only active one",
                OwnerOr(PresentationsPublish),
            )
            .returns::<Presentation>()
            .errors(&[404, 409]),
            activate,
        )
        .rest(
            post(
                "/api/v1/presentations/agent/{agent_id}/{presentation_id}/duplicate",
                "Copy a presentation as a new draft",
                OwnerOr(PresentationsCreate),
            )
            .status(201)
            .returns::<Presentation>()
            .errors(&[404]),
            duplicate,
        )
        .rest(
            get(
                "/api/v1/presentations/templates",
                "Templates (category, is_public); active and inside their availability window",
                SignedIn,
            )
            .query::<TemplateQuery>()
            .returns::<TemplateList>()
            .errors(&[422]),
            templates,
        )
        .rest(
            post(
                "/api/v1/presentations/templates",
                "Create a shared template (slide skeletons with {{placeholders}})",
                With(SystemAdmin),
            )
            .body::<TemplateInput>()
            .status(201)
            .returns::<Template>()
            .errors(&[422]),
            create_template,
        )
        .rest(
            Endpoint::put(
                "/api/v1/presentations/templates/{template_id}",
                "Edit a shared template",
                With(SystemAdmin),
            )
            .body::<TemplateInput>()
            .returns::<Template>()
            .errors(&[404, 422]),
            update_template,
        )
        .rest(
            Endpoint::delete(
                "/api/v1/presentations/templates/{template_id}",
                "Retire a shared template; decks made from it keep their slides",
                With(SystemAdmin),
            )
            .no_content()
            .errors(&[404]),
            archive_template,
        )
        .merge(super::media_rest::api(upload_limit))
        .merge(web_ui())
}

/// The library pages' form functions (`/api/ui/presentations/*`) and the editor's
/// JSON functions (`/api/v1/presentations/editor/*`, documented: the mobile app may
/// call them).
fn web_ui() -> Api {
    use crate::presentations::api as f;
    use Access::{AgentOr, OwnerOr, Public, SignedIn};
    const AGENT: &str = "agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
    Api::new("presentations", "")
        .server_fn(Endpoint::server_fn::<f::MyCarousel>("The signed-in agent's carousel", SignedIn).undocumented())
        .server_fn(Endpoint::server_fn::<f::PublicCarousel>("An agent's public shop window by agent code", Public).sample("code=AGENT001"))
        .server_fn(Endpoint::server_fn::<f::LoadLibrary>("The presentation library page", OwnerOr(PresentationsRead)).sample(AGENT))
        .server_fn(Endpoint::server_fn::<f::CreatePresentation>("New presentation, blank or from a template (form)", OwnerOr(PresentationsCreate)).sample("agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11&name=Matrix"))
        .server_fn(Endpoint::server_fn::<f::DuplicatePresentation>("Duplicate a presentation (form)", OwnerOr(PresentationsCreate)).sample(IDS))
        .server_fn(Endpoint::server_fn::<f::RemovePresentation>("Delete a draft or archive a presentation (form)", OwnerOr(PresentationsUpdate)).sample("agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11&presentation_id=d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12"))
        .server_fn(Endpoint::server_fn::<f::RestorePresentation>("Archived back to draft (form)", OwnerOr(PresentationsUpdate)).sample("agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11&presentation_id=00000000-0000-4000-8000-000000000009"))
        .server_fn(Endpoint::server_fn::<f::ActivatePresentation>("Set a published presentation active (form)", OwnerOr(PresentationsPublish)).sample(IDS))
        .server_fn(
            Endpoint::server_fn::<f::EditorLoad>("Editor: one presentation with every slide", OwnerOr(PresentationsRead))
                .query::<EditorLoadQuery>()
                .returns::<Presentation>()
                .errors(&[404])
                .sample(IDS),
        )
        .server_fn(
            Endpoint::server_fn::<f::EditorSave>("Editor: save the whole presentation; 409 on a stale version", OwnerOr(PresentationsUpdate))
                .body::<EditorSaveBody>()
                .returns::<Presentation>()
                .errors(&[404, 409, 422])
                .sample(r#"{"agent_id":"b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11","presentation_id":"d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11","input":{"name":"Matrix","slides":[]}}"#),
        )
        .server_fn(
            Endpoint::server_fn::<f::EditorMedia>("Editor: the media library (agent_id for admins)", AgentOr(PresentationsRead))
                .query::<EditorMediaQuery>()
                .returns::<MediaList>()
                .errors(&[404]),
        )
        .server_fn(
            Endpoint::server_fn::<f::EditorDeleteMedia>("Editor: delete an unused library file; 409 while in use", AgentOr(PresentationsUpdate))
                .body::<EditorDeleteMediaBody>()
                .returns::<crate::catalog::Empty>()
                .errors(&[404, 409])
                .sample(r#"{"media_id":"00000000-0000-4000-8000-000000000003"}"#),
        )
}

/// The query of `GET …/editor/load`.
#[derive(utoipa::IntoParams)]
#[allow(dead_code)]
struct EditorLoadQuery {
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
}

/// The body of `POST …/editor/save`: the server function's arguments.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct EditorSaveBody {
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
    input: PresentationInput,
}

/// The body of `POST …/editor/media/delete`.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
struct EditorDeleteMediaBody {
    media_id: Uuid,
}

/// The query of `GET …/editor/media`.
#[derive(utoipa::IntoParams)]
#[allow(dead_code)]
struct EditorMediaQuery {
    agent_id: Option<Uuid>,
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
async fn active(ctx: Ctx, Path(raw): Path<String>, headers: HeaderMap) -> AppResult<Response> {
    let presentation = service::active(&ctx, agent_id(&raw)?).await?;
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

#[derive(Debug, Deserialize, utoipa::IntoParams)]
struct ListQuery {
    presentation_status: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

async fn list(
    ctx: Ctx,
    Path(raw): Path<String>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> AppResult<Json<PresentationPage>> {
    Ok(Json(
        service::list(
            &ctx,
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
    ctx: Ctx,
    Path(raw): Path<String>,
    ApiJson(input): ApiJson<PresentationInput>,
) -> AppResult<(StatusCode, Json<Saved>)> {
    let p = service::create(&ctx, Some(agent_id(&raw)?), &input).await?;
    Ok((StatusCode::CREATED, Json(saved(&p))))
}

async fn from_template(
    ctx: Ctx,
    Path(raw): Path<String>,
    ApiJson(request): ApiJson<FromTemplate>,
) -> AppResult<(StatusCode, Json<Presentation>)> {
    let p = service::from_template(&ctx, Some(agent_id(&raw)?), &request).await?;
    Ok((StatusCode::CREATED, Json(p)))
}

async fn read(ctx: Ctx, Path(raw): Path<(String, String)>) -> AppResult<Json<Presentation>> {
    let (agent, id) = ids(&raw)?;
    Ok(Json(service::get(&ctx, Some(agent), id).await?))
}

async fn update(
    ctx: Ctx,
    Path(raw): Path<(String, String)>,
    ApiJson(input): ApiJson<PresentationInput>,
) -> AppResult<Json<Saved>> {
    let (agent, id) = ids(&raw)?;
    let p = service::update(&ctx, Some(agent), id, &input).await?;
    Ok(Json(saved(&p)))
}

async fn remove(ctx: Ctx, Path(raw): Path<(String, String)>) -> AppResult<StatusCode> {
    let (agent, id) = ids(&raw)?;
    service::remove(&ctx, Some(agent), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn activate(ctx: Ctx, Path(raw): Path<(String, String)>) -> AppResult<Json<Presentation>> {
    let (agent, id) = ids(&raw)?;
    Ok(Json(service::activate(&ctx, Some(agent), id).await?))
}

async fn duplicate(
    ctx: Ctx,
    Path(raw): Path<(String, String)>,
) -> AppResult<(StatusCode, Json<Presentation>)> {
    let (agent, id) = ids(&raw)?;
    let p = service::duplicate(&ctx, Some(agent), id).await?;
    Ok((StatusCode::CREATED, Json(p)))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
struct TemplateQuery {
    category: Option<String>,
    is_public: Option<bool>,
}

async fn templates(
    ctx: Ctx,
    ApiQuery(q): ApiQuery<TemplateQuery>,
) -> AppResult<Json<TemplateList>> {
    Ok(Json(
        service::templates(&ctx, q.category.as_deref(), q.is_public.unwrap_or(true)).await?,
    ))
}

async fn create_template(
    ctx: Ctx,
    ApiJson(input): ApiJson<TemplateInput>,
) -> AppResult<(StatusCode, Json<Template>)> {
    let t = super::templates::create(&ctx, &input).await?;
    Ok((StatusCode::CREATED, Json(t)))
}

async fn update_template(
    ctx: Ctx,
    crate::rest::IdPath(id): crate::rest::IdPath,
    ApiJson(input): ApiJson<TemplateInput>,
) -> AppResult<Json<Template>> {
    Ok(Json(super::templates::update(&ctx, id, &input).await?))
}

async fn archive_template(
    ctx: Ctx,
    crate::rest::IdPath(id): crate::rest::IdPath,
) -> AppResult<StatusCode> {
    super::templates::archive(&ctx, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

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
