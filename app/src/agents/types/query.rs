//! The agent list's query: search, filters and paging, read from the URL.

use super::{AgentStatus, Verification};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// `GET /api/v1/agents` and the admin list. Unknown filter values match nothing,
/// as a filter should, rather than failing the page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, utoipa::IntoParams))]
pub struct AgentQuery {
    /// Name, agent code, business name or email (substring, any case).
    #[serde(default, alias = "query")]
    pub q: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub verification_status: Option<String>,
    #[serde(default)]
    pub provider_id: Option<String>,
    #[serde(default)]
    pub territory: Option<String>,
    #[serde(default)]
    pub cursor: Option<String>,
    #[serde(default)]
    pub limit: Option<i64>,
    /// The seed clients' page offset; the UI pages by cursor.
    #[serde(default)]
    pub offset: Option<i64>,
}

/// A filter's value: `Some(None)` when given but unknown (matches nothing).
pub type Parsed<T> = Option<Option<T>>;

fn parse<T>(raw: &Option<String>, f: impl Fn(&str) -> Option<T>) -> Parsed<T> {
    raw.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(f)
}

impl AgentQuery {
    pub fn text(&self) -> Option<String> {
        self.q
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.chars().take(100).collect())
    }

    pub fn status(&self) -> Parsed<AgentStatus> {
        parse(&self.status, AgentStatus::parse)
    }

    pub fn verification(&self) -> Parsed<Verification> {
        parse(&self.verification_status, Verification::parse)
    }

    pub fn provider(&self) -> Parsed<Uuid> {
        parse(&self.provider_id, |s| s.parse().ok())
    }

    pub fn territory(&self) -> Option<String> {
        self.territory
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    /// Whether any filter names a value that cannot match.
    pub fn impossible(&self) -> bool {
        matches!(self.status(), Some(None))
            || matches!(self.verification(), Some(None))
            || matches!(self.provider(), Some(None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_parse_and_unknown_values_match_nothing() {
        let q = AgentQuery {
            q: Some("  asha ".into()),
            status: Some("active".into()),
            verification_status: Some("approved".into()),
            ..Default::default()
        };
        assert_eq!(q.text().as_deref(), Some("asha"));
        assert_eq!(q.status(), Some(Some(AgentStatus::Active)));
        assert_eq!(q.verification(), Some(Some(Verification::Verified)));
        assert!(!q.impossible());
        let bad = AgentQuery {
            status: Some("sleeping".into()),
            ..Default::default()
        };
        assert!(bad.impossible());
        assert_eq!(AgentQuery::default().status(), None);
    }
}
