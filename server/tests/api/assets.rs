//! What a phone downloads: `/pkg` files precompressed and, under content-hashed
//! names, cached for a year; HTML and JSON compressed on the fly; and the WASM only
//! on pages that have islands.

use crate::helpers::TestApp;
use sqlx::PgPool;

const WASM: &[u8] = b"\0asm pretend module";

/// An app whose site root holds one `/pkg` file and its brotli and gzip copies.
fn app_with_pkg(pool: PgPool, hashed: bool) -> TestApp {
    let root = std::env::temp_dir()
        .join("agent-mitra-test-site")
        .join(uuid::Uuid::new_v4().to_string());
    let pkg = root.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(pkg.join("agent-mitra.0123abcd.wasm"), WASM).unwrap();
    std::fs::write(pkg.join("agent-mitra.0123abcd.wasm.br"), b"brotli bytes").unwrap();
    std::fs::write(pkg.join("agent-mitra.0123abcd.wasm.gz"), b"gzip bytes").unwrap();
    std::fs::create_dir_all(root.join("fonts")).unwrap();
    std::fs::write(root.join("fonts/hindi.v1.woff2"), b"wOF2").unwrap();
    std::fs::create_dir_all(root.join("img")).unwrap();
    std::fs::write(root.join("img/logo.v1.svg"), b"<svg/>").unwrap();
    let mut state = server::startup::test_state(pool.clone());
    state.leptos_options.site_root = root.to_string_lossy().as_ref().into();
    state.leptos_options.hash_files = hashed;
    TestApp::with_state(pool, state)
}

#[sqlx::test(migrations = "../migrations")]
async fn pkg_files_go_out_precompressed_and_hashed_names_are_immutable(pool: PgPool) {
    let app = app_with_pkg(pool, true);
    let path = "/pkg/agent-mitra.0123abcd.wasm";
    let br = app
        .get_with(path, &[("accept-encoding", "gzip, deflate, br")])
        .await;
    assert_eq!(br.status, 200);
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert_eq!(&br.body[..], b"brotli bytes");
    assert_eq!(br.header("content-type"), Some("application/wasm"));
    assert_eq!(
        br.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let gz = app.get_with(path, &[("accept-encoding", "gzip")]).await;
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert_eq!(&gz.body[..], b"gzip bytes");
    let plain = app.get_with(path, &[]).await;
    assert_eq!(plain.header("content-encoding"), None);
    assert_eq!(&plain.body[..], WASM);
    let missing = app.get_with("/pkg/agent-mitra.ffff.wasm", &[]).await;
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("cache-control"),
        None,
        "a 404 must not be cached"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn unhashed_names_are_revalidated_and_versioned_fonts_and_images_are_not(pool: PgPool) {
    let app = app_with_pkg(pool, false);
    let res = app.get("/pkg/agent-mitra.0123abcd.wasm").await;
    assert_eq!(res.status, 200);
    assert_eq!(res.header("cache-control"), Some("no-cache"));
    for path in ["/fonts/hindi.v1.woff2", "/img/logo.v1.svg"] {
        let file = app.get(path).await;
        assert_eq!(file.status, 200, "{path}: {:?}", file.headers);
        assert_eq!(
            file.header("cache-control"),
            Some("public, max-age=31536000, immutable"),
            "{path}: {:?}",
            file.headers
        );
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn pages_and_json_are_compressed_on_the_fly(pool: PgPool) {
    let app = TestApp::new(pool);
    let page = app.get_with("/login", &[("accept-encoding", "br")]).await;
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-encoding"), Some("br"));
    let json = app
        .get_with("/api/v1/openapi.json", &[("accept-encoding", "gzip")])
        .await;
    assert_eq!(json.header("content-encoding"), Some("gzip"));
    let identity = app.get("/login").await;
    assert_eq!(identity.header("content-encoding"), None);
    assert!(identity.text().contains("<html"));
}

/// Islands: only pages with interactive parts load the WASM; the rest are complete
/// HTML whose forms post (the login page's 120 KB budget is met by shipping none).
#[sqlx::test(migrations = "../migrations")]
async fn only_pages_with_islands_load_the_wasm(pool: PgPool) {
    let app = TestApp::new(pool);
    for path in ["/", "/login", "/login?method=otp", "/me", "/admin/users"] {
        let html = app.get(path).await.text();
        assert!(
            !html.contains(".wasm") && !html.contains("agent-mitra.js"),
            "{path} loads the WASM"
        );
        assert!(!html.contains("data-islands"), "{path}");
    }
    for path in ["/status", "/login/otp?phone=9876543210"] {
        let html = app.get(path).await.text();
        assert!(html.contains("data-islands=\"true\""), "{path}");
        assert!(html.contains(".wasm"), "{path} lacks the WASM");
        assert!(html.contains("<leptos-island"), "{path} has no island");
    }
    for (path, expected) in [
        ("/", false),
        ("/login", false),
        ("/status", true),
        ("/login/otp", true),
        ("/agent", true),
        ("/agent/presentations", false),
        ("/agent/presentations/x", true),
        ("/a/AGENT001", true),
        ("/admin/users", false),
        ("/agent/import", false),
        ("/agent/import/x", true),
        ("/agent/renewals", false),
        ("/agent/renewals/run/x", true),
        ("/policies/x", false),
        ("/my/policies", true),
    ] {
        assert_eq!(app::page_has_islands(path), expected, "{path}");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn the_favicon_is_the_logo(pool: PgPool) {
    let app = app_with_pkg(pool, true);
    let res = app.get("/favicon.ico").await;
    assert_eq!(res.status, 308);
    assert_eq!(res.header("location"), Some("/img/logo.v1.svg"));
    let logo = app.get("/img/logo.v1.svg").await;
    assert_eq!(logo.status, 200);
}
