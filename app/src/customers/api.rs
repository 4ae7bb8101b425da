//! Server functions of the customer pages (`/api/ui/customers/*`).

use crate::customers::types::MyAgent;
use crate::error::AppError;
use leptos::prelude::*;
use server_fn::codec::GetUrl;

#[cfg(feature = "ssr")]
use crate::{auth::server::guard::ctx, customers::server::service};

/// The signed-in customer's agent; `None` when no agent has taken them on (and for
/// anyone who is nobody's customer).
#[server(prefix = "/api/ui", endpoint = "customers/my-agent", input = GetUrl)]
pub async fn load_my_agent() -> Result<Option<MyAgent>, AppError> {
    let ctx = ctx::<LoadMyAgent>()?;
    service::my_agent(&ctx).await
}

use crate::customers::types::Customer;
use crate::paging::Page;
use serde::{Deserialize, Serialize};
use server_fn::codec::PostUrl;
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomersPage {
    pub page: Page<Customer>,
    pub may_add: bool,
}

#[server(prefix = "/api/ui", endpoint = "customers/list", input = GetUrl)]
pub async fn list_customers(
    q: Option<String>,
    has_policy: Option<String>,
    cursor: Option<String>,
) -> Result<CustomersPage, AppError> {
    let ctx = ctx::<ListCustomers>()?;
    let query = crate::customers::types::CustomerQuery {
        q,
        has_policy: has_policy.as_deref().and_then(|v| match v {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        }),
        cursor,
        ..Default::default()
    };
    Ok(CustomersPage {
        page: service::list(&ctx, &query).await?,
        may_add: ctx.caller.can(crate::access::Permission::CustomersCreate),
    })
}

/// Adds a customer from the form and opens their page.
#[allow(clippy::too_many_arguments)]
#[server(prefix = "/api/ui", endpoint = "customers/add", input = PostUrl)]
pub async fn add_customer(
    phone_number: String,
    first_name: String,
    last_name: String,
    email: String,
    salutation: String,
    occupation: String,
    income_band: String,
    preferred_language: String,
    nominee_name: String,
    nominee_relationship: String,
    marketing_consent: Option<String>,
    marketing_consent_channel: String,
) -> Result<(), AppError> {
    use crate::customers::types::{CustomerRequest, CustomerUser, ProfileFields};
    let ctx = ctx::<AddCustomer>()?;
    let some = |s: String| (!s.trim().is_empty()).then_some(s);
    let consent = marketing_consent.is_some();
    let req = CustomerRequest {
        user: CustomerUser {
            phone_number: some(phone_number),
            first_name: some(first_name),
            last_name: some(last_name),
            email: some(email),
        },
        agent_id: None,
        profile: ProfileFields {
            salutation: some(salutation),
            occupation: some(occupation),
            income_band: some(income_band),
            preferred_language: some(preferred_language),
            nominee_details: (!nominee_name.trim().is_empty()).then(|| {
                serde_json::json!({"name": nominee_name.trim(), "relationship": nominee_relationship.trim()})
            }),
            marketing_consent: consent.then_some(true),
            marketing_consent_channel: some(marketing_consent_channel).filter(|_| consent),
            ..Default::default()
        },
    };
    let c = service::create(&ctx, &req).await?;
    leptos_axum::redirect(&format!("/agent/customers/{}", c.policyholder_id));
    Ok(())
}

/// A customer's page: profile, policies, premiums, reminders, and for an admin
/// the agents they may move the customer to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerDetail {
    pub customer: Customer,
    pub policies: Vec<crate::policies::types::PolicyLine>,
    pub premiums: Vec<crate::policies::types::Premium>,
    pub reminders: Vec<crate::policies::types::Reminder>,
    /// Agents in the caller's scope (admins only; empty otherwise).
    pub agents: Vec<(Uuid, String)>,
    pub may_write: bool,
}

#[server(prefix = "/api/ui", endpoint = "customers/detail", input = GetUrl)]
pub async fn load_customer(policyholder_id: Uuid) -> Result<CustomerDetail, AppError> {
    let ctx = ctx::<LoadCustomer>()?;
    let (customer, policies, premiums, reminders, agents) =
        service::detail(&ctx, policyholder_id).await?;
    Ok(CustomerDetail {
        customer,
        policies,
        premiums,
        reminders,
        agents,
        may_write: ctx.caller.can(crate::access::Permission::PoliciesCreate),
    })
}

/// Moves a customer (and their policies) to another agent.
#[server(prefix = "/api/ui", endpoint = "customers/move", input = PostUrl)]
pub async fn move_customer(policyholder_id: Uuid, agent_id: Uuid) -> Result<(), AppError> {
    let ctx = ctx::<MoveCustomer>()?;
    let patch = crate::customers::types::CustomerPatch {
        agent_id: Some(agent_id),
        ..Default::default()
    };
    service::update(&ctx, policyholder_id, &patch)
        .await
        .map(drop)
}
