//! `/api/v1/agents/*` for the mobile app and the seed clients (SPEC §5.6), in the
//! seed's envelopes (`{"success": true, "data": …}`) where the seed had them.

use super::documents::{self, DOCUMENT_MAX_BYTES, PHOTO_MAX_BYTES};
use super::service::{self, Submitted};
use crate::agents::types::*;
use crate::auth::server::guard::Ctx;
use crate::error::{AppError, AppResult};
use crate::rest::{ApiJson, ApiQuery, IdPath};
use axum::{
    extract::Request,
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// `{"success": true, "data": [...], "count", "total"}`.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AgentList {
    pub success: bool,
    pub data: Vec<AgentSummary>,
    pub count: usize,
    /// Counted up to 10,000; `total_exact` is false beyond.
    pub total: i64,
    pub total_exact: bool,
    /// The cursor of the next page, if any.
    pub next: Option<String>,
}

/// `{"success": true, "data": [...], "count"}`.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct AgentMatches {
    pub success: bool,
    pub data: Vec<AgentSummary>,
    pub count: usize,
}

/// `{"success": true, "message"}` with optional data.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Done<T> {
    pub success: bool,
    pub message: String,
    pub data: Option<T>,
}

fn done<T>(message: &str, data: Option<T>) -> Json<Done<T>> {
    Json(Done {
        success: true,
        message: message.to_owned(),
        data,
    })
}

#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct HierarchyAnswer {
    pub success: bool,
    pub data: Hierarchy,
}

#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Photo {
    pub photo_url: String,
}

/// The customers of an agent in the seed's shape.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CustomerPage {
    pub customers: Vec<crate::customers::types::Customer>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CustomersAnswer {
    pub success: bool,
    pub data: CustomerPage,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct SearchQuery {
    /// 2–100 characters of name, email, agent code or business name.
    pub query: Option<String>,
    pub limit: Option<i64>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ApprovalQuery {
    pub approval_notes: Option<String>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct PageQuery {
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

pub async fn register(
    ctx: Ctx,
    ApiJson(req): ApiJson<RegisterRequest>,
) -> AppResult<(StatusCode, Json<AgentProfile>)> {
    Ok((
        StatusCode::CREATED,
        Json(service::register(&ctx, &req).await?),
    ))
}

pub async fn list(ctx: Ctx, ApiQuery(q): ApiQuery<AgentQuery>) -> AppResult<Json<AgentList>> {
    let page = service::list(&ctx, &q).await?;
    Ok(Json(AgentList {
        success: true,
        count: page.items.len(),
        total: page.total.count,
        total_exact: page.total.exact,
        next: page.next,
        data: page.items,
    }))
}

pub async fn search(ctx: Ctx, ApiQuery(q): ApiQuery<SearchQuery>) -> AppResult<Json<AgentMatches>> {
    let data = service::search(&ctx, q.query.as_deref().unwrap_or_default(), q.limit).await?;
    Ok(Json(AgentMatches {
        success: true,
        count: data.len(),
        data,
    }))
}

pub async fn my_profile(ctx: Ctx) -> AppResult<Json<AgentProfile>> {
    Ok(Json(service::my_profile(&ctx).await?))
}

pub async fn update_profile(
    ctx: Ctx,
    ApiJson(patch): ApiJson<ProfilePatch>,
) -> AppResult<Json<AgentProfile>> {
    Ok(Json(service::update_profile(&ctx, &patch).await?))
}

fn the_file(
    form: crate::rest::multipart::Form,
    field: &str,
) -> AppResult<crate::rest::multipart::FilePart> {
    form.file.ok_or_else(|| {
        AppError::BadRequest(format!("No file data found: send the file as `{field}`"))
    })
}

pub async fn upload_photo(ctx: Ctx, request: Request) -> AppResult<Json<Done<Photo>>> {
    let form = crate::rest::multipart::read(request, &ctx.state, "photo", PHOTO_MAX_BYTES).await?;
    let photo_url = documents::upload_photo(&ctx, the_file(form, "photo")?).await?;
    Ok(done(
        "Profile photo uploaded successfully",
        Some(Photo { photo_url }),
    ))
}

pub async fn upload_document(
    ctx: Ctx,
    request: Request,
) -> AppResult<(StatusCode, Json<AgentDocument>)> {
    let form =
        crate::rest::multipart::read(request, &ctx.state, "file", DOCUMENT_MAX_BYTES).await?;
    let doc = documents::upload(&ctx, the_file(form, "file")?).await?;
    Ok((StatusCode::CREATED, Json(doc)))
}

/// A document's bytes: private, never cached, never sniffed into something else.
pub async fn document(
    ctx: Ctx,
    axum::extract::Path((agent_id, document_id)): axum::extract::Path<(String, String)>,
) -> AppResult<Response> {
    let parse = |s: &str| {
        s.parse::<Uuid>()
            .map_err(|_| AppError::NotFound("Not found".into()))
    };
    let (doc, bytes) = documents::serve(&ctx, parse(&agent_id)?, parse(&document_id)?).await?;
    let disposition = format!(
        "inline; filename=\"{}\"",
        doc.file_name
            .chars()
            .map(|c| match c {
                ' '..='~' if c != '"' && c != '\\' => c,
                _ => '_',
            })
            .collect::<String>()
    );
    Ok((
        [
            (header::CONTENT_TYPE, doc.mime_type),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

pub async fn request_verification(
    ctx: Ctx,
    ApiJson(req): ApiJson<VerificationRequest>,
) -> AppResult<Json<Done<Submitted>>> {
    let submitted = service::submit(&ctx, &req, false).await?;
    Ok(done(
        "Verification request submitted successfully",
        Some(submitted),
    ))
}

pub async fn approve(
    ctx: Ctx,
    IdPath(id): IdPath,
    ApiQuery(q): ApiQuery<ApprovalQuery>,
) -> AppResult<Json<Done<()>>> {
    service::approve(&ctx, id, q.approval_notes.as_deref()).await?;
    Ok(done("Agent verification approved successfully", None))
}

pub async fn reject(
    ctx: Ctx,
    IdPath(id): IdPath,
    ApiJson(r): ApiJson<Rejection>,
) -> AppResult<Json<Done<()>>> {
    service::reject(&ctx, id, &r).await?;
    Ok(done("Agent verification rejected", None))
}

pub async fn hierarchy(ctx: Ctx) -> AppResult<Json<HierarchyAnswer>> {
    Ok(Json(HierarchyAnswer {
        success: true,
        data: service::hierarchy(&ctx).await?,
    }))
}

pub async fn read(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<AgentProfile>> {
    Ok(Json(service::profile(&ctx, id).await?))
}

pub async fn update(
    ctx: Ctx,
    IdPath(id): IdPath,
    ApiJson(p): ApiJson<AdminPatch>,
) -> AppResult<Json<AgentProfile>> {
    Ok(Json(service::update_admin(&ctx, id, &p).await?))
}

pub async fn set_status(
    ctx: Ctx,
    IdPath(id): IdPath,
    ApiJson(change): ApiJson<StatusChange>,
) -> AppResult<Json<AgentProfile>> {
    Ok(Json(service::set_status(&ctx, id, &change).await?))
}

/// The seed's customer list shape: the owner, or an admin whose scope holds the
/// agent (the same check as the profile), then that agent's customers.
pub async fn customers(
    ctx: Ctx,
    IdPath(id): IdPath,
    ApiQuery(q): ApiQuery<PageQuery>,
) -> AppResult<Json<CustomersAnswer>> {
    let agent = service::profile(&ctx, id).await?;
    let query = crate::customers::types::CustomerQuery {
        agent_id: Some(agent.agent_id),
        limit: q.limit,
        offset: q.offset,
        ..Default::default()
    };
    let page = crate::customers::server::service::list(&ctx, &query).await?;
    Ok(Json(CustomersAnswer {
        success: true,
        data: CustomerPage {
            total: page.total.count,
            limit: page.limit,
            offset: q.offset.unwrap_or(0).max(0),
            customers: page.items,
        },
    }))
}
