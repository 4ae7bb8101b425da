//! `AppError`: the one error type of Agent Mitra, shared by the server and the UI.
//!
//! It is the error of every server function (through [`FromServerFnError`]), of every
//! axum handler, and what UI components match on. Its JSON shape is a public contract
//! for the mobile app, pinned by the tests at the bottom of this file:
//!
//! ```json
//! {"kind": "invalid", "detail": "Please fix the highlighted fields.",
//!  "fields": {"phone_number": ["Enter a 10-digit mobile number."]}}
//! ```
//!
//! `detail` is the human message the seed clients read; `kind` is for machines.
//! **Invariant:** `Internal` never carries a cause. Causes are logged on the server where
//! they are converted (see `error/ssr.rs`) and never serialized.

use serde::{Deserialize, Serialize};
use server_fn::error::{FromServerFnError, ServerFnErrorErr};
use std::collections::BTreeMap;

mod problems;
#[cfg(feature = "ssr")]
mod ssr;

pub use problems::Problems;

/// Field name → messages, in a stable order so error bodies snapshot cleanly.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// The machine-readable kind of an error; serialized as `snake_case` into `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    BadRequest,
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,
    /// The request body is larger than this endpoint accepts (an upload).
    TooLarge,
    /// The body is a kind of content this endpoint does not accept.
    UnsupportedMediaType,
    Invalid,
    Locked,
    RateLimited,
    Unavailable,
    Internal,
    /// Client-side only: the request never produced an answer from our server.
    Network,
}

impl ErrorKind {
    /// The honest HTTP status for this kind.
    pub fn status(self) -> u16 {
        match self {
            ErrorKind::BadRequest => 400,
            ErrorKind::Unauthenticated => 401,
            ErrorKind::Forbidden => 403,
            ErrorKind::NotFound => 404,
            ErrorKind::Conflict => 409,
            ErrorKind::TooLarge => 413,
            ErrorKind::UnsupportedMediaType => 415,
            ErrorKind::Invalid => 422,
            ErrorKind::Locked => 423,
            ErrorKind::RateLimited => 429,
            ErrorKind::Unavailable => 503,
            ErrorKind::Internal | ErrorKind::Network => 500,
        }
    }
}

/// Every failure a request can end in.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize, Deserialize)]
#[serde(into = "ErrorBody", try_from = "ErrorBody")]
pub enum AppError {
    /// The request itself is malformed: unparsable JSON, a missing argument.
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Unauthenticated(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    /// A value that must be unique is taken (409); `fields` names it, so a form
    /// shows the message under that field.
    #[error("{detail}")]
    Taken { detail: String, fields: FieldErrors },
    #[error("{0}")]
    TooLarge(String),
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// Well-formed input that breaks a rule; `fields` says which inputs and why.
    #[error("{detail}")]
    Invalid { detail: String, fields: FieldErrors },
    #[error("{0}")]
    Locked(String),
    #[error("Rate limit exceeded. Please try again later.")]
    RateLimited { retry_after_secs: u64 },
    #[error("{0}")]
    Unavailable(String),
    #[error("Internal server error")]
    Internal,
    #[error("Network error: {0}")]
    Network(String),
}

impl AppError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            AppError::BadRequest(_) => ErrorKind::BadRequest,
            AppError::Unauthenticated(_) => ErrorKind::Unauthenticated,
            AppError::Forbidden(_) => ErrorKind::Forbidden,
            AppError::NotFound(_) => ErrorKind::NotFound,
            AppError::Conflict(_) | AppError::Taken { .. } => ErrorKind::Conflict,
            AppError::TooLarge(_) => ErrorKind::TooLarge,
            AppError::UnsupportedMediaType(_) => ErrorKind::UnsupportedMediaType,
            AppError::Invalid { .. } => ErrorKind::Invalid,
            AppError::Locked(_) => ErrorKind::Locked,
            AppError::RateLimited { .. } => ErrorKind::RateLimited,
            AppError::Unavailable(_) => ErrorKind::Unavailable,
            AppError::Internal => ErrorKind::Internal,
            AppError::Network(_) => ErrorKind::Network,
        }
    }

    pub fn status(&self) -> u16 {
        self.kind().status()
    }

    /// `"<what> not found"`, the seed's wording (e.g. "Policy not found").
    pub fn not_found(what: &str) -> Self {
        AppError::NotFound(format!("{what} not found"))
    }

    /// The same error with `from`'s messages filed under `to`: for a form whose input
    /// is named differently from the API field it fills (sign-in's `identifier`).
    pub fn refile(mut self, from: &str, to: &str) -> Self {
        if let AppError::Invalid { fields, .. } | AppError::Taken { fields, .. } = &mut self {
            if let Some(messages) = fields.remove(from) {
                fields.entry(to.to_owned()).or_default().extend(messages);
            }
        }
        self
    }

    /// The messages for one field, for showing under its input.
    pub fn field_errors(&self, field: &str) -> &[String] {
        match self {
            AppError::Invalid { fields, .. } | AppError::Taken { fields, .. } => {
                fields.get(field).map_or(&[], Vec::as_slice)
            }
            _ => &[],
        }
    }
}

/// The wire form of [`AppError`]: what `/api/v1` clients receive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub kind: ErrorKind,
    /// A human-readable message, safe to show to the user.
    pub detail: String,
    /// Per-field messages, present for `invalid`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: FieldErrors,
    /// Seconds to wait, present for `rate_limited` (also sent as `Retry-After`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

impl From<AppError> for ErrorBody {
    fn from(err: AppError) -> Self {
        let kind = err.kind();
        let detail = err.to_string();
        let (fields, retry_after) = match err {
            AppError::Invalid { fields, .. } | AppError::Taken { fields, .. } => (fields, None),
            AppError::RateLimited { retry_after_secs } => {
                (FieldErrors::new(), Some(retry_after_secs))
            }
            _ => (FieldErrors::new(), None),
        };
        ErrorBody {
            kind,
            detail,
            fields,
            retry_after,
        }
    }
}

impl From<ErrorBody> for AppError {
    fn from(body: ErrorBody) -> Self {
        let ErrorBody {
            kind,
            detail,
            fields,
            retry_after,
        } = body;
        match kind {
            ErrorKind::BadRequest => AppError::BadRequest(detail),
            ErrorKind::Unauthenticated => AppError::Unauthenticated(detail),
            ErrorKind::Forbidden => AppError::Forbidden(detail),
            ErrorKind::NotFound => AppError::NotFound(detail),
            ErrorKind::Conflict if fields.is_empty() => AppError::Conflict(detail),
            ErrorKind::Conflict => AppError::Taken { detail, fields },
            ErrorKind::TooLarge => AppError::TooLarge(detail),
            ErrorKind::UnsupportedMediaType => AppError::UnsupportedMediaType(detail),
            ErrorKind::Invalid => AppError::Invalid { detail, fields },
            ErrorKind::Locked => AppError::Locked(detail),
            ErrorKind::RateLimited => AppError::RateLimited {
                retry_after_secs: retry_after.unwrap_or(60),
            },
            ErrorKind::Unavailable => AppError::Unavailable(detail),
            ErrorKind::Internal => AppError::Internal,
            ErrorKind::Network => AppError::Network(detail),
        }
    }
}

impl FromServerFnError for AppError {
    // Decoded as the answers are (see `codec`).
    type Encoder = crate::codec::JsonText;

    /// Failures inside the server-function machinery. On the server these are bad
    /// requests (the body did not decode); on the client they are transport failures.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Args(msg) => {
                AppError::BadRequest(format!("Malformed request: {}", first_line(&msg)))
            }
            // On the server, a body that does not decode arrives as `Deserialization`;
            // in the browser the same variant means our answer did not decode.
            ServerFnErrorErr::Deserialization(msg) if cfg!(feature = "ssr") => {
                AppError::BadRequest(format!("Malformed request: {}", first_line(&msg)))
            }
            ServerFnErrorErr::MissingArg(arg) => {
                AppError::BadRequest(format!("Malformed request: missing field `{arg}`"))
            }
            ServerFnErrorErr::UnsupportedRequestMethod(m) => {
                AppError::BadRequest(format!("Unsupported method {m}"))
            }
            // Raised on the server only by middleware we do not use; reported as internal
            // so that nothing about our internals reaches the client.
            ServerFnErrorErr::ServerError(_)
            | ServerFnErrorErr::MiddlewareError(_)
            | ServerFnErrorErr::Registration(_) => AppError::Internal,
            other => AppError::Network(other.to_string()),
        }
    }
}

fn first_line(msg: &str) -> &str {
    msg.lines().next().unwrap_or(msg)
}

pub type AppResult<T> = Result<T, AppError>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::text::T as Rule;
    use crate::i18n::Lang;

    #[test]
    fn error_body_has_the_stable_json_shape() {
        let err = AppError::invalid(Lang::En, "phone_number", Rule::PhoneInvalid);
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "kind": "invalid",
                "detail": "Please fix the highlighted fields.",
                "fields": {"phone_number": ["Please enter a valid 10-digit phone number"]}
            })
        );
    }

    #[test]
    fn internal_errors_serialize_without_any_cause() {
        let json = serde_json::to_string(&AppError::Internal).unwrap();
        assert_eq!(
            json,
            r#"{"kind":"internal","detail":"Internal server error"}"#
        );
    }

    #[test]
    fn rate_limited_carries_retry_after_and_round_trips() {
        let err = AppError::RateLimited {
            retry_after_secs: 42,
        };
        let json = serde_json::to_string(&err).unwrap();
        assert!(json.contains(r#""retry_after":42"#), "{json}");
        let back: AppError = serde_json::from_str(&json).unwrap();
        assert_eq!(back, err);
    }

    #[test]
    fn every_kind_maps_to_an_honest_status() {
        let cases = [
            (AppError::BadRequest("x".into()), 400),
            (AppError::Unauthenticated("x".into()), 401),
            (AppError::Forbidden("x".into()), 403),
            (AppError::not_found("Policy"), 404),
            (AppError::Conflict("x".into()), 409),
            (AppError::TooLarge("x".into()), 413),
            (AppError::UnsupportedMediaType("x".into()), 415),
            (AppError::invalid(Lang::En, "a", Rule::EmailInvalid), 422),
            (AppError::Locked("x".into()), 423),
            (
                AppError::RateLimited {
                    retry_after_secs: 1,
                },
                429,
            ),
            (AppError::Internal, 500),
        ];
        for (err, status) in cases {
            assert_eq!(err.status(), status, "{err:?}");
            let back: AppError =
                serde_json::from_str(&serde_json::to_string(&err).unwrap()).unwrap();
            assert_eq!(back, err, "round trip");
        }
    }

    #[test]
    fn undecodable_arguments_become_bad_requests_not_internal_errors() {
        let err = AppError::from_server_fn_error(ServerFnErrorErr::Args(
            "expected value at line 1 column 2\nmore".into(),
        ));
        assert_eq!(err.kind(), ErrorKind::BadRequest);
        assert_eq!(
            err.to_string(),
            "Malformed request: expected value at line 1 column 2"
        );
    }

    #[test]
    fn refiled_messages_move_to_the_forms_field() {
        let err = AppError::invalid(Lang::En, "phone_number", Rule::PhoneInvalid)
            .refile("phone_number", "identifier")
            .refile("email", "identifier");
        assert!(err.field_errors("phone_number").is_empty());
        assert_eq!(err.field_errors("identifier").len(), 1);
    }

    #[test]
    fn field_errors_are_looked_up_by_field() {
        let err = AppError::invalid(Lang::En, "email", Rule::EmailInvalid);
        assert_eq!(err.field_errors("email"), ["Enter a valid email address."]);
        assert!(err.field_errors("phone").is_empty());
        assert!(AppError::Internal.field_errors("email").is_empty());
    }
}
