//! One slide as the editor builds it and the carousel renders it: its type, layout
//! and transition, the call-to-action button, the agent's branding, and the limits
//! and defaults the editor starts from.

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
            subtitle: (!subtitle.is_empty()).then(|| subtitle.into()),
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
