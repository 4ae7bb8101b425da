//! A user's preferences (language, theme, time zone, notification channels) and the
//! choices the UI offers; the server accepts only those.

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
    pub fn validate(&self) -> Result<(), crate::error::AppError> {
        use crate::error::AppError;
        if self
            .language_preference
            .as_deref()
            .is_some_and(|l| !["en", "hi", "te"].contains(&l))
        {
            return Err(AppError::invalid_field(
                "language_preference",
                "Choose English, Hindi or Telugu.",
            ));
        }
        if self
            .theme_preference
            .as_deref()
            .is_some_and(|t| !["light", "dark"].contains(&t))
        {
            return Err(AppError::invalid_field(
                "theme_preference",
                "Choose light or dark.",
            ));
        }
        if self
            .timezone
            .as_deref()
            .is_some_and(|tz| !is_iana_timezone(tz))
        {
            return Err(AppError::invalid_field(
                "timezone",
                "Choose a time zone such as Asia/Kolkata.",
            ));
        }
        if let Some(n) = &self.notification_preferences {
            let ok = n.as_object().is_some_and(|o| {
                o.iter()
                    .all(|(k, v)| CHANNELS.contains(&k.as_str()) && v.is_boolean())
            });
            if !ok {
                return Err(AppError::invalid_field(
                    "notification_preferences",
                    "Use true/false for email, sms, push and whatsapp.",
                ));
            }
        }
        Ok(())
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
        assert!(bad.validate().is_err());
        let bad = PreferencesPatch {
            notification_preferences: Some(serde_json::json!({"fax": true})),
            ..Default::default()
        };
        assert!(bad.validate().is_err());
        let ok = PreferencesPatch {
            language_preference: Some("hi".into()),
            notification_preferences: Some(serde_json::json!({"sms": false})),
            ..Default::default()
        };
        assert!(ok.validate().is_ok());
    }
}
