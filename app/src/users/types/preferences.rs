//! A user's preferences (language, theme, time zone, notification channels) and the
//! choices the UI offers; the server accepts only those.

use crate::error::{AppError, Problems};
use crate::i18n::Lang;
use crate::users::text::T;
use serde::{Deserialize, Serialize};

/// `GET/PUT /api/v1/users/{id}/preferences` (SPEC §5.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, sqlx::FromRow))]
pub struct Preferences {
    pub language_preference: String,
    pub timezone: String,
    pub theme_preference: String,
    #[cfg_attr(feature = "ssr", schema(value_type = Object))]
    pub notification_preferences: serde_json::Value,
}

/// The notification channels offered in the UI.
pub const CHANNELS: [&str; 4] = ["email", "sms", "push", "whatsapp"];

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PreferencesPatch {
    #[serde(default)]
    pub language_preference: Option<String>,
    #[serde(default)]
    pub timezone: Option<String>,
    #[serde(default)]
    pub theme_preference: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Object>))]
    pub notification_preferences: Option<serde_json::Value>,
}

impl PreferencesPatch {
    /// Every problem with the patch, in `lang`.
    pub fn validate(&self, lang: Lang) -> Result<(), AppError> {
        let mut problems = Problems::new(lang);
        let outside = |value: &Option<String>, allowed: &[&str]| {
            value.as_deref().is_some_and(|v| !allowed.contains(&v))
        };
        if outside(&self.language_preference, &["en", "hi", "te"]) {
            problems.add("language_preference", T::LanguageChoice);
        }
        if outside(&self.theme_preference, &["light", "dark"]) {
            problems.add("theme_preference", T::ThemeChoice);
        }
        if outside(&self.timezone, &TIMEZONES) {
            problems.add("timezone", T::TimezoneChoice);
        }
        if let Some(n) = &self.notification_preferences {
            let ok = n.as_object().is_some_and(|o| {
                o.iter()
                    .all(|(k, v)| CHANNELS.contains(&k.as_str()) && v.is_boolean())
            });
            if !ok {
                problems.add("notification_preferences", T::NotificationChoice);
            }
        }
        problems.into_result()
    }
}

/// Time zones offered (India first); the server accepts any `Area/City` of this list.
pub const TIMEZONES: [&str; 8] = [
    "Asia/Kolkata",
    "Asia/Dubai",
    "Asia/Singapore",
    "Asia/Kathmandu",
    "Europe/London",
    "America/New_York",
    "Australia/Sydney",
    "UTC",
];

pub fn is_iana_timezone(tz: &str) -> bool {
    TIMEZONES.contains(&tz)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preferences_are_checked() {
        let bad = PreferencesPatch {
            timezone: Some("Mars/Base".into()),
            ..Default::default()
        };
        assert!(bad.validate(Lang::En).is_err());
        let bad = PreferencesPatch {
            notification_preferences: Some(serde_json::json!({"fax": true})),
            ..Default::default()
        };
        assert!(bad.validate(Lang::En).is_err());
        let ok = PreferencesPatch {
            language_preference: Some("hi".into()),
            notification_preferences: Some(serde_json::json!({"sms": false})),
            ..Default::default()
        };
        assert!(ok.validate(Lang::En).is_ok());
    }
}
