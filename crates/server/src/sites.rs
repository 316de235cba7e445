//! Many sites on one server (issue 19): which site a request is for, and what a site serves
//! differently: its catalogue and its learners' first page.
//!
//! A request's site is the one whose host names its `Host` header (core's
//! `site::normalize_host`: no port, lowercase); a request naming no site's host is served as
//! a server with no sites is: the whole catalogue, no site's name. Each host name is its own
//! origin in the browser, so a site's pages, service worker and IndexedDB are its own, and a
//! learner who moves signs in at the new site and pulls their history from the one store.
//!
//! - `GET /content/catalog.json` on a site's host: the catalogue with only the courses the
//!   site offers (core's `site_catalog`), which the app keeps for offline use.
//! - Both apps' `index.html` on a site's host name the site in `<meta>` elements the headers
//!   read, and the learners' first screen lists home's courses at the site (core's
//!   `home_catalog`, with the cards of `first-screen-cards.txt` beside the page) and names the
//!   site (core's `site_page`); the service worker keeps the page for offline use.
//!
//! Both are made when the sites are read: at the first request, then again at most every
//! [`REFRESH_EVERY`], so a site changed with `baeum-server site` (another process, or another
//! server instance) is served within that. They are answered with an `ETag`, `no-cache`, and
//! gzip when the browser takes it. A refresh makes them again only when a site or a built
//! file they come from (its modification time or size) changed.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, ETAG, HOST, IF_MODIFIED_SINCE,
    IF_NONE_MATCH, VARY,
};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use baeum_core::content::home::home_catalog;
use baeum_core::content::{CatalogIndex, CATALOG_FILE_NAME};
use baeum_core::site::{
    normalize_host, site_catalog, site_page, CourseSelection, SiteFirstScreen, SiteName,
    FIRST_SCREEN_CARDS_FILE,
};
use sha2::{Digest, Sha256};

use crate::static_files::REVALIDATE;
use crate::store::{run_blocking, SiteRecord};
use crate::AppState;

/// How long the sites read from the store are used before they are read again.
pub const REFRESH_EVERY: Duration = Duration::from_secs(10);

/// The sites as last read, with what each serves; shared by every request.
#[derive(Default)]
pub struct SiteDirectory {
    /// The sites last read, and when (`None`: to be read again at the next request).
    current: RwLock<Option<(Option<Instant>, Arc<Sites>)>>,
    /// One refresh at a time: the requests that find the sites stale while one runs wait for
    /// it instead of reading the same rows again.
    refreshing: tokio::sync::Mutex<()>,
}

/// Every site by each of its hosts.
#[derive(Default)]
struct Sites {
    by_host: HashMap<String, Arc<ServedSite>>,
    /// The catalogue at an address that is no site's, when it is not the built file: the
    /// shared courses without the sites' own (`None`: no course is a site's own).
    platform_catalog: Option<Rendered>,
    /// What they were made from, so that a refresh that finds the same makes nothing again.
    made_from: Option<MadeFrom>,
}

/// The sites, and the modification time and size of each built file their pages come from.
type MadeFrom = (Vec<SiteRecord>, Vec<Option<(std::time::SystemTime, u64)>>);

/// A site and the files it serves differently.
pub struct ServedSite {
    pub record: SiteRecord,
    /// `None` when the server has no built catalogue (an API-only server).
    catalog: Option<Rendered>,
    /// `None` when the server has no built client.
    learners_page: Option<Rendered>,
    /// `None` when the server has no built teachers' app.
    teachers_page: Option<Rendered>,
}

/// A file's bytes as sent, gzip-compressed too, and its entity tag.
struct Rendered {
    plain: Vec<u8>,
    gzip: Vec<u8>,
    etag: HeaderValue,
    content_type: &'static str,
}

impl Rendered {
    fn new(plain: Vec<u8>, content_type: &'static str) -> Self {
        let digest = Sha256::digest(&plain);
        let etag = format!("\"s-{}\"", hex(&digest[..12]));
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let gzip = encoder
            .write_all(&plain)
            .and_then(|()| encoder.finish())
            .unwrap_or_default();
        Self {
            plain,
            gzip,
            // Hex digits and quotes are always a valid header value.
            etag: HeaderValue::from_str(&etag).unwrap_or(HeaderValue::from_static("\"s\"")),
            content_type,
        }
    }

    /// The answer to a GET or HEAD: 304 when the browser holds this very version.
    fn respond(&self, method: &Method, headers: &HeaderMap) -> Response {
        let held = headers
            .get(IF_NONE_MATCH)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|tags| {
                tags.split(',')
                    .any(|tag| tag.trim().trim_start_matches("W/") == self.etag)
            });
        let mut response = if held {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            let gzip = !self.gzip.is_empty() && accepts_gzip(headers);
            let body = if method == Method::HEAD {
                Body::empty()
            } else if gzip {
                Body::from(self.gzip.clone())
            } else {
                Body::from(self.plain.clone())
            };
            let mut response = Response::new(body);
            let headers = response.headers_mut();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static(self.content_type));
            if gzip {
                headers.insert(CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            }
            response
        };
        let headers = response.headers_mut();
        headers.insert(ETAG, self.etag.clone());
        headers.insert(CACHE_CONTROL, HeaderValue::from_static(REVALIDATE));
        headers.insert(VARY, HeaderValue::from_static("accept-encoding"));
        response
    }
}

fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(ACCEPT_ENCODING)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(|coding| {
            let mut parts = coding.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|parameter| {
                parameter
                    .trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    == Some(0.0)
            });
            name.eq_ignore_ascii_case("gzip") && !refused
        })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

impl SiteDirectory {
    /// The site this `Host` header names, if any, reading the sites again when they are
    /// older than [`REFRESH_EVERY`]. When they cannot be read, the last ones read are used
    /// (and none before the first read), so a database hiccup never stops the app loading.
    pub async fn site_for(&self, state: &AppState, host: &str) -> Option<Arc<ServedSite>> {
        let host = normalize_host(host)?;
        let sites = self.current(state).await;
        sites.by_host.get(&host).cloned()
    }

    /// These sites' names, in the order given, as last read; an id no site has now is left
    /// out (a closed site).
    pub async fn names(&self, state: &AppState, ids: &[String]) -> Vec<SiteName> {
        let sites = self.current(state).await;
        let records = sites
            .made_from
            .as_ref()
            .map(|(records, _)| records.as_slice());
        ids.iter()
            .filter_map(|id| {
                let record = records?.iter().find(|record| &record.id == id)?;
                Some(SiteName {
                    id: record.id.clone(),
                    name: record.name.clone(),
                })
            })
            .collect()
    }

    async fn current(&self, state: &AppState) -> Arc<Sites> {
        if let Some(sites) = self.fresh() {
            return sites;
        }
        let _one_at_a_time = self.refreshing.lock().await;
        if let Some(sites) = self.fresh() {
            return sites;
        }
        let last = self
            .current
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .as_ref()
            .map(|(_, sites)| sites.clone());
        match load(state, last).await {
            Ok(sites) => {
                *self
                    .current
                    .write()
                    .unwrap_or_else(|poisoned| poisoned.into_inner()) =
                    Some((Some(Instant::now()), sites.clone()));
                sites
            }
            Err(error) => {
                tracing::warn!("cannot read the sites: {error}; serving the last ones read");
                let mut current = self
                    .current
                    .write()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                // Tried again after another interval, not at every request.
                let last = current
                    .as_ref()
                    .map(|(_, sites)| sites.clone())
                    .unwrap_or_default();
                *current = Some((Some(Instant::now()), last.clone()));
                last
            }
        }
    }

    fn fresh(&self) -> Option<Arc<Sites>> {
        let current = self
            .current
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        current
            .as_ref()
            .filter(|(read_at, _)| read_at.is_some_and(|at| at.elapsed() < REFRESH_EVERY))
            .map(|(_, sites)| sites.clone())
    }

    /// Makes the next request read the sites again (after a change made through this
    /// process), as if they had been read [`REFRESH_EVERY`] ago.
    pub fn invalidate(&self) {
        if let Some((read_at, _)) = self
            .current
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .as_mut()
        {
            *read_at = None;
        }
    }
}

/// Reads the sites and the built files, and makes each site's; `last` when nothing changed.
async fn load(
    state: &AppState,
    last: Option<Arc<Sites>>,
) -> Result<Arc<Sites>, crate::store::StoreError> {
    let records = run_blocking(&state.store, |store| store.sites()).await?;
    let config = state.config.clone();
    let built = tokio::task::spawn_blocking(move || {
        let files = [
            config.content_dir.join(CATALOG_FILE_NAME),
            config.dist_dir.join("index.html"),
            config.dist_dir.join("teach").join("index.html"),
            config.dist_dir.join(FIRST_SCREEN_CARDS_FILE),
        ];
        let stamps: Vec<_> = files
            .iter()
            .map(|file| {
                let metadata = std::fs::metadata(file).ok()?;
                Some((metadata.modified().ok()?, metadata.len()))
            })
            .collect();
        let made_from = (records, stamps);
        if let Some(last) = last.filter(|last| last.made_from.as_ref() == Some(&made_from)) {
            return last;
        }
        let [catalog, learners, teachers, all_cards] = files;
        let catalog = std::fs::read(catalog)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<CatalogIndex>(&bytes).ok());
        let learners = std::fs::read_to_string(learners).ok();
        let teachers = std::fs::read_to_string(teachers).ok();
        let all_cards = std::fs::read_to_string(all_cards).ok();
        let html = |page: String| Rendered::new(page.into_bytes(), "text/html; charset=utf-8");
        let json = |catalog: &CatalogIndex| {
            // A catalogue that was read serializes again.
            Rendered::new(
                serde_json::to_vec(catalog).unwrap_or_default(),
                "application/json",
            )
        };
        let platform_catalog = catalog
            .as_ref()
            .filter(|catalog| {
                catalog
                    .courses
                    .iter()
                    .any(|course| !course.sites.is_empty())
            })
            .map(|catalog| json(&site_catalog(catalog, None, &CourseSelection::All)));
        let mut by_host = HashMap::new();
        for record in &made_from.0 {
            let offered = catalog
                .as_ref()
                .map(|catalog| site_catalog(catalog, Some(&record.id), &record.courses));
            // The courses home lists at the site on a first visit, which its first screen shows.
            let home: Vec<String> = offered
                .as_ref()
                .map(|offered| home_catalog(offered, &record.featured, &[]).courses)
                .unwrap_or_default()
                .into_iter()
                .map(|course| course.id)
                .collect();
            let catalog = offered.as_ref().map(json);
            let first_screen = SiteFirstScreen {
                courses: &home,
                all_cards: all_cards.as_deref(),
            };
            let learners_page = learners
                .as_ref()
                .map(|page| html(site_page(page, &record.name, Some(&first_screen))));
            let teachers_page = teachers
                .as_ref()
                .map(|page| html(site_page(page, &record.name, None)));
            let served = Arc::new(ServedSite {
                record: record.clone(),
                catalog,
                learners_page,
                teachers_page,
            });
            for host in &served.record.hosts {
                by_host.insert(host.clone(), served.clone());
            }
        }
        Arc::new(Sites {
            by_host,
            platform_catalog,
            made_from: Some(made_from),
        })
    })
    .await
    .map_err(|_| crate::store::StoreError::TaskFailed)?;
    Ok(built)
}

/// The platform's whole catalogue as built (every course, whichever site offers it); `None`
/// when the server has none (an API-only server) or it cannot be read.
pub fn platform_catalog(state: &AppState) -> Option<CatalogIndex> {
    let bytes = std::fs::read(state.config.content_dir.join(CATALOG_FILE_NAME)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The site a request names in its `Host` (or, over HTTP/2, its authority), if any.
pub async fn site_of_request(
    state: &AppState,
    parts: &axum::http::request::Parts,
) -> Option<Arc<ServedSite>> {
    let host = request_host(&parts.headers, &parts.uri)?;
    state.sites.site_for(state, host).await
}

/// The host a request names: its `Host` header, or over HTTP/2 its authority.
fn request_host<'a>(headers: &'a HeaderMap, uri: &'a axum::http::Uri) -> Option<&'a str> {
    headers
        .get(HOST)
        .and_then(|value| value.to_str().ok())
        .or_else(|| uri.host())
}

/// The static files' layer: on a site's host, answers the catalogue and the apps' pages as
/// the site serves them; everything else passes through.
pub async fn serve_site_files(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let reads = request.method() == Method::GET || request.method() == Method::HEAD;
    let host = request_host(request.headers(), request.uri()).map(str::to_owned);
    let site = match (reads, host) {
        (true, Some(host)) => state.sites.site_for(&state, &host).await,
        _ => None,
    };
    let is_catalog = request.uri().path() == format!("/content/{CATALOG_FILE_NAME}");
    let Some(site) = site else {
        if reads && is_catalog {
            if let Some(catalog) = &state.sites.current(&state).await.platform_catalog {
                return catalog.respond(request.method(), request.headers());
            }
        }
        return next.run(request).await;
    };
    let path = request.uri().path();
    if is_catalog {
        if let Some(catalog) = &site.catalog {
            return catalog.respond(request.method(), request.headers());
        }
        return next.run(request).await;
    }
    // Only what may be an app's page is asked for without the browser's conditions (its copy
    // of the file on disk says nothing of the site's): a path whose last part has no file
    // extension (the apps' routes), or an HTML file.
    let last_part = path.rsplit('/').next().unwrap_or_default();
    let site_page = if baeum_core::app_paths::is_teaching_path(path) {
        &site.teachers_page
    } else {
        &site.learners_page
    };
    let Some(site_page) = site_page.as_ref() else {
        return next.run(request).await;
    };
    if last_part.contains('.') && !last_part.ends_with(".html") {
        return next.run(request).await;
    }
    let method = request.method().clone();
    let headers = request.headers().clone();
    request.headers_mut().remove(IF_NONE_MATCH);
    request.headers_mut().remove(IF_MODIFIED_SINCE);
    let response = next.run(request).await;
    let is_page = response.status() == StatusCode::OK
        && response
            .headers()
            .get(CONTENT_TYPE)
            .is_some_and(|value| value.as_bytes().starts_with(b"text/html"));
    if is_page {
        site_page.respond(&method, &headers)
    } else {
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(accept: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT_ENCODING, HeaderValue::from_str(accept).unwrap());
        headers
    }

    #[test]
    fn gzip_is_sent_only_when_taken() {
        assert!(accepts_gzip(&request("gzip, deflate, br")));
        assert!(accepts_gzip(&request("br;q=1.0, GZIP;q=0.5")));
        assert!(!accepts_gzip(&request("gzip;q=0")));
        assert!(!accepts_gzip(&request("identity")));
    }
}
