//! Health and about DTOs: the JSON of `/health`, `/api/v1/health/*` and `/api/v1/about`.

use serde::{Deserialize, Serialize};

/// Overall verdict, worst first: `unhealthy` > `critical` > `degraded` > `healthy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HealthStatus {
    Healthy,
    Degraded,
    Critical,
    Unhealthy,
}

impl HealthStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            HealthStatus::Healthy => "healthy",
            HealthStatus::Degraded => "degraded",
            HealthStatus::Critical => "critical",
            HealthStatus::Unhealthy => "unhealthy",
        }
    }
}

/// `GET /health` and `GET /api/v1/health`: answered without touching the database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Liveness {
    pub status: HealthStatus,
    pub service: String,
    pub version: String,
    pub api_version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DatabaseConnection {
    pub status: HealthStatus,
    /// Round trip of `SELECT 1`, including acquiring a pooled connection.
    pub response_time_ms: Option<f64>,
    /// Why the check failed, in words safe to show (never a connection string).
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PoolStats {
    pub size: u32,
    pub idle: u32,
    pub in_use: u32,
    pub max_connections: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DatabaseDetails {
    pub connection: DatabaseConnection,
    pub pool_stats: PoolStats,
    /// The newest applied migration, when the database answered.
    pub schema_version: Option<i64>,
}

/// `GET /api/v1/health/database`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DatabaseHealth {
    pub status: HealthStatus,
    pub database: DatabaseDetails,
    /// Unix seconds.
    pub timestamp: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CpuStats {
    pub cores: u32,
    pub usage_percent: f32,
    pub load_average_1m: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UsageStats {
    pub total_bytes: u64,
    pub used_bytes: u64,
    pub usage_percent: f32,
}

/// `GET /api/v1/health/system`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SystemHealth {
    pub status: HealthStatus,
    pub cpu: CpuStats,
    pub memory: UsageStats,
    /// The disk holding the server's working directory.
    pub disk: UsageStats,
    /// This process's resident memory.
    pub process_rss_bytes: u64,
    pub uptime_secs: u64,
    pub timestamp: i64,
}

/// Thresholds of SPEC §5.1: critical when memory > 90 % or CPU > 95 %.
pub fn system_status(cpu_percent: f32, memory_percent: f32, disk_percent: f32) -> HealthStatus {
    if memory_percent > 90.0 || cpu_percent > 95.0 {
        HealthStatus::Critical
    } else if disk_percent > 90.0 {
        HealthStatus::Degraded
    } else {
        HealthStatus::Healthy
    }
}

/// `GET /api/v1/health/comprehensive` and the status page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ComprehensiveHealth {
    pub status: HealthStatus,
    pub service: String,
    pub version: String,
    pub environment: String,
    pub database: DatabaseHealth,
    pub system: SystemHealth,
    /// The round trips of this instance's last database probes (ms, oldest first):
    /// the status page's chart, full from its first render.
    #[serde(default)]
    pub recent_round_trips_ms: Vec<f64>,
    pub timestamp: i64,
}

/// Combines the parts: a down database degrades the service (it still serves pages
/// and health), a starved host makes it critical.
pub fn overall_status(database: HealthStatus, system: HealthStatus) -> HealthStatus {
    let db = match database {
        HealthStatus::Healthy => HealthStatus::Healthy,
        _ => HealthStatus::Degraded,
    };
    db.max(system)
}

/// `GET /api/v1/about`: what is running, for support and for the mobile app's
/// compatibility check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct About {
    pub service: String,
    pub version: String,
    pub api_version: String,
    pub environment: String,
    /// The newest applied migration.
    pub schema_version: i64,
    pub started_at: chrono::DateTime<chrono::Utc>,
    pub uptime_secs: u64,
    pub docs_url: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_thresholds_follow_the_spec() {
        assert_eq!(system_status(10.0, 50.0, 50.0), HealthStatus::Healthy);
        assert_eq!(system_status(95.1, 50.0, 50.0), HealthStatus::Critical);
        assert_eq!(system_status(95.0, 90.0, 50.0), HealthStatus::Healthy);
        assert_eq!(system_status(10.0, 90.5, 50.0), HealthStatus::Critical);
        assert_eq!(system_status(10.0, 50.0, 97.0), HealthStatus::Degraded);
    }

    #[test]
    fn a_down_database_degrades_but_a_starved_host_is_critical() {
        use HealthStatus::*;
        assert_eq!(overall_status(Healthy, Healthy), Healthy);
        assert_eq!(overall_status(Unhealthy, Healthy), Degraded);
        assert_eq!(overall_status(Unhealthy, Critical), Critical);
        assert_eq!(overall_status(Healthy, Degraded), Degraded);
    }

    #[test]
    fn status_serializes_in_snake_case() {
        assert_eq!(
            serde_json::to_string(&HealthStatus::Healthy).unwrap(),
            "\"healthy\""
        );
        assert_eq!(HealthStatus::Unhealthy.as_str(), "unhealthy");
    }
}
