//! `/agent/customers` (P8): the agent's customers (an admin's: their scope), with
//! search and the shared list component, and "Add customer".

use crate::customers::api::list_customers;
use crate::customers::text::{t, T};
use crate::customers::types::Customer;
use crate::i18n::Msg;
use crate::ui::feedback::{failure, Loading};
use crate::ui::table::{query_param, Column, DataTable, Filter, FilterBar};
use leptos::prelude::*;
use leptos_meta::Title;

const LIST_PARAMS: &[&str] = &["q", "has_policy"];

#[component]
pub fn CustomersPage() -> impl IntoView {
    let page = Resource::new(
        move || {
            (
                query_param("q"),
                query_param("has_policy"),
                query_param("cursor"),
            )
        },
        |(q, h, c)| list_customers(q, h, c),
    );
    view! {
        <Title text=t(T::Customers)/>
        <Suspense fallback=|| view! { <Loading height="h-96"/> }>
            {move || page.get().map(|r| match r {
                Ok(data) => {
                    let filters = vec![
                        Filter::Text { name: "q", label: crate::i18n::t(Msg::Search), placeholder: t(T::SearchHint) },
                        Filter::Select {
                            name: "has_policy", label: t(T::Policies), any: Some(t(T::AnyPolicies)),
                            options: vec![("yes".into(), t(T::WithPolicies).into()), ("no".into(), t(T::WithoutPolicies).into())],
                        },
                    ];
                    view! {
                        <div class="flex flex-wrap items-center justify-between gap-3">
                            <h1 class="text-3xl font-bold">{t(T::Customers)}</h1>
                            {data.may_add.then(|| view! {
                                <div class="flex flex-wrap gap-2">
                                    <a href="/agent/import" class="btn btn-secondary">{crate::imports::text::t(crate::imports::text::T::Import)}</a>
                                    <a href="/agent/customers/new" class="btn btn-primary">{t(T::AddCustomer)}</a>
                                </div>
                            })}
                        </div>
                        <FilterBar action="/agent/customers" filters/>
                        <DataTable page=data.page columns=columns() path="/agent/customers" keep=LIST_PARAMS empty=t(T::NoCustomers)/>
                    }.into_any()
                }
                Err(e) => failure(e, "/agent/customers"),
            })}
        </Suspense>
    }
}

fn columns() -> Vec<Column<Customer>> {
    vec![
        Column {
            header: t(T::Name),
            cell: |c| {
                view! {
                    <a class="link font-medium" href=format!("/agent/customers/{}", c.policyholder_id)>{c.addressed()}</a>
                    <span class="block text-sm text-muted">{c.user_info.email.clone().unwrap_or_default()}</span>
                }.into_any()
            },
        },
        Column {
            header: t(T::Phone),
            cell: |c| {
                view! { <span class="whitespace-nowrap">{c.user_info.phone_number.clone().unwrap_or_default()}</span> }.into_any()
            },
        },
        Column {
            header: t(T::CustomerId),
            cell: |c| view! { <span>{c.customer_id.clone().unwrap_or_default()}</span> }.into_any(),
        },
        Column {
            header: t(T::Policies),
            cell: |c| view! { <span>{c.total_policies}</span> }.into_any(),
        },
        Column {
            header: t(T::Premium),
            cell: |c| {
                view! { <span class="whitespace-nowrap">{c.total_premium.label()}</span> }
                    .into_any()
            },
        },
        Column {
            header: t(T::LastContact),
            cell: |c| {
                view! { <span>{c.last_interaction_at.map(crate::agents::pages::day).unwrap_or_else(|| "—".into())}</span> }.into_any()
            },
        },
    ]
}
