//! Every provider endpoint, registered once (see `catalog`).

use super::rest::*;
use crate::access::{Access::*, Permission::*};
use crate::catalog::{Api, Endpoint as E};
use crate::providers::api as f;
use crate::providers::types::*;

const SAMPLE: &str = r#"{"description":"x"}"#;
const LIC: &str = "provider_id=01fa8d3a-5509-4f73-abeb-617fd547f16d";

pub fn api() -> Api {
    Api::new("providers", SAMPLE)
        .rest(
            E::get("/api/v1/providers", "The provider catalogue by name (status, provider_type, search)", SignedIn)
                .query::<ProviderQuery>()
                .returns_list::<Provider>(),
            list,
        )
        .rest(
            E::post("/api/v1/providers", "Add a provider (409 when the code exists)", Permission(ProvidersCreate))
                .body::<ProviderInput>()
                .status(201)
                .returns::<Provider>()
                .errors(&[409, 422]),
            create,
        )
        .rest(
            E::get("/api/v1/providers/code/{provider_code}", "One provider by code", SignedIn)
                .returns::<Provider>()
                .errors(&[404]),
            by_code,
        )
        .rest(
            E::get("/api/v1/providers/{provider_id}", "One provider", SignedIn)
                .returns::<Provider>()
                .errors(&[404]),
            read,
        )
        .rest(
            E::put("/api/v1/providers/{provider_id}", "Edit a provider; only fields sent change, the code stays", ProviderOr(ProvidersUpdate))
                .body::<ProviderInput>()
                .returns::<Provider>()
                .errors(&[404, 422]),
            update,
        )
        .rest(
            E::delete("/api/v1/providers/{provider_id}", "Deactivate a provider (soft delete)", Permission(ProvidersDelete))
                .returns::<ProviderDeleted>()
                .errors(&[404]),
            delete,
        )
        .rest(
            E::get("/api/v1/providers/{provider_id}/agents", "The provider's agents, in the caller's scope", Reach(AgentsRead))
                .query::<LinkedQuery>()
                .returns::<LinkedAgents>()
                .errors(&[404]),
            agents,
        )
        .merge(
            Api::new("web-ui", "")
                .server_fn(E::server_fn::<f::ListProviders>("The provider list page", SignedIn))
                .server_fn(E::server_fn::<f::LoadProvider>("One provider with its linked agents", SignedIn).sample(LIC))
                .server_fn(E::server_fn::<f::SaveProvider>("Create or edit a provider (form)", ProviderOr(ProvidersUpdate)).sample("provider_id=01fa8d3a-5509-4f73-abeb-617fd547f16d&provider_code=&provider_name=&provider_type=&description=x&license_number=&regulatory_authority=&established_year=&city=&state=&supported_languages=&service_regions=&business_hours=&commission_structure=&api_endpoint=&webhook_url=&api_credentials=&webhook_secret=&status="))
                .server_fn(E::server_fn::<f::DeactivateProvider>("Deactivate a provider (form)", Permission(ProvidersDelete)).sample(LIC)),
        )
}
