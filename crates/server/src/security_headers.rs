//! The security headers every answer carries: static files, API answers, errors and 404s alike.
//!
//! They are set in one place, a layer around the whole router ([`crate::app`]), so no route can
//! forget them. The Content-Security-Policy lets a page run only what this server serves:
//! scripts and styles from its own files (no inline `<script>`, `style="…"` or `eval`), the
//! wasm modules those scripts compile, and fetches, media and workers from its own origin. A
//! learner's page then cannot run a script that reached it any other way (a stored answer shown
//! as HTML, a browser extension's injection, a proxy's rewrite) nor send data elsewhere. The
//! one inline style, the learners' first screen's CSS, is allowed by its hash alone.
//! ARCHITECTURE.md explains each directive.

use axum::extract::{Request, State};
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

use std::fs;
use std::path::Path;

use base64::prelude::{Engine as _, BASE64_STANDARD};
use sha2::{Digest, Sha256};

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

/// The policy for the client built into `dist_dir`: [`CONTENT_SECURITY_POLICY_VALUE`], and,
/// when the learners' `index.html` holds `<style>` elements (its first screen's CSS, which
/// xtask writes there so the screen paints before any other request), a `style-src-elem`
/// that allows exactly those by their SHA-256 besides the stylesheets. `style-src 'self'`
/// still governs `style="…"` attributes, which stay refused, and any other inline style.
///
/// Read when the router is built: a rebuilt `dist/` needs the server restarted, as a
/// deployment does. The service worker keeps each copy of the page with the policy it came
/// with, so an offline start allows the styles of the page it shows.
pub fn content_security_policy(dist_dir: &Path) -> String {
    let hashes = fs::read_to_string(dist_dir.join("index.html"))
        .map(|html| inline_style_hashes(&html))
        .unwrap_or_default();
    if hashes.is_empty() {
        return CONTENT_SECURITY_POLICY_VALUE.to_owned();
    }
    let sources: Vec<String> = hashes
        .iter()
        .map(|hash| format!("'sha256-{hash}'"))
        .collect();
    CONTENT_SECURITY_POLICY_VALUE.replacen(
        STYLE_SOURCES,
        &format!(
            "{STYLE_SOURCES} style-src-elem 'self' {};",
            sources.join(" ")
        ),
        1,
    )
}

/// The directive [`content_security_policy`] puts `style-src-elem` after.
const STYLE_SOURCES: &str = "style-src 'self';";

/// The base64 SHA-256 of the text of each `<style>` element of `html`, as CSP hashes it.
pub fn inline_style_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<style") {
        let after_name = &rest[start + "<style".len()..];
        if !after_name.starts_with(|character: char| character == '>' || character.is_whitespace())
        {
            rest = after_name;
            continue;
        }
        let Some(tag_end) = after_name.find('>') else {
            break;
        };
        let text_and_rest = &after_name[tag_end + 1..];
        let Some(text_end) = text_and_rest.find("</style>") else {
            break;
        };
        let text = &text_and_rest[..text_end];
        hashes.push(BASE64_STANDARD.encode(Sha256::digest(text.as_bytes())));
        rest = &text_and_rest[text_end..];
    }
    hashes
}

/// The headers [`add_security_headers`] sets, made once when the router is built.
#[derive(Clone)]
pub struct SecurityHeaders {
    transport: Transport,
    content_security_policy: HeaderValue,
}

impl SecurityHeaders {
    pub fn new(transport: Transport, dist_dir: &Path) -> SecurityHeaders {
        let content_security_policy = HeaderValue::from_str(&content_security_policy(dist_dir))
            .unwrap_or_else(|_| {
                // Base64 and the constant are always a valid header; this is the constant.
                HeaderValue::from_static(CONTENT_SECURITY_POLICY_VALUE)
            });
        SecurityHeaders {
            transport,
            content_security_policy,
        }
    }
}

/// Strict-Transport-Security when serving https: browsers that reached the server once over
/// https refuse plain http to it for a year, so a network attacker cannot downgrade them. Not
/// `includeSubDomains`: the school's other hosts are not this server's to decide.
pub const STRICT_TRANSPORT_SECURITY_VALUE: &str = "max-age=31536000";

/// Adds the security headers to the answer of `next`, replacing any a handler set.
pub async fn add_security_headers(
    State(security): State<SecurityHeaders>,
    request: Request,
    next: Next,
) -> Response {
    let transport = security.transport;
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(CONTENT_SECURITY_POLICY, security.content_security_policy);
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

#[cfg(test)]
mod tests {
    use super::inline_style_hashes;

    #[test]
    fn each_style_element_is_hashed_as_csp_hashes_it() {
        let page = "<head><style id=\"first-screen-style\">p{}</style><styles></styles>\
            <style>\n</style></head>";
        // `printf 'p{}' | sha256sum`, `printf '\n' | sha256sum`, in base64.
        assert_eq!(
            inline_style_hashes(page),
            [
                "gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y=",
                "AbpHGcgLb+kRsJGnwFEktk7uzpZOCcBY74+YBdrKVGs=",
            ]
        );
        assert!(inline_style_hashes("<link rel=\"stylesheet\" href=\"/a.css\">").is_empty());
    }
}
