//! `/api/v1/policies/*` for the mobile app and the seed clients (SPEC §5.8), in
//! the seed's shapes.

use super::service::{self, Sent};
use crate::auth::server::guard::Ctx;
use crate::error::AppResult;
use crate::policies::types::*;
use crate::rest::{ApiJson, ApiQuery, IdPath};
use axum::{extract::Path, http::StatusCode, Json};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// `{"message", "policy_id"}`.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Moved {
    pub message: String,
    pub policy_id: Uuid,
    pub status: PolicyStatus,
}

fn moved(message: &str, p: Policy) -> Json<Moved> {
    Json(Moved {
        message: message.to_owned(),
        policy_id: p.policy_id,
        status: p.status,
    })
}

#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Coverage {
    #[schema(value_type = Vec<Object>)]
    pub coverage: Vec<serde_json::Value>,
}

#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Premiums {
    pub premiums: Vec<Premium>,
}

#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Claims {
    #[schema(value_type = Vec<Object>)]
    pub claims: Vec<serde_json::Value>,
}

/// The queue with the counts of every bucket.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Queue {
    pub renewals: Vec<QueueRow>,
    pub counts: BucketCounts,
}

/// A queue row with its bucket and days, worked out on the server's today.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct QueueRow {
    #[serde(flatten)]
    pub row: Renewal,
    pub bucket: Option<Bucket>,
    /// Days left (positive) or overdue (negative).
    pub days_to_due: i64,
    pub amount_due: crate::money::Money,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct ReminderRequest {
    /// `sms` (default) or `whatsapp`.
    #[serde(default)]
    pub channel: Option<String>,
}

#[derive(Debug, Deserialize, utoipa::ToSchema)]
pub struct BulkRequest {
    /// The bucket to remind: `in_grace` (default), `due_soon`, `revivable`.
    #[serde(default)]
    pub bucket: Option<String>,
}

pub async fn list(ctx: Ctx, ApiQuery(q): ApiQuery<PolicyQuery>) -> AppResult<Json<Vec<Policy>>> {
    Ok(Json(service::list_rows(&ctx, &q).await?))
}

pub async fn read(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<Policy>> {
    Ok(Json(service::read(&ctx, id).await?))
}

pub async fn by_number(ctx: Ctx, Path(number): Path<String>) -> AppResult<Json<Policy>> {
    Ok(Json(service::read_by_number(&ctx, &number).await?))
}

pub async fn create(
    ctx: Ctx,
    ApiJson(req): ApiJson<PolicyRequest>,
) -> AppResult<(StatusCode, Json<Policy>)> {
    Ok((
        StatusCode::CREATED,
        Json(service::create(&ctx, &req).await?),
    ))
}

pub async fn update(
    ctx: Ctx,
    IdPath(id): IdPath,
    ApiJson(patch): ApiJson<PolicyPatch>,
) -> AppResult<Json<Policy>> {
    Ok(Json(service::update(&ctx, id, &patch).await?))
}

pub async fn submit(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<Moved>> {
    let p = service::step(&ctx, id, PolicyStep::Submit).await?;
    Ok(moved("Policy submitted for approval", p))
}

pub async fn approve(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<Moved>> {
    let p = service::step(&ctx, id, PolicyStep::Approve).await?;
    Ok(moved("Policy approved successfully", p))
}

pub async fn activate(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<Moved>> {
    let p = service::step(&ctx, id, PolicyStep::Activate).await?;
    Ok(moved("Policy activated successfully", p))
}

pub async fn cancel(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<Moved>> {
    let p = service::step(&ctx, id, PolicyStep::Cancel).await?;
    Ok(moved("Policy cancelled successfully", p))
}

pub async fn coverage(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<Coverage>> {
    Ok(Json(Coverage {
        coverage: service::read(&ctx, id).await?.coverage(),
    }))
}

pub async fn premiums(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<Premiums>> {
    Ok(Json(Premiums {
        premiums: service::premiums(&ctx, id).await?,
    }))
}

pub async fn record_premium(
    ctx: Ctx,
    IdPath(id): IdPath,
    ApiJson(req): ApiJson<PremiumRequest>,
) -> AppResult<(StatusCode, Json<Premium>)> {
    Ok((
        StatusCode::CREATED,
        Json(service::record(&ctx, id, &req).await?),
    ))
}

/// Claims are not kept yet: the policy must be readable, the list is empty.
pub async fn claims(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<Claims>> {
    service::read(&ctx, id).await?;
    Ok(Json(Claims { claims: Vec::new() }))
}

pub async fn renewals(ctx: Ctx, ApiQuery(q): ApiQuery<RenewalQuery>) -> AppResult<Json<Queue>> {
    let (rows, counts) = service::renewals(&ctx, &q).await?;
    let today = service::today();
    let renewals = rows
        .into_iter()
        .map(|row| {
            let standing = row.standing(today);
            QueueRow {
                bucket: standing.bucket(),
                days_to_due: (row.due_date - today).num_days(),
                amount_due: row.amount_due(),
                row,
            }
        })
        .collect();
    Ok(Json(Queue { renewals, counts }))
}

pub async fn remind(
    ctx: Ctx,
    IdPath(id): IdPath,
    ApiJson(req): ApiJson<ReminderRequest>,
) -> AppResult<(StatusCode, Json<Sent>)> {
    let channel = match crate::input::given_str(&req.channel) {
        None => Channel::Sms,
        Some(c) => Channel::parse(c).ok_or_else(|| {
            crate::error::AppError::invalid(
                ctx.meta.lang,
                "channel",
                crate::policies::text::T::ChannelRule,
            )
        })?,
    };
    Ok((
        StatusCode::CREATED,
        Json(service::remind(&ctx, id, channel).await?),
    ))
}

/// Starts a run of reminders (202): poll `GET …/renewals/runs/{run_id}` for its
/// progress. A run of the caller's already going is returned instead.
pub async fn remind_bucket(
    ctx: Ctx,
    ApiJson(req): ApiJson<BulkRequest>,
) -> AppResult<(StatusCode, Json<ReminderRun>)> {
    let bucket = match crate::input::given_str(&req.bucket) {
        None => Bucket::InGrace,
        Some(b) => Bucket::parse(b).ok_or_else(|| {
            crate::error::AppError::invalid(
                ctx.meta.lang,
                "bucket",
                crate::policies::text::T::BucketRule,
            )
        })?,
    };
    Ok((
        StatusCode::ACCEPTED,
        Json(service::start_run(&ctx, bucket).await?),
    ))
}

pub async fn reminder_run(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<ReminderRun>> {
    Ok(Json(service::reminder_run(&ctx, id).await?))
}
