//! Importing an agent's existing book (issue 12): a CSV of customers and
//! policies, one policy per row, checked whole before anything is written, then
//! written in batches that a failure can resume or roll back as one.
//!
//! - `csv.rs`: the streaming CSV reader and the writer's escaping (pure).
//! - `types.rs`: the template, the checks per row (the forms' own), a job.
//! - `text.rs`, `api.rs`, `pages.rs`: the import page and a job's page, whose
//!   progress bar follows the job's row in Postgres (`ui::live::LiveRegion`).
//! - `server/`: `service.rs` (check, run, roll back), `repo.rs`, `rest.rs`.
//!
//! **Invariants:** a row is written only after every row was checked; a batch is
//! one transaction; everything an import wrote carries its `import_job_id`.

pub mod api;
pub mod csv;
pub mod pages;
pub mod text;
pub mod types;

/// The upload form's path, shared by the page and its handler.
pub mod server_paths {
    pub const UPLOAD_FORM: &str = "/api/ui/imports/upload";
}

#[cfg(feature = "ssr")]
pub mod server;
