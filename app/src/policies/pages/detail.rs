//! `/policies/{id}` (P10): the policy, its holder, agent, insurer and coverage,
//! the premium history and reminders, and the steps this caller may take now
//! (submit, approve, activate, cancel with a confirmation; record a premium).

use super::{date, row, StatusBadge};
use crate::error::AppError;
use crate::policies::api::*;
use crate::policies::text::{category_label, frequency_label, kind_label, method_label, t, T};
use crate::policies::types::*;
use crate::ui::feedback::{failure, Loading};
use crate::ui::forms::{action_error, action_saved, FormAlert, SavedNotice, TextField};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PolicyDetailPage() -> impl IntoView {
    let detail = crate::ui::route::record("Policy", load_policy);
    view! {
        <Suspense fallback=|| view! { <Loading height="h-96"/> }>
            {move || detail.get().map(|r| match r {
                Ok(d) => view! { <Detail d/> }.into_any(),
                Err(e) => failure(e, "/policies"),
            })}
        </Suspense>
    }
}

#[component]
fn Detail(d: PolicyDetail) -> impl IntoView {
    let step = ServerAction::<TakePolicyStep>::new();
    let premium = ServerAction::<RecordPremium>::new();
    let errors = Signal::derive(move || {
        action_error(step)
            .get()
            .or_else(|| action_error(premium).get())
    });
    let done = Signal::derive(move || action_saved(step).get() || action_saved(premium).get());
    let p = d.line.policy.clone();
    let id = p.policy_id.to_string();
    view! {
        <Title text=p.policy_number.clone()/>
        <div class="flex flex-wrap items-center gap-3">
            <h1 class="text-3xl font-bold break-words" data-testid="policy-number">{p.policy_number.clone()}</h1>
            <StatusBadge status=p.status/>
        </div>
        <p class="text-muted mt-1 break-words" data-testid="policy-standing">
            {p.plan_name.clone()} {d.line.standing.clone().map(|s| format!(" · {s}"))}
        </p>
        <div class="mt-4"><FormAlert error=errors/><SavedNotice saved=done message=t(T::Done)/></div>
        {(!d.steps.is_empty()).then(|| view! { <Steps steps=d.steps.clone() id=id.clone() step/> })}
        <div class="mt-4 grid gap-4 lg:grid-cols-2">
            <section class="card" aria-labelledby="basics">
                <h2 id="basics" class="text-xl font-semibold">{t(T::Basics)}</h2>
                <dl class="mt-2 divide-y divide-line">
                    {row(t(T::Kind), Some(kind_label(&p.policy_type)))}
                    {row(t(T::CategoryLabel), Some(category_label(p.category).to_owned()))}
                    {row(t(T::PlanCode), p.plan_code.clone())}
                    {row(t(T::SumAssured), Some(p.sum_assured.label()))}
                    {row(t(T::PremiumLabel), Some(format!("{} · {}", p.premium_amount.label(), frequency_label(p.premium_frequency))))}
                    {row(t(T::ApplicationDate), Some(date(p.application_date)))}
                    {row(t(T::StartDate), Some(date(p.start_date)))}
                    {row(t(T::MaturityDate), p.maturity_date.map(date))}
                    {row(t(T::NextDue), p.next_payment_date.map(date))}
                    {row(t(T::PaymentStatus), Some(p.payment_status.clone()))}
                    {row(t(T::Outstanding), Some(p.outstanding_amount.label()))}
                </dl>
            </section>
            <section class="card" aria-labelledby="parties">
                <h2 id="parties" class="text-xl font-semibold">{t(T::Holder)}</h2>
                <dl class="mt-2 divide-y divide-line">
                    {row(t(T::Customer), Some(p.policyholder_info.full_name.clone()))}
                    {row(crate::i18n::t(crate::i18n::Msg::MobileNumber), p.policyholder_info.phone_number.clone())}
                    {row(t(T::NomineeName), p.nominee_details.as_ref().and_then(|n| n.get("name")).and_then(|n| n.as_str()).map(str::to_owned))}
                    {row(t(T::Agent), Some(format!("{} · {}", p.agent_info.full_name, p.agent_info.agent_code)))}
                    {row(t(T::Provider), Some(p.provider_info.provider_name.clone()))}
                </dl>
                <h3 class="mt-4 font-semibold">{t(T::Coverage)}</h3>
                {let riders = p.riders(); if riders.is_empty() {
                    view! { <p class="text-muted">{t(T::NoRiders)}</p> }.into_any()
                } else {
                    view! { <ul class="list-disc ps-6">{riders.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul> }.into_any()
                }}
                <h3 class="mt-4 font-semibold">{t(T::Claims)}</h3>
                <p class="text-muted">{t(T::NoClaims)}</p>
            </section>
        </div>
        {d.may_record.then(|| view! { <PremiumForm id=id.clone() premium errors/> })}
        <History premiums=d.premiums.clone()/>
        <Reminders reminders=d.reminders.clone()/>
    }
}

#[component]
fn Steps(steps: Vec<PolicyStep>, id: String, step: ServerAction<TakePolicyStep>) -> impl IntoView {
    let button = move |s: PolicyStep| {
        let (label, class) = match s {
            PolicyStep::Submit => (T::Submit, "btn btn-primary"),
            PolicyStep::Approve => (T::Approve, "btn btn-primary"),
            PolicyStep::Activate => (T::Activate, "btn btn-primary"),
            _ => (T::Cancel, "btn btn-danger"),
        };
        let id = id.clone();
        let form = view! {
            <ActionForm action=step>
                <input type="hidden" name="policy_id" value=id/>
                <input type="hidden" name="step" value=s.as_str()/>
                <button type="submit" class=class data-testid=format!("step-{}", s.as_str())>{t(label)}</button>
            </ActionForm>
        };
        if s == PolicyStep::Cancel {
            // A plain-HTML confirmation: the summary asks, the form inside does it.
            view! {
                <details class="confirm">
                    <summary class="btn btn-secondary">{t(T::Cancel)}</summary>
                    <div class="mt-2 card border-danger"><p>{t(T::CancelConfirm)}</p><div class="mt-2">{form}</div></div>
                </details>
            }.into_any()
        } else {
            form.into_any()
        }
    };
    view! {
        <section class="card mt-4 border-2 border-accent" aria-labelledby="actions" data-testid="policy-actions">
            <h2 id="actions" class="text-xl font-semibold">{t(T::Actions)}</h2>
            <div class="mt-3 flex flex-wrap gap-3 items-start">{steps.into_iter().map(button).collect_view()}</div>
        </section>
    }
}

#[component]
fn PremiumForm(
    id: String,
    premium: ServerAction<RecordPremium>,
    errors: Signal<Option<AppError>>,
) -> impl IntoView {
    let chosen = crate::flash::typed("payment_method").unwrap_or_else(|| "cash".into());
    view! {
        <section class="card mt-4" aria-labelledby="record">
            <h2 id="record" class="text-xl font-semibold">{t(T::RecordPremium)}</h2>
            <ActionForm action=premium attr:class="mt-3 grid gap-4 sm:grid-cols-2" attr:novalidate="true" attr:data-testid="premium-form">
                <input type="hidden" name="policy_id" value=id/>
                <TextField name="amount" label=t(T::Amount) error=errors input_type="text" required=true/>
                <TextField name="payment_date" label=t(T::PaidOn) error=errors input_type="date"/>
                <div class="flex flex-col gap-1">
                    <label for="payment_method" class="font-medium">{t(T::Method)}</label>
                    <select id="payment_method" name="payment_method" class="input">
                        {PaymentMethod::ALL.iter().map(|m| {
                            let selected = chosen == m.as_str();
                            view! { <option value=m.as_str() selected=selected>{method_label(*m)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <TextField name="reference" label=t(T::Receipt) error=errors required=true/>
                <button type="submit" class="btn btn-primary self-end justify-self-start">{t(T::Record)}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub(super) fn History(premiums: Vec<Premium>) -> impl IntoView {
    view! {
        <section class="card mt-4" aria-labelledby="history" data-testid="premium-history">
            <h2 id="history" class="text-xl font-semibold">{t(T::PremiumHistory)}</h2>
            {if premiums.is_empty() {
                view! { <p class="mt-2 text-muted">{t(T::NoPremiums)}</p> }.into_any()
            } else {
                view! {
                    <div class="mt-2 overflow-x-auto">
                        <table class="w-full text-left">
                            <thead class="text-sm text-muted"><tr>
                                <th scope="col" class="p-2">{t(T::PaidOn)}</th>
                                <th scope="col" class="p-2">{t(T::DueDate)}</th>
                                <th scope="col" class="p-2">{t(T::Amount)}</th>
                                <th scope="col" class="p-2">{t(T::Method)}</th>
                                <th scope="col" class="p-2">{t(T::Receipt)}</th>
                            </tr></thead>
                            <tbody>
                                {premiums.into_iter().map(|p| view! {
                                    <tr class="border-t border-line">
                                        <td class="p-2 whitespace-nowrap">{crate::agents::pages::day(p.payment_date)}</td>
                                        <td class="p-2 whitespace-nowrap">{p.due_date.map(super::date).unwrap_or_default()}</td>
                                        <td class="p-2 whitespace-nowrap">{p.amount.label()} {(p.status != "completed").then(|| format!(" ({})", p.status))}</td>
                                        <td class="p-2">{p.payment_method.as_deref().and_then(PaymentMethod::parse).map(method_label).unwrap_or_default()}</td>
                                        <td class="p-2 break-all">{p.transaction_id.clone().unwrap_or_default()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

#[component]
pub(super) fn Reminders(reminders: Vec<Reminder>) -> impl IntoView {
    view! {
        <section class="card mt-4" aria-labelledby="reminders" data-testid="reminders">
            <h2 id="reminders" class="text-xl font-semibold">{t(T::Reminders)}</h2>
            {if reminders.is_empty() {
                view! { <p class="mt-2 text-muted">{t(T::NoReminders)}</p> }.into_any()
            } else {
                view! {
                    <ul class="mt-2 divide-y divide-line">
                        {reminders.into_iter().map(|r| view! {
                            <li class="py-2">
                                <span class="font-medium">{match r.channel { Channel::Sms => "SMS", Channel::Whatsapp => "WhatsApp" }}</span>
                                " · " {r.policy_number.clone()} " · " {crate::format::ist_time(r.sent_at)}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
