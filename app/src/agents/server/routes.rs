//! Every agent endpoint, registered once (see `catalog`).

use super::rest::*;
use crate::access::{Access::*, Permission::*};
use crate::agents::types::*;
use crate::catalog::{Api, Endpoint};

/// Parses as every JSON body here; refused later by validation or state.
const SAMPLE: &str = r#"{"agent_code":"","reason":"","status":"active"}"#;

pub fn api() -> Api {
    use Endpoint as E;
    Api::new("agents", SAMPLE)
        .rest(
            E::post("/api/v1/agents/register", "Register an agent: user, agent role and agent row in one transaction", Reach(AgentsCreate))
                .body::<RegisterRequest>()
                .status(201)
                .returns::<AgentProfile>()
                .errors(&[404, 409, 422]),
            register,
        )
        .rest(
            E::get("/api/v1/agents", "Agents in the caller's scope (q, status, verification_status, provider_id, territory, cursor, limit, offset)", Reach(AgentsRead))
                .query::<AgentQuery>()
                .returns::<AgentList>()
                .errors(&[422]),
            list,
        )
        .rest(
            E::get("/api/v1/agents/search", "Search agents by name, email, code or business (query: 2–100 characters)", Reach(AgentsRead))
                .query::<SearchQuery>()
                .returns::<AgentMatches>()
                .errors(&[422]),
            search,
        )
        .rest(
            E::get("/api/v1/agents/profile", "The caller's own agent profile", OwnAgent)
                .returns::<AgentProfile>()
                .errors(&[404]),
            my_profile,
        )
        .rest(
            E::put("/api/v1/agents/profile", "Edit the caller's business details; only fields sent change", OwnAgent)
                .body::<ProfilePatch>()
                .returns::<AgentProfile>()
                .errors(&[404, 422]),
            update_profile,
        )
        .rest(
            E::post("/api/v1/agents/profile/photo", "Profile photo: multipart `photo`, JPEG or PNG up to 5 MB, checked by content", OwnAgent)
                .returns::<Done<Photo>>()
                .errors(&[413, 415])
                .body_limit(6 * 1024 * 1024),
            upload_photo,
        )
        .rest(
            E::post("/api/v1/agents/documents", "Upload a verification document: multipart `file`, PDF, JPEG or PNG up to 10 MB, checked by content", OwnAgent)
                .status(201)
                .returns::<AgentDocument>()
                .errors(&[413, 415])
                .body_limit(11 * 1024 * 1024),
            upload_document,
        )
        .rest(
            E::get("/api/v1/agents/{agent_id}/documents/{document_id}", "A verification document's file: the agent, or an approver in scope", OwnerOr(AgentsApprove))
                .returns_media("application/octet-stream")
                .errors(&[404]),
            document,
        )
        .rest(
            E::post("/api/v1/agents/verification/request", "Submit the licence and documents for verification (pending or rejected agents)", OwnAgent)
                .body::<VerificationRequest>()
                .returns::<Done<super::service::Submitted>>()
                .errors(&[404, 409, 422]),
            request_verification,
        )
        .rest(
            E::post("/api/v1/agents/verification/{agent_id}/approve", "Approve a submitted verification (409 in any other state)", Reach(AgentsApprove))
                .query::<ApprovalQuery>()
                .returns::<Done<()>>()
                .errors(&[404, 409]),
            approve,
        )
        .rest(
            E::post("/api/v1/agents/verification/{agent_id}/reject", "Reject a submitted verification with a reason", Reach(AgentsApprove))
                .body::<Rejection>()
                .returns::<Done<()>>()
                .errors(&[404, 409, 422]),
            reject,
        )
        .rest(
            E::get("/api/v1/agents/hierarchy", "The caller's parent and sub-agents (up to 10)", OwnAgent)
                .returns::<HierarchyAnswer>()
                .errors(&[404]),
            hierarchy,
        )
        .rest(
            E::get("/api/v1/agents/{agent_id}", "One agent: the caller's own record, or one in their admin scope", OwnerOr(AgentsRead))
                .returns::<AgentProfile>()
                .errors(&[404]),
            read,
        )
        .rest(
            E::put("/api/v1/agents/{agent_id}", "Set an agent's provider, commission, territory or parent (no cycles)", Reach(AgentsUpdate))
                .body::<AdminPatch>()
                .returns::<AgentProfile>()
                .errors(&[404, 422]),
            update,
        )
        .rest(
            E::put("/api/v1/agents/{agent_id}/status", "Suspend, deactivate or reactivate a verified agent (409 names the current state)", Reach(AgentsUpdate))
                .body::<StatusChange>()
                .returns::<AgentProfile>()
                .errors(&[404, 409, 422]),
            set_status,
        )
        .rest(
            E::get("/api/v1/agents/{agent_id}/customers", "An agent's customers (the owner, or an admin in scope)", OwnerOr(AgentsRead))
                .query::<PageQuery>()
                .returns::<CustomersAnswer>()
                .errors(&[404]),
            customers,
        )
        .merge(super::web::api())
}
