//! Money as whole paise: exact arithmetic, no float rounding, no decimal crate in
//! the client. Postgres keeps `NUMERIC(…, 2)`; SQL converts at the edge
//! (`(amount * 100)::int8` out, `$1::int8 / 100.0` in).
//!
//! JSON carries rupees as a number with up to two decimals (`15000`, `8500.5`), the
//! shape the seed clients send and read.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "ssr", derive(sqlx::Type), sqlx(transparent))]
pub struct Money(pub i64);

impl Money {
    pub const ZERO: Money = Money(0);

    pub fn from_rupees(rupees: i64) -> Money {
        Money(rupees * 100)
    }

    pub fn paise(self) -> i64 {
        self.0
    }

    /// Parses "12,34,567.50", "₹15000" or "8500.5": digits with at most two
    /// decimals; grouping commas and the rupee sign are allowed.
    pub fn parse(text: &str) -> Option<Money> {
        let cleaned: String = text
            .trim()
            .trim_start_matches('₹')
            .trim()
            .chars()
            .filter(|c| *c != ',')
            .collect();
        let (whole, frac) = match cleaned.split_once('.') {
            Some((w, f)) => (w, f),
            None => (cleaned.as_str(), ""),
        };
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(frac) || frac.len() > 2 || whole.len() > 15
        {
            return None;
        }
        let rupees: i64 = whole.parse().ok()?;
        let paise: i64 = format!("{frac:0<2}").parse().ok()?;
        Some(Money(rupees * 100 + paise))
    }

    /// The sign, whole rupees and paise.
    fn parts(self) -> (&'static str, u64, u64) {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        (sign, abs / 100, abs % 100)
    }

    /// ₹12,34,567 or ₹8,500.50: Indian grouping, paise only when there are some.
    pub fn label(self) -> String {
        let (sign, rupees, paise) = self.parts();
        let rupees = crate::format::indian(rupees as i64);
        match paise {
            0 => format!("{sign}₹{rupees}"),
            p => format!("{sign}₹{rupees}.{p:02}"),
        }
    }

    /// "15000" or "8500.50", for a form field and an SMS.
    pub fn plain(self) -> String {
        let (sign, rupees, paise) = self.parts();
        match paise {
            0 => format!("{sign}{rupees}"),
            p => format!("{sign}{rupees}.{p:02}"),
        }
    }

    /// Never below zero: what is still owed after a payment.
    pub fn saturating_sub(self, other: Money) -> Money {
        Money((self.0 - other.0).max(0))
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Exact for any amount under 2^53 paise (₹90 lakh crore).
        s.serialize_f64(self.0 as f64 / 100.0)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Int(i64),
            Float(f64),
            Text(String),
        }
        let bad = || serde::de::Error::custom("an amount in rupees, with at most two decimals");
        match Raw::deserialize(d)? {
            Raw::Int(r) => r.checked_mul(100).map(Money).ok_or_else(bad),
            // Through the shortest decimal text, so 0.1 + 0.2 style noise cannot
            // slip a third decimal in.
            Raw::Float(f) if f.is_finite() => Money::parse(&format!("{f}")).ok_or_else(bad),
            Raw::Float(_) => Err(bad()),
            Raw::Text(t) => Money::parse(&t).ok_or_else(bad),
        }
    }
}

#[cfg(feature = "ssr")]
impl utoipa::PartialSchema for Money {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
        utoipa::openapi::RefOr::T(Schema::Object(
            ObjectBuilder::new()
                .schema_type(Type::Number)
                .description(Some("Rupees, with at most two decimals"))
                .build(),
        ))
    }
}

#[cfg(feature = "ssr")]
impl utoipa::ToSchema for Money {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_parse_exactly_and_refuse_a_third_decimal() {
        assert_eq!(Money::parse("15000"), Some(Money(1_500_000)));
        assert_eq!(Money::parse("₹12,34,567.5"), Some(Money(123_456_750)));
        assert_eq!(Money::parse(" 8500.05 "), Some(Money(850_005)));
        for bad in ["", "-5", "1.234", "12a", ".5", "1e5", "₹"] {
            assert_eq!(Money::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn labels_use_indian_grouping() {
        assert_eq!(Money::from_rupees(1_234_567).label(), "₹12,34,567");
        assert_eq!(Money(850_050).label(), "₹8,500.50");
        assert_eq!(Money(850_050).plain(), "8500.50");
        assert_eq!(Money::from_rupees(15_000).plain(), "15000");
    }

    #[test]
    fn json_is_rupees_and_outstanding_never_goes_below_zero() {
        let m: Money = serde_json::from_str("8500.5").unwrap();
        assert_eq!(m, Money(850_050));
        let m: Money = serde_json::from_str("15000").unwrap();
        assert_eq!(serde_json::to_string(&m).unwrap(), "15000.0");
        assert!(serde_json::from_str::<Money>("0.001").is_err());
        assert_eq!(Money(100).saturating_sub(Money(250)), Money::ZERO);
    }
}
