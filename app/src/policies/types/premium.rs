//! Premiums (SPEC §4.10, §5.8): a payment as read, recording one, and the
//! reminders the renewal queue sends.

use super::{Bucket, Frequency, PolicyStatus, Standing};
use crate::error::{AppError, Problems};
use crate::i18n::Lang;
use crate::input::given;
use crate::money::Money;
use crate::policies::text::T;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::text_enum! {
    /// How a premium was paid (`premium_payments.payment_method`).
    pub enum PaymentMethod {
        Cash => "cash",
        Cheque => "cheque",
        Upi => "upi",
        NetBanking => "net_banking",
        Card => "credit_card",
        Online => "online",
        BankTransfer => "bank_transfer",
    }
}

crate::text_enum! {
    /// How a reminder went out.
    pub enum Channel {
        Sms => "sms",
        Whatsapp => "whatsapp",
    }
}

/// One premium in a policy's history (`GET /policies/{id}/premiums`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow, utoipa::ToSchema))]
pub struct Premium {
    pub id: Uuid,
    pub policy_id: Uuid,
    pub policy_number: String,
    pub amount: Money,
    pub payment_date: DateTime<Utc>,
    pub due_date: Option<NaiveDate>,
    pub status: String,
    /// The receipt or gateway reference.
    pub transaction_id: Option<String>,
    pub payment_method: Option<String>,
    pub payment_gateway: Option<String>,
}

/// `POST /policies/{id}/premiums`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PremiumRequest {
    /// Rupees.
    #[serde(default)]
    pub amount: Option<Money>,
    /// `YYYY-MM-DD`; today when absent.
    #[serde(default)]
    pub payment_date: Option<String>,
    /// `cash`, `cheque`, `upi`, `net_banking`, `credit_card`, `online`, `bank_transfer`.
    #[serde(default)]
    pub payment_method: Option<String>,
    /// The receipt number: a receipt is recorded once per policy, so a retry of
    /// the same request is refused (409), never counted twice.
    #[serde(default)]
    pub reference: Option<String>,
}

/// A checked premium.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPremium {
    pub amount: Money,
    pub paid_on: NaiveDate,
    pub method: PaymentMethod,
    pub reference: String,
}

impl PremiumRequest {
    /// # Errors
    /// 422 with every field's problem at once.
    pub fn validate(&self, lang: Lang, today: NaiveDate) -> Result<NewPremium, AppError> {
        let mut problems = Problems::new(lang);
        let amount = self.amount.unwrap_or(Money::ZERO);
        if amount <= Money::ZERO {
            problems.add("amount", T::AmountPositive);
        } else if amount > super::PREMIUM_CAP {
            problems.add_filled(
                "amount",
                T::AmountCap,
                &[("cap", &super::PREMIUM_CAP.label())],
            );
        }
        let paid_on = match given(&self.payment_date) {
            None => Some(today),
            Some(raw) => match NaiveDate::parse_from_str(&raw, "%Y-%m-%d") {
                Ok(d) if d > today => {
                    problems.add("payment_date", T::PaidNotFuture);
                    None
                }
                Ok(d) => Some(d),
                Err(_) => {
                    problems.add("payment_date", crate::i18n::Msg::DateFormat);
                    None
                }
            },
        };
        let method = match given(&self.payment_method) {
            None => Some(PaymentMethod::Cash),
            Some(m) => {
                let method = PaymentMethod::parse(&m);
                if method.is_none() {
                    problems.add("payment_method", T::MethodRule);
                }
                method
            }
        };
        let reference = given(&self.reference).map(|r| r.to_ascii_uppercase());
        match &reference {
            None => problems.add("reference", T::ReceiptNeeded),
            Some(r) if r.len() > 100 => problems.add("reference", crate::i18n::Msg::TooLong),
            Some(_) => {}
        }
        problems.into_result()?;
        Ok(NewPremium {
            amount,
            paid_on: paid_on.unwrap_or(today),
            method: method.unwrap_or(PaymentMethod::Cash),
            reference: reference.unwrap_or_default(),
        })
    }
}

/// Whether a premium may be recorded on a policy in `status`: an approved policy
/// takes its first premium, an active one its renewals, a lapsed one its arrears.
pub fn takes_premiums(status: PolicyStatus) -> bool {
    matches!(
        status,
        PolicyStatus::Approved | PolicyStatus::Active | PolicyStatus::Lapsed
    )
}

/// One row of the renewal queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow, utoipa::ToSchema))]
pub struct Renewal {
    pub policy_id: Uuid,
    pub policy_number: String,
    pub plan_name: String,
    pub status: PolicyStatus,
    pub policyholder_id: Uuid,
    pub customer_name: String,
    pub phone_number: Option<String>,
    pub preferred_language: String,
    pub premium_amount: Money,
    pub outstanding_amount: Money,
    pub premium_frequency: Frequency,
    pub due_date: NaiveDate,
    pub last_reminder_at: Option<DateTime<Utc>>,
    pub last_reminder_channel: Option<Channel>,
}

impl Renewal {
    pub fn standing(&self, today: NaiveDate) -> Standing {
        Standing::of(
            self.due_date,
            self.premium_frequency,
            today,
            super::DUE_SOON_DAYS,
        )
    }

    /// What is owed now: the arrears when some are recorded, else one premium.
    pub fn amount_due(&self) -> Money {
        if self.outstanding_amount > Money::ZERO {
            self.outstanding_amount
        } else {
            self.premium_amount
        }
    }

    /// Whether a reminder may go now: one per policy per day.
    pub fn may_remind(&self, now: DateTime<Utc>) -> bool {
        self.last_reminder_at
            .is_none_or(|at| now - at >= chrono::Duration::hours(REMINDER_GAP_HOURS))
    }
}

/// The agent home's cards and chart (SPEC P3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookSummary {
    pub policies: i64,
    pub active_customers: i64,
    pub premium_this_year: Money,
    pub counts: BucketCounts,
    /// The last twelve months, oldest first: (first day, premiums collected).
    pub months: Vec<(NaiveDate, Money)>,
}

/// At most one reminder per policy in this many hours.
pub const REMINDER_GAP_HOURS: i64 = 24;

/// `GET /policies/renewals` and `/agent/renewals`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
pub struct RenewalQuery {
    /// `due_soon`, `in_grace`, `revivable` or `lapsed`; all four when absent.
    pub bucket: Option<String>,
    /// Days ahead that count as "due soon" (1–90, default 30).
    pub within_days: Option<i64>,
    /// An admin's filter: one agent's queue.
    pub agent_id: Option<Uuid>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

impl RenewalQuery {
    pub fn bucket(&self) -> Option<Option<Bucket>> {
        crate::input::given_str(&self.bucket).map(Bucket::parse)
    }

    pub fn window(&self) -> i64 {
        self.within_days
            .unwrap_or(super::DUE_SOON_DAYS)
            .clamp(1, 90)
    }
}

/// The counts of the queue's buckets (the agent home's cards).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BucketCounts {
    pub due_soon: i64,
    pub in_grace: i64,
    pub revivable: i64,
    pub lapsed: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_premium_needs_an_amount_and_a_receipt_and_no_future_date() {
        let today = day(2026, 12, 2);
        let err = PremiumRequest {
            amount: Some(Money::ZERO),
            payment_date: Some("2026-12-03".into()),
            payment_method: Some("barter".into()),
            reference: None,
        }
        .validate(Lang::En, today)
        .unwrap_err();
        let AppError::Invalid { fields, .. } = err else {
            panic!()
        };
        for f in ["amount", "payment_date", "payment_method", "reference"] {
            assert!(fields.contains_key(f), "{f}");
        }
        let ok = PremiumRequest {
            amount: Some(Money::from_rupees(15000)),
            reference: Some(" rcpt-1 ".into()),
            ..Default::default()
        }
        .validate(Lang::En, today)
        .unwrap();
        assert_eq!(
            (ok.paid_on, ok.method, ok.reference.as_str()),
            (today, PaymentMethod::Cash, "RCPT-1")
        );
    }

    #[test]
    fn one_reminder_a_day() {
        let now = Utc::now();
        let mut r = Renewal {
            policy_id: Uuid::nil(),
            policy_number: "P".into(),
            plan_name: "x".into(),
            status: PolicyStatus::Active,
            policyholder_id: Uuid::nil(),
            customer_name: "A".into(),
            phone_number: None,
            preferred_language: "en".into(),
            premium_amount: Money::from_rupees(10),
            outstanding_amount: Money::ZERO,
            premium_frequency: Frequency::Monthly,
            due_date: day(2026, 12, 2),
            last_reminder_at: None,
            last_reminder_channel: None,
        };
        assert!(r.may_remind(now));
        r.last_reminder_at = Some(now - chrono::Duration::hours(23));
        assert!(!r.may_remind(now));
        r.last_reminder_at = Some(now - chrono::Duration::hours(24));
        assert!(r.may_remind(now));
        assert_eq!(r.amount_due(), Money::from_rupees(10));
        r.outstanding_amount = Money::from_rupees(20);
        assert_eq!(r.amount_due(), Money::from_rupees(20));
    }
}
