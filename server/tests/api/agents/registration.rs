//! Registration: one transaction; duplicates are a 409 naming the field; a failed
//! registration leaves nothing behind; the new agent waits for approval.

use super::*;
use crate::helpers::TestApp;
use http::Method;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn an_admin_registers_an_agent_who_starts_pending(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let (agent_id, user_id) = register(&app, "NEW-001", "9876500101").await;
    let row: (String, String, String, String) = sqlx::query_as(
        "SELECT a.status, a.verification_status, u.role, a.commission_rate::text
           FROM agents a JOIN users u USING (user_id) WHERE a.agent_id = $1::uuid",
    )
    .bind(&agent_id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        row,
        (
            "pending_approval".into(),
            "pending".into(),
            "junior_agent".into(),
            "5.25".into()
        )
    );
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_events WHERE event_type = 'agent.registered' AND resource_id = $1",
    )
    .bind(&agent_id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(audited, 1);
    // The new agent signs in and sees their own profile.
    let me = token(&app, &user_id).await;
    let profile = app.get_bearer("/api/v1/agents/profile", &me).await;
    assert_eq!(profile.status, 200, "{}", profile.text());
    assert_eq!(profile.json()["agent_code"], "NEW-001");
    assert_eq!(profile.json()["parent_agent_id"], AGENT002);
}

#[sqlx::test(migrations = "../migrations")]
async fn duplicates_are_a_409_that_names_the_field_and_leave_nothing_behind(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let pa = token(&app, PROVIDER_ADMIN).await;
    let post = |body: String| {
        app.send_bearer(
            Method::POST,
            "/api/v1/agents/register",
            &pa,
            "application/json",
            body,
        )
    };
    // A taken agent code (any case), with a phone nobody has.
    let res = post(register_body("agent001", "9876500102")).await;
    assert_eq!(res.status, 409, "{}", res.text());
    assert_eq!(res.json()["kind"], "conflict");
    assert!(
        res.json()["fields"]["agent_code"].is_array(),
        "{}",
        res.text()
    );
    // A taken licence.
    let mut body: serde_json::Value =
        serde_json::from_str(&register_body("FRESH-1", "9876500103")).unwrap();
    body["license_number"] = "lic123456".into();
    let res = post(body.to_string()).await;
    assert_eq!(res.status, 409, "{}", res.text());
    assert!(
        res.json()["fields"]["license_number"].is_array(),
        "{}",
        res.text()
    );
    // Someone who is already an agent (AGENT001's phone).
    let res = post(register_body("FRESH-2", "9876543210")).await;
    assert_eq!(res.status, 409, "{}", res.text());
    assert!(
        res.json()["fields"]["phone_number"].is_array(),
        "{}",
        res.text()
    );
    // Nothing of the refused registrations stayed: no user, no role, no agent.
    for phone in ["+919876500102", "+919876500103"] {
        let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users WHERE phone_number = $1")
            .bind(phone)
            .fetch_one(&app.pool)
            .await
            .unwrap();
        assert_eq!(users, 0, "{phone} was rolled back");
    }
    let agents: i64 =
        sqlx::query_scalar("SELECT count(*) FROM agents WHERE agent_code LIKE 'FRESH%'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(agents, 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn bad_registrations_get_field_errors(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let pa = token(&app, PROVIDER_ADMIN).await;
    let body = serde_json::json!({"agent_code": "x", "role": "super_admin", "license_expiry_date": "2001-01-01"});
    let res = app
        .send_bearer(
            Method::POST,
            "/api/v1/agents/register",
            &pa,
            "application/json",
            body.to_string(),
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text());
    for field in [
        "agent_code",
        "role",
        "provider_id",
        "phone_number",
        "first_name",
        "license_expiry_date",
    ] {
        assert!(
            res.json()["fields"][field].is_array(),
            "{field}: {}",
            res.text()
        );
    }
    // A parent outside the caller's scope is refused too.
    let mut body: serde_json::Value =
        serde_json::from_str(&register_body("NEW-002", "9876500104")).unwrap();
    body["parent_agent_id"] = "00000000-0000-4000-8000-000000000009".into();
    let res = app
        .send_bearer(
            Method::POST,
            "/api/v1/agents/register",
            &pa,
            "application/json",
            body.to_string(),
        )
        .await;
    assert_eq!(res.status, 422, "{}", res.text());
    assert!(res.json()["fields"]["parent_agent_id"].is_array());
}

/// An agent role without an agent record acts on nothing (the foundations'
/// invariant): the role-test regional manager reaches no agent.
#[sqlx::test(migrations = "../migrations")]
async fn an_agent_role_without_a_record_reaches_nothing(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let rm = token(&app, MANAGER_WITHOUT_RECORD).await;
    let res = app.get_bearer("/api/v1/agents", &rm).await;
    assert_eq!(res.status, 200);
    assert_eq!(res.json()["count"], 0, "{}", res.text());
    assert_eq!(
        app.get_bearer(&format!("/api/v1/agents/{AGENT001}"), &rm)
            .await
            .status,
        404
    );
    assert_eq!(
        app.get_bearer("/api/v1/agents/profile", &rm).await.status,
        403
    );
}

/// A regional manager's reach waits for approval: registered, they act as a
/// junior agent; approved, they manage their network.
#[sqlx::test(migrations = "../migrations")]
async fn a_registered_regional_manager_gets_their_reach_on_approval(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let pa = token(&app, PROVIDER_ADMIN).await;
    let mut body: serde_json::Value =
        serde_json::from_str(&register_body("RM-NEW-1", "9876500105")).unwrap();
    body["role"] = "regional_manager".into();
    body["parent_agent_id"] = serde_json::Value::Null;
    let res = app
        .send_bearer(
            Method::POST,
            "/api/v1/agents/register",
            &pa,
            "application/json",
            body.to_string(),
        )
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let (agent, user) = (
        res.json()["agent_id"].as_str().unwrap().to_owned(),
        res.json()["user_id"].as_str().unwrap().to_owned(),
    );
    let me = token(&app, &user).await;
    assert_eq!(
        app.get_bearer("/api/v1/agents", &me).await.status,
        403,
        "no reach while pending"
    );
    assert_eq!(submit(&app, &user).await.status, 200);
    let res = app
        .post_bearer(&format!("/api/v1/agents/verification/{agent}/approve"), &pa)
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    let me = token(&app, &user).await;
    let res = app.get_bearer("/api/v1/agents", &me).await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(res.json()["count"], 1, "their own subtree: themselves");
}

/// Nobody sets their own commission or moves themselves in the network.
#[sqlx::test(migrations = "../migrations")]
async fn a_manager_cannot_edit_their_own_record(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let rm = token(&app, MANAGER).await;
    let res = app
        .put_json_bearer(
            &format!("/api/v1/agents/{AGENT003}"),
            &rm,
            r#"{"commission_rate":50}"#,
        )
        .await;
    assert_eq!(res.status, 403, "{}", res.text());
    let res = app
        .put_json_bearer(
            &format!("/api/v1/agents/{AGENT001}"),
            &rm,
            r#"{"commission_rate":6}"#,
        )
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    // A forged page cursor is a field error, not a server error.
    let bad = app::paging::Cursor::new("not a time", uuid::Uuid::nil()).encode();
    let res = app
        .get_bearer(&format!("/api/v1/agents?cursor={bad}"), &rm)
        .await;
    assert_eq!(res.status, 422, "{}", res.text());
}
