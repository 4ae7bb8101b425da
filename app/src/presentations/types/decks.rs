//! A presentation (deck) with its slides, its lifecycle status, the create/update
//! body, and the answers of a list and of a save.

use super::Slide;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::text_enum! {
    /// `draft` → `published` → `archived` (→ `draft` to reuse).
    pub enum Status {
        Draft => "draft",
        Published => "published",
        Archived => "archived",
    }
}

/// Who the carousel belongs to: shown in branding and the contact CTA.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AgentCard {
    pub agent_id: Uuid,
    pub agent_code: String,
    pub display_name: String,
    pub business_name: Option<String>,
    pub phone_number: Option<String>,
}

/// A presentation with its slides in order (SPEC §5.9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Presentation {
    pub presentation_id: Uuid,
    pub agent_id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub status: Status,
    pub is_active: bool,
    pub slides: Vec<Slide>,
    pub template_id: Option<Uuid>,
    pub tags: Vec<String>,
    /// The edit revision; send it back with the next save.
    pub version: i32,
    /// Schedule in the agent's timezone (`YYYY-MM-DDTHH:MM`), and that timezone.
    pub active_from: Option<String>,
    pub active_until: Option<String>,
    pub timezone: String,
    #[serde(deserialize_with = "crate::time::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::time::utc")]
    pub updated_at: DateTime<Utc>,
    /// The same as `updated_at` (the source's name).
    #[serde(deserialize_with = "crate::time::utc")]
    pub last_updated: DateTime<Utc>,
    #[serde(deserialize_with = "crate::time::utc_opt")]
    pub published_at: Option<DateTime<Utc>>,
    /// Filled on the carousel read, for branding and the contact button.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<AgentCard>,
}

/// Create/update body (SPEC §5.9). The slides replace all existing slides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PresentationInput {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub is_active: Option<bool>,
    #[serde(default)]
    pub slides: Vec<Slide>,
    #[serde(default)]
    pub template_id: Option<Uuid>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The revision this edit started from. The editor always sends it; a stale one
    /// is refused with 409 instead of overwriting someone else's save.
    #[serde(default)]
    pub version: Option<i32>,
    #[serde(default)]
    pub active_from: Option<String>,
    #[serde(default)]
    pub active_until: Option<String>,
    /// Accepted and ignored: the path wins (SPEC §5.9).
    #[serde(default, skip_serializing)]
    pub presentation_id: Option<Uuid>,
    #[serde(default, skip_serializing)]
    pub agent_id: Option<Uuid>,
}

impl PresentationInput {
    /// The editable parts of a stored presentation, ready for the next save.
    pub fn from_presentation(p: &Presentation) -> Self {
        PresentationInput {
            name: p.name.clone(),
            description: p.description.clone(),
            status: Some(p.status),
            is_active: Some(p.is_active),
            slides: p.slides.clone(),
            template_id: p.template_id,
            tags: p.tags.clone(),
            version: Some(p.version),
            active_from: p.active_from.clone(),
            active_until: p.active_until.clone(),
            presentation_id: Some(p.presentation_id),
            agent_id: Some(p.agent_id),
        }
    }
}

/// `GET /presentations/agent/{agent_id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PresentationPage {
    pub presentations: Vec<Presentation>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

/// The answer to a create or update (SPEC §5.9), plus the new revision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Saved {
    pub presentation_id: Uuid,
    pub status: Status,
    pub is_active: bool,
    pub version: i32,
    #[serde(deserialize_with = "crate::time::utc")]
    pub created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::time::utc")]
    pub updated_at: DateTime<Utc>,
}
