//! Templates: the list agents start from, a new draft from one (placeholders
//! filled), and managing them (super admins, `system.admin`): create, edit, retire.

use super::repo;
use super::service::{self, authorize, target_agent, Act};
use crate::access::Permission;
use crate::audit::{self, Entry, Event};
use crate::auth::server::guard::Ctx;
use crate::error::{AppError, AppResult, Problems};
use crate::i18n::Lang;
use crate::presentations::rules;
use crate::presentations::text::T;
use crate::presentations::types::*;
use sqlx::PgConnection;
use uuid::Uuid;

/// The slides of a template follow the slide rules, with one allowance: text may
/// hold placeholders, which are filled before any deck is validated again.
/// A new template must also name its category (an update may keep the old one).
fn validate(input: &TemplateInput, is_new: bool, lang: Lang) -> AppResult<()> {
    let deck = PresentationInput {
        name: input.name.clone(),
        description: input.description.clone(),
        slides: input.slides.clone(),
        ..Default::default()
    };
    let mut problems = Problems::new(lang);
    if is_new && input.category.is_none() {
        problems.add("category", T::ChooseCategory);
    }
    rules::check(&deck, &mut problems);
    if input.slides.is_empty() {
        problems.add("slides", T::TemplateNeedsSlide);
    }
    problems.into_result()
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
    conn: &mut PgConnection,
    ctx: &Ctx,
    event: Event,
    id: Uuid,
) -> AppResult<()> {
    let e = Entry::new(event)
        .by(&ctx.caller)
        .on("presentation_template", id);
    audit::record(conn, &ctx.meta, e).await
}

pub async fn create(ctx: &Ctx, input: &TemplateInput) -> AppResult<Template> {
    let Ctx { state, caller, .. } = ctx;
    caller.require(Permission::SystemAdmin)?;
    validate(input, true, ctx.meta.lang)?;
    let mut tx = state.pool.begin().await?;
    let row = repo::insert_template(&mut tx, caller.tenant_id, caller.user_id, input).await?;
    let template = to_template(row)?;
    audit_template(&mut tx, ctx, Event::TemplateCreated, template.template_id).await?;
    tx.commit().await?;
    Ok(template)
}

pub async fn update(ctx: &Ctx, template_id: Uuid, input: &TemplateInput) -> AppResult<Template> {
    let Ctx { state, caller, .. } = ctx;
    caller.require(Permission::SystemAdmin)?;
    validate(input, false, ctx.meta.lang)?;
    let mut tx = state.pool.begin().await?;
    let row = repo::update_template(&mut tx, template_id, input)
        .await?
        .ok_or_else(|| AppError::not_found("Template"))?;
    let template = to_template(row)?;
    audit_template(&mut tx, ctx, Event::TemplateUpdated, template_id).await?;
    tx.commit().await?;
    Ok(template)
}

/// Retires a template: agents no longer see it; decks made from it keep their slides.
pub async fn archive(ctx: &Ctx, template_id: Uuid) -> AppResult<()> {
    let Ctx { state, caller, .. } = ctx;
    caller.require(Permission::SystemAdmin)?;
    let mut tx = state.pool.begin().await?;
    if !repo::archive_template(&mut tx, template_id).await? {
        return Err(AppError::not_found("Template"));
    }
    audit_template(&mut tx, ctx, Event::TemplateArchived, template_id).await?;
    tx.commit().await?;
    Ok(())
}

/// A new draft from a template, with its placeholders filled from the agent's input.
pub async fn from_template(
    ctx: &Ctx,
    agent_id: Option<Uuid>,
    request: &FromTemplate,
) -> AppResult<Presentation> {
    let Ctx { state, caller, .. } = ctx;
    let (template, agent) = {
        let mut conn = state.pool.acquire().await?;
        let agent = target_agent(&mut conn, ctx, agent_id).await?;
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
        // Named after the agent's own headline when they gave one.
        name: text(&request.name, &title),
        description: template.description.clone(),
        slides,
        template_id: Some(template.template_id),
        ..Default::default()
    };
    let created = service::create(ctx, Some(agent.agent_id), &input).await?;
    let mut conn = state.pool.acquire().await?;
    repo::count_template_use(&mut conn, template.template_id).await?;
    Ok(created)
}

/// Templates an agent can start from (active, inside their availability window).
pub async fn templates(
    ctx: &Ctx,
    category: Option<&str>,
    public_only: bool,
) -> AppResult<TemplateList> {
    let Ctx { state, caller, .. } = ctx;
    let category = match category.filter(|c| !c.is_empty()) {
        Some(c) => Some(
            TemplateCategory::parse(c)
                .ok_or_else(|| AppError::invalid(ctx.meta.lang, "category", T::UnknownCategory))?
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
