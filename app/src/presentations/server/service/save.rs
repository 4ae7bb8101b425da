//! Creating and saving a deck: the owner rule and the publish right, the rules, the
//! revision check, the owner's own media, then header and slides in one transaction.

use super::convert::{schedule, tz, Window};
use super::{audit_write, authorize, load, presentation_not_found, target_agent, Act};
use crate::audit::Event;
use crate::auth::server::guard::Ctx;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::presentations::rules;
use crate::presentations::server::repo::{self, AgentRow};
use crate::presentations::text::T;
use crate::presentations::types::*;
use sqlx::PgConnection;
use uuid::Uuid;

/// The header to write; the schedule comes resolved (`schedule`), so it is parsed
/// and checked once.
pub(crate) fn header<'a>(
    input: &'a PresentationInput,
    status: Status,
    window: Window,
) -> repo::Header<'a> {
    repo::Header {
        name: input.name.trim(),
        description: input
            .description
            .as_deref()
            .filter(|d| !d.trim().is_empty()),
        status,
        template_id: input.template_id,
        template_category: None,
        tags: &input.tags,
        active_from: window.0,
        active_until: window.1,
    }
}

fn stored(
    slides: &[Slide],
    zone: chrono_tz::Tz,
    lang: Lang,
) -> AppResult<Vec<repo::StoredSlide<'_>>> {
    slides
        .iter()
        .enumerate()
        .map(|(i, slide)| {
            let prefix = format!("slides[{i}].");
            let (active_from, active_until) =
                schedule(&slide.active_from, &slide.active_until, zone, &prefix, lang)?;
            Ok(repo::StoredSlide {
                slide,
                active_from,
                active_until,
            })
        })
        .collect()
}

/// Slides may only use the deck owner's own library files (or the shipped demo
/// images): a `media_id` must be theirs, and its URL, type and thumbnail come from
/// the library row, not from the client.
async fn owned_media(
    conn: &mut PgConnection,
    agent: &AgentRow,
    slides: &[Slide],
    lang: Lang,
) -> AppResult<Vec<Slide>> {
    let ids: Vec<Uuid> = slides.iter().filter_map(|s| s.media_id).collect();
    let library = repo::media_of_agent(conn, agent.agent_id, &ids).await?;
    let own_prefix = format!("/media/presentations/{}/", agent.agent_id);
    let mut out = slides.to_vec();
    for (i, slide) in out.iter_mut().enumerate() {
        if slide.slide_type == SlideType::Text {
            continue;
        }
        match slide.media_id {
            Some(id) => {
                let m = library.iter().find(|m| m.media_id == id).ok_or_else(|| {
                    AppError::invalid(lang, &format!("slides[{i}].media_url"), T::OwnMediaOnly)
                })?;
                slide.media_url = Some(m.media_url.clone());
                slide.media_type = Some(m.mime_type.clone());
                slide.thumbnail_url = m.thumbnail_url.clone();
            }
            None => {
                let url = slide.media_url.as_deref().unwrap_or_default();
                let shipped = url.starts_with("/media/demo/");
                if !(shipped || url.starts_with(&own_prefix)) {
                    return Err(AppError::invalid(
                        lang,
                        &format!("slides[{i}].media_url"),
                        T::OwnMediaOnly,
                    ));
                }
                slide.thumbnail_url = slide
                    .thumbnail_url
                    .take()
                    .filter(|t| t.starts_with("/media/") && t.len() <= 500);
                slide.media_type = slide.media_type.take().filter(|t| t.len() <= 50);
            }
        }
    }
    Ok(out)
}

/// What create and update both check against the database and the agent's zone:
/// media from the agent's own library, and a schedule that exists in that zone.
async fn resolved(
    conn: &mut PgConnection,
    ctx: &Ctx,
    agent: &AgentRow,
    input: &PresentationInput,
) -> AppResult<(chrono_tz::Tz, Vec<Slide>, Window)> {
    let lang = ctx.meta.lang;
    let zone = tz(agent);
    let slides = owned_media(conn, agent, &input.slides, lang).await?;
    let window = schedule(&input.active_from, &input.active_until, zone, "", lang)?;
    Ok((zone, slides, window))
}

/// Creates a presentation (a draft unless the input says otherwise).
pub async fn create(
    ctx: &Ctx,
    agent_id: Option<Uuid>,
    input: &PresentationInput,
) -> AppResult<Presentation> {
    let Ctx { state, caller, .. } = ctx;
    let mut tx = state.pool.begin().await?;
    let agent = target_agent(&mut tx, ctx, agent_id).await?;
    authorize(caller, &agent, Act::Create)?;
    let status = input.status.unwrap_or(Status::Draft);
    if status == Status::Published || input.is_active == Some(true) {
        authorize(caller, &agent, Act::Publish)?;
    }
    rules::validate(input, ctx.meta.lang)?;
    // Lock order everywhere: the agent, then its presentations.
    repo::lock_agent(&mut tx, agent.agent_id).await?;
    let (zone, slides, window) = resolved(&mut tx, ctx, &agent, input).await?;
    let mut head = header(input, status, window);
    let category = match input.template_id {
        Some(id) => repo::template(&mut tx, agent.tenant_id, id)
            .await?
            .map(|t| t.category),
        None => None,
    };
    head.template_category = category.as_deref();
    if input.template_id.is_some() && category.is_none() {
        return Err(AppError::invalid(
            ctx.meta.lang,
            "template_id",
            T::NoSuchTemplate,
        ));
    }
    let row = repo::insert(&mut tx, &agent, &head, caller.user_id).await?;
    let id = row.presentation_id;
    repo::replace_slides(&mut tx, id, &stored(&slides, zone, ctx.meta.lang)?).await?;
    if status == Status::Published {
        repo::mark_published(&mut tx, id, caller.user_id).await?;
        if input.is_active == Some(true) {
            repo::activate(&mut tx, agent.agent_id, id).await?;
        }
    }
    let created = load(&mut tx, &agent, id).await?;
    audit_write(
        &mut tx,
        ctx,
        Event::PresentationCreated,
        ("presentation", id),
        serde_json::json!({"agent_id": agent.agent_id, "slides": input.slides.len(),
                           "status": status.as_str(), "is_active": created.is_active}),
    )
    .await?;
    tx.commit().await?;
    Ok(created)
}

/// Saves a whole presentation: header and all slides, in one transaction. A stale
/// `version` is refused with 409 rather than overwriting a newer save.
pub async fn update(
    ctx: &Ctx,
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
    input: &PresentationInput,
) -> AppResult<Presentation> {
    let Ctx { state, caller, .. } = ctx;
    let mut tx = state.pool.begin().await?;
    let agent = target_agent(&mut tx, ctx, agent_id).await?;
    authorize(caller, &agent, Act::Update)?;
    // Lock order everywhere: the agent, then the presentation.
    repo::lock_agent(&mut tx, agent.agent_id).await?;
    let current = repo::get(&mut tx, agent.agent_id, presentation_id, true)
        .await?
        .ok_or_else(presentation_not_found)?;
    // Publishing, or editing what is already live (a save that leaves out `status`
    // keeps a published deck published), needs the publish right.
    let live = current.status == Status::Published || current.is_active;
    let wants_publish = input.status == Some(Status::Published) || input.is_active == Some(true);
    if wants_publish || live {
        authorize(caller, &agent, Act::Publish)?;
    }
    if let Some(version) = input.version {
        if version != current.version {
            return Err(AppError::Conflict(format!(
                "This presentation was changed in another window or by someone else \
                 (you edited revision {version}; it is now at {}). Reload it, then make \
                 your changes again.",
                current.version
            )));
        }
    }
    let current_status = current.status;
    let status = input.status.unwrap_or(current_status);
    let mut effective = input.clone();
    effective.status = Some(status);
    rules::validate(&effective, ctx.meta.lang)?;
    let (zone, slides, window) = resolved(&mut tx, ctx, &agent, input).await?;
    let head = header(input, status, window);
    repo::update_header(&mut tx, presentation_id, &head).await?;
    repo::replace_slides(
        &mut tx,
        presentation_id,
        &stored(&slides, zone, ctx.meta.lang)?,
    )
    .await?;
    let newly_published = status == Status::Published && current_status != Status::Published;
    if newly_published {
        repo::mark_published(&mut tx, presentation_id, caller.user_id).await?;
    }
    if input.is_active == Some(true) {
        repo::activate(&mut tx, agent.agent_id, presentation_id).await?;
    }
    let saved = load(&mut tx, &agent, presentation_id).await?;
    audit_write(
        &mut tx,
        ctx,
        if newly_published {
            Event::PresentationPublished
        } else {
            Event::PresentationUpdated
        },
        ("presentation", presentation_id),
        serde_json::json!({"agent_id": agent.agent_id, "version": saved.version,
                           "slides": input.slides.len(), "status": status.as_str(),
                           "is_active": saved.is_active}),
    )
    .await?;
    tx.commit().await?;
    Ok(saved)
}
