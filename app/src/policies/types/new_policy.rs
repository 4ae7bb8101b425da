//! Writing a policy (SPEC §4.9, §5.8): the request, the policy-number rule, and
//! the check that turns one into a `NewPolicy`. Who may write it for whom is the
//! service's question; this file only asks whether the policy makes sense.

use super::schedule::Frequency;
use crate::error::{AppError, Problems};
use crate::i18n::{Lang, Msg};
use crate::input::given;
use crate::money::Money;
use crate::policies::text::T;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::text_enum! {
    /// `insurance_policies.category`.
    pub enum Category {
        Life => "life",
        Health => "health",
        General => "general",
    }
}

crate::text_enum! {
    /// `insurance_policies.premium_mode`.
    pub enum PremiumMode {
        Regular => "regular",
        Single => "single",
        LimitedPay => "limited_pay",
    }
}

/// The kinds of plan the form offers (SPEC §3.9); the API takes any snake_case name.
pub const POLICY_TYPES: [&str; 7] = [
    "term_life",
    "whole_life",
    "endowment",
    "ulip",
    "child_plan",
    "retirement",
    "health_insurance",
];

/// The import sanity limits of SPEC §4.9 (₹10,00,000 and ₹5,00,00,000), enforced everywhere.
pub const PREMIUM_CAP: Money = Money(1_000_000 * 100);
pub const SUM_ASSURED_CAP: Money = Money(50_000_000 * 100);

/// A policy number: 1–100 of `A–Z 0–9 / -`, stored upper-case; for LIC, 8–12 digits.
pub fn policy_number(raw: &str, provider_code: &str) -> Result<String, T> {
    let number = raw.trim().to_ascii_uppercase();
    if provider_code.eq_ignore_ascii_case("LIC") {
        let ok = (8..=12).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit());
        return if ok {
            Ok(number)
        } else {
            Err(T::LicNumberRule)
        };
    }
    let ok = (1..=100).contains(&number.len())
        && number
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'/' || b == b'-');
    if ok {
        Ok(number)
    } else {
        Err(T::PolicyNumberRule)
    }
}

/// `POST /api/v1/policies` (SPEC §5.8). Dates are ISO `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PolicyRequest {
    /// Blank: one is generated (`POL` + 9 digits; LIC: 10 digits).
    #[serde(default)]
    pub policy_number: Option<String>,
    #[serde(default)]
    pub policyholder_id: Option<Uuid>,
    /// Defaults to the customer's agent.
    #[serde(default)]
    pub agent_id: Option<Uuid>,
    /// Defaults to the agent's provider; must be it.
    #[serde(default)]
    pub provider_id: Option<Uuid>,
    #[serde(default)]
    pub policy_type: String,
    #[serde(default)]
    pub plan_name: String,
    #[serde(default)]
    pub plan_code: Option<String>,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub sum_assured: Option<Money>,
    #[serde(default)]
    pub premium_amount: Option<Money>,
    #[serde(default)]
    pub premium_frequency: String,
    #[serde(default)]
    pub premium_mode: Option<String>,
    #[serde(default)]
    pub application_date: String,
    #[serde(default)]
    pub start_date: String,
    #[serde(default)]
    pub maturity_date: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub coverage_details: Option<serde_json::Value>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub nominee_details: Option<serde_json::Value>,
}

/// A checked policy, ready for the service's ownership checks.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPolicy {
    pub policy_number: Option<String>,
    pub policyholder_id: Uuid,
    pub agent_id: Option<Uuid>,
    pub provider_id: Option<Uuid>,
    pub policy_type: String,
    pub plan_name: String,
    pub plan_code: Option<String>,
    pub category: Category,
    pub sum_assured: Money,
    pub premium_amount: Money,
    pub premium_frequency: Frequency,
    pub premium_mode: Option<PremiumMode>,
    pub application_date: NaiveDate,
    pub start_date: NaiveDate,
    pub maturity_date: Option<NaiveDate>,
    pub coverage_details: serde_json::Value,
    pub nominee_details: Option<serde_json::Value>,
}

fn date(problems: &mut Problems, field: &str, raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    if raw.is_empty() {
        problems.add(field, T::DateNeeded);
        return None;
    }
    let parsed = NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok();
    if parsed.is_none() {
        problems.add(field, Msg::DateFormat);
    }
    parsed
}

fn amount(problems: &mut Problems, field: &str, value: Option<Money>, cap: Money) -> Money {
    match value {
        Some(m) if m > Money::ZERO && m <= cap => m,
        Some(m) if m > cap => {
            problems.add_filled(field, T::AmountCap, &[("cap", &cap.label())]);
            Money::ZERO
        }
        _ => {
            problems.add(field, T::AmountPositive);
            Money::ZERO
        }
    }
}

fn is_snake(s: &str) -> bool {
    (1..=100).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

impl PolicyRequest {
    pub fn validate(&self, lang: Lang, today: NaiveDate) -> Result<NewPolicy, AppError> {
        let mut problems = Problems::new(lang);
        if self.policyholder_id.is_none() {
            problems.add("policyholder_id", T::ChooseCustomer);
        }
        let policy_type = self.policy_type.trim().to_ascii_lowercase();
        if !is_snake(&policy_type) {
            problems.add("policy_type", T::PolicyTypeRule);
        }
        let plan_name = self.plan_name.trim().to_owned();
        if plan_name.is_empty() || plan_name.chars().count() > 255 {
            problems.add("plan_name", T::PlanNameNeeded);
        }
        let plan_code = given(&self.plan_code).map(|c| c.to_ascii_uppercase());
        if plan_code.as_deref().is_some_and(|c| c.len() > 50) {
            problems.add("plan_code", Msg::TooLong);
        }
        let category = Category::parse(self.category.trim());
        if category.is_none() {
            problems.add("category", T::CategoryRule);
        }
        let frequency = Frequency::parse(self.premium_frequency.trim());
        if frequency.is_none() {
            problems.add("premium_frequency", T::FrequencyRule);
        }
        let premium_mode = match given(&self.premium_mode) {
            None => None,
            Some(m) => {
                let mode = PremiumMode::parse(&m);
                if mode.is_none() {
                    problems.add("premium_mode", T::ModeRule);
                }
                mode
            }
        };
        let sum_assured = amount(
            &mut problems,
            "sum_assured",
            self.sum_assured,
            SUM_ASSURED_CAP,
        );
        let premium_amount = amount(
            &mut problems,
            "premium_amount",
            self.premium_amount,
            PREMIUM_CAP,
        );
        let application = date(&mut problems, "application_date", &self.application_date);
        if application.is_some_and(|a| a > today) {
            problems.add("application_date", T::ApplicationNotFuture);
        }
        let start = date(&mut problems, "start_date", &self.start_date);
        if let (Some(a), Some(s)) = (application, start) {
            if s < a {
                problems.add("start_date", T::StartAfterApplication);
            }
        }
        let maturity = match given(&self.maturity_date) {
            None => None,
            Some(raw) => {
                let m = date(&mut problems, "maturity_date", &raw);
                if let (Some(m), Some(s)) = (m, start) {
                    if m <= s {
                        problems.add("maturity_date", T::MaturityAfterStart);
                    }
                }
                m
            }
        };
        let number = given(&self.policy_number);
        if number.as_deref().is_some_and(|n| n.len() > 100) {
            problems.add("policy_number", T::PolicyNumberRule);
        }
        problems.into_result()?;
        Ok(NewPolicy {
            policy_number: number,
            policyholder_id: self.policyholder_id.unwrap_or_default(),
            agent_id: self.agent_id,
            provider_id: self.provider_id,
            policy_type,
            plan_name,
            plan_code,
            category: category.unwrap_or(Category::Life),
            sum_assured,
            premium_amount,
            premium_frequency: frequency.unwrap_or(Frequency::Annual),
            premium_mode,
            application_date: application.unwrap_or(today),
            start_date: start.unwrap_or(today),
            maturity_date: maturity,
            coverage_details: self
                .coverage_details
                .clone()
                .unwrap_or_else(|| serde_json::json!({})),
            nominee_details: self.nominee_details.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn valid() -> PolicyRequest {
        PolicyRequest {
            policyholder_id: Some(Uuid::nil()),
            policy_type: "term_life".into(),
            plan_name: "LIC Term Plan".into(),
            category: "life".into(),
            sum_assured: Some(Money::from_rupees(5_000_000)),
            premium_amount: Some(Money::from_rupees(15_000)),
            premium_frequency: "yearly".into(),
            application_date: "2026-11-01".into(),
            start_date: "2026-12-01".into(),
            ..Default::default()
        }
    }

    fn fields(r: PolicyRequest) -> Vec<String> {
        match r.validate(Lang::En, today()) {
            Err(AppError::Invalid { fields, .. }) => fields.into_keys().collect(),
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn a_good_policy_passes_and_yearly_reads_as_annual() {
        let p = valid().validate(Lang::En, today()).unwrap();
        assert_eq!(p.premium_frequency, Frequency::Annual);
        assert_eq!(p.category, Category::Life);
        assert_eq!(p.coverage_details, serde_json::json!({}));
    }

    #[test]
    fn each_rule_names_its_field() {
        let mut r = valid();
        r.sum_assured = Some(Money::ZERO);
        r.premium_amount = Some(Money::from_rupees(1_000_001));
        r.category = "motor".into();
        r.premium_frequency = "weekly".into();
        r.start_date = "2026-10-01".into();
        r.maturity_date = Some("2026-09-01".into());
        let mut got = fields(r);
        got.sort();
        assert_eq!(
            got,
            [
                "category",
                "maturity_date",
                "premium_amount",
                "premium_frequency",
                "start_date",
                "sum_assured"
            ]
        );
        let mut r = valid();
        r.application_date = "2027-01-01".into();
        r.start_date = "01/12/2026".into();
        r.policyholder_id = None;
        let mut got = fields(r);
        got.sort();
        assert_eq!(got, ["application_date", "policyholder_id", "start_date"]);
    }

    #[test]
    fn lic_numbers_are_8_to_12_digits_and_others_a_safe_alphabet() {
        assert_eq!(policy_number(" 123456789 ", "LIC"), Ok("123456789".into()));
        assert_eq!(policy_number("1234567", "LIC"), Err(T::LicNumberRule));
        assert_eq!(policy_number("POL001001", "LIC"), Err(T::LicNumberRule));
        assert_eq!(
            policy_number("hdfc/2026-01", "HDFC"),
            Ok("HDFC/2026-01".into())
        );
        assert_eq!(policy_number("a b", "HDFC"), Err(T::PolicyNumberRule));
    }
}
