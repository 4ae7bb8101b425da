//! A user as the API answers it, and the two ways to change one: the new-user form
//! (validated into a `NewUser`) and the partial `UserPatch`.

use crate::access::{Role, UserStatus};
use crate::credentials::text::T as Rule;
use crate::credentials::{is_valid_email, normalize_phone, password::check_new_password};
use crate::error::{AppError, Problems};
use crate::i18n::Lang;
use crate::input::{given, given_str};
use crate::users::text::T;
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

/// The longest first, last or display name, in characters.
pub const NAME_MAX: usize = 100;

impl NewUserForm {
    /// The user to create, or every problem with the form, in `lang`.
    pub fn validate(&self, lang: Lang) -> Result<NewUser, AppError> {
        let mut problems = Problems::new(lang);
        let phone_number = given(&self.phone_number);
        let phone_given = phone_number.is_some();
        let phone_number = phone_number.and_then(|p| normalize_phone(&p));
        if phone_given && phone_number.is_none() {
            problems.add("phone_number", Rule::PhoneInvalid);
        }
        let email = given(&self.email).map(|e| e.to_lowercase());
        let email_bad = email.as_deref().is_some_and(|e| !is_valid_email(e));
        if email_bad {
            problems.add("email", Rule::EmailInvalid);
        }
        if !phone_given && email.is_none() {
            problems.add("phone_number", T::PhoneOrEmailNeeded);
        }
        let first_name = given(&self.first_name).unwrap_or_default();
        if first_name.is_empty() || first_name.chars().count() > NAME_MAX {
            problems.add_filled("first_name", T::FirstNameRule, &[("max", &NAME_MAX)]);
        }
        let last_name = given(&self.last_name).unwrap_or_default();
        if last_name.chars().count() > NAME_MAX {
            problems.add_filled("last_name", T::UpToChars, &[("max", &NAME_MAX)]);
        }
        let role = Role::parse(self.role.trim());
        if role.is_none() {
            problems.add("role", T::ChooseRole);
        }
        let password = given(&self.password);
        if let Some(p) = &password {
            check_new_password(&mut problems, "password", p);
        }
        match (problems.is_empty(), role) {
            (true, Some(role)) => Ok(NewUser {
                phone_number,
                email,
                first_name,
                last_name,
                role,
                password,
            }),
            _ => Err(problems.into_error()),
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
    /// Every problem with the patch, in `lang`.
    pub fn validate(&self, lang: Lang) -> Result<(), AppError> {
        let mut problems = Problems::new(lang);
        for (name, v) in [
            ("first_name", &self.first_name),
            ("last_name", &self.last_name),
            ("display_name", &self.display_name),
        ] {
            if v.as_deref().is_some_and(|s| s.chars().count() > NAME_MAX) {
                problems.add_filled(name, T::UpToChars, &[("max", &NAME_MAX)]);
            }
        }
        if given_str(&self.email).is_some_and(|e| !is_valid_email(e)) {
            problems.add("email", Rule::EmailInvalid);
        }
        if given_str(&self.phone_number).is_some_and(|p| normalize_phone(p).is_none()) {
            problems.add("phone_number", Rule::PhoneInvalid);
        }
        if self
            .status
            .as_deref()
            .is_some_and(|s| UserStatus::parse(s).is_none())
        {
            problems.add("status", T::UnknownStatus);
        }
        problems.into_result()
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
        let err = form.validate(Lang::En).unwrap_err();
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
            ok.validate(Lang::En).unwrap().phone_number.as_deref(),
            Some("+919876543290")
        );
    }
}
