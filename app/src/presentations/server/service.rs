//! The presentation rules: who may act on whose deck (the owner rule of SPEC §2.4),
//! revisions, publishing with exactly one active deck, schedules in the agent's
//! timezone, templates. Every multi-row write is one transaction.
//!
//! This file holds the owner rule and the reads; `service/save.rs` creates and saves
//! decks, `service/convert.rs` turns rows into wire types and reads schedules in the
//! agent's timezone. The deck actions (`actions.rs`) and templates are re-exported
//! here too, so callers name one module.

use super::repo::{self, AgentRow};
use crate::access::Permission;
use crate::access::Role;
use crate::audit::{self, Entry, Event};
use crate::auth::server::guard::{Ctx, CurrentUser};
use crate::error::{AppError, AppResult};
use crate::presentations::text::T;
use crate::presentations::types::*;
use crate::state::AppState;
use sqlx::PgConnection;
use uuid::Uuid;

mod convert;
mod save;

use convert::{assemble, card};
pub(super) use save::header;
pub use save::{create, update};

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
    let reached = if caller.agent_id == Some(agent.agent_id) {
        Ok(())
    } else if caller.reach.contains(act.permission()) {
        in_tenant(caller, agent)
    } else {
        Err(refusal(caller, agent, act))
    };
    reached?;
    // Only an active (approved) agent goes live (SPEC §4.6); drafts stay editable.
    if act == Act::Publish && agent.status != "active" {
        return Err(AppError::Forbidden(
            "This agent is not approved yet: publishing opens once an approver verifies \
             their licence."
                .into(),
        ));
    }
    Ok(())
}

fn refusal(caller: &CurrentUser, agent: &AgentRow, act: Act) -> AppError {
    AppError::Forbidden(match caller.agent_id {
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
    })
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
    ctx: &Ctx,
    id: Option<Uuid>,
) -> AppResult<AgentRow> {
    match id.or(ctx.caller.agent_id) {
        Some(id) => agent(conn, id).await,
        None => Err(AppError::invalid(ctx.meta.lang, "agent_id", T::AgentNeeded)),
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

/// What an agent's customers see of them: the agent's card and, while the agent is
/// active, their live deck. The caller has already established whose agent this is.
pub async fn shop_window(
    conn: &mut PgConnection,
    agent_id: Uuid,
) -> AppResult<(AgentCard, Option<Presentation>)> {
    let agent = agent(conn, agent_id).await?;
    let deck = match agent.status.as_str() {
        "active" => active_of(conn, &agent).await?,
        _ => None,
    };
    Ok((card(&agent), deck))
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
    let agent = target_agent(&mut conn, ctx, agent_id).await?;
    authorize(caller, &agent, Act::Read)?;
    let status = match status.filter(|s| !s.is_empty()) {
        Some(s) => Some(
            Status::parse(s)
                .ok_or_else(|| {
                    AppError::invalid(ctx.meta.lang, "presentation_status", T::UnknownStatus)
                })?
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
    let agent = target_agent(&mut conn, ctx, agent_id).await?;
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
