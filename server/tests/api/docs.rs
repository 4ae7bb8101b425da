use crate::helpers::TestApp;
use app::catalog::Verb;
use http::StatusCode;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn the_openapi_document_lists_every_catalogued_endpoint(pool: PgPool) {
    let app = TestApp::new(pool);
    let doc = app.get("/api/v1/openapi.json").await.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for endpoint in server::startup::catalogue().into_iter().filter(|e| e.docs) {
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

/// The one registration changed how the document is made, not what it says: the
/// same 51 operations as before it.
#[sqlx::test(migrations = "../migrations")]
async fn the_openapi_document_lists_the_same_operations_as_before(pool: PgPool) {
    let app = TestApp::new(pool);
    let doc = app.get("/api/v1/openapi.json").await.json();
    let mut documented: Vec<String> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(move |verb| format!("{} {path}", verb.to_uppercase()))
        })
        .collect();
    documented.sort();
    let mut before: Vec<String> = include_str!("openapi_operations.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_owned)
        .collect();
    before.sort();
    assert_eq!(documented, before);
}

/// Every path parameter is declared, and every operation documents its success
/// status and the errors a client must handle.
#[sqlx::test(migrations = "../migrations")]
async fn operations_declare_their_parameters_and_statuses(pool: PgPool) {
    let app = TestApp::new(pool);
    let doc = app.get("/api/v1/openapi.json").await.json();
    for (path, item) in doc["paths"].as_object().unwrap() {
        let placeholders: Vec<&str> = path
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .collect();
        for (verb, op) in item.as_object().unwrap() {
            let declared: Vec<&str> = op["parameters"]
                .as_array()
                .map(|ps| {
                    ps.iter()
                        .filter(|p| p["in"] == "path")
                        .map(|p| p["name"].as_str().unwrap())
                        .collect()
                })
                .unwrap_or_default();
            assert_eq!(declared, placeholders, "{verb} {path}: path parameters");
            let responses = op["responses"].as_object().unwrap();
            assert!(responses.contains_key("400"), "{verb} {path}: 400");
            if op.get("security").is_some() {
                assert!(responses.contains_key("401") && responses.contains_key("403"));
            }
        }
    }
    let delete = &doc["paths"]["/api/v1/presentations/templates/{template_id}"]["delete"];
    assert!(delete["responses"]["204"].is_object(), "204 is documented");
    let permissions = &doc["paths"]["/api/v1/rbac/permissions"]["get"]["responses"]["200"];
    assert_eq!(
        permissions["content"]["application/json"]["schema"]["type"], "array",
        "a list is documented as an array"
    );
}

/// Walks the built router: every `/api` route it answers must be catalogued, so none
/// escapes the docs, the gate or the permission matrix.
#[sqlx::test(migrations = "../migrations")]
async fn the_router_has_no_uncatalogued_api_route(pool: PgPool) {
    let app = TestApp::new(pool);
    // axum's `Debug` for a router lists its route paths.
    let listing = format!("{:?}", app.router);
    let mut paths: Vec<&str> = listing
        .split('"')
        .filter(|s| s.starts_with("/api/") && *s != "/api/{*rest}")
        .collect();
    paths.sort_unstable();
    paths.dedup();
    assert!(paths.len() >= 40, "the walk found the routes: {paths:?}");
    let catalogue = server::startup::catalogue();
    for path in paths {
        for verb in [Verb::Get, Verb::Post, Verb::Put, Verb::Delete] {
            let uri = path.replace("{", "").replace("}", "");
            let res = app
                .send(
                    axum::http::Request::builder()
                        .method(verb.method())
                        .uri(&uri)
                        .header("content-type", "application/json")
                        .body(axum::body::Body::from("{}"))
                        .unwrap(),
                )
                .await;
            let unrouted = res.status == StatusCode::METHOD_NOT_ALLOWED
                || (res.status == StatusCode::NOT_FOUND && res.text().contains("No such endpoint"));
            if unrouted {
                continue;
            }
            assert!(
                catalogue.iter().any(|e| e.verb == verb && e.path == path),
                "{} {path} is routed but not catalogued",
                verb.as_str()
            );
        }
    }
}

/// Every catalogue entry is actually routed: the router does not answer
/// "No such endpoint" for it.
#[sqlx::test(migrations = "../migrations")]
async fn every_catalogued_endpoint_is_routed(pool: PgPool) {
    let app = TestApp::new(pool);
    for endpoint in server::startup::catalogue().into_iter() {
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
    let catalogued: Vec<(String, String)> = server::startup::catalogue()
        .into_iter()
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
