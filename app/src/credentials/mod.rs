//! Identifiers and passwords: the one home of their rules, shared by sign-in, the
//! user admin and the `create-admin` command. A leaf: it imports only `error` and
//! `i18n` (its messages are in `text`).
//!
//! - phone numbers and emails (SPEC §4.1), here;
//! - the password rules, in `password`; argon2id hashing, in `argon2id` (server only).

pub mod password;
pub mod text;

#[cfg(feature = "ssr")]
pub mod argon2id;

/// Normalises an Indian mobile number (`+91`, `91`, `0` or bare 10 digits; spaces and
/// dashes ignored) to `+91XXXXXXXXXX` (SPEC §4.1).
pub fn normalize_phone(input: &str) -> Option<String> {
    let digits: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')'))
        .collect();
    let rest = digits
        .strip_prefix("+91")
        .or_else(|| {
            (digits.len() == 12)
                .then(|| digits.strip_prefix("91"))
                .flatten()
        })
        .or_else(|| {
            (digits.len() == 11)
                .then(|| digits.strip_prefix('0'))
                .flatten()
        })
        .unwrap_or(&digits);
    let valid = rest.len() == 10
        && rest.chars().all(|c| c.is_ascii_digit())
        && matches!(rest.as_bytes()[0], b'6'..=b'9');
    valid.then(|| format!("+91{rest}"))
}

/// The SPEC §4.1 email shape: something@domain.tld.
pub fn is_valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
    let Some((host, tld)) = domain.rsplit_once('.') else {
        return false;
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-".contains(c));
    let tld_ok = tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic());
    local_ok && host_ok && tld_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_normalise_from_every_accepted_form() {
        for input in [
            "9876543200",
            "+919876543200",
            "919876543200",
            "09876543200",
            "98765 43200",
        ] {
            assert_eq!(
                normalize_phone(input).as_deref(),
                Some("+919876543200"),
                "{input}"
            );
        }
    }

    #[test]
    fn invalid_phone_numbers_are_refused() {
        for input in [
            "",
            "12345",
            "5876543200",
            "98765432001",
            "+929876543200",
            "98765x3200",
        ] {
            assert_eq!(normalize_phone(input), None, "{input}");
        }
    }

    #[test]
    fn emails_follow_the_spec_shape() {
        assert!(is_valid_email("agent1@test.com"));
        assert!(!is_valid_email("agent1@test"));
        assert!(!is_valid_email("@test.com"));
        assert!(!is_valid_email("a b@test.com"));
    }
}
