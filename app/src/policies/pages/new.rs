//! `/policies/new`: the New Policy form (P9). The customer is one of the caller's
//! own (preselected with `?customer=`); the insurer is the agent's. On success
//! the draft opens; on failure every field keeps what was typed and says why.

use crate::policies::api::{new_policy_form, WritePolicy};
use crate::policies::text::{category_label, frequency_label, kind_label, t, T};
use crate::policies::types::{Category, Frequency, PremiumMode, POLICY_TYPES};
use crate::ui::feedback::{failure, Loading};
use crate::ui::forms::{action_error, FormAlert, SelectField, TextField};
use crate::ui::table::query_param;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NewPolicyPage() -> impl IntoView {
    let action = ServerAction::<WritePolicy>::new();
    let error = action_error(action);
    let form = Resource::new(|| (), |_| new_policy_form());
    view! {
        <Title text=t(T::NewPolicy)/>
        <h1 class="text-3xl font-bold">{t(T::NewPolicy)}</h1>
        <Suspense fallback=|| view! { <Loading height="h-96"/> }>
            {move || form.get().map(|r| match r {
                Ok(f) => {
                    let customers: Vec<(String, String)> = std::iter::once((String::new(), "—".to_owned()))
                        .chain(f.customers.iter().map(|(id, name)| (id.to_string(), name.clone())))
                        .collect();
                    let kinds = POLICY_TYPES.iter().map(|k| ((*k).to_owned(), kind_label(k))).collect();
                    let categories = Category::ALL.iter().map(|c| (c.as_str().to_owned(), category_label(*c).to_owned())).collect();
                    let frequencies = Frequency::ALL.iter().map(|q| (q.as_str().to_owned(), frequency_label(*q).to_owned())).collect();
                    let modes = PremiumMode::ALL.iter().map(|m| (m.as_str().to_owned(), kind_label(m.as_str()))).collect();
                    let today = f.today.to_string();
                    view! {
                        {f.provider.clone().map(|p| view! { <p class="text-muted mt-1">{t(T::Provider)} ": " {p}</p> })}
                        <ActionForm action attr:class="card mt-4 grid gap-4 sm:grid-cols-2 max-w-3xl" attr:novalidate="true" attr:data-testid="new-policy">
                            <div class="sm:col-span-2"><FormAlert error/></div>
                            <SelectField name="policyholder_id" label=t(T::Customer) options=customers chosen=query_param("customer").unwrap_or_default() error/>
                            <TextField name="policy_number" label=t(T::PolicyNumber) error hint=t(T::PolicyNumberHint) input_class="uppercase"/>
                            <SelectField name="policy_type" label=t(T::Kind) options=kinds error/>
                            <TextField name="plan_name" label=t(T::PlanName) error required=true/>
                            <TextField name="plan_code" label=t(T::PlanCode) error input_class="uppercase"/>
                            <SelectField name="category" label=t(T::CategoryLabel) options=categories error/>
                            <TextField name="sum_assured" label=t(T::SumAssured) error required=true/>
                            <TextField name="premium_amount" label=t(T::PremiumLabel) error required=true/>
                            <SelectField name="premium_frequency" label=t(T::Frequency) options=frequencies chosen="annual" error/>
                            <SelectField name="premium_mode" label=t(T::Mode) options=modes error/>
                            <TextField name="application_date" label=t(T::ApplicationDate) error input_type="date" value=today.clone() required=true/>
                            <TextField name="start_date" label=t(T::StartDate) error input_type="date" value=today required=true/>
                            <TextField name="maturity_date" label=t(T::MaturityDate) error input_type="date"/>
                            <TextField name="nominee_name" label=t(T::NomineeName) error/>
                            <TextField name="nominee_relationship" label=t(T::NomineeRelation) error/>
                            <TextField name="riders" label=t(T::Riders) error/>
                            <button type="submit" class="btn btn-primary self-end justify-self-start">{t(T::Write)}</button>
                        </ActionForm>
                    }.into_any()
                }
                Err(e) => failure(e, "/policies/new"),
            })}
        </Suspense>
    }
}
