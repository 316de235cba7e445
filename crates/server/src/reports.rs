//! Reports for a city or the province (issue 19): per site, per course and per month, the
//! learners active, lessons completed and courses completed (core's `progress::monthly`),
//! every count resting on fewer than five learners suppressed.
//!
//! - `GET /api/reports` → [`ReportView`]; `GET /api/reports.csv` → the same rows as CSV (as the
//!   dashboard's: RFC 4180, a byte-order mark, `<5` for a suppressed count).
//!
//! At a site's address the report is that site's, for the site's admins and the platform's
//! admin; at an address that is no site's it is every site's, for the platform's admin. Anyone
//! else gets 404, as for a report that does not exist. A site's learners are the members of
//! its classes now; their statements are read whole to make a report, so a report once made is
//! answered again for [`REPORT_KEPT_FOR`] (to anyone who may read it) rather than made again
//! for every request.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::HeaderValue;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use baeum_core::progress::monthly::{
    monthly_report, Count, MonthlyRow, ReportView, SiteRow, SMALLEST_SHOWN_GROUP,
};
use baeum_core::record::learning_event;
use chrono::Utc;

use crate::accounts::account_identifier;
use crate::auth::Authenticated;
use crate::dashboard::csv_field;
use crate::error::ServerError;
use crate::store::{run_blocking, PageCursor, Role, SiteRole, StatementQuery, Store, StoreError};
use crate::AppState;

/// Statements read per query while a report is made.
const PAGE: usize = 1_000;
/// Learners named in one statement query: SQLite allows at most 32,766 parameters.
const ACTORS_PER_QUERY: usize = 10_000;

/// How long a report once made is given again instead of being made anew.
pub const REPORT_KEPT_FOR: std::time::Duration = std::time::Duration::from_secs(60);

/// Reports by the sites they cover, with when each was made.
type MadeReports = BTreeMap<Vec<String>, (std::time::Instant, Arc<ReportView>)>;

/// Reports made lately, by the sites they cover.
#[derive(Default)]
pub struct ReportCache {
    made: std::sync::Mutex<MadeReports>,
    /// One report made at a time: a second request for it waits and takes the first's.
    making: tokio::sync::Mutex<()>,
}

impl ReportCache {
    fn recent(&self, sites: &[String]) -> Option<Arc<ReportView>> {
        let mut made = self
            .made
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        made.retain(|_, (at, _)| at.elapsed() < REPORT_KEPT_FOR);
        made.get(sites).map(|(_, report)| report.clone())
    }

    fn keep(&self, sites: Vec<String>, report: Arc<ReportView>) {
        self.made
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .insert(sites, (std::time::Instant::now(), report));
    }
}

/// The routes of this module.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/reports", get(report))
        .route("/api/reports.csv", get(report_csv))
}

/// The sites the caller may see the report of, here; 404 when none.
async fn sites_for(state: &AppState, caller: &Authenticated) -> Result<Vec<String>, ServerError> {
    let not_found = || ServerError::NotFound("no report here".into());
    let platform_admin = caller.account.role == Role::Admin;
    match caller.site_id.clone() {
        Some(site) => {
            if platform_admin
                || (caller.account.role == Role::Teacher
                    && caller.role_here(state).await? == Some(SiteRole::Admin))
            {
                Ok(vec![site])
            } else {
                Err(not_found())
            }
        }
        None if platform_admin => {
            let sites = run_blocking(&state.store, |store| store.sites()).await?;
            Ok(sites.into_iter().map(|site| site.id).collect())
        }
        None => Err(not_found()),
    }
}

/// How many lessons each course of the built catalogue has (none when it cannot be read: the
/// report then leaves out courses completed).
fn lessons_per_course(state: &AppState) -> BTreeMap<String, usize> {
    crate::sites::platform_catalog(state)
        .map(|catalog| {
            catalog
                .courses
                .iter()
                .map(|course| {
                    let lessons = course.units.iter().map(|unit| unit.lesson_count).sum();
                    (course.id.clone(), lessons)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// One site's rows, from its learners' statements.
fn site_rows(
    store: &dyn Store,
    home_page: &str,
    site_id: &str,
    lessons: &BTreeMap<String, usize>,
) -> Result<Vec<MonthlyRow>, StoreError> {
    let keys: Vec<String> = store
        .learners_of_site(site_id)?
        .into_iter()
        .map(|learner| account_identifier(home_page, learner).key())
        .collect();
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let mut events = Vec::new();
    // A query names at most ACTORS_PER_QUERY learners (SQLite's limit on parameters).
    for keys in keys.chunks(ACTORS_PER_QUERY) {
        let mut after = None;
        loop {
            let page = store.query_statements(&StatementQuery {
                ascending: true,
                limit: PAGE,
                after,
                readable_actor_keys: Some(keys.to_vec()),
                ..StatementQuery::default()
            })?;
            let Some(last) = page.last() else { break };
            after = Some(PageCursor {
                stored_micros: last.stored.timestamp_micros(),
                sequence: last.sequence,
            });
            let full = page.len() == PAGE;
            for stored in page {
                let event = serde_json::from_str(&stored.body)
                    .ok()
                    .and_then(|statement| learning_event(&statement));
                if let Some(event) = event {
                    events.push((stored.actor_key, event));
                }
            }
            if !full {
                break;
            }
        }
    }
    Ok(monthly_report(
        events.iter().map(|(actor, event)| (actor.as_str(), event)),
        lessons,
    ))
}

async fn build_report(
    state: &AppState,
    caller: &Authenticated,
) -> Result<Arc<ReportView>, ServerError> {
    let sites = sites_for(state, caller).await?;
    if let Some(report) = state.reports.recent(&sites) {
        return Ok(report);
    }
    let _one_at_a_time = state.reports.making.lock().await;
    if let Some(report) = state.reports.recent(&sites) {
        return Ok(report);
    }
    let lessons = lessons_per_course(state);
    let home_page = state.account_home_page.clone();
    let covered = sites.clone();
    let rows = run_blocking(&state.store, move |store| {
        let mut rows = Vec::new();
        for site in covered {
            for row in site_rows(store, &home_page, &site, &lessons)? {
                rows.push(SiteRow {
                    site_id: site.clone(),
                    row,
                });
            }
        }
        Ok(rows)
    })
    .await?;
    let report = Arc::new(ReportView {
        generated_at: Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        smallest_shown_group: SMALLEST_SHOWN_GROUP,
        rows,
    });
    state.reports.keep(sites, report.clone());
    Ok(report)
}

async fn report(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<Response, ServerError> {
    let report = build_report(&state, &caller).await?;
    Ok(Json(&*report).into_response())
}

/// The report as CSV.
pub fn report_csv_text(report: &ReportView) -> String {
    let mut csv = String::from(
        "\u{feff}site,course,month,learners_active,lessons_completed,courses_completed\r\n",
    );
    let cell = |count: Count| count.cell();
    for SiteRow { site_id, row } in &report.rows {
        csv.push_str(&format!(
            "{},{},{},{},{},{}\r\n",
            csv_field(site_id),
            csv_field(&row.course_id),
            csv_field(&row.month),
            csv_field(&cell(row.learners_active)),
            csv_field(&cell(row.lessons_completed)),
            csv_field(&cell(row.courses_completed)),
        ));
    }
    csv
}

async fn report_csv(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<Response, ServerError> {
    let report = build_report(&state, &caller).await?;
    let mut response = report_csv_text(&report).into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    let name = caller.site_id.as_deref().unwrap_or("all-sites");
    if let Ok(disposition) =
        HeaderValue::from_str(&format!("attachment; filename=\"baeum-report-{name}.csv\""))
    {
        headers.insert(CONTENT_DISPOSITION, disposition);
    }
    Ok(response)
}
