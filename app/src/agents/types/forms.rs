//! What changes an agent: registration, the agent's own profile, the verification
//! request, an admin's edit, a rejection and a status change. Each checks itself
//! into field errors in the caller's language.

use crate::access::Role;
use crate::agents::text::T;
use crate::credentials::text::T as Rule;
use crate::credentials::{is_valid_email, normalize_phone, password::check_new_password};
use crate::error::{AppError, Problems};
use crate::i18n::Lang;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The trimmed text, if not blank.
pub fn given(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

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
const TEXT_MAX: usize = 255;
const NAME_MAX: usize = 100;

fn too_long(v: &Option<String>, max: usize) -> bool {
    v.as_deref().is_some_and(|s| s.chars().count() > max)
}

/// A licence expiry: an ISO date after `today`.
fn expiry(problems: &mut Problems, raw: &Option<String>, today: NaiveDate) -> Option<NaiveDate> {
    let raw = given(raw)?;
    match NaiveDate::parse_from_str(&raw, "%Y-%m-%d") {
        Ok(date) if date > today => Some(date),
        Ok(_) => {
            problems.add("license_expiry_date", T::ExpiryInFuture);
            None
        }
        Err(_) => {
            problems.add("license_expiry_date", T::DateFormat);
            None
        }
    }
}

fn rate(problems: &mut Problems, rate: Option<f64>) -> Option<f64> {
    let rate = rate?;
    if !(0.0..=100.0).contains(&rate) || !rate.is_finite() {
        problems.add("commission_rate", T::RateRule);
        return None;
    }
    Some((rate * 100.0).round() / 100.0)
}

fn years(problems: &mut Problems, years: Option<i32>) -> Option<i32> {
    let years = years?;
    if !(0..=80).contains(&years) {
        problems.add("experience_years", T::YearsRule);
    }
    Some(years)
}

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
            problems.add("license_number", T::TooLong);
        }
        let license_expiry_date = expiry(&mut problems, &self.license_expiry_date, today);
        for (name, v) in [
            ("license_issuing_authority", &self.license_issuing_authority),
            ("business_name", &self.business_name),
            ("territory", &self.territory),
        ] {
            if too_long(v, TEXT_MAX) {
                problems.add(name, T::TooLong);
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

/// Trimmed, non-empty, de-duplicated entries, at most 20.
pub fn clean_list(items: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        if !out.iter().any(|o| o == item) && out.len() < 20 {
            out.push(item.chars().take(100).collect());
        }
    }
    out
}

/// A comma-separated form field as a list.
pub fn split_list(text: &str) -> Vec<String> {
    clean_list(&text.split(',').map(str::to_owned).collect::<Vec<_>>())
}

/// `PUT /api/v1/agents/profile`: what an agent edits about their business. Only
/// the fields sent change.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProfilePatch {
    pub business_name: Option<String>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub business_address: Option<serde_json::Value>,
    pub gst_number: Option<String>,
    pub pan_number: Option<String>,
    pub territory: Option<String>,
    pub operating_regions: Option<Vec<String>>,
    pub experience_years: Option<i32>,
    pub specializations: Option<Vec<String>>,
    pub whatsapp_business_number: Option<String>,
    pub business_email: Option<String>,
    pub website: Option<String>,
}

impl ProfilePatch {
    pub fn validate(&self, lang: Lang) -> Result<ProfilePatch, AppError> {
        let mut problems = Problems::new(lang);
        for (name, v) in [
            ("business_name", &self.business_name),
            ("territory", &self.territory),
            ("website", &self.website),
        ] {
            if too_long(v, TEXT_MAX) {
                problems.add(name, T::TooLong);
            }
        }
        let gst = given(&self.gst_number).map(|g| g.to_ascii_uppercase());
        if gst.as_deref().is_some_and(|g| !is_gstin(g)) {
            problems.add("gst_number", T::GstRule);
        }
        let pan = given(&self.pan_number).map(|p| p.to_ascii_uppercase());
        if pan.as_deref().is_some_and(|p| !is_pan(p)) {
            problems.add("pan_number", T::PanRule);
        }
        let whatsapp = given(&self.whatsapp_business_number);
        let whatsapp_normal = whatsapp.as_deref().and_then(normalize_phone);
        if whatsapp.is_some() && whatsapp_normal.is_none() {
            problems.add("whatsapp_business_number", Rule::PhoneInvalid);
        }
        let email = given(&self.business_email).map(|e| e.to_ascii_lowercase());
        if email.as_deref().is_some_and(|e| !is_valid_email(e)) {
            problems.add("business_email", Rule::EmailInvalid);
        }
        let website = given(&self.website);
        if website
            .as_deref()
            .is_some_and(|w| !(w.starts_with("https://") || w.starts_with("http://")))
        {
            problems.add("website", T::WebsiteRule);
        }
        let experience_years = years(&mut problems, self.experience_years);
        problems.into_result()?;
        // A blank field clears it: `Some("")` stays, to be stored as NULL.
        let keep = |v: &Option<String>, cleaned: Option<String>| {
            v.as_ref().map(|_| cleaned.unwrap_or_default())
        };
        Ok(ProfilePatch {
            business_name: keep(&self.business_name, given(&self.business_name)),
            business_address: self.business_address.clone(),
            gst_number: keep(&self.gst_number, gst),
            pan_number: keep(&self.pan_number, pan),
            territory: keep(&self.territory, given(&self.territory)),
            operating_regions: self.operating_regions.as_deref().map(clean_list),
            experience_years,
            specializations: self.specializations.as_deref().map(clean_list),
            whatsapp_business_number: keep(&self.whatsapp_business_number, whatsapp_normal),
            business_email: keep(&self.business_email, email),
            website: keep(&self.website, website),
        })
    }
}

/// GSTIN: 15 characters, two digits of state code, the PAN, then three more.
fn is_gstin(g: &str) -> bool {
    let b = g.as_bytes();
    g.is_ascii()
        && b.len() == 15
        && b[..2].iter().all(u8::is_ascii_digit)
        && is_pan(&g[2..12])
        && b[12..].iter().all(u8::is_ascii_alphanumeric)
}

/// PAN: five letters, four digits, one letter.
fn is_pan(p: &str) -> bool {
    let b = p.as_bytes();
    b.len() == 10
        && b[..5].iter().all(u8::is_ascii_uppercase)
        && b[5..9].iter().all(u8::is_ascii_digit)
        && b[9].is_ascii_uppercase()
}

/// `POST /api/v1/agents/verification/request` (SPEC §5.6).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct VerificationRequest {
    #[serde(default)]
    pub license_number: Option<String>,
    #[serde(default)]
    pub license_expiry_date: Option<String>,
    #[serde(default)]
    pub license_issuing_authority: Option<String>,
    /// Ids of documents uploaded with `POST /api/v1/agents/documents`.
    #[serde(default)]
    pub documents: Vec<Uuid>,
}

/// A checked verification request.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    pub license_number: String,
    pub license_expiry_date: NaiveDate,
    pub license_issuing_authority: String,
    pub documents: Vec<Uuid>,
}

impl VerificationRequest {
    pub fn validate(&self, lang: Lang, today: NaiveDate) -> Result<Submission, AppError> {
        let mut problems = Problems::new(lang);
        let number = given(&self.license_number).map(|l| l.to_ascii_uppercase());
        if number.is_none() || too_long(&number, NAME_MAX) {
            problems.add("license_number", T::LicenceNeeded);
        }
        let expiry_date = expiry(&mut problems, &self.license_expiry_date, today);
        if given(&self.license_expiry_date).is_none() {
            problems.add("license_expiry_date", T::ExpiryNeeded);
        }
        let authority = given(&self.license_issuing_authority);
        if authority.is_none() || too_long(&authority, NAME_MAX) {
            problems.add("license_issuing_authority", T::AuthorityNeeded);
        }
        if self.documents.is_empty() {
            problems.add("documents", T::DocumentNeeded);
        }
        problems.into_result()?;
        Ok(Submission {
            license_number: number.unwrap_or_default(),
            license_expiry_date: expiry_date.unwrap_or(today),
            license_issuing_authority: authority.unwrap_or_default(),
            documents: self.documents.clone(),
        })
    }
}

/// `POST /api/v1/agents/verification/{agent_id}/reject`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Rejection {
    #[serde(default)]
    pub reason: String,
}

impl Rejection {
    pub fn validate(&self, lang: Lang) -> Result<String, AppError> {
        let reason = self.reason.trim();
        if reason.is_empty() || reason.chars().count() > 1000 {
            let mut problems = Problems::new(lang);
            problems.add("reason", T::ReasonNeeded);
            problems.into_result()?;
        }
        Ok(reason.to_owned())
    }
}

/// `PUT /api/v1/agents/{agent_id}/status`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StatusChange {
    /// `active`, `inactive` or `suspended`.
    pub status: String,
    #[serde(default)]
    pub reason: Option<String>,
}

/// `PUT /api/v1/agents/{agent_id}`: what an admin sets about an agent.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AdminPatch {
    pub provider_id: Option<Uuid>,
    pub commission_rate: Option<f64>,
    pub territory: Option<String>,
    /// The new parent; `clear_parent` removes it.
    pub parent_agent_id: Option<Uuid>,
    #[serde(default)]
    pub clear_parent: bool,
}

impl AdminPatch {
    pub fn validate(&self, lang: Lang) -> Result<AdminPatch, AppError> {
        let mut problems = Problems::new(lang);
        let commission_rate = rate(&mut problems, self.commission_rate);
        if too_long(&self.territory, TEXT_MAX) {
            problems.add("territory", T::TooLong);
        }
        problems.into_result()?;
        Ok(AdminPatch {
            commission_rate,
            ..self.clone()
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

    #[test]
    fn a_verification_request_needs_a_future_expiry_and_a_document() {
        let mut req = VerificationRequest {
            license_number: Some("lic123".into()),
            license_expiry_date: Some("2027-03-31".into()),
            license_issuing_authority: Some("IRDAI".into()),
            documents: vec![Uuid::nil()],
        };
        let ok = req.validate(Lang::En, today()).unwrap();
        assert_eq!(ok.license_number, "LIC123");
        req.license_expiry_date = Some("2026-12-01".into());
        req.documents.clear();
        let err = req.validate(Lang::En, today()).unwrap_err();
        assert!(!err.field_errors("license_expiry_date").is_empty());
        assert!(!err.field_errors("documents").is_empty());
        req.license_expiry_date = Some("31/03/2027".into());
        let err = req.validate(Lang::En, today()).unwrap_err();
        assert_eq!(
            err.field_errors("license_expiry_date"),
            ["Use a date like 2027-03-31."]
        );
    }

    #[test]
    fn profile_edits_check_gst_pan_and_contacts() {
        let patch = ProfilePatch {
            gst_number: Some("27abcde1234f1z5".into()),
            pan_number: Some("ABCDE1234F".into()),
            whatsapp_business_number: Some("9876543210".into()),
            website: Some("".into()),
            ..Default::default()
        };
        let odd = ProfilePatch {
            gst_number: Some("27ÄBCDE1234F1".into()),
            ..Default::default()
        };
        assert!(
            odd.validate(Lang::En).is_err(),
            "non-ASCII is refused, not a panic"
        );
        let ok = patch.validate(Lang::En).unwrap();
        assert_eq!(ok.gst_number.as_deref(), Some("27ABCDE1234F1Z5"));
        assert_eq!(
            ok.whatsapp_business_number.as_deref(),
            Some("+919876543210")
        );
        assert_eq!(ok.website.as_deref(), Some(""), "blank clears");
        let bad = ProfilePatch {
            gst_number: Some("27".into()),
            pan_number: Some("1234".into()),
            website: Some("example.com".into()),
            ..Default::default()
        };
        let err = bad.validate(Lang::En).unwrap_err();
        for field in ["gst_number", "pan_number", "website"] {
            assert!(!err.field_errors(field).is_empty(), "{field}");
        }
    }

    #[test]
    fn lists_are_trimmed_and_deduplicated() {
        assert_eq!(split_list(" life, health ,,life"), vec!["life", "health"]);
    }
}
