//! Registering an agent (SPEC §4.6, §5.6): one transaction that creates or reuses
//! the user, gives them the agent role and creates the agent row, pending approval.

use super::{admin_scope, audit_agent, conflict, not_found, today};
use crate::access::{Permission, PermissionSet, Role};
use crate::agents::server::{repo, scope::AgentScope};
use crate::agents::text::T;
use crate::agents::types::*;
use crate::audit::Event;
use crate::auth::server::guard::Ctx;
use crate::credentials::argon2id;
use crate::error::{AppError, AppResult};
use crate::users::server::repo as users;
use sqlx::PgConnection;
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct Person {
    user_id: Uuid,
    tenant_id: Uuid,
}

/// The user the registration names, or finds by phone or email; `None`: create one.
async fn find_person(
    conn: &mut PgConnection,
    ctx: &Ctx,
    r: &Registration,
) -> AppResult<Option<Person>> {
    let lang = ctx.meta.lang;
    let everywhere = ctx.caller.roles.contains(&Role::SuperAdmin);
    if let Some(id) = r.user_id {
        let person: Option<Person> =
            sqlx::query_as("SELECT user_id, tenant_id FROM users WHERE user_id = $1")
                .bind(id)
                .fetch_optional(&mut *conn)
                .await?;
        return match person {
            Some(p) if everywhere || p.tenant_id == ctx.caller.tenant_id => Ok(Some(p)),
            _ => Err(AppError::not_found("User")),
        };
    }
    let by_phone = person_by(conn, "phone_number", r.phone_number.as_deref()).await?;
    let by_email = person_by(conn, "lower(email)", r.email.as_deref()).await?;
    let person = match (by_phone, by_email) {
        (Some(a), Some(b)) if a.user_id != b.user_id => {
            return Err(AppError::taken(lang, "email", T::EmailTaken))
        }
        (Some(a), _) => Some(a),
        (None, Some(b)) => Some(b),
        (None, None) => None,
    };
    match person {
        // Someone of another tenant is not ours to make an agent.
        Some(p) if !everywhere && p.tenant_id != ctx.caller.tenant_id => {
            Err(AppError::taken(lang, "phone_number", T::PhoneTaken))
        }
        other => Ok(other),
    }
}

async fn person_by(
    conn: &mut PgConnection,
    column: &'static str,
    value: Option<&str>,
) -> sqlx::Result<Option<Person>> {
    let Some(value) = value else {
        return Ok(None);
    };
    sqlx::query_as(&format!(
        "SELECT user_id, tenant_id FROM users WHERE {column} = $1"
    ))
    .bind(value)
    .fetch_optional(conn)
    .await
}

/// The tenant a new person joins as an agent: below super admin, the registering
/// admin's; a super admin's registration joins the tenant that administers the
/// provider (else the super admin's own).
async fn new_agent_tenant(conn: &mut PgConnection, ctx: &Ctx, provider: Uuid) -> AppResult<Uuid> {
    if !ctx.caller.roles.contains(&Role::SuperAdmin) {
        return Ok(ctx.caller.tenant_id);
    }
    let of_provider: Option<Uuid> = sqlx::query_scalar(
        "SELECT tenant_id FROM tenants WHERE provider_id = $1 ORDER BY created_at LIMIT 1",
    )
    .bind(provider)
    .fetch_optional(conn)
    .await?;
    Ok(of_provider.unwrap_or(ctx.caller.tenant_id))
}

/// Refuses a provider that does not exist or is not active.
pub(super) async fn check_provider(conn: &mut PgConnection, ctx: &Ctx, id: Uuid) -> AppResult<()> {
    let active: Option<bool> = sqlx::query_scalar(
        "SELECT status = 'active' FROM insurance_providers WHERE provider_id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    match active {
        Some(true) => Ok(()),
        _ => Err(AppError::invalid(
            ctx.meta.lang,
            "provider_id",
            T::ProviderUnknown,
        )),
    }
}

/// Refuses a parent outside the caller's scope or the agent's tenant: a network
/// never spans tenants.
pub(super) async fn check_parent(
    conn: &mut PgConnection,
    ctx: &Ctx,
    scope: AgentScope,
    id: Uuid,
    tenant: Uuid,
) -> AppResult<()> {
    match repo::profile(conn, scope, id).await? {
        Some(parent) if parent.tenant_id == tenant => Ok(()),
        _ => Err(AppError::invalid(
            ctx.meta.lang,
            "parent_agent_id",
            T::ParentUnknown,
        )),
    }
}

/// # Errors
/// 422 for bad input (field errors), 404 for an unknown `user_id`, 409 naming the
/// field for a taken agent code, licence, phone or email, or a person who is
/// already an agent.
pub async fn register(ctx: &Ctx, req: &RegisterRequest) -> AppResult<AgentProfile> {
    let caller = &ctx.caller;
    let lang = ctx.meta.lang;
    let scope = admin_scope(caller, Permission::AgentsCreate)?;
    let r = req.validate(lang, today())?;
    // Hashed before a connection is taken: argon2 is the slow part. Without a
    // password a new agent signs in with an SMS code (the hash is unguessable).
    let hash = match (&r.user_id, &r.password) {
        (Some(_), _) => None,
        (None, password) => Some(
            argon2id::hash(
                password
                    .clone()
                    .unwrap_or_else(|| Uuid::new_v4().to_string()),
            )
            .await?,
        ),
    };
    // A role with admin reach (regional manager) waits for approval: until then
    // the agent holds the junior role and acts on nothing but their own drafts.
    let (granted, requested) = if PermissionSet::of_admin_roles(&[r.role]).is_empty() {
        (r.role, None)
    } else {
        (Role::JuniorAgent, Some(r.role))
    };
    let mut tx = ctx.pool().begin().await?;
    check_provider(&mut tx, ctx, r.provider_id).await?;
    let home = new_agent_tenant(&mut tx, ctx, r.provider_id).await?;
    let (user_id, tenant, created) = match find_person(&mut tx, ctx, &r).await? {
        Some(p) => {
            let agent: bool =
                sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM agents WHERE user_id = $1)")
                    .bind(p.user_id)
                    .fetch_one(&mut *tx)
                    .await?;
            if agent {
                return Err(AppError::taken(lang, "phone_number", T::AlreadyAgent));
            }
            // An existing user keeps their primary role and gains the agent role; a
            // guest or customer becomes a junior agent on approval.
            users::assign_role(&mut tx, p.user_id, granted, caller.user_id).await?;
            (p.user_id, p.tenant_id, false)
        }
        None => {
            let new = crate::users::types::NewUser {
                phone_number: r.phone_number.clone(),
                email: r.email.clone(),
                first_name: r.first_name.clone(),
                last_name: r.last_name.clone(),
                role: granted,
                password: None,
            };
            let hash = hash.as_deref().unwrap_or_default();
            let id = users::insert(&mut tx, home, &new, hash, caller.user_id)
                .await
                .map_err(conflict(lang))?;
            (id, home, true)
        }
    };
    if let Some(parent) = r.parent_agent_id {
        check_parent(&mut tx, ctx, scope, parent, tenant).await?;
    }
    let agent_id = repo::insert(&mut tx, tenant, user_id, &r, requested, caller.user_id)
        .await
        .map_err(conflict(lang))?;
    audit_agent(
        &mut tx,
        ctx,
        Event::AgentRegistered,
        agent_id,
        serde_json::json!({
            "agent_code": r.agent_code,
            "role": r.role.as_str(),
            "provider_id": r.provider_id,
            "user_created": created,
        }),
    )
    .await?;
    let profile = repo::profile(&mut tx, AgentScope::All, agent_id)
        .await?
        .ok_or_else(not_found)?;
    tx.commit().await?;
    Ok(profile)
}
