//! The customer's own policies, on their page (`/my`, `/my/policies`): each
//! policy's plan, cover and premium, the next due date with the amount, and the
//! standing in plain words; then their premium history.

use super::{date, StatusBadge};
use crate::i18n::fill;
use crate::policies::api::load_my_policies;
use crate::policies::text::{frequency_label, t, T};
use crate::policies::types::PolicyLine;
use crate::ui::feedback::failure;
use leptos::prelude::*;

#[component]
pub fn MyPoliciesSection() -> impl IntoView {
    let mine = Resource::new(|| (), |_| load_my_policies());
    view! {
        <section class="card mt-4" aria-labelledby="my-policies" data-testid="my-policies">
            <h2 id="my-policies" class="text-xl font-semibold">{t(T::MyPolicies)}</h2>
            <Suspense fallback=|| view! { <div class="skeleton h-32"></div> }>
                {move || mine.get().map(|r| match r {
                    Ok(m) if m.policies.is_empty() => view! { <p class="mt-2 text-muted">{t(T::MyPoliciesNone)}</p> }.into_any(),
                    Ok(m) => view! {
                        <ul class="mt-3 grid gap-3">{m.policies.into_iter().map(|l| view! { <PolicyCard l/> }).collect_view()}</ul>
                        <super::detail::History premiums=m.premiums/>
                    }.into_any(),
                    Err(e) => failure(e, "/my"),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn PolicyCard(l: PolicyLine) -> impl IntoView {
    let p = l.policy;
    let next = p
        .next_payment_date
        .filter(|_| p.status.is_on_the_books())
        .map(|d| {
            fill(
                t(T::NextPremium),
                &[
                    (
                        "amount",
                        &p.premium_amount.label() as &dyn std::fmt::Display,
                    ),
                    ("date", &date(d)),
                ],
            )
        });
    view! {
        <li class="rounded-card border border-line p-4" data-testid="my-policy">
            <div class="flex flex-wrap items-start justify-between gap-2">
                <div class="min-w-0">
                    <p class="font-semibold break-words">{p.plan_name.clone()}</p>
                    <p class="text-sm text-muted">{p.policy_number.clone()}</p>
                </div>
                <StatusBadge status=p.status/>
            </div>
            <p class="mt-2">{t(T::SumAssured)} ": " <strong>{p.sum_assured.label()}</strong></p>
            <p>{t(T::PremiumLabel)} ": " {p.premium_amount.label()} " · " {frequency_label(p.premium_frequency)}</p>
            {next.map(|n| view! { <p>{n}</p> })}
            {l.standing.map(|s| view! {
                <p class=format!("mt-1 font-semibold badge badge-bucket-{}", l.bucket.map_or("paid", |b| b.as_str())) data-testid="my-standing">{s}</p>
            })}
        </li>
    }
}
