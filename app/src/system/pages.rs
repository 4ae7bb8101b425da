//! The status page: health from `system_status`, rendered on the server and swapped
//! in fresh every 15 seconds by a `LiveRegion` once the page is live. Without
//! JavaScript it is the same page, current as of its load.

use super::text::T;
use crate::format;
use crate::i18n::t;
use crate::system::api::system_status;
use crate::system::types::ComprehensiveHealth;
use crate::system::types::HealthStatus;
use crate::ui::feedback::{ErrorView, Loading, UsageBar};
use crate::ui::live::LiveRegion;
use leptos::prelude::*;
use leptos_meta::Title;

const REFRESH_SECS: u32 = 15;

#[component]
pub fn StatusPage() -> impl IntoView {
    let status = Resource::new(|| (), |_| system_status());
    view! {
        <Title text=t(T::StatusTitle)/>
        <div class="flex flex-wrap items-end justify-between gap-4">
            <div>
                <h1 class="text-3xl font-bold">{t(T::StatusTitle)}</h1>
                <p class="mt-1 text-muted">{t(T::StatusIntro)} " " {t(T::StatusUpdated)}</p>
            </div>
            <a href="/status" class="btn btn-secondary">{t(T::StatusRefresh)}</a>
        </div>
        <Suspense fallback=|| view! { <Loading height="h-96"/> }>
            {move || status.get().map(|result| match result {
                Ok(health) => view! {
                    <LiveRegion id="status-report".to_owned() every_secs=REFRESH_SECS>
                        <StatusReport health/>
                    </LiveRegion>
                }.into_any(),
                Err(error) => view! { <ErrorView error/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn StatusReport(health: ComprehensiveHealth) -> impl IntoView {
    let db = health.database.database.clone();
    let sys = health.system.clone();
    let pool = db.pool_stats.clone();
    let round_trip = db
        .connection
        .response_time_ms
        .map_or_else(|| "—".to_owned(), |ms| format!("{ms:.1} ms"));
    view! {
        <section class="mt-6 card flex flex-wrap items-center gap-4" aria-labelledby="overall">
            <h2 id="overall" class="text-xl font-semibold">{t(T::StatusOverall)}</h2>
            <StatusBadge status=health.status/>
            <p class="text-muted ml-auto">
                {t(T::StatusVersion)} " " {health.version.clone()} " · " {health.environment.clone()}
                " · " {t(T::StatusUptime)} " " {format::duration_secs(sys.uptime_secs)}
            </p>
        </section>
        <div class="mt-4 grid gap-4 md:grid-cols-2">
            <section class="card" aria-labelledby="db-heading" data-testid="database-card">
                <div class="flex items-center justify-between">
                    <h2 id="db-heading" class="text-xl font-semibold">{t(T::StatusDatabase)}</h2>
                    <StatusBadge status=db.connection.status/>
                </div>
                <dl class="mt-4 grid grid-cols-2 gap-y-2">
                    <dt class="text-muted">{t(T::StatusRoundTrip)}</dt>
                    <dd class="font-medium tabular-nums">{round_trip}</dd>
                    <dt class="text-muted">{t(T::StatusPool)}</dt>
                    <dd class="font-medium tabular-nums">
                        {format!("{} / {}", pool.in_use, pool.max_connections)}
                    </dd>
                </dl>
                {db.connection.error.clone().map(|e| view! { <p class="mt-3 text-danger">{e}</p> })}
                <LatencyChart latencies=health.recent_round_trips_ms.clone()/>
            </section>
            <section class="card flex flex-col gap-4" aria-labelledby="host-heading">
                <div class="flex items-center justify-between">
                    <h2 id="host-heading" class="text-xl font-semibold">{t(T::StatusHost)}</h2>
                    <StatusBadge status=sys.status/>
                </div>
                <UsageBar
                    label=t(T::StatusCpu)
                    percent=sys.cpu.usage_percent
                    detail=format!("{} cores", sys.cpu.cores)
                />
                <UsageBar
                    label=t(T::StatusMemory)
                    percent=sys.memory.usage_percent
                    detail=format!("{} / {}", format::bytes(sys.memory.used_bytes), format::bytes(sys.memory.total_bytes))
                />
                <UsageBar
                    label=t(T::StatusDisk)
                    percent=sys.disk.usage_percent
                    detail=format!("{} / {}", format::bytes(sys.disk.used_bytes), format::bytes(sys.disk.total_bytes))
                />
            </section>
        </div>
    }
}

/// A sparkline of the recent database round trips. With fewer than two points it
/// draws nothing, but keeps its size, so nothing shifts when it fills.
#[component]
fn LatencyChart(latencies: Vec<f64>) -> impl IntoView {
    const W: f64 = 300.0;
    const H: f64 = 60.0;
    let points = if latencies.len() < 2 {
        String::new()
    } else {
        let max = latencies.iter().copied().fold(1.0_f64, f64::max);
        let step = W / (latencies.len() - 1) as f64;
        latencies
            .iter()
            .enumerate()
            .map(|(i, v)| {
                format!(
                    "{:.1},{:.1}",
                    i as f64 * step,
                    H - v / max * (H - 4.0) - 2.0
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let summary = latencies.last().map_or_else(
        || t(T::StatusLatencyChart).to_owned(),
        |last| format!("{}: {last:.1} ms", t(T::StatusLatencyChart)),
    );
    view! {
        <figure class="mt-4">
            <svg
                viewBox=format!("0 0 {W} {H}")
                class="w-full h-16 text-brand"
                role="img"
                aria-label=summary
                preserveAspectRatio="none"
                data-points=latencies.len()
            >
                <polyline points=points fill="none" stroke="currentColor" stroke-width="2"></polyline>
            </svg>
            <figcaption class="text-sm text-muted">{t(T::StatusLatencyChart)}</figcaption>
        </figure>
    }
}

pub fn status_label(status: HealthStatus) -> &'static str {
    t(match status {
        HealthStatus::Healthy => T::Healthy,
        HealthStatus::Degraded => T::Degraded,
        HealthStatus::Critical => T::Critical,
        HealthStatus::Unhealthy => T::Unhealthy,
    })
}

/// A coloured pill; the word carries the meaning, the colour only repeats it.
#[component]
pub fn StatusBadge(status: HealthStatus) -> impl IntoView {
    view! {
        <span class=format!("badge badge-{}", status.as_str()) data-status=status.as_str()>
            {status_label(status)}
        </span>
    }
}
