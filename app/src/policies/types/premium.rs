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

/// A reminder as the customer and policy pages list it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow, utoipa::ToSchema))]
pub struct Reminder {
    pub reminder_id: Uuid,
    pub policy_id: Uuid,
    pub policy_number: String,
    pub channel: Channel,
    pub due_date: Option<NaiveDate>,
    pub sent_at: DateTime<Utc>,
}

/// The reminder's DLT template (registered text with `{#var#}` slots, filled in
/// order): name, amount, policy number, due date, agent.
pub fn reminder_template(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Dear {#var#}, your premium of {#var#} for policy {#var#} is due on {#var#}. Pay on time to keep your cover. - {#var#}, your LIC agent",
        Lang::Hi => "प्रिय {#var#}, पॉलिसी {#var2#} का {#var1#} प्रीमियम {#var#} को देय है। सुरक्षा बनाए रखने के लिए समय पर भुगतान करें। - {#var#}, आपके LIC एजेंट",
    }
}

/// What a reminder says.
#[derive(Debug, Clone, PartialEq)]
pub struct ReminderText<'a> {
    pub name: &'a str,
    pub amount: Money,
    pub policy_number: &'a str,
    pub due: NaiveDate,
    pub agent: &'a str,
}

/// Fills a template's `{#var#}` slots in order. A translation whose grammar puts
/// the values in another order names them `{#var1#}` (the second value) and so
/// on; a bare `{#var#}` takes the next value not yet used.
pub fn fill_slots(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut used = vec![false; values.len()];
    let mut rest = template;
    while let Some(start) = rest.find("{#var") {
        out.push_str(&rest[..start]);
        let tail = &rest[start + 5..];
        let Some(end) = tail.find("#}") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let index = match &tail[..end] {
            "" => used.iter().position(|u| !u),
            n => n.parse::<usize>().ok(),
        };
        if let Some(i) = index.filter(|i| *i < values.len()) {
            used[i] = true;
            out.push_str(values[i]);
        }
        rest = &tail[end + 2..];
    }
    out.push_str(rest);
    out
}

impl ReminderText<'_> {
    pub fn render(&self, lang: Lang) -> String {
        let amount = self.amount.label();
        let due = crate::policies::text::day_month_year(self.due, lang);
        fill_slots(
            reminder_template(lang),
            &[self.name, &amount, self.policy_number, &due, self.agent],
        )
    }
}

/// The WhatsApp click-to-chat link with the text filled in: `wa.me` takes the
/// number as digits only, with the country code.
pub fn whatsapp_link(phone: &str, text: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 10).then(|| {
        format!(
            "https://wa.me/{digits}?text={}",
            crate::format::urlencode(text)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn slots_fill_in_order_and_by_number() {
        assert_eq!(fill_slots("a {#var#} b {#var#}", &["1", "2"]), "a 1 b 2");
        assert_eq!(
            fill_slots("{#var2#} {#var#} {#var1#}", &["x", "y", "z"]),
            "z x y"
        );
        assert_eq!(fill_slots("no slots", &["x"]), "no slots");
        assert_eq!(fill_slots("{#var#} {#var#}", &["only"]), "only ");
    }

    #[test]
    fn reminders_read_naturally_in_both_languages() {
        let r = ReminderText {
            name: "Asha",
            amount: Money::from_rupees(15000),
            policy_number: "POL001001",
            due: day(2027, 3, 12),
            agent: "Test Agent",
        };
        let en = r.render(Lang::En);
        assert_eq!(en, "Dear Asha, your premium of ₹15,000 for policy POL001001 is due on 12 March 2027. Pay on time to keep your cover. - Test Agent, your LIC agent");
        let hi = r.render(Lang::Hi);
        assert!(
            hi.starts_with("प्रिय Asha, पॉलिसी POL001001 का ₹15,000 प्रीमियम 12 मार्च 2027 को"),
            "{hi}"
        );
        assert!(!hi.contains("{#"), "{hi}");
    }

    #[test]
    fn whatsapp_links_carry_digits_and_the_encoded_text() {
        assert_eq!(
            whatsapp_link("+91 98765 43210", "Due ₹5 & more").as_deref(),
            Some("https://wa.me/919876543210?text=Due+%E2%82%B95+%26+more")
        );
        assert_eq!(whatsapp_link("123", "x"), None);
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
