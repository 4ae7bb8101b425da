//! `AppState`: what every handler and server function can reach. Built once by the
//! `server` crate (which owns configuration), read here because server functions
//! must name it and `app` cannot depend on `server`.

use crate::error::{AppError, AppResult};
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sqlx::PgPool;
use std::sync::{Arc, Mutex};

/// The deployment environment; it switches safety rails, never business rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Environment {
    Development,
    Test,
    Staging,
    Production,
}

impl Environment {
    /// Cookies carry `Secure` outside development and test (those run on plain HTTP).
    pub fn uses_secure_cookies(self) -> bool {
        !matches!(self, Environment::Development | Environment::Test)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Environment::Development => "development",
            Environment::Test => "test",
            Environment::Staging => "staging",
            Environment::Production => "production",
        }
    }

    pub fn is_production_like(self) -> bool {
        matches!(self, Environment::Staging | Environment::Production)
    }
}

/// Facts about this running instance.
#[derive(Debug, Clone)]
pub struct ServiceInfo {
    pub environment: Environment,
    pub started_at: chrono::DateTime<chrono::Utc>,
}

impl ServiceInfo {
    pub const NAME: &'static str = "agent-mitra-backend";
    pub const VERSION: &'static str = env!("CARGO_PKG_VERSION");
    pub const API_VERSION: &'static str = "v1";

    pub fn new(environment: Environment) -> Self {
        Self {
            environment,
            started_at: chrono::Utc::now(),
        }
    }
}

#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    pub leptos_options: LeptosOptions,
    pub info: Arc<ServiceInfo>,
    /// sysinfo keeps the previous CPU sample to compute usage, so it is shared.
    /// Per-instance host data only; nothing the instances must agree on lives here.
    pub host: Arc<Mutex<sysinfo::System>>,
    /// The last database probes' round trips, for the status page's chart.
    pub round_trips: Arc<Mutex<std::collections::VecDeque<f64>>>,
    pub auth: Arc<crate::auth::server::AuthConfig>,
    /// Where uploaded media lives (local disk or S3-compatible) and its limits.
    pub media: crate::presentations::server::media::MediaStore,
}

impl AppState {
    pub fn new(
        pool: PgPool,
        leptos_options: LeptosOptions,
        info: ServiceInfo,
        auth: crate::auth::server::AuthConfig,
        media: crate::presentations::server::media::MediaStore,
    ) -> Self {
        Self {
            pool,
            leptos_options,
            info: Arc::new(info),
            host: Arc::new(Mutex::new(sysinfo::System::new())),
            round_trips: Arc::default(),
            auth: Arc::new(auth),
            media,
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The state inside a server function (provided by the router's context closure).
pub fn app_state() -> AppResult<AppState> {
    leptos::prelude::use_context::<AppState>()
        .ok_or_else(|| AppError::internal("AppState missing from context", "no context"))
}
