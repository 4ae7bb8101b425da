//! Server-only conversions into `AppError`. Each conversion that hides a cause logs it
//! here, inside the request's span, so the log line carries the request id.

use super::{AppError, ErrorBody};
use axum::{
    http::{header, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    Json,
};

impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        match err {
            // A pool that cannot hand out a connection means Postgres is away: that is a
            // temporary outage (503), not a bug (500).
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                tracing::warn!(error = %err, "database unavailable");
                AppError::Unavailable(
                    "The database is unavailable. Please try again shortly.".into(),
                )
            }
            other => {
                tracing::error!(error = ?other, "database error");
                AppError::Internal
            }
        }
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(err: tokio::task::JoinError) -> Self {
        tracing::error!(error = ?err, "background task failed");
        AppError::Internal
    }
}

impl AppError {
    /// Wraps any other failure: logs its whole chain, returns the opaque `Internal`.
    pub fn internal(context: &str, err: impl std::fmt::Debug) -> Self {
        tracing::error!(error = ?err, "{context}");
        AppError::Internal
    }

    pub fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = self.status_code();
        let retry_after = match &self {
            AppError::RateLimited { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        };
        let unauthenticated = matches!(self, AppError::Unauthenticated(_));
        let mut response = (status, Json(ErrorBody::from(self))).into_response();
        let headers = response.headers_mut();
        if let Some(secs) = retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        if unauthenticated {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
