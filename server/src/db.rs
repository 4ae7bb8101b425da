//! The Postgres pool and the embedded migrations.

use crate::config::Settings;
use anyhow::Context;
use secrecy::ExposeSecret;
use sqlx::{migrate::Migrator, postgres::PgPoolOptions, PgPool};
use std::time::Duration;

/// Every file in `migrations/`, compiled into the binary.
pub static MIGRATOR: Migrator = sqlx::migrate!("../migrations");

/// Connects (failing fast if Postgres is not there at start-up). Later outages are
/// survived: connections are tested before use and re-opened on demand.
pub async fn connect(settings: &Settings) -> anyhow::Result<PgPool> {
    PgPoolOptions::new()
        .max_connections(settings.database_max_connections)
        .acquire_timeout(Duration::from_secs(settings.database_acquire_timeout_secs))
        .test_before_acquire(true)
        .connect(settings.database_url.expose_secret())
        .await
        .context("cannot connect to PostgreSQL (is DATABASE_URL right and the server up?)")
}

/// Applies pending migrations; an error here must stop the server from starting.
pub async fn migrate(pool: &PgPool) -> anyhow::Result<()> {
    MIGRATOR
        .run(pool)
        .await
        .context("database migration failed")
}
