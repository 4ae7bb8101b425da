//! Customer rules (SPEC §2.4, §5.7). Whose record is this? An agent's own
//! customers, through their own agent record; an admin's within their scope; a
//! customer's their own. Every change is one transaction with its audit row.

use super::repo;
use super::scope::Book;
use crate::access::Permission;
use crate::agents::server::scope::AgentScope;
use crate::audit::{self, Event};
use crate::auth::server::guard::Ctx;
use crate::credentials::argon2id;
use crate::customers::text::T;
use crate::customers::types::*;
use crate::error::{AppError, AppResult};
use crate::i18n::Text;
use crate::paging::{self, Cursor, Page};
use crate::presentations::server::service as presentations;
use sqlx::PgConnection;
use uuid::Uuid;

pub fn not_found() -> AppError {
    AppError::NotFound("Policyholder not found".into())
}

/// The book a caller reaches with `permission`. It may be empty (a guest, an
/// admin without an agent record under a subtree rule): lists are then empty and
/// lookups not found, as for any record outside the book.
pub fn book(ctx: &Ctx, permission: Permission) -> Book {
    Book::of(&ctx.caller, permission)
}

/// The caller's agent, their contact and live carousel; `None` for anyone who is
/// nobody's customer (a new SMS sign-up, staff).
pub async fn my_agent(ctx: &Ctx) -> AppResult<Option<MyAgent>> {
    let mut conn = ctx.state.pool.acquire().await?;
    let Some((agent_id, email)) = repo::agent_of(&mut conn, ctx.caller.user_id).await? else {
        return Ok(None);
    };
    let (agent, deck) = presentations::shop_window(&mut conn, agent_id).await?;
    Ok(Some(MyAgent { agent, email, deck }))
}

fn conflict(lang: crate::i18n::Lang) -> impl Fn(sqlx::Error) -> AppError {
    move |err| {
        if let sqlx::Error::Database(db) = &err {
            let field = match db.constraint() {
                Some("policyholders_user_id_key" | "users_phone_number_key") => {
                    Some(("phone_number", T::PhoneIsCustomer))
                }
                Some("policyholders_customer_id_key") => Some(("customer_id", T::CustomerIdTaken)),
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

/// The agent a new customer (or a moved one) belongs to: the caller's own record,
/// or for an admin an active agent in their scope.
async fn owning_agent(
    conn: &mut PgConnection,
    ctx: &Ctx,
    scope: AgentScope,
    asked: Option<Uuid>,
) -> AppResult<(Uuid, Uuid)> {
    let lang = ctx.meta.lang;
    let id = match (asked, ctx.caller.agent_id) {
        (Some(id), own) if Some(id) != own && !scope.is_admin() => {
            return Err(AppError::Forbidden(T::NotYourCustomer.text(lang).into()));
        }
        (Some(id), _) => id,
        (None, Some(own)) => own,
        (None, None) => return Err(AppError::invalid(lang, "agent_id", T::AgentUnknown)),
    };
    let in_scope = id == ctx.caller.agent_id.unwrap_or_default()
        || crate::agents::server::repo::profile(conn, scope, id)
            .await?
            .is_some();
    match repo::working_agent(conn, id).await? {
        Some((tenant, true)) if in_scope => Ok((id, tenant)),
        Some((_, false)) if in_scope => {
            Err(AppError::invalid(lang, "agent_id", T::NotAnActiveAgent))
        }
        _ => Err(AppError::invalid(lang, "agent_id", T::AgentUnknown)),
    }
}

/// `POST /policyholders`: creates or reuses the user by phone, then the customer
/// row, in one transaction.
///
/// # Errors
/// 422 with field errors; 409 when the phone is already a customer's (or the
/// customer id or email is taken); 403 for an agent naming another agent.
pub async fn create(ctx: &Ctx, req: &CustomerRequest) -> AppResult<Customer> {
    let lang = ctx.meta.lang;
    ctx.caller.require(Permission::CustomersCreate)?;
    let scope = AgentScope::reaching(&ctx.caller, Permission::CustomersCreate);
    let new = req.validate(lang)?;
    // Before any connection is taken: the first call per process hashes.
    let hash = argon2id::unusable().await?;
    let phone = new.user.phone_number.clone().unwrap_or_default();
    let mut tx = ctx.pool().begin().await?;
    let (agent_id, tenant) = owning_agent(&mut tx, ctx, scope, new.agent_id).await?;
    let (user_id, created) = match repo::person_by_phone(&mut tx, &phone).await? {
        Some((_, _, true)) => {
            return Err(AppError::taken(lang, "phone_number", T::PhoneIsCustomer))
        }
        Some((_, other, _)) if other != tenant => {
            return Err(AppError::taken(lang, "phone_number", T::PhoneIsCustomer))
        }
        Some((user_id, _, false)) => {
            crate::users::server::repo::assign_role(
                &mut tx,
                user_id,
                crate::access::Role::Policyholder,
                ctx.caller.user_id,
            )
            .await?;
            (user_id, false)
        }
        None => {
            let id = crate::users::server::repo::insert(
                &mut tx,
                tenant,
                &new.user,
                hash,
                ctx.caller.user_id,
            )
            .await
            .map_err(conflict(lang))?;
            (id, true)
        }
    };
    let id = repo::insert(&mut tx, tenant, user_id, Some(agent_id), &new.profile)
        .await
        .map_err(conflict(lang))?;
    let details = serde_json::json!({"agent_id": agent_id, "user_created": created});
    audit::record_change(
        &mut tx,
        ctx,
        Event::CustomerCreated,
        "policyholder",
        id,
        details,
    )
    .await?;
    let customer = repo::find(&mut tx, Book::Agents(AgentScope::All), id)
        .await?
        .ok_or_else(not_found)?;
    tx.commit().await?;
    Ok(customer)
}

/// One customer in the caller's book; a customer reads their own.
pub async fn read(ctx: &Ctx, id: Uuid) -> AppResult<Customer> {
    let book = book(ctx, Permission::CustomersRead);
    let mut conn = ctx.pool().acquire().await?;
    repo::find(&mut conn, book, id).await?.ok_or_else(not_found)
}

/// The customers in the caller's book, newest first.
pub async fn list(ctx: &Ctx, q: &CustomerQuery) -> AppResult<Page<Customer>> {
    let book = book(ctx, Permission::CustomersRead);
    let after = Cursor::after_created(q.cursor.as_deref(), ctx.meta.lang)?;
    let limit = paging::limit(q.limit);
    let mut conn = ctx.pool().acquire().await?;
    let rows = repo::page(&mut conn, book, q, after.as_ref(), limit + 1).await?;
    let total = repo::count(&mut conn, book, q).await?;
    Ok(Page::from_rows(rows, limit, total, repo::cursor))
}

/// `PUT /policyholders/{id}`: the profile fields sent; `agent_id` moves the
/// customer and their policies (admins in scope only), in one transaction.
pub async fn update(ctx: &Ctx, id: Uuid, patch: &CustomerPatch) -> AppResult<Customer> {
    let lang = ctx.meta.lang;
    let book = book(ctx, Permission::CustomersUpdate);
    let profile = patch.validate(lang)?;
    let mut tx = ctx.pool().begin().await?;
    // Found in the caller's book first: someone else's customer is a 404.
    let before = repo::find(&mut tx, book, id).await?.ok_or_else(not_found)?;
    let (current_agent, tenant) = repo::lock(&mut tx, id).await?.ok_or_else(not_found)?;
    let mut details = serde_json::json!({"fields": changed_fields(&patch.profile)});
    if let Some(to) = patch.agent_id.filter(|to| Some(*to) != current_agent) {
        let Book::Agents(scope) = book else {
            return Err(AppError::Forbidden(T::OnlyAdminsMove.text(lang).into()));
        };
        if !scope.is_admin() {
            return Err(AppError::Forbidden(T::OnlyAdminsMove.text(lang).into()));
        }
        let (to, to_tenant) = owning_agent(&mut tx, ctx, scope, Some(to)).await?;
        if to_tenant != tenant {
            return Err(AppError::invalid(lang, "agent_id", T::AgentUnknown));
        }
        let moved = repo::reassign(&mut tx, id, to).await?;
        let moved = serde_json::json!({"from": current_agent, "to": to, "policies_moved": moved});
        audit::record_change(
            &mut tx,
            ctx,
            Event::CustomerReassigned,
            "policyholder",
            id,
            moved,
        )
        .await?;
        details["moved_to"] = serde_json::json!(to);
    }
    repo::update(&mut tx, id, &profile)
        .await
        .map_err(conflict(lang))?;
    if !changed_fields(&patch.profile).is_empty() {
        audit::record_change(
            &mut tx,
            ctx,
            Event::CustomerUpdated,
            "policyholder",
            id,
            details,
        )
        .await?;
    }
    let after = repo::find(
        &mut tx,
        Book::Agents(AgentScope::All),
        before.policyholder_id,
    )
    .await?
    .ok_or_else(not_found)?;
    tx.commit().await?;
    Ok(after)
}

/// The names of the profile fields a patch sends (for the audit row: names, not
/// values, so no personal data is copied into the trail).
fn changed_fields(p: &ProfileFields) -> Vec<&'static str> {
    [
        ("customer_id", p.customer_id.is_some()),
        ("salutation", p.salutation.is_some()),
        ("marital_status", p.marital_status.is_some()),
        ("occupation", p.occupation.is_some()),
        ("annual_income", p.annual_income.is_some()),
        ("income_band", p.income_band.is_some()),
        ("preferred_language", p.preferred_language.is_some()),
        ("nominee_details", p.nominee_details.is_some()),
        ("marketing_consent", p.marketing_consent.is_some()),
    ]
    .into_iter()
    .filter_map(|(name, sent)| sent.then_some(name))
    .collect()
}

/// A customer, their policies in plain words, premiums, reminders, and the agents
/// an admin may move them to.
pub type CustomerBook = (
    Customer,
    Vec<crate::policies::types::PolicyLine>,
    Vec<crate::policies::types::Premium>,
    Vec<crate::policies::types::Reminder>,
    Vec<(Uuid, String)>,
);

/// A customer's page: their profile, their policies in plain words, their
/// premiums and the reminders sent to them; for an admin, the agents in scope to
/// move them to.
pub async fn detail(ctx: &Ctx, id: Uuid) -> AppResult<CustomerBook> {
    use crate::policies::server::{repo as policies, service as policy};
    let customer = read(ctx, id).await?;
    let q = crate::policies::types::PolicyQuery {
        policyholder_id: Some(id),
        limit: Some(paging::MAX_LIMIT),
        ..Default::default()
    };
    let today = policy::today();
    let lang = ctx.meta.lang;
    let lines = policy::list(ctx, &q)
        .await?
        .items
        .into_iter()
        .map(|p| crate::policies::text::line(p, today, lang))
        .collect();
    let mut conn = ctx.pool().acquire().await?;
    let premiums = if ctx.caller.can(Permission::PaymentsRead) {
        policies::premiums_of_holder(&mut conn, id, 50).await?
    } else {
        Vec::new()
    };
    let reminders = policies::reminders(&mut conn, None, Some(id), 20).await?;
    let scope = AgentScope::reaching(&ctx.caller, Permission::CustomersUpdate);
    let agents = if scope.is_admin() {
        crate::agents::server::repo::choices(&mut conn, scope).await?
    } else {
        Vec::new()
    };
    Ok((customer, lines, premiums, reminders, agents))
}
