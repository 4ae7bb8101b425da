//! Phone OTP through the real router, reading codes from the SMS outbox.

use crate::helpers::TestApp;
use http::StatusCode;
use serde_json::json;
use sqlx::PgPool;

const NEW_PHONE: &str = "9876543212";

#[sqlx::test(migrations = "../migrations")]
async fn a_new_phone_verifies_once_and_becomes_a_policyholder(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let sent = app
        .post_json(
            "/api/v1/auth/send-otp",
            &json!({"phone_number": NEW_PHONE}).to_string(),
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK, "{}", sent.text());
    assert_eq!(sent.json()["data"]["expires_in"], 300);
    let code = app.outbox_code("+919876543212").await;

    let ok = app
        .post_json(
            "/api/v1/auth/verify-otp",
            &json!({"phone_number": NEW_PHONE, "otp": code}).to_string(),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
    assert_eq!(ok.json()["user"]["role"], "policyholder");
    assert_eq!(ok.json()["user"]["phone_verified"], true);

    // Single use.
    let again = app
        .post_json(
            "/api/v1/auth/verify-otp",
            &json!({"phone_number": NEW_PHONE, "otp": code}).to_string(),
        )
        .await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED);
    assert_eq!(again.json()["detail"], "Invalid or expired OTP");
}

#[sqlx::test(migrations = "../migrations")]
async fn three_wrong_codes_kill_the_code(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    app.post_json(
        "/api/v1/auth/send-otp",
        &json!({"phone_number": NEW_PHONE}).to_string(),
    )
    .await;
    let code = app.outbox_code("+919876543212").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..3 {
        let res = app
            .post_json(
                "/api/v1/auth/verify-otp",
                &json!({"phone_number": NEW_PHONE, "otp": wrong}).to_string(),
            )
            .await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    }
    let right = app
        .post_json(
            "/api/v1/auth/verify-otp",
            &json!({"phone_number": NEW_PHONE, "otp": code}).to_string(),
        )
        .await;
    assert_eq!(
        right.status,
        StatusCode::UNAUTHORIZED,
        "the right code is dead after 3 misses"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_resend_voids_the_old_code_and_sends_are_limited(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let body = json!({"phone_number": NEW_PHONE}).to_string();
    let send = || app.post_json("/api/v1/auth/send-otp", &body);
    assert_eq!(send().await.status, StatusCode::OK);
    let old = app.outbox_code("+919876543212").await;

    // Inside the 30 s cooldown.
    let early = send().await;
    assert_eq!(early.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(early.json()["retry_after"].as_u64().unwrap() <= 30);

    // After the cooldown a new code replaces the old one.
    app.end_otp_cooldown().await;
    assert_eq!(send().await.status, StatusCode::OK);
    let new = app.outbox_code("+919876543212").await;
    if old != new {
        let res = app
            .post_json(
                "/api/v1/auth/verify-otp",
                &json!({"phone_number": NEW_PHONE, "otp": old}).to_string(),
            )
            .await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED, "the old code is void");
    }
    // Five sends an hour.
    for _ in 0..3 {
        app.end_otp_cooldown().await;
        assert_eq!(send().await.status, StatusCode::OK);
    }
    app.end_otp_cooldown().await;
    assert_eq!(
        send().await.status,
        StatusCode::TOO_MANY_REQUESTS,
        "the sixth send in an hour"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn send_otp_answers_alike_for_known_and_unknown_phones(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let known = app
        .post_json("/api/v1/auth/send-otp", r#"{"phone_number":"9876543204"}"#)
        .await;
    let unknown = app
        .post_json("/api/v1/auth/send-otp", r#"{"phone_number":"9123456780"}"#)
        .await;
    assert_eq!(known.status, unknown.status);
    let strip = |mut v: serde_json::Value| {
        v["data"]["phone_number"] = json!(null);
        v
    };
    assert_eq!(strip(known.json()), strip(unknown.json()));
}

#[sqlx::test(migrations = "../migrations")]
async fn codes_are_stored_hashed(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    app.post_json(
        "/api/v1/auth/send-otp",
        &json!({"phone_number": NEW_PHONE}).to_string(),
    )
    .await;
    let code = app.outbox_code("+919876543212").await;
    let stored: String = sqlx::query_scalar("SELECT code_hash FROM otp_codes")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored.len(), 64);
    assert!(!stored.contains(&code));
}

#[sqlx::test(migrations = "../migrations")]
async fn verification_attempts_are_capped_per_phone(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    // Fixed 15-minute windows: loop until refused, and check ten got through first.
    let body = json!({"phone_number": NEW_PHONE, "otp": "000000"}).to_string();
    let mut refused_at = None;
    for i in 0..25 {
        if app.post_json("/api/v1/auth/verify-otp", &body).await.status
            == StatusCode::TOO_MANY_REQUESTS
        {
            refused_at = Some(i);
            break;
        }
    }
    assert!(refused_at.expect("verifications are capped") >= 10);
}
