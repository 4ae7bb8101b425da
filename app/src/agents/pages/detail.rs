//! `/admin/agents/{id}`: the agent's full profile, licence and documents, their
//! network, their history from the audit log, and the actions this caller may take
//! now (from the state machine and their permissions).

use super::{day, StateBadges};
use crate::agents::api::*;
use crate::agents::text::{t, T};
use crate::agents::types::*;
use crate::error::AppError;
use crate::ui::feedback::{failure, Loading};
use crate::ui::forms::{action_error, action_saved, FormAlert, SavedNotice, TextField};
use leptos::prelude::*;
use leptos_meta::Title;
use uuid::Uuid;

#[component]
pub fn AgentDetailPage() -> impl IntoView {
    let detail = crate::ui::route::record("Agent", load_agent);
    view! {
        <Suspense fallback=|| view! { <Loading height="h-96"/> }>
            {move || detail.get().map(|r| match r {
                Ok(d) => view! { <Detail d/> }.into_any(),
                Err(e) => failure(e, "/admin/agents"),
            })}
        </Suspense>
    }
}

#[component]
fn Detail(d: AgentDetail) -> impl IntoView {
    let approve = ServerAction::<ApproveAgent>::new();
    let reject = ServerAction::<RejectAgent>::new();
    let status = ServerAction::<ChangeAgentStatus>::new();
    let update = ServerAction::<UpdateAgent>::new();
    let errors = Signal::derive(move || {
        action_error(approve)
            .get()
            .or_else(|| action_error(reject).get())
            .or_else(|| action_error(status).get())
            .or_else(|| action_error(update).get())
    });
    let done = Signal::derive(move || {
        action_saved(approve).get()
            || action_saved(reject).get()
            || action_saved(status).get()
            || action_saved(update).get()
    });
    let p = d.profile.clone();
    let id = p.agent_id.to_string();
    let name = p.name();
    view! {
        <Title text=name.clone()/>
        <div class="flex flex-wrap items-center gap-3">
            <h1 class="text-3xl font-bold break-words" data-testid="agent-name">{name}</h1>
            <StateBadges status=p.status verification=p.verification_status/>
        </div>
        <p class="text-muted mt-1 break-words">
            {p.agent_code.clone()} " · " {p.business_name.clone().unwrap_or_default()} " · "
            {p.user_profile.phone_number.clone().unwrap_or_default()} " · " {p.user_profile.email.clone().unwrap_or_default()}
        </p>
        <div class="mt-4"><FormAlert error=errors/><SavedNotice saved=done message=t(T::Done)/></div>
        {(!d.steps.is_empty()).then(|| view! { <Actions steps=d.steps.clone() id=id.clone() approve reject status errors/> })}
        <div class="mt-4 grid gap-4 lg:grid-cols-2">
            <Facts p=p.clone()/>
            <Documents docs=d.documents.clone()/>
            <NetworkCard network=d.network.clone()/>
            <HistoryCard history=d.history.clone()/>
        </div>
        {d.may_edit.then(|| view! { <EditForm p=p.clone() providers=d.providers.clone() update errors/> })}
    }
}

#[component]
fn Actions(
    steps: Vec<Step>,
    id: String,
    approve: ServerAction<ApproveAgent>,
    reject: ServerAction<RejectAgent>,
    status: ServerAction<ChangeAgentStatus>,
    errors: Signal<Option<AppError>>,
) -> impl IntoView {
    let has = |s: Step| steps.contains(&s);
    let status_button = |step: Step, value: &'static str, label: T, class: &'static str| {
        let id = id.clone();
        has(step).then(move || {
            view! {
                <ActionForm action=status attr:class="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="agent_id" value=id/>
                    <input type="hidden" name="status" value=value/>
                    <input type="hidden" name="reason" value=""/>
                    <button type="submit" class=class>{t(label)}</button>
                </ActionForm>
            }
        })
    };
    view! {
        <section class="card mt-4 border-2 border-accent" aria-labelledby="actions-heading" data-testid="agent-actions">
            <h2 id="actions-heading" class="text-xl font-semibold">{t(T::Actions)}</h2>
            <div class="mt-3 flex flex-col gap-4">
                {has(Step::Approve).then(|| { let id = id.clone(); view! {
                    <ActionForm action=approve>
                        <input type="hidden" name="agent_id" value=id/>
                        <button type="submit" class="btn btn-primary">{t(T::Approve)}</button>
                    </ActionForm>
                }})}
                {has(Step::Reject).then(|| { let id = id.clone(); view! {
                    <ActionForm action=reject attr:class="flex flex-col gap-2 max-w-xl" attr:novalidate="true">
                        <input type="hidden" name="agent_id" value=id/>
                        <label for="reason" class="font-medium">{t(T::RejectReason)}</label>
                        <textarea id="reason" name="reason" class="input min-h-24" maxlength="1000"
                            aria-describedby="reason-error">{crate::flash::typed("reason")}</textarea>
                        <crate::ui::forms::FieldError id="reason-error" name="reason" error=errors/>
                        <button type="submit" class="btn btn-danger self-start">{t(T::Reject)}</button>
                    </ActionForm>
                }})}
                <div class="flex flex-wrap gap-3">
                    {status_button(Step::Suspend, "suspended", T::Suspend, "btn btn-danger")}
                    {status_button(Step::Deactivate, "inactive", T::Deactivate, "btn btn-secondary")}
                    {status_button(Step::Reactivate, "active", T::Reactivate, "btn btn-primary")}
                </div>
            </div>
        </section>
    }
}

#[component]
fn Facts(p: AgentProfile) -> impl IntoView {
    let row = |label: T, value: Option<String>| {
        view! {
            <div class="py-2 sm:grid sm:grid-cols-3 sm:gap-2">
                <dt class="font-medium text-muted">{t(label)}</dt>
                <dd class="sm:col-span-2 break-words">{value.unwrap_or_else(|| "—".to_owned())}</dd>
            </div>
        }
    };
    let rate = p
        .commission_rate
        .map(|r| format!("{} %", crate::format::hundredths(r as f32)));
    view! {
        <section class="card" aria-labelledby="facts-heading">
            <h2 id="facts-heading" class="text-xl font-semibold">{t(T::Verification)}</h2>
            {p.rejection_reason.clone().map(|r| view! {
                <p class="mt-2 rounded-btn border border-danger px-3 py-2" data-testid="rejection-reason">{t(T::RejectedNote)} " " {r}</p>
            })}
            <dl class="mt-2 divide-y divide-line">
                {row(T::Provider, p.provider_name.clone())}
                {row(T::CommissionRate, rate)}
                {row(T::Territory, p.territory.clone())}
                {row(T::Licence, p.license_number.clone())}
                {row(T::LicenceExpiry, p.license_expiry_date.map(|d| d.to_string()))}
                {row(T::Authority, p.license_issuing_authority.clone())}
                {row(T::Experience, p.experience_years.map(|y| y.to_string()))}
                {row(T::Policies, Some(crate::format::indian(p.total_policies_sold as i64)))}
                {row(T::Premium, Some(crate::format::rupees(p.total_premium_collected)))}
            </dl>
        </section>
    }
}

#[component]
pub fn Documents(docs: Vec<AgentDocument>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="docs-heading" data-testid="agent-documents">
            <h2 id="docs-heading" class="text-xl font-semibold">{t(T::Documents)}</h2>
            {if docs.is_empty() {
                view! { <p class="mt-2 text-muted">{t(T::NoDocuments)}</p> }.into_any()
            } else {
                view! {
                    <ul class="mt-2 divide-y divide-line">
                        {docs.into_iter().map(|doc| view! {
                            <li class="py-2 flex flex-wrap justify-between gap-2">
                                <a class="link tap break-all" href=doc.url() rel="external" target="_blank">{doc.file_name.clone()}</a>
                                <span class="text-sm text-muted">{crate::format::bytes(doc.size_bytes as u64)} " · " {day(doc.uploaded_at)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn NetworkCard(network: Hierarchy) -> impl IntoView {
    let link = |a: &NetworkAgent| {
        view! {
            <a class="link tap" href=format!("/admin/agents/{}", a.agent_id)>
                {a.agent_code.clone()} " · " {a.business_name.clone().unwrap_or_default()}
            </a>
        }
    };
    view! {
        <section class="card" aria-labelledby="network-heading" data-testid="agent-network">
            <h2 id="network-heading" class="text-xl font-semibold">{t(T::Network)}</h2>
            <h3 class="mt-2 font-medium">{t(T::ReportsTo)}</h3>
            {match &network.parent_agent {
                Some(parent) => link(parent).into_any(),
                None => view! { <p class="text-muted">{t(T::NobodyAbove)}</p> }.into_any(),
            }}
            <h3 class="mt-3 font-medium">{t(T::SubAgents)}</h3>
            {if network.sub_agents.is_empty() {
                view! { <p class="text-muted">{t(T::NoSubAgents)}</p> }.into_any()
            } else {
                view! { <ul>{network.sub_agents.iter().map(|a| view! { <li>{link(a)}</li> }).collect_view()}</ul> }.into_any()
            }}
        </section>
    }
}

#[component]
fn HistoryCard(history: Vec<HistoryEntry>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="history-heading" data-testid="agent-history">
            <h2 id="history-heading" class="text-xl font-semibold">{t(T::History)}</h2>
            {if history.is_empty() {
                view! { <p class="mt-2 text-muted">{t(T::NoHistory)}</p> }.into_any()
            } else {
                view! {
                    <ol class="mt-2 divide-y divide-line">
                        {history.into_iter().map(|h| {
                            let reason = h.details.get("reason").and_then(|r| r.as_str()).map(str::to_owned);
                            view! {
                                <li class="py-2">
                                    <span class="font-medium">{crate::agents::text::event_label(&h.event_type)}</span>
                                    <span class="text-sm text-muted">" · " {day(h.created_at)} " · " {h.actor_name.clone().unwrap_or_default()}</span>
                                    {reason.map(|r| view! { <span class="block text-sm">{r}</span> })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn EditForm(
    p: AgentProfile,
    providers: Vec<(Uuid, String)>,
    update: ServerAction<UpdateAgent>,
    errors: Signal<Option<AppError>>,
) -> impl IntoView {
    let current = p.provider_id;
    let rate = p
        .commission_rate
        .map(|r| crate::format::hundredths(r as f32))
        .unwrap_or_default();
    view! {
        <section class="card mt-4" aria-labelledby="edit-heading">
            <h2 id="edit-heading" class="text-xl font-semibold">{t(T::EditCommercial)}</h2>
            <ActionForm action=update attr:class="mt-3 grid gap-4 sm:grid-cols-2" attr:novalidate="true">
                <input type="hidden" name="agent_id" value=p.agent_id.to_string()/>
                <div class="flex flex-col gap-1">
                    <label for="provider_id" class="font-medium">{t(T::Provider)}</label>
                    <select id="provider_id" name="provider_id" class="input">
                        <option value="">{t(T::KeepProvider)}</option>
                        {providers.into_iter().map(|(id, name)| {
                            let selected = current == Some(id);
                            view! { <option value=id.to_string() selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <TextField name="commission_rate" label=t(T::CommissionRate) error=errors value=rate/>
                <TextField name="territory" label=t(T::Territory) error=errors value=p.territory.clone().unwrap_or_default()/>
                <TextField name="parent_agent_code" label=t(T::ParentCode) error=errors hint=t(T::ParentEditHint)/>
                <button type="submit" class="btn btn-primary self-start">{t(T::Save)}</button>
            </ActionForm>
        </section>
    }
}
