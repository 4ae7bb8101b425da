//! Templates: the list agents start from, a new draft from one (placeholders
//! filled), and managing them (super admins, `system.admin`): create, edit, retire.

use super::repo;
use super::service::{self, authorize, target_agent, Act};
use crate::auth::permissions::Permission;
use crate::auth::server::audit::{self, AuditEvent};
use crate::auth::server::guard::{CurrentUser, RequestMeta};
use crate::error::{AppError, AppResult};
use crate::presentations::rules;
use crate::presentations::types::*;
use crate::state::AppState;
use uuid::Uuid;

/// The slides of a template follow the slide rules, with one allowance: text may
/// hold placeholders, which are filled before any deck is validated again.
fn validate(input: &TemplateInput) -> AppResult<()> {
    let deck = PresentationInput {
        name: input.name.clone(),
        description: input.description.clone(),
        slides: input.slides.clone(),
        ..Default::default()
    };
    let mut result = rules::validate(&deck);
    if input.slides.is_empty() {
        let mut fields = match result {
            Err(AppError::Invalid { fields, .. }) => fields,
            _ => Default::default(),
        };
        fields
            .entry("slides".into())
            .or_default()
            .push("A template needs at least one slide.".into());
        result = Err(AppError::Invalid {
            detail: "Please fix the highlighted fields.".into(),
            fields,
        });
    }
    result
}

fn to_template(row: repo::TemplateRow) -> AppResult<Template> {
    Ok(Template {
        template_id: row.template_id,
        category: TemplateCategory::parse(&row.category).ok_or(AppError::Internal)?,
        slides: serde_json::from_value(row.slides.0).unwrap_or_default(),
        name: row.name,
        description: row.description,
        is_public: row.is_public,
        thumbnail_url: row.preview_image_url,
    })
}

async fn audit_template(
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    event: &'static str,
    id: Uuid,
) {
    let mut e = AuditEvent::new(event, true);
    e.user_id = Some(caller.user_id);
    e.tenant_id = Some(caller.tenant_id);
    e.resource_type = Some("presentation_template");
    e.resource_id = Some(id.to_string());
    audit::record(&state.pool, meta, e).await;
}

pub async fn create(
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    input: &TemplateInput,
) -> AppResult<Template> {
    caller.require(Permission::SystemAdmin)?;
    if input.category.is_none() {
        return Err(AppError::invalid_field("category", "Choose a category."));
    }
    validate(input)?;
    let mut conn = state.pool.acquire().await?;
    let row = repo::insert_template(&mut conn, caller.tenant_id, caller.user_id, input).await?;
    let template = to_template(row)?;
    audit_template(
        state,
        meta,
        caller,
        "presentation_template.created",
        template.template_id,
    )
    .await;
    Ok(template)
}

pub async fn update(
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    template_id: Uuid,
    input: &TemplateInput,
) -> AppResult<Template> {
    caller.require(Permission::SystemAdmin)?;
    validate(input)?;
    let mut conn = state.pool.acquire().await?;
    let row = repo::update_template(&mut conn, template_id, input)
        .await?
        .ok_or_else(|| AppError::not_found("Template"))?;
    let template = to_template(row)?;
    audit_template(
        state,
        meta,
        caller,
        "presentation_template.updated",
        template_id,
    )
    .await;
    Ok(template)
}

/// Retires a template: agents no longer see it; decks made from it keep their slides.
pub async fn archive(
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    template_id: Uuid,
) -> AppResult<()> {
    caller.require(Permission::SystemAdmin)?;
    let mut conn = state.pool.acquire().await?;
    if !repo::archive_template(&mut conn, template_id).await? {
        return Err(AppError::not_found("Template"));
    }
    audit_template(
        state,
        meta,
        caller,
        "presentation_template.archived",
        template_id,
    )
    .await;
    Ok(())
}

/// A new draft from a template, with its placeholders filled from the agent's input.
pub async fn from_template(
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    agent_id: Option<Uuid>,
    request: &FromTemplate,
) -> AppResult<Presentation> {
    let (template, agent) = {
        let mut conn = state.pool.acquire().await?;
        let agent = target_agent(&mut conn, caller, agent_id).await?;
        authorize(caller, &agent, Act::Create)?;
        let template = repo::template(&mut conn, agent.tenant_id, request.template_id)
            .await?
            .ok_or_else(|| AppError::not_found("Template"))?;
        (template, agent)
    };
    let skeletons: Vec<Slide> = serde_json::from_value(template.slides.0.clone())
        .map_err(|e| AppError::internal("template slides do not parse", e))?;
    let text = |v: &Option<String>, fallback: &str| {
        v.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .unwrap_or(fallback)
            .to_owned()
    };
    let title = text(&request.custom_title, &template.name);
    let subtitle = text(&request.custom_subtitle, "");
    let phone = agent.phone_number.clone().unwrap_or_default();
    let slides = rules::instantiate(
        &skeletons,
        &[
            ("custom_title", &title),
            ("custom_subtitle", &subtitle),
            ("agent_name", &agent.display_name),
            ("agent_phone", &phone),
        ],
    );
    let input = PresentationInput {
        name: text(&request.name, &template.name),
        description: template.description.clone(),
        slides,
        template_id: Some(template.template_id),
        ..Default::default()
    };
    let created = service::create(state, meta, caller, Some(agent.agent_id), &input).await?;
    let mut conn = state.pool.acquire().await?;
    repo::count_template_use(&mut conn, template.template_id).await?;
    Ok(created)
}

/// Templates an agent can start from (active, inside their availability window).
pub async fn templates(
    state: &AppState,
    caller: &CurrentUser,
    category: Option<&str>,
    public_only: bool,
) -> AppResult<TemplateList> {
    let category = match category.filter(|c| !c.is_empty()) {
        Some(c) => Some(
            TemplateCategory::parse(c)
                .ok_or_else(|| AppError::invalid_field("category", "Unknown category."))?
                .as_str(),
        ),
        None => None,
    };
    let mut conn = state.pool.acquire().await?;
    let rows = repo::templates(&mut conn, caller.tenant_id, category, public_only).await?;
    let templates = rows
        .into_iter()
        .filter_map(|t| {
            Some(Template {
                template_id: t.template_id,
                category: TemplateCategory::parse(&t.category)?,
                slides: serde_json::from_value(t.slides.0).unwrap_or_default(),
                name: t.name,
                description: t.description,
                is_public: t.is_public,
                thumbnail_url: t.preview_image_url,
            })
        })
        .collect();
    Ok(TemplateList { templates })
}
