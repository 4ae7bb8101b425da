//! The wire and editor types of presentations (SPEC §5.9). Shared with the browser:
//! the editor builds a `PresentationInput` and the carousel renders `Slide`s.
//!
//! JSON is snake_case, except inside `cta_button` and `agent_branding`, which keep the
//! source's camelCase keys (SPEC §9 #33).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// At most this many slides in one presentation (SPEC §4.11).
pub const MAX_SLIDES: usize = 20;
pub const DEFAULT_DURATION: i32 = 4;
pub const MIN_DURATION: i32 = 2;
pub const MAX_DURATION: i32 = 10;
pub const DEFAULT_TEXT_COLOR: &str = "#FFFFFF";
pub const DEFAULT_BACKGROUND_COLOR: &str = "#000000";
pub const DEFAULT_OPACITY: f32 = 0.5;

crate::text_enum! {
    /// What fills a slide's background.
    pub enum SlideType {
        Image => "image",
        Video => "video",
        Text => "text",
    }
}

crate::text_enum! {
    /// Where the overlay text sits (SPEC §4.11; the source's synonyms accepted).
    pub enum Layout {
        Centered => "centered",
        Top => "top",
        Bottom => "bottom",
        Left => "left" | "left_aligned",
        Right => "right" | "right_aligned",
        Grid => "grid",
        Split => "split",
    }
}

crate::text_enum! {
    /// How a slide enters; the carousel animates for 800 ms unless motion is reduced.
    pub enum Transition {
        Fade => "fade",
        Slide => "slide",
        Zoom => "zoom",
    }
}

crate::text_enum! {
    /// `draft` → `published` → `archived` (→ `draft` to reuse).
    pub enum Status {
        Draft => "draft",
        Published => "published",
        Archived => "archived",
    }
}

crate::text_enum! {
    pub enum TemplateCategory {
        TermInsurance => "term_insurance",
        HealthInsurance => "health_insurance",
        ChildPlans => "child_plans",
        Retirement => "retirement",
    }
}

// Written out because the enums come from `text_enum!`, which derives no Default.
#[allow(clippy::derivable_impls)]
impl Default for Layout {
    fn default() -> Self {
        Layout::Centered
    }
}
#[allow(clippy::derivable_impls)]
impl Default for Transition {
    fn default() -> Self {
        Transition::Fade
    }
}

/// The optional call-to-action button of a slide.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct CtaButton {
    /// Missing means "on when there is text" (the seed omits it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(default)]
    pub text: String,
    /// A path (`/services`), `tel:`, `mailto:`, `https://` or an app action name.
    #[serde(default)]
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub background_color: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_color: Option<String>,
}

impl CtaButton {
    pub fn shown(&self) -> bool {
        !self.text.trim().is_empty() && self.enabled.unwrap_or(true)
    }
}

/// The agent's logo and contact line on a slide.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "camelCase")]
pub struct AgentBranding {
    #[serde(default)]
    pub show_logo: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    #[serde(default)]
    pub show_contact: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_text: Option<String>,
}

fn default_text_color() -> String {
    DEFAULT_TEXT_COLOR.into()
}
fn default_background_color() -> String {
    DEFAULT_BACKGROUND_COLOR.into()
}
fn default_opacity() -> f32 {
    DEFAULT_OPACITY
}
fn default_duration() -> i32 {
    DEFAULT_DURATION
}

/// One slide: what clients send (ids and order optional; the server renumbers 1..n
/// in the order received) and what they get back (both always set).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Slide {
    #[serde(default)]
    pub slide_id: Option<Uuid>,
    #[serde(default)]
    pub slide_order: i32,
    pub slide_type: SlideType,
    /// The library item the media came from, when it came from the library.
    #[serde(default)]
    pub media_id: Option<Uuid>,
    #[serde(default)]
    pub media_url: Option<String>,
    #[serde(default)]
    pub media_type: Option<String>,
    #[serde(default)]
    pub thumbnail_url: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub subtitle: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default = "default_text_color")]
    pub text_color: String,
    #[serde(default = "default_background_color")]
    pub background_color: String,
    #[serde(default = "default_opacity")]
    pub overlay_opacity: f32,
    #[serde(default)]
    pub layout: Layout,
    #[serde(default = "default_duration")]
    pub duration: i32,
    #[serde(default)]
    pub transition_effect: Transition,
    #[serde(default)]
    pub cta_button: Option<CtaButton>,
    #[serde(default)]
    pub agent_branding: Option<AgentBranding>,
    /// Optional schedule. In: RFC 3339, or `YYYY-MM-DDTHH:MM` in the agent's
    /// timezone. Out: `YYYY-MM-DDTHH:MM` in the agent's timezone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_until: Option<String>,
}

impl Slide {
    /// A new text slide as the editor adds it (SPEC §6 P5).
    pub fn new_text(title: &str, subtitle: &str) -> Self {
        Slide {
            slide_id: None,
            slide_order: 0,
            slide_type: SlideType::Text,
            media_id: None,
            media_url: None,
            media_type: None,
            thumbnail_url: None,
            title: Some(title.into()),
            subtitle: Some(subtitle.into()),
            description: None,
            text_color: "#FFFFFF".into(),
            background_color: "#1A237E".into(),
            overlay_opacity: DEFAULT_OPACITY,
            layout: Layout::Centered,
            duration: DEFAULT_DURATION,
            transition_effect: Transition::Fade,
            cta_button: None,
            agent_branding: None,
            active_from: None,
            active_until: None,
        }
    }

    /// The image sources a phone should choose from: `(src, srcset)`. Uploaded
    /// images have 480 and 960 px versions beside the original (the media handler
    /// falls back to the original until they exist); shipped demo images have a
    /// `-480` version.
    pub fn image_sources(&self) -> Option<(String, Option<String>)> {
        let url = self.media_url.as_deref()?;
        if self.slide_type != SlideType::Image {
            return Some((url.to_owned(), None));
        }
        let stem = url.rsplit_once('.').map(|(stem, _)| stem)?;
        if url.starts_with("/media/presentations/") {
            Some((
                format!("{stem}-960.jpg"),
                Some(format!("{stem}-480.jpg 480w, {stem}-960.jpg 960w")),
            ))
        } else if url.starts_with("/media/demo/") {
            Some((
                url.to_owned(),
                Some(format!("{stem}-480.jpg 480w, {url} 960w")),
            ))
        } else {
            Some((url.to_owned(), None))
        }
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
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The same as `updated_at` (the source's name).
    pub last_updated: DateTime<Utc>,
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
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
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

/// An item of the agent's media library (and the upload answer, SPEC §5.9).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Media {
    pub media_id: Uuid,
    pub media_url: String,
    pub thumbnail_url: Option<String>,
    pub media_type: SlideType,
    pub file_name: String,
    pub file_size: i64,
    pub mime_type: String,
    pub storage_key: String,
    pub width: Option<i32>,
    pub height: Option<i32>,
    /// Slides that use it; only unused media can be deleted.
    pub usage_count: i64,
    /// True when this exact file was already in the library (nothing new stored).
    #[serde(default)]
    pub duplicate: bool,
    pub uploaded_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MediaList {
    pub media: Vec<Media>,
    pub total: i64,
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
