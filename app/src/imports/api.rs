//! Server functions of the import pages (`/api/ui/imports/*`).

use crate::error::AppError;
use crate::imports::types::{Job, RowError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{GetUrl, PostUrl};
use uuid::Uuid;

#[cfg(feature = "ssr")]
use crate::{auth::server::guard::ctx, imports::server::service};

#[server(prefix = "/api/ui", endpoint = "imports/list", input = GetUrl)]
pub async fn load_imports() -> Result<Vec<Job>, AppError> {
    let ctx = ctx::<LoadImports>()?;
    service::recent(&ctx).await
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportPage {
    pub job: Job,
    pub errors: Vec<RowError>,
}

#[server(prefix = "/api/ui", endpoint = "imports/detail", input = GetUrl)]
pub async fn load_import(job_id: Uuid) -> Result<ImportPage, AppError> {
    let ctx = ctx::<LoadImport>()?;
    let job = service::job(&ctx, job_id).await?;
    let errors = service::errors(&ctx, job_id, 100).await?;
    Ok(ImportPage { job, errors })
}

#[server(prefix = "/api/ui", endpoint = "imports/run", input = PostUrl)]
pub async fn run_import(job_id: Uuid) -> Result<(), AppError> {
    let ctx = ctx::<RunImport>()?;
    crate::imports::server::rest::start_run(&ctx, job_id)
        .await
        .map(drop)
}

#[server(prefix = "/api/ui", endpoint = "imports/rollback", input = PostUrl)]
pub async fn roll_back_import(job_id: Uuid) -> Result<(), AppError> {
    let ctx = ctx::<RollBackImport>()?;
    service::roll_back(&ctx, job_id).await.map(drop)
}
