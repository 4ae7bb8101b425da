//! `/admin` (SPEC P17): the tiles of the caller's role, and for admins who reach
//! agents, live counters: pending verifications, agents by status and new agents
//! per week. The charts are SVG drawn on the server (no chart library in the
//! client), each with its figures in a table for screen readers.

use crate::access::Permission;
use crate::agents::api::load_dashboard;
use crate::agents::text::{status_label, t, T};
use crate::agents::types::{AgentCounters, AgentStatus};
use crate::frame::use_session;
use crate::i18n::fill;
use crate::ui::feedback::{failure, Loading};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdminDashboardPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_dashboard());
    let can_users = use_session().is_some_and(|me| me.can(Permission::UsersSearch));
    view! {
        <Title text=t(T::Dashboard)/>
        <h1 class="text-3xl font-bold">{t(T::Dashboard)}</h1>
        <Suspense fallback=|| view! { <Loading height="h-96"/> }>
            {move || data.get().map(|r| match r {
                Ok(d) => view! {
                    {d.agents.map(|c| view! { <AgentTiles c/> })}
                    <nav class="mt-6 grid gap-3 sm:grid-cols-3" aria-label=t(T::Dashboard)>
                        {can_users.then(|| view! { <a href="/admin/users" class="card font-semibold hover:border-brand tap">{t(T::ManageUsers)}</a> })}
                        <a href="/admin/providers" class="card font-semibold hover:border-brand tap" data-testid="tile-providers">
                            {fill(t(T::ProvidersTile), &[("n", &d.providers as &dyn std::fmt::Display)])}
                        </a>
                        {d.own_provider.map(|(id, name)| view! {
                            <a href=format!("/admin/providers/{id}") class="card font-semibold hover:border-brand tap" data-testid="tile-own-provider">
                                {fill(t(T::YourProvider), &[("name", &name as &dyn std::fmt::Display)])}
                            </a>
                        })}
                        <a href="/me" class="card font-semibold hover:border-brand tap">{t(T::MyAccount)}</a>
                    </nav>
                }.into_any(),
                Err(e) => failure(e, "/admin"),
            })}
        </Suspense>
    }
}

#[component]
fn AgentTiles(c: AgentCounters) -> impl IntoView {
    view! {
        <div class="mt-4 grid gap-4 lg:grid-cols-3">
            <section class="card border-2 border-accent" aria-labelledby="pending-heading">
                <h2 id="pending-heading" class="font-semibold">{t(T::PendingVerifications)}</h2>
                <p class="mt-2 text-4xl font-bold" data-testid="pending-count">{c.awaiting}</p>
                <a class="btn btn-primary mt-3 inline-flex" href="/admin/agents?verification_status=submitted">{t(T::OpenQueue)}</a>
                <a class="btn btn-secondary mt-3 ml-2 inline-flex" href="/admin/agents">{t(T::ManageAgents)}</a>
            </section>
            <section class="card" aria-labelledby="status-heading">
                <h2 id="status-heading" class="font-semibold">{t(T::AgentsByStatus)}</h2>
                <StatusBars by_status=c.by_status/>
            </section>
            <section class="card" aria-labelledby="weekly-heading">
                <h2 id="weekly-heading" class="font-semibold">{t(T::NewPerWeek)}</h2>
                <WeeklyColumns weekly=c.weekly/>
            </section>
        </div>
    }
}

/// The bar's length out of `width`, never zero for a non-zero count.
fn scaled(n: i64, max: i64, width: f64) -> f64 {
    if n <= 0 || max <= 0 {
        0.0
    } else {
        (n as f64 / max as f64 * width).max(2.0)
    }
}

/// Horizontal bars, one per status.
#[component]
fn StatusBars(by_status: Vec<(AgentStatus, i64)>) -> impl IntoView {
    let max = by_status.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let row = 28.0;
    let height = row * by_status.len() as f64;
    let summary = by_status
        .iter()
        .map(|(s, n)| format!("{}: {n}", status_label(*s)))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <svg viewBox=format!("0 0 300 {height}") class="mt-3 w-full" role="img" aria-label=summary data-testid="status-chart">
            {by_status.iter().enumerate().map(|(i, (status, n))| {
                let y = i as f64 * row;
                view! {
                    <g>
                        <text x="0" y={y + 18.0} class="fill-current text-[11px]">{status_label(*status)}</text>
                        <rect x="120" y={y + 6.0} width=scaled(*n, max, 140.0) height="16" rx="3" class=format!("chart-bar chart-bar-{status}")/>
                        <text x={128.0 + scaled(*n, max, 140.0)} y={y + 18.0} class="fill-current text-[11px]">{*n}</text>
                    </g>
                }
            }).collect_view()}
        </svg>
        <table class="sr-only">
            <tbody>
                {by_status.into_iter().map(|(s, n)| view! { <tr><th scope="row">{status_label(s)}</th><td>{n}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
}

/// Columns, one per week, oldest first; the week's Monday under each.
#[component]
fn WeeklyColumns(weekly: Vec<(String, i64)>) -> impl IntoView {
    let max = weekly.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let step = 300.0 / weekly.len().max(1) as f64;
    let summary = weekly
        .iter()
        .map(|(w, n)| format!("{w}: {n}"))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <svg viewBox="0 0 300 140" class="mt-3 w-full" role="img" aria-label=summary data-testid="weekly-chart">
            {weekly.iter().enumerate().map(|(i, (week, n))| {
                let h = scaled(*n, max, 100.0);
                let x = i as f64 * step;
                let label = week.get(5..).unwrap_or(week).to_owned();
                view! {
                    <g>
                        <rect x={x + 3.0} y={110.0 - h} width={step - 6.0} height=h rx="2" class="chart-bar chart-bar-active"/>
                        {(*n > 0).then(|| view! { <text x={x + step / 2.0} y={105.0 - h} text-anchor="middle" class="fill-current text-[10px]">{*n}</text> })}
                        {(i % 3 == 0).then(|| view! { <text x={x + step / 2.0} y="128" text-anchor="middle" class="fill-current text-[10px]">{label}</text> })}
                    </g>
                }
            }).collect_view()}
        </svg>
        <table class="sr-only">
            <tbody>
                {weekly.into_iter().map(|(w, n)| view! { <tr><th scope="row">{w}</th><td>{n}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
}
