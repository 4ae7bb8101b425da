//! Registering an agent (SPEC §4.5–4.6, §5.6): the request, the agent code rule,
//! and the check that turns one into a `Registration`.

use super::forms::{clean_list, expiry, rate, too_long, years, NAME_MAX, TEXT_MAX};
use crate::access::Role;
use crate::agents::text::T;
use crate::credentials::text::T as Rule;
use crate::credentials::{is_valid_email, normalize_phone, password::check_new_password};
use crate::error::{AppError, Problems};
use crate::i18n::{Lang, Msg};
use crate::input::given;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Agent codes (SPEC §4.5): 3–20 of `A–Z 0–9 _ -`, stored upper-case.
pub fn agent_code(raw: &str) -> Option<String> {
    let code = raw.trim().to_ascii_uppercase();
    let ok = (3..=20).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    ok.then_some(code)
}

/// The person behind a new agent, when they are not a user yet.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewAgentUser {
    #[serde(default)]
    pub phone_number: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    /// Optional: without one, they sign in with an SMS code.
    #[serde(default)]
    pub password: Option<String>,
}

/// `POST /api/v1/agents/register` (SPEC §5.6).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RegisterRequest {
    /// An existing user to make an agent; otherwise `user` describes a new one (or
    /// one found by phone or email).
    #[serde(default)]
    pub user_id: Option<Uuid>,
    #[serde(default)]
    pub user: Option<NewAgentUser>,
    /// `junior_agent` (default), `senior_agent` or `regional_manager`.
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub agent_code: String,
    #[serde(default)]
    pub provider_id: Option<Uuid>,
    #[serde(default)]
    pub license_number: Option<String>,
    #[serde(default)]
    pub license_expiry_date: Option<String>,
    #[serde(default)]
    pub license_issuing_authority: Option<String>,
    #[serde(default)]
    pub business_name: Option<String>,
    #[serde(default)]
    pub territory: Option<String>,
    #[serde(default)]
    pub experience_years: Option<i32>,
    #[serde(default)]
    pub specializations: Vec<String>,
    #[serde(default)]
    pub commission_rate: Option<f64>,
    #[serde(default)]
    pub parent_agent_id: Option<Uuid>,
}

/// A checked registration.
#[derive(Debug, Clone, PartialEq)]
pub struct Registration {
    pub user_id: Option<Uuid>,
    pub phone_number: Option<String>,
    pub email: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub password: Option<String>,
    pub role: Role,
    pub agent_code: String,
    pub provider_id: Uuid,
    pub license_number: Option<String>,
    pub license_expiry_date: Option<NaiveDate>,
    pub license_issuing_authority: Option<String>,
    pub business_name: Option<String>,
    pub territory: Option<String>,
    pub experience_years: Option<i32>,
    pub specializations: Vec<String>,
    pub commission_rate: Option<f64>,
    pub parent_agent_id: Option<Uuid>,
}

pub const AGENT_ROLES: [Role; 3] = [Role::JuniorAgent, Role::SeniorAgent, Role::RegionalManager];
impl RegisterRequest {
    pub fn validate(&self, lang: Lang, today: NaiveDate) -> Result<Registration, AppError> {
        let mut problems = Problems::new(lang);
        let code = agent_code(&self.agent_code);
        if code.is_none() {
            problems.add("agent_code", T::AgentCodeRule);
        }
        let role = match given(&self.role) {
            None => Some(Role::JuniorAgent),
            Some(r) => Role::parse(&r).filter(|r| AGENT_ROLES.contains(r)),
        };
        if role.is_none() {
            problems.add("role", T::AgentRoleRule);
        }
        if self.provider_id.is_none() {
            problems.add("provider_id", T::ChooseProvider);
        }
        let user = self.user.clone().unwrap_or_default();
        let phone = given(&user.phone_number);
        let phone_number = phone.as_deref().and_then(normalize_phone);
        let email = given(&user.email).map(|e| e.to_ascii_lowercase());
        let (first_name, last_name) = (given(&user.first_name), given(&user.last_name));
        if self.user_id.is_none() {
            if phone_number.is_none() {
                problems.add("phone_number", Rule::PhoneInvalid);
            }
            if first_name.is_none() || too_long(&first_name, NAME_MAX) {
                problems.add("first_name", T::FirstNameNeeded);
            }
            if last_name.is_none() || too_long(&last_name, NAME_MAX) {
                problems.add("last_name", T::LastNameNeeded);
            }
        }
        if email.as_deref().is_some_and(|e| !is_valid_email(e)) {
            problems.add("email", Rule::EmailInvalid);
        }
        let password = given(&user.password);
        if let Some(p) = &password {
            check_new_password(&mut problems, "password", p);
        }
        let license_number = given(&self.license_number);
        if too_long(&license_number, NAME_MAX) {
            problems.add("license_number", Msg::TooLong);
        }
        let license_expiry_date = expiry(&mut problems, &self.license_expiry_date, today);
        for (name, v) in [
            ("license_issuing_authority", &self.license_issuing_authority),
            ("business_name", &self.business_name),
            ("territory", &self.territory),
        ] {
            if too_long(v, TEXT_MAX) {
                problems.add(name, Msg::TooLong);
            }
        }
        let commission_rate = rate(&mut problems, self.commission_rate);
        let experience_years = years(&mut problems, self.experience_years);
        problems.into_result()?;
        Ok(Registration {
            user_id: self.user_id,
            phone_number,
            email,
            first_name: first_name.unwrap_or_default(),
            last_name: last_name.unwrap_or_default(),
            password,
            role: role.unwrap_or(Role::JuniorAgent),
            agent_code: code.unwrap_or_default(),
            provider_id: self.provider_id.unwrap_or_default(),
            license_number: license_number.map(|l| l.to_ascii_uppercase()),
            license_expiry_date,
            license_issuing_authority: given(&self.license_issuing_authority),
            business_name: given(&self.business_name),
            territory: given(&self.territory),
            experience_years,
            specializations: clean_list(&self.specializations),
            commission_rate,
            parent_agent_id: self.parent_agent_id,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn valid() -> RegisterRequest {
        RegisterRequest {
            user: Some(NewAgentUser {
                phone_number: Some("98765 00100".into()),
                first_name: Some("Asha".into()),
                last_name: Some("Rao".into()),
                ..Default::default()
            }),
            agent_code: " agt-100 ".into(),
            provider_id: Some(Uuid::nil()),
            ..Default::default()
        }
    }

    #[test]
    fn agent_codes_are_3_to_20_of_the_allowed_characters_upper_cased() {
        assert_eq!(agent_code(" lic-abc_1 ").as_deref(), Some("LIC-ABC_1"));
        assert_eq!(agent_code("AB"), None);
        assert_eq!(agent_code(&"A".repeat(21)), None);
        assert_eq!(agent_code("AGENT 1"), None);
        assert_eq!(agent_code("एजेंट1"), None);
    }

    #[test]
    fn a_registration_defaults_to_a_junior_agent_and_normalises_its_fields() {
        let r = valid().validate(Lang::En, today()).unwrap();
        assert_eq!(r.role, Role::JuniorAgent);
        assert_eq!(r.agent_code, "AGT-100");
        assert_eq!(r.phone_number.as_deref(), Some("+919876500100"));
    }

    #[test]
    fn a_registration_names_every_bad_field() {
        let bad = RegisterRequest {
            role: Some("super_admin".into()),
            agent_code: "x".into(),
            provider_id: None,
            license_expiry_date: Some("2020-01-01".into()),
            commission_rate: Some(120.0),
            ..RegisterRequest::default()
        };
        let err = bad.validate(Lang::En, today()).unwrap_err();
        for field in [
            "agent_code",
            "role",
            "provider_id",
            "phone_number",
            "first_name",
            "last_name",
            "license_expiry_date",
            "commission_rate",
        ] {
            assert!(!err.field_errors(field).is_empty(), "{field}: {err:?}");
        }
        let hindi = bad.validate(Lang::Hi, today()).unwrap_err();
        assert_ne!(
            hindi.field_errors("agent_code"),
            err.field_errors("agent_code")
        );
    }
}
