//! Server functions of the system feature. Thin: state, service, result.

use crate::error::AppError;
use crate::system::types::{About, ComprehensiveHealth};
use leptos::prelude::*;
use server_fn::codec::{GetUrl, Json};

/// `GET /api/v1/about`.
#[server(prefix = "/api/v1", endpoint = "about", input = GetUrl, output = Json)]
pub async fn get_about() -> Result<About, AppError> {
    // Public by design (see the catalogue entry): it names versions, not secrets.
    crate::auth::server::guard::public::<GetAbout>()?;
    let state = crate::state::app_state()?;
    crate::system::server::service::about(&state).await
}

/// `POST /api/v1/system/status` with body `{}`: what the status page shows.
#[server(prefix = "/api/v1", endpoint = "system/status", input = Json, output = Json)]
pub async fn system_status() -> Result<ComprehensiveHealth, AppError> {
    crate::auth::server::guard::public::<SystemStatus>()?;
    let state = crate::state::app_state()?;
    crate::system::server::service::comprehensive(&state).await
}
