//! The background worker: delivers queued SMS, sweeps expired counters and lapses
//! policies whose grace ran out. Runs in every instance; `FOR UPDATE SKIP LOCKED`
//! keeps instances from sending twice or lapsing one policy twice.

use app::auth::server::{limits, sms};
use sqlx::PgPool;
use std::{sync::Arc, time::Duration};

pub fn spawn(pool: PgPool, gateway: Arc<dyn sms::SmsGateway>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_millis(500));
        let mut n: u64 = 0;
        loop {
            tick.tick().await;
            n += 1;
            if let Err(err) = sms::deliver_pending(&pool, gateway.as_ref(), 20).await {
                tracing::warn!(error = %err, "sms worker");
            }
            // At start, then hourly: the lapse job is idempotent, so running it
            // more often than daily only shortens the wait after midnight.
            if n == 1 || n.is_multiple_of(7200) {
                match app::policies::server::service::lapse_overdue(&pool, 500).await {
                    Ok(0) => {}
                    Ok(lapsed) => tracing::info!(lapsed, "lapse job"),
                    Err(err) => tracing::warn!(error = %err, "lapse job"),
                }
            }
            // Every ten minutes.
            if n.is_multiple_of(1200) {
                if let Err(err) = limits::sweep(&pool).await {
                    tracing::warn!(error = %err, "counter sweep");
                }
            }
        }
    });
}
