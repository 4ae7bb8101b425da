//! An agent's existing book as a CSV (one policy per row, the customer on the
//! same row; a phone that repeats is one customer): the template, the checks per
//! row (the forms' own), and a job's state as its page shows it.

use crate::money::Money;
use crate::policies::types::{Frequency, PolicyStatus};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

mod row;

pub use row::*;

/// The template's columns, in order. Required: phone_number, first_name,
/// policy_type, plan_name, category, sum_assured, premium_amount,
/// premium_frequency, application_date, start_date.
pub const COLUMNS: [&str; 20] = [
    "phone_number",
    "first_name",
    "last_name",
    "email",
    "customer_id",
    "preferred_language",
    "policy_number",
    "policy_type",
    "plan_name",
    "plan_code",
    "category",
    "sum_assured",
    "premium_amount",
    "premium_frequency",
    "application_date",
    "start_date",
    "maturity_date",
    "next_due_date",
    "status",
    "nominee_name",
];

/// The downloadable example: the header and two rows that pass.
pub fn template() -> String {
    let mut out = crate::imports::csv::line(COLUMNS);
    for row in [
        [
            "9876501001",
            "Asha",
            "Rao",
            "asha@example.com",
            "C-1001",
            "hi",
            "123456789",
            "endowment",
            "LIC Jeevan Labh",
            "936",
            "life",
            "1000000",
            "4500",
            "quarterly",
            "2024-03-01",
            "2024-03-10",
            "2040-03-10",
            "2026-12-10",
            "active",
            "Ravi Rao",
        ],
        [
            "9876501002",
            "Vikram",
            "Singh",
            "",
            "C-1002",
            "en",
            "",
            "term_life",
            "LIC Tech Term",
            "954",
            "life",
            "5000000",
            "12000",
            "yearly",
            "2023-07-01",
            "2023-07-05",
            "",
            "",
            "active",
            "",
        ],
    ] {
        out.push_str(&crate::imports::csv::line(row));
    }
    out
}

/// A problem with one row: its number (1 is the first data row), the column and
/// what is wrong.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RowError {
    pub row: i64,
    pub field: String,
    pub message: String,
}

/// A row that passed every check, as it is staged and then written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookRow {
    pub phone_number: String,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub customer_id: Option<String>,
    pub preferred_language: String,
    pub policy_number: Option<String>,
    pub policy_type: String,
    pub plan_name: String,
    pub plan_code: Option<String>,
    pub category: String,
    pub sum_assured: Money,
    pub premium_amount: Money,
    pub premium_frequency: Frequency,
    pub application_date: NaiveDate,
    pub start_date: NaiveDate,
    pub maturity_date: Option<NaiveDate>,
    pub next_due_date: NaiveDate,
    pub status: PolicyStatus,
    pub nominee_name: Option<String>,
}

crate::text_enum! {
    /// Where an import job stands.
    pub enum JobStatus {
        /// Reading and checking the file.
        Checking => "checking",
        /// Checked: the valid rows wait for the go-ahead.
        Ready => "ready",
        Importing => "importing",
        Done => "done",
        /// A batch failed; the rows before it are in. Resume or roll back.
        Failed => "failed",
        RolledBack => "rolled_back",
    }
}

/// An import job (`/agent/import/{id}`, `GET /api/v1/imports/{id}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow, utoipa::ToSchema))]
pub struct Job {
    pub job_id: Uuid,
    pub agent_id: Uuid,
    pub file_name: String,
    pub status: JobStatus,
    /// Data rows read so far.
    pub total_rows: i32,
    pub valid_rows: i32,
    pub imported_rows: i32,
    pub error_count: i32,
    /// Why the last batch failed, if it did.
    pub failure: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Job {
    /// The share done of the current phase, 0–100: reading while checking,
    /// writing while importing.
    pub fn percent(&self) -> f32 {
        let (done, of) = match self.status {
            JobStatus::Checking => return 0.0,
            JobStatus::Ready => (self.valid_rows, self.valid_rows),
            _ => (self.imported_rows, self.valid_rows),
        };
        if of <= 0 {
            100.0
        } else {
            (done as f32 / of as f32 * 100.0).clamp(0.0, 100.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_the_share_of_the_current_phase() {
        let mut job = Job {
            job_id: Uuid::nil(),
            agent_id: Uuid::nil(),
            file_name: "x.csv".into(),
            status: JobStatus::Importing,
            total_rows: 120,
            valid_rows: 100,
            imported_rows: 25,
            error_count: 20,
            failure: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        };
        assert_eq!(job.percent(), 25.0);
        job.status = JobStatus::Done;
        job.imported_rows = 100;
        assert_eq!(job.percent(), 100.0);
    }
}
