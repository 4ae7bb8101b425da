//! The media routes: `POST /api/v1/presentations/media/upload` (multipart), the
//! agent's library (`GET /media`, `DELETE /media/{id}`), and
//! `/media/presentations/*`, which serves the stored files.

use super::library;
use crate::access::{Access, Permission::*};
use crate::auth::server::guard::Ctx;
use crate::catalog::{Api, Endpoint};
use crate::error::{AppError, AppResult};
use crate::presentations::text::T;
use crate::presentations::types::*;
use crate::rest::ApiQuery;
use crate::state::AppState;
use axum::{
    extract::{Path, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::get,
    Json,
};
use serde::Deserialize;
use uuid::Uuid;

/// The media endpoints, and the file route outside `/api`.
pub fn api(upload_limit: usize) -> Api {
    Api::new("presentations", "{}")
        .rest(
            Endpoint::post(
                "/api/v1/presentations/media/upload",
                "Upload an image (JPEG/PNG/WebP/GIF ≤ 5 MB) or video (MP4/WebM/MOV ≤ 50 MB); \
                 multipart `file`, optional `agent_id`",
                Access::AgentOr(PresentationsCreate),
            )
            .returns::<Media>()
            .errors(&[404, 413, 415, 422])
            .body_limit(upload_limit),
            upload,
        )
        .rest(
            Endpoint::get(
                "/api/v1/presentations/media",
                "The agent's media library (agent_id for admins, media_type, limit, offset)",
                Access::AgentOr(PresentationsRead),
            )
            .query::<MediaQuery>()
            .returns::<MediaList>()
            .errors(&[404, 422]),
            media_list,
        )
        .rest(
            Endpoint::delete(
                "/api/v1/presentations/media/{media_id}",
                "Delete an unused library file (409 while a slide uses it)",
                Access::AgentOr(PresentationsUpdate),
            )
            .no_content()
            .errors(&[404, 409]),
            media_delete,
        )
        .outside_api("/media/presentations/{*key}", get(serve_media))
}

/// Multipart: `file` (required), optional `agent_id` for admins uploading for an
/// agent. The guard runs before a byte of the body is read; the size is checked as
/// the file streams in, so an oversized upload is cut off early.
async fn upload(ctx: Ctx, request: axum::extract::Request) -> AppResult<Json<Media>> {
    let limits = ctx.state.media.limits;
    let ceiling = limits.video_max_bytes.max(limits.image_max_bytes);
    let form = crate::rest::multipart::read(request, &ctx.state, "file", ceiling).await?;
    let agent = match form.texts.get("agent_id") {
        Some(text) => Some(
            text.trim()
                .parse()
                .map_err(|_| AppError::invalid(ctx.meta.lang, "agent_id", T::NotAnAgentId))?,
        ),
        None => None,
    };
    let file = form
        .file
        .ok_or_else(|| AppError::invalid(ctx.meta.lang, "file", T::ChooseUpload))?;
    let agent = library::upload_agent(&ctx, agent).await?;
    Ok(Json(library::upload(&ctx, &agent, file).await?))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
struct MediaQuery {
    agent_id: Option<Uuid>,
    media_type: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

async fn media_list(ctx: Ctx, ApiQuery(q): ApiQuery<MediaQuery>) -> AppResult<Json<MediaList>> {
    Ok(Json(
        library::list(&ctx, q.agent_id, q.media_type.as_deref(), q.limit, q.offset).await?,
    ))
}

async fn media_delete(
    ctx: Ctx,
    crate::rest::IdPath(id): crate::rest::IdPath,
) -> AppResult<StatusCode> {
    library::delete(&ctx, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Uploaded files, public like the carousel they appear on (keys are unguessable).
/// Immutable: a key never changes content. Single byte ranges are honoured, so
/// video can seek. A resized version that is not ready yet falls back to the
/// original.
async fn serve_media(
    State(state): State<AppState>,
    Path(key): Path<String>,
    headers: HeaderMap,
) -> Response {
    use object_store::{path::Path as StorePath, GetOptions, GetRange, ObjectStore};
    if key.contains("..") || key.contains("//") {
        return StatusCode::NOT_FOUND.into_response();
    }
    let key = format!("presentations/{key}");
    let store = &state.media.store;
    let range = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .and_then(parse_range);
    let mut candidates = vec![(key.clone(), true)];
    if let Some(stem) = key
        .strip_suffix("-960.jpg")
        .or_else(|| key.strip_suffix("-480.jpg"))
    {
        for ext in ["jpg", "png", "webp", "gif"] {
            candidates.push((format!("{stem}.{ext}"), false));
        }
    }
    for (candidate, exact) in candidates {
        let options = GetOptions {
            range: range.map(|r| match r {
                (start, Some(end)) => GetRange::Bounded(start..end.saturating_add(1)),
                (start, None) => GetRange::Offset(start),
            }),
            ..Default::default()
        };
        let result = match store
            .get_opts(&StorePath::from(candidate.as_str()), options)
            .await
        {
            Ok(result) => result,
            Err(object_store::Error::NotFound { .. }) => continue,
            // A range the file cannot satisfy is the client's mistake; anything else
            // is ours.
            Err(e) if range.is_some() => {
                tracing::debug!(error = ?e, "unsatisfiable range");
                return StatusCode::RANGE_NOT_SATISFIABLE.into_response();
            }
            Err(e) => {
                tracing::warn!(error = ?e, "media read failed");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        };
        let total = result.meta.size;
        let served = result.range.clone();
        let mime = mime_of(&candidate);
        let body = axum::body::Body::from_stream(result.into_stream());
        let mut response = Response::new(body);
        let h = response.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
        h.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(if exact {
                "public, max-age=31536000, immutable"
            } else {
                "public, max-age=60"
            }),
        );
        h.insert(
            header::CONTENT_LENGTH,
            HeaderValue::from(served.end - served.start),
        );
        if range.is_some() {
            *response.status_mut() = StatusCode::PARTIAL_CONTENT;
            if let Ok(v) = HeaderValue::from_str(&format!(
                "bytes {}-{}/{}",
                served.start,
                served.end.saturating_sub(1),
                total
            )) {
                response.headers_mut().insert(header::CONTENT_RANGE, v);
            }
        }
        return response;
    }
    StatusCode::NOT_FOUND.into_response()
}

/// `bytes=a-b` or `bytes=a-` (one range; others are served whole).
fn parse_range(text: &str) -> Option<(u64, Option<u64>)> {
    let spec = text.strip_prefix("bytes=")?;
    if spec.contains(',') {
        return None;
    }
    let (start, end) = spec.split_once('-')?;
    let start = start.trim().parse().ok()?;
    let end = match end.trim() {
        "" => None,
        e => Some(e.parse().ok()?),
    };
    match end {
        Some(e) if e < start => None,
        _ => Some((start, end)),
    }
}

fn mime_of(key: &str) -> &'static str {
    match key.rsplit('.').next() {
        Some("jpg") => "image/jpeg",
        Some("png") => "image/png",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("mp4") => "video/mp4",
        Some("mov") => "video/quicktime",
        Some("webm") => "video/webm",
        Some("avi") => "video/x-msvideo",
        _ => "application/octet-stream",
    }
}

/// The multipart and query endpoints take no JSON; any body parses as "none".
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_single_and_ordered() {
        assert_eq!(parse_range("bytes=0-99"), Some((0, Some(99))));
        assert_eq!(parse_range("bytes=100-"), Some((100, None)));
        assert_eq!(parse_range("bytes=9-1"), None);
        assert_eq!(parse_range("bytes=0-1,5-6"), None);
        assert_eq!(parse_range("items=0-1"), None);
    }
}
