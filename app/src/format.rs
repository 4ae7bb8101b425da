//! Formatting: byte sizes and durations for people, hex for digests. Pure, shared
//! by both targets.

/// `1536` → `"1.5 KB"`; powers of 1024, one decimal below 10 units.
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{n} B")
    } else if value < 10.0 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.0} {}", UNITS[unit])
    }
}

/// `3725` → `"1h 2m"`; the two largest units only.
pub fn duration_secs(secs: u64) -> String {
    let (d, h, m, s) = (secs / 86_400, secs / 3_600 % 24, secs / 60 % 60, secs % 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{s}s"),
        (0, 0, _) => format!("{m}m {s}s"),
        (0, _, _) => format!("{h}h {m}m"),
        _ => format!("{d}d {h}h"),
    }
}

/// A count with thousands separators: `12,345`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

/// Indian digit grouping: the last three digits, then pairs (12,34,567).
pub fn indian(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let (head, tail) = digits.split_at(digits.len().saturating_sub(3));
    let mut groups: Vec<&str> = Vec::new();
    let mut rest = head;
    while rest.len() > 2 {
        let (a, b) = rest.split_at(rest.len() - 2);
        groups.insert(0, b);
        rest = a;
    }
    if !rest.is_empty() {
        groups.insert(0, rest);
    }
    groups.push(tail);
    let sign = if n < 0 { "-" } else { "" };
    format!("{sign}{}", groups.join(","))
}

/// Whole rupees with Indian grouping: ₹12,34,567 (paise rounded; server pages only,
/// the float conversion stays out of the WASM).
pub fn rupees(amount: f64) -> String {
    format!("₹{}", indian(amount.round() as i64))
}

/// Percent-encodes a query-string value (`application/x-www-form-urlencoded`).
pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `0.5` → `"0.50"`: a fraction (an opacity) clamped to 0..=1, to two places. By
/// integer arithmetic, so that the browser's WASM carries no float formatter.
pub fn hundredths(x: f32) -> String {
    let n = (x.clamp(0.0, 1.0) * 100.0).round() as u32;
    format!("{}.{:02}", n / 100, n % 100)
}

/// Lowercase hex of bytes (digests, HMACs, ETags).
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}

/// "14:05 IST on 3 Dec": an instant as a person in India reads it.
pub fn ist_time(at: chrono::DateTime<chrono::Utc>) -> String {
    let local = at + chrono::Duration::minutes(330);
    local.format("%H:%M IST on %-d %b").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hundredths_clamp_and_round() {
        assert_eq!(hundredths(0.5), "0.50");
        assert_eq!(hundredths(0.05), "0.05");
        assert_eq!(hundredths(0.333), "0.33");
        assert_eq!(hundredths(1.0), "1.00");
        assert_eq!(hundredths(7.0), "1.00");
        assert_eq!(hundredths(-1.0), "0.00");
        assert_eq!(hundredths(f32::NAN), "0.00");
    }

    #[test]
    fn bytes_pick_a_readable_unit() {
        assert_eq!(bytes(0), "0 B");
        assert_eq!(bytes(1023), "1023 B");
        assert_eq!(bytes(1536), "1.5 KB");
        assert_eq!(bytes(24 * 1024 * 1024 * 1024), "24 GB");
    }

    #[test]
    fn durations_show_the_two_largest_units() {
        assert_eq!(duration_secs(42), "42s");
        assert_eq!(duration_secs(125), "2m 5s");
        assert_eq!(duration_secs(3725), "1h 2m");
        assert_eq!(duration_secs(90_061), "1d 1h");
    }

    #[test]
    fn indian_grouping_puts_pairs_before_the_last_three_digits() {
        assert_eq!(super::indian(0), "0");
        assert_eq!(super::indian(999), "999");
        assert_eq!(super::indian(1_000), "1,000");
        assert_eq!(super::indian(1_234_567), "12,34,567");
        assert_eq!(super::indian(-500_000_000), "-50,00,00,000");
        assert_eq!(super::rupees(1234567.4), "₹12,34,567");
    }
}
