//! Sign-in, tokens, sessions and the attacks against them, through the real router.

use crate::helpers::{TestApp, PASSWORD};
use http::StatusCode;
use serde_json::json;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn the_mobile_flow_login_refresh_call_logout_works(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    // Login (phone without +91, as people type it).
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"phone_number": "9876543204", "password": PASSWORD}).to_string(),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let tokens = res.json();
    assert_eq!(tokens["token_type"], "bearer");
    assert_eq!(tokens["expires_in"], 900);
    assert_eq!(tokens["user"]["role"], "junior_agent");
    assert_eq!(tokens["permissions"].as_array().unwrap().len(), 7);

    // Call.
    let access = tokens["access_token"].as_str().unwrap();
    let sessions = app.get_bearer("/api/v1/auth/sessions", access).await;
    assert_eq!(sessions.status, StatusCode::OK);
    assert_eq!(sessions.json()[0]["current"], true);

    // Refresh rotates.
    let refresh = tokens["refresh_token"].as_str().unwrap();
    let renewed = app
        .post_json(
            "/api/v1/auth/refresh",
            &json!({"refresh_token": refresh}).to_string(),
        )
        .await;
    assert_eq!(renewed.status, StatusCode::OK);
    let renewed = renewed.json();
    assert_ne!(renewed["refresh_token"], tokens["refresh_token"]);
    let new_access = renewed["access_token"].as_str().unwrap();

    // Logout ends the session: both access tokens die at once.
    let out = app.post_bearer("/api/v1/auth/logout", new_access).await;
    assert_eq!(out.status, StatusCode::OK);
    assert_eq!(out.json()["message"], "Successfully logged out");
    for token in [access, new_access] {
        let res = app.get_bearer("/api/v1/auth/sessions", token).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        assert_eq!(res.json()["detail"], "Invalid or expired token");
    }
    // Logging out again still answers 200.
    assert_eq!(
        app.post_bearer("/api/v1/auth/logout", new_access)
            .await
            .status,
        StatusCode::OK
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn unknown_users_and_wrong_passwords_get_the_same_answer(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let unknown = app
        .post_json(
            "/api/v1/auth/login",
            r#"{"phone_number":"9123456789","password":"whatever1"}"#,
        )
        .await;
    let wrong = app
        .post_json(
            "/api/v1/auth/login",
            r#"{"phone_number":"9876543204","password":"whatever1"}"#,
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown.status, wrong.status);
    assert_eq!(unknown.json(), wrong.json());
    assert_eq!(wrong.json()["detail"], "Invalid credentials");
}

#[sqlx::test(migrations = "../migrations")]
async fn agent_code_login_is_case_insensitive_and_needs_the_password(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let ok = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"agent_code": "agent001", "password": "password123"}).to_string(),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
    assert!(ok.json()["user"]["agent_id"].is_string());
    let no_password = app
        .post_json("/api/v1/auth/login", r#"{"agent_code":"AGENT001"}"#)
        .await;
    assert_eq!(no_password.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        no_password.json()["fields"]["password"][0],
        "Password is required"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn email_login_works_too(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let res = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"email": "SuperAdmin@Test.com", "password": PASSWORD}).to_string(),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["permissions"].as_array().unwrap().len(), 62);
}

#[sqlx::test(migrations = "../migrations")]
async fn five_wrong_passwords_lock_the_account_even_for_the_right_one(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let body = |pw: &str| json!({"phone_number": "+919876543203", "password": pw}).to_string();
    for _ in 0..5 {
        assert_eq!(
            app.post_json("/api/v1/auth/login", &body("nope-nope"))
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
    }
    let locked = app.post_json("/api/v1/auth/login", &body(PASSWORD)).await;
    assert_eq!(locked.status, StatusCode::LOCKED);
    assert_eq!(
        locked.json()["detail"],
        "Account temporarily locked. Try again later."
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn logins_are_capped_per_ip_per_minute_with_retry_after(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    // Fixed one-minute windows: if a window ends mid-loop the count restarts, so
    // loop until refused and check that at least ten got through first.
    let mut refused = None;
    for i in 0..25 {
        // Different identifiers, so the lockout is not what stops them.
        let body =
            json!({"phone_number": format!("98765400{i:02}"), "password": "nope-nope"}).to_string();
        let res = app.post_json("/api/v1/auth/login", &body).await;
        if res.status == StatusCode::TOO_MANY_REQUESTS {
            refused = Some((i, res));
            break;
        }
    }
    let (attempt, res) = refused.expect("logins are capped");
    assert!(
        attempt >= 10,
        "the 11th login in a minute is the first refused, not the {}th",
        attempt + 1
    );
    assert!(res.header("retry-after").unwrap().parse::<u64>().unwrap() >= 1);
    assert_eq!(res.json()["kind"], "rate_limited");
    assert_eq!(
        res.json()["detail"],
        "Rate limit exceeded. Please try again later."
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_reused_refresh_token_revokes_the_whole_session(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let tokens = app.login("+919876543204", PASSWORD).await;
    let first = tokens["refresh_token"].as_str().unwrap().to_owned();
    let rotated = app
        .post_json(
            "/api/v1/auth/refresh",
            &json!({"refresh_token": first}).to_string(),
        )
        .await
        .json();
    // Outside the grace window, the old token is theft: simulate by ending the window.
    sqlx::query("UPDATE user_sessions SET rotated_at = now() - interval '1 minute'")
        .execute(&app.pool)
        .await
        .unwrap();
    let reuse = app
        .post_json(
            "/api/v1/auth/refresh",
            &json!({"refresh_token": first}).to_string(),
        )
        .await;
    assert_eq!(reuse.status, StatusCode::UNAUTHORIZED);
    // Everything of that session is dead now, including the newest tokens.
    let newest = rotated["refresh_token"].as_str().unwrap();
    assert_eq!(
        app.post_json(
            "/api/v1/auth/refresh",
            &json!({"refresh_token": newest}).to_string()
        )
        .await
        .status,
        StatusCode::UNAUTHORIZED
    );
    let access = rotated["access_token"].as_str().unwrap();
    assert_eq!(
        app.get_bearer("/api/v1/auth/sessions", access).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_concurrent_refresh_inside_the_grace_window_is_not_theft(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let tokens = app.login("+919876543204", PASSWORD).await;
    let first = tokens["refresh_token"].as_str().unwrap().to_owned();
    let a = app
        .post_json(
            "/api/v1/auth/refresh",
            &json!({"refresh_token": first}).to_string(),
        )
        .await;
    let b = app
        .post_json(
            "/api/v1/auth/refresh",
            &json!({"refresh_token": first}).to_string(),
        )
        .await;
    assert_eq!((a.status, b.status), (StatusCode::OK, StatusCode::OK));
    // Both answers carry the same refresh token: the same `jti`. (Its encoding can
    // differ by `iat` when the two calls straddle a second.)
    let keys = app::auth::server::AuthConfig::for_tests().keys;
    let jti = |res: &crate::helpers::TestResponse| {
        let token = res.json()["refresh_token"].as_str().unwrap().to_owned();
        keys.verify(&token, app::auth::server::jwt::TokenType::Refresh)
            .expect("a valid refresh token")
            .jti
    };
    assert_eq!(jti(&a), jti(&b));
}

#[sqlx::test(migrations = "../migrations")]
async fn token_attacks_are_rejected(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let tokens = app.login("+919876543204", PASSWORD).await;
    let refresh = tokens["refresh_token"].as_str().unwrap();
    // A refresh token is not an access token.
    assert_eq!(
        app.get_bearer("/api/v1/auth/sessions", refresh)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    // Garbage, alg none, and a token from another key.
    let parts: Vec<&str> = tokens["access_token"]
        .as_str()
        .unwrap()
        .split('.')
        .collect();
    let none = format!("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{}.", parts[1]);
    let resigned = format!("{}.{}.{}", parts[0], parts[1], "AAAA");
    for bad in ["garbage", none.as_str(), resigned.as_str()] {
        let res = app.get_bearer("/api/v1/auth/sessions", bad).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED, "{bad}");
        assert_eq!(res.header("www-authenticate"), Some("Bearer"));
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn revoking_a_session_kills_its_tokens_and_other_users_sessions_are_not_found(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let phone = app.login("+919876543204", PASSWORD).await;
    let laptop = app.login("+919876543204", PASSWORD).await;
    let other = app.login("+919876543203", PASSWORD).await;
    let phone_access = phone["access_token"].as_str().unwrap();
    let laptop_access = laptop["access_token"].as_str().unwrap();

    let list = app
        .get_bearer("/api/v1/auth/sessions", laptop_access)
        .await
        .json();
    assert_eq!(list.as_array().unwrap().len(), 2);
    let phone_session = list
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["current"] == false)
        .unwrap()["session_id"]
        .as_str()
        .unwrap()
        .to_owned();

    // Someone else's session id is simply not found.
    let other_access = other["access_token"].as_str().unwrap();
    let res = app
        .delete_bearer(
            &format!("/api/v1/auth/sessions/{phone_session}"),
            other_access,
        )
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);

    let res = app
        .delete_bearer(
            &format!("/api/v1/auth/sessions/{phone_session}"),
            laptop_access,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(
        app.get_bearer("/api/v1/auth/sessions", phone_access)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.get_bearer("/api/v1/auth/sessions", laptop_access)
            .await
            .status,
        StatusCode::OK
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let a = app.login("+919876543204", PASSWORD).await;
    let b = app.login("+919876543204", PASSWORD).await;
    let a_access = a["access_token"].as_str().unwrap();
    let b_access = b["access_token"].as_str().unwrap();

    let wrong = app.put_json_bearer("/api/v1/auth/change-password", a_access,
        &json!({"current_password": "nope", "new_password": "a-new-long-secret", "confirm_password": "a-new-long-secret"}).to_string()).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        wrong.json()["fields"]["current_password"][0],
        "Current password is incorrect"
    );

    let common = app.put_json_bearer("/api/v1/auth/change-password", a_access,
        &json!({"current_password": PASSWORD, "new_password": "password123", "confirm_password": "password123"}).to_string()).await;
    assert_eq!(common.status, StatusCode::UNPROCESSABLE_ENTITY);

    let ok = app.put_json_bearer("/api/v1/auth/change-password", a_access,
        &json!({"current_password": PASSWORD, "new_password": "a-new-long-secret", "confirm_password": "a-new-long-secret"}).to_string()).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
    assert_eq!(
        app.get_bearer("/api/v1/auth/sessions", a_access)
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        app.get_bearer("/api/v1/auth/sessions", b_access)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let relogin = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"phone_number": "9876543204", "password": "a-new-long-secret"}).to_string(),
        )
        .await;
    assert_eq!(relogin.status, StatusCode::OK);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_deactivated_user_is_refused_at_once(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let tokens = app.login("+919876543204", PASSWORD).await;
    sqlx::query("UPDATE users SET status = 'deactivated' WHERE phone_number = '+919876543204'")
        .execute(&app.pool)
        .await
        .unwrap();
    let res = app
        .get_bearer(
            "/api/v1/auth/sessions",
            tokens["access_token"].as_str().unwrap(),
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(res.json()["detail"], "User account is not active");
    let login = app
        .post_json(
            "/api/v1/auth/login",
            &json!({"phone_number": "9876543204", "password": PASSWORD}).to_string(),
        )
        .await;
    assert_eq!(login.status, StatusCode::FORBIDDEN);
    assert_eq!(login.json()["detail"], "Account is not active");
}

#[sqlx::test(migrations = "../migrations")]
async fn every_sign_in_attempt_is_audited_without_secrets(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    app.post_json(
        "/api/v1/auth/login",
        r#"{"phone_number":"9876543204","password":"wrong-secret"}"#,
    )
    .await;
    app.login("+919876543204", PASSWORD).await;
    let rows: Vec<(String, bool, serde_json::Value)> =
        sqlx::query_as("SELECT event_type, success, details FROM audit_events WHERE event_type = 'auth.login' ORDER BY created_at")
            .fetch_all(&app.pool).await.unwrap();
    assert_eq!(rows.len(), 2);
    assert!(!rows[0].1 && rows[1].1);
    let all: String = sqlx::query_scalar(
        "SELECT string_agg(details::text || coalesce(error_message, ''), ' ') FROM audit_events",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(!all.contains("wrong-secret") && !all.contains(PASSWORD));
}
