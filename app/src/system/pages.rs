//! The status page: live health from `system_status`, refreshed every 15 seconds
//! once hydrated; complete server-rendered HTML without JavaScript.

use super::text::T;
use crate::format;
use crate::i18n::t;
use crate::system::api::system_status;
use crate::system::types::ComprehensiveHealth;
use crate::system::types::HealthStatus;
use crate::ui::feedback::{ErrorView, Loading, UsageBar};
use leptos::prelude::*;
use leptos_meta::Title;
use std::time::Duration;

const REFRESH: Duration = Duration::from_secs(15);
const HISTORY: usize = 20;

#[component]
pub fn StatusPage() -> impl IntoView {
    view! {
        <Title text=t(T::StatusTitle)/>
        <StatusBoard/>
    }
}

/// The board itself: an island, so that it refreshes in place in the browser.
#[island]
fn StatusBoard() -> impl IntoView {
    let tick = RwSignal::new(0u32);
    let status = Resource::new(move || tick.get(), |_| system_status());
    let latencies = RwSignal::new(Vec::<f64>::new());

    // Browser only: effects never run during server rendering.
    Effect::new(move |_| {
        if let Ok(handle) =
            set_interval_with_handle(move || tick.update(|n| *n = n.wrapping_add(1)), REFRESH)
        {
            on_cleanup(move || handle.clear());
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(health)) = status.get() {
            if let Some(ms) = health.database.database.connection.response_time_ms {
                latencies.update(|v| {
                    v.push(ms);
                    if v.len() > HISTORY {
                        v.remove(0);
                    }
                });
            }
        }
    });

    view! {
        <div class="flex flex-wrap items-end justify-between gap-4">
            <div>
                <h1 class="text-3xl font-bold">{t(T::StatusTitle)}</h1>
                <p class="mt-1 text-muted">{t(T::StatusIntro)} " " {t(T::StatusUpdated)}</p>
            </div>
            <a
                href="/status"
                class="btn btn-secondary"
                on:click=move |ev| {
                    ev.prevent_default();
                    tick.update(|n| *n = n.wrapping_add(1));
                }
            >
                {t(T::StatusRefresh)}
            </a>
        </div>
        <Transition fallback=|| view! { <Loading height="h-96"/> }>
            {move || {
                status
                    .get()
                    .map(|result| match result {
                        Ok(health) => view! { <StatusReport health latencies/> }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                    })
            }}
        </Transition>
    }
}

#[component]
fn StatusReport(health: ComprehensiveHealth, latencies: RwSignal<Vec<f64>>) -> impl IntoView {
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
                <LatencyChart latencies/>
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

/// A sparkline of recent database round trips. Drawn only once there are two points
/// (after hydration); before that the box keeps its size so nothing shifts.
#[component]
fn LatencyChart(latencies: RwSignal<Vec<f64>>) -> impl IntoView {
    const W: f64 = 300.0;
    const H: f64 = 60.0;
    let points = move || {
        let values = latencies.get();
        if values.len() < 2 {
            return String::new();
        }
        let max = values.iter().copied().fold(1.0_f64, f64::max);
        let step = W / (HISTORY - 1) as f64;
        values
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
    let summary = move || {
        let values = latencies.get();
        values
            .last()
            .map(|last| format!("{}: {last:.1} ms", t(T::StatusLatencyChart)))
            .unwrap_or_else(|| t(T::StatusLatencyChart).to_owned())
    };
    view! {
        <figure class="mt-4">
            <svg
                viewBox=format!("0 0 {W} {H}")
                class="w-full h-16 text-brand"
                role="img"
                aria-label=summary
                preserveAspectRatio="none"
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
