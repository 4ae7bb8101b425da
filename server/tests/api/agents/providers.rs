//! Providers: super admins manage the catalogue, a provider admin edits only their
//! own provider, everyone signed in reads it, and secrets never come back.

use super::*;
use crate::helpers::TestApp;
use http::Method;
use sqlx::PgPool;

const HDFC: &str = "01fa8d3a-5509-4f73-abeb-617fd547f16e";

#[sqlx::test(migrations = "../migrations")]
async fn super_admins_manage_the_catalogue_and_secrets_never_come_back(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let sa = token(&app, SUPER_ADMIN).await;
    let body = serde_json::json!({
        "provider_code": "star_health", "provider_name": "Star Health", "provider_type": "health_insurance",
        "webhook_secret": "whsec_do_not_leak", "api_credentials": {"api_key": "key_do_not_leak"},
        "commission_structure": {"first_year": 20},
    });
    let res = app
        .send_bearer(
            Method::POST,
            "/api/v1/providers",
            &sa,
            "application/json",
            body.to_string(),
        )
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let created = res.json();
    assert_eq!(created["provider_code"], "STAR_HEALTH");
    assert_eq!(created["has_webhook_secret"], true);
    let id = created["provider_id"].as_str().unwrap().to_owned();
    for path in [
        "/api/v1/providers".to_owned(),
        format!("/api/v1/providers/{id}"),
        "/api/v1/providers/code/star_health".into(),
    ] {
        let text = app.get_bearer(&path, &sa).await.text();
        assert!(!text.contains("do_not_leak"), "{path} leaks a secret");
    }
    // Stored sealed: the plaintext is nowhere in the row.
    let sealed: Vec<u8> = sqlx::query_scalar(
        "SELECT webhook_secret_sealed FROM insurance_providers WHERE provider_id = $1::uuid",
    )
    .bind(&id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(!sealed.windows(5).any(|w| w == b"whsec"));
    let key = app.state.auth.secrets_key;
    assert_eq!(
        app::providers::server::secrets::open(&key, &sealed).as_deref(),
        Some(&b"whsec_do_not_leak"[..])
    );
    // Duplicate code: 409 naming the field; bad input: 422 with fields.
    let res = app
        .send_bearer(
            Method::POST,
            "/api/v1/providers",
            &sa,
            "application/json",
            body.to_string(),
        )
        .await;
    assert_eq!(res.status, 409);
    assert!(res.json()["fields"]["provider_code"].is_array());
    let bad = r#"{"provider_code":"bad code","provider_name":"","provider_type":"car"}"#;
    let res = app
        .send_bearer(
            Method::POST,
            "/api/v1/providers",
            &sa,
            "application/json",
            bad.into(),
        )
        .await;
    assert_eq!(res.status, 422);
    for f in ["provider_code", "provider_name", "provider_type"] {
        assert!(res.json()["fields"][f].is_array(), "{f}");
    }
    // Soft delete.
    let res = app
        .delete_bearer(&format!("/api/v1/providers/{id}"), &sa)
        .await;
    assert_eq!(res.status, 200);
    assert_eq!(
        app.get_bearer(&format!("/api/v1/providers/{id}"), &sa)
            .await
            .json()["status"],
        "inactive"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_provider_admin_edits_their_own_provider_only(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let pa = token(&app, PROVIDER_ADMIN).await;
    let res = app
        .put_json_bearer(
            &format!("/api/v1/providers/{LIC}"),
            &pa,
            r#"{"description":"India's insurer"}"#,
        )
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(res.json()["description"], "India's insurer");
    let res = app
        .put_json_bearer(
            &format!("/api/v1/providers/{HDFC}"),
            &pa,
            r#"{"description":"x"}"#,
        )
        .await;
    assert_eq!(res.status, 403);
    // Everyone signed in reads the catalogue; agents cannot edit it.
    let junior = token(&app, JUNIOR).await;
    let list = app.get_bearer("/api/v1/providers", &junior).await;
    assert_eq!(list.status, 200);
    let names: Vec<String> = list
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["provider_code"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["HDFC_LIFE", "ICICI_PRUDENTIAL", "LIC"]);
    assert_eq!(
        app.put_json_bearer(&format!("/api/v1/providers/{LIC}"), &junior, "{}")
            .await
            .status,
        403
    );
    // The provider's linked agents, in the caller's scope.
    let res = app
        .get_bearer(&format!("/api/v1/providers/{LIC}/agents"), &pa)
        .await;
    assert_eq!(res.json()["count"], 7, "{}", res.text());
}

/// Agents and customers read the public catalogue: no integration or commercial
/// fields; a blank status is "not sent", not a server error.
#[sqlx::test(migrations = "../migrations")]
async fn the_public_catalogue_leaves_out_the_admin_fields(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let junior = token(&app, JUNIOR).await;
    let p = app
        .get_bearer(&format!("/api/v1/providers/{LIC}"), &junior)
        .await
        .json();
    assert_eq!(p["provider_name"], "Life Insurance Corporation of India");
    assert!(
        p["commission_structure"].is_null() && p["api_endpoint"].is_null(),
        "{p}"
    );
    let pa = token(&app, PROVIDER_ADMIN).await;
    let p = app
        .get_bearer(&format!("/api/v1/providers/{LIC}"), &pa)
        .await
        .json();
    assert_eq!(p["commission_structure"]["first_year"], 25);
    let res = app
        .put_json_bearer(
            &format!("/api/v1/providers/{LIC}"),
            &token(&app, SUPER_ADMIN).await,
            r#"{"status":"","provider_type":" "}"#,
        )
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(res.json()["status"], "active");
}
