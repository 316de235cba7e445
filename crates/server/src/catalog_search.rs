//! The catalogue of thousands, as the learners' app reads it (issue 19). Both routes are over
//! the courses the request's site offers (every course at an address that is no site's), open
//! to anyone like the catalogue file itself; a malformed query is a 400 that names the
//! parameter.
//!
//! - `GET /api/catalog?q=…&subject=…&level=…&language=…&page=…` → core's `CatalogPage`: one
//!   page of the courses that match, as slim cards.
//! - `GET /api/catalog/home?with=<id>,…` → core's `home_catalog`: the site's first courses and
//!   the learner's own, as full catalogue entries; what home lists instead of the whole file.
//!
//! Both run over what is kept per site ([`SearchIndexes`]), made again only when the built
//! catalogue file or the site's choice of courses changed: a search of thousands of courses
//! is a scan of folded titles, well under a millisecond per thousand.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{RawQuery, State};
use axum::http::header::CACHE_CONTROL;
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use baeum_core::content::home::{home_catalog, HomeQuery, HOME_PATH};
use baeum_core::content::search::{CatalogCard, CatalogQuery, SearchIndex};
use baeum_core::content::{CatalogIndex, CATALOG_FILE_NAME};
use baeum_core::site::{site_catalog, CourseSelection};

use crate::error::ServerError;
use crate::AppState;

/// The routes of this module.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/catalog", get(search))
        .route(HOME_PATH, get(home))
}

/// The built catalogue file's modification time and size: when either changes, it is read again.
type FileStamp = (std::time::SystemTime, u64);

/// A site's courses and their index, and what they were made from.
struct Made {
    stamp: FileStamp,
    selection: CourseSelection,
    kept: Kept,
}

/// A site's courses as kept between requests.
#[derive(Clone)]
struct Kept {
    /// The courses the site offers, in the catalogue's order, as the catalogue file lists them.
    offered: Arc<CatalogIndex>,
    index: Arc<SearchIndex>,
}

/// Search indexes by site (`None`: the address that is no site's).
#[derive(Default)]
pub struct SearchIndexes {
    by_site: Mutex<HashMap<Option<String>, Made>>,
}

impl SearchIndexes {
    /// The courses `selection` offers from the built catalogue, and their index.
    fn kept(
        &self,
        state: &AppState,
        site: Option<String>,
        selection: CourseSelection,
    ) -> Result<Kept, ServerError> {
        let unavailable = || ServerError::ContentUnavailable("the catalogue is not built".into());
        let metadata = std::fs::metadata(state.config.content_dir.join(CATALOG_FILE_NAME))
            .map_err(|_| unavailable())?;
        let stamp = (
            metadata.modified().map_err(|_| unavailable())?,
            metadata.len(),
        );
        let mut by_site = self
            .by_site
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(made) = by_site.get(&site) {
            if made.stamp == stamp && made.selection == selection {
                return Ok(made.kept.clone());
            }
        }
        let catalog = crate::sites::platform_catalog(state).ok_or_else(unavailable)?;
        let offered = site_catalog(&catalog, site.as_deref(), &selection);
        let index = Arc::new(SearchIndex::new(
            offered.courses.iter().map(CatalogCard::of).collect(),
        ));
        let kept = Kept {
            offered: Arc::new(offered),
            index,
        };
        by_site.insert(
            site,
            Made {
                stamp,
                selection,
                kept: kept.clone(),
            },
        );
        Ok(kept)
    }
}

/// The site's courses as kept, read on a blocking thread (the first read parses the file).
async fn kept_for(
    state: &AppState,
    site: Option<&crate::sites::ServedSite>,
) -> Result<Kept, ServerError> {
    let (site_id, selection) = match site {
        Some(site) => (Some(site.record.id.clone()), site.record.courses.clone()),
        None => (None, CourseSelection::All),
    };
    let indexes = state.catalog_indexes.clone();
    let worker_state = state.clone();
    tokio::task::spawn_blocking(move || indexes.kept(&worker_state, site_id, selection))
        .await
        .map_err(|_| ServerError::Store(crate::store::StoreError::TaskFailed))?
}

/// The courses of the shared catalogue (every course but the sites' own), as kept for the
/// address that is no site's: what a site's admins choose from. `None` when nothing is built.
pub(crate) async fn shared_courses(state: &AppState) -> Option<Arc<CatalogIndex>> {
    offered_courses(state, None, CourseSelection::All).await
}

/// The courses a site (`None`: the address that is no site's) offers with this selection, as
/// kept for its searches. `None` when nothing is built.
pub(crate) async fn offered_courses(
    state: &AppState,
    site: Option<String>,
    selection: CourseSelection,
) -> Option<Arc<CatalogIndex>> {
    let indexes = state.catalog_indexes.clone();
    let worker_state = state.clone();
    tokio::task::spawn_blocking(move || indexes.kept(&worker_state, site, selection))
        .await
        .ok()?
        .ok()
        .map(|kept| kept.offered)
}

/// An answer the browser asks again each time: a site's courses change, and the app keeps
/// what it needs offline itself.
fn revalidated(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

async fn search(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    parts: axum::http::request::Parts,
) -> Result<Response, ServerError> {
    let query = CatalogQuery::parse(raw.as_deref().unwrap_or(""))
        .map_err(|error| ServerError::bad_request(error.to_string()))?;
    let site = crate::sites::site_of_request(&state, &parts).await;
    let kept = kept_for(&state, site.as_deref()).await?;
    Ok(revalidated(Json(kept.index.search(&query)).into_response()))
}

async fn home(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    parts: axum::http::request::Parts,
) -> Result<Response, ServerError> {
    let query = HomeQuery::parse(raw.as_deref().unwrap_or(""))
        .map_err(|error| ServerError::bad_request(error.to_string()))?;
    // The site is looked up once: its selection picks the kept courses, its featured ones
    // come first.
    let site = crate::sites::site_of_request(&state, &parts).await;
    let kept = kept_for(&state, site.as_deref()).await?;
    let featured = site
        .as_ref()
        .map_or(&[][..], |site| &site.record.featured[..]);
    Ok(revalidated(
        Json(home_catalog(&kept.offered, featured, &query.with)).into_response(),
    ))
}
