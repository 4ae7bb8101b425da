//! Reading dates and times: RFC 3339 (`2026-12-02T09:30:00+05:30`, `…Z`) and a local
//! `YYYY-MM-DDTHH:MM[:SS]`. Pure, shared by both targets.
//!
//! Why not chrono's parser: its format machinery (`parse_from_str`, the strftime
//! items, RFC 2822) costs the browser's WASM about 33 KB before optimisation, and
//! the editor only ever reads these two shapes. chrono's types stay; only their
//! construction from text is ours. The serde helpers below let the shared types
//! deserialize their timestamps through it.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};

/// An RFC 3339 instant. Seconds may be left out (`…T09:30+05:30`), and a space may
/// stand for the `T`, as people type them.
pub fn parse_rfc3339(text: &str) -> Option<DateTime<FixedOffset>> {
    let (local, rest) = local_prefix(text.trim().as_bytes())?;
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let secs = (two(*h1, *h2)? * 60 + two(*m1, *m2)?) as i32 * 60;
            if *sign == b'-' {
                -secs
            } else {
                secs
            }
        }
        _ => return None,
    };
    let offset = FixedOffset::east_opt(offset)?;
    // A fixed offset is never ambiguous; only the range can fail.
    let utc = local.checked_sub_offset(offset)?;
    Some(DateTime::from_naive_utc_and_offset(utc, offset))
}

/// A local date and time with no offset: `YYYY-MM-DDTHH:MM[:SS]` (or a space for
/// the `T`).
pub fn parse_local(text: &str) -> Option<NaiveDateTime> {
    match local_prefix(text.trim().as_bytes())? {
        (local, []) => Some(local),
        _ => None,
    }
}

/// The date and time at the start of `b`, and what follows them.
fn local_prefix(b: &[u8]) -> Option<(NaiveDateTime, &[u8])> {
    let [y1, y2, y3, y4, b'-', mo1, mo2, b'-', d1, d2, b'T' | b't' | b' ', h1, h2, b':', mi1, mi2, rest @ ..] =
        b
    else {
        return None;
    };
    let year = two(*y1, *y2)? * 100 + two(*y3, *y4)?;
    let date = NaiveDate::from_ymd_opt(year as i32, two(*mo1, *mo2)?, two(*d1, *d2)?)?;
    let (sec, nano, rest) = match rest {
        [b':', s1, s2, rest @ ..] => {
            let (nano, rest) = fraction(rest)?;
            (two(*s1, *s2)?, nano, rest)
        }
        rest => (0, 0, rest),
    };
    let time = NaiveTime::from_hms_nano_opt(two(*h1, *h2)?, two(*mi1, *mi2)?, sec, nano)?;
    Some((date.and_time(time), rest))
}

/// `.123` → 123,000,000 ns; digits past the ninth are dropped.
fn fraction(b: &[u8]) -> Option<(u32, &[u8])> {
    let Some(digits) = b.strip_prefix(b".") else {
        return Some((0, b));
    };
    let n = digits.iter().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 {
        return None;
    }
    let nano = digits[..n.min(9)]
        .iter()
        .chain(std::iter::repeat_n(&b'0', 9usize.saturating_sub(n)))
        .fold(0u32, |acc, c| acc * 10 + u32::from(c - b'0'));
    Some((nano, &digits[n..]))
}

fn two(a: u8, b: u8) -> Option<u32> {
    (a.is_ascii_digit() && b.is_ascii_digit())
        .then(|| u32::from(a - b'0') * 10 + u32::from(b - b'0'))
}

/// `#[serde(deserialize_with = "crate::time::utc")]` for a `DateTime<Utc>` field.
pub fn utc<'de, D: serde::Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
    parse_rfc3339(&text)
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| serde::de::Error::custom("expected an RFC 3339 timestamp"))
}

/// The same for an `Option<DateTime<Utc>>` field (`null` is `None`).
pub fn utc_opt<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    #[derive(serde::Deserialize)]
    struct Wrap(#[serde(deserialize_with = "utc")] DateTime<Utc>);
    Ok(<Option<Wrap> as serde::Deserialize>::deserialize(d)?.map(|Wrap(t)| t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_chrono_reads() {
        for text in [
            "2026-12-02T09:30:00+05:30",
            "2026-12-02T04:00:00Z",
            "2026-12-02T04:00:00.123456Z",
            "2026-12-02T04:00:00.123456789-07:00",
            "1999-01-31t23:59:59z",
        ] {
            assert_eq!(
                parse_rfc3339(text),
                DateTime::parse_from_rfc3339(text).ok(),
                "{text}"
            );
        }
    }

    #[test]
    fn reads_chronos_own_json() {
        let at = Utc::now();
        let json = serde_json::to_string(&at).unwrap();
        let back = utc(&mut serde_json::Deserializer::from_str(&json)).unwrap();
        assert_eq!(back, at);
    }

    #[test]
    fn seconds_and_the_t_are_optional() {
        let want = NaiveDate::from_ymd_opt(2026, 12, 2)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap();
        for text in [
            "2026-12-02T09:30",
            "2026-12-02 09:30",
            "2026-12-02T09:30:00",
            " 2026-12-02T09:30 ",
        ] {
            assert_eq!(parse_local(text), Some(want), "{text}");
        }
        assert_eq!(
            parse_rfc3339("2026-12-02T09:30+05:30").map(|t| t.naive_utc()),
            NaiveDate::from_ymd_opt(2026, 12, 2)
                .unwrap()
                .and_hms_opt(4, 0, 0)
        );
    }

    #[test]
    fn refuses_what_is_not_a_time() {
        for text in [
            "",
            "tomorrow",
            "2026-13-01T09:30",
            "2026-02-30T09:30",
            "2026-12-02T24:00",
            "2026-12-02T09:60",
            "2026-12-02",
            "2026-12-02T09:30:00+05",
            "2026-12-02T09:30:00.Z",
            "2026-12-02T09:30:00+05:30 extra",
            "२०२६-12-02T09:30",
        ] {
            assert_eq!(parse_local(text), None, "{text}");
            assert_eq!(parse_rfc3339(text), None, "{text}");
        }
        // An offset makes it absolute, so it is not a local time.
        assert_eq!(parse_local("2026-12-02T09:30Z"), None);
        assert_eq!(parse_rfc3339("2026-12-02T09:30"), None);
    }

    #[test]
    fn null_is_none() {
        assert_eq!(
            utc_opt(&mut serde_json::Deserializer::from_str("null")).unwrap(),
            None
        );
        assert!(utc_opt(&mut serde_json::Deserializer::from_str(
            "\"2026-12-02T04:00:00Z\""
        ))
        .unwrap()
        .is_some());
    }
}
