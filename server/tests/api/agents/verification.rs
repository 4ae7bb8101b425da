//! The state machine over HTTP: submit, approve, reject with a reason, resubmit,
//! suspend and reactivate; illegal steps are 409s naming the state; two approvers
//! racing on one submission: exactly one wins.

use super::*;
use crate::helpers::TestApp;
use http::Method;
use sqlx::PgPool;

async fn state(app: &TestApp, agent_id: &str) -> (String, String, Option<String>) {
    sqlx::query_as("SELECT status, verification_status, rejection_reason FROM agents WHERE agent_id = $1::uuid")
        .bind(agent_id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn register_submit_reject_resubmit_approve(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let (agent, user) = register(&app, "FLOW-1", "9876500201").await;
    let pa = token(&app, PROVIDER_ADMIN).await;
    // Approving before a submission is illegal, and says why.
    let early = app
        .post_bearer(&format!("/api/v1/agents/verification/{agent}/approve"), &pa)
        .await;
    assert_eq!(early.status, 409, "{}", early.text());
    assert!(
        early.json()["detail"].as_str().unwrap().contains("pending"),
        "{}",
        early.text()
    );

    let res = submit(&app, &user).await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(res.json()["data"]["verification_status"], "submitted");
    assert_eq!(state(&app, &agent).await.1, "submitted");

    // A rejection needs a reason; with one, the agent sees it.
    let path = format!("/api/v1/agents/verification/{agent}/reject");
    let res = app
        .send_bearer(
            Method::POST,
            &path,
            &pa,
            "application/json",
            r#"{"reason":" "}"#.into(),
        )
        .await;
    assert_eq!(res.status, 422);
    let res = app
        .send_bearer(
            Method::POST,
            &path,
            &pa,
            "application/json",
            r#"{"reason":"Licence is blurred"}"#.into(),
        )
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(
        state(&app, &agent).await,
        (
            "rejected".into(),
            "rejected".into(),
            Some("Licence is blurred".into())
        )
    );
    let me = token(&app, &user).await;
    assert_eq!(
        app.get_bearer("/api/v1/agents/profile", &me).await.json()["rejection_reason"],
        "Licence is blurred"
    );
    let sms: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sms_outbox WHERE phone_number = '+919876500201' AND template_id = 'agent_verification'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(sms, 1, "the agent is told by SMS");

    // They resubmit, and are approved.
    assert_eq!(submit(&app, &user).await.status, 200);
    let res = app
        .post_bearer(&format!("/api/v1/agents/verification/{agent}/approve"), &pa)
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(
        state(&app, &agent).await,
        ("active".into(), "verified".into(), None)
    );
    // Approving again is a 409 naming the state.
    let again = app
        .post_bearer(&format!("/api/v1/agents/verification/{agent}/approve"), &pa)
        .await;
    assert_eq!(again.status, 409);
    assert!(again.json()["detail"]
        .as_str()
        .unwrap()
        .contains("verified"));
    // Each step left its audit row.
    let events: Vec<String> = sqlx::query_scalar(
        "SELECT event_type FROM audit_events WHERE resource_type = 'agent' AND resource_id = $1 ORDER BY created_at",
    )
    .bind(&agent)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    for e in [
        "agent.registered",
        "agent.verification_submitted",
        "agent.rejected",
        "agent.approved",
    ] {
        assert!(events.iter().any(|x| x == e), "{e} in {events:?}");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn suspension_and_reactivation_of_a_verified_agent(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let pa = token(&app, PROVIDER_ADMIN).await;
    let path = format!("/api/v1/agents/{AGENT001}/status");
    let put = |body: &'static str| app.put_json_bearer(&path, &pa, body);
    let res = put(r#"{"status":"suspended","reason":"Complaint under review"}"#).await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(res.json()["status"], "suspended");
    // Suspending twice is illegal.
    let res = put(r#"{"status":"suspended"}"#).await;
    assert_eq!(res.status, 409);
    assert!(res.json()["detail"].as_str().unwrap().contains("suspended"));
    assert_eq!(put(r#"{"status":"sleeping"}"#).await.status, 422);
    assert_eq!(
        put(r#"{"status":"active"}"#).await.json()["status"],
        "active"
    );
    // A pending agent cannot be suspended: they are not verified.
    let res = app
        .put_json_bearer(
            &format!("/api/v1/agents/{WAITING}/status"),
            &pa,
            r#"{"status":"suspended"}"#,
        )
        .await;
    assert_eq!(res.status, 409, "{}", res.text());
}

/// Two approvers decide the same submission at once: one approve and one reject.
/// The row lock makes them queue: exactly one succeeds, the other gets a 409.
#[sqlx::test(migrations = "../migrations")]
async fn concurrent_approve_and_reject_have_exactly_one_winner(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let sa = token(&app, SUPER_ADMIN).await;
    let pa = token(&app, PROVIDER_ADMIN).await;
    for _ in 0..5 {
        sqlx::query("UPDATE agents SET status = 'pending_approval', verification_status = 'submitted' WHERE agent_id = $1::uuid")
            .bind(WAITING)
            .execute(&app.pool)
            .await
            .unwrap();
        let approve_path = format!("/api/v1/agents/verification/{WAITING}/approve");
        let reject_path = format!("/api/v1/agents/verification/{WAITING}/reject");
        let (a, r) = tokio::join!(
            app.post_bearer(&approve_path, &sa),
            app.send_bearer(
                Method::POST,
                &reject_path,
                &pa,
                "application/json",
                r#"{"reason":"No"}"#.into()
            ),
        );
        let mut statuses = [a.status.as_u16(), r.status.as_u16()];
        statuses.sort();
        assert_eq!(
            statuses,
            [200, 409],
            "approve {} / reject {}",
            a.text(),
            r.text()
        );
        let (status, verification, _) = state(&app, WAITING).await;
        let expected = if a.status == 200 {
            ("active", "verified")
        } else {
            ("rejected", "rejected")
        };
        assert_eq!((status.as_str(), verification.as_str()), expected);
    }
}

/// Approving a customer who was registered as an agent promotes them.
#[sqlx::test(migrations = "../migrations")]
async fn approving_a_customer_makes_them_a_junior_agent(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let pa = token(&app, PROVIDER_ADMIN).await;
    let body =
        serde_json::json!({"user_id": CUSTOMER3_USER, "agent_code": "PRIYA01", "provider_id": LIC});
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
    let agent = res.json()["agent_id"].as_str().unwrap().to_owned();
    assert_eq!(submit(&app, CUSTOMER3_USER).await.status, 200);
    let res = app
        .post_bearer(&format!("/api/v1/agents/verification/{agent}/approve"), &pa)
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    let role: String = sqlx::query_scalar("SELECT role FROM users WHERE user_id = $1::uuid")
        .bind(CUSTOMER3_USER)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(role, "junior_agent");
}

/// Nobody decides their own verification, and a regional manager (no
/// agents.approve) decides none.
#[sqlx::test(migrations = "../migrations")]
async fn approvals_need_the_permission_and_another_person(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let rm = token(&app, MANAGER).await;
    let res = app
        .post_bearer(
            &format!("/api/v1/agents/verification/{WAITING}/approve"),
            &rm,
        )
        .await;
    assert_eq!(res.status, 403);
    let me = token(&app, WAITING_USER).await;
    let res = app
        .post_bearer(
            &format!("/api/v1/agents/verification/{WAITING}/approve"),
            &me,
        )
        .await;
    assert_eq!(res.status, 403);
}

/// The owner rule (SPEC §4.6): an agent who is not approved edits drafts but does
/// not publish; once approved, the same deck goes live.
#[sqlx::test(migrations = "../migrations")]
async fn an_unapproved_agent_edits_drafts_but_cannot_publish(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let me = token(&app, WAITING_USER).await;
    let slide = serde_json::json!({"slide_type": "text", "title": "Hello", "duration": 4});
    let create = |status: &str| {
        serde_json::json!({"name": "My first deck", "status": status, "slides": [slide.clone()]})
            .to_string()
    };
    let path = format!("/api/v1/presentations/agent/{WAITING}");
    let draft = app
        .send_bearer(
            Method::POST,
            &path,
            &me,
            "application/json",
            create("draft"),
        )
        .await;
    assert_eq!(draft.status, 201, "{}", draft.text());
    let live = app
        .send_bearer(
            Method::POST,
            &path,
            &me,
            "application/json",
            create("published"),
        )
        .await;
    assert_eq!(live.status, 403, "{}", live.text());
    assert!(live.json()["detail"]
        .as_str()
        .unwrap()
        .contains("not approved"));
    // Approved, they publish.
    let pa = token(&app, PROVIDER_ADMIN).await;
    let res = app
        .post_bearer(
            &format!("/api/v1/agents/verification/{WAITING}/approve"),
            &pa,
        )
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    let live = app
        .send_bearer(
            Method::POST,
            &path,
            &me,
            "application/json",
            create("published"),
        )
        .await;
    assert_eq!(live.status, 201, "{}", live.text());
}
