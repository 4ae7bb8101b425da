//! The presentation rules: who may act on whose deck (the owner rule of SPEC §2.4),
//! revisions, publishing with exactly one active deck, schedules in the agent's
//! timezone, templates. Every multi-row write is one transaction.

use super::repo::{self, AgentRow, PresentationRow, SlideRow};
use crate::access::Permission;
use crate::access::Role;
use crate::audit::{self, Entry, Event};
use crate::auth::server::guard::{Ctx, CurrentUser};
use crate::error::{AppError, AppResult};
use crate::presentations::rules::{self, ScheduleBound};
use crate::presentations::types::*;
use crate::state::AppState;
use chrono::{DateTime, TimeZone, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

pub use super::actions::{activate, apply, duplicate, remove, restore, DeckAction, Removed};
pub use super::templates::{from_template, templates};

/// What a caller wants to do with an agent's presentations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Read,
    Create,
    Update,
    Publish,
}

impl Act {
    fn permission(self) -> Permission {
        match self {
            Act::Read => Permission::PresentationsRead,
            Act::Create => Permission::PresentationsCreate,
            Act::Update => Permission::PresentationsUpdate,
            Act::Publish => Permission::PresentationsPublish,
        }
    }
}

/// The owner rule (SPEC §2.4, §4.11): an agent acts on their own decks through their
/// own agent record, with or without stored grants. Anyone else's decks are reached
/// only through an admin role with the permission and, below super admin, in the same
/// tenant. An agent role without an agent record, a guest or a policyholder reaches
/// nothing, whatever their stored grants. Checked before existence, so a refusal does
/// not reveal whether a presentation exists.
pub fn authorize(caller: &CurrentUser, agent: &AgentRow, act: Act) -> AppResult<()> {
    if caller.agent_id == Some(agent.agent_id) {
        return Ok(());
    }
    if caller.reach.contains(act.permission()) {
        return in_tenant(caller, agent);
    }
    Err(AppError::Forbidden(match caller.agent_id {
        // A senior agent holds presentations.update, but that is for their own
        // record: it never reaches another agent's carousel or media.
        Some(_) => format!(
            "Insufficient permissions: agents act only on their own presentations ({} is not yours)",
            agent.agent_code
        ),
        None => format!(
            "Insufficient permissions: {} through an admin role required",
            act.permission()
        ),
    }))
}

fn in_tenant(caller: &CurrentUser, agent: &AgentRow) -> AppResult<()> {
    if caller.role == Role::SuperAdmin || caller.tenant_id == agent.tenant_id {
        Ok(())
    } else {
        Err(agent_not_found())
    }
}

fn agent_not_found() -> AppError {
    AppError::not_found("Agent")
}

pub(super) fn presentation_not_found() -> AppError {
    AppError::not_found("Presentation")
}

/// The agent named by `id` (agent id or user id).
pub async fn agent(conn: &mut PgConnection, id: Uuid) -> AppResult<AgentRow> {
    repo::agent(conn, id).await?.ok_or_else(agent_not_found)
}

/// `None` means "my own": the caller's agent record.
pub async fn target_agent(
    conn: &mut PgConnection,
    caller: &CurrentUser,
    id: Option<Uuid>,
) -> AppResult<AgentRow> {
    match id.or(caller.agent_id) {
        Some(id) => agent(conn, id).await,
        None => Err(AppError::invalid_field(
            "agent_id",
            "Choose an agent: only agents have presentations of their own.",
        )),
    }
}

fn tz(agent: &AgentRow) -> chrono_tz::Tz {
    agent.timezone.parse().unwrap_or(chrono_tz::Asia::Kolkata)
}

fn to_local(at: Option<DateTime<Utc>>, zone: chrono_tz::Tz) -> Option<String> {
    at.map(|at| at.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string())
}

/// A schedule bound to an instant; local times are read in the agent's timezone.
fn resolve(text: &Option<String>, zone: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    match rules::parse_schedule(text.as_deref().filter(|t| !t.trim().is_empty())?)? {
        ScheduleBound::Absolute(at) => Some(at.with_timezone(&Utc)),
        ScheduleBound::Local(naive) => zone
            .from_local_datetime(&naive)
            .earliest()
            .map(|at| at.with_timezone(&Utc)),
    }
}

fn json<T: serde::de::DeserializeOwned>(
    value: Option<sqlx::types::Json<serde_json::Value>>,
) -> Option<T> {
    value.and_then(|sqlx::types::Json(v)| serde_json::from_value(v).ok())
}

fn slide_from_row(row: SlideRow, zone: chrono_tz::Tz) -> Slide {
    Slide {
        slide_id: Some(row.slide_id),
        slide_order: row.slide_order,
        slide_type: SlideType::parse(&row.slide_type).unwrap_or(SlideType::Text),
        media_id: row.media_id,
        media_url: row.media_url,
        media_type: row.media_type,
        thumbnail_url: row.thumbnail_url,
        title: row.title,
        subtitle: row.subtitle,
        description: row.description,
        text_color: row.text_color,
        background_color: row.background_color,
        overlay_opacity: row.overlay_opacity,
        layout: Layout::parse(&row.layout).unwrap_or_default(),
        duration: row.duration,
        transition_effect: Transition::parse(&row.transition_effect).unwrap_or_default(),
        cta_button: json(row.cta_button),
        agent_branding: json(row.agent_branding),
        active_from: to_local(row.active_from, zone),
        active_until: to_local(row.active_until, zone),
    }
}

fn presentation(row: PresentationRow, slides: Vec<Slide>, agent: &AgentRow) -> Presentation {
    let zone = tz(agent);
    Presentation {
        presentation_id: row.presentation_id,
        agent_id: row.agent_id,
        name: row.name,
        description: row.description,
        status: row.status,
        is_active: row.is_active,
        slides,
        template_id: row.template_id,
        tags: row.tags,
        version: row.version,
        active_from: to_local(row.active_from, zone),
        active_until: to_local(row.active_until, zone),
        timezone: zone.name().to_owned(),
        created_at: row.created_at,
        updated_at: row.updated_at,
        last_updated: row.updated_at,
        published_at: row.published_at,
        agent: None,
    }
}

/// Rows to presentations, with their slides fetched in one query.
async fn assemble(
    conn: &mut PgConnection,
    rows: Vec<PresentationRow>,
    agent: &AgentRow,
    live_only: bool,
) -> AppResult<Vec<Presentation>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.presentation_id).collect();
    let zone = tz(agent);
    let mut slides = repo::slides(conn, &ids, live_only).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let (mine, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut slides)
                .into_iter()
                .partition(|s| s.presentation_id == row.presentation_id);
            slides = rest;
            let mine = mine.into_iter().map(|s| slide_from_row(s, zone)).collect();
            presentation(row, mine, agent)
        })
        .collect())
}

fn card(agent: &AgentRow) -> AgentCard {
    AgentCard {
        agent_id: agent.agent_id,
        agent_code: agent.agent_code.clone(),
        display_name: agent.display_name.clone(),
        business_name: agent.business_name.clone(),
        phone_number: agent.phone_number.clone(),
    }
}

/// The carousel: the agent's active, published deck with only its live slides.
/// Any signed-in user of the agent's tenant may see it (policyholders see their
/// agent's shop window).
pub async fn active(ctx: &Ctx, id: Uuid) -> AppResult<Presentation> {
    let Ctx { state, caller, .. } = ctx;
    let mut conn = state.pool.acquire().await?;
    let agent = agent(&mut conn, id).await?;
    in_tenant(caller, &agent)?;
    active_of(&mut conn, &agent)
        .await?
        .ok_or_else(|| AppError::NotFound("No active presentation found".into()))
}

async fn active_of(conn: &mut PgConnection, agent: &AgentRow) -> AppResult<Option<Presentation>> {
    let Some(row) = repo::active(conn, agent.agent_id).await? else {
        return Ok(None);
    };
    let mut p = assemble(conn, vec![row], agent, true).await?.remove(0);
    p.agent = Some(card(agent));
    Ok(Some(p))
}

/// The public shop window at `/a/{agent_code}`: only an active agent's active deck.
pub async fn public_active(state: &AppState, agent_code: &str) -> AppResult<Presentation> {
    let mut conn = state.pool.acquire().await?;
    let id = repo::agent_by_code(&mut conn, agent_code)
        .await?
        .ok_or_else(agent_not_found)?;
    let agent = agent(&mut conn, id).await?;
    if agent.status != "active" {
        return Err(agent_not_found());
    }
    active_of(&mut conn, &agent)
        .await?
        .ok_or_else(|| AppError::NotFound("No active presentation found".into()))
}

/// The home page's carousel for the signed-in agent; `None` for non-agents and for
/// agents without an active deck (the page shows the empty state).
pub async fn my_active(ctx: &Ctx) -> AppResult<Option<Presentation>> {
    let Ctx { state, caller, .. } = ctx;
    let Some(agent_id) = caller.agent_id else {
        return Ok(None);
    };
    let mut conn = state.pool.acquire().await?;
    let agent = agent(&mut conn, agent_id).await?;
    active_of(&mut conn, &agent).await
}

pub async fn list(
    ctx: &Ctx,
    agent_id: Option<Uuid>,
    status: Option<&str>,
    limit: Option<i64>,
    offset: Option<i64>,
) -> AppResult<PresentationPage> {
    let Ctx { state, caller, .. } = ctx;
    let mut conn = state.pool.acquire().await?;
    let agent = target_agent(&mut conn, caller, agent_id).await?;
    authorize(caller, &agent, Act::Read)?;
    let status = match status.filter(|s| !s.is_empty()) {
        Some(s) => Some(
            Status::parse(s)
                .ok_or_else(|| AppError::invalid_field("presentation_status", "Unknown status."))?
                .as_str(),
        ),
        None => None,
    };
    let limit = limit.unwrap_or(20).clamp(1, 100);
    let offset = offset.unwrap_or(0).max(0);
    let (rows, total) = repo::list(&mut conn, agent.agent_id, status, limit, offset).await?;
    let presentations = assemble(&mut conn, rows, &agent, false).await?;
    Ok(PresentationPage {
        presentations,
        total,
        limit,
        offset,
    })
}

pub async fn get(
    ctx: &Ctx,
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> AppResult<Presentation> {
    let Ctx { state, caller, .. } = ctx;
    let mut conn = state.pool.acquire().await?;
    let agent = target_agent(&mut conn, caller, agent_id).await?;
    authorize(caller, &agent, Act::Read)?;
    load(&mut conn, &agent, presentation_id).await
}

pub(super) async fn load(
    conn: &mut PgConnection,
    agent: &AgentRow,
    presentation_id: Uuid,
) -> AppResult<Presentation> {
    let row = repo::get(conn, agent.agent_id, presentation_id, false)
        .await?
        .ok_or_else(presentation_not_found)?;
    Ok(assemble(conn, vec![row], agent, false).await?.remove(0))
}

/// The header to write; the schedule comes resolved (`schedule`), so it is parsed
/// and checked once.
pub(super) fn header<'a>(
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

fn stored(slides: &[Slide], zone: chrono_tz::Tz) -> AppResult<Vec<repo::StoredSlide<'_>>> {
    slides
        .iter()
        .enumerate()
        .map(|(i, slide)| {
            let prefix = format!("slides[{i}].");
            let (active_from, active_until) =
                schedule(&slide.active_from, &slide.active_until, zone, &prefix)?;
            Ok(repo::StoredSlide {
                slide,
                active_from,
                active_until,
            })
        })
        .collect()
}

/// A schedule as instants: (from, until), either open.
type Window = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// A schedule resolved to instants, or a field error: a local time that does not
/// exist in the zone (a DST gap) or an end that is not after the start.
fn schedule(
    from: &Option<String>,
    until: &Option<String>,
    zone: chrono_tz::Tz,
    prefix: &str,
) -> AppResult<Window> {
    let given = |t: &Option<String>| t.as_deref().is_some_and(|t| !t.trim().is_empty());
    let at = |t: &Option<String>, field: &str| match (given(t), resolve(t, zone)) {
        (true, None) => Err(AppError::invalid_field(
            &format!("{prefix}{field}"),
            "That time does not exist in your timezone.",
        )),
        (_, at) => Ok(at),
    };
    let (from_at, until_at) = (at(from, "active_from")?, at(until, "active_until")?);
    if let (Some(f), Some(u)) = (from_at, until_at) {
        if u <= f {
            return Err(AppError::invalid_field(
                &format!("{prefix}active_until"),
                "The end must come after the start.",
            ));
        }
    }
    Ok((from_at, until_at))
}

/// Slides may only use the deck owner's own library files (or the shipped demo
/// images): a `media_id` must be theirs, and its URL, type and thumbnail come from
/// the library row, not from the client.
async fn owned_media(
    conn: &mut PgConnection,
    agent: &AgentRow,
    slides: &[Slide],
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
                    AppError::invalid_field(
                        &format!("slides[{i}].media_url"),
                        "Choose a file from your own library.",
                    )
                })?;
                slide.media_url = Some(m.media_url.clone());
                slide.media_type = Some(m.mime_type.clone());
                slide.thumbnail_url = m.thumbnail_url.clone();
            }
            None => {
                let url = slide.media_url.as_deref().unwrap_or_default();
                let shipped = url.starts_with("/media/demo/");
                if !(shipped || url.starts_with(&own_prefix)) {
                    return Err(AppError::invalid_field(
                        &format!("slides[{i}].media_url"),
                        "Choose a file from your own library.",
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

/// The audit row of a deck change, written with the change's transaction.
pub(super) async fn audit_write(
    conn: &mut PgConnection,
    ctx: &Ctx,
    event: Event,
    resource: (&'static str, Uuid),
    details: serde_json::Value,
) -> AppResult<()> {
    let e = Entry::new(event)
        .by(&ctx.caller)
        .on(resource.0, resource.1)
        .details(details);
    audit::record(conn, &ctx.meta, e).await
}

/// Creates a presentation (a draft unless the input says otherwise).
pub async fn create(
    ctx: &Ctx,
    agent_id: Option<Uuid>,
    input: &PresentationInput,
) -> AppResult<Presentation> {
    let Ctx { state, caller, .. } = ctx;
    let mut tx = state.pool.begin().await?;
    let agent = target_agent(&mut tx, caller, agent_id).await?;
    authorize(caller, &agent, Act::Create)?;
    let status = input.status.unwrap_or(Status::Draft);
    if status == Status::Published || input.is_active == Some(true) {
        authorize(caller, &agent, Act::Publish)?;
    }
    rules::validate(input)?;
    // Lock order everywhere: the agent, then its presentations.
    repo::lock_agent(&mut tx, agent.agent_id).await?;
    let zone = tz(&agent);
    let slides = owned_media(&mut tx, &agent, &input.slides).await?;
    let window = schedule(&input.active_from, &input.active_until, zone, "")?;
    let mut head = header(input, status, window);
    let category = match input.template_id {
        Some(id) => repo::template(&mut tx, agent.tenant_id, id)
            .await?
            .map(|t| t.category),
        None => None,
    };
    head.template_category = category.as_deref();
    if input.template_id.is_some() && category.is_none() {
        return Err(AppError::invalid_field("template_id", "No such template."));
    }
    let row = repo::insert(&mut tx, &agent, &head, caller.user_id).await?;
    let id = row.presentation_id;
    repo::replace_slides(&mut tx, id, &stored(&slides, zone)?).await?;
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
    let agent = target_agent(&mut tx, caller, agent_id).await?;
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
    rules::validate(&effective)?;
    let zone = tz(&agent);
    let slides = owned_media(&mut tx, &agent, &input.slides).await?;
    let window = schedule(&input.active_from, &input.active_until, zone, "")?;
    let head = header(input, status, window);
    repo::update_header(&mut tx, presentation_id, &head).await?;
    repo::replace_slides(&mut tx, presentation_id, &stored(&slides, zone)?).await?;
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

/// The agents an admin with `presentations.read` may open (tenant-scoped below
/// super admin), for the library's agent picker.
pub async fn agent_choices(ctx: &Ctx) -> AppResult<Vec<AgentCard>> {
    let Ctx { state, caller, .. } = ctx;
    caller.require_reach(Permission::PresentationsRead)?;
    let scope = (caller.role != Role::SuperAdmin).then_some(caller.tenant_id);
    let mut conn = state.pool.acquire().await?;
    Ok(repo::agents(&mut conn, scope)
        .await?
        .iter()
        .map(card)
        .collect())
}
