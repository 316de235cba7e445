//! Sites as the store keeps them (issue 19; the rules are core's `site`): a row per site with
//! its names, the host names it answers on (each host one site's), its course selection, and
//! the courses home lists first there (`site_featured`, set apart: see [`SiteRecord`]).
//! Both engines read their rows into [`SiteRecord`]s here.

use std::collections::{BTreeMap, BTreeSet};

use baeum_core::content::LocalizedText;
use baeum_core::site::CourseSelection;

use super::StoreError;

/// A site, whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteRecord {
    pub id: String,
    pub name: LocalizedText,
    /// Host names as core's `normalize_host` keys them, sorted.
    pub hosts: Vec<String>,
    pub courses: CourseSelection,
    /// The courses home lists first at the site, in order (core's `FeaturedChange`). Set by
    /// `set_site_featured` alone: `put_site` leaves them as they are.
    pub featured: Vec<String>,
}

/// What an account is at one site (`site_staff`): a teacher makes classes there; a site admin
/// also invites teachers to it and manages every class of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteRole {
    Teacher,
    Admin,
}

impl SiteRole {
    pub fn as_str(self) -> &'static str {
        match self {
            SiteRole::Teacher => "teacher",
            SiteRole::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "teacher" => Some(SiteRole::Teacher),
            "admin" => Some(SiteRole::Admin),
            _ => None,
        }
    }

    /// A stored role, which the table's check keeps to these two.
    pub(super) fn read(text: &str) -> Result<Self, StoreError> {
        Self::parse(text).ok_or_else(|| StoreError::Corrupt(format!("site role {text:?}")))
    }
}

/// A `sites` row: id, names as JSON, whether every course is offered.
pub(super) type SiteRow = (String, String, bool);

/// Puts the rows of `sites`, `site_hosts` (site, host), `site_courses` (site, course) and
/// `site_featured` (site, position, course) together, in the order of `sites`.
pub(super) fn assemble(
    sites: Vec<SiteRow>,
    hosts: Vec<(String, String)>,
    courses: Vec<(String, String)>,
    mut featured: Vec<(String, i64, String)>,
) -> Result<Vec<SiteRecord>, StoreError> {
    featured.sort();
    let mut featured_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (site, _, course) in featured {
        featured_of.entry(site).or_default().push(course);
    }
    let mut hosts_of: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (site, host) in hosts {
        hosts_of.entry(site).or_default().push(host);
    }
    let mut courses_of: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (site, course) in courses {
        courses_of.entry(site).or_default().insert(course);
    }
    sites
        .into_iter()
        .map(|(id, name_json, all_courses)| {
            let name: LocalizedText = serde_json::from_str(&name_json)
                .map_err(|error| StoreError::Corrupt(format!("site {id}'s name: {error}")))?;
            let mut hosts = hosts_of.remove(&id).unwrap_or_default();
            hosts.sort();
            let courses = if all_courses {
                CourseSelection::All
            } else {
                CourseSelection::Only(courses_of.remove(&id).unwrap_or_default())
            };
            Ok(SiteRecord {
                featured: featured_of.remove(&id).unwrap_or_default(),
                id,
                name,
                hosts,
                courses,
            })
        })
        .collect()
}

/// What a site's row holds besides its id: its names as JSON and whether it offers every
/// course; and the course ids to write when it does not.
pub(super) fn row_values(site: &SiteRecord) -> (String, bool, Vec<String>) {
    // A map of language codes to strings always serializes.
    let name_json = serde_json::to_string(&site.name).expect("a site's names serialize");
    match &site.courses {
        CourseSelection::All => (name_json, true, Vec::new()),
        CourseSelection::Only(ids) => (name_json, false, ids.iter().cloned().collect()),
    }
}
