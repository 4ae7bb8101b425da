//! Uploads from the browser with a real progress bar. `fetch` cannot report upload
//! progress, so this uses `XMLHttpRequest` and its `upload.onprogress`.

use super::text::{t, T};
use super::types::Media;
use crate::error::{AppError, ErrorBody};
use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::{closure::Closure, JsCast};

#[derive(Debug, Clone, PartialEq)]
pub enum UploadState {
    Idle,
    Sending { percent: u32 },
    Done,
    Failed(String),
}

/// Quick checks before sending, so a 40 MB photo fails at once on a slow network.
/// The server checks the bytes again; this only reads the browser's idea of the type.
fn precheck(file: &web_sys::File) -> Result<(), String> {
    let kind = file.type_();
    let size = file.size();
    let mb = 1024.0 * 1024.0;
    if kind.starts_with("image/") && size > 5.0 * mb {
        Err(t(T::ImageTooLarge).into())
    } else if kind.starts_with("video/") && size > 50.0 * mb {
        Err(t(T::VideoTooLarge).into())
    } else if size == 0.0 {
        Err(t(T::EmptyFile).into())
    } else {
        Ok(())
    }
}

/// Sends `file` to `POST /api/v1/presentations/media/upload`, reporting progress
/// into `state`; `done` gets the stored media.
pub fn upload_file(
    file: web_sys::File,
    agent: Option<Uuid>,
    state: RwSignal<UploadState>,
    done: impl Fn(Media) + 'static,
) {
    if let Err(message) = precheck(&file) {
        state.set(UploadState::Failed(message));
        return;
    }
    let fail = move |message: String| state.set(UploadState::Failed(message));
    let (Ok(xhr), Ok(form)) = (web_sys::XmlHttpRequest::new(), web_sys::FormData::new()) else {
        return fail(t(T::UploadFailed).into());
    };
    let _ = form.append_with_blob_and_filename("file", &file, &file.name());
    if let Some(agent) = agent {
        let _ = form.append_with_str("agent_id", &agent.to_string());
    }
    state.set(UploadState::Sending { percent: 0 });
    let progress =
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |ev: web_sys::ProgressEvent| {
            if ev.length_computable() && ev.total() > 0.0 {
                let percent = ((ev.loaded() / ev.total()) * 100.0).round() as u32;
                state.set(UploadState::Sending {
                    percent: percent.min(100),
                });
            }
        });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    progress.forget();
    let request = xhr.clone();
    let finished = Closure::<dyn FnMut()>::new(move || {
        let body = request.response_text().ok().flatten().unwrap_or_default();
        match request.status().unwrap_or(0) {
            200 => match serde_json::from_str::<Media>(&body) {
                Ok(media) => {
                    state.set(UploadState::Done);
                    done(media);
                }
                Err(_) => fail(t(T::UploadFailed).into()),
            },
            0 => fail(t(T::NetworkFailed).into()),
            // A field error ("The image is damaged…") says more than the headline.
            _ => fail(match serde_json::from_str::<ErrorBody>(&body) {
                Ok(b) => match b.fields.values().flatten().next() {
                    Some(message) => message.clone(),
                    None => AppError::from(b).to_string(),
                },
                Err(_) => t(T::UploadFailed).into(),
            }),
        }
    });
    xhr.set_onloadend(Some(finished.as_ref().unchecked_ref()));
    finished.forget();
    if xhr
        .open("POST", "/api/v1/presentations/media/upload")
        .is_err()
        || xhr.send_with_opt_form_data(Some(&form)).is_err()
    {
        fail(t(T::UploadFailed).into());
    }
}
