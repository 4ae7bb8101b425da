//! What a form field or a query parameter holds, read the one way every feature
//! reads it: trimmed, and blank is absent.

/// The trimmed text, if not blank.
pub fn given(v: &Option<String>) -> Option<String> {
    given_str(v).map(str::to_owned)
}

/// The same, borrowed.
pub fn given_str(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_is_absent_and_text_is_trimmed() {
        assert_eq!(given(&None), None);
        assert_eq!(given(&Some("   ".into())), None);
        assert_eq!(given(&Some(" Asha ".into())).as_deref(), Some("Asha"));
        assert_eq!(given_str(&Some("\tx\n".into())), Some("x"));
    }
}
