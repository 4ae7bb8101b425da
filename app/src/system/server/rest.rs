//! Health routes. They are plain GET handlers (not server functions) because load
//! balancers and uptime checkers speak GET and read status codes.

use crate::access::Access;
use crate::catalog::{Api, Endpoint};
use crate::error::AppResult;
use crate::state::AppState;
use crate::system::{server::service, types::*};
use axum::{extract::State, http::StatusCode, routing::get, Json};

/// The health endpoints, `/health` for load balancers, and the status page's
/// server functions. All public: they say nothing about anyone's data.
pub fn api() -> Api {
    use crate::system::api as f;
    let health = |path, summary| Endpoint::get(path, summary, Access::Public);
    Api::new("health", "{}")
        .outside_api("/health", get(live))
        .rest(
            health("/api/v1/health", "Liveness of the API (no database access)")
                .returns::<Liveness>(),
            live,
        )
        .rest(
            health(
                "/api/v1/health/database",
                "Database round-trip time and pool statistics; 503 when unreachable",
            )
            .returns::<DatabaseHealth>()
            .errors(&[503]),
            database,
        )
        .rest(
            health("/api/v1/health/system", "Host CPU, memory and disk")
                .returns::<SystemHealth>()
                .errors(&[500]),
            system,
        )
        .rest(
            health(
                "/api/v1/health/comprehensive",
                "Database and host together, with an overall status",
            )
            .returns::<ComprehensiveHealth>()
            .errors(&[500]),
            comprehensive,
        )
        .server_fn(
            Endpoint::server_fn::<f::GetAbout>(
                "Version, environment and schema version of this deployment",
                Access::Public,
            )
            .returns::<About>()
            .errors(&[503])
            .tag("system"),
        )
        .server_fn(
            Endpoint::server_fn::<f::SystemStatus>(
                "The status page's data: database and host health (JSON body `{}`)",
                Access::Public,
            )
            .body::<crate::catalog::Empty>()
            .returns::<ComprehensiveHealth>()
            .errors(&[500])
            .sample("{}")
            .tag("system"),
        )
}

async fn live() -> Json<Liveness> {
    Json(service::liveness())
}

/// 503 when the database is down, so a load balancer can act on the status alone.
async fn database(State(state): State<AppState>) -> (StatusCode, Json<DatabaseHealth>) {
    let health = service::database(&state.pool).await;
    let status = match health.status {
        HealthStatus::Healthy => StatusCode::OK,
        _ => StatusCode::SERVICE_UNAVAILABLE,
    };
    (status, Json(health))
}

async fn system(State(state): State<AppState>) -> AppResult<Json<SystemHealth>> {
    service::system(&state).await.map(Json)
}

async fn comprehensive(State(state): State<AppState>) -> AppResult<Json<ComprehensiveHealth>> {
    service::comprehensive(&state).await.map(Json)
}
