//! `/api/v1/presentations/*` handlers for the mobile app (SPEC §5.9, paths kept
//! exactly): decks and templates. They are registered, behind their gates, in
//! `routes.rs`; media (upload, library, serving) is in `media_rest.rs`.

use super::service;
use crate::auth::server::guard::Ctx;
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
pub(super) async fn active(
    ctx: Ctx,
    Path(raw): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
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
pub(super) struct ListQuery {
    presentation_status: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

pub(super) async fn list(
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

pub(super) async fn create(
    ctx: Ctx,
    Path(raw): Path<String>,
    ApiJson(input): ApiJson<PresentationInput>,
) -> AppResult<(StatusCode, Json<Saved>)> {
    let p = service::create(&ctx, Some(agent_id(&raw)?), &input).await?;
    Ok((StatusCode::CREATED, Json(saved(&p))))
}

pub(super) async fn from_template(
    ctx: Ctx,
    Path(raw): Path<String>,
    ApiJson(request): ApiJson<FromTemplate>,
) -> AppResult<(StatusCode, Json<Presentation>)> {
    let p = service::from_template(&ctx, Some(agent_id(&raw)?), &request).await?;
    Ok((StatusCode::CREATED, Json(p)))
}

pub(super) async fn read(
    ctx: Ctx,
    Path(raw): Path<(String, String)>,
) -> AppResult<Json<Presentation>> {
    let (agent, id) = ids(&raw)?;
    Ok(Json(service::get(&ctx, Some(agent), id).await?))
}

pub(super) async fn update(
    ctx: Ctx,
    Path(raw): Path<(String, String)>,
    ApiJson(input): ApiJson<PresentationInput>,
) -> AppResult<Json<Saved>> {
    let (agent, id) = ids(&raw)?;
    let p = service::update(&ctx, Some(agent), id, &input).await?;
    Ok(Json(saved(&p)))
}

pub(super) async fn remove(ctx: Ctx, Path(raw): Path<(String, String)>) -> AppResult<StatusCode> {
    let (agent, id) = ids(&raw)?;
    service::remove(&ctx, Some(agent), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub(super) async fn activate(
    ctx: Ctx,
    Path(raw): Path<(String, String)>,
) -> AppResult<Json<Presentation>> {
    let (agent, id) = ids(&raw)?;
    Ok(Json(service::activate(&ctx, Some(agent), id).await?))
}

pub(super) async fn duplicate(
    ctx: Ctx,
    Path(raw): Path<(String, String)>,
) -> AppResult<(StatusCode, Json<Presentation>)> {
    let (agent, id) = ids(&raw)?;
    let p = service::duplicate(&ctx, Some(agent), id).await?;
    Ok((StatusCode::CREATED, Json(p)))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub(super) struct TemplateQuery {
    category: Option<String>,
    is_public: Option<bool>,
}

pub(super) async fn templates(
    ctx: Ctx,
    ApiQuery(q): ApiQuery<TemplateQuery>,
) -> AppResult<Json<TemplateList>> {
    Ok(Json(
        service::templates(&ctx, q.category.as_deref(), q.is_public.unwrap_or(true)).await?,
    ))
}

pub(super) async fn create_template(
    ctx: Ctx,
    ApiJson(input): ApiJson<TemplateInput>,
) -> AppResult<(StatusCode, Json<Template>)> {
    let t = super::templates::create(&ctx, &input).await?;
    Ok((StatusCode::CREATED, Json(t)))
}

pub(super) async fn update_template(
    ctx: Ctx,
    crate::rest::IdPath(id): crate::rest::IdPath,
    ApiJson(input): ApiJson<TemplateInput>,
) -> AppResult<Json<Template>> {
    Ok(Json(super::templates::update(&ctx, id, &input).await?))
}

pub(super) async fn archive_template(
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
