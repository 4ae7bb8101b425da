//! `/api/v1/providers/*` (SPEC §5.5).

use super::service;
use crate::agents::types::{AgentQuery, AgentSummary};
use crate::auth::server::guard::Ctx;
use crate::error::AppResult;
use crate::providers::types::*;
use crate::rest::{ApiJson, ApiQuery, IdPath};
use axum::{http::StatusCode, Json};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub async fn list(
    ctx: Ctx,
    ApiQuery(q): ApiQuery<ProviderQuery>,
) -> AppResult<Json<Vec<Provider>>> {
    Ok(Json(service::list(&ctx, &q).await?))
}

pub async fn read(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<Provider>> {
    Ok(Json(service::get(&ctx, id).await?))
}

pub async fn by_code(
    ctx: Ctx,
    axum::extract::Path(code): axum::extract::Path<String>,
) -> AppResult<Json<Provider>> {
    Ok(Json(service::by_code(&ctx, &code).await?))
}

pub async fn create(
    ctx: Ctx,
    ApiJson(input): ApiJson<ProviderInput>,
) -> AppResult<(StatusCode, Json<Provider>)> {
    Ok((
        StatusCode::CREATED,
        Json(service::create(&ctx, &input).await?),
    ))
}

pub async fn update(
    ctx: Ctx,
    IdPath(id): IdPath,
    ApiJson(input): ApiJson<ProviderInput>,
) -> AppResult<Json<Provider>> {
    Ok(Json(service::update(&ctx, id, &input).await?))
}

#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ProviderDeleted {
    pub message: String,
    pub provider_id: Uuid,
}

pub async fn delete(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<ProviderDeleted>> {
    service::deactivate(&ctx, id).await?;
    Ok(Json(ProviderDeleted {
        message: "Provider deleted successfully".into(),
        provider_id: id,
    }))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct LinkedQuery {
    pub status: Option<String>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct LinkedAgents {
    pub success: bool,
    pub data: Vec<AgentSummary>,
    pub count: usize,
}

/// The provider's agents, in the caller's agent scope.
pub async fn agents(
    ctx: Ctx,
    IdPath(id): IdPath,
    ApiQuery(q): ApiQuery<LinkedQuery>,
) -> AppResult<Json<LinkedAgents>> {
    service::get(&ctx, id).await?;
    let query = AgentQuery {
        provider_id: Some(id.to_string()),
        status: q.status,
        limit: q.limit,
        offset: q.offset,
        ..AgentQuery::default()
    };
    let data = crate::agents::server::service::list(&ctx, &query)
        .await?
        .items;
    Ok(Json(LinkedAgents {
        success: true,
        count: data.len(),
        data,
    }))
}
