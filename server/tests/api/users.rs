//! User management and self-service through the real router.

use crate::helpers::{TestApp, PASSWORD};
use http::StatusCode;
use serde_json::json;
use sqlx::PgPool;

const SUPER: &str = "+919876543200";
const PROVIDER_ADMIN: &str = "+919876543201";
const JUNIOR: &str = "+919876543204";

async fn token(app: &TestApp, phone: &str) -> String {
    app.login(phone, PASSWORD).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[sqlx::test(migrations = "../migrations")]
async fn search_filters_sorts_and_pages_stably(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let admin = token(&app, SUPER).await;
    let all = app
        .get_bearer("/api/v1/users?sort=name&limit=100", &admin)
        .await
        .json();
    let total = all.as_array().unwrap().len();
    assert!(total >= 12);
    // Two pages of 5 give the first ten of the full order, without overlap.
    let p1 = app
        .get_bearer("/api/v1/users?sort=name&limit=5&offset=0", &admin)
        .await
        .json();
    let p2 = app
        .get_bearer("/api/v1/users?sort=name&limit=5&offset=5", &admin)
        .await
        .json();
    let ids = |v: &serde_json::Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|u| u["user_id"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!([ids(&p1), ids(&p2)].concat(), ids(&all)[..10].to_vec());

    let agents = app
        .get_bearer("/api/v1/users/search?role=junior_agent", &admin)
        .await
        .json();
    assert!(agents
        .as_array()
        .unwrap()
        .iter()
        .all(|u| u["role"] == "junior_agent"));
    let by_text = app
        .get_bearer("/api/v1/users?q=supportstaff%40TEST", &admin)
        .await
        .json();
    assert_eq!(by_text.as_array().unwrap().len(), 1);
    let unknown_role = app.get_bearer("/api/v1/users?role=astronaut", &admin).await;
    assert_eq!(unknown_role.status, StatusCode::OK);
    assert_eq!(unknown_role.json(), json!([]));
}

#[sqlx::test(migrations = "../migrations")]
async fn the_csv_export_is_exactly_the_filtered_view(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let admin = token(&app, SUPER).await;
    let res = app
        .get_bearer("/api/v1/users/export.csv?role=policyholder", &admin)
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.header("content-type").unwrap().starts_with("text/csv"));
    let csv = res.text();
    let listed = app
        .get_bearer("/api/v1/users?role=policyholder&limit=100", &admin)
        .await
        .json();
    assert_eq!(csv.lines().count(), 1 + listed.as_array().unwrap().len());
    assert!(csv.lines().skip(1).all(|l| l.contains(",policyholder,")));
}

#[sqlx::test(migrations = "../migrations")]
async fn creating_a_user_validates_and_refuses_duplicates(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let admin = token(&app, SUPER).await;
    let body = json!({"phone_number": "9876500001", "first_name": "Asha", "last_name": "Rao", "role": "junior_agent", "password": "a-long-secret"});
    let res = app
        .send_bearer(
            http::Method::POST,
            "/api/v1/users",
            &admin,
            "application/json",
            body.to_string(),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
    assert_eq!(res.json()["phone_number"], "+919876500001");
    let again = app
        .send_bearer(
            http::Method::POST,
            "/api/v1/users",
            &admin,
            "application/json",
            body.to_string(),
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        again.json()["fields"]["phone_number"][0],
        "This phone number is already registered."
    );
    let bad = app
        .send_bearer(
            http::Method::POST,
            "/api/v1/users",
            &admin,
            "application/json",
            json!({"role": "x"}).to_string(),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.json()["fields"]["first_name"].is_array());
    // The new user can sign in.
    app.login("9876500001", "a-long-secret").await;
}

#[sqlx::test(migrations = "../migrations")]
async fn users_edit_their_own_names_but_not_their_email(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let me = app.login(JUNIOR, PASSWORD).await;
    let (token, id) = (
        me["access_token"].as_str().unwrap(),
        me["user"]["user_id"].as_str().unwrap(),
    );
    let res = app
        .put_json_bearer(
            &format!("/api/v1/users/{id}"),
            token,
            &json!({"first_name": "Jaya", "email": "hacker@evil.com"}).to_string(),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["first_name"], "Jaya");
    assert_eq!(res.json()["email"], "junioragent@test.com");
    let me = app.get_bearer("/api/v1/users/me", token).await.json();
    assert_eq!(me["user"]["first_name"], "Jaya");
    assert_eq!(me["first_name"], "Jaya");
    assert_eq!(me["permissions"].as_array().unwrap().len(), 7);
}

#[sqlx::test(migrations = "../migrations")]
async fn deactivation_ends_sessions_at_once_and_blocks_sign_in(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let admin = app.login(SUPER, PASSWORD).await;
    let admin_token = admin["access_token"].as_str().unwrap();
    let victim = app.login(JUNIOR, PASSWORD).await;
    let victim_id = victim["user"]["user_id"].as_str().unwrap();

    let own = app
        .delete_bearer(
            &format!(
                "/api/v1/users/{}",
                admin["user"]["user_id"].as_str().unwrap()
            ),
            admin_token,
        )
        .await;
    assert_eq!(own.status, StatusCode::BAD_REQUEST);
    assert_eq!(own.json()["detail"], "Cannot deactivate your own account");

    let res = app
        .delete_bearer(&format!("/api/v1/users/{victim_id}"), admin_token)
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["message"], "User deactivated successfully");
    let call = app
        .get_bearer(
            "/api/v1/auth/sessions",
            victim["access_token"].as_str().unwrap(),
        )
        .await;
    assert_eq!(call.status, StatusCode::UNAUTHORIZED);
    let login = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"phone_number": JUNIOR, "password": PASSWORD}).to_string(),
        )
        .await;
    assert_eq!(login.status, StatusCode::FORBIDDEN);

    let back = app
        .send_bearer(
            http::Method::POST,
            &format!("/api/v1/users/{victim_id}/reactivate"),
            admin_token,
            "application/json",
            String::new(),
        )
        .await;
    assert_eq!(back.status, StatusCode::OK);
    app.login(JUNIOR, PASSWORD).await;
    let events: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_events WHERE event_type IN ('user.deactivated', 'user.reactivated')")
        .fetch_one(&app.pool).await.unwrap();
    assert_eq!(events, 2);
}

#[sqlx::test(migrations = "../migrations")]
async fn preferences_change_only_the_keys_sent(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let me = app.login(JUNIOR, PASSWORD).await;
    let (token, id) = (
        me["access_token"].as_str().unwrap(),
        me["user"]["user_id"].as_str().unwrap(),
    );
    let path = format!("/api/v1/users/{id}/preferences");
    let res = app
        .put_json_bearer(
            &path,
            token,
            &json!({"language_preference": "hi", "notification_preferences": {"sms": false}})
                .to_string(),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let prefs = app.get_bearer(&path, token).await.json();
    assert_eq!(prefs["language_preference"], "hi");
    assert_eq!(prefs["timezone"], "Asia/Kolkata");
    assert_eq!(prefs["notification_preferences"]["sms"], false);
    assert_eq!(prefs["notification_preferences"]["email"], true);
    let bad = app
        .put_json_bearer(&path, token, &json!({"timezone": "Mars/Base"}).to_string())
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Another user's preferences are not theirs to read.
    let other = app
        .get_bearer(
            "/api/v1/users/550e8400-e29b-41d4-a716-446655440003/preferences",
            token,
        )
        .await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
}

#[sqlx::test(migrations = "../migrations")]
async fn roles_are_granted_within_the_grantors_rank(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let pa = token(&app, PROVIDER_ADMIN).await;
    let sa = token(&app, SUPER).await;
    let junior_id = "550e8400-e29b-41d4-a716-446655440004";
    let grant = |role: &str| json!({"user_id": junior_id, "role_name": role}).to_string();
    let too_high = app
        .send_bearer(
            http::Method::POST,
            "/api/v1/rbac/users/assign-role",
            &pa,
            "application/json",
            grant("super_admin"),
        )
        .await;
    assert_eq!(too_high.status, StatusCode::FORBIDDEN);
    let ok = app
        .send_bearer(
            http::Method::POST,
            "/api/v1/rbac/users/assign-role",
            &sa,
            "application/json",
            grant("regional_manager"),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
    // The new grants apply on the next request, without signing in again.
    let junior = app.login(JUNIOR, PASSWORD).await;
    assert_eq!(
        junior["permissions"].as_array().unwrap().len(),
        7 + 14,
        "junior ∪ regional manager grants"
    );
    let roles = app
        .get_bearer(&format!("/api/v1/rbac/users/{junior_id}/roles"), &sa)
        .await
        .json();
    assert_eq!(roles["roles"], json!(["junior_agent", "regional_manager"]));
    let removed = app
        .send_bearer(
            http::Method::POST,
            "/api/v1/rbac/users/remove-role",
            &sa,
            "application/json",
            grant("regional_manager"),
        )
        .await;
    assert_eq!(removed.status, StatusCode::OK);
    let again = app
        .send_bearer(
            http::Method::POST,
            "/api/v1/rbac/users/remove-role",
            &sa,
            "application/json",
            grant("regional_manager"),
        )
        .await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert_eq!(again.json()["detail"], "Failed to remove role");
}

#[sqlx::test(migrations = "../migrations")]
async fn rbac_reads_list_the_compiled_catalogue(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let sa = token(&app, SUPER).await;
    let roles = app.get_bearer("/api/v1/rbac/roles", &sa).await.json();
    assert_eq!(roles.as_array().unwrap().len(), 10);
    let perms = app.get_bearer("/api/v1/rbac/permissions", &sa).await.json();
    assert_eq!(perms.as_array().unwrap().len(), 62);
    let pa = token(&app, PROVIDER_ADMIN).await;
    let refused = app.get_bearer("/api/v1/rbac/roles", &pa).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.json()["detail"]
        .as_str()
        .unwrap()
        .contains("system.admin required"));
}

#[sqlx::test(migrations = "../migrations")]
async fn a_provider_admin_cannot_grant_its_own_rank_or_touch_someone_ranked_higher(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let pa = token(&app, PROVIDER_ADMIN).await;
    let sa = token(&app, SUPER).await;
    let junior_id = "550e8400-e29b-41d4-a716-446655440004";
    let grant = |role: &str| json!({"user_id": junior_id, "role_name": role}).to_string();
    let same_rank = app
        .send_bearer(
            http::Method::POST,
            "/api/v1/rbac/users/assign-role",
            &pa,
            "application/json",
            grant("insurance_provider_admin"),
        )
        .await;
    assert_eq!(same_rank.status, StatusCode::FORBIDDEN);
    // An extra super-admin role makes the junior agent untouchable for the provider admin.
    let promoted = app
        .send_bearer(
            http::Method::POST,
            "/api/v1/rbac/users/assign-role",
            &sa,
            "application/json",
            grant("super_admin"),
        )
        .await;
    assert_eq!(promoted.status, StatusCode::OK);
    let edit = app
        .put_json_bearer(
            &format!("/api/v1/users/{junior_id}"),
            &pa,
            &json!({"phone_number": "9876500099"}).to_string(),
        )
        .await;
    assert_eq!(edit.status, StatusCode::FORBIDDEN);
    let strip = app
        .send_bearer(
            http::Method::POST,
            "/api/v1/rbac/users/remove-role",
            &pa,
            "application/json",
            grant("super_admin"),
        )
        .await;
    assert_eq!(strip.status, StatusCode::FORBIDDEN);
}

#[sqlx::test(migrations = "../migrations")]
async fn removing_the_last_identifier_is_a_field_error_not_a_crash(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let sa = token(&app, SUPER).await;
    let res = app
        .put_json_bearer(
            "/api/v1/users/550e8400-e29b-41d4-a716-446655440004",
            &sa,
            &json!({"phone_number": "", "email": ""}).to_string(),
        )
        .await;
    assert_eq!(
        res.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        res.text()
    );
}
