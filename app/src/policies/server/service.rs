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

mod premiums;
mod renewals;
mod views;

pub use premiums::*;
pub use renewals::*;
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

/// The policies the caller may read, newest first.
pub async fn list(ctx: &Ctx, q: &PolicyQuery) -> AppResult<Page<Policy>> {
    let after = Cursor::after_created(q.cursor.as_deref(), ctx.meta.lang)?;
    let book = book(ctx, Permission::PoliciesRead);
    let limit = paging::limit(q.limit);
    let today = today();
    let mut conn = ctx.pool().acquire().await?;
    let rows = repo::page(&mut conn, book, q, today, after.as_ref(), limit + 1).await?;
    let total = repo::count(&mut conn, book, q, today).await?;
    Ok(Page::from_rows(rows, limit, total, repo::cursor))
}

fn forbidden(lang: crate::i18n::Lang, msg: T) -> AppError {
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
fn step_book(ctx: &Ctx, step: PolicyStep) -> AppResult<Book> {
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

/// `PUT /policies/{id}`. An owner agent edits coverage and nominee before
/// activation; an admin with `policies.update` edits any field and may move the
/// status (each move needs its own step's permission).
pub async fn update(ctx: &Ctx, id: Uuid, patch: &PolicyPatch) -> AppResult<Policy> {
    let lang = ctx.meta.lang;
    // An admin edits through their admin scope (which may reach no one); an
    // owner agent through their own record, within the owner's limits.
    let reach = &ctx.caller.reach;
    let (book, admin) = if reach.contains(Permission::PoliciesUpdate) {
        (book(ctx, Permission::PoliciesUpdate), true)
    } else if reach.contains(Permission::PoliciesApprove) {
        (book(ctx, Permission::PoliciesApprove), true)
    } else {
        match book(ctx, Permission::PoliciesUpdate) {
            own @ Book::Agents(AgentScope::Own(_)) => (own, false),
            _ => {
                return Err(AppError::Forbidden(
                    "Insufficient permissions to update this policy".into(),
                ))
            }
        }
    };
    let edit = check_patch(lang, patch)?;
    let target = match crate::input::given_str(&patch.status) {
        None => None,
        Some(s) => Some(
            PolicyStatus::parse(s)
                .ok_or_else(|| AppError::invalid(lang, "status", T::StatusRule))?,
        ),
    };
    let mut tx = ctx.pool().begin().await?;
    let locked = repo::lock(&mut tx, book, id).await?.ok_or_else(not_found)?;
    if !admin {
        if patch.beyond_owner_fields() {
            return Err(forbidden(lang, T::OwnerEditsLimited));
        }
        if !locked.status.editable_by_owner() {
            return Err(AppError::Conflict(format!(
                "This policy can no longer be edited: its status is {}",
                locked.status
            )));
        }
    }
    repo::update(&mut tx, id, &edit).await?;
    audit_policy(
        &mut tx,
        ctx,
        Event::PolicyUpdated,
        id,
        serde_json::json!({"fields": edit.names()}),
    )
    .await?;
    if let Some(target) = target.filter(|t| *t != locked.status) {
        let step = PolicyStep::towards(target).ok_or_else(|| {
            AppError::Conflict(format!(
                "Cannot move this policy to {target}: its status is {}",
                locked.status
            ))
        })?;
        step_book(ctx, step)?;
        take_step(&mut tx, ctx, &locked, step).await?;
    }
    let policy = repo::find(&mut tx, Book::Agents(AgentScope::All), id)
        .await?
        .ok_or_else(not_found)?;
    tx.commit().await?;
    Ok(policy)
}

fn check_patch(lang: crate::i18n::Lang, p: &PolicyPatch) -> AppResult<repo::Edit> {
    let mut problems = crate::error::Problems::new(lang);
    let category = crate::input::given(&p.category).and_then(|c| {
        let parsed = Category::parse(&c);
        if parsed.is_none() {
            problems.add("category", T::CategoryRule);
        }
        parsed
    });
    let frequency = crate::input::given(&p.premium_frequency).and_then(|f| {
        let parsed = Frequency::parse(&f);
        if parsed.is_none() {
            problems.add("premium_frequency", T::FrequencyRule);
        }
        parsed
    });
    let mode = crate::input::given(&p.premium_mode).and_then(|m| {
        let parsed = PremiumMode::parse(&m);
        if parsed.is_none() {
            problems.add("premium_mode", T::ModeRule);
        }
        parsed
    });
    let maturity = crate::input::given(&p.maturity_date).and_then(|d| {
        let parsed = chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok();
        if parsed.is_none() {
            problems.add("maturity_date", crate::i18n::Msg::DateFormat);
        }
        parsed
    });
    for (field, amount, cap) in [
        ("sum_assured", p.sum_assured, SUM_ASSURED_CAP),
        ("premium_amount", p.premium_amount, PREMIUM_CAP),
    ] {
        match amount {
            Some(a) if a <= crate::money::Money::ZERO => problems.add(field, T::AmountPositive),
            Some(a) if a > cap => {
                problems.add_filled(field, T::AmountCap, &[("cap", &cap.label())])
            }
            _ => {}
        }
    }
    let plan_name = crate::input::given(&p.plan_name);
    if plan_name
        .as_deref()
        .is_some_and(|n| n.chars().count() > 255)
    {
        problems.add("plan_name", T::PlanNameNeeded);
    }
    if p.coverage_details
        .as_ref()
        .is_some_and(|c| !c.is_object() && !c.is_array())
    {
        problems.add("coverage_details", T::CoverageRule);
    }
    problems.into_result()?;
    Ok(repo::Edit {
        policy_type: crate::input::given(&p.policy_type).map(|t| t.to_ascii_lowercase()),
        plan_name,
        plan_code: crate::input::given(&p.plan_code).map(|c| c.to_ascii_uppercase()),
        category,
        sum_assured: p.sum_assured,
        premium_amount: p.premium_amount,
        premium_frequency: frequency,
        premium_mode: mode,
        maturity_date: maturity,
        coverage_details: p.coverage_details.clone(),
        nominee_details: p.nominee_details.clone().filter(|n| !n.is_null()),
        sub_status: crate::input::given(&p.sub_status),
        payment_status: crate::input::given(&p.payment_status),
    })
}

impl repo::Edit {
    /// The names of the fields the edit sets (the audit row's: no values).
    pub fn names(&self) -> Vec<&'static str> {
        [
            ("policy_type", self.policy_type.is_some()),
            ("plan_name", self.plan_name.is_some()),
            ("plan_code", self.plan_code.is_some()),
            ("category", self.category.is_some()),
            ("sum_assured", self.sum_assured.is_some()),
            ("premium_amount", self.premium_amount.is_some()),
            ("premium_frequency", self.premium_frequency.is_some()),
            ("premium_mode", self.premium_mode.is_some()),
            ("maturity_date", self.maturity_date.is_some()),
            ("coverage_details", self.coverage_details.is_some()),
            ("nominee_details", self.nominee_details.is_some()),
            ("sub_status", self.sub_status.is_some()),
            ("payment_status", self.payment_status.is_some()),
        ]
        .into_iter()
        .filter_map(|(n, set)| set.then_some(n))
        .collect()
    }
}
