use crate::helpers::TestApp;
use http::StatusCode;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn the_openapi_document_lists_every_catalogued_endpoint(pool: PgPool) {
    let app = TestApp::new(pool);
    let doc = app.get("/api/v1/openapi.json").await.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for endpoint in app::catalog::endpoints().filter(|e| e.docs) {
        let method = endpoint.verb.as_str().to_lowercase();
        assert!(
            doc["paths"][endpoint.path][&method].is_object(),
            "{} {} missing from openapi.json",
            endpoint.verb.as_str(),
            endpoint.path
        );
    }
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    assert!(doc["paths"]["/api/v1/auth/sessions"]["get"]["security"].is_array());
    assert!(
        doc["paths"].get("/api/ui/auth/login").is_none(),
        "web-UI functions are not the mobile API"
    );
}

/// Every catalogue entry is actually routed: the router does not answer
/// "No such endpoint" for it.
#[sqlx::test(migrations = "../migrations")]
async fn every_catalogued_endpoint_is_routed(pool: PgPool) {
    let app = TestApp::new(pool);
    for endpoint in app::catalog::endpoints() {
        let path = endpoint.path.replace("{", "").replace("}", "");
        let request = axum::http::Request::builder()
            .method(endpoint.verb.as_str())
            .uri(&path)
            .header("content-type", "application/json")
            .header("accept", "application/json")
            .body(axum::body::Body::from("{}"))
            .unwrap();
        let res = app.send(request).await;
        assert_ne!(res.status, StatusCode::METHOD_NOT_ALLOWED, "{path}");
        let unrouted =
            res.status == StatusCode::NOT_FOUND && res.text().contains("No such endpoint");
        assert!(
            !unrouted,
            "{} {path} is catalogued but not routed",
            endpoint.verb.as_str()
        );
    }
}

/// The other direction: every server function has a catalogue entry, so none can ship
/// undocumented or escape the permission matrix.
#[sqlx::test(migrations = "../migrations")]
async fn every_api_server_function_is_catalogued(pool: PgPool) {
    let _app = TestApp::new(pool);
    let catalogued: Vec<(String, String)> = app::catalog::endpoints()
        .map(|e| (e.verb.as_str().to_owned(), e.path.to_owned()))
        .collect();
    let mut seen = 0;
    for (path, method) in server_fn::axum::server_fn_paths() {
        if !path.starts_with("/api/") {
            continue;
        }
        seen += 1;
        let key = (method.as_str().to_owned(), path.to_owned());
        assert!(
            catalogued.contains(&key),
            "server function {method} {path} is not in app::catalog"
        );
    }
    assert!(seen >= 2, "server functions are registered");
}

#[sqlx::test(migrations = "../migrations")]
async fn the_docs_page_uses_only_our_own_assets(pool: PgPool) {
    let app = TestApp::new(pool);
    let res = app.get("/docs").await;
    assert_eq!(res.status, StatusCode::OK);
    let html = res.text();
    assert!(html.contains("/vendor/swagger-ui/swagger-ui-bundle.js"));
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no CDN: {html}"
    );
}
