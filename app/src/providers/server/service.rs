//! Provider rules (SPEC §4.8): everyone signed in reads the catalogue; super admins
//! manage it; a provider admin edits their own provider (the one their tenant
//! administers) and nothing else. Each change is one transaction with its audit row.

use super::{repo, secrets};
use crate::access::{Permission, Role};
use crate::audit::{self, Entry, Event};
use crate::auth::server::guard::Ctx;
use crate::error::{AppError, AppResult};
use crate::providers::text::T;
use crate::providers::types::*;
use crate::state::AppState;
use uuid::Uuid;

fn not_found() -> AppError {
    AppError::not_found("Insurance provider")
}

/// What a caller without an admin role sees of a provider: the public catalogue
/// (SPEC §5.5), without the integration and commercial fields.
fn for_caller(ctx: &Ctx, mut p: Provider) -> Provider {
    if ctx.caller.reach.is_empty() {
        p.api_endpoint = None;
        p.webhook_url = None;
        p.business_hours = None;
        p.commission_structure = None;
        p.has_api_credentials = false;
        p.has_webhook_secret = false;
        p.agent_count = 0;
    }
    p
}

pub async fn list(ctx: &Ctx, q: &ProviderQuery) -> AppResult<Vec<Provider>> {
    let mut conn = ctx.pool().acquire().await?;
    let all = repo::list(&mut conn, q).await?;
    Ok(all.into_iter().map(|p| for_caller(ctx, p)).collect())
}

pub async fn get(ctx: &Ctx, id: Uuid) -> AppResult<Provider> {
    let mut conn = ctx.pool().acquire().await?;
    let p = repo::get(&mut conn, id).await?.ok_or_else(not_found)?;
    Ok(for_caller(ctx, p))
}

pub async fn by_code(ctx: &Ctx, code: &str) -> AppResult<Provider> {
    let mut conn = ctx.pool().acquire().await?;
    let p = repo::by_code(&mut conn, code)
        .await?
        .ok_or_else(not_found)?;
    Ok(for_caller(ctx, p))
}

/// Active providers for a form's choice.
pub async fn choices(state: &AppState) -> AppResult<Vec<(Uuid, String)>> {
    let mut conn = state.pool.acquire().await?;
    Ok(repo::choices(&mut conn).await?)
}

/// The provider a provider admin's tenant administers; `None` for everyone else.
pub async fn own_provider(ctx: &Ctx) -> AppResult<Option<Uuid>> {
    if !ctx.caller.roles.contains(&Role::InsuranceProviderAdmin) {
        return Ok(None);
    }
    let mut conn = ctx.pool().acquire().await?;
    Ok(repo::of_tenant(&mut conn, ctx.caller.tenant_id).await?)
}

/// Whether the caller may edit provider `id`: `providers.update`, or a provider
/// admin whose tenant administers it.
pub async fn may_edit(ctx: &Ctx, id: Uuid) -> AppResult<bool> {
    if ctx.caller.can(Permission::ProvidersUpdate) {
        return Ok(true);
    }
    if !ctx.caller.roles.contains(&Role::InsuranceProviderAdmin) {
        return Ok(false);
    }
    let mut conn = ctx.pool().acquire().await?;
    Ok(repo::of_tenant(&mut conn, ctx.caller.tenant_id).await? == Some(id))
}

fn seal(ctx: &Ctx, p: &ProviderInput) -> repo::Sealed {
    let key = &ctx.state.auth.secrets_key;
    repo::Sealed {
        api_credentials: p
            .api_credentials
            .as_ref()
            .filter(|v| !v.is_null())
            .map(|v| secrets::seal(key, v.to_string().as_bytes())),
        webhook_secret: p
            .webhook_secret
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| secrets::seal(key, s.as_bytes())),
    }
}

async fn audit_provider(
    conn: &mut sqlx::PgConnection,
    ctx: &Ctx,
    event: Event,
    id: Uuid,
    details: serde_json::Value,
) -> AppResult<()> {
    let e = Entry::new(event)
        .by(&ctx.caller)
        .on("provider", id)
        .details(details);
    audit::record(conn, &ctx.meta, e).await
}

/// The fields an input sets (for the audit row; secrets by name only).
fn fields(p: &ProviderInput) -> Vec<String> {
    serde_json::to_value(p)
        .ok()
        .and_then(|v| v.as_object().cloned())
        .map(|o| {
            o.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, _)| k)
                .collect()
        })
        .unwrap_or_default()
}

/// # Errors
/// 422 with field errors; 409 when the code is taken.
pub async fn create(ctx: &Ctx, input: &ProviderInput) -> AppResult<Provider> {
    let p = input.validate(ctx.meta.lang, true)?;
    let sealed = seal(ctx, &p);
    let mut tx = ctx.pool().begin().await?;
    let id = repo::insert(&mut tx, &p, &sealed)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(db)
                if db.constraint() == Some("insurance_providers_provider_code_key") =>
            {
                AppError::taken(ctx.meta.lang, "provider_code", T::CodeTaken)
            }
            _ => AppError::from(e),
        })?;
    audit_provider(
        &mut tx,
        ctx,
        Event::ProviderCreated,
        id,
        serde_json::json!({"fields": fields(&p)}),
    )
    .await?;
    let provider = repo::get(&mut tx, id).await?.ok_or_else(not_found)?;
    tx.commit().await?;
    Ok(provider)
}

/// A provider admin may edit their own provider's details, not its status.
pub async fn update(ctx: &Ctx, id: Uuid, input: &ProviderInput) -> AppResult<Provider> {
    if !may_edit(ctx, id).await? {
        return Err(AppError::Forbidden(
            "Insufficient permissions: providers.update required".into(),
        ));
    }
    let mut p = input.validate(ctx.meta.lang, false)?;
    if !ctx.caller.can(Permission::ProvidersUpdate) {
        p.status = None;
        p.integration_status = None;
    }
    let sealed = seal(ctx, &p);
    let mut tx = ctx.pool().begin().await?;
    if !repo::update(&mut tx, id, &p, &sealed).await? {
        return Err(not_found());
    }
    audit_provider(
        &mut tx,
        ctx,
        Event::ProviderUpdated,
        id,
        serde_json::json!({"fields": fields(&p)}),
    )
    .await?;
    let provider = repo::get(&mut tx, id).await?.ok_or_else(not_found)?;
    tx.commit().await?;
    Ok(provider)
}

/// Soft delete: the provider becomes inactive; its agents keep the link.
pub async fn deactivate(ctx: &Ctx, id: Uuid) -> AppResult<()> {
    let mut tx = ctx.pool().begin().await?;
    if !repo::deactivate(&mut tx, id).await? {
        return Err(not_found());
    }
    audit_provider(
        &mut tx,
        ctx,
        Event::ProviderDeactivated,
        id,
        serde_json::json!({}),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
