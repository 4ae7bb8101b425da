//! The admin list's query: filter, sort and paging, read from the URL.

use crate::access::Role;
use serde::{Deserialize, Serialize};

/// Sort orders of the admin list; every one ends on `user_id` so paging is stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UserSort {
    #[default]
    Newest,
    Oldest,
    Name,
    LastLogin,
}

impl UserSort {
    pub const ALL: [UserSort; 4] = [
        UserSort::Newest,
        UserSort::Oldest,
        UserSort::Name,
        UserSort::LastLogin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UserSort::Newest => "newest",
            UserSort::Oldest => "oldest",
            UserSort::Name => "name",
            UserSort::LastLogin => "last_login",
        }
    }

    pub fn parse(s: &str) -> UserSort {
        UserSort::ALL
            .into_iter()
            .find(|o| o.as_str() == s)
            .unwrap_or_default()
    }
}

/// The admin list's query: the URL's query string, so views can be shared.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, utoipa::IntoParams))]
pub struct UserQuery {
    #[serde(default)]
    pub q: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub sort: Option<String>,
    #[serde(default)]
    pub limit: Option<i64>,
    #[serde(default)]
    pub offset: Option<i64>,
    /// Where the page starts: the `next` of the previous page (keyset paging).
    #[serde(default)]
    pub cursor: Option<String>,
}

impl UserQuery {
    pub fn limit(&self) -> i64 {
        self.limit.unwrap_or(20).clamp(1, 100)
    }
    pub fn offset(&self) -> i64 {
        self.offset.unwrap_or(0).max(0)
    }
    /// `pending` is an alias of `pending_verification` (SPEC §4.7).
    pub fn status(&self) -> Option<String> {
        self.status
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                if s == "pending" {
                    "pending_verification".to_owned()
                } else {
                    s.to_owned()
                }
            })
    }
    pub fn role(&self) -> Option<String> {
        self.role
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|r| Role::parse(r).map_or_else(|| r.to_owned(), |role| role.as_str().to_owned()))
    }
    pub fn text(&self) -> Option<String> {
        self.q
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }
    pub fn sort(&self) -> UserSort {
        UserSort::parse(self.sort.as_deref().unwrap_or(""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_clamp_paging_and_resolve_aliases() {
        let q = UserQuery {
            limit: Some(1000),
            offset: Some(-5),
            status: Some("pending".into()),
            role: Some("provider_admin".into()),
            ..Default::default()
        };
        assert_eq!((q.limit(), q.offset()), (100, 0));
        assert_eq!(q.status().as_deref(), Some("pending_verification"));
        assert_eq!(q.role().as_deref(), Some("insurance_provider_admin"));
    }
}
