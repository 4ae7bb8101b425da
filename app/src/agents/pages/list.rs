//! `/admin/agents`: the "Awaiting verification" queue, then every agent in the
//! caller's scope through the shared list component (filters in the URL).

use super::{day, StateBadges};
use crate::agents::api::list_agents;
use crate::agents::text::{status_label, t, verification_label, T};
use crate::agents::types::{AgentStatus, AgentSummary, Verification};
use crate::i18n::{fill, Msg};
use crate::ui::feedback::{failure, Loading};
use crate::ui::table::{query_param, Column, DataTable, Filter, FilterBar};
use leptos::prelude::*;
use leptos_meta::Title;

const LIST_PARAMS: &[&str] = &["q", "status", "verification_status", "provider_id"];

#[component]
pub fn AdminAgentsPage() -> impl IntoView {
    let page = Resource::new(
        move || {
            (
                query_param("q"),
                query_param("status"),
                query_param("verification_status"),
                query_param("provider_id"),
                query_param("cursor"),
            )
        },
        |(q, s, v, p, c)| list_agents(q, s, v, p, c),
    );
    view! {
        <Title text=t(T::Agents)/>
        <Suspense fallback=|| view! { <Loading height="h-96"/> }>
            {move || page.get().map(|r| match r {
                Ok(data) => {
                    let named = |items: Vec<(String, &'static str)>| items.into_iter().map(|(k, v)| (k, v.to_owned())).collect();
                    let filters = vec![
                        Filter::Text { name: "q", label: t(Msg::Search), placeholder: t(T::SearchHint) },
                        Filter::Select {
                            name: "status", label: t(T::Status), any: Some(t(T::AllStatuses)),
                            options: named(AgentStatus::ALL.iter().map(|s| (s.as_str().to_owned(), status_label(*s))).collect()),
                        },
                        Filter::Select {
                            name: "verification_status", label: t(T::VerificationCol), any: Some(t(T::AllVerification)),
                            options: named(Verification::ALL.iter().map(|v| (v.as_str().to_owned(), verification_label(*v))).collect()),
                        },
                        Filter::Select {
                            name: "provider_id", label: t(T::Provider), any: Some(t(T::AllProviders)),
                            options: data.providers.iter().map(|(id, name)| (id.to_string(), name.clone())).collect(),
                        },
                    ];
                    view! {
                        <div class="flex flex-wrap items-center justify-between gap-3">
                            <h1 class="text-3xl font-bold">{t(T::Agents)}</h1>
                            {data.may_register.then(|| view! {
                                <a href="/admin/agents/new" class="btn btn-primary">{t(T::RegisterAgent)}</a>
                            })}
                        </div>
                        <Queue queue=data.queue.clone() total=data.queue_total/>
                        <FilterBar action="/admin/agents" filters/>
                        <DataTable page=data.page columns=columns() path="/admin/agents" keep=LIST_PARAMS empty=t(T::NoAgents)/>
                    }.into_any()
                }
                Err(e) => failure(e, "/admin/agents"),
            })}
        </Suspense>
    }
}

/// The highlighted queue: who has waited longest, with one tap to review.
#[component]
fn Queue(queue: Vec<AgentSummary>, total: i64) -> impl IntoView {
    view! {
        <section class="card mt-4 border-2 border-accent" aria-labelledby="queue-heading" data-testid="verification-queue">
            <h2 id="queue-heading" class="text-xl font-semibold">
                {t(T::Queue)} " " <span class="badge badge-verification-submitted" data-testid="queue-count">{total}</span>
            </h2>
            {if queue.is_empty() {
                view! { <p class="mt-2 text-muted">{t(T::QueueEmpty)}</p> }.into_any()
            } else {
                view! {
                    <ul class="mt-2 divide-y divide-line">
                        {queue.into_iter().map(|a| {
                            let when = a.verification_submitted_at.map(|d| fill(t(T::SubmittedOn), &[("date", &day(d) as &dyn std::fmt::Display)]));
                            view! {
                                <li class="flex flex-wrap items-center justify-between gap-2 py-2">
                                    <span class="min-w-0 break-words">
                                        <strong>{a.name()}</strong> " · " {a.agent_code.clone()}
                                        <span class="block text-sm text-muted">{when}</span>
                                    </span>
                                    <a class="btn btn-secondary" href=format!("/admin/agents/{}", a.agent_id)>{t(T::Review)}</a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {(total > 5).then(|| view! {
                        <a class="link tap mt-2 inline-flex" href="/admin/agents?verification_status=submitted">
                            {fill(t(T::QueueMore), &[("n", &total as &dyn std::fmt::Display)])}
                        </a>
                    })}
                }.into_any()
            }}
        </section>
    }
}

fn columns() -> Vec<Column<AgentSummary>> {
    vec![
        Column {
            header: t(T::Code),
            cell: |a| {
                view! { <a class="link font-medium" href=format!("/admin/agents/{}", a.agent_id)>{a.agent_code.clone()}</a> }.into_any()
            },
        },
        Column {
            header: t(T::Name),
            cell: |a| {
                view! { <span>{a.name()}<br/><span class="text-sm text-muted">{a.user.email.clone().unwrap_or_default()}</span></span> }.into_any()
            },
        },
        Column {
            header: t(T::Business),
            cell: |a| {
                view! { <span>{a.business_name.clone().unwrap_or_default()}<br/><span class="text-sm text-muted">{a.territory.clone().unwrap_or_default()}</span></span> }.into_any()
            },
        },
        Column {
            header: t(T::Provider),
            cell: |a| {
                view! { <span>{a.provider_name.clone().unwrap_or_default()}</span> }.into_any()
            },
        },
        Column {
            header: t(T::Status),
            cell: |a| {
                view! { <StateBadges status=a.status verification=a.verification_status/> }
                    .into_any()
            },
        },
        Column {
            header: t(T::Policies),
            cell: |a| {
                view! { <span>{crate::format::indian(a.total_policies_sold as i64)}</span> }
                    .into_any()
            },
        },
        Column {
            header: t(T::Premium),
            cell: |a| {
                view! { <span>{crate::format::rupees(a.total_premium_collected)}</span> }.into_any()
            },
        },
    ]
}
