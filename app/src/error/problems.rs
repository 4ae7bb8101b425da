//! [`Problems`]: field errors collected in the caller's language.
//!
//! Validation names its problems with a feature's message keys (`T::EmailInvalid`),
//! never with English strings, and says which language they go out in. So the same
//! rule gives a Hindi page Hindi errors, and the mobile app the language it asked for
//! (`Accept-Language`).

use super::{AppError, FieldErrors};
use crate::i18n::{fill, Lang, Msg, Text};
use std::fmt::Display;

/// Every problem of one input, by field, in one language.
#[derive(Debug, Clone)]
pub struct Problems {
    lang: Lang,
    fields: FieldErrors,
}

impl Problems {
    pub fn new(lang: Lang) -> Self {
        Problems {
            lang,
            fields: FieldErrors::new(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Adds `msg` under `field`.
    pub fn add(&mut self, field: impl Into<String>, msg: impl Text) {
        let text = msg.text(self.lang).to_owned();
        self.add_text(field, text);
    }

    /// Adds a message with `{placeholders}`, filled from `args`.
    pub fn add_filled(
        &mut self,
        field: impl Into<String>,
        msg: impl Text,
        args: &[(&str, &dyn Display)],
    ) {
        let text = fill(msg.text(self.lang), args);
        self.add_text(field, text);
    }

    /// Adds text that is already in this language (another `Problems`' messages).
    pub fn add_text(&mut self, field: impl Into<String>, text: String) {
        self.fields.entry(field.into()).or_default().push(text);
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    pub fn into_fields(self) -> FieldErrors {
        self.fields
    }

    /// `Ok` when nothing was added, else one `Invalid` error with every problem.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.fields.is_empty() {
            Ok(())
        } else {
            Err(self.into_error())
        }
    }

    /// The `Invalid` error of these problems (even if there are none).
    pub fn into_error(self) -> AppError {
        AppError::Invalid {
            detail: Msg::FixFields.text(self.lang).to_owned(),
            fields: self.fields,
        }
    }
}

impl AppError {
    /// One invalid field, in `lang`.
    pub fn invalid(lang: Lang, field: &str, msg: impl Text) -> Self {
        let mut problems = Problems::new(lang);
        problems.add(field, msg);
        problems.into_error()
    }

    /// A unique value that is taken (409), the message under its field, in `lang`.
    pub fn taken(lang: Lang, field: &str, msg: impl Text) -> Self {
        let text = msg.text(lang).to_owned();
        AppError::Taken {
            detail: text.clone(),
            fields: [(field.to_owned(), vec![text])].into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_speak_the_callers_language() {
        let mut problems = Problems::new(Lang::Hi);
        problems.add("email", Msg::FixFields);
        let err = problems.into_result().unwrap_err();
        assert_eq!(err.to_string(), Msg::FixFields.text(Lang::Hi));
        assert_eq!(err.field_errors("email"), [Msg::FixFields.text(Lang::Hi)]);
    }

    #[test]
    fn no_problems_is_ok() {
        assert!(Problems::new(Lang::En).into_result().is_ok());
    }
}
