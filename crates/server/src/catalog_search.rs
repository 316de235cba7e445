//! Searching the catalogue (issue 19): `GET /api/catalog?q=…&subject=…&level=…&language=…&page=…`
//! → core's `CatalogPage`: one page of the courses the request's site offers (every course at
//! an address that is no site's) that match, as slim cards. Open to anyone, like the
//! catalogue file itself; a malformed query is a 400 that names the parameter.
//!
//! The search runs over an index kept per site ([`SearchIndexes`]), made again only when the
//! built catalogue file or the site's choice of courses changed: a search of thousands of
//! courses is a scan of folded titles, well under a millisecond per thousand.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{RawQuery, State};
use axum::http::header::CACHE_CONTROL;
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use baeum_core::content::search::{CatalogCard, CatalogQuery, SearchIndex};
use baeum_core::content::CATALOG_FILE_NAME;
use baeum_core::site::{site_catalog, CourseSelection};

use crate::error::ServerError;
use crate::AppState;

/// The routes of this module.
pub fn router() -> Router<AppState> {
    Router::new().route("/api/catalog", get(search))
}

/// The built catalogue file's modification time and size: when either changes, it is read again.
type FileStamp = (std::time::SystemTime, u64);

/// An index, and what it was made from.
struct Made {
    stamp: FileStamp,
    selection: CourseSelection,
    index: Arc<SearchIndex>,
}

/// Search indexes by site (`None`: the address that is no site's).
#[derive(Default)]
pub struct SearchIndexes {
    by_site: Mutex<HashMap<Option<String>, Made>>,
}

impl SearchIndexes {
    /// The index of the courses `selection` offers from the built catalogue.
    fn index(
        &self,
        state: &AppState,
        site: Option<String>,
        selection: CourseSelection,
    ) -> Result<Arc<SearchIndex>, ServerError> {
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
                return Ok(made.index.clone());
            }
        }
        let catalog = crate::sites::platform_catalog(state).ok_or_else(unavailable)?;
        let offered = site_catalog(&catalog, &selection);
        let index = Arc::new(SearchIndex::new(
            offered.courses.iter().map(CatalogCard::of).collect(),
        ));
        by_site.insert(
            site,
            Made {
                stamp,
                selection,
                index: index.clone(),
            },
        );
        Ok(index)
    }
}

async fn search(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    parts: axum::http::request::Parts,
) -> Result<Response, ServerError> {
    let query = CatalogQuery::parse(raw.as_deref().unwrap_or(""))
        .map_err(|error| ServerError::bad_request(error.to_string()))?;
    let site = crate::sites::site_of_request(&state, &parts).await;
    let (site_id, selection) = match site {
        Some(site) => (Some(site.record.id.clone()), site.record.courses.clone()),
        None => (None, CourseSelection::All),
    };
    let indexes = state.catalog_indexes.clone();
    let worker_state = state.clone();
    let page = tokio::task::spawn_blocking(move || {
        let index = indexes.index(&worker_state, site_id, selection)?;
        Ok::<_, ServerError>(index.search(&query))
    })
    .await
    .map_err(|_| ServerError::Store(crate::store::StoreError::TaskFailed))??;
    let mut response = Json(page).into_response();
    // A site's courses change; the app keeps the pages it saw itself.
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Ok(response)
}
