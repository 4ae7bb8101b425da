//! The agent's media library as the API answers it (also the upload's answer).

use super::SlideType;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

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
    #[serde(deserialize_with = "crate::time::utc")]
    pub uploaded_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MediaList {
    pub media: Vec<Media>,
    pub total: i64,
}
