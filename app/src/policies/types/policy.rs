//! A policy as read (SPEC §5.8 PolicyResponse), the list's query and an edit.

use super::{Category, Frequency, PolicyStatus, PolicyStep, PremiumMode, Standing};
use crate::customers::types::UserInfo;
use crate::money::Money;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// `{"full_name", "agent_code"}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow, utoipa::ToSchema))]
pub struct AgentInfo {
    #[cfg_attr(feature = "ssr", sqlx(rename = "agent_full_name"))]
    pub full_name: String,
    pub agent_code: String,
    #[cfg_attr(feature = "ssr", sqlx(rename = "agent_phone"))]
    pub phone_number: Option<String>,
}

/// `{"provider_name", "provider_code"}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow, utoipa::ToSchema))]
pub struct ProviderInfo {
    pub provider_name: String,
    pub provider_code: String,
}

/// A policy with who holds it, who sold it and who underwrites it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow, utoipa::ToSchema))]
pub struct Policy {
    pub policy_id: Uuid,
    pub tenant_id: Uuid,
    pub policy_number: String,
    pub provider_policy_id: Option<String>,
    pub policyholder_id: Uuid,
    pub agent_id: Uuid,
    pub provider_id: Uuid,
    pub policy_type: String,
    pub plan_name: String,
    pub plan_code: Option<String>,
    pub category: Category,
    pub sum_assured: Money,
    pub premium_amount: Money,
    pub premium_frequency: Frequency,
    pub premium_mode: Option<PremiumMode>,
    pub application_date: NaiveDate,
    pub approval_date: Option<NaiveDate>,
    pub start_date: NaiveDate,
    pub maturity_date: Option<NaiveDate>,
    pub renewal_date: Option<NaiveDate>,
    pub status: PolicyStatus,
    pub sub_status: Option<String>,
    pub payment_status: String,
    pub total_payments: i32,
    pub outstanding_amount: Money,
    /// The first unpaid premium's due date.
    pub next_payment_date: Option<NaiveDate>,
    pub last_payment_date: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub coverage_details: serde_json::Value,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub nominee_details: Option<serde_json::Value>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[cfg_attr(feature = "ssr", sqlx(flatten))]
    pub policyholder_info: UserInfo,
    #[cfg_attr(feature = "ssr", sqlx(flatten))]
    pub agent_info: AgentInfo,
    #[cfg_attr(feature = "ssr", sqlx(flatten))]
    pub provider_info: ProviderInfo,
}

impl Policy {
    /// Where the premium stands on `today`: `None` for a policy not on the books
    /// (a draft, a closed policy) or with nothing due.
    pub fn standing(&self, today: NaiveDate) -> Option<Standing> {
        let due = self.next_payment_date?;
        self.status
            .is_on_the_books()
            .then(|| Standing::of(due, self.premium_frequency, today, super::DUE_SOON_DAYS))
    }

    /// The riders and benefits as a list (SPEC §5.8 `/coverage`): an object's
    /// entries become `{coverage_type, details}` or `{coverage_type, amount}`; an
    /// array is returned as it is.
    pub fn coverage(&self) -> Vec<serde_json::Value> {
        use serde_json::{json, Value};
        match &self.coverage_details {
            Value::Array(items) => items.clone(),
            Value::Object(map) => map
                .iter()
                .map(|(k, v)| match v {
                    Value::Object(_) | Value::Array(_) => json!({"coverage_type": k, "details": v}),
                    other => json!({"coverage_type": k, "amount": other}),
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The rider names, for the detail page: `{"riders": [...]}` or the keys.
    pub fn riders(&self) -> Vec<String> {
        match self.coverage_details.get("riders") {
            Some(serde_json::Value::Array(r)) => r
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// A policy with its standing in plain words, as a page shows it
/// (`text::line` words it on the server's today).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyLine {
    pub policy: Policy,
    pub standing: Option<String>,
    pub bucket: Option<super::Bucket>,
}

/// The list's quick views (P9 chips).
pub const VIEWS: [&str; 4] = ["all", "active", "lapsed", "maturing"];

/// Days ahead a "maturing" policy matures within.
pub const MATURING_DAYS: i64 = 90;

/// `GET /policies` and `/policies` (P9).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
pub struct PolicyQuery {
    pub policyholder_id: Option<Uuid>,
    pub agent_id: Option<Uuid>,
    pub provider_id: Option<Uuid>,
    /// One of the ten statuses.
    pub status: Option<String>,
    pub policy_type: Option<String>,
    pub category: Option<String>,
    /// A part of the policy number, any case.
    pub policy_number: Option<String>,
    /// `all`, `active`, `lapsed` or `maturing` (within 90 days).
    pub view: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

impl PolicyQuery {
    pub fn number(&self) -> Option<String> {
        crate::input::given(&self.policy_number).map(|n| n.to_ascii_uppercase())
    }

    /// The status asked for: `Some(None)` when it names no status (no rows match).
    pub fn status(&self) -> Option<Option<PolicyStatus>> {
        crate::input::given_str(&self.status).map(PolicyStatus::parse)
    }

    pub fn category(&self) -> Option<Option<Category>> {
        crate::input::given_str(&self.category).map(Category::parse)
    }

    pub fn view(&self) -> &str {
        crate::input::given_str(&self.view).unwrap_or("all")
    }
}

/// `PUT /policies/{id}`: only the fields sent change. An owner agent may send only
/// coverage and nominee, and only before activation; `status` moves the policy
/// through its lifecycle (admins).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PolicyPatch {
    #[serde(default)]
    pub policy_type: Option<String>,
    #[serde(default)]
    pub plan_name: Option<String>,
    #[serde(default)]
    pub plan_code: Option<String>,
    #[serde(default)]
    pub category: Option<String>,
    #[serde(default)]
    pub sum_assured: Option<Money>,
    #[serde(default)]
    pub premium_amount: Option<Money>,
    #[serde(default)]
    pub premium_frequency: Option<String>,
    #[serde(default)]
    pub premium_mode: Option<String>,
    #[serde(default)]
    pub maturity_date: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub coverage_details: Option<serde_json::Value>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub nominee_details: Option<serde_json::Value>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub sub_status: Option<String>,
    #[serde(default)]
    pub payment_status: Option<String>,
}

impl PolicyPatch {
    /// Whether the patch touches anything beyond coverage and nominee (the owner
    /// agent's limit).
    pub fn beyond_owner_fields(&self) -> bool {
        self.policy_type.is_some()
            || self.plan_name.is_some()
            || self.plan_code.is_some()
            || self.category.is_some()
            || self.sum_assured.is_some()
            || self.premium_amount.is_some()
            || self.premium_frequency.is_some()
            || self.premium_mode.is_some()
            || self.maturity_date.is_some()
            || self.status.is_some()
            || self.sub_status.is_some()
            || self.payment_status.is_some()
    }
}

impl PolicyStep {
    /// The step that leads to `status` (a `PUT` that names a status).
    pub fn towards(status: PolicyStatus) -> Option<PolicyStep> {
        use PolicyStatus as S;
        Some(match status {
            S::PendingApproval => PolicyStep::Submit,
            S::Approved => PolicyStep::Approve,
            S::Active => PolicyStep::Activate,
            S::Cancelled => PolicyStep::Cancel,
            S::Lapsed => PolicyStep::Lapse,
            S::Surrendered => PolicyStep::Surrender,
            S::Matured => PolicyStep::Mature,
            S::Claimed => PolicyStep::Claim,
            S::Draft | S::UnderReview => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn coverage_objects_become_lists_and_arrays_stay() {
        let mut p = sample();
        p.coverage_details = json!({"riders": ["Critical Illness"], "accident": 100000});
        let c = p.coverage();
        assert!(c.contains(&json!({"coverage_type": "riders", "details": ["Critical Illness"]})));
        assert!(c.contains(&json!({"coverage_type": "accident", "amount": 100000})));
        assert_eq!(p.riders(), vec!["Critical Illness".to_owned()]);
        p.coverage_details = json!([{"coverage_type": "base"}]);
        assert_eq!(p.coverage(), vec![json!({"coverage_type": "base"})]);
    }

    #[test]
    fn only_policies_on_the_books_have_a_standing() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
        let mut p = sample();
        p.next_payment_date = Some(today);
        assert!(p.standing(today).is_none(), "a draft owes nothing yet");
        p.status = PolicyStatus::Active;
        assert_eq!(
            p.standing(today).and_then(|s| s.bucket()),
            Some(super::super::Bucket::DueSoon)
        );
    }

    #[test]
    fn every_status_but_draft_and_review_has_a_step_towards_it() {
        for s in PolicyStatus::ALL {
            let step = PolicyStep::towards(*s);
            assert_eq!(
                step.is_none(),
                matches!(s, PolicyStatus::Draft | PolicyStatus::UnderReview)
            );
        }
    }

    pub(crate) fn sample() -> Policy {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        Policy {
            policy_id: Uuid::nil(),
            tenant_id: Uuid::nil(),
            policy_number: "POL1".into(),
            provider_policy_id: None,
            policyholder_id: Uuid::nil(),
            agent_id: Uuid::nil(),
            provider_id: Uuid::nil(),
            policy_type: "term_life".into(),
            plan_name: "Term".into(),
            plan_code: None,
            category: Category::Life,
            sum_assured: Money::from_rupees(100),
            premium_amount: Money::from_rupees(10),
            premium_frequency: Frequency::Annual,
            premium_mode: None,
            application_date: day,
            approval_date: None,
            start_date: day,
            maturity_date: None,
            renewal_date: None,
            status: PolicyStatus::Draft,
            sub_status: None,
            payment_status: "pending".into(),
            total_payments: 0,
            outstanding_amount: Money::ZERO,
            next_payment_date: None,
            last_payment_date: None,
            coverage_details: json!({}),
            nominee_details: None,
            created_at: Utc::now(),
            updated_at: Utc::now(),
            policyholder_info: UserInfo::default(),
            agent_info: AgentInfo::default(),
            provider_info: ProviderInfo::default(),
        }
    }
}
