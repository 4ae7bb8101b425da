//! `/api/v1/imports/*`: upload a book as CSV (multipart `file`, streamed to disk,
//! never held whole in memory), follow the job, write it, roll it back, and the
//! template; plus the upload form's handler for the page.

use super::service;
use crate::auth::server::guard::Ctx;
use crate::error::{AppError, AppResult};
use crate::imports::types::*;
use crate::rest::IdPath;
use axum::{
    extract::{FromRequest, Multipart, Request},
    http::{header, StatusCode},
    response::{IntoResponse, Response},
    Json,
};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use tokio::io::AsyncWriteExt;
use uuid::Uuid;

pub use crate::imports::server_paths::UPLOAD_FORM;

/// A job and the first errors (all of them are in the CSV).
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct JobAnswer {
    #[serde(flatten)]
    pub job: Job,
    pub errors: Vec<RowError>,
}

async fn answer(ctx: &Ctx, job: Job) -> AppResult<Json<JobAnswer>> {
    let errors = service::errors(ctx, job.job_id, 200).await?;
    Ok(Json(JobAnswer { job, errors }))
}

/// Where an upload is spooled while it is checked.
fn spool_path(job: Uuid) -> PathBuf {
    std::env::temp_dir().join(format!("agent-mitra-import-{job}.csv"))
}

/// Reads the multipart upload: the `agent_id` field (admins) and the `file`,
/// written to disk chunk by chunk. Returns the job, its checks running.
async fn receive(ctx: &Ctx, request: Request) -> AppResult<Uuid> {
    let lang = ctx.meta.lang;
    let mut form = Multipart::from_request(request, &ctx.state)
        .await
        .map_err(|e| AppError::BadRequest(format!("Malformed upload: {}", e.body_text())))?;
    let mut asked = None;
    while let Some(mut field) = form
        .next_field()
        .await
        .map_err(|e| AppError::BadRequest(format!("Malformed upload: {}", e.body_text())))?
    {
        match field.name() {
            Some("agent_id") => {
                let text = field.text().await.unwrap_or_default();
                asked = text.trim().parse::<Uuid>().ok();
            }
            Some("file") => {
                let name = field
                    .file_name()
                    .unwrap_or("book.csv")
                    .chars()
                    .take(200)
                    .collect::<String>();
                let (agent, tenant, _, _) = service::target_agent(ctx, asked).await?;
                let id = service::start(ctx, agent, tenant, &name).await?;
                let path = spool_path(id);
                let mut file = tokio::fs::File::create(&path)
                    .await
                    .map_err(|e| AppError::internal("import spool", e))?;
                let mut size: u64 = 0;
                while let Some(chunk) = field.chunk().await.map_err(|e| {
                    AppError::BadRequest(format!("The upload broke off: {}", e.body_text()))
                })? {
                    size += chunk.len() as u64;
                    if size > service::MAX_BYTES {
                        let _ = tokio::fs::remove_file(&path).await;
                        return Err(AppError::TooLarge(
                            "The file is too large: imports can be up to 64 MB.".into(),
                        ));
                    }
                    file.write_all(&chunk)
                        .await
                        .map_err(|e| AppError::internal("import spool", e))?;
                }
                file.flush()
                    .await
                    .map_err(|e| AppError::internal("import spool", e))?;
                if size == 0 {
                    return Err(AppError::invalid(
                        lang,
                        "file",
                        crate::imports::text::T::FileNeeded,
                    ));
                }
                // The checks run after the answer: the page follows the job.
                let pool = ctx.state.pool.clone();
                tokio::spawn(async move {
                    if let Err(e) = service::check(&pool, id, &path, lang).await {
                        tracing::warn!(error = %e, job = %id, "import check failed");
                        let mut conn = match pool.acquire().await {
                            Ok(c) => c,
                            Err(_) => return,
                        };
                        let _ = super::repo::set_status(
                            &mut conn,
                            id,
                            JobStatus::Failed,
                            Some("The file could not be checked."),
                        )
                        .await;
                    }
                    let _ = tokio::fs::remove_file(&path).await;
                });
                return Ok(id);
            }
            _ => {}
        }
    }
    Err(AppError::invalid(
        lang,
        "file",
        crate::imports::text::T::FileNeeded,
    ))
}

pub async fn upload(ctx: Ctx, request: Request) -> AppResult<(StatusCode, Json<JobAnswer>)> {
    let id = receive(&ctx, request).await?;
    let job = service::job(&ctx, id).await?;
    Ok((StatusCode::ACCEPTED, answer(&ctx, job).await?))
}

/// The page's form: 303 to the job's page, or back to the upload with the error.
pub async fn upload_form(ctx: Ctx, request: Request) -> Response {
    match receive(&ctx, request).await {
        Ok(id) => {
            crate::rest::form_redirect(&ctx, UPLOAD_FORM, &format!("/agent/import/{id}"), None)
        }
        Err(e) => crate::rest::form_redirect(&ctx, UPLOAD_FORM, "/agent/import", Some(e)),
    }
}

pub async fn read(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<JobAnswer>> {
    let job = service::job(&ctx, id).await?;
    answer(&ctx, job).await
}

/// Starts writing (or resumes); the job page follows it.
pub async fn run(ctx: Ctx, IdPath(id): IdPath) -> AppResult<(StatusCode, Json<Job>)> {
    let job = start_run(&ctx, id).await?;
    Ok((StatusCode::ACCEPTED, Json(job)))
}

pub async fn start_run(ctx: &Ctx, id: Uuid) -> AppResult<Job> {
    let job = service::job(ctx, id).await?;
    if matches!(
        job.status,
        JobStatus::Checking | JobStatus::Done | JobStatus::Importing
    ) {
        return Err(AppError::Conflict(format!(
            "This import cannot start now: it is {}",
            job.status
        )));
    }
    let (pool, by) = (ctx.state.pool.clone(), ctx.caller.user_id);
    tokio::spawn(async move {
        if let Err(e) = service::run(&pool, id, by).await {
            tracing::warn!(error = %e, job = %id, "import run failed");
        }
    });
    Ok(job)
}

pub async fn roll_back(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Json<Job>> {
    Ok(Json(service::roll_back(&ctx, id).await?))
}

fn csv(name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

/// Every row's problems as CSV: row, column, message.
pub async fn errors_csv(ctx: Ctx, IdPath(id): IdPath) -> AppResult<Response> {
    let errors = service::errors(&ctx, id, 1_000_000).await?;
    let mut body = crate::imports::csv::line(["row", "column", "problem"]);
    for e in &errors {
        body.push_str(&crate::imports::csv::line([
            e.row.to_string().as_str(),
            &e.field,
            &e.message,
        ]));
    }
    Ok(csv("import-errors.csv", body))
}

pub async fn template_csv(_ctx: Ctx) -> Response {
    csv("agent-mitra-book-template.csv", template())
}
