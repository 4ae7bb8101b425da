//! Changes to one deck as a whole: activate, archive or delete, restore,
//! duplicate, and the library page's one-click dispatch. Each locks the agent,
//! then the deck, in one transaction.

use super::repo::{self, AgentRow, PresentationRow};
use super::service::{
    audit_write, authorize, create, get, header, load, presentation_not_found, target_agent, Act,
};
use crate::audit::Event;
use crate::auth::server::guard::Ctx;
use crate::error::{AppError, AppResult};
use crate::presentations::rules;
use crate::presentations::types::*;
use sqlx::PgConnection;
use uuid::Uuid;

/// The guard-and-lock prologue of every single-deck change: the agent (authorised
/// for `act`, then locked), and the presentation row, locked too.
async fn locked(
    tx: &mut PgConnection,
    ctx: &Ctx,
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
    act: Act,
) -> AppResult<(AgentRow, PresentationRow)> {
    let agent = target_agent(tx, ctx, agent_id).await?;
    authorize(&ctx.caller, &agent, act)?;
    repo::lock_agent(tx, agent.agent_id).await?;
    let row = repo::get(tx, agent.agent_id, presentation_id, true)
        .await?
        .ok_or_else(presentation_not_found)?;
    Ok((agent, row))
}

/// Makes a published presentation the agent's only active one.
pub async fn activate(
    ctx: &Ctx,
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> AppResult<Presentation> {
    let Ctx { state, .. } = ctx;
    let mut tx = state.pool.begin().await?;
    let (agent, row) = locked(&mut tx, ctx, agent_id, presentation_id, Act::Publish).await?;
    if row.status != Status::Published {
        return Err(AppError::Conflict(
            "Only published presentations can be active".into(),
        ));
    }
    repo::activate(&mut tx, agent.agent_id, presentation_id).await?;
    let active = load(&mut tx, &agent, presentation_id).await?;
    audit_write(
        &mut tx,
        ctx,
        Event::PresentationActivated,
        ("presentation", presentation_id),
        serde_json::json!({"agent_id": agent.agent_id}),
    )
    .await?;
    tx.commit().await?;
    Ok(active)
}

/// What `remove` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Removed {
    Deleted,
    Archived,
}

/// Deletes a draft that was never published; archives anything else (it may be
/// linked or shared, so it is kept, off the home page).
pub async fn remove(
    ctx: &Ctx,
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> AppResult<Removed> {
    let Ctx { state, caller, .. } = ctx;
    let mut tx = state.pool.begin().await?;
    let (agent, row) = locked(&mut tx, ctx, agent_id, presentation_id, Act::Update).await?;
    // Taking a live deck off the home page changes live content: the publish right.
    if row.is_active || row.status == Status::Published {
        authorize(caller, &agent, Act::Publish)?;
    }
    let outcome = if row.status == Status::Draft && row.published_at.is_none() {
        repo::delete(&mut tx, presentation_id).await?;
        Removed::Deleted
    } else {
        set_status(&mut tx, &row, Status::Archived).await?;
        Removed::Archived
    };
    audit_write(
        &mut tx,
        ctx,
        match outcome {
            Removed::Deleted => Event::PresentationDeleted,
            Removed::Archived => Event::PresentationArchived,
        },
        ("presentation", presentation_id),
        serde_json::json!({"agent_id": agent.agent_id}),
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}

/// Status-only change that keeps the content (archive, or back to draft to reuse).
async fn set_status(
    conn: &mut PgConnection,
    row: &PresentationRow,
    status: Status,
) -> AppResult<()> {
    let input = PresentationInput {
        name: row.name.clone(),
        description: row.description.clone(),
        template_id: row.template_id,
        tags: row.tags.clone(),
        ..Default::default()
    };
    let head = header(&input, status, (row.active_from, row.active_until));
    repo::update_header(conn, row.presentation_id, &head).await?;
    Ok(())
}

/// Archived → draft, so an old deck can be edited and published again.
pub async fn restore(
    ctx: &Ctx,
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> AppResult<Presentation> {
    let Ctx { state, .. } = ctx;
    let mut tx = state.pool.begin().await?;
    let (agent, row) = locked(&mut tx, ctx, agent_id, presentation_id, Act::Update).await?;
    if row.status != Status::Archived {
        return Err(AppError::Conflict(
            "Only archived presentations can be restored".into(),
        ));
    }
    set_status(&mut tx, &row, Status::Draft).await?;
    let restored = load(&mut tx, &agent, presentation_id).await?;
    audit_write(
        &mut tx,
        ctx,
        Event::PresentationRestored,
        ("presentation", presentation_id),
        serde_json::json!({"agent_id": agent.agent_id}),
    )
    .await?;
    tx.commit().await?;
    Ok(restored)
}

/// A draft copy with the same slides.
pub async fn duplicate(
    ctx: &Ctx,
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> AppResult<Presentation> {
    let source = get(ctx, agent_id, presentation_id).await?;
    let mut input = PresentationInput::from_presentation(&source);
    input.name = copy_name(&source.name);
    input.status = Some(Status::Draft);
    input.is_active = None;
    input.version = None;
    create(ctx, Some(source.agent_id), &input).await
}

fn copy_name(name: &str) -> String {
    let copy = format!("Copy of {name}");
    copy.chars().take(rules::NAME_MAX).collect()
}

/// The library page's one-click actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeckAction {
    Duplicate,
    Remove,
    Restore,
    Activate,
}

pub async fn apply(
    ctx: &Ctx,
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
    action: DeckAction,
) -> AppResult<()> {
    match action {
        DeckAction::Duplicate => duplicate(ctx, agent_id, presentation_id).await.map(drop),
        DeckAction::Remove => remove(ctx, agent_id, presentation_id).await.map(drop),
        DeckAction::Restore => restore(ctx, agent_id, presentation_id).await.map(drop),
        DeckAction::Activate => activate(ctx, agent_id, presentation_id).await.map(drop),
    }
}
