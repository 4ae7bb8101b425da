//! The list contract: every paged list, in the JSON API and the UI, is a [`Page`].
//!
//! - **Keyset paging** on a stable order: the next page starts after the last row's
//!   sort key, so a page costs the same at row 10 or row 100,000 and never skips or
//!   repeats a row when rows are added meanwhile.
//! - **An opaque cursor** carries that key in the URL (`?cursor=…`), beside the
//!   filters and the sort, so a filtered view can be shared and survives a reload.
//! - **A capped total**: counting stops at [`COUNT_CAP`] rows ("10,000+"), so no
//!   page pays for a full `COUNT(*)` over a big table; a text search stops at
//!   [`SEARCH_COUNT_CAP`] ("100+"): past that, people refine the search rather than page through it.
//! - `limit` is 1–100 (default 20).

use serde::{Deserialize, Serialize};

/// The most a list counts before it says "at least this many".
pub const COUNT_CAP: i64 = 10_000;
/// The same for a text search, whose matches cost a recheck each to count.
pub const SEARCH_COUNT_CAP: i64 = 100;
pub const DEFAULT_LIMIT: i64 = 20;
pub const MAX_LIMIT: i64 = 100;

/// A page size from the URL: 1–100, 20 when absent.
pub fn limit(raw: Option<i64>) -> i64 {
    raw.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)
}

/// How many rows match: exact up to the cap, "at least" beyond it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Total {
    pub count: i64,
    /// False when counting stopped at the cap: there are at least `count` rows.
    pub exact: bool,
}

impl Total {
    /// From a count made with `LIMIT COUNT_CAP + 1`.
    pub fn capped(counted: i64) -> Self {
        Self::capped_at(counted, COUNT_CAP)
    }

    /// The cap for a list: lower when it is a text search.
    pub fn cap_for(searching: bool) -> i64 {
        if searching {
            SEARCH_COUNT_CAP
        } else {
            COUNT_CAP
        }
    }

    /// From a count made with `LIMIT cap + 1`.
    pub fn capped_at(counted: i64, cap: i64) -> Self {
        if counted > cap {
            Self {
                count: cap,
                exact: false,
            }
        } else {
            Self {
                count: counted,
                exact: true,
            }
        }
    }

    /// "1,234" or "10,000+".
    pub fn label(self) -> String {
        let n = crate::format::thousands(self.count);
        if self.exact {
            n
        } else {
            format!("{n}+")
        }
    }
}

/// `%text%` for `LIKE`/`ILIKE`, with the pattern characters escaped.
pub fn like_pattern(text: &str) -> String {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// The cursor of the next page; `None` on the last one.
    pub next: Option<String>,
    pub total: Total,
    pub limit: i64,
}

impl<T> Page<T> {
    /// Builds a page from up to `limit + 1` rows (the extra one says that there is
    /// a next page) and the key of a row.
    pub fn from_rows(
        mut rows: Vec<T>,
        limit: i64,
        total: Total,
        key: impl Fn(&T) -> Cursor,
    ) -> Self {
        let more = rows.len() as i64 > limit;
        rows.truncate(limit.max(0) as usize);
        let next = more.then(|| rows.last().map(|r| key(r).encode())).flatten();
        Self {
            items: rows,
            next,
            total,
            limit,
        }
    }
}

impl<T> Page<T> {
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            next: self.next,
            total: self.total,
            limit: self.limit,
        }
    }
}

/// The sort key of the last row of a page: its sort value and its id, as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    pub key: String,
    pub id: uuid::Uuid,
}

impl Cursor {
    pub fn new(key: impl Into<String>, id: uuid::Uuid) -> Self {
        Self {
            key: key.into(),
            id,
        }
    }

    /// URL-safe, opaque to clients: hex of the JSON, so no escaping is needed.
    pub fn encode(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        crate::format::hex(&json)
    }

    /// The `cursor` query parameter of a list: absent or empty is the first page;
    /// one that is not ours (tampered, stale, from another list) is a field error in
    /// `lang`, so the page can offer to start again.
    pub fn from_param(
        param: Option<&str>,
        lang: crate::i18n::Lang,
    ) -> Result<Option<Self>, crate::error::AppError> {
        match param.filter(|c| !c.is_empty()) {
            None => Ok(None),
            Some(text) => Cursor::decode(text).map(Some).ok_or_else(|| {
                crate::error::AppError::invalid(lang, "cursor", crate::i18n::Msg::StalePageLink)
            }),
        }
    }

    /// The cursor of a list sorted newest first: its key must be a creation time
    /// (RFC 3339), so a cursor from a list sorted otherwise is refused the same way.
    pub fn after_created(
        param: Option<&str>,
        lang: crate::i18n::Lang,
    ) -> Result<Option<Self>, crate::error::AppError> {
        let cursor = Self::from_param(param, lang)?;
        if cursor
            .as_ref()
            .is_some_and(|c| chrono::DateTime::parse_from_rfc3339(&c.key).is_err())
        {
            return Err(crate::error::AppError::invalid(
                lang,
                "cursor",
                crate::i18n::Msg::StalePageLink,
            ));
        }
        Ok(cursor)
    }

    /// `None` for a cursor that is not one of ours (tampered, or from another list).
    pub fn decode(text: &str) -> Option<Self> {
        let bytes = (0..text.len())
            .step_by(2)
            .map(|i| {
                text.get(i..i + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
            })
            .collect::<Option<Vec<u8>>>()?;
        serde_json::from_slice(&bytes).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_clamped_to_1_to_100() {
        assert_eq!(limit(None), 20);
        assert_eq!(limit(Some(0)), 1);
        assert_eq!(limit(Some(-5)), 1);
        assert_eq!(limit(Some(100)), 100);
        assert_eq!(limit(Some(1_000)), 100);
    }

    #[test]
    fn totals_are_exact_below_the_cap_and_at_least_above_it() {
        assert_eq!(
            Total::capped(12),
            Total {
                count: 12,
                exact: true
            }
        );
        assert_eq!(Total::capped(10_000).label(), "10,000");
        let big = Total::capped(10_001);
        assert!(!big.exact);
        assert_eq!(big.label(), "10,000+");
        let search = Total::capped_at(101, Total::cap_for(true));
        assert_eq!(search.label(), "100+");
        assert_eq!(Total::cap_for(false), COUNT_CAP);
    }

    #[test]
    fn like_patterns_match_the_text_literally() {
        assert_eq!(like_pattern("kumar"), "%kumar%");
        assert_eq!(like_pattern("50%_off\\"), "%50\\%\\_off\\\\%");
    }

    #[test]
    fn cursors_round_trip_and_refuse_garbage() {
        let c = Cursor::new("2026-12-01T10:00:00Z", uuid::Uuid::nil());
        let text = c.encode();
        assert!(text.chars().all(|ch| ch.is_ascii_hexdigit()));
        assert_eq!(Cursor::decode(&text), Some(c));
        assert_eq!(Cursor::decode("zz"), None);
        assert_eq!(Cursor::decode("abc"), None);
        assert_eq!(Cursor::decode(&crate::format::hex(b"{\"key\":1}")), None);
    }

    #[test]
    fn a_page_knows_whether_there_is_a_next_one() {
        let key = |n: &u32| Cursor::new(n.to_string(), uuid::Uuid::nil());
        let page = Page::from_rows(vec![1, 2, 3], 2, Total::capped(3), key);
        assert_eq!(page.items, vec![1, 2]);
        assert_eq!(
            Cursor::decode(page.next.as_deref().unwrap()).unwrap().key,
            "2"
        );
        let last = Page::from_rows(vec![1, 2], 2, Total::capped(2), key);
        assert_eq!(last.next, None);
    }
}
