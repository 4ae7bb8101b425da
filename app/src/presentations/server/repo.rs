//! SQL for presentations, slides, templates and media. Functions take a connection
//! so the service owns the transaction; nothing here decides who may do what.

use chrono::{DateTime, Utc};
use sqlx::{types::Json, PgConnection};
use uuid::Uuid;

/// The agent a presentation belongs to, with what the carousel shows of them.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AgentRow {
    pub agent_id: Uuid,
    pub tenant_id: Uuid,
    pub user_id: Uuid,
    pub agent_code: String,
    pub status: String,
    pub display_name: String,
    pub phone_number: Option<String>,
    pub business_name: Option<String>,
    pub timezone: String,
}

const AGENT_SELECT: &str = "SELECT a.agent_id, a.tenant_id, a.user_id, a.agent_code, a.status,
        coalesce(nullif(u.display_name, ''), btrim(u.first_name || ' ' || u.last_name))
            AS display_name,
        u.phone_number, a.business_name, u.timezone
    FROM agents a JOIN users u USING (user_id)";

/// An agent by agent id or by their user id (SPEC §9 #35).
pub async fn agent(conn: &mut PgConnection, id: Uuid) -> sqlx::Result<Option<AgentRow>> {
    sqlx::query_as(&format!(
        "{AGENT_SELECT} WHERE a.agent_id = $1 OR a.user_id = $1"
    ))
    .bind(id)
    .fetch_optional(conn)
    .await
}

/// Agents an admin may choose from: their tenant's, or everyone's (`None`).
pub async fn agents(
    conn: &mut PgConnection,
    tenant_id: Option<Uuid>,
) -> sqlx::Result<Vec<AgentRow>> {
    sqlx::query_as(&format!(
        "{AGENT_SELECT} WHERE $1::uuid IS NULL OR a.tenant_id = $1
         ORDER BY a.agent_code LIMIT 500"
    ))
    .bind(tenant_id)
    .fetch_all(conn)
    .await
}

pub async fn agent_by_code(conn: &mut PgConnection, code: &str) -> sqlx::Result<Option<Uuid>> {
    sqlx::query_scalar("SELECT agent_id FROM agents WHERE agent_code = upper($1)")
        .bind(code)
        .fetch_optional(conn)
        .await
}

/// Serialises changes to which presentation is active: concurrent publishes for one
/// agent queue here instead of racing (the unique index is the backstop).
pub async fn lock_agent(conn: &mut PgConnection, agent_id: Uuid) -> sqlx::Result<()> {
    // NO KEY UPDATE: publishes queue behind each other, while inserts that merely
    // reference the agent (its presentations, media) are not blocked.
    sqlx::query("SELECT 1 FROM agents WHERE agent_id = $1 FOR NO KEY UPDATE")
        .bind(agent_id)
        .execute(conn)
        .await
        .map(drop)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PresentationRow {
    pub presentation_id: Uuid,
    pub agent_id: Uuid,
    pub tenant_id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub status: String,
    pub is_active: bool,
    pub template_id: Option<Uuid>,
    pub tags: Vec<String>,
    pub version: i32,
    pub active_from: Option<DateTime<Utc>>,
    pub active_until: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const PRESENTATION_COLUMNS: &str = "presentation_id, agent_id, tenant_id, name, description,
    status, is_active, template_id, tags, version, active_from, active_until, published_at,
    created_at, updated_at";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SlideRow {
    pub slide_id: Uuid,
    pub presentation_id: Uuid,
    pub slide_order: i32,
    pub slide_type: String,
    pub media_id: Option<Uuid>,
    pub media_url: Option<String>,
    pub media_type: Option<String>,
    pub thumbnail_url: Option<String>,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub description: Option<String>,
    pub text_color: String,
    pub background_color: String,
    pub overlay_opacity: f32,
    pub layout: String,
    pub duration: i32,
    pub transition_effect: String,
    pub cta_button: Option<Json<serde_json::Value>>,
    pub agent_branding: Option<Json<serde_json::Value>>,
    pub active_from: Option<DateTime<Utc>>,
    pub active_until: Option<DateTime<Utc>>,
}

/// The agent's active, published presentation, if it is inside its schedule.
pub async fn active(
    conn: &mut PgConnection,
    agent_id: Uuid,
) -> sqlx::Result<Option<PresentationRow>> {
    sqlx::query_as(&format!(
        "SELECT {PRESENTATION_COLUMNS} FROM presentations
         WHERE agent_id = $1 AND is_active AND status = 'published'
           AND (active_from IS NULL OR active_from <= now())
           AND (active_until IS NULL OR active_until > now())"
    ))
    .bind(agent_id)
    .fetch_optional(conn)
    .await
}

/// Slides of these presentations in order; `live_only` drops slides outside their
/// schedule (the carousel), the editor wants them all.
pub async fn slides(
    conn: &mut PgConnection,
    presentation_ids: &[Uuid],
    live_only: bool,
) -> sqlx::Result<Vec<SlideRow>> {
    sqlx::query_as(
        "SELECT slide_id, presentation_id, slide_order, slide_type, media_id, media_url,
                media_type, thumbnail_url, title, subtitle, description, text_color,
                background_color, overlay_opacity::float4 AS overlay_opacity, layout, duration,
                transition_effect, cta_button, agent_branding, active_from, active_until
         FROM presentation_slides
         WHERE presentation_id = ANY($1)
           AND (NOT $2 OR ((active_from IS NULL OR active_from <= now())
                       AND (active_until IS NULL OR active_until > now())))
         ORDER BY presentation_id, slide_order",
    )
    .bind(presentation_ids)
    .bind(live_only)
    .fetch_all(conn)
    .await
}

pub async fn list(
    conn: &mut PgConnection,
    agent_id: Uuid,
    status: Option<&str>,
    limit: i64,
    offset: i64,
) -> sqlx::Result<(Vec<PresentationRow>, i64)> {
    let rows = sqlx::query_as(&format!(
        "SELECT {PRESENTATION_COLUMNS} FROM presentations
         WHERE agent_id = $1 AND ($2::text IS NULL OR status = $2)
         ORDER BY is_active DESC, updated_at DESC, presentation_id
         LIMIT $3 OFFSET $4"
    ))
    .bind(agent_id)
    .bind(status)
    .bind(limit)
    .bind(offset)
    .fetch_all(&mut *conn)
    .await?;
    let total = sqlx::query_scalar(
        "SELECT count(*) FROM presentations WHERE agent_id = $1 AND ($2::text IS NULL OR status = $2)",
    )
    .bind(agent_id)
    .bind(status)
    .fetch_one(conn)
    .await?;
    Ok((rows, total))
}

/// One presentation of this agent; `for_update` locks it for the rest of the
/// transaction (so the version check and the write cannot be interleaved).
pub async fn get(
    conn: &mut PgConnection,
    agent_id: Uuid,
    presentation_id: Uuid,
    for_update: bool,
) -> sqlx::Result<Option<PresentationRow>> {
    let lock = if for_update { "FOR UPDATE" } else { "" };
    sqlx::query_as(&format!(
        "SELECT {PRESENTATION_COLUMNS} FROM presentations
         WHERE agent_id = $1 AND presentation_id = $2 {lock}"
    ))
    .bind(agent_id)
    .bind(presentation_id)
    .fetch_optional(conn)
    .await
}

/// The header fields a create or update writes.
pub struct Header<'a> {
    pub name: &'a str,
    pub description: Option<&'a str>,
    pub status: &'a str,
    pub template_id: Option<Uuid>,
    pub template_category: Option<&'a str>,
    pub tags: &'a [String],
    pub active_from: Option<DateTime<Utc>>,
    pub active_until: Option<DateTime<Utc>>,
}

pub async fn insert(
    conn: &mut PgConnection,
    agent: &AgentRow,
    header: &Header<'_>,
    created_by: Uuid,
) -> sqlx::Result<PresentationRow> {
    sqlx::query_as(&format!(
        "INSERT INTO presentations (agent_id, tenant_id, name, description, status,
                                    template_id, template_category, tags, active_from,
                                    active_until, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         RETURNING {PRESENTATION_COLUMNS}"
    ))
    .bind(agent.agent_id)
    .bind(agent.tenant_id)
    .bind(header.name)
    .bind(header.description)
    .bind(header.status)
    .bind(header.template_id)
    .bind(header.template_category)
    .bind(header.tags)
    .bind(header.active_from)
    .bind(header.active_until)
    .bind(created_by)
    .fetch_one(conn)
    .await
}

/// Writes the header and bumps the revision. Leaving `published` drops `is_active`
/// (a draft or archived deck cannot be on the home page).
pub async fn update_header(
    conn: &mut PgConnection,
    presentation_id: Uuid,
    header: &Header<'_>,
) -> sqlx::Result<PresentationRow> {
    sqlx::query_as(&format!(
        "UPDATE presentations
         SET name = $2, description = $3, status = $4, template_id = $5, tags = $6,
             active_from = $7, active_until = $8,
             is_active = is_active AND $4 = 'published',
             archived_at = CASE WHEN $4 = 'archived' THEN coalesce(archived_at, now()) END,
             version = version + 1, updated_at = now()
         WHERE presentation_id = $1
         RETURNING {PRESENTATION_COLUMNS}"
    ))
    .bind(presentation_id)
    .bind(header.name)
    .bind(header.description)
    .bind(header.status)
    .bind(header.template_id)
    .bind(header.tags)
    .bind(header.active_from)
    .bind(header.active_until)
    .fetch_one(conn)
    .await
}

/// A slide as stored: the wire slide plus its schedule resolved to instants.
pub struct StoredSlide<'a> {
    pub slide: &'a crate::presentations::types::Slide,
    pub active_from: Option<DateTime<Utc>>,
    pub active_until: Option<DateTime<Utc>>,
}

/// Replaces every slide, numbering them 1..n in the order given.
pub async fn replace_slides(
    conn: &mut PgConnection,
    presentation_id: Uuid,
    slides: &[StoredSlide<'_>],
) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM presentation_slides WHERE presentation_id = $1")
        .bind(presentation_id)
        .execute(&mut *conn)
        .await?;
    for (i, stored) in slides.iter().enumerate() {
        let s = stored.slide;
        let cta = s
            .cta_button
            .as_ref()
            .and_then(|v| serde_json::to_value(v).ok());
        let branding = s
            .agent_branding
            .as_ref()
            .and_then(|v| serde_json::to_value(v).ok());
        sqlx::query(
            "INSERT INTO presentation_slides (
                 presentation_id, slide_order, slide_type, media_id, media_url, media_type,
                 thumbnail_url, title, subtitle, description, text_color, background_color,
                 overlay_opacity, layout, duration, transition_effect, cta_button,
                 agent_branding, active_from, active_until)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, upper($11), upper($12),
                     round($13::numeric, 2), $14, $15, $16, $17, $18, $19, $20)",
        )
        .bind(presentation_id)
        .bind(i as i32 + 1)
        .bind(s.slide_type.as_str())
        .bind(s.media_id)
        .bind(&s.media_url)
        .bind(&s.media_type)
        .bind(&s.thumbnail_url)
        .bind(&s.title)
        .bind(&s.subtitle)
        .bind(&s.description)
        .bind(&s.text_color)
        .bind(&s.background_color)
        .bind(f64::from(s.overlay_opacity))
        .bind(s.layout.as_str())
        .bind(s.duration)
        .bind(s.transition_effect.as_str())
        .bind(cta.map(Json))
        .bind(branding.map(Json))
        .bind(stored.active_from)
        .bind(stored.active_until)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Makes this presentation the agent's only active one. Call with the agent locked.
pub async fn activate(
    conn: &mut PgConnection,
    agent_id: Uuid,
    presentation_id: Uuid,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE presentations SET is_active = false, updated_at = now()
         WHERE agent_id = $1 AND is_active AND presentation_id <> $2",
    )
    .bind(agent_id)
    .bind(presentation_id)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE presentations SET is_active = true, updated_at = now()
         WHERE presentation_id = $1 AND status = 'published'",
    )
    .bind(presentation_id)
    .execute(conn)
    .await
    .map(drop)
}

/// Marks a presentation published by `user_id` (first publish keeps its date).
pub async fn mark_published(
    conn: &mut PgConnection,
    presentation_id: Uuid,
    user_id: Uuid,
) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE presentations
         SET published_at = now(), published_by = $2, archived_at = NULL
         WHERE presentation_id = $1",
    )
    .bind(presentation_id)
    .bind(user_id)
    .execute(conn)
    .await
    .map(drop)
}

pub async fn delete(conn: &mut PgConnection, presentation_id: Uuid) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM presentations WHERE presentation_id = $1")
        .bind(presentation_id)
        .execute(conn)
        .await
        .map(drop)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TemplateRow {
    pub template_id: Uuid,
    pub name: String,
    pub description: Option<String>,
    pub category: String,
    pub is_public: bool,
    pub preview_image_url: Option<String>,
    pub slides: Json<serde_json::Value>,
}

const TEMPLATE_COLUMNS: &str =
    "template_id, name, description, category, is_public, preview_image_url, slides";

/// Active templates inside their availability window, visible to this tenant.
pub async fn templates(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    category: Option<&str>,
    public_only: bool,
) -> sqlx::Result<Vec<TemplateRow>> {
    sqlx::query_as(&format!(
        "SELECT {TEMPLATE_COLUMNS} FROM presentation_templates
         WHERE status = 'active'
           AND (available_from IS NULL OR available_from <= now())
           AND (available_until IS NULL OR available_until > now())
           AND ($2::text IS NULL OR category = $2)
           AND (is_public OR (NOT $3 AND tenant_id = $1))
         ORDER BY is_default DESC, category, name"
    ))
    .bind(tenant_id)
    .bind(category)
    .bind(public_only)
    .fetch_all(conn)
    .await
}

pub async fn template(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    template_id: Uuid,
) -> sqlx::Result<Option<TemplateRow>> {
    sqlx::query_as(&format!(
        "SELECT {TEMPLATE_COLUMNS} FROM presentation_templates
         WHERE template_id = $1 AND status = 'active' AND (is_public OR tenant_id = $2)
           AND (available_from IS NULL OR available_from <= now())
           AND (available_until IS NULL OR available_until > now())"
    ))
    .bind(template_id)
    .bind(tenant_id)
    .fetch_optional(conn)
    .await
}

pub async fn count_template_use(conn: &mut PgConnection, template_id: Uuid) -> sqlx::Result<()> {
    sqlx::query(
        "UPDATE presentation_templates SET usage_count = usage_count + 1 WHERE template_id = $1",
    )
    .bind(template_id)
    .execute(conn)
    .await
    .map(drop)
}

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

pub async fn insert_template(
    conn: &mut PgConnection,
    tenant_id: Uuid,
    created_by: Uuid,
    t: &crate::presentations::types::TemplateInput,
) -> sqlx::Result<TemplateRow> {
    sqlx::query_as(&format!(
        "INSERT INTO presentation_templates (tenant_id, name, description, category, slides,
             is_public, preview_image_url, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING {TEMPLATE_COLUMNS}"
    ))
    .bind(tenant_id)
    .bind(t.name.trim())
    .bind(&t.description)
    .bind(t.category.map(|c| c.as_str()))
    .bind(Json(serde_json::to_value(&t.slides).unwrap_or_default()))
    .bind(t.is_public.unwrap_or(true))
    .bind(&t.preview_image_url)
    .bind(created_by)
    .fetch_one(conn)
    .await
}

pub async fn update_template(
    conn: &mut PgConnection,
    template_id: Uuid,
    t: &crate::presentations::types::TemplateInput,
) -> sqlx::Result<Option<TemplateRow>> {
    sqlx::query_as(&format!(
        "UPDATE presentation_templates
         SET name = $2, description = $3, category = coalesce($4, category), slides = $5,
             is_public = coalesce($6, is_public),
             preview_image_url = coalesce($7, preview_image_url), updated_at = now()
         WHERE template_id = $1 AND status = 'active'
         RETURNING {TEMPLATE_COLUMNS}"
    ))
    .bind(template_id)
    .bind(t.name.trim())
    .bind(&t.description)
    .bind(t.category.map(|c| c.as_str()))
    .bind(Json(serde_json::to_value(&t.slides).unwrap_or_default()))
    .bind(t.is_public)
    .bind(&t.preview_image_url)
    .fetch_optional(conn)
    .await
}

/// True when an active template was archived.
pub async fn archive_template(conn: &mut PgConnection, template_id: Uuid) -> sqlx::Result<bool> {
    Ok(sqlx::query(
        "UPDATE presentation_templates SET status = 'archived', updated_at = now()
         WHERE template_id = $1 AND status = 'active'",
    )
    .bind(template_id)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}
