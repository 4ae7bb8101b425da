//! Reading a multipart upload: its text fields and one file, the size checked as
//! the bytes arrive, so an oversized upload is cut off early. Parsed only after the
//! catalogue's gate, so a refused caller never gets a body error.

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::{multipart::MultipartError, FromRequest, Multipart, Request};
use axum::http::StatusCode;
use bytes::Bytes;
use std::collections::BTreeMap;

/// An uploaded file as it came: nothing about it is trusted until its bytes are
/// checked.
#[derive(Debug, Clone)]
pub struct FilePart {
    pub file_name: String,
    /// The content type the client declared.
    pub declared: Option<String>,
    pub bytes: Bytes,
}

/// The fields of a multipart form: text fields by name, and the file.
#[derive(Debug, Default)]
pub struct Form {
    pub texts: BTreeMap<String, String>,
    pub file: Option<FilePart>,
}

fn too_large(ceiling: u64) -> AppError {
    AppError::TooLarge(format!(
        "The file is too large: uploads can be up to {} MB.",
        ceiling / (1024 * 1024)
    ))
}

/// Reads `request` as multipart: `file_field` is the file; other fields are text
/// (up to 4 KB each). More than `ceiling` bytes of file is a 413.
pub async fn read(
    request: Request,
    state: &AppState,
    file_field: &str,
    ceiling: u64,
) -> AppResult<Form> {
    let mut multipart = Multipart::from_request(request, state)
        .await
        .map_err(|e| AppError::BadRequest(format!("Malformed upload: {}", e.body_text())))?;
    let bad = |e: MultipartError| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large(ceiling)
        } else {
            AppError::BadRequest(format!("Malformed upload: {}", e.body_text()))
        }
    };
    let mut form = Form::default();
    while let Some(mut field) = multipart.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == file_field {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let declared = field.content_type().map(str::to_owned);
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(bad)? {
                bytes.extend_from_slice(&chunk);
                if bytes.len() as u64 > ceiling {
                    return Err(too_large(ceiling));
                }
            }
            form.file = Some(FilePart {
                file_name,
                declared,
                bytes: bytes.into(),
            });
        } else {
            let text = field.text().await.map_err(bad)?;
            if text.len() > 4096 {
                return Err(AppError::BadRequest(format!(
                    "The field {name} is too long"
                )));
            }
            form.texts.insert(name, text);
        }
    }
    Ok(form)
}
