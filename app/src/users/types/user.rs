//! A user as the API answers it, and the two ways to change one: the new-user form
//! (validated into a `NewUser`) and the partial `UserPatch`.

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

#[cfg(test)]
mod tests {
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
}
