//! Password rules: 8–128 characters, counted as characters, and not a common one.

use crate::error::AppError;

pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;

/// Checks a new password's length (in characters, not bytes).
pub fn validate_new_password(password: &str) -> Result<(), String> {
    let n = password.chars().count();
    if !(PASSWORD_MIN..=PASSWORD_MAX).contains(&n) {
        return Err(format!(
            "Password must be {PASSWORD_MIN}–{PASSWORD_MAX} characters long."
        ));
    }
    Ok(())
}

/// 8–128 characters and not on the common-password list.
pub fn validate_new_password_strength(password: &str) -> Result<(), crate::error::AppError> {
    validate_new_password(password).map_err(|msg| AppError::invalid_field("new_password", msg))?;
    if is_common_password(password) {
        return Err(AppError::invalid_field(
            "new_password",
            "This password is too common. Choose one that is harder to guess.",
        ));
    }
    Ok(())
}

/// A short shipped list of the most common passwords (and Indian favourites).
const COMMON_PASSWORDS: &[&str] = &[
    "password",
    "password1",
    "password123",
    "12345678",
    "123456789",
    "1234567890",
    "qwerty123",
    "qwertyuiop",
    "iloveyou",
    "11111111",
    "00000000",
    "abcd1234",
    "admin123",
    "welcome1",
    "welcome123",
    "passw0rd",
    "sunshine",
    "princess",
    "football",
    "baseball",
    "letmein1",
    "trustno1",
    "india123",
    "india@123",
    "bharat123",
    "krishna123",
    "sairam123",
    "om namah shivaya",
    "testpassword",
    "agentmitra",
    "lic12345",
    "87654321",
    "asdfghjk",
    "zxcvbnm1",
];

pub fn is_common_password(password: &str) -> bool {
    let lower = password.to_lowercase();
    COMMON_PASSWORDS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_length_counts_characters() {
        assert!(validate_new_password("short").is_err());
        assert!(validate_new_password("पासवर्ड१२").is_ok());
        assert!(validate_new_password(&"a".repeat(129)).is_err());
    }
}
