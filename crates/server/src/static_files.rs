//! Serving the built client (`dist/`) and the content packs (`/content/`).
//!
//! Learners pay for every byte, so caching is the point of this module:
//!
//! - A file whose name carries its content hash (Trunk's `app-<hash>_bg.wasm`, a content pack's
//!   `<sha256>.json`) can never change, so it is `immutable` for a year and the service worker's
//!   precache is filled from the HTTP cache instead of a second download.
//! - `index.html`, the manifest, the service worker and the content catalog name the hashed
//!   files, so they must be revalidated on every online visit: `no-cache`.
//!
//! Bodies are served precompressed: xtask writes `.br` and `.gz` siblings at build time and
//! `ServeDir` picks the best one the browser accepts, so no CPU is spent compressing per request.
//! Any path that is not a file falls back to `index.html`, because the client routes in the
//! browser (`/lesson/…` must load the app, not a 404); below `/teach` it falls back to the
//! teachers' app, `teach/index.html`.

use std::path::Path;

use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::Router;
use baeum_core::app_paths::{is_teaching_path, TEACHING_APP_PATH};
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::AppState;

/// Cache-Control for files whose name is their content hash.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache-Control for files that point at hashed files and so must be revalidated.
pub const REVALIDATE: &str = "no-cache";

/// Routes for `/content/*`, the teachers' app in `dist/teach/` under `/teach`, and, as the
/// fallback, the learners' app in `dist/`.
pub fn router(config: &crate::Config) -> Router<AppState> {
    let learners_index = ServeFile::new(config.dist_dir.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    // The teachers' app is a second client in `dist/teach/`: its files are served like every
    // other file of `dist/`, but its routes fall back to its own index.html.
    let teachers_index = ServeFile::new(config.dist_dir.join("teach").join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let teachers_index_for_fallback = teachers_index.clone();
    let app_index = tower::service_fn(move |request: Request| {
        let index = if is_teaching_path(request.uri().path()) {
            teachers_index_for_fallback.clone()
        } else {
            learners_index.clone()
        };
        index.oneshot(request)
    });
    let client = ServeDir::new(&config.dist_dir)
        .precompressed_br()
        .precompressed_gzip()
        .append_index_html_on_directories(true)
        .fallback(app_index);
    let content = ServeDir::new(&config.content_dir)
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .nest_service("/content", content)
        // `/teach` names a folder of `dist/`, which would be a redirect to `/teach/`.
        .route_service(TEACHING_APP_PATH, teachers_index)
        .fallback_service(client)
        .layer(middleware::from_fn(set_cache_headers))
}

/// Sets Cache-Control from the request path, and marks the manifest and the translations with
/// their proper types.
async fn set_cache_headers(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    if !(response.status().is_success() || response.status() == StatusCode::NOT_MODIFIED) {
        return response;
    }
    let file_name = path.rsplit('/').next().unwrap_or_default();
    let is_html = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"text/html"));
    let cache_control = if !is_html && is_content_hashed(file_name) {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static(cache_control));
    if file_name.ends_with(".webmanifest") {
        response.headers_mut().insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/manifest+json"),
        );
    }
    // Interface translations (`/locales/<tag>.txt`, compiled message tables) are UTF-8 text,
    // said with the character set, so nothing reads Cyrillic or Thai as Latin-1.
    if file_name.ends_with(".txt") {
        response.headers_mut().insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
    }
    response
}

/// True when a file name carries a content hash: the whole stem is a SHA-256
/// (`<64 hex>.json`, content packs) or its last `-` part starts with at least 16 hex digits
/// (`baeum-web-0123456789abcdef_bg.wasm`, a page's chunk `split_lesson_page-0123456789abcdef.wasm`,
/// Trunk's `style-0123456789abcdef.css`).
pub fn is_content_hashed(file_name: &str) -> bool {
    let stem = file_name.split('.').next().unwrap_or_default();
    if stem.len() == 64 && stem.bytes().all(|byte| byte.is_ascii_hexdigit()) {
        return true;
    }
    let Some((_, last_part)) = stem.rsplit_once('-') else {
        return false;
    };
    let hex_prefix_length = last_part
        .bytes()
        .take_while(|byte| byte.is_ascii_hexdigit())
        .count();
    hex_prefix_length >= 16
}

/// True when `dist/` holds a built client; the server still starts without one (for API-only
/// tests), but says so.
pub fn has_client(dist_dir: &Path) -> bool {
    dist_dir.join("index.html").is_file()
}

#[cfg(test)]
mod tests {
    use super::is_content_hashed;

    #[test]
    fn recognises_hashed_names() {
        assert!(is_content_hashed("baeum-web-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(is_content_hashed("baeum-web-1a2b3c4d5e6f7a8b.js"));
        assert!(is_content_hashed("style-00112233445566778899.css"));
        // The learners' app's wasm chunks and their loader (xtask/src/split_wasm.rs).
        assert!(is_content_hashed("split_lesson_page-1a2b3c4d5e6f7a8b.wasm"));
        assert!(is_content_hashed("chunk_12-1a2b3c4d5e6f7a8b.wasm"));
        assert!(is_content_hashed("baeum-web-split-1a2b3c4d5e6f7a8b.js"));
        assert!(is_content_hashed(&format!("{}.json", "a".repeat(64))));
        assert!(!is_content_hashed("index.html"));
        assert!(!is_content_hashed("sw.js"));
        assert!(!is_content_hashed("manifest.webmanifest"));
        assert!(!is_content_hashed("catalog.json"));
        assert!(!is_content_hashed("icon-192.png"));
        assert!(!is_content_hashed("workbox-deadbeef.js"));
    }
}
