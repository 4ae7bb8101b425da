//! SQL for the agents' media libraries.

use super::AgentRow;
use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MediaRow {
    pub media_id: Uuid,
    pub agent_id: Uuid,
    pub media_type: String,
    pub mime_type: String,
    pub file_name: String,
    pub file_size_bytes: i64,
    pub storage_key: String,
    pub media_url: String,
    pub thumbnail_url: Option<String>,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub usage_count: i64,
    pub uploaded_at: DateTime<Utc>,
}

/// Usage is counted from the slides themselves, so it cannot drift.
const MEDIA_COLUMNS: &str = "m.media_id, m.agent_id, m.media_type, m.mime_type, m.file_name,
    m.file_size_bytes, m.storage_key, m.media_url, m.thumbnail_url, m.width, m.height,
    (SELECT count(*) FROM presentation_slides s
      WHERE s.media_id = m.media_id OR s.media_url = m.media_url) AS usage_count,
    m.uploaded_at";

pub async fn media_by_hash(
    conn: &mut PgConnection,
    agent_id: Uuid,
    hash: &str,
) -> sqlx::Result<Option<MediaRow>> {
    sqlx::query_as(&format!(
        "SELECT {MEDIA_COLUMNS} FROM presentation_media m
         WHERE m.agent_id = $1 AND m.file_hash = $2"
    ))
    .bind(agent_id)
    .bind(hash)
    .fetch_optional(conn)
    .await
}

pub struct NewMedia<'a> {
    pub media_id: Uuid,
    pub agent: &'a AgentRow,
    pub media_type: &'a str,
    pub mime_type: &'a str,
    pub file_name: &'a str,
    pub size: i64,
    pub provider: &'a str,
    pub storage_key: &'a str,
    pub media_url: &'a str,
    pub thumbnail_url: Option<&'a str>,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub hash: &'a str,
    pub uploaded_by: Uuid,
}

/// Inserts a media row; `None` when the same file is already in this agent's
/// library (a concurrent twin upload won the race).
pub async fn insert_media(
    conn: &mut PgConnection,
    m: &NewMedia<'_>,
) -> sqlx::Result<Option<MediaRow>> {
    sqlx::query_as(
        "WITH m AS (
             INSERT INTO presentation_media (media_id, agent_id, tenant_id, media_type, mime_type,
                 file_name, file_size_bytes, storage_provider, storage_key, media_url,
                 thumbnail_url, width, height, file_hash, uploaded_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
             ON CONFLICT (agent_id, file_hash) DO NOTHING
             RETURNING *)
         SELECT m.media_id, m.agent_id, m.media_type, m.mime_type, m.file_name,
                m.file_size_bytes, m.storage_key, m.media_url, m.thumbnail_url, m.width,
                m.height, 0::bigint AS usage_count, m.uploaded_at
         FROM m",
    )
    .bind(m.media_id)
    .bind(m.agent.agent_id)
    .bind(m.agent.tenant_id)
    .bind(m.media_type)
    .bind(m.mime_type)
    .bind(m.file_name)
    .bind(m.size)
    .bind(m.provider)
    .bind(m.storage_key)
    .bind(m.media_url)
    .bind(m.thumbnail_url)
    .bind(m.width)
    .bind(m.height)
    .bind(m.hash)
    .bind(m.uploaded_by)
    .fetch_optional(conn)
    .await
}

/// The agent's own library rows among `ids`.
pub async fn media_of_agent(
    conn: &mut PgConnection,
    agent_id: Uuid,
    ids: &[Uuid],
) -> sqlx::Result<Vec<MediaRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    sqlx::query_as(&format!(
        "SELECT {MEDIA_COLUMNS} FROM presentation_media m
         WHERE m.agent_id = $1 AND m.media_id = ANY($2) AND m.status = 'active'"
    ))
    .bind(agent_id)
    .bind(ids)
    .fetch_all(conn)
    .await
}

pub async fn media_list(
    conn: &mut PgConnection,
    agent_id: Uuid,
    media_type: Option<&str>,
    limit: i64,
    offset: i64,
) -> sqlx::Result<(Vec<MediaRow>, i64)> {
    let rows = sqlx::query_as(&format!(
        "SELECT {MEDIA_COLUMNS} FROM presentation_media m
         WHERE m.agent_id = $1 AND m.status = 'active' AND ($2::text IS NULL OR m.media_type = $2)
         ORDER BY m.uploaded_at DESC, m.media_id LIMIT $3 OFFSET $4"
    ))
    .bind(agent_id)
    .bind(media_type)
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    let total = sqlx::query_scalar(
        "SELECT count(*) FROM presentation_media
         WHERE agent_id = $1 AND status = 'active' AND ($2::text IS NULL OR media_type = $2)",
    )
    .bind(agent_id)
    .bind(media_type)
    .fetch_one(conn)
    .await?;
    Ok((rows, total))
}

pub async fn media(
    conn: &mut PgConnection,
    media_id: Uuid,
    for_update: bool,
) -> sqlx::Result<Option<MediaRow>> {
    let lock = if for_update { "FOR UPDATE OF m" } else { "" };
    sqlx::query_as(&format!(
        "SELECT {MEDIA_COLUMNS} FROM presentation_media m WHERE m.media_id = $1 {lock}"
    ))
    .bind(media_id)
    .fetch_optional(conn)
    .await
}

pub async fn delete_media(conn: &mut PgConnection, media_id: Uuid) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM presentation_media WHERE media_id = $1")
        .bind(media_id)
        .execute(conn)
        .await
        .map(drop)
}

/// Records the resized versions once the background job has written them.
/// False when the media row is gone (deleted while resizing ran).
pub async fn set_derivatives(
    conn: &mut PgConnection,
    media_id: Uuid,
    display_url: &str,
    thumbnail_url: &str,
) -> sqlx::Result<bool> {
    sqlx::query(
        "UPDATE presentation_media
         SET display_url = $2, thumbnail_url = $3, is_optimized = true, updated_at = now()
         WHERE media_id = $1",
    )
    .bind(media_id)
    .bind(display_url)
    .bind(thumbnail_url)
    .execute(conn)
    .await
    .map(|done| done.rows_affected() == 1)
}
