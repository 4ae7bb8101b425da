//! Static assets: `/pkg` (the WASM, its JS and the CSS) served precompressed and,
//! when their names carry a content hash, cached for a year; `/fonts` likewise.
//!
//! `cargo leptos build --release --precompress` writes `x.br` and `x.gz` beside each
//! file and, with `hash-files`, names them `agent-mitra.<hash>.wasm`; `ServeDir` picks
//! the encoding the browser accepts. A name without a hash (a debug build, the HTTP
//! tests) may change content under the same name, so it must be revalidated.

use axum::{
    http::{header, HeaderValue, StatusCode},
    middleware::map_response,
    response::Response,
    Router,
};
use leptos::config::LeptosOptions;
use std::path::Path;
use tower_http::services::ServeDir;

/// A year, and `immutable`: a hashed name never changes content.
const HASHED: &str = "public, max-age=31536000, immutable";
/// Unhashed names: the browser keeps the file but asks each time (a 304 is cheap).
const UNHASHED: &str = "no-cache";

/// The `/pkg` service for this build (mounted with `nest_service`).
pub fn pkg(options: &LeptosOptions) -> Router {
    let dir = Path::new(options.site_root.as_ref()).join(options.site_pkg_dir.as_ref());
    files(&dir, options.hash_files)
}

/// `/fonts`: their names carry a version (`….v1.woff2`), so they never change content.
pub fn fonts(options: &LeptosOptions) -> Router {
    files(&Path::new(options.site_root.as_ref()).join("fonts"), true)
}

/// `/img`: the logo and icons, versioned in their names like the fonts.
pub fn images(options: &LeptosOptions) -> Router {
    files(&Path::new(options.site_root.as_ref()).join("img"), true)
}

fn files(dir: &Path, versioned: bool) -> Router {
    let files = ServeDir::new(dir).precompressed_br().precompressed_gzip();
    let policy = HeaderValue::from_static(if versioned { HASHED } else { UNHASHED });
    Router::new()
        .fallback_service(files)
        .layer(map_response(move |res| cached(policy.clone(), res)))
}

/// Only a file is cached: a 404 for a name that is not (yet) there must not stick.
async fn cached(policy: HeaderValue, mut res: Response) -> Response {
    if res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED {
        res.headers_mut().insert(header::CACHE_CONTROL, policy);
    }
    res
}

/// Whether the release build's `hash.txt` sits beside the running binary (where
/// Leptos reads it).
pub fn hash_file_present(options: &LeptosOptions) -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())))
        .is_some_and(|path| path.exists())
}
