//! Password rules: 8–128 characters, counted as characters, and not a common one.

use super::text::T;
use crate::error::Problems;

pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;

/// Checks a new password: 8–128 characters (counted as characters, not bytes) and
/// not on the common-password list. Adds the problem, if any, under `field`.
pub fn check_new_password(problems: &mut Problems, field: &str, password: &str) {
    let n = password.chars().count();
    if !(PASSWORD_MIN..=PASSWORD_MAX).contains(&n) {
        problems.add_filled(
            field,
            T::PasswordLength,
            &[("min", &PASSWORD_MIN), ("max", &PASSWORD_MAX)],
        );
    } else if is_common_password(password) {
        problems.add(field, T::PasswordCommon);
    }
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
    use crate::i18n::Text;

    #[test]
    fn password_length_counts_characters_and_common_ones_are_refused() {
        use crate::i18n::Lang;
        let problems = |password: &str| {
            let mut p = Problems::new(Lang::En);
            check_new_password(&mut p, "password", password);
            p.into_fields().remove("password").unwrap_or_default()
        };
        assert_eq!(
            problems("short"),
            ["Password must be 8–128 characters long."]
        );
        assert!(problems("पासवर्ड१२").is_empty());
        assert_eq!(problems(&"a".repeat(129)).len(), 1);
        assert_eq!(problems("Password123")[0], T::PasswordCommon.text(Lang::En));
    }
}
