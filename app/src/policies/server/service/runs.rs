//! "Remind all": a run of SMS reminders to one bucket of the caller's queue, as
//! a job. Starting it takes the bucket's worklist and returns at once; a task
//! then sends each reminder in its own transaction (`remind`, so the 24-hour rule
//! and the audit row are the single reminder's own) and writes the counts to the
//! run's row, which the run's page reads for its progress bar.

use super::{book, remind, today};
use crate::access::Permission;
use crate::audit::{self, Event};
use crate::auth::server::guard::Ctx;
use crate::customers::server::scope::Book;
use crate::error::{AppError, AppResult};
use crate::policies::server::repo;
use crate::policies::types::*;
use std::time::{Duration, Instant};
use uuid::Uuid;

/// How often a run writes its counts (and so how fresh its bar is).
const PROGRESS_EVERY: Duration = Duration::from_millis(500);

fn not_found() -> AppError {
    AppError::NotFound("Reminder run not found".into())
}

/// Starts a run over `bucket` of the caller's queue, or returns the one of theirs
/// that is running (a second tap of the confirmation starts nothing new).
///
/// # Errors
/// 403 for a customer: their queue is theirs to read, not to remind from.
pub async fn start_run(ctx: &Ctx, bucket: Bucket) -> AppResult<ReminderRun> {
    let book = match book(ctx, Permission::PoliciesRead) {
        Book::Holder(_) => {
            return Err(AppError::Forbidden(
                "Reminders are sent by the agent, not the customer".into(),
            ))
        }
        b => b,
    };
    let q = RenewalQuery {
        bucket: Some(bucket.as_str().to_owned()),
        ..RenewalQuery::default()
    };
    let by = ctx.caller.user_id;
    let mut conn = ctx.pool().acquire().await?;
    if let Some(running) = repo::running_run(&mut conn, by).await? {
        if running.is_running() {
            return Ok(running);
        }
    }
    let work = repo::queue_policies(&mut conn, book, &q, today()).await?;
    drop(conn);
    let total = i32::try_from(work.len()).unwrap_or(i32::MAX);
    let mut tx = ctx.pool().begin().await?;
    let Some(run) = repo::insert_run(&mut tx, by, bucket, total).await? else {
        // Another request of theirs started one a moment ago.
        drop(tx);
        let mut conn = ctx.pool().acquire().await?;
        return repo::running_run(&mut conn, by)
            .await?
            .ok_or_else(not_found);
    };
    audit::record_change(
        &mut tx,
        ctx,
        Event::RemindersStarted,
        "reminder_run",
        run.run_id,
        serde_json::json!({"bucket": bucket, "policies": total}),
    )
    .await?;
    tx.commit().await?;
    tokio::spawn(drive(ctx.clone(), run.run_id, work));
    Ok(run)
}

/// A run the caller started.
pub async fn reminder_run(ctx: &Ctx, id: Uuid) -> AppResult<ReminderRun> {
    let mut conn = ctx.pool().acquire().await?;
    repo::run(&mut conn, id, ctx.caller.user_id)
        .await?
        .ok_or_else(not_found)
}

/// Sends the run's reminders, one transaction each, and keeps its row current.
/// A policy reminded in the last day, without a mobile number, or gone from the
/// caller's book since the run began is skipped; any other failure stops the run
/// (the reminders sent stay sent, and running again skips them).
async fn drive(ctx: Ctx, run: Uuid, work: Vec<Uuid>) {
    let (mut sent, mut skipped) = (0, 0);
    let mut written = Instant::now();
    for id in work {
        match remind(&ctx, id, Channel::Sms).await {
            Ok(_) => sent += 1,
            Err(AppError::Conflict(_) | AppError::NotFound(_)) => skipped += 1,
            Err(e) => {
                tracing::warn!(error = %e, run = %run, "reminder run stopped");
                let failure = "The run stopped part way. The reminders sent stay sent; run it again to send the rest.";
                save(&ctx, run, sent, skipped, RunStatus::Failed, Some(failure)).await;
                return;
            }
        }
        if written.elapsed() >= PROGRESS_EVERY {
            save(&ctx, run, sent, skipped, RunStatus::Running, None).await;
            written = Instant::now();
        }
    }
    save(&ctx, run, sent, skipped, RunStatus::Done, None).await;
}

async fn save(
    ctx: &Ctx,
    run: Uuid,
    sent: i32,
    skipped: i32,
    status: RunStatus,
    failure: Option<&str>,
) {
    let saved = async {
        let mut conn = ctx.pool().acquire().await?;
        repo::record_progress(&mut conn, run, sent, skipped, status, failure).await
    };
    if let Err(e) = saved.await {
        tracing::warn!(error = %e, run = %run, "reminder run's progress not saved");
    }
}
