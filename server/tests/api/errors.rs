use crate::helpers::TestApp;
use http::StatusCode;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn malformed_json_gets_a_400_with_the_error_body(pool: PgPool) {
    let app = TestApp::new(pool);
    let res = app.post_json("/api/v1/system/status", "{not json").await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.text());
    assert!(res
        .header("content-type")
        .unwrap()
        .starts_with("application/json"));
    let json = res.json();
    assert_eq!(json["kind"], "bad_request");
    assert!(
        json["detail"]
            .as_str()
            .unwrap()
            .starts_with("Malformed request"),
        "{json}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn unknown_api_paths_answer_json_404(pool: PgPool) {
    let app = TestApp::new(pool);
    let res = app.get("/api/v1/no-such-thing").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(
        res.json(),
        serde_json::json!({"kind": "not_found", "detail": "No such endpoint"})
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn every_response_carries_a_request_id_and_keeps_a_given_one(pool: PgPool) {
    let app = TestApp::new(pool);
    let fresh = app.get("/health").await;
    let id = fresh.header("x-request-id").expect("request id");
    assert_eq!(id.len(), 36, "a UUID: {id}");

    let given = app
        .get_with("/health", &[("x-request-id", "trace-me-123")])
        .await;
    assert_eq!(given.header("x-request-id"), Some("trace-me-123"));
}

#[sqlx::test(migrations = "../migrations")]
async fn security_headers_are_on_every_response_and_api_is_not_cached(pool: PgPool) {
    let app = TestApp::new(pool);
    let res = app.get("/api/v1/health").await;
    assert_eq!(res.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(res.header("x-frame-options"), Some("DENY"));
    assert_eq!(res.header("cache-control"), Some("no-store"));
    let csp = res.header("content-security-policy").unwrap();
    assert!(csp.contains("script-src 'self' 'nonce-"), "{csp}");
    assert!(
        !csp.contains(" 'unsafe-eval'"),
        "only wasm-unsafe-eval is allowed: {csp}"
    );
    assert!(!csp.contains("script-src 'self' 'unsafe-inline'"), "{csp}");
}

#[sqlx::test(migrations = "../migrations")]
async fn cookie_writes_from_another_site_are_refused(pool: PgPool) {
    let app = TestApp::new(pool);
    let post = |origin: &'static str, site: &'static str| {
        axum::http::Request::post("/api/ui/auth/logout")
            .header("cookie", "am_session=whatever")
            .header("origin", origin)
            .header("host", "127.0.0.1:8012")
            .header("sec-fetch-site", site)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(axum::body::Body::empty())
            .unwrap()
    };
    let evil = app.send(post("https://evil.example", "cross-site")).await;
    assert_eq!(evil.status, StatusCode::FORBIDDEN);
    assert_eq!(evil.json()["detail"], "Cross-site request refused");
    let same = app.send(post("http://127.0.0.1:8012", "same-origin")).await;
    assert_ne!(same.status, StatusCode::FORBIDDEN);
}
