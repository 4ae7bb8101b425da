//! Health routes. They are plain GET handlers (not server functions) because load
//! balancers and uptime checkers speak GET and read status codes.

use crate::catalog::{schema, Access, Endpoint, Verb};
use crate::error::AppResult;
use crate::state::AppState;
use crate::system::{server::service, types::*};
use axum::{extract::State, http::StatusCode, routing::get, Json, Router};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/health", get(live))
        .route("/api/v1/health", get(live))
        .route("/api/v1/health/database", get(database))
        .route("/api/v1/health/system", get(system))
        .route("/api/v1/health/comprehensive", get(comprehensive))
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

const fn health_endpoint(
    path: &'static str,
    summary: &'static str,
    response: crate::catalog::SchemaRef,
    errors: &'static [u16],
) -> Endpoint {
    Endpoint {
        verb: Verb::Get,
        path,
        summary,
        tag: "health",
        access: Access::Public,
        server_fn: false,
        docs: true,
        request: None,
        response,
        errors,
        sample_body: "{}",
    }
}

pub static ENDPOINTS: &[Endpoint] = &[
    health_endpoint(
        "/api/v1/health",
        "Liveness of the API (no database access)",
        schema::<Liveness>(),
        &[],
    ),
    health_endpoint(
        "/api/v1/health/database",
        "Database round-trip time and pool statistics; 503 when unreachable",
        schema::<DatabaseHealth>(),
        &[503],
    ),
    health_endpoint(
        "/api/v1/health/system",
        "Host CPU, memory and disk",
        schema::<SystemHealth>(),
        &[500],
    ),
    health_endpoint(
        "/api/v1/health/comprehensive",
        "Database and host together, with an overall status",
        schema::<ComprehensiveHealth>(),
        &[500],
    ),
    Endpoint {
        verb: Verb::Get,
        path: "/api/v1/about",
        summary: "Version, environment and schema version of this deployment",
        tag: "system",
        access: Access::Public,
        server_fn: true,
        docs: true,
        request: None,
        response: schema::<About>(),
        errors: &[503],
        sample_body: "",
    },
    Endpoint {
        verb: Verb::Post,
        path: "/api/v1/system/status",
        summary: "The status page's data: database and host health (JSON body `{}`)",
        tag: "system",
        access: Access::Public,
        server_fn: true,
        docs: true,
        request: Some(schema::<crate::catalog::Empty>()),
        response: schema::<ComprehensiveHealth>(),
        errors: &[400, 500],
        sample_body: "{}",
    },
];
