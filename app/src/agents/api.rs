//! Server functions of the agent pages (`/api/ui/agents/*`): the admin dashboard,
//! list, registration and detail, and the agent's own profile. Form-encoded, so
//! every form posts without JavaScript.

use crate::agents::types::*;
use crate::error::AppError;
use crate::paging::Page;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{GetUrl, PostUrl};
use uuid::Uuid;

#[cfg(feature = "ssr")]
use crate::{agents::server::service, auth::server::guard::ctx};

/// A provider to choose in a form: id and name.
pub type ProviderChoice = (Uuid, String);

/// The admin list page: a page of agents, the verification queue, the providers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgentsPage {
    pub page: Page<AgentSummary>,
    /// The oldest submissions first: who has waited longest.
    pub queue: Vec<AgentSummary>,
    pub queue_total: i64,
    pub providers: Vec<ProviderChoice>,
    pub may_register: bool,
}

#[server(prefix = "/api/ui", endpoint = "agents/list", input = GetUrl)]
pub async fn list_agents(
    q: Option<String>,
    status: Option<String>,
    verification_status: Option<String>,
    provider_id: Option<String>,
    cursor: Option<String>,
) -> Result<AgentsPage, AppError> {
    let ctx = ctx::<ListAgents>()?;
    let query = AgentQuery {
        q,
        status,
        verification_status,
        provider_id,
        cursor,
        ..AgentQuery::default()
    };
    let page = service::list(&ctx, &query).await?;
    let (queue, queue_total) = service::queue(&ctx, 5).await?;
    let providers = crate::providers::server::service::choices(&ctx.state).await?;
    Ok(AgentsPage {
        page,
        queue,
        queue_total,
        providers,
        may_register: ctx
            .caller
            .reach
            .contains(crate::access::Permission::AgentsCreate),
    })
}

/// What the registration form offers: the active providers.
#[server(prefix = "/api/ui", endpoint = "agents/new", input = GetUrl)]
pub async fn new_agent_form() -> Result<Vec<ProviderChoice>, AppError> {
    let ctx = ctx::<NewAgentForm>()?;
    crate::providers::server::service::choices(&ctx.state).await
}

/// Registers an agent and opens their page.
#[allow(clippy::too_many_arguments)]
#[server(prefix = "/api/ui", endpoint = "agents/register", input = PostUrl)]
pub async fn register_agent(
    first_name: String,
    last_name: String,
    phone_number: String,
    email: String,
    agent_code: String,
    role: String,
    provider_id: String,
    territory: String,
    commission_rate: String,
    parent_agent_code: String,
    password: String,
) -> Result<(), AppError> {
    let ctx = ctx::<RegisterAgent>()?;
    let lang = ctx.meta.lang;
    let parent_agent_id =
        service::agent_by_code(&ctx, &parent_agent_code, "parent_agent_code").await?;
    let req = RegisterRequest {
        user: Some(NewAgentUser {
            phone_number: Some(phone_number),
            email: Some(email),
            first_name: Some(first_name),
            last_name: Some(last_name),
            password: Some(password),
        }),
        role: Some(role),
        agent_code,
        provider_id: provider_id.trim().parse().ok(),
        territory: Some(territory),
        commission_rate: number(lang, "commission_rate", &commission_rate)?,
        parent_agent_id,
        ..RegisterRequest::default()
    };
    let agent = service::register(&ctx, &req).await?;
    leptos_axum::redirect(&format!("/admin/agents/{}", agent.agent_id));
    Ok(())
}

/// A decimal form field: blank is none; anything else must read as a number.
#[cfg(feature = "ssr")]
fn number(lang: crate::i18n::Lang, field: &str, raw: &str) -> Result<Option<f64>, AppError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.trim_end_matches('%')
        .trim()
        .parse::<f64>()
        .map(Some)
        .map_err(|_| AppError::invalid(lang, field, crate::agents::text::T::RateRule))
}

#[server(prefix = "/api/ui", endpoint = "agents/get", input = GetUrl)]
pub async fn load_agent(agent_id: Uuid) -> Result<AgentDetail, AppError> {
    let ctx = ctx::<LoadAgent>()?;
    service::detail(&ctx, agent_id).await
}

#[server(prefix = "/api/ui", endpoint = "agents/approve", input = PostUrl)]
pub async fn approve_agent(agent_id: Uuid) -> Result<(), AppError> {
    let ctx = ctx::<ApproveAgent>()?;
    service::approve(&ctx, agent_id, None).await
}

#[server(prefix = "/api/ui", endpoint = "agents/reject", input = PostUrl)]
pub async fn reject_agent(agent_id: Uuid, reason: String) -> Result<(), AppError> {
    let ctx = ctx::<RejectAgent>()?;
    service::reject(&ctx, agent_id, &Rejection { reason }).await
}

#[server(prefix = "/api/ui", endpoint = "agents/status", input = PostUrl)]
pub async fn change_agent_status(
    agent_id: Uuid,
    status: String,
    reason: String,
) -> Result<(), AppError> {
    let ctx = ctx::<ChangeAgentStatus>()?;
    let change = StatusChange {
        status,
        reason: Some(reason),
    };
    service::set_status(&ctx, agent_id, &change).await.map(drop)
}

/// An admin's edit: provider, commission, territory, parent (by agent code; blank
/// keeps it, `-` removes it).
#[server(prefix = "/api/ui", endpoint = "agents/update", input = PostUrl)]
pub async fn update_agent(
    agent_id: Uuid,
    provider_id: String,
    commission_rate: String,
    territory: String,
    parent_agent_code: String,
) -> Result<(), AppError> {
    let ctx = ctx::<UpdateAgent>()?;
    let lang = ctx.meta.lang;
    let clear_parent = parent_agent_code.trim() == "-";
    let parent_agent_id = if clear_parent {
        None
    } else {
        service::agent_by_code(&ctx, &parent_agent_code, "parent_agent_code").await?
    };
    let patch = AdminPatch {
        provider_id: provider_id.trim().parse().ok(),
        commission_rate: number(lang, "commission_rate", &commission_rate)?,
        territory: Some(territory),
        parent_agent_id,
        clear_parent,
    };
    service::update_admin(&ctx, agent_id, &patch)
        .await
        .map_err(|e| e.refile("parent_agent_id", "parent_agent_code"))
        .map(drop)
}

#[server(prefix = "/api/ui", endpoint = "agents/me", input = GetUrl)]
pub async fn load_my_agent_profile() -> Result<MyAgentPage, AppError> {
    let ctx = ctx::<LoadMyAgentProfile>()?;
    service::my_page(&ctx).await
}

#[allow(clippy::too_many_arguments)]
#[server(prefix = "/api/ui", endpoint = "agents/me/save", input = PostUrl)]
pub async fn save_my_agent_profile(
    business_name: String,
    territory: String,
    experience_years: String,
    specializations: String,
    whatsapp_business_number: String,
    business_email: String,
    website: String,
    gst_number: String,
    pan_number: String,
) -> Result<(), AppError> {
    let ctx = ctx::<SaveMyAgentProfile>()?;
    let years = experience_years.trim();
    let patch = ProfilePatch {
        business_name: Some(business_name),
        territory: Some(territory),
        experience_years: match years {
            "" => None,
            y => Some(y.parse().map_err(|_| {
                AppError::invalid(
                    ctx.meta.lang,
                    "experience_years",
                    crate::agents::text::T::YearsRule,
                )
            })?),
        },
        specializations: Some(split_list(&specializations)),
        whatsapp_business_number: Some(whatsapp_business_number),
        business_email: Some(business_email),
        website: Some(website),
        gst_number: Some(gst_number),
        pan_number: Some(pan_number),
        ..ProfilePatch::default()
    };
    service::update_profile(&ctx, &patch).await.map(drop)
}

/// Submits the licence with every document the agent has uploaded.
#[server(prefix = "/api/ui", endpoint = "agents/me/verify", input = PostUrl)]
pub async fn submit_verification(
    license_number: String,
    license_expiry_date: String,
    license_issuing_authority: String,
) -> Result<(), AppError> {
    let ctx = ctx::<SubmitVerification>()?;
    let req = VerificationRequest {
        license_number: Some(license_number),
        license_expiry_date: Some(license_expiry_date),
        license_issuing_authority: Some(license_issuing_authority),
        documents: Vec::new(),
    };
    service::submit(&ctx, &req, true).await.map(drop)
}

/// The admin dashboard's figures (`/admin`), for the tiles this caller may see.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    /// `None` without reach over agents.
    pub agents: Option<AgentCounters>,
    pub providers: i64,
    /// A provider admin's own provider (their tenant's): id and name.
    pub own_provider: Option<(Uuid, String)>,
}

#[server(prefix = "/api/ui", endpoint = "admin/dashboard", input = GetUrl)]
pub async fn load_dashboard() -> Result<Dashboard, AppError> {
    let ctx = ctx::<LoadDashboard>()?;
    let agents = if ctx
        .caller
        .reach
        .contains(crate::access::Permission::AgentsRead)
    {
        Some(service::counters(&ctx).await?)
    } else {
        None
    };
    let choices = crate::providers::server::service::choices(&ctx.state).await?;
    let own_provider = crate::providers::server::service::own_provider(&ctx)
        .await?
        .and_then(|id| choices.iter().find(|(c, _)| *c == id).cloned());
    Ok(Dashboard {
        agents,
        providers: choices.len() as i64,
        own_provider,
    })
}
