//! Health probes. Each one answers within its own deadline, so a hung database never
//! hangs the health endpoints that report it.

use crate::error::AppResult;
use crate::state::{AppState, ServiceInfo};
use crate::system::types::*;
use sqlx::PgPool;
use std::time::{Duration, Instant};

/// How long the database probe may take before the database counts as down.
const DB_PROBE_DEADLINE: Duration = Duration::from_secs(2);

/// How many probe round trips the status page's chart shows.
pub const ROUND_TRIP_HISTORY: usize = 20;

fn now_unix() -> i64 {
    chrono::Utc::now().timestamp()
}

pub fn liveness() -> Liveness {
    Liveness {
        status: HealthStatus::Healthy,
        service: ServiceInfo::NAME.to_owned(),
        version: ServiceInfo::VERSION.to_owned(),
        api_version: ServiceInfo::API_VERSION.to_owned(),
    }
}

fn pool_stats(pool: &PgPool) -> PoolStats {
    let size = pool.size();
    let idle = u32::try_from(pool.num_idle()).unwrap_or(u32::MAX);
    PoolStats {
        size,
        idle,
        in_use: size.saturating_sub(idle),
        max_connections: pool.options().get_max_connections(),
    }
}

/// `SELECT 1` plus the newest migration version, under a deadline.
pub async fn database(pool: &PgPool) -> DatabaseHealth {
    let started = Instant::now();
    let probe = async {
        let mut conn = pool.acquire().await?;
        sqlx::query_scalar::<_, i32>("SELECT 1")
            .fetch_one(&mut *conn)
            .await?;
        let elapsed = started.elapsed();
        let version = schema_version(&mut conn).await?;
        Ok::<_, sqlx::Error>((elapsed, version))
    };
    let (connection, schema_version) = match tokio::time::timeout(DB_PROBE_DEADLINE, probe).await {
        Ok(Ok((elapsed, version))) => (
            DatabaseConnection {
                status: HealthStatus::Healthy,
                response_time_ms: Some(elapsed.as_secs_f64() * 1000.0),
                error: None,
            },
            Some(version),
        ),
        Ok(Err(err)) => {
            tracing::warn!(error = %err, "database health probe failed");
            (down("Database connection unhealthy"), None)
        }
        Err(_) => {
            tracing::warn!("database health probe timed out");
            (down("Database did not answer in time"), None)
        }
    };
    DatabaseHealth {
        status: connection.status,
        database: DatabaseDetails {
            connection,
            pool_stats: pool_stats(pool),
            schema_version,
        },
        timestamp: now_unix(),
    }
}

fn down(reason: &str) -> DatabaseConnection {
    DatabaseConnection {
        status: HealthStatus::Unhealthy,
        response_time_ms: None,
        error: Some(reason.to_owned()),
    }
}

async fn schema_version(conn: &mut sqlx::PgConnection) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar::<_, Option<i64>>("SELECT max(version) FROM _sqlx_migrations WHERE success")
        .fetch_one(conn)
        .await
        .map(|v| v.unwrap_or(0))
}

/// Host figures. sysinfo reads /proc synchronously, so it runs off the async runtime.
pub async fn system(state: &AppState) -> AppResult<SystemHealth> {
    let host = state.host.clone();
    let started_at = state.info.started_at;
    let health = tokio::task::spawn_blocking(move || {
        let mut sys = host.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        sys.refresh_cpu_usage();
        sys.refresh_memory();
        let cpu_usage = sys.global_cpu_usage();
        let cores = u32::try_from(sys.cpus().len()).unwrap_or(0);
        let memory = usage(sys.total_memory(), sys.used_memory());
        let pid = sysinfo::get_current_pid().ok();
        if let Some(pid) = pid {
            sys.refresh_processes(sysinfo::ProcessesToUpdate::Some(&[pid]), true);
        }
        let rss = pid
            .and_then(|pid| sys.process(pid))
            .map_or(0, sysinfo::Process::memory);
        let disk = working_disk();
        let uptime = (chrono::Utc::now() - started_at).num_seconds().max(0);
        SystemHealth {
            status: system_status(cpu_usage, memory.usage_percent, disk.usage_percent),
            cpu: CpuStats {
                cores,
                usage_percent: cpu_usage,
                load_average_1m: sysinfo::System::load_average().one,
            },
            memory,
            disk,
            process_rss_bytes: rss,
            uptime_secs: u64::try_from(uptime).unwrap_or(0),
            timestamp: now_unix(),
        }
    })
    .await?;
    Ok(health)
}

fn usage(total: u64, used: u64) -> UsageStats {
    let usage_percent = if total == 0 {
        0.0
    } else {
        (used as f64 / total as f64 * 100.0) as f32
    };
    UsageStats {
        total_bytes: total,
        used_bytes: used,
        usage_percent,
    }
}

/// The disk whose mount point is the longest prefix of the working directory.
fn working_disk() -> UsageStats {
    let cwd = std::env::current_dir().unwrap_or_else(|_| "/".into());
    let disks = sysinfo::Disks::new_with_refreshed_list();
    disks
        .list()
        .iter()
        .filter(|d| cwd.starts_with(d.mount_point()))
        .max_by_key(|d| d.mount_point().as_os_str().len())
        .map_or_else(
            || usage(0, 0),
            |d| usage(d.total_space(), d.total_space() - d.available_space()),
        )
}

pub async fn comprehensive(state: &AppState) -> AppResult<ComprehensiveHealth> {
    let (database, system) = tokio::join!(database(&state.pool), system(state));
    let system = system?;
    let recent_round_trips_ms = {
        let mut history = state
            .round_trips
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(ms) = database.database.connection.response_time_ms {
            if history.len() == ROUND_TRIP_HISTORY {
                history.pop_front();
            }
            history.push_back(ms);
        }
        history.iter().copied().collect()
    };
    Ok(ComprehensiveHealth {
        recent_round_trips_ms,
        status: overall_status(database.status, system.status),
        service: ServiceInfo::NAME.to_owned(),
        version: ServiceInfo::VERSION.to_owned(),
        environment: state.info.environment.as_str().to_owned(),
        database,
        system,
        timestamp: now_unix(),
    })
}

/// # Errors
/// `Unavailable` when the database cannot be read.
pub async fn about(state: &AppState) -> AppResult<About> {
    let mut conn = state.pool.acquire().await?;
    let schema_version = schema_version(&mut conn).await?;
    let uptime = (chrono::Utc::now() - state.info.started_at)
        .num_seconds()
        .max(0);
    Ok(About {
        service: ServiceInfo::NAME.to_owned(),
        version: ServiceInfo::VERSION.to_owned(),
        api_version: ServiceInfo::API_VERSION.to_owned(),
        environment: state.info.environment.as_str().to_owned(),
        schema_version,
        started_at: state.info.started_at,
        uptime_secs: u64::try_from(uptime).unwrap_or(0),
        docs_url: "/docs".to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[sqlx::test(migrations = "../migrations")]
    async fn a_reachable_database_is_healthy_and_reports_its_schema(pool: PgPool) {
        let health = database(&pool).await;
        assert_eq!(health.status, HealthStatus::Healthy);
        assert!(health.database.connection.response_time_ms.is_some());
        assert!(health.database.schema_version.unwrap_or(0) > 0);
        assert!(health.database.pool_stats.max_connections > 0);
    }

    #[sqlx::test(migrations = "../migrations")]
    async fn a_closed_pool_is_reported_unhealthy_without_hanging(pool: PgPool) {
        pool.close().await;
        let started = Instant::now();
        let health = database(&pool).await;
        assert_eq!(health.status, HealthStatus::Unhealthy);
        assert_eq!(
            health.database.connection.error.as_deref(),
            Some("Database connection unhealthy")
        );
        assert!(started.elapsed() <= DB_PROBE_DEADLINE + Duration::from_millis(500));
    }

    #[test]
    fn usage_of_an_empty_total_is_zero_not_nan() {
        assert_eq!(usage(0, 0).usage_percent, 0.0);
        assert_eq!(usage(200, 50).usage_percent, 25.0);
    }
}
