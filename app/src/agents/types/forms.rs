//! What changes an agent after registration (`register.rs`): the agent's own
//! profile, the verification request, an admin's edit, a rejection and a status
//! change, and the field checks they share. Each checks itself into field errors
//! in the caller's language.

use crate::agents::text::T;
use crate::credentials::text::T as Rule;
use crate::credentials::{is_valid_email, normalize_phone};
use crate::error::{AppError, Problems};
use crate::i18n::{Lang, Msg};
use crate::input::given;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub(super) const TEXT_MAX: usize = 255;
pub(super) const NAME_MAX: usize = 100;

pub(super) fn too_long(v: &Option<String>, max: usize) -> bool {
    v.as_deref().is_some_and(|s| s.chars().count() > max)
}

/// A licence expiry: an ISO date after `today`.
pub(super) fn expiry(
    problems: &mut Problems,
    raw: &Option<String>,
    today: NaiveDate,
) -> Option<NaiveDate> {
    let raw = given(raw)?;
    match NaiveDate::parse_from_str(&raw, "%Y-%m-%d") {
        Ok(date) if date > today => Some(date),
        Ok(_) => {
            problems.add("license_expiry_date", T::ExpiryInFuture);
            None
        }
        Err(_) => {
            problems.add("license_expiry_date", Msg::DateFormat);
            None
        }
    }
}

pub(super) fn rate(problems: &mut Problems, rate: Option<f64>) -> Option<f64> {
    let rate = rate?;
    if !(0.0..=100.0).contains(&rate) || !rate.is_finite() {
        problems.add("commission_rate", T::RateRule);
        return None;
    }
    Some((rate * 100.0).round() / 100.0)
}

pub(super) fn years(problems: &mut Problems, years: Option<i32>) -> Option<i32> {
    let years = years?;
    if !(0..=80).contains(&years) {
        problems.add("experience_years", T::YearsRule);
    }
    Some(years)
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
                problems.add(name, Msg::TooLong);
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
            problems.add("territory", Msg::TooLong);
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
