//! SQL for the shared presentation templates.

use sqlx::{types::Json, PgConnection};
use uuid::Uuid;

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
