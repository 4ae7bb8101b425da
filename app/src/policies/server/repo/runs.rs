//! The SQL of "remind all" runs: one row per run, its counts written as it goes.

use crate::policies::types::{Bucket, ReminderRun, RunStatus};
use sqlx::PgConnection;
use uuid::Uuid;

/// A run whose row has not moved for this long is no longer being driven (its
/// server stopped): it reads as failed, and no longer blocks a new run.
const STALE: &str = "interval '2 minutes'";

fn columns() -> String {
    format!(
        "run_id, bucket, total, sent, skipped, created_at, updated_at,
         CASE WHEN status = 'running' AND updated_at < now() - {STALE} THEN 'failed' ELSE status END AS status,
         CASE WHEN status = 'running' AND updated_at < now() - {STALE}
              THEN 'The run stopped part way. The reminders sent stay sent; run it again to send the rest.'
              ELSE failure END AS failure"
    )
}

/// Starts a run for `by`, unless one of theirs is running: `None` then.
pub async fn insert_run(
    conn: &mut PgConnection,
    by: Uuid,
    bucket: Bucket,
    total: i32,
) -> sqlx::Result<Option<ReminderRun>> {
    // A run left running by a stopped server must not block this one forever.
    sqlx::query(&format!(
        "UPDATE reminder_runs SET status = 'failed', failure = 'The run stopped part way.'
          WHERE started_by = $1 AND status = 'running' AND updated_at < now() - {STALE}"
    ))
    .bind(by)
    .execute(&mut *conn)
    .await?;
    sqlx::query_as(&format!(
        "INSERT INTO reminder_runs (started_by, bucket, total) VALUES ($1, $2, $3)
         ON CONFLICT (started_by) WHERE status = 'running' DO NOTHING
         RETURNING {}",
        columns()
    ))
    .bind(by)
    .bind(bucket)
    .bind(total)
    .fetch_optional(conn)
    .await
}

/// The caller's run that is running now, if any.
pub async fn running_run(conn: &mut PgConnection, by: Uuid) -> sqlx::Result<Option<ReminderRun>> {
    sqlx::query_as(&format!(
        "SELECT {} FROM reminder_runs WHERE started_by = $1 AND status = 'running'",
        columns()
    ))
    .bind(by)
    .fetch_optional(conn)
    .await
}

/// A run, if `by` started it.
pub async fn run(conn: &mut PgConnection, id: Uuid, by: Uuid) -> sqlx::Result<Option<ReminderRun>> {
    sqlx::query_as(&format!(
        "SELECT {} FROM reminder_runs WHERE run_id = $1 AND started_by = $2",
        columns()
    ))
    .bind(id)
    .bind(by)
    .fetch_optional(conn)
    .await
}

/// Writes a run's counts, and its end when `status` is not running.
pub async fn record_progress(
    conn: &mut PgConnection,
    id: Uuid,
    sent: i32,
    skipped: i32,
    status: RunStatus,
    failure: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE reminder_runs SET sent = $2, skipped = $3, status = $4, failure = $5, updated_at = now()
          WHERE run_id = $1",
    )
    .bind(id)
    .bind(sent)
    .bind(skipped)
    .bind(status)
    .bind(failure)
    .execute(conn)
    .await
    .map(drop)
}
