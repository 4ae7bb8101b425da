//! Changes to one deck as a whole: activate, archive or delete, restore,
//! duplicate, and the library page's one-click dispatch. Each locks the agent,
//! then the deck, in one transaction.

use super::repo::{self, AgentRow, PresentationRow};
use super::service::{
    audit_write, authorize, create, get, header, load, presentation_not_found, target_agent, Act,
};
use crate::auth::server::guard::{CurrentUser, RequestMeta};
use crate::error::{AppError, AppResult};
use crate::presentations::rules;
use crate::presentations::types::*;
use crate::state::AppState;
use sqlx::PgConnection;
use uuid::Uuid;

/// The guard-and-lock prologue of every single-deck change: the agent (authorised
/// for `act`, then locked), and the presentation row, locked too.
async fn locked(
    tx: &mut PgConnection,
    caller: &CurrentUser,
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
    act: Act,
) -> AppResult<(AgentRow, PresentationRow)> {
    let agent = target_agent(tx, caller, agent_id).await?;
    authorize(caller, &agent, act)?;
    repo::lock_agent(tx, agent.agent_id).await?;
    let row = repo::get(tx, agent.agent_id, presentation_id, true)
        .await?
        .ok_or_else(presentation_not_found)?;
    Ok((agent, row))
}

/// Makes a published presentation the agent's only active one.
pub async fn activate(
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> AppResult<Presentation> {
    let mut tx = state.pool.begin().await?;
    let (agent, row) = locked(&mut tx, caller, agent_id, presentation_id, Act::Publish).await?;
    if row.status != Status::Published.as_str() {
        return Err(AppError::Conflict(
            "Only published presentations can be active".into(),
        ));
    }
    repo::activate(&mut tx, agent.agent_id, presentation_id).await?;
    let active = load(&mut tx, &agent, presentation_id).await?;
    tx.commit().await?;
    audit_write(
        state,
        meta,
        caller,
        "presentation.activated",
        ("presentation", presentation_id),
        serde_json::json!({"agent_id": agent.agent_id}),
    )
    .await;
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
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> AppResult<Removed> {
    let mut tx = state.pool.begin().await?;
    let (agent, row) = locked(&mut tx, caller, agent_id, presentation_id, Act::Update).await?;
    let outcome = if row.status == "draft" && row.published_at.is_none() {
        repo::delete(&mut tx, presentation_id).await?;
        Removed::Deleted
    } else {
        set_status(&mut tx, &row, Status::Archived).await?;
        Removed::Archived
    };
    tx.commit().await?;
    audit_write(
        state,
        meta,
        caller,
        match outcome {
            Removed::Deleted => "presentation.deleted",
            Removed::Archived => "presentation.archived",
        },
        ("presentation", presentation_id),
        serde_json::json!({"agent_id": agent.agent_id}),
    )
    .await;
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
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> AppResult<Presentation> {
    let mut tx = state.pool.begin().await?;
    let (agent, row) = locked(&mut tx, caller, agent_id, presentation_id, Act::Update).await?;
    if row.status != Status::Archived.as_str() {
        return Err(AppError::Conflict(
            "Only archived presentations can be restored".into(),
        ));
    }
    set_status(&mut tx, &row, Status::Draft).await?;
    let restored = load(&mut tx, &agent, presentation_id).await?;
    tx.commit().await?;
    audit_write(
        state,
        meta,
        caller,
        "presentation.restored",
        ("presentation", presentation_id),
        serde_json::json!({"agent_id": agent.agent_id}),
    )
    .await;
    Ok(restored)
}

/// A draft copy with the same slides.
pub async fn duplicate(
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
) -> AppResult<Presentation> {
    let source = get(state, caller, agent_id, presentation_id).await?;
    let mut input = PresentationInput::from_presentation(&source);
    input.name = copy_name(&source.name);
    input.status = Some(Status::Draft);
    input.is_active = None;
    input.version = None;
    create(state, meta, caller, Some(source.agent_id), &input).await
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
    state: &AppState,
    meta: &RequestMeta,
    caller: &CurrentUser,
    agent_id: Option<Uuid>,
    presentation_id: Uuid,
    action: DeckAction,
) -> AppResult<()> {
    match action {
        DeckAction::Duplicate => duplicate(state, meta, caller, agent_id, presentation_id)
            .await
            .map(drop),
        DeckAction::Remove => remove(state, meta, caller, agent_id, presentation_id)
            .await
            .map(drop),
        DeckAction::Restore => restore(state, meta, caller, agent_id, presentation_id)
            .await
            .map(drop),
        DeckAction::Activate => activate(state, meta, caller, agent_id, presentation_id)
            .await
            .map(drop),
    }
}
