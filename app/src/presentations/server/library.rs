//! The agent's media library: uploads (checked by their bytes, de-duplicated by
//! SHA-256, stored through `MediaStore`), the list, deletion of unused files, and
//! the resized versions made in the background.

use super::media::{self, MediaStore};
use super::repo::{self, AgentRow, MediaRow};
use super::service::{authorize, target_agent, Act};
use crate::audit::{self, Entry, Event};
use crate::auth::server::guard::Ctx;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::presentations::text::T;
use crate::presentations::types::{Media, MediaList, SlideType};
use crate::state::AppState;
use bytes::Bytes;
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// An upload as it came (`rest::multipart`): checked here by its bytes.
pub use crate::rest::multipart::FilePart as Upload;

fn to_media(row: MediaRow, duplicate: bool) -> Media {
    Media {
        media_id: row.media_id,
        media_url: row.media_url,
        thumbnail_url: row.thumbnail_url,
        media_type: SlideType::parse(&row.media_type).unwrap_or(SlideType::Image),
        file_name: row.file_name,
        file_size: row.file_size_bytes,
        mime_type: row.mime_type,
        storage_key: row.storage_key,
        width: row.width,
        height: row.height,
        usage_count: row.usage_count,
        duplicate,
        uploaded_at: row.uploaded_at,
    }
}

fn megabytes(bytes: u64) -> u64 {
    bytes / (1024 * 1024)
}

/// The agent an upload is for: the caller's own record, or (for admins with
/// `presentations.create`) the one they name.
pub async fn upload_agent(ctx: &Ctx, agent_id: Option<Uuid>) -> AppResult<AgentRow> {
    let Ctx { state, caller, .. } = ctx;
    if agent_id.is_none() && caller.agent_id.is_none() {
        return Err(AppError::invalid(
            ctx.meta.lang,
            "agent_id",
            T::UploadNeedsAgent,
        ));
    }
    let mut conn = state.pool.acquire().await?;
    let agent = target_agent(&mut conn, ctx, agent_id).await?;
    authorize(caller, &agent, Act::Create)?;
    Ok(agent)
}

/// Checks the bytes against the limits; the answer a refused upload gets.
pub fn check(
    limits: &media::MediaLimits,
    upload: &Upload,
    lang: Lang,
) -> AppResult<media::Sniffed> {
    if upload.bytes.is_empty() {
        return Err(AppError::invalid(lang, "file", T::EmptyFile));
    }
    let sniffed = media::sniff(&upload.bytes).ok_or_else(|| {
        AppError::UnsupportedMediaType(
            "Unsupported file type. Upload a JPEG, PNG, WebP or GIF image, or an MP4, WebM \
             or MOV video."
                .into(),
        )
    })?;
    let family = sniffed.mime.split('/').next().unwrap_or_default();
    if let Some(declared) = upload.declared.as_deref() {
        let declared_family = declared.split('/').next().unwrap_or_default();
        let generic = declared.is_empty() || declared == "application/octet-stream";
        if !generic && declared_family != family {
            return Err(AppError::UnsupportedMediaType(format!(
                "The file says it is {declared}, but its content is {}.",
                sniffed.mime
            )));
        }
    }
    let max = match sniffed.kind {
        SlideType::Video => limits.video_max_bytes,
        _ => limits.image_max_bytes,
    };
    if upload.bytes.len() as u64 > max {
        return Err(AppError::TooLarge(format!(
            "The file is too large: {} can be up to {} MB.",
            if sniffed.kind == SlideType::Video {
                "videos"
            } else {
                "images"
            },
            megabytes(max)
        )));
    }
    Ok(sniffed)
}

/// Stores an upload in the agent's library. A file the agent already has (same
/// SHA-256) returns the existing item and stores nothing. A refused or failed
/// upload leaves nothing behind, in the store or the database.
pub async fn upload(ctx: &Ctx, agent: &AgentRow, upload: Upload) -> AppResult<Media> {
    let Ctx {
        state,
        caller,
        meta,
    } = ctx;
    let store = &state.media;
    let sniffed = check(&store.limits, &upload, ctx.meta.lang)?;
    let dimensions = if sniffed.kind == SlideType::Image {
        let bytes = upload.bytes.clone();
        let mime = sniffed.mime;
        let decoded = tokio::task::spawn_blocking(move || {
            media::decode(&bytes, mime).map(|i| (i.width(), i.height()))
        })
        .await?;
        Some(decoded.map_err(|problem| match problem {
            media::ImageProblem::Corrupt => {
                AppError::invalid(ctx.meta.lang, "file", T::ImageCorrupt)
            }
            media::ImageProblem::TooManyPixels => {
                AppError::invalid(ctx.meta.lang, "file", T::ImageTooManyPixels)
            }
        })?)
    } else {
        None
    };
    let hash = crate::format::hex(&Sha256::digest(&upload.bytes));
    // No connection is held across the store write below (up to 50 MB).
    if let Some(existing) = by_hash(state, agent.agent_id, &hash).await? {
        return Ok(to_media(existing, true));
    }
    let media_id = Uuid::new_v4();
    let now = chrono::Utc::now();
    let key = format!(
        "presentations/{}/{}/{}.{}",
        agent.agent_id,
        now.format("%Y/%m"),
        media_id,
        sniffed.ext
    );
    let media_url = format!("/media/{key}");
    let thumbnail_url = (sniffed.kind == SlideType::Image)
        .then(|| format!("/media/{}", media::derivative_keys(&key).1));
    store
        .put(&key, upload.bytes.clone())
        .await
        .map_err(|e| AppError::internal("media store put failed", e))?;
    let file_name: String = sanitize(&upload.file_name, sniffed.ext);
    let mut tx = state.pool.begin().await?;
    let inserted = repo::insert_media(
        &mut tx,
        &repo::NewMedia {
            media_id,
            agent,
            media_type: sniffed.kind.as_str(),
            mime_type: sniffed.mime,
            file_name: &file_name,
            size: upload.bytes.len() as i64,
            provider: store.provider,
            storage_key: &key,
            media_url: &media_url,
            thumbnail_url: thumbnail_url.as_deref(),
            width: dimensions.map(|d| d.0 as i32),
            height: dimensions.map(|d| d.1 as i32),
            hash: &hash,
            uploaded_by: caller.user_id,
        },
    )
    .await;
    let row = match inserted {
        Ok(Some(row)) => row,
        // A twin upload finished first: keep theirs, drop ours.
        Ok(None) => {
            drop(tx);
            let _ = store.delete(&key).await;
            let existing = by_hash(state, agent.agent_id, &hash)
                .await?
                .ok_or(AppError::Internal)?;
            return Ok(to_media(existing, true));
        }
        Err(e) => {
            drop(tx);
            let _ = store.delete(&key).await;
            return Err(e.into());
        }
    };
    let entry = Entry::new(Event::MediaUploaded)
        .by(caller)
        .on("presentation_media", media_id)
        .details(
            serde_json::json!({"agent_id": agent.agent_id, "mime_type": sniffed.mime,
                                    "bytes": row.file_size_bytes}),
        );
    let committed = match audit::record(&mut tx, meta, entry).await {
        Ok(()) => tx.commit().await.map_err(AppError::from),
        Err(e) => Err(e),
    };
    if let Err(e) = committed {
        let _ = store.delete(&key).await;
        return Err(e);
    }
    if sniffed.kind == SlideType::Image {
        let (store, pool, bytes) = (store.clone(), state.pool.clone(), upload.bytes);
        tokio::spawn(async move {
            if let Err(e) =
                make_derivatives(&store, &pool, media_id, &key, sniffed.mime, bytes).await
            {
                tracing::warn!(error = ?e, %media_id, "resizing failed; the original is served");
            }
        });
    }
    Ok(to_media(row, false))
}

async fn by_hash(
    state: &AppState,
    agent_id: Uuid,
    hash: &str,
) -> AppResult<Option<repo::MediaRow>> {
    let mut conn = state.pool.acquire().await?;
    Ok(repo::media_by_hash(&mut conn, agent_id, hash).await?)
}

/// Writes the 960 and 480 px versions and records them. Runs after the upload has
/// answered; until it finishes the media handler serves the original instead.
pub async fn make_derivatives(
    store: &MediaStore,
    pool: &sqlx::PgPool,
    media_id: Uuid,
    key: &str,
    mime: &'static str,
    bytes: Bytes,
) -> anyhow::Result<()> {
    // One resize at a time: decoding is memory- and CPU-heavy, and uploads can come
    // in faster than a small server resizes them.
    static RESIZING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);
    let _turn = RESIZING.acquire().await?;
    let resized =
        tokio::task::spawn_blocking(move || media::display_and_phone(&bytes, mime)).await?;
    let (display_key, thumb_key) = media::derivative_keys(key);
    let Some((display, thumb)) = resized else {
        anyhow::bail!("image did not resize");
    };
    store.put(&display_key, display.into()).await?;
    store.put(&thumb_key, thumb.into()).await?;
    let mut conn = pool.acquire().await?;
    let recorded = repo::set_derivatives(
        &mut conn,
        media_id,
        &format!("/media/{display_key}"),
        &format!("/media/{thumb_key}"),
    )
    .await?;
    if !recorded {
        // The file was deleted while we resized it: leave nothing behind.
        store.delete(&display_key).await?;
        store.delete(&thumb_key).await?;
    }
    Ok(())
}

/// A file name safe to keep and show: no path, no control characters, bounded.
fn sanitize(name: &str, ext: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    if clean.trim().is_empty() {
        format!("upload.{ext}")
    } else {
        clean
    }
}

pub async fn list(
    ctx: &Ctx,
    agent_id: Option<Uuid>,
    media_type: Option<&str>,
    limit: Option<i64>,
    offset: Option<i64>,
) -> AppResult<MediaList> {
    let Ctx { state, caller, .. } = ctx;
    let mut conn = state.pool.acquire().await?;
    let agent = target_agent(&mut conn, ctx, agent_id).await?;
    authorize(caller, &agent, Act::Read)?;
    let media_type = match media_type.filter(|t| !t.is_empty()) {
        Some("image") => Some("image"),
        Some("video") => Some("video"),
        Some(_) => {
            return Err(AppError::invalid(
                ctx.meta.lang,
                "media_type",
                T::MediaTypeChoice,
            ))
        }
        None => None,
    };
    let (rows, total) = repo::media_list(
        &mut conn,
        agent.agent_id,
        media_type,
        limit.unwrap_or(50).clamp(1, 200),
        offset.unwrap_or(0).max(0),
    )
    .await?;
    Ok(MediaList {
        media: rows.into_iter().map(|r| to_media(r, false)).collect(),
        total,
    })
}

/// Deletes a library item no slide uses, with its stored files.
pub async fn delete(ctx: &Ctx, media_id: Uuid) -> AppResult<()> {
    let Ctx {
        state,
        caller,
        meta,
    } = ctx;
    let mut tx = state.pool.begin().await?;
    let row = repo::media(&mut tx, media_id, true)
        .await?
        .ok_or_else(|| AppError::not_found("Media"))?;
    let agent = super::service::agent(&mut tx, row.agent_id).await?;
    authorize(caller, &agent, Act::Update)?;
    if row.usage_count > 0 {
        return Err(AppError::Conflict(format!(
            "This file is used on {} slide(s). Remove it from them first.",
            row.usage_count
        )));
    }
    repo::delete_media(&mut tx, media_id).await?;
    let entry = Entry::new(Event::MediaDeleted)
        .by(caller)
        .on("presentation_media", media_id);
    audit::record(&mut tx, meta, entry).await?;
    tx.commit().await?;
    let (display, thumb) = media::derivative_keys(&row.storage_key);
    for key in [&row.storage_key, &display, &thumb] {
        if let Err(e) = state.media.delete(key).await {
            tracing::warn!(error = ?e, key, "could not delete a stored file");
        }
    }
    Ok(())
}
