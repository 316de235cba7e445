//! Sites: the cities, counties and schools that each open their own baeum on one shared
//! platform (issue 19).
//!
//! A site has an id, a name in several languages, the host names it answers on, its
//! selection of courses from the shared catalogue, and its own courses (those whose
//! `course.toml` lists it in `sites`, which only their sites offer). The server keeps the sites and picks one
//! per request from its `Host` ([`normalize_host`]); it serves a site's host the catalogue
//! of the site's courses ([`site_catalog`]) and pages that name the site ([`site_page`]):
//! a `<meta name="baeum-site">` element the apps' headers read (no JSON to parse, so the
//! apps carry no code for it), kept offline with the page. Accounts are not a site's: one ID
//! goes with a learner wherever they sign in.

use std::collections::BTreeSet;

use crate::content::home::HOME_COURSES;
use crate::content::{CatalogCourse, CatalogIndex, Language, LocalizedText};

/// Longest site id, in characters.
pub const MAXIMUM_SITE_ID_LENGTH: usize = 40;
/// Longest site name in one language, in characters (a header holds it on a phone).
pub const MAXIMUM_SITE_NAME_CHARACTERS: usize = 60;
/// Longest host name (RFC 1035's 253 characters of a name written with dots).
pub const MAXIMUM_HOST_LENGTH: usize = 253;

/// The id of the `<meta>` element naming a site: its `content` is the name in English (else any
/// language it has), its `data-<tag>` attributes the name in the language with that interface
/// tag.
pub const SITE_META_ID: &str = "baeum-site";

/// A site named for display, as the school API sends it (a joint class's schools): the
/// client shows the name in the interface's language, else in English.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SiteName {
    pub id: String,
    pub name: LocalizedText,
}

/// What the caller is at the site of the address, in [`SiteView`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// Makes classes there.
    Teacher,
    /// Also invites its teachers, chooses its courses and reads its report.
    Admin,
    /// The platform's admin, who may do everything a site's admin does, at every site.
    PlatformAdmin,
}

impl StaffRole {
    /// Whether this role runs the site: invitations, courses, reports.
    pub fn runs_the_site(self) -> bool {
        matches!(self, StaffRole::Admin | StaffRole::PlatformAdmin)
    }
}

/// A course of the platform's catalogue, as a site's admin chooses among them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CourseChoice {
    pub id: String,
    pub title: LocalizedText,
}

/// `GET /api/site`: the site of the address, for its staff and the platform's admin.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SiteView {
    pub id: String,
    pub name: LocalizedText,
    pub hosts: Vec<String>,
    /// Every course of the platform, now and later; else [`SiteView::courses`].
    pub all_courses: bool,
    /// The courses offered when not every one, sorted.
    pub courses: Vec<String>,
    pub role: StaffRole,
    /// The platform's courses to choose from (for those who run the site; else empty).
    pub catalog: Vec<CourseChoice>,
    /// The site's staff, by username (for those who run the site; else empty).
    #[serde(default)]
    pub staff: Vec<StaffMember>,
    /// The courses home lists first at the site, in order ([`FeaturedChange`]).
    #[serde(default)]
    pub featured: Vec<String>,
}

/// A member of a site's staff, as those who run the site see them.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StaffMember {
    pub username: String,
    /// [`StaffRole::Teacher`] or [`StaffRole::Admin`].
    pub role: StaffRole,
}

/// `PUT /api/site/staff/{username}`: the member's role from now on; `None` (JSON `null`): no
/// longer the site's staff.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffChange {
    /// Required, `null` included: a body that forgot it takes nobody off the staff.
    #[serde(deserialize_with = "Option::deserialize")]
    pub role: Option<StaffRole>,
}

/// `PUT /api/site/featured`: the courses home lists first at the site, in this order (at
/// most [`HOME_COURSES`]; none: the first the site offers, in the catalogue's order).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeaturedChange {
    pub featured: Vec<String>,
}

impl FeaturedChange {
    /// The list this change makes, each a course the site offers (`offered`), each once.
    pub fn checked(&self, offered: impl Fn(&str) -> bool) -> Result<Vec<String>, SiteError> {
        if self.featured.len() > HOME_COURSES {
            return Err(SiteError::TooManyFeatured);
        }
        let mut checked: Vec<String> = Vec::with_capacity(self.featured.len());
        for id in &self.featured {
            check_course_id(id)?;
            if checked.contains(id) {
                return Err(SiteError::FeaturedTwice(id.clone()));
            }
            if !offered(id) {
                return Err(SiteError::NotOffered(id.clone()));
            }
            checked.push(id.clone());
        }
        Ok(checked)
    }
}

/// `PUT /api/site/courses`: every course (`all`), or the ones listed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoursesChange {
    pub all: bool,
    #[serde(default)]
    pub courses: Vec<String>,
}

impl CoursesChange {
    /// The selection this change makes, checked against the platform's course ids.
    pub fn selection<'a>(
        &self,
        known: impl IntoIterator<Item = &'a str>,
    ) -> Result<CourseSelection, SiteError> {
        if self.all {
            return Ok(CourseSelection::All);
        }
        if self.courses.is_empty() {
            return Err(SiteError::NoCourses);
        }
        let known: BTreeSet<&str> = known.into_iter().collect();
        let mut chosen = BTreeSet::new();
        for id in &self.courses {
            check_course_id(id)?;
            if !known.contains(id.as_str()) {
                return Err(SiteError::UnknownCourse(id.clone()));
            }
            chosen.insert(id.clone());
        }
        Ok(CourseSelection::Only(chosen))
    }
}

/// Which courses of the shared catalogue a site offers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CourseSelection {
    /// Every course the platform has, now and later.
    All,
    /// These course ids only (an id the catalogue does not have is offered once it does).
    Only(BTreeSet<String>),
}

impl CourseSelection {
    /// True when the site offers the course with this id.
    pub fn offers(&self, course_id: &str) -> bool {
        match self {
            CourseSelection::All => true,
            CourseSelection::Only(ids) => ids.contains(course_id),
        }
    }
}

/// A site's problem, said so its admin can fix the command they typed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SiteError {
    #[error(
        "a site id is 1 to {MAXIMUM_SITE_ID_LENGTH} lowercase letters, digits and hyphens, \
         starting with a letter, not {0:?}"
    )]
    Id(String),
    #[error("a site needs a name in at least one language")]
    NoName,
    #[error(
        "the site's name in {language} must be 1 to {MAXIMUM_SITE_NAME_CHARACTERS} characters \
         without control characters"
    )]
    Name { language: Language },
    #[error("{0:?} is not a host name (letters, digits, hyphens and dots, as in naju.example.kr)")]
    Host(String),
    #[error("a course id is 1 to 64 lowercase letters, digits and hyphens, not {0:?}")]
    CourseId(String),
    #[error("choose at least one course, or every course")]
    NoCourses,
    #[error("the platform has no course {0:?}")]
    UnknownCourse(String),
    #[error("home lists at most {HOME_COURSES} featured courses")]
    TooManyFeatured,
    #[error("{0:?} is featured twice")]
    FeaturedTwice(String),
    #[error("the site does not offer {0:?}: choose it among its courses first")]
    NotOffered(String),
}

/// Checks a site id: it is part of addresses and of the tables, so it is kept plain.
pub fn check_site_id(id: &str) -> Result<(), SiteError> {
    let mut bytes = id.bytes();
    let plain = matches!(bytes.next(), Some(b'a'..=b'z'))
        && bytes.all(|byte| matches!(byte, b'a'..=b'z' | b'0'..=b'9' | b'-'))
        && id.len() <= MAXIMUM_SITE_ID_LENGTH;
    if plain {
        Ok(())
    } else {
        Err(SiteError::Id(id.to_owned()))
    }
}

/// Checks a site's names: at least one, each a short line.
pub fn check_site_name(name: &LocalizedText) -> Result<(), SiteError> {
    if name.0.is_empty() {
        return Err(SiteError::NoName);
    }
    for (language, text) in &name.0 {
        let characters = text.trim().chars().count();
        if characters == 0
            || characters > MAXIMUM_SITE_NAME_CHARACTERS
            || text.chars().any(char::is_control)
        {
            return Err(SiteError::Name {
                language: *language,
            });
        }
    }
    Ok(())
}

/// Checks a course id given for a site's selection, with the rule course sources follow.
pub fn check_course_id(id: &str) -> Result<(), SiteError> {
    let plain = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|byte| matches!(byte, b'a'..=b'z' | b'0'..=b'9' | b'-'));
    if plain {
        Ok(())
    } else {
        Err(SiteError::CourseId(id.to_owned()))
    }
}

/// The host name a request names, as sites are keyed: its `Host` header without the port, in
/// lowercase, with one trailing dot taken off. `None` for anything that is not a host name
/// or an address (a hostile header picks no site, it does not reach a query).
pub fn normalize_host(header: &str) -> Option<String> {
    let header = header.trim();
    let host = if let Some(rest) = header.strip_prefix('[') {
        // An IPv6 address: `[::1]:8080`.
        let (address, after) = rest.split_once(']')?;
        if !(after.is_empty() || after.starts_with(':'))
            || address.is_empty()
            || !address
                .bytes()
                .all(|byte| byte.is_ascii_hexdigit() || byte == b':' || byte == b'.')
        {
            return None;
        }
        return Some(format!("[{}]", address.to_ascii_lowercase()));
    } else {
        match header.rsplit_once(':') {
            Some((host, port)) if port.bytes().all(|byte| byte.is_ascii_digit()) => host,
            Some(_) => return None,
            None => header,
        }
    };
    let host = host.strip_suffix('.').unwrap_or(host).to_ascii_lowercase();
    let well_formed = !host.is_empty()
        && host.len() <= MAXIMUM_HOST_LENGTH
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
        });
    well_formed.then_some(host)
}

/// Checks a host name an admin gives a site: what [`normalize_host`] would key it by, without
/// a port.
pub fn check_site_host(host: &str) -> Result<String, SiteError> {
    match normalize_host(host) {
        Some(normalized) if !host.contains(':') || host.starts_with('[') => Ok(normalized),
        _ => Err(SiteError::Host(host.to_owned())),
    }
}

/// Whether the site `site` (`None`: an address that is no site's) offers `course`: a site's
/// own course (one whose `sites` are listed) at those sites only, whatever they chose; a course
/// of the shared catalogue when `selection` has it.
pub fn offers(site: Option<&str>, selection: &CourseSelection, course: &CatalogCourse) -> bool {
    if course.sites.is_empty() {
        selection.offers(&course.id)
    } else {
        site.is_some_and(|site| course.sites.iter().any(|own| own == site))
    }
}

/// The catalogue the learners of `site` see (`None`: an address that is no site's, which
/// offers every course of the shared catalogue and no site's own): the courses it offers
/// ([`offers`]), in the catalogue's order.
pub fn site_catalog(
    catalog: &CatalogIndex,
    site: Option<&str>,
    selection: &CourseSelection,
) -> CatalogIndex {
    CatalogIndex {
        format: catalog.format,
        courses: catalog
            .courses
            .iter()
            .filter(|course| offers(site, selection, course))
            .cloned()
            .collect(),
    }
}

/// How xtask's first screen (`xtask/src/first_screen.rs`) opens each course's card; the
/// server finds the cards by it to list a site's courses.
pub const FIRST_SCREEN_CARD_START: &str =
    "<li class=\"course-card\" data-testid=\"first-screen-course-";
/// The first screen's brand name, after which the server writes the site's name.
pub const FIRST_SCREEN_BRAND_NAME: &str = "<span class=\"brand-name\">baeum</span>";
/// The file beside the learners' `index.html` that holds the first screen's card of every
/// course, one a line, from which the server makes a site's first screen: the page itself
/// carries only home's courses at an address that is no site's.
pub const FIRST_SCREEN_CARDS_FILE: &str = "first-screen-cards.txt";

/// The cards in `html` (the first screen's, or [`FIRST_SCREEN_CARDS_FILE`]'s): each course's
/// id, and where its card starts and ends.
fn first_screen_cards(html: &str) -> Vec<(&str, std::ops::Range<usize>)> {
    let mut cards = Vec::new();
    let mut offset = 0;
    while let Some(found) = html[offset..].find(FIRST_SCREEN_CARD_START) {
        let start = offset + found;
        let card = &html[start..];
        let id_start = FIRST_SCREEN_CARD_START.len();
        let (Some(id_end), Some(card_end)) = (card[id_start..].find('"'), card.find("</li>"))
        else {
            break;
        };
        let end = start + card_end + "</li>".len();
        cards.push((&card[id_start..id_start + id_end], start..end));
        offset = end;
    }
    cards
}

/// A learners' first screen as a site shows it: the cards of `courses` (home's, in order),
/// taken from `all_cards` (every course's, from [`FIRST_SCREEN_CARDS_FILE`]) or else from
/// the page's own.
pub struct SiteFirstScreen<'a> {
    pub courses: &'a [String],
    pub all_cards: Option<&'a str>,
}

/// An app's `index.html` as a site serves it: a `<meta>` element naming the site at the end
/// of its `<head>` (see [`SITE_META_ID`]), and, with a `first_screen` (the learners' page),
/// a first screen that lists home's courses at the site and names the site beside the brand,
/// as the app's header will. The first screen is in English, so is the name there (else any
/// it has). Markup it does not recognise is left as it is.
pub fn site_page(
    html: &str,
    name: &LocalizedText,
    first_screen: Option<&SiteFirstScreen>,
) -> String {
    let mut page = String::with_capacity(html.len() + 256);
    let cards = first_screen_cards(html);
    match (first_screen, cards.first(), cards.last()) {
        (Some(first_screen), Some((_, first)), Some((_, last))) => {
            let from_file = first_screen
                .all_cards
                .map(first_screen_cards)
                .unwrap_or_default();
            let card_of = |id: &str| {
                from_file
                    .iter()
                    .find(|(card_id, _)| *card_id == id)
                    .and_then(|(_, range)| Some(&first_screen.all_cards?[range.clone()]))
                    .or_else(|| {
                        cards
                            .iter()
                            .find(|(card_id, _)| *card_id == id)
                            .map(|(_, range)| &html[range.clone()])
                    })
            };
            page.push_str(&html[..first.start]);
            for id in first_screen.courses {
                if let Some(card) = card_of(id) {
                    page.push_str(card);
                }
            }
            page.push_str(&html[last.end..]);
        }
        _ => page.push_str(html),
    }
    let english = name.get_or_english(Language::En);
    let mut meta = format!(
        "<meta id=\"{SITE_META_ID}\" name=\"baeum-site\" content=\"{}\"",
        escape_html(english)
    );
    for (language, text) in &name.0 {
        meta.push_str(&format!(
            " data-{}=\"{}\"",
            language.code(),
            escape_html(text)
        ));
    }
    meta.push('>');
    let page = match page.find("</head>") {
        Some(end) => format!("{}{meta}{}", &page[..end], &page[end..]),
        None => page,
    };
    if first_screen.is_none() {
        return page;
    }
    let language = name
        .0
        .iter()
        .find(|(_, text)| text.as_str() == english)
        .map(|(language, _)| language.code())
        .unwrap_or("en");
    let named = format!(
        "{FIRST_SCREEN_BRAND_NAME}<span class=\"brand-site\" lang=\"{language}\" \
         data-testid=\"site-name\">{}</span>",
        escape_html(english)
    );
    page.replacen(FIRST_SCREEN_BRAND_NAME, &named, 1)
}

/// Text for an HTML element or a quoted attribute value (the server's site pages and xtask's
/// first screen).
pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            other => escaped.push(other),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_featured_list_names_offered_courses_once_and_at_most_home_s_count() {
        let offered = |id: &str| id != "elsewhere";
        let change = |ids: &[&str]| FeaturedChange {
            featured: ids.iter().map(|id| (*id).to_owned()).collect(),
        };
        assert_eq!(
            change(&["b", "a"]).checked(offered),
            Ok(vec!["b".into(), "a".into()])
        );
        assert_eq!(change(&[]).checked(offered), Ok(Vec::new()));
        assert_eq!(
            change(&["a", "a"]).checked(offered),
            Err(SiteError::FeaturedTwice("a".into()))
        );
        assert_eq!(
            change(&["elsewhere"]).checked(offered),
            Err(SiteError::NotOffered("elsewhere".into()))
        );
        assert_eq!(
            change(&["Bad"]).checked(offered),
            Err(SiteError::CourseId("Bad".into()))
        );
        let many: Vec<String> = (0..=HOME_COURSES).map(|n| format!("c{n}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(
            change(&many).checked(offered),
            Err(SiteError::TooManyFeatured)
        );
    }
    use super::*;

    #[test]
    fn a_change_of_courses_names_only_the_platforms_courses() {
        let known = ["hangul", "science-basics"];
        let change = |all, courses: &[&str]| CoursesChange {
            all,
            courses: courses.iter().map(|id| (*id).to_owned()).collect(),
        };
        assert_eq!(
            change(true, &["ignored"]).selection(known),
            Ok(CourseSelection::All)
        );
        assert_eq!(
            change(false, &["hangul", "hangul"]).selection(known),
            Ok(CourseSelection::Only(BTreeSet::from(["hangul".to_owned()])))
        );
        assert_eq!(
            change(false, &[]).selection(known),
            Err(SiteError::NoCourses)
        );
        assert_eq!(
            change(false, &["survival-korean"]).selection(known),
            Err(SiteError::UnknownCourse("survival-korean".into()))
        );
        assert_eq!(
            change(false, &["Hangul!"]).selection(known),
            Err(SiteError::CourseId("Hangul!".into()))
        );
    }

    #[test]
    fn hosts_are_keyed_without_port_case_or_trailing_dot() {
        assert_eq!(
            normalize_host("Naju.Example.KR:8080").as_deref(),
            Some("naju.example.kr")
        );
        assert_eq!(
            normalize_host("naju.example.kr.").as_deref(),
            Some("naju.example.kr")
        );
        assert_eq!(
            normalize_host("127.0.0.1:8080").as_deref(),
            Some("127.0.0.1")
        );
        assert_eq!(normalize_host("[::1]:8080").as_deref(), Some("[::1]"));
        assert_eq!(
            normalize_host("naju.localhost").as_deref(),
            Some("naju.localhost")
        );
    }

    #[test]
    fn hostile_hosts_name_no_site() {
        for bad in [
            "",
            ":80",
            "a b",
            "naju.example.kr:80x",
            "naju..kr",
            "-naju.kr",
            "naju.kr/evil",
            "naju.kr'; DROP TABLE sites",
            "[::1]x",
            "[]",
            "ナジュ.kr",
            &"a".repeat(64),
        ] {
            assert_eq!(normalize_host(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn an_admin_gives_a_host_without_a_port() {
        assert_eq!(
            check_site_host("Naju.example.kr").unwrap(),
            "naju.example.kr"
        );
        assert!(check_site_host("naju.example.kr:8080").is_err());
        assert!(check_site_host("http://naju.example.kr").is_err());
    }

    #[test]
    fn a_sites_pages_name_it_and_its_first_screen_lists_its_courses() {
        let html = format!(
            "<head><title>baeum</title></head><header>{FIRST_SCREEN_BRAND_NAME}</header>\
             <ul class=\"course-list\">\
             {FIRST_SCREEN_CARD_START}hangul\"><a>H</a></li>\
             {FIRST_SCREEN_CARD_START}math-4\"><a>M</a></li></ul>"
        );
        let name = LocalizedText::from_pairs([(Language::Ko, "나주 <배움>")]);
        let only_maths = ["math-4".to_owned()];
        let first_screen = SiteFirstScreen {
            courses: &only_maths,
            all_cards: None,
        };
        let page = site_page(&html, &name, Some(&first_screen));
        assert!(!page.contains("hangul"), "{page}");
        assert!(page.contains("math-4\"><a>M</a></li></ul>"), "{page}");
        assert!(
            page.contains("<span class=\"brand-site\" lang=\"ko\" data-testid=\"site-name\">나주 &lt;배움&gt;</span>"),
            "{page}"
        );
        assert!(
            page.contains(
                "<meta id=\"baeum-site\" name=\"baeum-site\" content=\"나주 &lt;배움&gt;\" \
                 data-ko=\"나주 &lt;배움&gt;\"></head>"
            ),
            "{page}"
        );
        // A site's home may list courses the page does not carry: their cards come from the
        // file of every card, in home's order.
        let all_cards = format!(
            "{FIRST_SCREEN_CARD_START}hangul\"><a>H</a></li>\n\
             {FIRST_SCREEN_CARD_START}math-4\"><a>M</a></li>\n\
             {FIRST_SCREEN_CARD_START}science-9\"><a>S</a></li>\n"
        );
        let home = [
            "science-9".to_owned(),
            "hangul".to_owned(),
            "gone".to_owned(),
        ];
        let first_screen = SiteFirstScreen {
            courses: &home,
            all_cards: Some(&all_cards),
        };
        let page = site_page(&html, &name, Some(&first_screen));
        assert!(
            page.contains(&format!(
                "<ul class=\"course-list\">{FIRST_SCREEN_CARD_START}science-9\"><a>S</a></li>\
                 {FIRST_SCREEN_CARD_START}hangul\"><a>H</a></li></ul>"
            )),
            "{page}"
        );
        // The teachers' page: named, nothing else touched.
        let teachers = site_page(&html, &name, None);
        assert!(teachers.contains("data-ko=") && teachers.contains("hangul"));
        assert!(!teachers.contains("brand-site"));
    }

    #[test]
    fn a_sites_own_course_is_offered_there_only_whatever_the_selections() {
        let course = |id: &str, sites: &[&str]| CatalogCourse {
            id: id.to_owned(),
            version: 1,
            subject: crate::content::Subject::Korean,
            level: crate::content::Level::Beginner,
            title: LocalizedText::default(),
            description: LocalizedText::default(),
            manifest: String::new(),
            size: crate::content::ByteSize::default(),
            units: Vec::new(),
            sites: sites.iter().map(|site| (*site).to_owned()).collect(),
        };
        let catalog = CatalogIndex {
            format: 1,
            courses: vec![
                course("hangul", &[]),
                course("naju-history", &["naju"]),
                course("math-4", &[]),
            ],
        };
        let ids = |served: CatalogIndex| -> Vec<String> {
            served.courses.into_iter().map(|course| course.id).collect()
        };
        let only_maths = CourseSelection::Only(["math-4".to_owned()].into());
        assert_eq!(
            ids(site_catalog(&catalog, Some("naju"), &only_maths)),
            ["naju-history", "math-4"]
        );
        // Another site cannot offer it, even choosing it or every course.
        let chose_it = CourseSelection::Only(["naju-history".to_owned()].into());
        assert!(ids(site_catalog(&catalog, Some("almaty"), &chose_it)).is_empty());
        assert_eq!(
            ids(site_catalog(
                &catalog,
                Some("almaty"),
                &CourseSelection::All
            )),
            ["hangul", "math-4"]
        );
        // Nor does an address that is no site's.
        assert_eq!(
            ids(site_catalog(&catalog, None, &CourseSelection::All)),
            ["hangul", "math-4"]
        );
    }

    #[test]
    fn a_staff_change_names_the_role_or_null_and_nothing_else() {
        let read = |text: &str| serde_json::from_str::<StaffChange>(text);
        assert_eq!(
            read(r#"{"role":"admin"}"#).ok(),
            Some(StaffChange {
                role: Some(StaffRole::Admin)
            })
        );
        assert_eq!(
            read(r#"{"role":null}"#).ok(),
            Some(StaffChange { role: None })
        );
        assert!(read("{}").is_err(), "a forgotten role takes nobody off");
        assert!(read(r#"{"role":"teacher","site":"x"}"#).is_err());
    }

    #[test]
    fn site_ids_are_plain() {
        assert!(check_site_id("naju").is_ok());
        assert!(check_site_id("hai-phong-2").is_ok());
        for bad in ["", "Naju", "2naju", "na ju", "naju/", &"a".repeat(41)] {
            assert!(check_site_id(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn names_are_short_lines_in_at_least_one_language() {
        let name = |text: &str| LocalizedText::from_pairs([(Language::Ko, text)]);
        assert!(check_site_name(&name("나주 배움터")).is_ok());
        assert_eq!(
            check_site_name(&LocalizedText::default()),
            Err(SiteError::NoName)
        );
        assert!(check_site_name(&name("  ")).is_err());
        assert!(check_site_name(&name("a\nb")).is_err());
        assert!(check_site_name(&name(&"가".repeat(61))).is_err());
    }
}
