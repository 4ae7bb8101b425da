//! Errors speak the caller's language: the `am_lang` cookie (the browser), else
//! `Accept-Language` (the mobile app), else English. The JSON shape stays the same.

use crate::helpers::TestApp;
use axum::body::Body;
use http::{header, Request, StatusCode};
use sqlx::PgPool;

async fn login_with(app: &TestApp, body: &str, headers: &[(&str, &str)]) -> serde_json::Value {
    let mut request = Request::post("/api/v1/auth/login")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT, "application/json");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let res = app
        .send(request.body(Body::from(body.to_owned())).unwrap())
        .await;
    assert!(
        res.status.is_client_error(),
        "{} {}",
        res.status,
        res.text()
    );
    res.json()
}

const BAD_PHONE: &str = r#"{"phone_number": "12345", "password": "x"}"#;

#[sqlx::test(migrations = "../migrations")]
async fn field_errors_follow_accept_language(pool: PgPool) {
    let app = TestApp::new(pool);
    let hindi = login_with(&app, BAD_PHONE, &[("accept-language", "hi-IN,hi;q=0.9")]).await;
    assert_eq!(hindi["kind"], "invalid");
    assert_eq!(hindi["detail"], "कृपया चिह्नित फ़ील्ड ठीक करें।");
    assert_eq!(
        hindi["fields"]["phone_number"][0],
        "कृपया 10 अंकों का सही मोबाइल नंबर दर्ज करें"
    );
    let english = login_with(&app, BAD_PHONE, &[]).await;
    assert_eq!(english["detail"], "Please fix the highlighted fields.");
    assert_eq!(
        english["fields"]["phone_number"][0],
        "Please enter a valid 10-digit phone number"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn the_language_cookie_beats_accept_language(pool: PgPool) {
    let app = TestApp::new(pool);
    let chosen = login_with(
        &app,
        BAD_PHONE,
        &[("cookie", "am_lang=hi"), ("accept-language", "en-GB")],
    )
    .await;
    assert_eq!(
        chosen["fields"]["phone_number"][0],
        "कृपया 10 अंकों का सही मोबाइल नंबर दर्ज करें"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn a_refused_sign_in_is_in_hindi_too_and_the_same_for_unknown_accounts(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let hi = [("accept-language", "hi")];
    let wrong = login_with(
        &app,
        &serde_json::json!({"phone_number": crate::demo::Demo::Agent.phone(), "password": "not-it-at-all"})
            .to_string(),
        &hi,
    )
    .await;
    let unknown = login_with(
        &app,
        r#"{"phone_number": "9000000999", "password": "not-it-at-all"}"#,
        &hi,
    )
    .await;
    assert_eq!(wrong["detail"], "गलत लॉगिन जानकारी");
    assert_eq!(wrong, unknown);
}

#[sqlx::test(migrations = "../migrations")]
async fn the_page_language_follows_the_same_rule(pool: PgPool) {
    let app = TestApp::new(pool);
    let page = app
        .get_with("/login", &[("accept-language", "hi-IN")])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text().contains(r#"<html lang="hi""#),
        "{}",
        &page.text()[..200]
    );
    let chosen = app
        .get_with(
            "/login",
            &[("accept-language", "hi-IN"), ("cookie", "am_lang=en")],
        )
        .await;
    assert!(chosen.text().contains(r#"<html lang="en""#));
}
