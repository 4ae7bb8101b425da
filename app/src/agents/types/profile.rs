//! An agent as the API answers it (SPEC §5.6): the full profile, the list summary,
//! the network around them, their documents and their history.

use super::{AgentStatus, Verification};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The agent's user, as the profile embeds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, sqlx::FromRow))]
pub struct UserProfile {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub display_name: Option<String>,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub avatar_url: Option<String>,
    pub language_preference: String,
    pub timezone: String,
    pub theme_preference: String,
    pub last_login_at: Option<DateTime<Utc>>,
}

/// SPEC §5.6 AgentProfileResponse, with the proposed provider, commission, parent
/// and rejection fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, sqlx::FromRow))]
pub struct AgentProfile {
    pub agent_id: Uuid,
    pub user_id: Uuid,
    pub tenant_id: Uuid,
    pub agent_code: String,
    pub license_number: Option<String>,
    pub license_expiry_date: Option<NaiveDate>,
    pub license_issuing_authority: Option<String>,
    pub business_name: Option<String>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub business_address: Option<serde_json::Value>,
    pub gst_number: Option<String>,
    pub pan_number: Option<String>,
    pub territory: Option<String>,
    pub operating_regions: Vec<String>,
    pub experience_years: Option<i32>,
    pub specializations: Vec<String>,
    pub whatsapp_business_number: Option<String>,
    pub business_email: Option<String>,
    pub website: Option<String>,
    pub total_policies_sold: i32,
    /// Rupees, from the policies issue on; zero until then.
    pub total_premium_collected: f64,
    pub active_policyholders: i32,
    pub customer_satisfaction_score: Option<f64>,
    pub status: AgentStatus,
    pub verification_status: Verification,
    pub approved_at: Option<DateTime<Utc>>,
    pub verification_submitted_at: Option<DateTime<Utc>>,
    pub hierarchy_level: i32,
    pub sub_agents_count: i64,
    pub provider_id: Option<Uuid>,
    pub provider_name: Option<String>,
    /// Percent, two decimals.
    pub commission_rate: Option<f64>,
    pub parent_agent_id: Option<Uuid>,
    pub rejection_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    #[cfg_attr(feature = "ssr", sqlx(flatten))]
    pub user_profile: UserProfile,
}

impl AgentProfile {
    pub fn state(&self) -> super::AgentState {
        super::AgentState::new(self.status, self.verification_status)
    }

    /// "First Last", else the display name, else the agent code.
    pub fn name(&self) -> String {
        let u = &self.user_profile;
        let full = format!(
            "{} {}",
            u.first_name.as_deref().unwrap_or_default(),
            u.last_name.as_deref().unwrap_or_default()
        );
        let full = full.trim();
        if !full.is_empty() {
            full.to_owned()
        } else {
            u.display_name
                .clone()
                .filter(|d| !d.is_empty())
                .unwrap_or_else(|| self.agent_code.clone())
        }
    }
}

/// The user of a list row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, sqlx::FromRow))]
pub struct SummaryUser {
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    pub phone_number: Option<String>,
}

/// SPEC §5.6 AgentSummary, plus what the admin list shows (provider, premium).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, sqlx::FromRow))]
pub struct AgentSummary {
    pub agent_id: Uuid,
    pub agent_code: String,
    pub business_name: Option<String>,
    pub territory: Option<String>,
    pub status: AgentStatus,
    pub verification_status: Verification,
    pub total_policies_sold: i32,
    pub total_premium_collected: f64,
    pub provider_name: Option<String>,
    pub verification_submitted_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    #[cfg_attr(feature = "ssr", sqlx(flatten))]
    pub user: SummaryUser,
}

impl AgentSummary {
    pub fn name(&self) -> String {
        let full = format!(
            "{} {}",
            self.user.first_name.as_deref().unwrap_or_default(),
            self.user.last_name.as_deref().unwrap_or_default()
        );
        full.trim().to_owned()
    }
}

/// One agent of the network, as `GET /agents/hierarchy` lists them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, sqlx::FromRow))]
pub struct NetworkAgent {
    pub agent_id: Uuid,
    pub agent_code: String,
    pub business_name: Option<String>,
    pub hierarchy_level: i32,
    pub status: AgentStatus,
    pub total_policies_sold: i32,
}

/// SPEC §5.6 `GET /agents/hierarchy` (`data`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Hierarchy {
    pub agent_id: Uuid,
    pub hierarchy_level: i32,
    pub parent_agent: Option<NetworkAgent>,
    pub sub_agents: Vec<NetworkAgent>,
}

/// A verification document: private, served only to the agent and their approvers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, sqlx::FromRow))]
pub struct AgentDocument {
    pub document_id: Uuid,
    pub agent_id: Uuid,
    pub file_name: String,
    pub mime_type: String,
    pub size_bytes: i64,
    pub uploaded_at: DateTime<Utc>,
}

impl AgentDocument {
    /// The gated route that serves the file.
    pub fn url(&self) -> String {
        format!(
            "/api/v1/agents/{}/documents/{}",
            self.agent_id, self.document_id
        )
    }
}

/// One line of an agent's history, read from the audit trail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, sqlx::FromRow))]
pub struct HistoryEntry {
    pub event_type: String,
    pub actor_name: Option<String>,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub details: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

/// The admin detail page: the profile, the network, the documents, the history and
/// what this caller may do now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgentDetail {
    pub profile: AgentProfile,
    pub network: Hierarchy,
    pub documents: Vec<AgentDocument>,
    pub history: Vec<HistoryEntry>,
    /// The state steps this caller may take now, in order.
    pub steps: Vec<super::Step>,
    /// Whether the caller is this agent (their own record).
    pub own: bool,
    /// Whether the caller may set the provider, commission and network.
    pub may_edit: bool,
    /// The providers to choose from (for `may_edit`).
    pub providers: Vec<(Uuid, String)>,
}

/// The agent's own profile page: the profile and their documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyAgentPage {
    pub profile: AgentProfile,
    pub documents: Vec<AgentDocument>,
}

/// The dashboard's live counters for an admin's scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgentCounters {
    /// Submissions waiting for a decision.
    pub awaiting: i64,
    pub by_status: Vec<(AgentStatus, i64)>,
    /// (Monday of the week, new agents), the last 12 weeks, oldest first.
    pub weekly: Vec<(String, i64)>,
}
