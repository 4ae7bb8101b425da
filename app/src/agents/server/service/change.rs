//! Moving an agent through the state machine (submit, approve, reject, suspend,
//! deactivate, reactivate) and editing them (the agent's profile, an admin's
//! commercial fields and network place). Each is one transaction: lock the agent
//! row, ask the state machine, write, audit, and tell the agent.

use super::register::{check_parent, check_provider};
use super::{admin_scope, audit_agent, conflict, not_found, own_agent, today};
use crate::access::{Permission, Role, RoleKind};
use crate::agents::server::{repo, scope::AgentScope};
use crate::agents::text::T;
use crate::agents::types::*;
use crate::audit::Event;
use crate::auth::server::guard::Ctx;
use crate::auth::server::sms::{self, SmsMessage};
use crate::error::{AppError, AppResult};
use crate::users::server::repo as users;
use uuid::Uuid;

/// The template of verification outcome messages (DLT-registered in production).
pub const OUTCOME_TEMPLATE: &str = "agent_verification";

/// Locks agent `id` within `scope` for an admin's change. Nobody changes their own
/// record this way: `what` says what they tried ("decides their own verification").
async fn lock_someone_else(
    tx: &mut sqlx::PgConnection,
    caller: &crate::auth::server::guard::CurrentUser,
    scope: AgentScope,
    id: Uuid,
    what: &str,
) -> AppResult<repo::Locked> {
    let locked = repo::lock(tx, scope, id).await?.ok_or_else(not_found)?;
    if locked.user_id == caller.user_id {
        return Err(AppError::Forbidden(format!(
            "Insufficient permissions: nobody {what}"
        )));
    }
    Ok(locked)
}

fn illegal(e: Illegal) -> AppError {
    AppError::Conflict(e.to_string())
}

/// What `POST /agents/verification/request` answers (`data`).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Submitted {
    pub verification_status: Verification,
    pub submitted_at: chrono::DateTime<chrono::Utc>,
}

/// The agent sends their licence and documents. `all_documents`: attach every
/// document they have uploaded (the web form), instead of the ids in the request.
pub async fn submit(
    ctx: &Ctx,
    req: &VerificationRequest,
    all_documents: bool,
) -> AppResult<Submitted> {
    let id = own_agent(&ctx.caller)?;
    let lang = ctx.meta.lang;
    let mut tx = ctx.pool().begin().await?;
    let mut req = req.clone();
    if all_documents {
        req.documents = repo::documents::all_ids(&mut tx, id).await?;
    }
    req.documents.sort();
    req.documents.dedup();
    let s = req.validate(lang, today())?;
    let owned = repo::documents::count_owned(&mut tx, id, &s.documents).await?;
    if owned != s.documents.len() as i64 {
        return Err(AppError::invalid(lang, "documents", T::UnknownDocument));
    }
    let locked = repo::lock(&mut tx, AgentScope::Own(id), id)
        .await?
        .ok_or_else(not_found)?;
    let to = locked.state().next(Step::Submit).map_err(illegal)?;
    repo::submit(&mut tx, id, &s)
        .await
        .map_err(conflict(lang))?;
    repo::set_state(&mut tx, id, to, Step::Submit, ctx.caller.user_id, None).await?;
    audit_agent(
        &mut tx,
        ctx,
        Event::AgentVerificationSubmitted,
        id,
        serde_json::json!({"documents": s.documents, "license_number": s.license_number}),
    )
    .await?;
    tx.commit().await?;
    Ok(Submitted {
        verification_status: to.verification,
        submitted_at: chrono::Utc::now(),
    })
}

/// An approver approves a submission; a guest or customer becomes a junior agent.
pub async fn approve(ctx: &Ctx, id: Uuid, notes: Option<&str>) -> AppResult<()> {
    decide(ctx, id, Step::Approve, notes).await
}

/// An approver rejects a submission, saying why; the agent may resubmit.
pub async fn reject(ctx: &Ctx, id: Uuid, rejection: &Rejection) -> AppResult<()> {
    let reason = rejection.validate(ctx.meta.lang)?;
    decide(ctx, id, Step::Reject, Some(&reason)).await
}

async fn decide(ctx: &Ctx, id: Uuid, step: Step, reason: Option<&str>) -> AppResult<()> {
    let caller = &ctx.caller;
    let scope = admin_scope(caller, Permission::AgentsApprove)?;
    let mut tx = ctx.pool().begin().await?;
    let locked =
        lock_someone_else(&mut tx, caller, scope, id, "decides their own verification").await?;
    let to = locked.state().next(step).map_err(illegal)?;
    repo::set_state(&mut tx, locked.agent_id, to, step, caller.user_id, reason).await?;
    let promoted = step == Step::Approve
        && Role::parse(&locked.user_role).is_some_and(|r| r.kind() == RoleKind::Customer);
    if promoted {
        sqlx::query(
            "UPDATE users SET role = 'junior_agent', updated_at = now() WHERE user_id = $1",
        )
        .bind(locked.user_id)
        .execute(&mut *tx)
        .await?;
    }
    // A role with admin reach asked for at registration is granted now.
    let requested = locked.requested_role.as_deref().and_then(Role::parse);
    if let Some(role) = requested.filter(|_| step == Step::Approve) {
        users::assign_role(&mut tx, locked.user_id, role, caller.user_id).await?;
        sqlx::query("UPDATE agents SET requested_role = NULL WHERE agent_id = $1")
            .bind(locked.agent_id)
            .execute(&mut *tx)
            .await?;
    }
    if let Some(phone) = &locked.phone_number {
        let body = match step {
            Step::Approve => "Your Agent Mitra agent profile is approved. You can now publish your page. -AGMITR".to_owned(),
            _ => format!(
                "Your Agent Mitra verification needs changes: {}. Open your profile to resubmit. -AGMITR",
                reason.unwrap_or_default().chars().take(100).collect::<String>()
            ),
        };
        let message = SmsMessage {
            phone_number: phone.clone(),
            template_id: OUTCOME_TEMPLATE.into(),
            body,
        };
        sms::enqueue(&mut tx, &message).await?;
    }
    let event = match step {
        Step::Approve => Event::AgentApproved,
        _ => Event::AgentRejected,
    };
    audit_agent(
        &mut tx,
        ctx,
        event,
        locked.agent_id,
        serde_json::json!({"reason": reason, "promoted_to_junior_agent": promoted}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An admin suspends, deactivates or reactivates a verified agent in their scope.
pub async fn set_status(ctx: &Ctx, id: Uuid, change: &StatusChange) -> AppResult<AgentProfile> {
    let caller = &ctx.caller;
    let scope = admin_scope(caller, Permission::AgentsUpdate)?;
    let step = match change.status.trim() {
        "active" => Step::Reactivate,
        "suspended" => Step::Suspend,
        "inactive" => Step::Deactivate,
        _ => return Err(AppError::invalid(ctx.meta.lang, "status", T::UnknownStatus)),
    };
    let reason = change
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    let mut tx = ctx.pool().begin().await?;
    let locked =
        lock_someone_else(&mut tx, caller, scope, id, "changes their own agent status").await?;
    let from = locked.state();
    let to = from.next(step).map_err(illegal)?;
    repo::set_state(&mut tx, locked.agent_id, to, step, caller.user_id, reason).await?;
    audit_agent(
        &mut tx,
        ctx,
        Event::AgentStatusChanged,
        locked.agent_id,
        serde_json::json!({"from": from.status, "to": to.status, "reason": reason}),
    )
    .await?;
    let profile = repo::profile(&mut tx, AgentScope::All, locked.agent_id)
        .await?
        .ok_or_else(not_found)?;
    tx.commit().await?;
    Ok(profile)
}

/// The agent edits their own business details.
pub async fn update_profile(ctx: &Ctx, patch: &ProfilePatch) -> AppResult<AgentProfile> {
    let id = own_agent(&ctx.caller)?;
    let patch = patch.validate(ctx.meta.lang)?;
    let mut tx = ctx.pool().begin().await?;
    repo::update_profile(&mut tx, id, &patch).await?;
    let fields = serde_json::to_value(&patch)
        .ok()
        .and_then(|v| v.as_object().cloned())
        .map(|o| {
            o.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, _)| k)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    audit_agent(
        &mut tx,
        ctx,
        Event::AgentProfileUpdated,
        id,
        serde_json::json!({"fields": fields}),
    )
    .await?;
    let profile = repo::profile(&mut tx, AgentScope::Own(id), id)
        .await?
        .ok_or_else(not_found)?;
    tx.commit().await?;
    Ok(profile)
}

/// An admin sets the provider, commission, territory and parent. The network stays
/// a tree: a parent inside the agent's own subtree is refused, and parent changes
/// are serialised so two of them cannot close a loop between them.
pub async fn update_admin(ctx: &Ctx, id: Uuid, patch: &AdminPatch) -> AppResult<AgentProfile> {
    let caller = &ctx.caller;
    let lang = ctx.meta.lang;
    let scope = admin_scope(caller, Permission::AgentsUpdate)?;
    let patch = patch.validate(lang)?;
    let mut tx = ctx.pool().begin().await?;
    let locked = lock_someone_else(
        &mut tx,
        caller,
        scope,
        id,
        "sets their own commission or network place",
    )
    .await?;
    if let Some(provider) = patch.provider_id {
        check_provider(&mut tx, ctx, provider).await?;
    }
    if let Some(parent) = patch.parent_agent_id.filter(|_| !patch.clear_parent) {
        sqlx::query("SELECT pg_advisory_xact_lock(hashtext('agent_network'))")
            .execute(&mut *tx)
            .await?;
        check_parent(&mut tx, ctx, scope, parent, locked.tenant_id).await?;
        if repo::is_ancestor_or_self(&mut tx, locked.agent_id, parent).await? {
            return Err(AppError::invalid(lang, "parent_agent_id", T::ParentCycle));
        }
    }
    repo::update_admin(&mut tx, locked.agent_id, &patch).await?;
    audit_agent(
        &mut tx,
        ctx,
        Event::AgentUpdated,
        locked.agent_id,
        serde_json::json!({
            "provider_id": patch.provider_id,
            "commission_rate": patch.commission_rate,
            "territory": patch.territory,
            "parent_agent_id": patch.parent_agent_id,
            "clear_parent": patch.clear_parent,
        }),
    )
    .await?;
    let profile = repo::profile(&mut tx, AgentScope::All, locked.agent_id)
        .await?
        .ok_or_else(not_found)?;
    tx.commit().await?;
    Ok(profile)
}
