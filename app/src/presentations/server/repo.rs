//! SQL for presentations, slides, templates and media. Functions take a connection
//! so the service owns the transaction; nothing here decides who may do what.

use crate::presentations::types::Status;
use chrono::{DateTime, Utc};
use sqlx::{types::Json, PgConnection};
use uuid::Uuid;

mod media;
mod templates;
pub use media::*;
pub use templates::*;

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
    pub status: Status,
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
    pub status: Status,
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
