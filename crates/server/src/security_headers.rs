//! The security headers every answer carries: static files, API answers, errors and 404s alike.
//!
//! They are set in one place, a layer around the whole router ([`crate::app`]), so no route can
//! forget them. The Content-Security-Policy lets a page run only what this server serves:
//! scripts and styles from its own files (no inline `<script>`, `style="…"` or `eval`), the
//! wasm modules those scripts compile, and fetches, media and workers from its own origin. A
//! learner's page then cannot run a script that reached it any other way (a stored answer shown
//! as HTML, a browser extension's injection, a proxy's rewrite) nor send data elsewhere.
//! ARCHITECTURE.md explains each directive.

use axum::extract::{Request, State};
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

use crate::Transport;

/// The page's Content-Security-Policy. Everything not named is refused (`default-src 'none'`):
///
/// - `script-src 'self' 'wasm-unsafe-eval'`: the app's own script files, and compiling the
///   WebAssembly they fetch; no inline script and no `eval`.
/// - `style-src 'self'`: the stylesheets only; no `<style>` element or `style="…"` attribute
///   (the client sets styles through CSSOM, which CSP allows).
/// - `img-src 'self'`: the icons. `media-src 'self' blob:`: lesson audio from the server, or from
///   a `blob:` URL of the copy downloaded into IndexedDB (`src/player.rs`).
/// - `connect-src 'self'`: fetches of the API, content packs, translations and wasm chunks.
/// - `worker-src 'self'`: the service worker. `manifest-src 'self'`: the web app manifest.
/// - `object-src 'none'`, `base-uri 'none'`, `form-action 'none'` (every form is handled by the
///   app and sends nothing itself), `frame-ancestors 'none'` (no other site may frame the app
///   to trick a learner into clicking).
pub const CONTENT_SECURITY_POLICY_VALUE: &str = "default-src 'none'; \
script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; \
img-src 'self'; \
media-src 'self' blob:; \
connect-src 'self'; \
worker-src 'self'; \
manifest-src 'self'; \
object-src 'none'; \
base-uri 'none'; \
form-action 'none'; \
frame-ancestors 'none'";

/// Strict-Transport-Security when serving https: browsers that reached the server once over
/// https refuse plain http to it for a year, so a network attacker cannot downgrade them. Not
/// `includeSubDomains`: the school's other hosts are not this server's to decide.
pub const STRICT_TRANSPORT_SECURITY_VALUE: &str = "max-age=31536000";

/// Adds the security headers to the answer of `next`, replacing any a handler set.
pub async fn add_security_headers(
    State(transport): State<Transport>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CONTENT_SECURITY_POLICY_VALUE),
    );
    // Browsers take a file for what its Content-Type says and never run a JSON answer or a
    // content file as a script or a stylesheet.
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // Addresses in the app name classes and learners; no other site learns them.
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    // `frame-ancestors` for browsers older than CSP level 2.
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    if transport == Transport::Https {
        headers.insert(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(STRICT_TRANSPORT_SECURITY_VALUE),
        );
    }
    response
}
