//! Rate limits and login lockouts, counted in Postgres so every instance shares them.
//! Fixed windows: "N per window" means N per one window (SPEC §9 #15).

use crate::error::{AppError, AppResult};
use sqlx::PgPool;
use std::time::Duration;

/// Login lockout (SPEC §4.4): this many consecutive failures lock for `LOCK_FOR`.
pub const LOCK_AFTER_FAILURES: i32 = 5;
pub const LOCK_FOR: Duration = Duration::from_secs(15 * 60);

#[derive(Debug, Clone)]
pub struct Limit {
    pub bucket: String,
    pub max: i32,
    pub window: Duration,
}

impl Limit {
    pub fn new(bucket: impl Into<String>, max: i32, window: Duration) -> Self {
        Self {
            bucket: bucket.into(),
            max,
            window,
        }
    }
}

/// Counts one hit; `RateLimited` (with seconds until the window ends) past the max.
pub async fn hit(pool: &PgPool, limit: &Limit) -> AppResult<()> {
    let window = limit.window.as_secs().max(1) as f64;
    let (hits, retry_after): (i32, f64) = sqlx::query_as(
        "INSERT INTO rate_limit_counters (bucket, window_start, hits)
         VALUES ($1, to_timestamp(floor(extract(epoch FROM now())::float8 / $2) * $2), 1)
         ON CONFLICT (bucket, window_start)
         DO UPDATE SET hits = rate_limit_counters.hits + 1
         RETURNING hits, extract(epoch FROM window_start + make_interval(secs => $2) - now())::float8",
    )
    .bind(&limit.bucket)
    .bind(window)
    .fetch_one(pool)
    .await?;
    if hits > limit.max {
        return Err(AppError::RateLimited {
            retry_after_secs: retry_after.ceil().max(1.0) as u64,
        });
    }
    Ok(())
}

/// `Locked` while (identifier, ip) is locked out.
pub async fn check_lock(pool: &PgPool, identifier: &str, ip: &str) -> AppResult<()> {
    let locked: Option<bool> = sqlx::query_scalar(
        "SELECT locked_until > now() FROM login_lockouts WHERE identifier = $1 AND ip_address = $2",
    )
    .bind(identifier)
    .bind(ip)
    .fetch_optional(pool)
    .await?
    .flatten();
    if locked == Some(true) {
        return Err(AppError::Locked(
            "Account temporarily locked. Try again later.".into(),
        ));
    }
    Ok(())
}

/// Records a failed password; the fifth in a row sets the lock.
pub async fn record_failure(pool: &PgPool, identifier: &str, ip: &str) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO login_lockouts (identifier, ip_address, failures, updated_at)
         VALUES ($1, $2, 1, now())
         ON CONFLICT (identifier, ip_address) DO UPDATE SET
            failures = CASE WHEN login_lockouts.locked_until < now() THEN 1
                            ELSE login_lockouts.failures + 1 END,
            locked_until = CASE
                WHEN login_lockouts.locked_until < now() THEN NULL
                WHEN login_lockouts.failures + 1 >= $3 THEN now() + make_interval(secs => $4)
                ELSE login_lockouts.locked_until END,
            updated_at = now()",
    )
    .bind(identifier)
    .bind(ip)
    .bind(LOCK_AFTER_FAILURES)
    .bind(LOCK_FOR.as_secs() as f64)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn clear_failures(pool: &PgPool, identifier: &str, ip: &str) -> AppResult<()> {
    sqlx::query("DELETE FROM login_lockouts WHERE identifier = $1 AND ip_address = $2")
        .bind(identifier)
        .bind(ip)
        .execute(pool)
        .await?;
    Ok(())
}

/// Drops counters of windows long past. Called by the background worker.
pub async fn sweep(pool: &PgPool) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM rate_limit_counters WHERE window_start < now() - interval '2 hours'")
        .execute(pool)
        .await?;
    sqlx::query("DELETE FROM login_lockouts WHERE updated_at < now() - interval '1 day'")
        .execute(pool)
        .await?;
    sqlx::query("DELETE FROM tower_sessions.session WHERE expiry_date < now()")
        .execute(pool)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[sqlx::test(migrations = "../migrations")]
    async fn the_limit_allows_max_hits_then_refuses_with_retry_after(pool: PgPool) {
        let limit = Limit::new("test:ip", 3, Duration::from_secs(60));
        for _ in 0..3 {
            hit(&pool, &limit).await.unwrap();
        }
        match hit(&pool, &limit).await {
            Err(AppError::RateLimited { retry_after_secs }) => {
                assert!((1..=60).contains(&retry_after_secs))
            }
            other => panic!("expected RateLimited, got {other:?}"),
        }
        // Another bucket is unaffected.
        hit(&pool, &Limit::new("test:other", 3, Duration::from_secs(60)))
            .await
            .unwrap();
    }

    #[sqlx::test(migrations = "../migrations")]
    async fn five_failures_lock_the_identifier_from_that_ip_only(pool: PgPool) {
        for _ in 0..4 {
            record_failure(&pool, "phone:+919876543200", "1.2.3.4")
                .await
                .unwrap();
        }
        check_lock(&pool, "phone:+919876543200", "1.2.3.4")
            .await
            .unwrap();
        record_failure(&pool, "phone:+919876543200", "1.2.3.4")
            .await
            .unwrap();
        assert!(matches!(
            check_lock(&pool, "phone:+919876543200", "1.2.3.4").await,
            Err(AppError::Locked(_))
        ));
        check_lock(&pool, "phone:+919876543200", "5.6.7.8")
            .await
            .unwrap();
        clear_failures(&pool, "phone:+919876543200", "1.2.3.4")
            .await
            .unwrap();
        check_lock(&pool, "phone:+919876543200", "1.2.3.4")
            .await
            .unwrap();
    }
}
