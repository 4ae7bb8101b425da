//! Agent rules (SPEC §4.5–4.6): whose agent record is this, the verification state
//! machine, the network without cycles. Every change is one transaction with its
//! audit row; transitions lock the agent row first, so two approvers of one
//! submission queue, and the second gets a 409 naming the state the first left.
//!
//! This file holds the shared rules and the reads; `service/register.rs` creates
//! agents, `service/change.rs` moves and edits them, `documents.rs` (beside it)
//! keeps their verification documents.

use super::repo;
use super::scope::AgentScope;
use crate::access::Permission;
use crate::agents::text::T;
use crate::agents::types::*;
use crate::audit::{self, Event};
use crate::auth::server::guard::{Ctx, CurrentUser};
use crate::error::{AppError, AppResult};
use crate::paging::{self, Cursor, Page};
use sqlx::PgConnection;
use uuid::Uuid;

mod change;
mod register;

pub use change::*;
pub use register::*;

pub fn not_found() -> AppError {
    AppError::not_found("Agent")
}

/// Today in India, where licences expire.
pub fn today() -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::minutes(330)).date_naive()
}

/// The reach for acting on someone else's agent record: the admin scope, provided
/// an admin role grants `permission`. Agents acting on their own record do not
/// come through here.
pub fn admin_scope(caller: &CurrentUser, permission: Permission) -> AppResult<AgentScope> {
    caller.require_reach(permission)?;
    Ok(AgentScope::reaching(caller, permission))
}

/// The caller's own agent id, or a 404 in the seed's words.
pub fn own_agent(caller: &CurrentUser) -> AppResult<Uuid> {
    caller
        .agent_id
        .ok_or_else(|| AppError::NotFound("Agent profile not found".into()))
}

/// The scope through which the caller reads agent `id`: their own record, or their
/// admin reach. Someone else's record without reach is refused before anything is
/// looked up, so a refusal reveals nothing.
fn read_scope(caller: &CurrentUser, id: Uuid) -> AppResult<AgentScope> {
    if caller.agent_id == Some(id) {
        return Ok(AgentScope::Own(id));
    }
    admin_scope(caller, Permission::AgentsRead)
}

pub(super) async fn audit_agent(
    conn: &mut PgConnection,
    ctx: &Ctx,
    event: Event,
    agent_id: Uuid,
    details: serde_json::Value,
) -> AppResult<()> {
    audit::record_change(conn, ctx, event, "agent", agent_id, details).await
}

/// The signed-in agent's own profile (`GET /agents/profile`).
pub async fn my_profile(ctx: &Ctx) -> AppResult<AgentProfile> {
    let id = own_agent(&ctx.caller)?;
    let mut conn = ctx.pool().acquire().await?;
    repo::profile(&mut conn, AgentScope::Own(id), id)
        .await?
        .ok_or_else(|| AppError::NotFound("Agent profile not found".into()))
}

/// One agent: self, or within the caller's admin scope (404 outside it).
pub async fn profile(ctx: &Ctx, id: Uuid) -> AppResult<AgentProfile> {
    let scope = read_scope(&ctx.caller, id)?;
    let mut conn = ctx.pool().acquire().await?;
    repo::profile(&mut conn, scope, id)
        .await?
        .ok_or_else(not_found)
}

/// The detail page: profile, network, documents, history, and what the caller may
/// do now.
pub async fn detail(ctx: &Ctx, id: Uuid) -> AppResult<AgentDetail> {
    let caller = &ctx.caller;
    let scope = read_scope(caller, id)?;
    let mut conn = ctx.pool().acquire().await?;
    let profile = repo::profile(&mut conn, scope, id)
        .await?
        .ok_or_else(not_found)?;
    let network = repo::network(&mut conn, &profile, 50).await?;
    // Documents are private to the agent and their approvers (`documents::serve`).
    let own = caller.agent_id == Some(profile.agent_id);
    let documents = if own || caller.reach.contains(Permission::AgentsApprove) {
        repo::documents::list(&mut conn, profile.agent_id).await?
    } else {
        Vec::new()
    };
    let history = repo::history(&mut conn, profile.agent_id, 50).await?;
    let steps = if own {
        Vec::new()
    } else {
        profile
            .state()
            .admin_steps()
            .into_iter()
            .filter(|s| caller.reach.contains(step_permission(*s)))
            .collect()
    };
    let may_edit = !own && caller.reach.contains(Permission::AgentsUpdate);
    let providers = if may_edit {
        crate::providers::server::repo::choices(&mut conn).await?
    } else {
        Vec::new()
    };
    Ok(AgentDetail {
        profile,
        network,
        documents,
        history,
        steps,
        own,
        may_edit,
        providers,
    })
}

/// The permission an admin needs for a step.
pub fn step_permission(step: Step) -> Permission {
    match step {
        Step::Approve | Step::Reject => Permission::AgentsApprove,
        _ => Permission::AgentsUpdate,
    }
}

/// One page of the admin list, in the caller's scope.
pub async fn list(ctx: &Ctx, q: &AgentQuery) -> AppResult<Page<AgentSummary>> {
    let scope = admin_scope(&ctx.caller, Permission::AgentsRead)?;
    let after = Cursor::after_created(q.cursor.as_deref(), ctx.meta.lang)?;
    let limit = paging::limit(q.limit);
    let mut conn = ctx.pool().acquire().await?;
    let rows = repo::page(&mut conn, scope, q, after.as_ref(), limit + 1).await?;
    let total = repo::count(&mut conn, scope, q).await?;
    Ok(Page::from_rows(rows, limit, total, repo::cursor))
}

/// `GET /agents/search`: 2–100 characters of name, email, code or business.
pub async fn search(ctx: &Ctx, text: &str, limit: Option<i64>) -> AppResult<Vec<AgentSummary>> {
    let text = text.trim();
    if !(2..=100).contains(&text.chars().count()) {
        return Err(AppError::Invalid {
            detail: "Search query must be 2–100 characters".into(),
            fields: [(
                "query".to_owned(),
                vec!["Enter 2–100 characters.".to_owned()],
            )]
            .into(),
        });
    }
    let q = AgentQuery {
        q: Some(text.to_owned()),
        limit,
        ..AgentQuery::default()
    };
    Ok(list(ctx, &q).await?.items)
}

/// The caller's place in the network (`GET /agents/hierarchy`): up to 10 sub-agents.
pub async fn hierarchy(ctx: &Ctx) -> AppResult<Hierarchy> {
    let id = own_agent(&ctx.caller)?;
    let mut conn = ctx.pool().acquire().await?;
    let profile = repo::profile(&mut conn, AgentScope::Own(id), id)
        .await?
        .ok_or_else(not_found)?;
    Ok(repo::network(&mut conn, &profile, 10).await?)
}

pub async fn counters(ctx: &Ctx) -> AppResult<AgentCounters> {
    let scope = admin_scope(&ctx.caller, Permission::AgentsRead)?;
    let mut conn = ctx.pool().acquire().await?;
    let c = repo::counters(&mut conn, scope).await?;
    let mut by_status: Vec<(AgentStatus, i64)> = AgentStatus::ALL.iter().map(|s| (*s, 0)).collect();
    for (name, n) in c.by_status.0 {
        if let Some(slot) = by_status.iter_mut().find(|(s, _)| s.as_str() == name) {
            slot.1 = n;
        }
    }
    Ok(AgentCounters {
        awaiting: c.awaiting,
        by_status,
        weekly: c.weekly.0,
    })
}

/// The verification queue: the `limit` oldest submissions in scope, and how many.
pub async fn queue(ctx: &Ctx, limit: i64) -> AppResult<(Vec<AgentSummary>, i64)> {
    let scope = admin_scope(&ctx.caller, Permission::AgentsRead)?;
    let q = AgentQuery {
        verification_status: Some(Verification::Submitted.as_str().into()),
        ..AgentQuery::default()
    };
    let mut conn = ctx.pool().acquire().await?;
    let rows = repo::queue(&mut conn, scope, limit).await?;
    let total = repo::count(&mut conn, scope, &q).await?;
    Ok((rows, total.count))
}

/// An agent code typed into a form, as the id of an agent in the caller's scope:
/// blank is none; an unknown code, or one out of scope, is a field error.
pub async fn agent_by_code(ctx: &Ctx, code: &str, field: &str) -> AppResult<Option<Uuid>> {
    let code = code.trim();
    if code.is_empty() {
        return Ok(None);
    }
    let scope = AgentScope::of(&ctx.caller);
    let mut conn = ctx.pool().acquire().await?;
    repo::id_by_code(&mut conn, scope, code)
        .await?
        .map(Some)
        .ok_or_else(|| AppError::invalid(ctx.meta.lang, field, T::ParentUnknown))
}

/// The agent's own profile page.
pub async fn my_page(ctx: &Ctx) -> AppResult<MyAgentPage> {
    let id = own_agent(&ctx.caller)?;
    let mut conn = ctx.pool().acquire().await?;
    let profile = repo::profile(&mut conn, AgentScope::Own(id), id)
        .await?
        .ok_or_else(|| AppError::NotFound("Agent profile not found".into()))?;
    let documents = repo::documents::list(&mut conn, id).await?;
    Ok(MyAgentPage { profile, documents })
}

/// Maps unique constraints to the field they protect (never string matching).
pub(super) fn conflict(lang: crate::i18n::Lang) -> impl Fn(sqlx::Error) -> AppError {
    move |err| {
        if let sqlx::Error::Database(db) = &err {
            let field = match db.constraint() {
                Some("agents_agent_code_key") => Some(("agent_code", T::AgentCodeTaken)),
                Some("agents_license_number_key" | "agents_license_lower_key") => {
                    Some(("license_number", T::LicenceTaken))
                }
                Some("agents_user_id_key") => Some(("user_id", T::AlreadyAgent)),
                Some("users_phone_number_key") => Some(("phone_number", T::PhoneTaken)),
                Some("users_email_key" | "users_email_lower_key") => Some(("email", T::EmailTaken)),
                _ => None,
            };
            if let Some((field, msg)) = field {
                return AppError::taken(lang, field, msg);
            }
        }
        AppError::from(err)
    }
}
