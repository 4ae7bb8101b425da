//! The user admin's wire types and their validation (SPEC §5.3).

use crate::access::Role;
use crate::credentials::{is_valid_email, normalize_phone};
use serde::{Deserialize, Serialize};

/// SPEC §5.3 UserResponse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, sqlx::FromRow))]
pub struct UserResponse {
    pub user_id: uuid::Uuid,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub display_name: Option<String>,
    pub role: Role,
    pub status: UserStatus,
    pub phone_verified: bool,
    pub email_verified: bool,
    pub last_login_at: Option<chrono::DateTime<chrono::Utc>>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}

text_enum! {
    /// The statuses an account can be in (SPEC §3.1).
    pub enum UserStatus {
        Active => "active",
        Inactive => "inactive",
        Suspended => "suspended",
        PendingVerification => "pending_verification",
        Deactivated => "deactivated",
    }
}

/// Sort orders of the admin list; every one ends on `user_id` so paging is stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UserSort {
    #[default]
    Newest,
    Oldest,
    Name,
    LastLogin,
}

impl UserSort {
    pub const ALL: [UserSort; 4] = [
        UserSort::Newest,
        UserSort::Oldest,
        UserSort::Name,
        UserSort::LastLogin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            UserSort::Newest => "newest",
            UserSort::Oldest => "oldest",
            UserSort::Name => "name",
            UserSort::LastLogin => "last_login",
        }
    }

    pub fn parse(s: &str) -> UserSort {
        UserSort::ALL
            .into_iter()
            .find(|o| o.as_str() == s)
            .unwrap_or_default()
    }
}

/// The admin list's query: the URL's query string, so views can be shared.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema, utoipa::IntoParams))]
pub struct UserQuery {
    #[serde(default)]
    pub q: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub sort: Option<String>,
    #[serde(default)]
    pub limit: Option<i64>,
    #[serde(default)]
    pub offset: Option<i64>,
    /// Where the page starts: the `next` of the previous page (keyset paging).
    #[serde(default)]
    pub cursor: Option<String>,
}

impl UserQuery {
    pub fn limit(&self) -> i64 {
        self.limit.unwrap_or(20).clamp(1, 100)
    }
    pub fn offset(&self) -> i64 {
        self.offset.unwrap_or(0).max(0)
    }
    /// `pending` is an alias of `pending_verification` (SPEC §4.7).
    pub fn status(&self) -> Option<String> {
        self.status
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                if s == "pending" {
                    "pending_verification".to_owned()
                } else {
                    s.to_owned()
                }
            })
    }
    pub fn role(&self) -> Option<String> {
        self.role
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|r| Role::parse(r).map_or_else(|| r.to_owned(), |role| role.as_str().to_owned()))
    }
    pub fn text(&self) -> Option<String> {
        self.q
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }
    pub fn sort(&self) -> UserSort {
        UserSort::parse(self.sort.as_deref().unwrap_or(""))
    }
}

/// `POST /api/v1/users`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewUserForm {
    #[serde(default)]
    pub phone_number: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    pub role: String,
    #[serde(default)]
    pub password: Option<String>,
}

/// A validated `NewUserForm`.
#[derive(Debug, Clone, PartialEq)]
pub struct NewUser {
    pub phone_number: Option<String>,
    pub email: Option<String>,
    pub first_name: String,
    pub last_name: String,
    pub role: Role,
    pub password: Option<String>,
}

fn clean(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

impl NewUserForm {
    pub fn validate(&self) -> Result<NewUser, crate::error::AppError> {
        let mut fields = crate::error::FieldErrors::new();
        fn push(fields: &mut crate::error::FieldErrors, f: &str, m: &str) {
            fields.entry(f.to_owned()).or_default().push(m.to_owned());
        }
        let phone_number = clean(&self.phone_number);
        let phone_number = match phone_number {
            Some(p) => match normalize_phone(&p) {
                Some(p) => Some(p),
                None => {
                    push(
                        &mut fields,
                        "phone_number",
                        "Please enter a valid 10-digit phone number",
                    );
                    None
                }
            },
            None => None,
        };
        let email = clean(&self.email).map(|e| e.to_lowercase());
        if email.as_deref().is_some_and(|e| !is_valid_email(e)) {
            push(&mut fields, "email", "Enter a valid email address.");
        }
        if phone_number.is_none()
            && email.is_none()
            && !fields.contains_key("phone_number")
            && !fields.contains_key("email")
        {
            push(
                &mut fields,
                "phone_number",
                "Give a phone number or an email.",
            );
        }
        let first_name = clean(&self.first_name).unwrap_or_default();
        if first_name.is_empty() || first_name.chars().count() > 100 {
            push(
                &mut fields,
                "first_name",
                "Enter a first name (up to 100 characters).",
            );
        }
        let last_name = clean(&self.last_name).unwrap_or_default();
        if last_name.chars().count() > 100 {
            push(&mut fields, "last_name", "Up to 100 characters.");
        }
        let role = Role::parse(self.role.trim());
        if role.is_none() {
            push(&mut fields, "role", "Choose a role.");
        }
        let password = clean(&self.password);
        if let Some(p) = &password {
            if let Err(e) = crate::credentials::password::validate_new_password_strength(p) {
                for m in e.field_errors("new_password") {
                    push(&mut fields, "password", m);
                }
            }
        }
        match (fields.is_empty(), role) {
            (true, Some(role)) => Ok(NewUser {
                phone_number,
                email,
                first_name,
                last_name,
                role,
                password,
            }),
            _ => Err(crate::error::AppError::Invalid {
                detail: "Please fix the highlighted fields.".into(),
                fields,
            }),
        }
    }
}

/// `PUT /api/v1/users/{id}`: only the fields sent change. Self-edits may change the
/// names only; `email` and `status` need `users.update` (SPEC §4.7).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserPatch {
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone_number: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
}

impl UserPatch {
    pub fn validate(&self) -> Result<(), crate::error::AppError> {
        use crate::error::AppError;
        for (name, v) in [
            ("first_name", &self.first_name),
            ("last_name", &self.last_name),
            ("display_name", &self.display_name),
        ] {
            if v.as_deref().is_some_and(|s| s.chars().count() > 100) {
                return Err(AppError::invalid_field(name, "Up to 100 characters."));
            }
        }
        if self
            .email
            .as_deref()
            .map(str::trim)
            .is_some_and(|e| !e.is_empty() && !is_valid_email(e))
        {
            return Err(AppError::invalid_field(
                "email",
                "Enter a valid email address.",
            ));
        }
        if self
            .phone_number
            .as_deref()
            .map(str::trim)
            .is_some_and(|p| !p.is_empty() && normalize_phone(p).is_none())
        {
            return Err(AppError::invalid_field(
                "phone_number",
                "Please enter a valid 10-digit phone number",
            ));
        }
        if self
            .status
            .as_deref()
            .is_some_and(|s| UserStatus::parse(s).is_none())
        {
            return Err(AppError::invalid_field("status", "Unknown status."));
        }
        Ok(())
    }

    pub fn touches_admin_fields(&self) -> bool {
        self.email.is_some() || self.phone_number.is_some() || self.status.is_some()
    }
}

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

/// `POST /api/v1/rbac/users/assign-role` and `remove-role`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoleChange {
    pub user_id: uuid::Uuid,
    pub role_name: String,
}

/// `GET /api/v1/rbac/roles`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoleInfo {
    pub role_name: String,
    pub level: u8,
    pub is_system_role: bool,
    pub permissions: Vec<String>,
}

/// `GET /api/v1/users/me` (SPEC §9 #8): the user's fields flat, the same object
/// under `user`, and the caller's roles, permissions and preferences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Me {
    #[serde(flatten)]
    pub profile: UserResponse,
    pub user: UserResponse,
    pub language_preference: String,
    pub timezone: String,
    pub theme_preference: String,
    pub roles: Vec<String>,
    pub permissions: Vec<String>,
    pub agent_id: Option<uuid::Uuid>,
}

/// One row of `GET /api/v1/rbac/permissions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PermissionInfo {
    pub permission_name: String,
    pub resource_type: String,
    pub action: String,
}

impl PermissionInfo {
    pub fn of(p: crate::access::Permission) -> Self {
        let (resource, action) = p.name().split_once('.').unwrap_or((p.name(), ""));
        Self {
            permission_name: p.name().into(),
            resource_type: resource.into(),
            action: action.into(),
        }
    }
}

/// `GET /api/v1/rbac/users/{user_id}/roles`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserRoles {
    pub user_id: uuid::Uuid,
    pub user_name: Option<String>,
    pub user_email: Option<String>,
    pub roles: Vec<String>,
    pub permissions: Vec<String>,
}

/// `DELETE /api/v1/users/{user_id}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Deactivated {
    pub message: String,
    pub user_id: uuid::Uuid,
}

/// A one-line answer (`{"message": …}`) of the role changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Message {
    pub message: String,
}

/// A user, their roles and (for the detail page) whether they are the caller.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserDetail {
    pub user: UserResponse,
    pub roles: Vec<String>,
    pub is_self: bool,
}

/// CSV of a user list: exactly the rows given, RFC 4180 quoting, and a guard against
/// spreadsheet formula injection (cells starting with = + - @ get a leading ').
pub fn users_csv(users: &[UserResponse]) -> String {
    format!("{USERS_CSV_HEADER}{}", users_csv_rows(users))
}

/// The header line of the users CSV.
pub const USERS_CSV_HEADER: &str =
    "user_id,first_name,last_name,email,phone_number,role,status,last_login_at,created_at\r\n";

/// CSV lines of these users, without the header (an export streams them in batches).
pub fn users_csv_rows(users: &[UserResponse]) -> String {
    fn cell(v: &str) -> String {
        let v = if v.starts_with(['=', '+', '-', '@']) {
            format!("'{v}")
        } else {
            v.to_owned()
        };
        if v.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", v.replace('"', "\"\""))
        } else {
            v
        }
    }
    let mut out = String::new();
    for u in users {
        let row = [
            u.user_id.to_string(),
            u.first_name.clone().unwrap_or_default(),
            u.last_name.clone().unwrap_or_default(),
            u.email.clone().unwrap_or_default(),
            u.phone_number.clone().unwrap_or_default(),
            u.role.as_str().to_owned(),
            u.status.as_str().to_owned(),
            u.last_login_at.map(|t| t.to_rfc3339()).unwrap_or_default(),
            u.created_at.to_rfc3339(),
        ];
        out.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod admin_tests {
    use super::*;

    #[test]
    fn a_new_user_needs_a_name_a_role_and_an_identifier() {
        let form = NewUserForm {
            role: "nope".into(),
            ..Default::default()
        };
        let err = form.validate().unwrap_err();
        for f in ["first_name", "role", "phone_number"] {
            assert!(!err.field_errors(f).is_empty(), "{f}");
        }
        let ok = NewUserForm {
            phone_number: Some("98765 43290".into()),
            first_name: Some("Asha".into()),
            role: "junior_agent".into(),
            ..Default::default()
        };
        assert_eq!(
            ok.validate().unwrap().phone_number.as_deref(),
            Some("+919876543290")
        );
    }

    #[test]
    fn queries_clamp_paging_and_resolve_aliases() {
        let q = UserQuery {
            limit: Some(1000),
            offset: Some(-5),
            status: Some("pending".into()),
            role: Some("provider_admin".into()),
            ..Default::default()
        };
        assert_eq!((q.limit(), q.offset()), (100, 0));
        assert_eq!(q.status().as_deref(), Some("pending_verification"));
        assert_eq!(q.role().as_deref(), Some("insurance_provider_admin"));
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let now = chrono::DateTime::<chrono::Utc>::from_timestamp(0, 0).unwrap();
        let u = UserResponse {
            user_id: uuid::Uuid::nil(),
            email: None,
            phone_number: None,
            first_name: Some("=HYPERLINK(\"x\")".into()),
            last_name: Some("Rao, Jr".into()),
            display_name: None,
            role: Role::Guest,
            status: UserStatus::Active,
            phone_verified: false,
            email_verified: false,
            last_login_at: None,
            created_at: now,
            updated_at: now,
        };
        let csv = users_csv(&[u]);
        assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
        assert!(csv.contains("\"Rao, Jr\""));
        assert_eq!(csv.lines().count(), 2);
    }

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
