//! `/admin/agents/new`: the "Register agent" form. On success the new agent's page
//! opens; on failure every field keeps what was typed and says what is wrong.

use crate::agents::api::{new_agent_form, RegisterAgent};
use crate::agents::text::{agent_role_label, t, T};
use crate::agents::types::AGENT_ROLES;
use crate::i18n::Msg;
use crate::ui::feedback::{failure, Loading};
use crate::ui::forms::{action_error, FieldError, FormAlert, TextField};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn RegisterAgentPage() -> impl IntoView {
    let action = ServerAction::<RegisterAgent>::new();
    let error = action_error(action);
    let providers = Resource::new(|| (), |_| new_agent_form());
    let typed = |name: &str| crate::flash::typed(name).unwrap_or_default();
    view! {
        <Title text=t(T::RegisterAgent)/>
        <h1 class="text-3xl font-bold">{t(T::RegisterAgent)}</h1>
        <Suspense fallback=|| view! { <Loading height="h-96"/> }>
            {move || providers.get().map(|r| match r {
                Ok(providers) => {
                    let (chosen_provider, chosen_role) = (typed("provider_id"), typed("role"));
                    view! {
                        <ActionForm action=action attr:class="card mt-4 grid gap-4 sm:grid-cols-2 max-w-3xl" attr:novalidate="true" attr:data-testid="register-agent">
                            <div class="sm:col-span-2"><FormAlert error/></div>
                            <TextField name="first_name" label=t(T::FirstName) error required=true/>
                            <TextField name="last_name" label=t(T::LastName) error required=true/>
                            <TextField name="phone_number" label=t(Msg::MobileNumber) error input_type="tel" prefix="+91" required=true/>
                            <TextField name="email" label=t(T::Email) error input_type="email"/>
                            <TextField name="agent_code" label=t(T::AgentCode) error input_class="uppercase" required=true hint=t(T::AgentCodeRule)/>
                            <div class="flex flex-col gap-1">
                                <label for="role" class="font-medium">{t(T::Role)}</label>
                                <select id="role" name="role" class="input">
                                    {AGENT_ROLES.into_iter().map(|r| {
                                        let selected = chosen_role == r.as_str();
                                        view! { <option value=r.as_str() selected=selected>{agent_role_label(r)}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="flex flex-col gap-1">
                                <label for="provider_id" class="font-medium">{t(T::Provider)}</label>
                                <select id="provider_id" name="provider_id" class="input" aria-describedby="provider_id-error">
                                    {providers.into_iter().map(|(id, name)| {
                                        let id = id.to_string();
                                        let selected = chosen_provider == id;
                                        view! { <option value=id selected=selected>{name}</option> }
                                    }).collect_view()}
                                </select>
                                <FieldError id="provider_id-error" name="provider_id" error/>
                            </div>
                            <TextField name="territory" label=t(T::Territory) error/>
                            <TextField name="commission_rate" label=t(T::CommissionRate) error input_type="text"/>
                            <TextField name="parent_agent_code" label=t(T::ParentCode) error hint=t(T::ParentHint)/>
                            <TextField name="password" label=t(Msg::Password) error input_type="password" autocomplete="new-password" hint=t(T::PasswordHint)/>
                            <button type="submit" class="btn btn-primary self-end justify-self-start">{t(T::Register)}</button>
                        </ActionForm>
                    }.into_any()
                }
                Err(e) => failure(e, "/admin/agents/new"),
            })}
        </Suspense>
    }
}
