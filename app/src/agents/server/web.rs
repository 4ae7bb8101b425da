//! The agent pages' endpoints (`/api/ui/agents/*`): their server functions, and the
//! two upload forms (a document, the profile photo), which post multipart from a
//! plain form and come back to the profile page with a flash, like every form.

use super::documents::{self, DOCUMENT_MAX_BYTES, PHOTO_MAX_BYTES};
use crate::access::{Access::*, Permission::*};
use crate::agents::api as f;
use crate::auth::server::guard::Ctx;
use crate::catalog::{Api, Endpoint};
use crate::error::{AppError, AppResult};
use axum::{extract::Request, response::Response};

pub use crate::agents::server_paths::{DOCUMENT_FORM, PHOTO_FORM};
const AGENT: &str = "agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";

pub fn api() -> Api {
    let sf = Endpoint::server_fn::<f::ListAgents>;
    Api::new("web-ui", "")
        .server_fn(sf("Admin agent list and verification queue", Reach(AgentsRead)))
        .server_fn(Endpoint::server_fn::<f::NewAgentForm>("The registration form's choices", Reach(AgentsCreate)))
        .server_fn(Endpoint::server_fn::<f::RegisterAgent>("Register an agent (form)", Reach(AgentsCreate)).sample("first_name=&last_name=&phone_number=&email=&agent_code=&role=&provider_id=&territory=&commission_rate=&parent_agent_code=&password="))
        .server_fn(Endpoint::server_fn::<f::LoadAgent>("Agent detail: profile, network, documents, history", OwnerOr(AgentsRead)).sample(AGENT))
        .server_fn(Endpoint::server_fn::<f::ApproveAgent>("Approve a verification (form)", Reach(AgentsApprove)).sample(AGENT))
        .server_fn(Endpoint::server_fn::<f::RejectAgent>("Reject a verification (form)", Reach(AgentsApprove)).sample("agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11&reason=x"))
        .server_fn(Endpoint::server_fn::<f::ChangeAgentStatus>("Suspend, deactivate or reactivate (form)", Reach(AgentsUpdate)).sample("agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11&status=sleeping&reason="))
        .server_fn(Endpoint::server_fn::<f::UpdateAgent>("Set provider, commission, territory, parent (form)", Reach(AgentsUpdate)).sample("agent_id=b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11&provider_id=&commission_rate=&territory=&parent_agent_code="))
        .server_fn(Endpoint::server_fn::<f::LoadMyAgentProfile>("The agent's own profile page", OwnAgent))
        .server_fn(Endpoint::server_fn::<f::SaveMyAgentProfile>("Save the agent's business details (form)", OwnAgent).sample("business_name=&territory=&experience_years=&specializations=&whatsapp_business_number=&business_email=&website=&gst_number=&pan_number="))
        .server_fn(Endpoint::server_fn::<f::SubmitVerification>("Submit for verification (form)", OwnAgent).sample("license_number=&license_expiry_date=&license_issuing_authority="))
        .server_fn(Endpoint::server_fn::<f::LoadDashboard>("The admin dashboard's figures", AdminRole))
        .rest(
            Endpoint::post(DOCUMENT_FORM, "Upload a verification document from the profile page (multipart form)", OwnAgent)
                .body_limit(11 * 1024 * 1024)
                .undocumented(),
            document_form,
        )
        .rest(
            Endpoint::post(PHOTO_FORM, "Upload the profile photo from the profile page (multipart form)", OwnAgent)
                .body_limit(6 * 1024 * 1024)
                .undocumented(),
            photo_form,
        )
}

async fn document_form(ctx: Ctx, request: Request) -> Response {
    let outcome = async {
        let form =
            crate::rest::multipart::read(request, &ctx.state, "file", DOCUMENT_MAX_BYTES).await?;
        let file = form.file.filter(|f| !f.bytes.is_empty()).ok_or_else(|| {
            AppError::invalid(
                ctx.meta.lang,
                "file",
                crate::agents::text::T::DocumentNeeded,
            )
        })?;
        documents::upload(&ctx, file).await.map(drop)
    }
    .await;
    back_to_profile(&ctx, DOCUMENT_FORM, outcome)
}

async fn photo_form(ctx: Ctx, request: Request) -> Response {
    let outcome = async {
        let form =
            crate::rest::multipart::read(request, &ctx.state, "photo", PHOTO_MAX_BYTES).await?;
        let file = form
            .file
            .filter(|f| !f.bytes.is_empty())
            .ok_or_else(|| AppError::BadRequest("No file data found".into()))?;
        documents::upload_photo(&ctx, file).await.map(drop)
    }
    .await;
    back_to_profile(&ctx, PHOTO_FORM, outcome)
}

/// 303 to the profile page with the outcome in the flash (post, redirect, get).
fn back_to_profile(ctx: &Ctx, path: &str, outcome: AppResult<()>) -> Response {
    crate::rest::form_redirect(ctx, path, "/agent/profile", outcome.err())
}
