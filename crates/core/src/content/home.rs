//! What home lists of a catalogue of thousands (issue 19): the courses the site puts first
//! and the learner's own, never the whole catalogue.
//!
//! The learners' app asks `GET /api/catalog/home?with=<id>,<id>…` ([`HOME_PATH`],
//! [`HomeQuery`]) and gets a [`CatalogIndex`] ([`home_catalog`]): [`HOME_COURSES`] courses of
//! the site's: those its admins feature, in their order, then the first others it offers in
//! the catalogue's order (the ones its authors put first), then
//! each course named in `with` that the site offers, with its units, as the whole catalogue
//! file lists it. `with` holds the courses opened on the device, so a course found through
//! the catalogue page stays on home and its entry is fresh at every online visit. A first
//! visit names none, and so asks the same address whatever the catalogue's size.

use super::search::percent_decode;
use super::source::{identifier_problem, is_identifier};
use super::{CatalogCourse, CatalogIndex};

/// Where the learners' app asks for home's courses.
pub const HOME_PATH: &str = "/api/catalog/home";
/// How many of the site's courses home lists before the learner's own.
pub const HOME_COURSES: usize = 12;
/// The most courses one request may name: every course opened on a device, and more than a
/// learner follows at once.
pub const MAXIMUM_OWN_COURSES: usize = 100;

/// The courses a request for home names besides the site's first ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HomeQuery {
    /// Course ids, each once, in the order given.
    pub with: Vec<String>,
}

/// What is wrong with a request for home's courses.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HomeError {
    #[error("with names at most {MAXIMUM_OWN_COURSES} courses")]
    TooMany,
    #[error("with: {0}")]
    Id(String),
    #[error("{0:?} is not a parameter of home's courses (with)")]
    Parameter(String),
    #[error("the address's query is not valid percent-encoded UTF-8")]
    Encoding,
}

impl HomeQuery {
    /// The query naming `ids` (each once, the first [`MAXIMUM_OWN_COURSES`], ids that are not
    /// course ids left out): what a client asks with the ids it kept.
    pub fn naming<'a>(ids: impl IntoIterator<Item = &'a str>) -> Self {
        let mut with: Vec<String> = Vec::new();
        for id in ids {
            if is_identifier(id) && !with.iter().any(|kept| kept == id) {
                with.push(id.to_owned());
            }
        }
        with.truncate(MAXIMUM_OWN_COURSES);
        Self { with }
    }

    /// Reads `with=a,b,c` (absent or empty: none).
    pub fn parse(query_string: &str) -> Result<Self, HomeError> {
        let mut with: Vec<String> = Vec::new();
        for pair in query_string.split('&').filter(|pair| !pair.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            if name != "with" {
                return Err(HomeError::Parameter(name.to_owned()));
            }
            let value = percent_decode(value).map_err(|_| HomeError::Encoding)?;
            for id in value.split(',').filter(|id| !id.is_empty()) {
                if let Some(problem) = identifier_problem(id) {
                    return Err(HomeError::Id(problem));
                }
                if !with.iter().any(|kept| kept == id) {
                    with.push(id.to_owned());
                }
                if with.len() > MAXIMUM_OWN_COURSES {
                    return Err(HomeError::TooMany);
                }
            }
        }
        Ok(Self { with })
    }

    /// The address [`HomeQuery::parse`] reads back as this query.
    pub fn path(&self) -> String {
        if self.with.is_empty() {
            HOME_PATH.to_owned()
        } else {
            // Course ids are lowercase letters, digits and '-': nothing to encode.
            format!("{HOME_PATH}?with={}", self.with.join(","))
        }
    }
}

/// Home's courses of `offered` (the site's catalogue): [`HOME_COURSES`] of them, the
/// `featured` ones it offers first in `featured`'s order, then its first others; then those
/// of `with` it offers, in `with`'s order. A course it does not offer is left out.
pub fn home_catalog(offered: &CatalogIndex, featured: &[String], with: &[String]) -> CatalogIndex {
    let featured = featured
        .iter()
        .filter_map(|id| offered.courses.iter().find(|course| &course.id == id));
    let mut courses: Vec<CatalogCourse> = Vec::with_capacity(HOME_COURSES);
    for course in featured.chain(&offered.courses) {
        if courses.len() >= HOME_COURSES {
            break;
        }
        if !courses.iter().any(|listed| listed.id == course.id) {
            courses.push(course.clone());
        }
    }
    for id in with {
        if courses.iter().any(|course| &course.id == id) {
            continue;
        }
        if let Some(course) = offered.courses.iter().find(|course| &course.id == id) {
            courses.push(course.clone());
        }
    }
    CatalogIndex {
        format: offered.format,
        courses,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ByteSize, CatalogCourse, Level, LocalizedText, Subject};

    fn course(id: &str) -> CatalogCourse {
        CatalogCourse {
            id: id.to_owned(),
            version: 1,
            subject: Subject::Korean,
            level: Level::Beginner,
            title: LocalizedText::default(),
            description: LocalizedText::default(),
            manifest: format!("{id}.json"),
            size: ByteSize::default(),
            units: Vec::new(),
            sites: Vec::new(),
        }
    }

    fn catalogue(count: usize) -> CatalogIndex {
        CatalogIndex {
            format: 1,
            courses: (0..count)
                .map(|number| course(&format!("c{number}")))
                .collect(),
        }
    }

    fn ids(catalog: &CatalogIndex) -> Vec<&str> {
        catalog
            .courses
            .iter()
            .map(|course| course.id.as_str())
            .collect()
    }

    #[test]
    fn home_lists_the_first_courses_then_the_learners_own_the_site_offers() {
        let offered = catalogue(2_000);
        let home = home_catalog(&offered, &[], &[]);
        assert_eq!(home.courses.len(), HOME_COURSES);
        assert_eq!(ids(&home)[0], "c0");
        let with = ["c1500", "c3", "gone", "c1500"].map(str::to_owned);
        let home = home_catalog(&offered, &[], &with);
        assert_eq!(
            home.courses.len(),
            HOME_COURSES + 1,
            "c3 is already listed, gone is not offered"
        );
        assert_eq!(ids(&home).last(), Some(&"c1500"));
        // A catalogue smaller than home is listed whole, as before.
        assert_eq!(
            ids(&home_catalog(&catalogue(3), &[], &[])),
            ["c0", "c1", "c2"]
        );
    }

    #[test]
    fn featured_courses_come_first_in_their_order_and_the_first_others_fill_home() {
        let offered = catalogue(2_000);
        let featured = ["c1999", "gone", "c5", "c1999"].map(str::to_owned);
        let home = home_catalog(&offered, &featured, &["c5".to_owned(), "c700".to_owned()]);
        let listed = ids(&home);
        assert_eq!(listed[..3], ["c1999", "c5", "c0"], "gone is not offered");
        assert_eq!(
            listed.len(),
            HOME_COURSES + 1,
            "c5 once, then c700 the learner's own"
        );
        assert_eq!(
            listed[HOME_COURSES - 1],
            "c10",
            "c0 to c10 but c5, already listed"
        );
        assert_eq!(listed.last(), Some(&"c700"));
        // A site featuring more than home lists shows the first ones only.
        let many: Vec<String> = (100..120).map(|n| format!("c{n}")).collect();
        assert_eq!(
            ids(&home_catalog(&offered, &many, &[])),
            (100..112).map(|n| format!("c{n}")).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_query_reads_back_as_written_and_refuses_what_is_not_a_course() {
        let query = HomeQuery::naming(["hangul", "Bad Id", "science-basics", "hangul"]);
        assert_eq!(query.with, ["hangul", "science-basics"]);
        assert_eq!(query.path(), "/api/catalog/home?with=hangul,science-basics");
        assert_eq!(HomeQuery::parse("with=hangul,science-basics"), Ok(query));
        assert_eq!(
            HomeQuery::parse("with=hangul%2Cscience-basics").map(|q| q.with.len()),
            Ok(2)
        );
        assert_eq!(HomeQuery::parse(""), Ok(HomeQuery::default()));
        assert_eq!(HomeQuery::naming([]).path(), HOME_PATH);
        assert!(matches!(
            HomeQuery::parse("with=../etc"),
            Err(HomeError::Id(_))
        ));
        assert!(matches!(
            HomeQuery::parse("q=x"),
            Err(HomeError::Parameter(_))
        ));
        assert!(matches!(
            HomeQuery::parse("with=%ff"),
            Err(HomeError::Encoding)
        ));
        let many: Vec<String> = (0..=MAXIMUM_OWN_COURSES).map(|n| format!("c{n}")).collect();
        assert_eq!(
            HomeQuery::parse(&format!("with={}", many.join(","))),
            Err(HomeError::TooMany)
        );
        assert_eq!(
            HomeQuery::naming(many.iter().map(String::as_str))
                .with
                .len(),
            MAXIMUM_OWN_COURSES
        );
    }
}
