//! `/agent/customers/{id}`: a customer's profile, their policies with where each
//! premium stands, the premium history, the reminders sent to them, and for an
//! admin the form that moves them (and their policies) to another agent.

use crate::customers::api::{load_customer, CustomerDetail, MoveCustomer};
use crate::customers::text::{band_label, t, T};
use crate::ui::feedback::{failure, Loading};
use crate::ui::forms::{action_error, action_saved, FormAlert, SavedNotice};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn CustomerDetailPage() -> impl IntoView {
    let detail = crate::ui::route::record("Policyholder", load_customer);
    view! {
        <Suspense fallback=|| view! { <Loading height="h-96"/> }>
            {move || detail.get().map(|r| match r {
                Ok(d) => view! { <Detail d/> }.into_any(),
                Err(e) => failure(e, "/agent/customers"),
            })}
        </Suspense>
    }
}

fn row(label: &'static str, value: Option<String>) -> impl IntoView {
    view! {
        <div class="py-2 sm:grid sm:grid-cols-3 sm:gap-2">
            <dt class="font-medium text-muted">{label}</dt>
            <dd class="sm:col-span-2 break-words">{value.unwrap_or_else(|| "—".to_owned())}</dd>
        </div>
    }
}

#[component]
fn Detail(d: CustomerDetail) -> impl IntoView {
    let mover = ServerAction::<MoveCustomer>::new();
    let errors = action_error(mover);
    let saved = action_saved(mover);
    let c = d.customer.clone();
    let id = c.policyholder_id;
    let nominee = c
        .nominee_details
        .as_ref()
        .and_then(|n| n.get("name"))
        .and_then(|n| n.as_str())
        .map(str::to_owned);
    view! {
        <Title text=c.addressed()/>
        <div class="flex flex-wrap items-center justify-between gap-3">
            <h1 class="text-3xl font-bold break-words" data-testid="customer-name">{c.addressed()}</h1>
            {d.may_write.then(|| view! {
                <a class="btn btn-primary" href=format!("/policies/new?customer={id}")>{t(T::NewPolicy)}</a>
            })}
        </div>
        <div class="mt-4"><FormAlert error=errors/><SavedNotice saved message=crate::policies::text::t(crate::policies::text::T::Done)/></div>
        <section class="card mt-4" aria-labelledby="profile">
            <h2 id="profile" class="text-xl font-semibold">{t(T::Profile)}</h2>
            <dl class="mt-2 divide-y divide-line">
                {row(t(T::Phone), c.user_info.phone_number.clone())}
                {row(crate::users::text::t(crate::users::text::T::Email), c.user_info.email.clone())}
                {row(t(T::CustomerId), c.customer_id.clone())}
                {row(t(T::Occupation), c.occupation.clone())}
                {row(t(T::IncomeBand), c.income_band.map(|b| band_label(b).to_owned()))}
                {row(t(T::Language), crate::i18n::Lang::from_code(&c.preferred_language).map(|l| l.native_name().to_owned()))}
                {row(t(T::NomineeName), nominee)}
                {row(t(T::Agent), c.agent_code.clone())}
            </dl>
        </section>
        <section class="card mt-4" aria-labelledby="policies" data-testid="customer-policies">
            <h2 id="policies" class="text-xl font-semibold">{t(T::Policies)}</h2>
            <ul class="mt-2 divide-y divide-line">
                {d.policies.iter().map(|l| view! {
                    <li class="py-2 flex flex-wrap justify-between gap-2">
                        <a class="link tap" href=format!("/policies/{}", l.policy.policy_id)>{l.policy.policy_number.clone()} " · " {l.policy.plan_name.clone()}</a>
                        <span class="text-sm">{l.standing.clone().unwrap_or_else(|| crate::policies::text::status_label(l.policy.status).to_owned())}</span>
                    </li>
                }).collect_view()}
            </ul>
        </section>
        {crate::policies::pages::history(d.premiums.clone())}
        {crate::policies::pages::reminders(d.reminders.clone())}
        {(!d.agents.is_empty()).then(|| view! {
            <section class="card mt-4" aria-labelledby="move">
                <h2 id="move" class="text-xl font-semibold">{t(T::MoveTo)}</h2>
                <ActionForm action=mover attr:class="mt-3 flex flex-wrap items-end gap-3">
                    <input type="hidden" name="policyholder_id" value=id.to_string()/>
                    <div class="flex flex-col gap-1 min-w-0">
                        <label for="agent_id" class="font-medium">{t(T::Agent)}</label>
                        <select id="agent_id" name="agent_id" class="input">
                            {d.agents.iter().map(|(agent, label)| {
                                let selected = c.agent_id == Some(*agent);
                                view! { <option value=agent.to_string() selected=selected>{label.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <button type="submit" class="btn btn-secondary">{t(T::Move)}</button>
                </ActionForm>
            </section>
        })}
    }
}
