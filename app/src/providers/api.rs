//! Server functions of the provider pages (`/api/ui/providers/*`).

use crate::agents::types::AgentSummary;
use crate::error::AppError;
use crate::paging::Page;
use crate::providers::types::*;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use server_fn::codec::{GetUrl, PostUrl};
use uuid::Uuid;

#[cfg(feature = "ssr")]
use crate::{auth::server::guard::ctx, providers::server::service};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProvidersPage {
    pub providers: Vec<Provider>,
    pub may_create: bool,
}

#[server(prefix = "/api/ui", endpoint = "providers/list", input = GetUrl)]
pub async fn list_providers(
    search: Option<String>,
    status: Option<String>,
    provider_type: Option<String>,
) -> Result<ProvidersPage, AppError> {
    let ctx = ctx::<ListProviders>()?;
    let q = ProviderQuery {
        status,
        provider_type,
        search,
    };
    Ok(ProvidersPage {
        providers: service::list(&ctx, &q).await?,
        may_create: ctx.caller.can(crate::access::Permission::ProvidersCreate),
    })
}

/// A provider's page: its details, whether the caller may edit it, and its linked
/// agents for callers who may see agents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProviderPage {
    pub provider: Provider,
    pub may_edit: bool,
    pub may_deactivate: bool,
    pub agents: Option<Page<AgentSummary>>,
}

#[server(prefix = "/api/ui", endpoint = "providers/get", input = GetUrl)]
pub async fn load_provider(
    provider_id: Uuid,
    cursor: Option<String>,
) -> Result<ProviderPage, AppError> {
    let ctx = ctx::<LoadProvider>()?;
    let provider = service::get(&ctx, provider_id).await?;
    let agents = if ctx
        .caller
        .reach
        .contains(crate::access::Permission::AgentsRead)
    {
        let q = crate::agents::types::AgentQuery {
            provider_id: Some(provider_id.to_string()),
            cursor,
            ..Default::default()
        };
        Some(crate::agents::server::service::list(&ctx, &q).await?)
    } else {
        None
    };
    Ok(ProviderPage {
        may_edit: service::may_edit(&ctx, provider_id).await?,
        may_deactivate: ctx.caller.can(crate::access::Permission::ProvidersDelete),
        provider,
        agents,
    })
}

/// A JSON form field: blank is none; anything else must parse.
#[cfg(feature = "ssr")]
fn json_field(
    lang: crate::i18n::Lang,
    field: &str,
    raw: &str,
) -> Result<Option<serde_json::Value>, AppError> {
    match raw.trim() {
        "" => Ok(None),
        text => serde_json::from_str(text)
            .map(Some)
            .map_err(|_| AppError::invalid(lang, field, crate::providers::text::T::JsonRule)),
    }
}

/// Creates (no `provider_id`) or edits a provider, then shows it.
#[allow(clippy::too_many_arguments)]
#[server(prefix = "/api/ui", endpoint = "providers/save", input = PostUrl)]
pub async fn save_provider(
    provider_id: String,
    provider_code: String,
    provider_name: String,
    provider_type: String,
    description: String,
    license_number: String,
    regulatory_authority: String,
    established_year: String,
    city: String,
    state: String,
    supported_languages: String,
    service_regions: String,
    business_hours: String,
    commission_structure: String,
    api_endpoint: String,
    webhook_url: String,
    api_credentials: String,
    webhook_secret: String,
    status: String,
) -> Result<(), AppError> {
    let ctx = ctx::<SaveProvider>()?;
    let lang = ctx.meta.lang;
    let some = |s: String| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let list = |s: &str| Some(crate::agents::types::split_list(s)).filter(|l| !l.is_empty());
    let year = match established_year.trim() {
        "" => None,
        y => Some(y.parse().map_err(|_| {
            AppError::invalid(
                lang,
                "established_year",
                crate::providers::text::T::YearRule,
            )
        })?),
    };
    let headquarters = (!city.trim().is_empty() || !state.trim().is_empty()).then(
        || serde_json::json!({"city": city.trim(), "state": state.trim(), "country": "India"}),
    );
    let input = ProviderInput {
        provider_code: some(provider_code),
        provider_name: some(provider_name),
        provider_type: some(provider_type),
        description: some(description),
        license_number: some(license_number),
        regulatory_authority: some(regulatory_authority),
        established_year: year,
        headquarters,
        supported_languages: list(&supported_languages.to_ascii_lowercase()),
        service_regions: list(&service_regions),
        business_hours: json_field(lang, "business_hours", &business_hours)?,
        commission_structure: json_field(lang, "commission_structure", &commission_structure)?,
        api_endpoint: some(api_endpoint),
        webhook_url: some(webhook_url),
        api_credentials: json_field(lang, "api_credentials", &api_credentials)?,
        webhook_secret: some(webhook_secret),
        status: some(status),
        integration_status: None,
    };
    let saved = match provider_id.trim().parse::<Uuid>() {
        Ok(id) => service::update(&ctx, id, &input).await?,
        Err(_) => {
            ctx.caller
                .require(crate::access::Permission::ProvidersCreate)?;
            service::create(&ctx, &input).await?
        }
    };
    leptos_axum::redirect(&format!("/admin/providers/{}", saved.provider_id));
    Ok(())
}

#[server(prefix = "/api/ui", endpoint = "providers/deactivate", input = PostUrl)]
pub async fn deactivate_provider(provider_id: Uuid) -> Result<(), AppError> {
    let ctx = ctx::<DeactivateProvider>()?;
    service::deactivate(&ctx, provider_id).await
}
