use crate::helpers::TestApp;
use http::StatusCode;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn liveness_answers_with_the_seed_shape(pool: PgPool) {
    let app = TestApp::new(pool);
    for path in ["/health", "/api/v1/health"] {
        let res = app.get(path).await;
        assert_eq!(res.status, StatusCode::OK, "{path}");
        let json = res.json();
        assert_eq!(json["status"], "healthy");
        assert_eq!(json["service"], "agent-mitra-backend");
        assert_eq!(json["api_version"], "v1");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn database_health_reports_round_trip_and_pool(pool: PgPool) {
    let app = TestApp::new(pool);
    let res = app.get("/api/v1/health/database").await;
    assert_eq!(res.status, StatusCode::OK);
    let json = res.json();
    assert_eq!(json["status"], "healthy");
    assert!(
        json["database"]["connection"]["response_time_ms"]
            .as_f64()
            .unwrap()
            >= 0.0
    );
    assert!(
        json["database"]["pool_stats"]["max_connections"]
            .as_u64()
            .unwrap()
            > 0
    );
    assert!(json["database"]["schema_version"].as_i64().unwrap() > 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn with_the_database_gone_health_says_so_and_liveness_still_answers(pool: PgPool) {
    let app = TestApp::new(pool.clone());
    pool.close().await;

    let db = app.get("/api/v1/health/database").await;
    assert_eq!(db.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(db.json()["status"], "unhealthy");

    let all = app.get("/api/v1/health/comprehensive").await;
    assert_eq!(all.status, StatusCode::OK);
    assert_ne!(all.json()["status"], "healthy");
    assert_eq!(all.json()["database"]["status"], "unhealthy");

    assert_eq!(app.get("/health").await.status, StatusCode::OK);

    let about = app.get("/api/v1/about").await;
    assert_eq!(
        about.status,
        StatusCode::SERVICE_UNAVAILABLE,
        "{}",
        about.text()
    );
    assert_eq!(about.json()["kind"], "unavailable");
}

#[sqlx::test(migrations = "../migrations")]
async fn system_and_comprehensive_health_report_the_host(pool: PgPool) {
    let app = TestApp::new(pool);
    let sys = app.get("/api/v1/health/system").await;
    assert_eq!(sys.status, StatusCode::OK);
    let json = sys.json();
    assert!(json["memory"]["total_bytes"].as_u64().unwrap() > 0);
    assert!(json["cpu"]["cores"].as_u64().unwrap() > 0);
    assert!(json["process_rss_bytes"].as_u64().unwrap() > 0);

    let all = app.get("/api/v1/health/comprehensive").await.json();
    assert_eq!(all["database"]["status"], "healthy");
    assert_eq!(all["environment"], "test");
}

#[sqlx::test(migrations = "../migrations")]
async fn about_is_a_get_server_function_reading_postgres(pool: PgPool) {
    let app = TestApp::new(pool);
    let res = app.get("/api/v1/about").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let json = res.json();
    assert_eq!(json["service"], "agent-mitra-backend");
    assert!(json["schema_version"].as_i64().unwrap() >= 20261126000001);
    assert_eq!(json["docs_url"], "/docs");
}

#[sqlx::test(migrations = "../migrations")]
async fn the_status_server_function_takes_an_empty_json_body(pool: PgPool) {
    let app = TestApp::new(pool);
    let res = app.post_json("/api/v1/system/status", "{}").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["database"]["status"], "healthy");
}
