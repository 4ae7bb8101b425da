//! The background worker: delivers queued SMS and sweeps expired counters. Runs in
//! every instance; `FOR UPDATE SKIP LOCKED` keeps instances from sending twice.

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
            // Every ten minutes.
            if n.is_multiple_of(1200) {
                if let Err(err) = limits::sweep(&pool).await {
                    tracing::warn!(error = %err, "counter sweep");
                }
            }
        }
    });
}
