//! `/policies` (P9): quick views (All, Active, Lapsed, Maturing), filters by
//! status, category and number, the shared list component, and "New policy" for
//! whoever may write one.

use super::StatusBadge;
use crate::policies::api::list_policies;
use crate::policies::text::{category_label, frequency_label, status_label, t, T};
use crate::policies::types::PolicyLine;
use crate::policies::types::{Category, PolicyStatus, VIEWS};
use crate::ui::feedback::{failure, Loading};
use crate::ui::table::{link, query_param, Column, DataTable, Filter, FilterBar};
use leptos::prelude::*;
use leptos_meta::Title;

const LIST_PARAMS: &[&str] = &[
    "view",
    "status",
    "category",
    "policy_number",
    "policyholder_id",
];

fn view_label(v: &str) -> &'static str {
    t(match v {
        "active" => T::ViewActive,
        "lapsed" => T::ViewLapsed,
        "maturing" => T::ViewMaturing,
        _ => T::ViewAll,
    })
}

#[component]
pub fn PoliciesPage() -> impl IntoView {
    let page = Resource::new(
        move || {
            (
                query_param("view"),
                query_param("status"),
                query_param("category"),
                query_param("policy_number"),
                query_param("policyholder_id").and_then(|s| s.parse().ok()),
                query_param("cursor"),
            )
        },
        |(v, s, c, n, h, cur)| list_policies(v, s, c, n, h, cur),
    );
    view! {
        <Title text=t(T::Policies)/>
        <Suspense fallback=|| view! { <Loading height="h-96"/> }>
            {move || page.get().map(|r| match r {
                Ok(data) => {
                    let current = query_param("view").unwrap_or_else(|| "all".into());
                    let filters = vec![
                        Filter::Text { name: "policy_number", label: t(T::PolicyNumber), placeholder: t(T::NumberHint) },
                        Filter::Select {
                            name: "status", label: t(T::StatusLabel), any: Some(t(T::AllStatuses)),
                            options: PolicyStatus::ALL.iter().map(|s| (s.as_str().to_owned(), status_label(*s).to_owned())).collect(),
                        },
                        Filter::Select {
                            name: "category", label: t(T::CategoryLabel), any: Some(t(T::AllCategories)),
                            options: Category::ALL.iter().map(|c| (c.as_str().to_owned(), category_label(*c).to_owned())).collect(),
                        },
                    ];
                    view! {
                        <div class="flex flex-wrap items-center justify-between gap-3">
                            <h1 class="text-3xl font-bold">{t(T::Policies)}</h1>
                            {data.may_write.then(|| view! {
                                <a href="/policies/new" class="btn btn-primary">{t(T::NewPolicy)}</a>
                            })}
                        </div>
                        <nav class="mt-4 flex flex-wrap gap-2" aria-label=t(T::Policies)>
                            {VIEWS.iter().map(|v| {
                                let on = current == *v;
                                view! {
                                    <a class="btn btn-secondary" href=link("/policies", &[("view", Some((*v).to_owned()))])
                                        aria-current=on.then_some("page")>{view_label(v)}</a>
                                }
                            }).collect_view()}
                        </nav>
                        <FilterBar action="/policies" filters/>
                        <DataTable page=data.page columns=columns() path="/policies" keep=LIST_PARAMS empty=t(T::NoPolicies)/>
                    }.into_any()
                }
                Err(e) => failure(e, "/policies"),
            })}
        </Suspense>
    }
}

fn columns() -> Vec<Column<PolicyLine>> {
    vec![
        Column {
            header: t(T::PolicyNumber),
            cell: |l| {
                view! { <a class="link font-medium" href=format!("/policies/{}", l.policy.policy_id)>{l.policy.policy_number.clone()}</a> }.into_any()
            },
        },
        Column {
            header: t(T::Holder),
            cell: |l| {
                view! { <span>{l.policy.policyholder_info.full_name.clone()}</span> }.into_any()
            },
        },
        Column {
            header: t(T::Plan),
            cell: |l| view! { <span>{l.policy.plan_name.clone()}</span> }.into_any(),
        },
        Column {
            header: t(T::SumAssured),
            cell: |l| {
                view! { <span class="whitespace-nowrap">{l.policy.sum_assured.label()}</span> }
                    .into_any()
            },
        },
        Column {
            header: t(T::PremiumLabel),
            cell: |l| {
                view! {
                    <span class="whitespace-nowrap">{l.policy.premium_amount.label()}</span>
                    <span class="block text-sm text-muted">{frequency_label(l.policy.premium_frequency)}</span>
                }.into_any()
            },
        },
        Column {
            header: t(T::NextDue),
            cell: |l| {
                view! { <span>{l.standing.clone().unwrap_or_else(|| "—".into())}</span> }.into_any()
            },
        },
        Column {
            header: t(T::StatusLabel),
            cell: |l| view! { <StatusBadge status=l.policy.status/> }.into_any(),
        },
    ]
}
