//! The audit trail is written inside the transaction of the change it records: a
//! committed change has exactly one row, a rolled-back one has none.

use crate::demo::Demo;
use crate::helpers::{TestApp, TestResponse};
use http::{Method, StatusCode};
use serde_json::json;
use sqlx::PgPool;

const DEMO_AGENT: &str = "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
const WEEKLY: &str = server::seed::presentations::WEEKLY_UPDATE;
const DAILY: &str = server::seed::presentations::DAILY_PROMOTIONAL;
const GUEST: &str = "550e8400-e29b-41d4-a716-446655440009";

async fn audit_rows(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("SELECT event_type FROM audit_events ORDER BY created_at, event_id")
        .fetch_all(&app.pool)
        .await
        .unwrap()
}

/// Runs one change (futures are lazy: it starts here) and returns the audit rows it
/// added.
async fn rows_added(
    app: &TestApp,
    change: impl std::future::Future<Output = TestResponse>,
) -> (TestResponse, Vec<String>) {
    let before = audit_rows(app).await.len();
    let res = change.await;
    let after = audit_rows(app).await;
    (res, after[before..].to_vec())
}

#[sqlx::test(migrations = "../migrations")]
async fn every_committed_change_of_users_sessions_and_presentations_has_one_row(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let admin = app.as_user(Demo::SuperAdmin).await;
    let agent = app.as_user(Demo::Agent).await;
    let deck = format!("/api/v1/presentations/agent/{DEMO_AGENT}/{WEEKLY}");
    let new_user = json!({"first_name": "Audit", "last_name": "Me", "phone_number": "9876500002",
                          "role": "guest", "password": "a-long-secret-1"})
    .to_string();
    let role = json!({"user_id": GUEST, "role_name": "support_staff"}).to_string();
    let draft = json!({"name": "Audited", "slides": [{"slide_type": "text", "title": "Hi"}]});
    // (who, method, path, body, the one event expected)
    let changes: Vec<(&crate::demo::AsUser<'_>, Method, String, String, &str)> = vec![
        (
            &admin,
            Method::POST,
            "/api/v1/users".into(),
            new_user,
            "user.created",
        ),
        (
            &admin,
            Method::PUT,
            format!("/api/v1/users/{GUEST}"),
            json!({"first_name": "G"}).to_string(),
            "user.updated",
        ),
        (
            &admin,
            Method::PUT,
            format!("/api/v1/users/{GUEST}/preferences"),
            json!({"timezone": "Asia/Kolkata"}).to_string(),
            "user.preferences_updated",
        ),
        (
            &admin,
            Method::POST,
            "/api/v1/rbac/users/assign-role".into(),
            role.clone(),
            "user.role_assigned",
        ),
        (
            &admin,
            Method::POST,
            "/api/v1/rbac/users/remove-role".into(),
            role,
            "user.role_removed",
        ),
        (
            &admin,
            Method::DELETE,
            format!("/api/v1/users/{GUEST}"),
            String::new(),
            "user.deactivated",
        ),
        (
            &admin,
            Method::POST,
            format!("/api/v1/users/{GUEST}/reactivate"),
            String::new(),
            "user.reactivated",
        ),
        (
            &agent,
            Method::POST,
            format!("/api/v1/presentations/agent/{DEMO_AGENT}"),
            draft.to_string(),
            "presentation.created",
        ),
        (
            &agent,
            Method::PUT,
            deck.clone(),
            json!({"name": "Weekly, edited", "slides": [{"slide_type": "text", "title": "Hi"}]}).to_string(),
            "presentation.updated",
        ),
        (
            &agent,
            Method::PUT,
            deck.clone(),
            json!({"name": "Weekly", "slides": [{"slide_type": "text", "title": "Hi"}], "status": "published"}).to_string(),
            "presentation.published",
        ),
        (
            &agent,
            Method::POST,
            format!("{deck}/activate"),
            String::new(),
            "presentation.activated",
        ),
        (
            &agent,
            Method::DELETE,
            format!("/api/v1/presentations/agent/{DEMO_AGENT}/{DAILY}"),
            String::new(),
            "presentation.archived",
        ),
        (
            &agent,
            Method::DELETE,
            "/api/v1/auth/sessions".into(),
            String::new(),
            "auth.session_revoked",
        ),
    ];
    for (who, method, path, body, event) in changes {
        let (res, rows) = rows_added(&app, who.send(method.clone(), &path, &body)).await;
        assert!(
            res.status.is_success(),
            "{method} {path}: {} {}",
            res.status,
            res.text()
        );
        assert_eq!(rows, [event], "{method} {path}");
    }
    // Sessions: sign-in, refresh, sign-out.
    let (res, rows) = rows_added(&app, {
        app.post_json(
            "/api/v1/auth/login",
            &json!({"phone_number": Demo::Guest.phone(), "password": Demo::Guest.password()})
                .to_string(),
        )
    })
    .await;
    assert_eq!(rows, ["auth.login"], "{}", res.text());
    let tokens = res.json();
    let refresh = json!({"refresh_token": tokens["refresh_token"]}).to_string();
    let (_, rows) = rows_added(&app, app.post_json("/api/v1/auth/refresh", &refresh)).await;
    assert_eq!(rows, ["auth.token_refreshed"]);
    let access = app.login(Demo::Guest.phone(), Demo::Guest.password()).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, rows) = rows_added(&app, app.post_bearer("/api/v1/auth/logout", &access)).await;
    assert_eq!(rows, ["auth.logout"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_refused_or_rolled_back_change_leaves_no_row(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let agent = app.as_user(Demo::Agent).await;
    let deck = format!("/api/v1/presentations/agent/{DEMO_AGENT}/{WEEKLY}");
    // A stale revision is refused after the rows were locked: nothing commits.
    let stale = json!({"name": "Stale", "slides": [], "version": 999}).to_string();
    let (res, rows) = rows_added(&app, agent.put_json(&deck, &stale)).await;
    assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.text());
    assert!(rows.is_empty(), "{rows:?}");

    // If the audit row cannot be written, the change it records is rolled back too.
    sqlx::query("ALTER TABLE audit_events ADD CONSTRAINT refuse_new_rows CHECK (false) NOT VALID")
        .execute(&app.pool)
        .await
        .unwrap();
    let rename = json!({"name": "Renamed without a trace", "slides": []}).to_string();
    let res = agent.put_json(&deck, &rename).await;
    assert_eq!(
        res.status,
        StatusCode::INTERNAL_SERVER_ERROR,
        "{}",
        res.text()
    );
    sqlx::query("ALTER TABLE audit_events DROP CONSTRAINT refuse_new_rows")
        .execute(&app.pool)
        .await
        .unwrap();
    let res = agent.get(&deck).await;
    assert_eq!(
        res.json()["name"],
        "Weekly Update",
        "the change rolled back"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn failed_sign_ins_are_recorded_though_nothing_commits(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let bad =
        json!({"phone_number": Demo::Guest.phone(), "password": "wrong-password"}).to_string();
    let (res, rows) = rows_added(&app, app.post_json("/api/v1/auth/login", &bad)).await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert_eq!(rows, ["auth.login"]);
    let success: bool =
        sqlx::query_scalar("SELECT success FROM audit_events ORDER BY created_at DESC LIMIT 1")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(!success);
}
