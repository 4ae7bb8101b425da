//! Insurance providers (SPEC §3.6, §4.8, §5.5): the catalogue's wire types and the
//! checks of a provider form. Integration secrets go in, never out.

use crate::error::{AppError, Problems};
use crate::i18n::Lang;
use crate::providers::text::T;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::text_enum! {
    pub enum ProviderType {
        Life => "life_insurance",
        Health => "health_insurance",
        General => "general_insurance",
    }
}

crate::text_enum! {
    pub enum ProviderStatus {
        Active => "active",
        Inactive => "inactive",
        Suspended => "suspended",
        UnderMaintenance => "under_maintenance",
    }
}

crate::text_enum! {
    pub enum IntegrationStatus {
        Pending => "pending",
        Testing => "testing",
        Active => "active",
    }
}

/// SPEC §5.5 ProviderResponse with the admin fields; whether secrets are set, but
/// never the secrets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, sqlx::FromRow))]
pub struct Provider {
    pub provider_id: Uuid,
    pub provider_code: String,
    pub provider_name: String,
    pub provider_type: ProviderType,
    pub description: Option<String>,
    pub license_number: Option<String>,
    pub regulatory_authority: Option<String>,
    pub established_year: Option<i32>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub headquarters: Option<serde_json::Value>,
    pub supported_languages: Vec<String>,
    pub service_regions: Vec<String>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub business_hours: Option<serde_json::Value>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub commission_structure: Option<serde_json::Value>,
    pub api_endpoint: Option<String>,
    pub webhook_url: Option<String>,
    pub has_api_credentials: bool,
    pub has_webhook_secret: bool,
    pub status: ProviderStatus,
    pub integration_status: IntegrationStatus,
    pub last_sync_at: Option<DateTime<Utc>>,
    pub agent_count: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Provider {
    /// "Mumbai, Maharashtra, India" from the headquarters object.
    pub fn headquarters_text(&self) -> String {
        let hq = self.headquarters.as_ref();
        ["city", "state", "country"]
            .iter()
            .filter_map(|k| hq.and_then(|h| h.get(*k)).and_then(|v| v.as_str()))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// `POST /api/v1/providers` and `PUT /api/v1/providers/{id}`: on update, only the
/// fields sent change, and the code stays.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProviderInput {
    pub provider_code: Option<String>,
    pub provider_name: Option<String>,
    pub provider_type: Option<String>,
    pub description: Option<String>,
    pub license_number: Option<String>,
    pub regulatory_authority: Option<String>,
    pub established_year: Option<i32>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub headquarters: Option<serde_json::Value>,
    pub supported_languages: Option<Vec<String>>,
    pub service_regions: Option<Vec<String>>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub business_hours: Option<serde_json::Value>,
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub commission_structure: Option<serde_json::Value>,
    pub api_endpoint: Option<String>,
    pub webhook_url: Option<String>,
    /// Write-only: stored sealed, never returned.
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub api_credentials: Option<serde_json::Value>,
    /// Write-only: stored sealed, never returned.
    pub webhook_secret: Option<String>,
    pub status: Option<String>,
    pub integration_status: Option<String>,
}

/// Provider codes (SPEC §4.8): upper-case letters, digits, `_` and `-`, 2–20.
pub fn provider_code(raw: &str) -> Option<String> {
    let code = raw.trim().to_ascii_uppercase();
    let ok = (2..=20).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    ok.then_some(code)
}

fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl ProviderInput {
    /// Checks the input; `creating` also requires the code, name and type.
    pub fn validate(&self, lang: Lang, creating: bool) -> Result<ProviderInput, AppError> {
        let mut p = Problems::new(lang);
        let mut out = self.clone();
        match (text(&self.provider_code), creating) {
            (Some(raw), true) => match provider_code(raw) {
                Some(code) => out.provider_code = Some(code),
                None => p.add("provider_code", T::CodeRule),
            },
            (None, true) => p.add("provider_code", T::CodeRule),
            // The code is the provider's identity: it does not change.
            (_, false) => out.provider_code = None,
        }
        let name = text(&self.provider_name);
        if (creating && name.is_none()) || name.is_some_and(|n| n.chars().count() > 255) {
            p.add("provider_name", T::NameRule);
        }
        match (text(&self.provider_type), creating) {
            (Some(t), _) if ProviderType::parse(t).is_none() => p.add("provider_type", T::TypeRule),
            (None, true) => p.add("provider_type", T::TypeRule),
            _ => {}
        }
        if text(&self.status).is_some_and(|s| ProviderStatus::parse(s).is_none()) {
            p.add("status", T::StatusRule);
        }
        if text(&self.integration_status).is_some_and(|s| IntegrationStatus::parse(s).is_none()) {
            p.add("integration_status", T::StatusRule);
        }
        if self
            .established_year
            .is_some_and(|y| !(1800..=2100).contains(&y))
        {
            p.add("established_year", T::YearRule);
        }
        for (field, url) in [
            ("api_endpoint", &self.api_endpoint),
            ("webhook_url", &self.webhook_url),
        ] {
            if text(url).is_some_and(|u| !u.starts_with("https://") || u.len() > 500) {
                p.add(field, T::HttpsRule);
            }
        }
        if let Some(langs) = &self.supported_languages {
            let ok = langs
                .iter()
                .all(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_lowercase()));
            if !ok {
                p.add("supported_languages", T::LanguagesRule);
            }
        }
        if self
            .commission_structure
            .as_ref()
            .is_some_and(|c| !c.is_object())
        {
            p.add("commission_structure", T::ObjectRule);
        }
        if self.business_hours.as_ref().is_some_and(|c| !c.is_object()) {
            p.add("business_hours", T::ObjectRule);
        }
        p.into_result()?;
        out.provider_name = name.map(str::to_owned);
        // Stored as checked: trimmed, and a blank is "not sent".
        out.provider_type = text(&self.provider_type).map(str::to_owned);
        out.status = text(&self.status).map(str::to_owned);
        out.integration_status = text(&self.integration_status).map(str::to_owned);
        Ok(out)
    }
}

/// `GET /api/v1/providers`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::IntoParams))]
pub struct ProviderQuery {
    pub status: Option<String>,
    pub provider_type: Option<String>,
    /// Name or code, substring, any case.
    pub search: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_upper_case_letters_digits_and_dashes() {
        assert_eq!(provider_code(" hdfc_life ").as_deref(), Some("HDFC_LIFE"));
        assert_eq!(provider_code("L"), None);
        assert_eq!(provider_code("LIC INDIA"), None);
        assert_eq!(provider_code(&"A".repeat(21)), None);
    }

    #[test]
    fn a_new_provider_needs_code_name_and_type() {
        let err = ProviderInput::default()
            .validate(Lang::En, true)
            .unwrap_err();
        for f in ["provider_code", "provider_name", "provider_type"] {
            assert!(!err.field_errors(f).is_empty(), "{f}");
        }
        // An update may send only what changes; the code is ignored.
        let update = ProviderInput {
            provider_code: Some("NEW".into()),
            description: Some("x".into()),
            ..Default::default()
        };
        assert_eq!(
            update.validate(Lang::En, false).unwrap().provider_code,
            None
        );
    }

    #[test]
    fn bad_fields_are_named() {
        let bad = ProviderInput {
            provider_code: Some("LIC".into()),
            provider_name: Some("LIC".into()),
            provider_type: Some("car_insurance".into()),
            established_year: Some(1500),
            webhook_url: Some("http://x".into()),
            commission_structure: Some(serde_json::json!([1])),
            ..Default::default()
        };
        let err = bad.validate(Lang::En, true).unwrap_err();
        for f in [
            "provider_type",
            "established_year",
            "webhook_url",
            "commission_structure",
        ] {
            assert!(!err.field_errors(f).is_empty(), "{f}");
        }
    }
}
