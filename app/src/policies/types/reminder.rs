//! Reminders (issue 12): what the customer and policy pages list, the DLT-style
//! SMS template with its `{#var#}` slots in English and Hindi, and the WhatsApp
//! click-to-chat link with the same text.

use super::Channel;
use crate::i18n::Lang;
use crate::money::Money;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

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
}
