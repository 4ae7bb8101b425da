//! A customer as read: the seed's `PolicyholderResponse` (SPEC §5.7) with the
//! profile this product adds, and the list's query.

use crate::money::Money;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::text_enum! {
    /// `policyholders.income_band`: what a form asks instead of an exact income.
    pub enum IncomeBand {
        Below3L => "below_3l",
        From3To5L => "3l_5l",
        From5To10L => "5l_10l",
        From10To25L => "10l_25l",
        Above25L => "above_25l",
    }
}

crate::text_enum! {
    /// How a customer gave marketing consent (kept with the time, for DLT rules).
    pub enum ConsentChannel {
        InPerson => "in_person",
        Phone => "phone",
        Sms => "sms",
        Whatsapp => "whatsapp",
        Web => "web",
        Import => "import",
    }
}

/// The salutations a form offers.
pub const SALUTATIONS: [&str; 5] = ["Mr.", "Ms.", "Mrs.", "Dr.", "Shri"];

/// `{"full_name", "phone_number", "email"}`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow, utoipa::ToSchema))]
pub struct UserInfo {
    pub full_name: String,
    pub phone_number: Option<String>,
    pub email: Option<String>,
}

/// A customer (SPEC §5.7 PolicyholderResponse, with the profile and the book).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow, utoipa::ToSchema))]
pub struct Customer {
    pub policyholder_id: Uuid,
    pub user_id: Uuid,
    pub tenant_id: Uuid,
    pub agent_id: Option<Uuid>,
    pub agent_code: Option<String>,
    pub customer_id: Option<String>,
    pub salutation: Option<String>,
    pub marital_status: Option<String>,
    pub occupation: Option<String>,
    pub annual_income: Option<Money>,
    pub income_band: Option<IncomeBand>,
    /// Always null: the source's column, not collected.
    pub education_level: Option<String>,
    pub preferred_language: String,
    pub onboarding_status: String,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub nominee_details: Option<serde_json::Value>,
    pub marketing_consent: bool,
    pub marketing_consent_at: Option<DateTime<Utc>>,
    pub marketing_consent_channel: Option<ConsentChannel>,
    pub total_interactions: i32,
    pub last_interaction_at: Option<DateTime<Utc>>,
    /// Policies on their name (any state but cancelled).
    pub total_policies: i64,
    /// The premiums of their policies on the books, per instalment.
    pub total_premium: Money,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[cfg_attr(feature = "ssr", sqlx(flatten))]
    pub user_info: UserInfo,
}

impl Customer {
    /// "Mr. Ravi Kumar": the name as a letter would open.
    pub fn addressed(&self) -> String {
        match &self.salutation {
            Some(s) => format!("{s} {}", self.user_info.full_name),
            None => self.user_info.full_name.clone(),
        }
    }
}

/// `GET /policyholders` and `/agent/customers`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
pub struct CustomerQuery {
    /// One agent's customers (an admin's filter; an agent always sees their own).
    pub agent_id: Option<Uuid>,
    /// Name, phone, email or customer id.
    pub q: Option<String>,
    /// Only customers who have (`true`) or lack (`false`) a policy on the books.
    pub has_policy: Option<bool>,
    pub cursor: Option<String>,
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

impl CustomerQuery {
    pub fn text(&self) -> Option<String> {
        crate::input::given(&self.q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn income_bands_and_channels_round_trip_their_stored_names() {
        for band in IncomeBand::ALL {
            assert_eq!(IncomeBand::parse(band.as_str()), Some(*band));
        }
        assert_eq!(
            ConsentChannel::parse("whatsapp"),
            Some(ConsentChannel::Whatsapp)
        );
        assert_eq!(ConsentChannel::parse("fax"), None);
    }
}
