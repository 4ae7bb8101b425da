//! Recording a premium (SPEC §4.10): one transaction that locks the policy,
//! writes the payment and moves the policy's counters and due date. The receipt
//! reference is unique per policy, so a retry (or two clerks at once) records it
//! once: the second waits on the lock, then finds the receipt taken.

use super::{audit_policy, book, not_found, taken, today};
use crate::access::Permission;
use crate::audit::Event;
use crate::auth::server::guard::Ctx;
use crate::error::{AppError, AppResult};
use crate::policies::server::repo;
use crate::policies::types::*;
use uuid::Uuid;

/// A policy's premiums, for whoever may read the policy and its payments.
pub async fn premiums(ctx: &Ctx, id: Uuid) -> AppResult<Vec<Premium>> {
    ctx.caller.require(Permission::PaymentsRead)?;
    let mut conn = ctx.pool().acquire().await?;
    repo::find(&mut conn, book(ctx, Permission::PoliciesRead), id)
        .await?
        .ok_or_else(not_found)?;
    Ok(repo::premiums(&mut conn, id).await?)
}

/// `POST /policies/{id}/premiums`.
///
/// # Errors
/// 422 with field errors; 404 outside the caller's book; 409 when the policy
/// takes no premiums in its state, or the receipt is already recorded.
pub async fn record(ctx: &Ctx, id: Uuid, req: &PremiumRequest) -> AppResult<Premium> {
    let lang = ctx.meta.lang;
    ctx.caller.require(Permission::PaymentsCreate)?;
    let new = req.validate(lang, today())?;
    let mut tx = ctx.pool().begin().await?;
    let locked = repo::lock(&mut tx, book(ctx, Permission::PaymentsCreate), id)
        .await?
        .ok_or_else(not_found)?;
    if !takes_premiums(locked.status) {
        return Err(AppError::Conflict(format!(
            "Cannot record a premium on this policy: its status is {}",
            locked.status
        )));
    }
    let due = locked.next_payment_date;
    let payment = repo::insert_premium(
        &mut tx,
        locked.tenant_id,
        id,
        locked.policyholder_id,
        locked.agent_id,
        due,
        &new,
        ctx.caller.user_id,
    )
    .await
    .map_err(|e| taken(lang, e))?;
    let next = due.map(|d| next_due(locked.start_date, d, locked.premium_frequency));
    repo::apply_premium(&mut tx, id, new.amount, new.paid_on, next).await?;
    audit_policy(
        &mut tx,
        ctx,
        Event::PremiumRecorded,
        id,
        serde_json::json!({"payment_id": payment, "amount": new.amount, "due_date": due,
                           "next_payment_date": next, "reference": new.reference}),
    )
    .await?;
    // Paid within the revival window: the lapsed policy is in force again.
    if locked.status == PolicyStatus::Lapsed {
        let standing =
            next.map(|n| Standing::of(n, locked.premium_frequency, today(), DUE_SOON_DAYS));
        if standing.is_some_and(|s| !s.past_grace()) {
            super::take_step(&mut tx, ctx, &locked, PolicyStep::Revive).await?;
        }
    }
    let premium = repo::premium(&mut tx, payment)
        .await?
        .ok_or(AppError::Internal)?;
    tx.commit().await?;
    Ok(premium)
}
