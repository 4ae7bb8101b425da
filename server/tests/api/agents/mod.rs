//! Agents and providers through the real router: registration, the verification
//! state machine (including a race), scope, documents, the network, providers.

mod documents;
mod network;
mod pages;
mod providers;
mod registration;
mod verification;

use crate::helpers::TestApp;
use uuid::Uuid;

pub const AGENT001: &str = "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
pub const AGENT002: &str = "d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a20";
pub const AGENT003: &str = "d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a21";
pub const WAITING: &str = "d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a25";
pub const REJECTED: &str = "d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a26";
pub const SUPER_ADMIN: &str = "550e8400-e29b-41d4-a716-446655440000";
pub const PROVIDER_ADMIN: &str = "550e8400-e29b-41d4-a716-446655440001";
/// The regional manager without an agent record (the role-test user).
pub const MANAGER_WITHOUT_RECORD: &str = "550e8400-e29b-41d4-a716-446655440002";
pub const JUNIOR: &str = "550e8400-e29b-41d4-a716-446655440004";
/// AGENT003's user: a regional manager over AGENT002 and AGENT001.
pub const MANAGER: &str = "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a21";
pub const AGENT002_USER: &str = "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a20";
pub const WAITING_USER: &str = "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a25";
pub const REJECTED_USER: &str = "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a26";
pub const CUSTOMER3_USER: &str = "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a23";
pub const LIC: &str = "01fa8d3a-5509-4f73-abeb-617fd547f16d";

pub async fn token(app: &TestApp, user: &str) -> String {
    app.token_for(user.parse::<Uuid>().unwrap()).await
}

/// A small valid PDF.
pub fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

pub fn register_body(code: &str, phone: &str) -> String {
    serde_json::json!({
        "user": {"phone_number": phone, "first_name": "Asha", "last_name": "Rao", "email": format!("{}@example.com", code.to_lowercase())},
        "agent_code": code,
        "provider_id": LIC,
        "license_number": format!("LIC-{code}"),
        "territory": "Nashik",
        "commission_rate": 5.25,
        "parent_agent_id": AGENT002,
    })
    .to_string()
}

/// Registers an agent as the provider admin; returns (agent_id, user_id).
pub async fn register(app: &TestApp, code: &str, phone: &str) -> (String, String) {
    let pa = token(app, PROVIDER_ADMIN).await;
    let res = app
        .send_bearer(
            http::Method::POST,
            "/api/v1/agents/register",
            &pa,
            "application/json",
            register_body(code, phone),
        )
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let body = res.json();
    (
        body["agent_id"].as_str().unwrap().to_owned(),
        body["user_id"].as_str().unwrap().to_owned(),
    )
}

/// As the agent: uploads a licence and submits for verification.
pub async fn submit(app: &TestApp, agent_user: &str) -> crate::helpers::TestResponse {
    let me = token(app, agent_user).await;
    let doc = app
        .upload_file(
            "/api/v1/agents/documents",
            &me,
            "file",
            "licence.pdf",
            "application/pdf",
            &pdf(),
        )
        .await;
    assert_eq!(doc.status, 201, "{}", doc.text());
    let body = serde_json::json!({
        "license_number": "LIC-NEW-1",
        "license_expiry_date": "2030-01-31",
        "license_issuing_authority": "IRDAI",
        "documents": [doc.json()["document_id"]],
    });
    app.send_bearer(
        http::Method::POST,
        "/api/v1/agents/verification/request",
        &me,
        "application/json",
        body.to_string(),
    )
    .await
}
