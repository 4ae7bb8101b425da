//! Sign-in and session DTOs, shared by the server, the browser and the mobile app.
//! Field names follow SPEC §5.2 exactly (the mobile app already speaks them).

use crate::access::Permission;
use crate::access::Role;
use crate::auth::text::T;
use crate::credentials::password::check_new_password;
use crate::error::{AppError, Problems};
use crate::i18n::Lang;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Access tokens live 15 minutes (SPEC §4.3).
pub const ACCESS_TOKEN_SECS: i64 = 15 * 60;
/// Refresh tokens, and sessions, live 7 days.
pub const REFRESH_TOKEN_SECS: i64 = 7 * 24 * 60 * 60;
/// OTP rules (SPEC §4.2).
pub const OTP_LENGTH: usize = 6;
pub const OTP_TTL_SECS: i64 = 5 * 60;
pub const OTP_MAX_ATTEMPTS: i32 = 3;
pub const OTP_RESEND_COOLDOWN_SECS: i64 = 30;
pub const OTP_SENDS_PER_HOUR: i32 = 5;

/// How someone proved who they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LoginMethod {
    Password,
    AgentCode,
    Otp,
}

impl LoginMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            LoginMethod::Password => "password",
            LoginMethod::AgentCode => "agent_code",
            LoginMethod::Otp => "otp",
        }
    }
}

/// `POST /api/v1/auth/login`: phone or email plus password, or agent code plus password.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LoginRequest {
    #[serde(default)]
    pub phone_number: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub agent_code: Option<String>,
    #[serde(default)]
    pub password: Option<String>,
}

/// The identifier a login names, after normalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginIdentifier {
    Phone(String),
    Email(String),
    AgentCode(String),
}

impl LoginIdentifier {
    /// The lockout key: the normalised identifier, never the password.
    pub fn key(&self) -> String {
        match self {
            LoginIdentifier::Phone(p) => format!("phone:{p}"),
            LoginIdentifier::Email(e) => format!("email:{e}"),
            LoginIdentifier::AgentCode(c) => format!("agent:{c}"),
        }
    }

    pub fn method(&self) -> LoginMethod {
        match self {
            LoginIdentifier::AgentCode(_) => LoginMethod::AgentCode,
            _ => LoginMethod::Password,
        }
    }
}

impl LoginRequest {
    /// Validates the shape (not the credentials): which identifier, and a password.
    /// Field errors are in `lang`.
    pub fn parse(&self, lang: Lang) -> Result<(LoginIdentifier, String), AppError> {
        use crate::credentials::{is_valid_email, normalize_phone, text::T as Rule};
        use crate::input::given;
        let identifier = if let Some(code) = given(&self.agent_code) {
            let code = code.to_ascii_uppercase();
            if !is_valid_agent_code(&code) {
                return Err(AppError::invalid(lang, "agent_code", T::AgentCodeInvalid));
            }
            LoginIdentifier::AgentCode(code)
        } else if let Some(phone) = given(&self.phone_number) {
            match normalize_phone(&phone) {
                Some(p) => LoginIdentifier::Phone(p),
                None => return Err(AppError::invalid(lang, "phone_number", Rule::PhoneInvalid)),
            }
        } else if let Some(email) = given(&self.email) {
            let email = email.to_lowercase();
            if !is_valid_email(&email) {
                return Err(AppError::invalid(lang, "email", Rule::EmailInvalid));
            }
            LoginIdentifier::Email(email)
        } else {
            return Err(AppError::BadRequest(
                "Either phone_number or agent_code must be provided".into(),
            ));
        };
        let password = self.password.clone().unwrap_or_default();
        if password.is_empty() {
            return Err(AppError::invalid(lang, "password", T::PasswordRequired));
        }
        Ok((identifier, password))
    }
}

/// SPEC §4.5: 3–20 of `[A-Z0-9_-]`, upper-case.
pub fn is_valid_agent_code(code: &str) -> bool {
    (3..=20).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// The signed-in user as every client sees them (SPEC §5.2 `user`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuthUser {
    pub user_id: Uuid,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub display_name: Option<String>,
    pub full_name: String,
    pub role: Role,
    pub roles: Vec<Role>,
    pub status: String,
    pub phone_verified: bool,
    pub email_verified: bool,
    pub is_verified: bool,
    pub tenant_id: Uuid,
    pub agent_id: Option<Uuid>,
    pub language_preference: String,
    pub last_login_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// SPEC §3.1: "first last" when both are present, else the display name.
pub fn full_name(first: Option<&str>, last: Option<&str>, display: Option<&str>) -> String {
    match (
        first.filter(|s| !s.is_empty()),
        last.filter(|s| !s.is_empty()),
    ) {
        (Some(f), Some(l)) => format!("{f} {l}"),
        _ => display.or(first).unwrap_or_default().to_owned(),
    }
}

/// What `/login`, `/verify-otp` and `/refresh` return to the mobile app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    pub access_token: String,
    pub refresh_token: String,
    pub token_type: String,
    pub expires_in: i64,
    pub user: AuthUser,
    pub permissions: Vec<Permission>,
}

/// The signed-in user and their permissions, for the web UI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionUser {
    pub user: AuthUser,
    pub permissions: Vec<Permission>,
}

impl SessionUser {
    pub fn can(&self, permission: Permission) -> bool {
        self.permissions.contains(&permission)
    }

    pub fn is_agent(&self) -> bool {
        self.user.agent_id.is_some()
    }

    /// A signed-in user of one role, for tests of what they are offered.
    #[cfg(test)]
    pub fn for_tests(role: Role, agent: bool) -> Self {
        let now = chrono::Utc::now();
        let user = AuthUser {
            user_id: Uuid::nil(),
            email: None,
            phone_number: None,
            first_name: None,
            last_name: None,
            display_name: None,
            full_name: String::new(),
            role,
            roles: vec![role],
            status: "active".into(),
            phone_verified: true,
            email_verified: false,
            is_verified: true,
            tenant_id: Uuid::nil(),
            agent_id: agent.then(Uuid::nil),
            language_preference: "en".into(),
            last_login_at: None,
            created_at: now,
            updated_at: now,
        };
        Self {
            permissions: crate::access::PermissionSet::of_roles(&[role])
                .iter()
                .collect(),
            user,
        }
    }

    /// What the catalogue's gate would know of this user.
    pub fn grants(&self) -> crate::access::Grants {
        crate::access::Grants::of(&self.user.roles, self.is_agent())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SendOtpRequest {
    pub phone_number: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OtpSentData {
    pub phone_number: String,
    pub email: Option<String>,
    pub expires_in: i64,
    /// Seconds until another code may be requested.
    pub resend_after: i64,
}

/// The same answer whether or not the phone has an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OtpSent {
    pub success: bool,
    pub message: String,
    pub data: OtpSentData,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct VerifyOtpRequest {
    pub phone_number: String,
    pub otp: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RefreshRequest {
    pub refresh_token: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub new_password: String,
    pub confirm_password: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MessageResponse {
    pub message: String,
    pub success: bool,
}

impl MessageResponse {
    pub fn ok(message: &str) -> Self {
        Self {
            message: message.to_owned(),
            success: true,
        }
    }
}

/// One row of the session list (browser and mobile alike).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, sqlx::FromRow))]
pub struct SessionInfo {
    pub session_id: Uuid,
    pub kind: String,
    pub login_method: String,
    pub device: Option<String>,
    pub ip_address: Option<String>,
    pub user_agent: Option<String>,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub current: bool,
}

/// Validation of a new password against the length rule, confirmation and the
/// shipped list of common passwords.
pub fn validate_password_change(req: &ChangePasswordRequest, lang: Lang) -> Result<(), AppError> {
    let mut problems = Problems::new(lang);
    if req.new_password != req.confirm_password {
        problems.add("confirm_password", T::PasswordsDiffer);
    } else {
        check_new_password(&mut problems, "new_password", &req.new_password);
    }
    problems.into_result()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(phone: Option<&str>, code: Option<&str>, password: Option<&str>) -> LoginRequest {
        LoginRequest {
            phone_number: phone.map(Into::into),
            agent_code: code.map(Into::into),
            password: password.map(Into::into),
            email: None,
        }
    }

    #[test]
    fn login_requests_name_exactly_one_identifier() {
        let (id, _) = req(Some("9876543200"), None, Some("x"))
            .parse(Lang::En)
            .unwrap();
        assert_eq!(id, LoginIdentifier::Phone("+919876543200".into()));
        let (id, _) = req(None, Some("agent001"), Some("x"))
            .parse(Lang::En)
            .unwrap();
        assert_eq!(id, LoginIdentifier::AgentCode("AGENT001".into()));
        assert!(matches!(
            req(None, None, Some("x")).parse(Lang::En),
            Err(AppError::BadRequest(_))
        ));
        let err = req(Some("123"), None, Some("x"))
            .parse(Lang::En)
            .unwrap_err();
        assert_eq!(err.field_errors("phone_number").len(), 1);
        let err = req(Some("9876543200"), None, None)
            .parse(Lang::En)
            .unwrap_err();
        assert_eq!(err.field_errors("password"), ["Password is required"]);
        let err = req(Some("123"), None, Some("x"))
            .parse(Lang::Hi)
            .unwrap_err();
        assert_eq!(
            err.field_errors("phone_number"),
            ["कृपया 10 अंकों का सही मोबाइल नंबर दर्ज करें"]
        );
    }

    #[test]
    fn agent_codes_follow_spec_4_5() {
        for ok in ["AGENT001", "AGT", "LIC-ABC123", "SEED_AG001"] {
            assert!(is_valid_agent_code(ok), "{ok}");
        }
        for bad in ["AG", "agent001", "A B C", &"A".repeat(21)] {
            assert!(!is_valid_agent_code(bad), "{bad}");
        }
    }

    #[test]
    fn new_passwords_must_match_be_long_enough_and_uncommon() {
        let change = |new: &str, confirm: &str| ChangePasswordRequest {
            current_password: "old".into(),
            new_password: new.into(),
            confirm_password: confirm.into(),
        };
        assert!(
            validate_password_change(&change("a-long-secret", "a-long-secret"), Lang::En).is_ok()
        );
        assert!(validate_password_change(&change("a-long-secret", "other"), Lang::En).is_err());
        assert!(validate_password_change(&change("short", "short"), Lang::En).is_err());
        assert!(validate_password_change(&change("Password123", "Password123"), Lang::En).is_err());
    }

    #[test]
    fn full_names_prefer_first_and_last() {
        assert_eq!(full_name(Some("Asha"), Some("Rao"), Some("AR")), "Asha Rao");
        assert_eq!(full_name(Some("Asha"), None, Some("AR")), "AR");
        assert_eq!(full_name(None, None, None), "");
    }
}
