//! Policy rules (SPEC §4.9). Whose record is this? An agent's own policies
//! through their own agent record; an admin's within their scope; a customer's
//! their own. Only `PolicyStatus::next` moves a policy between states, inside a
//! transaction that holds the policy row's lock and writes the audit row.
//!
//! This file holds the reads, writing and editing; `service/premiums.rs` records
//! premiums, `service/renewals.rs` keeps the renewal queue, its reminders and the
//! daily lapse job.

use super::repo;
use crate::access::Permission;
use crate::agents::server::scope::AgentScope;
use crate::audit::{self, Event};
use crate::auth::server::guard::Ctx;
use crate::customers::server::scope::Book;
use crate::error::{AppError, AppResult};
use crate::i18n::Text;
use crate::paging::{self, Cursor, Page};
use crate::policies::text::T;
use crate::policies::types::*;
use sqlx::PgConnection;
use uuid::Uuid;

mod edit;
mod premiums;
mod renewals;
mod runs;
mod views;

pub use edit::*;
pub use premiums::*;
pub use renewals::*;
pub use runs::*;
pub use views::*;

pub fn not_found() -> AppError {
    AppError::NotFound("Policy not found".into())
}

/// Today in India, where premiums fall due.
pub fn today() -> chrono::NaiveDate {
    crate::agents::server::service::today()
}

/// The policies a caller reaches with `permission`.
pub fn book(ctx: &Ctx, permission: Permission) -> Book {
    Book::of(&ctx.caller, permission)
}

pub(super) async fn audit_policy(
    conn: &mut PgConnection,
    ctx: &Ctx,
    event: Event,
    policy: Uuid,
    details: serde_json::Value,
) -> AppResult<()> {
    audit::record_change(conn, ctx, event, "policy", policy, details).await
}

/// One policy the caller may read.
pub async fn read(ctx: &Ctx, id: Uuid) -> AppResult<Policy> {
    let mut conn = ctx.pool().acquire().await?;
    repo::find(&mut conn, book(ctx, Permission::PoliciesRead), id)
        .await?
        .ok_or_else(not_found)
}

/// One policy by number the caller may read.
pub async fn read_by_number(ctx: &Ctx, number: &str) -> AppResult<Policy> {
    let mut conn = ctx.pool().acquire().await?;
    repo::find_by_number(&mut conn, book(ctx, Permission::PoliciesRead), number)
        .await?
        .ok_or_else(not_found)
}

/// The policies the caller may read, newest first: a page and its capped total.
pub async fn list(ctx: &Ctx, q: &PolicyQuery) -> AppResult<Page<Policy>> {
    let after = Cursor::after_created(q.cursor.as_deref(), ctx.meta.lang)?;
    let limit = paging::limit(q.limit);
    let mut conn = ctx.pool().acquire().await?;
    let rows = page_rows(&mut conn, ctx, q, after.as_ref(), limit + 1).await?;
    let total = repo::count(&mut conn, book(ctx, Permission::PoliciesRead), q, today()).await?;
    Ok(Page::from_rows(rows, limit, total, repo::cursor))
}

/// One page's rows alone. The JSON API's list is a bare array (the seed's shape),
/// so it does not pay for a count it would throw away: on a tenant of a million
/// policies, counting to the cap costs more than the page.
pub async fn list_rows(ctx: &Ctx, q: &PolicyQuery) -> AppResult<Vec<Policy>> {
    let after = Cursor::after_created(q.cursor.as_deref(), ctx.meta.lang)?;
    let mut conn = ctx.pool().acquire().await?;
    page_rows(&mut conn, ctx, q, after.as_ref(), paging::limit(q.limit)).await
}

async fn page_rows(
    conn: &mut PgConnection,
    ctx: &Ctx,
    q: &PolicyQuery,
    after: Option<&Cursor>,
    limit: i64,
) -> AppResult<Vec<Policy>> {
    let book = book(ctx, Permission::PoliciesRead);
    Ok(repo::page(conn, book, q, today(), after, limit).await?)
}

pub(super) fn forbidden(lang: crate::i18n::Lang, msg: T) -> AppError {
    AppError::Forbidden(msg.text(lang).into())
}

/// The agent scope through which the caller writes policies: `policies.create`,
/// else `policies.update` (SPEC §4.9: either may create).
fn writing_scope(ctx: &Ctx) -> AppResult<AgentScope> {
    for p in [Permission::PoliciesCreate, Permission::PoliciesUpdate] {
        match AgentScope::reaching(&ctx.caller, p) {
            AgentScope::Nobody => continue,
            scope => return Ok(scope),
        }
    }
    Err(AppError::Forbidden(
        "Insufficient permissions: policies.create required".into(),
    ))
}

/// `POST /policies`: a draft for a customer of the writing agent.
///
/// # Errors
/// 422 with field errors; 404 for an unknown customer; 403 for an agent writing
/// for someone else's customer; 409 for a policy number in use.
pub async fn create(ctx: &Ctx, req: &PolicyRequest) -> AppResult<Policy> {
    let lang = ctx.meta.lang;
    let scope = writing_scope(ctx)?;
    let new = req.validate(lang, today())?;
    let mut tx = ctx.pool().begin().await?;
    let holder = repo::holder(&mut tx, new.policyholder_id)
        .await?
        .filter(|h| match scope {
            AgentScope::All => true,
            AgentScope::Tenant(t) | AgentScope::Subtree { tenant: t, .. } => h.holder_tenant == t,
            AgentScope::Own(_) | AgentScope::Nobody => true,
        })
        .ok_or_else(|| AppError::NotFound("Policyholder not found".into()))?;
    // Whose customer is this? An agent writes only for their own.
    let agent = match scope {
        AgentScope::Own(own) => {
            if holder.holder_agent != Some(own) || new.agent_id.is_some_and(|a| a != own) {
                return Err(forbidden(lang, T::OnlyOwnCustomers));
            }
            own
        }
        _ => new
            .agent_id
            .or(holder.holder_agent)
            .ok_or_else(|| AppError::invalid(lang, "agent_id", T::ChooseAgent))?,
    };
    if scope.is_admin()
        && crate::agents::server::repo::profile(&mut tx, scope, agent)
            .await?
            .is_none()
    {
        return Err(AppError::invalid(lang, "agent_id", T::ChooseAgent));
    }
    let (agent_tenant, agent_provider, working) = repo::writer(&mut tx, agent)
        .await?
        .ok_or_else(|| AppError::invalid(lang, "agent_id", T::ChooseAgent))?;
    if !working {
        return Err(AppError::invalid(lang, "agent_id", T::AgentNotWorking));
    }
    if agent_tenant != holder.holder_tenant {
        return Err(AppError::invalid(lang, "agent_id", T::ChooseAgent));
    }
    // The provider is the agent's; naming another is a mistake, not a choice.
    let provider = match (new.provider_id, agent_provider) {
        (Some(asked), Some(theirs)) if asked != theirs => {
            return Err(AppError::invalid(lang, "provider_id", T::NotAgentsProvider))
        }
        (Some(p), _) | (None, Some(p)) => p,
        (None, None) => return Err(AppError::invalid(lang, "provider_id", T::NotAgentsProvider)),
    };
    let code = repo::provider_code(&mut tx, provider)
        .await?
        .ok_or_else(|| AppError::invalid(lang, "provider_id", T::NotAgentsProvider))?;
    let number = match &new.policy_number {
        Some(raw) => Some(
            policy_number(raw, &code).map_err(|m| AppError::invalid(lang, "policy_number", m))?,
        ),
        None => None,
    };
    let id = repo::insert(
        &mut tx,
        holder.holder_tenant,
        agent,
        provider,
        number.as_deref(),
        &new,
        ctx.caller.user_id,
    )
    .await
    .map_err(|e| taken(lang, e))?;
    let policy = repo::find(&mut tx, Book::Agents(AgentScope::All), id)
        .await?
        .ok_or_else(not_found)?;
    audit_policy(
        &mut tx,
        ctx,
        Event::PolicyCreated,
        id,
        serde_json::json!({"policy_number": policy.policy_number, "agent_id": agent,
                           "policyholder_id": new.policyholder_id}),
    )
    .await?;
    tx.commit().await?;
    Ok(policy)
}

fn taken(lang: crate::i18n::Lang, err: sqlx::Error) -> AppError {
    if let sqlx::Error::Database(db) = &err {
        if db.constraint() == Some("insurance_policies_policy_number_key") {
            return AppError::taken(lang, "policy_number", T::NumberTaken);
        }
        if db.constraint() == Some("premium_payments_policy_id_reference_key") {
            return AppError::taken(lang, "reference", T::ReceiptRecorded);
        }
    }
    AppError::from(err)
}

/// Who may take a step, and through which permission (SPEC §4.9).
fn step_permission(step: PolicyStep) -> Permission {
    match step {
        PolicyStep::Submit => Permission::PoliciesCreate,
        PolicyStep::Approve | PolicyStep::Activate => Permission::PoliciesApprove,
        PolicyStep::Cancel => Permission::PoliciesDelete,
        _ => Permission::PoliciesUpdate,
    }
}

fn step_event(step: PolicyStep) -> Event {
    match step {
        PolicyStep::Submit => Event::PolicySubmitted,
        PolicyStep::Approve => Event::PolicyApproved,
        PolicyStep::Activate => Event::PolicyActivated,
        PolicyStep::Cancel => Event::PolicyCancelled,
        PolicyStep::Lapse => Event::PolicyLapsed,
        _ => Event::PolicyStatusChanged,
    }
}

/// The book through which the caller may take `step`: submitting is the owner
/// agent's (or an admin's who may edit policies); every other step needs its
/// permission through an admin role.
pub(super) fn step_book(ctx: &Ctx, step: PolicyStep) -> AppResult<Book> {
    let permission = step_permission(step);
    if step == PolicyStep::Submit {
        if let Some(own) = ctx.caller.agent_id {
            return Ok(Book::Agents(AgentScope::Own(own)).widest(ctx, Permission::PoliciesUpdate));
        }
        // Anyone else submits through an admin book, or reaches nothing (404).
        return Ok(if ctx.caller.reach.contains(Permission::PoliciesUpdate) {
            book(ctx, Permission::PoliciesUpdate)
        } else {
            Book::Agents(AgentScope::Nobody)
        });
    }
    if !ctx.caller.reach.contains(permission) {
        let what = match step {
            PolicyStep::Approve | PolicyStep::Activate => "approve policies",
            PolicyStep::Cancel => "delete policies",
            _ => "update this policy",
        };
        return Err(AppError::Forbidden(format!(
            "Insufficient permissions to {what}"
        )));
    }
    Ok(book(ctx, permission))
}

impl Book {
    /// The caller's admin book for `permission` when they have one, else this.
    fn widest(self, ctx: &Ctx, permission: Permission) -> Book {
        let admin = book(ctx, permission);
        if admin.is_admin() {
            admin
        } else {
            self
        }
    }
}

/// Takes one lifecycle step in one transaction: lock, check, move, audit.
///
/// # Errors
/// 403 without the step's permission; 404 outside the caller's book; 409 naming
/// the current status when the step is not allowed from it.
pub async fn step(ctx: &Ctx, id: Uuid, step: PolicyStep) -> AppResult<Policy> {
    let book = step_book(ctx, step)?;
    let mut tx = ctx.pool().begin().await?;
    let locked = repo::lock(&mut tx, book, id).await?.ok_or_else(not_found)?;
    take_step(&mut tx, ctx, &locked, step).await?;
    let policy = repo::find(&mut tx, Book::Agents(AgentScope::All), id)
        .await?
        .ok_or_else(not_found)?;
    tx.commit().await?;
    Ok(policy)
}

/// The step on a locked policy, with its audit row, inside the caller's
/// transaction.
pub(super) async fn take_step(
    conn: &mut PgConnection,
    ctx: &Ctx,
    locked: &repo::Locked,
    step: PolicyStep,
) -> AppResult<PolicyStatus> {
    let to = locked
        .status
        .next(step)
        .map_err(|e| AppError::Conflict(e.to_string()))?;
    repo::set_status(conn, locked.policy_id, to, ctx.caller.user_id, today()).await?;
    audit_policy(
        conn,
        ctx,
        step_event(step),
        locked.policy_id,
        serde_json::json!({"from": locked.status, "to": to}),
    )
    .await?;
    Ok(to)
}
