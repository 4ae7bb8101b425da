//! "Remind all" as a job: its row, as the run's page and `GET
//! /api/v1/policies/renewals/runs/{run_id}` show it.

use super::Bucket;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::text_enum! {
    /// Where a run of reminders stands.
    pub enum RunStatus {
        Running => "running",
        Done => "done",
        /// Stopped part way (the database failed, or the server restarted): the
        /// reminders sent so far stay sent; running again skips them.
        Failed => "failed",
    }
}

/// A run of SMS reminders to one bucket of the caller's queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow, utoipa::ToSchema))]
pub struct ReminderRun {
    pub run_id: Uuid,
    pub bucket: Bucket,
    pub status: RunStatus,
    /// The bucket's size when the run began.
    pub total: i32,
    pub sent: i32,
    /// Reminded in the last 24 hours, or without a mobile number: left alone.
    pub skipped: i32,
    pub failure: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ReminderRun {
    /// The share of the bucket gone through, 0–100.
    pub fn percent(&self) -> f32 {
        if self.status == RunStatus::Done || self.total <= 0 {
            return 100.0;
        }
        ((self.sent + self.skipped) as f32 / self.total as f32 * 100.0).clamp(0.0, 100.0)
    }

    pub fn is_running(&self) -> bool {
        self.status == RunStatus::Running
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(status: RunStatus, total: i32, sent: i32, skipped: i32) -> ReminderRun {
        ReminderRun {
            run_id: Uuid::nil(),
            bucket: Bucket::InGrace,
            status,
            total,
            sent,
            skipped,
            failure: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    #[test]
    fn progress_counts_the_sent_and_the_skipped() {
        assert_eq!(run(RunStatus::Running, 40, 8, 2).percent(), 25.0);
        assert_eq!(run(RunStatus::Running, 0, 0, 0).percent(), 100.0);
        // The bucket grew while the run went through it: never past the end.
        assert_eq!(run(RunStatus::Running, 4, 5, 0).percent(), 100.0);
        // Done is done, even when policies left the bucket on the way.
        assert_eq!(run(RunStatus::Done, 10, 3, 0).percent(), 100.0);
    }
}
