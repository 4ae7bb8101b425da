//! `/api/v1/policyholders/*` for the mobile app (SPEC §5.7).

use super::service;
use crate::auth::server::guard::Ctx;
use crate::customers::types::*;
use crate::error::AppResult;
use crate::rest::{ApiJson, ApiQuery, IdPath};
use axum::{http::StatusCode, Json};
use serde::{Deserialize, Serialize};

/// `{"policyholders": [...], "total", "limit", "offset", "next"}`.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct CustomerList {
    pub policyholders: Vec<Customer>,
    /// Counted up to 10,000 (100 for a search); `total_exact` is false beyond.
    pub total: i64,
    pub total_exact: bool,
    pub limit: i64,
    pub offset: i64,
    /// The cursor of the next page, if any.
    pub next: Option<String>,
}

impl CustomerList {
    pub fn of(page: crate::paging::Page<Customer>, offset: Option<i64>) -> Self {
        Self {
            total: page.total.count,
            total_exact: page.total.exact,
            limit: page.limit,
            offset: offset.unwrap_or(0).max(0),
            next: page.next,
            policyholders: page.items,
        }
    }
}

pub async fn create(
    ctx: Ctx,
    ApiJson(req): ApiJson<CustomerRequest>,
) -> AppResult<(StatusCode, Json<Customer>)> {
    Ok((
        StatusCode::CREATED,
        Json(service::create(&ctx, &req).await?),
    ))
}

pub async fn list(ctx: Ctx, ApiQuery(q): ApiQuery<CustomerQuery>) -> AppResult<Json<CustomerList>> {
    let page = service::list(&ctx, &q).await?;
    Ok(Json(CustomerList::of(page, q.offset)))
}

pub async fn read(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<Customer>> {
    Ok(Json(service::read(&ctx, id).await?))
}

pub async fn update(
    ctx: Ctx,
    IdPath(id): IdPath,
    ApiJson(patch): ApiJson<CustomerPatch>,
) -> AppResult<Json<Customer>> {
    Ok(Json(service::update(&ctx, id, &patch).await?))
}
