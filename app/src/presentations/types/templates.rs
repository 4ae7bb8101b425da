//! Templates: the shared slide skeletons agents start from, a new draft from one,
//! and the super admins' create/update body.

use super::Slide;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::text_enum! {
    pub enum TemplateCategory {
        TermInsurance => "term_insurance",
        HealthInsurance => "health_insurance",
        ChildPlans => "child_plans",
        Retirement => "retirement",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Template {
    pub template_id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub category: TemplateCategory,
    pub is_public: bool,
    pub thumbnail_url: Option<String>,
    pub slides: Vec<Slide>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TemplateList {
    pub templates: Vec<Template>,
}

/// `POST /presentations/agent/{agent_id}/from-template`: which template, and the
/// agent's words for its placeholders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FromTemplate {
    pub template_id: Uuid,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub custom_title: Option<String>,
    #[serde(default)]
    pub custom_subtitle: Option<String>,
}

/// Create/update body of a shared template (super admins).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TemplateInput {
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    pub category: Option<TemplateCategory>,
    /// Slide skeletons; `{{custom_title}}`, `{{custom_subtitle}}`, `{{agent_name}}`
    /// and `{{agent_phone}}` are filled when an agent uses the template.
    #[serde(default)]
    pub slides: Vec<Slide>,
    /// Visible to every tenant (default) or only the admin's own.
    #[serde(default)]
    pub is_public: Option<bool>,
    #[serde(default)]
    pub preview_image_url: Option<String>,
}
