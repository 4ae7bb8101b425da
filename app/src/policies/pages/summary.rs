//! The agent home's summary (SPEC P3): policies in force, active customers and
//! premium this financial year; the renewal counts, each a link into the queue;
//! and a 12-month bar chart of premiums collected, as server-rendered SVG (no
//! script, no layout shift: the box is sized before anything is drawn).

use crate::money::Money;
use crate::policies::api::load_book_summary;
use crate::policies::text::{bucket_label, t, T};
use crate::policies::types::BookSummary;
use crate::policies::types::Bucket;
use leptos::prelude::*;

#[component]
pub fn BookSummaryCards() -> impl IntoView {
    let summary = Resource::new(|| (), |_| load_book_summary());
    view! {
        <Suspense fallback=|| view! { <div class="skeleton h-40"></div> }>
            {move || summary.get().map(|r| match r {
                Ok(Some(s)) => view! { <Cards s/> }.into_any(),
                // Not an agent, or the figures failed: the home works without them.
                _ => ().into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Cards(s: BookSummary) -> impl IntoView {
    let card = |label: &'static str, value: String, testid: &'static str| {
        view! {
            <div class="card">
                <p class="text-sm text-muted">{label}</p>
                <p class="stat" data-testid=testid>{value}</p>
            </div>
        }
    };
    let bucket = |b: Bucket, n: i64| {
        view! {
            <a class="card block hover:border-brand" href=format!("/agent/renewals?bucket={}", b.as_str())
                data-testid=format!("card-{}", b.as_str())>
                <p class="text-sm text-muted">{bucket_label(b)}</p>
                <p class="stat">{n}</p>
            </a>
        }
    };
    view! {
        <section class="mt-6" aria-label=t(T::Policies) data-testid="book-summary">
            <div class="grid gap-3 sm:grid-cols-3">
                {card(t(T::CardPolicies), crate::format::indian(s.policies), "card-policies")}
                {card(t(T::CardCustomers), crate::format::indian(s.active_customers), "card-customers")}
                {card(t(T::CardPremium), s.premium_this_year.label(), "card-premium")}
            </div>
            <div class="mt-3 grid gap-3 grid-cols-2 sm:grid-cols-4">
                {bucket(Bucket::DueSoon, s.counts.due_soon)}
                {bucket(Bucket::InGrace, s.counts.in_grace)}
                {bucket(Bucket::Revivable, s.counts.revivable)}
                {bucket(Bucket::Lapsed, s.counts.lapsed)}
            </div>
            <MonthsChart months=s.months/>
        </section>
    }
}

/// Twelve bars in a fixed viewBox: scales with the width, never reflows.
#[component]
fn MonthsChart(months: Vec<(chrono::NaiveDate, Money)>) -> impl IntoView {
    const W: f64 = 360.0;
    const H: f64 = 160.0;
    const BASE: f64 = 130.0;
    let top = months
        .iter()
        .map(|(_, m)| m.paise())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let slot = W / months.len().max(1) as f64;
    let total: Money = months.iter().fold(Money::ZERO, |a, (_, m)| a + *m);
    let summary = format!("{}: {}", t(T::ChartTitle), total.label());
    view! {
        <figure class="card mt-3">
            <figcaption class="font-semibold">{t(T::ChartTitle)}</figcaption>
            <svg viewBox=format!("0 0 {W} {H}") class="mt-2 w-full h-auto" role="img" aria-label=summary data-testid="premium-chart">
                {months.iter().enumerate().map(|(i, (month, m))| {
                    let h = (m.paise() as f64 / top) * (BASE - 10.0);
                    let x = i as f64 * slot + slot * 0.15;
                    let label = month.format("%b").to_string();
                    view! {
                        <g>
                            <title>{format!("{label}: {}", m.label())}</title>
                            <rect class="chart-bar" x=format!("{x:.1}") y=format!("{:.1}", BASE - h)
                                width=format!("{:.1}", slot * 0.7) height=format!("{h:.1}") rx="2"/>
                            <text x=format!("{:.1}", x + slot * 0.35) y="148" text-anchor="middle" font-size="10" fill="currentColor">{label}</text>
                        </g>
                    }
                }).collect_view()}
            </svg>
        </figure>
    }
}
