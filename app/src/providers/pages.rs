//! Provider pages: the catalogue (`/admin/providers`), a provider with its linked
//! agents (`/admin/providers/{id}`), and the one form that creates and edits.
//! Secrets are write-only: the form says whether one is set, never what it is.

use crate::agents::types::AgentSummary;
use crate::error::AppError;
use crate::i18n::Msg;
use crate::paging::{Page, Total};
use crate::providers::api::*;
use crate::providers::text::{t, T};
use crate::providers::types::*;
use crate::ui::feedback::{failure, Loading};
use crate::ui::forms::{action_error, action_saved, FormAlert, SavedNotice, TextField};
use crate::ui::table::{query_param, Column, DataTable, Filter, FilterBar};
use leptos::prelude::*;
use leptos_meta::Title;

pub fn type_label(k: ProviderType) -> &'static str {
    t(match k {
        ProviderType::Life => T::Life,
        ProviderType::Health => T::Health,
        ProviderType::General => T::General,
    })
}

pub fn status_label(s: ProviderStatus) -> &'static str {
    t(match s {
        ProviderStatus::Active => T::Active,
        ProviderStatus::Inactive => T::Inactive,
        ProviderStatus::Suspended => T::Suspended,
        ProviderStatus::UnderMaintenance => T::Maintenance,
    })
}

#[component]
pub fn ProvidersPage() -> impl IntoView {
    let data = Resource::new(
        move || {
            (
                query_param("search"),
                query_param("status"),
                query_param("provider_type"),
            )
        },
        |(q, s, k)| list_providers(q, s, k),
    );
    let filters = vec![
        Filter::Text {
            name: "search",
            label: t(Msg::Search),
            placeholder: t(T::SearchHint),
        },
        Filter::Select {
            name: "provider_type",
            label: t(T::Type),
            any: Some(t(T::AllTypes)),
            options: ProviderType::ALL
                .iter()
                .map(|k| (k.as_str().to_owned(), type_label(*k).to_owned()))
                .collect(),
        },
        Filter::Select {
            name: "status",
            label: t(T::Status),
            any: Some(t(T::AllStatuses)),
            options: ProviderStatus::ALL
                .iter()
                .map(|s| (s.as_str().to_owned(), status_label(*s).to_owned()))
                .collect(),
        },
    ];
    view! {
        <Title text=t(T::Providers)/>
        <Suspense fallback=|| view! { <Loading height="h-96"/> }>
            {move || data.get().map(|r| match r {
                Ok(d) => {
                    let count = d.providers.len() as i64;
                    let page = Page { items: d.providers, next: None, total: Total::capped(count), limit: count.max(1) };
                    view! {
                        <div class="flex flex-wrap items-center justify-between gap-3">
                            <h1 class="text-3xl font-bold">{t(T::Providers)}</h1>
                            {d.may_create.then(|| view! { <a href="/admin/providers/new" class="btn btn-primary">{t(T::AddProvider)}</a> })}
                        </div>
                        <FilterBar action="/admin/providers" filters=filters.clone()/>
                        <DataTable page columns=columns() path="/admin/providers" keep=&["search", "status", "provider_type"] empty=t(T::NoProviders)/>
                    }.into_any()
                }
                Err(e) => failure(e, "/admin/providers"),
            })}
        </Suspense>
    }
}

fn columns() -> Vec<Column<Provider>> {
    vec![
        Column {
            header: t(T::Code),
            cell: |p| {
                view! { <a class="link font-medium" href=format!("/admin/providers/{}", p.provider_id)>{p.provider_code.clone()}</a> }.into_any()
            },
        },
        Column {
            header: t(T::Name),
            cell: |p| view! { <span>{p.provider_name.clone()}</span> }.into_any(),
        },
        Column {
            header: t(T::Type),
            cell: |p| view! { <span>{type_label(p.provider_type)}</span> }.into_any(),
        },
        Column {
            header: t(T::Status),
            cell: |p| {
                view! { <span class=format!("badge badge-provider-{}", p.status)>{status_label(p.status)}</span> }.into_any()
            },
        },
        Column {
            header: t(T::Agents),
            cell: |p| view! { <span>{crate::format::indian(p.agent_count)}</span> }.into_any(),
        },
    ]
}

#[component]
pub fn ProviderPage() -> impl IntoView {
    let id = crate::ui::route::path_id();
    let data = Resource::new(
        move || (id(), query_param("cursor")),
        |(id, cursor)| async move {
            match id {
                Some(id) => load_provider(id, cursor).await,
                None => Err(AppError::not_found("Insurance provider")),
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <Loading height="h-96"/> }>
            {move || data.get().map(|r| match r {
                Ok(d) => view! { <ProviderView d/> }.into_any(),
                Err(e) => failure(e, "/admin/providers"),
            })}
        </Suspense>
    }
}

#[component]
fn ProviderView(d: ProviderPage) -> impl IntoView {
    let p = d.provider.clone();
    let deactivate = ServerAction::<DeactivateProvider>::new();
    let path = format!("/admin/providers/{}", p.provider_id);
    view! {
        <Title text=p.provider_name.clone()/>
        <div class="flex flex-wrap items-center gap-3">
            <h1 class="text-3xl font-bold break-words">{p.provider_name.clone()}</h1>
            <span class=format!("badge badge-provider-{}", p.status) data-testid="provider-status">{status_label(p.status)}</span>
        </div>
        <p class="text-muted mt-1">{p.provider_code.clone()} " · " {type_label(p.provider_type)} " · " {p.headquarters_text()}</p>
        <SavedNotice saved=action_saved(deactivate) message=t(T::Saved)/>
        {p.description.clone().map(|text| view! { <p class="mt-3 max-w-3xl">{text}</p> })}
        {d.may_edit.then(|| view! { <ProviderForm existing=Some(p.clone())/> })}
        {(d.may_deactivate && p.status != ProviderStatus::Inactive).then(|| view! {
            <details class="confirm card mt-4">
                <summary class="btn btn-secondary">{t(T::Deactivate)}</summary>
                <ActionForm action=deactivate attr:class="mt-3">
                    <input type="hidden" name="provider_id" value=p.provider_id.to_string()/>
                    <button type="submit" class="btn btn-danger">{t(T::DeactivateConfirm)}</button>
                </ActionForm>
            </details>
        })}
        {d.agents.map(|page: Page<AgentSummary>| view! {
            <h2 class="mt-6 text-xl font-semibold">{t(T::LinkedAgents)}</h2>
            <DataTable page columns=linked_columns() path=path keep=&[] empty=t(T::NoLinkedAgents)/>
        })}
    }
}

fn linked_columns() -> Vec<Column<AgentSummary>> {
    vec![
        Column {
            header: t(T::Code),
            cell: |a| {
                view! { <a class="link font-medium" href=format!("/admin/agents/{}", a.agent_id)>{a.agent_code.clone()}</a> }.into_any()
            },
        },
        Column {
            header: t(T::Name),
            cell: |a| view! { <span>{a.name()}</span> }.into_any(),
        },
        Column {
            header: t(T::Status),
            cell: |a| {
                view! { <crate::agents::pages::StateBadges status=a.status verification=a.verification_status/> }.into_any()
            },
        },
    ]
}

#[component]
pub fn NewProviderPage() -> impl IntoView {
    view! {
        <Title text=t(T::AddProvider)/>
        <h1 class="text-3xl font-bold">{t(T::AddProvider)}</h1>
        <ProviderForm existing=None/>
    }
}

/// Creates (no `existing`) or edits a provider.
#[component]
fn ProviderForm(existing: Option<Provider>) -> impl IntoView {
    let save = ServerAction::<SaveProvider>::new();
    let error = action_error(save);
    let e = existing.as_ref();
    let v = |f: fn(&Provider) -> Option<String>| e.and_then(f).unwrap_or_default();
    let hq = |k: &str| {
        e.and_then(|p| p.headquarters.as_ref()?.get(k)?.as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    let json = |f: fn(&Provider) -> Option<serde_json::Value>| {
        e.and_then(f).map(|v| v.to_string()).unwrap_or_default()
    };
    let name = v(|p| Some(p.provider_name.clone()));
    let description = v(|p| p.description.clone());
    let licence = v(|p| p.license_number.clone());
    let regulator = v(|p| p.regulatory_authority.clone());
    let year = v(|p| p.established_year.map(|y| y.to_string()));
    let (city, state) = (hq("city"), hq("state"));
    let languages = v(|p| Some(p.supported_languages.join(", ")));
    let regions = v(|p| Some(p.service_regions.join(", ")));
    let hours = json(|p| p.business_hours.clone());
    let commission = json(|p| p.commission_structure.clone());
    let api = v(|p| p.api_endpoint.clone());
    let webhook = v(|p| p.webhook_url.clone());
    let id = v(|p| Some(p.provider_id.to_string()));
    let kind = existing.as_ref().map(|p| p.provider_type);
    let status = existing.as_ref().map(|p| p.status);
    let creating = existing.is_none();
    let secret_note = |set: bool| {
        if set {
            t(T::SecretSet)
        } else {
            t(T::SecretUnset)
        }
    };
    let (has_creds, has_secret) = existing.as_ref().map_or((false, false), |p| {
        (p.has_api_credentials, p.has_webhook_secret)
    });
    view! {
        <section class="card mt-4" aria-labelledby="provider-form-heading">
            <h2 id="provider-form-heading" class="text-xl font-semibold">{if creating { t(T::AddProvider) } else { t(T::Edit) }}</h2>
            <ActionForm action=save attr:class="mt-3 grid gap-4 sm:grid-cols-2" attr:novalidate="true" attr:data-testid="provider-form">
                <div class="sm:col-span-2"><FormAlert error/><SavedNotice saved=action_saved(save) message=t(T::Saved)/></div>
                <input type="hidden" name="provider_id" value=id/>
                {if creating {
                    view! { <TextField name="provider_code" label=t(T::Code) error input_class="uppercase" required=true hint=t(T::CodeRule)/> }.into_any()
                } else {
                    view! { <input type="hidden" name="provider_code" value=""/> }.into_any()
                }}
                <TextField name="provider_name" label=t(T::Name) error value=name required=true/>
                <div class="flex flex-col gap-1">
                    <label for="provider_type" class="font-medium">{t(T::Type)}</label>
                    <select id="provider_type" name="provider_type" class="input">
                        {ProviderType::ALL.iter().map(|k| view! { <option value=k.as_str() selected={kind == Some(*k)}>{type_label(*k)}</option> }).collect_view()}
                    </select>
                </div>
                {(!creating).then(|| view! {
                    <div class="flex flex-col gap-1">
                        <label for="status" class="font-medium">{t(T::Status)}</label>
                        <select id="status" name="status" class="input">
                            {ProviderStatus::ALL.iter().map(|s| view! { <option value=s.as_str() selected={status == Some(*s)}>{status_label(*s)}</option> }).collect_view()}
                        </select>
                    </div>
                })}
                {creating.then(|| view! { <input type="hidden" name="status" value=""/> })}
                <TextField name="description" label=t(T::Description) error value=description/>
                <TextField name="license_number" label=t(T::Licence) error value=licence/>
                <TextField name="regulatory_authority" label=t(T::Regulator) error value=regulator/>
                <TextField name="established_year" label=t(T::Year) error input_type="number" value=year/>
                <TextField name="city" label=t(T::City) error value=city/>
                <TextField name="state" label=t(T::State) error value=state/>
                <TextField name="supported_languages" label=t(T::Languages) error value=languages/>
                <TextField name="service_regions" label=t(T::Regions) error value=regions/>
                <TextField name="business_hours" label=t(T::Hours) error value=hours/>
                <TextField name="commission_structure" label=t(T::Commission) error value=commission/>
                <TextField name="api_endpoint" label=t(T::ApiEndpoint) error input_type="url" value=api/>
                <TextField name="webhook_url" label=t(T::WebhookUrl) error input_type="url" value=webhook/>
                <TextField name="api_credentials" label=t(T::ApiCredentials) error input_type="password" autocomplete="off" hint=secret_note(has_creds)/>
                <TextField name="webhook_secret" label=t(T::WebhookSecret) error input_type="password" autocomplete="off" hint=secret_note(has_secret)/>
                <button type="submit" class="btn btn-primary self-end justify-self-start">{if creating { t(T::Create) } else { t(T::Save) }}</button>
            </ActionForm>
        </section>
    }
}
