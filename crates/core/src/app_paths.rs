//! Which client app answers an address, and which of its pages: the teachers' app owns `/teach`
//! and the paths below it, the learners' app everything else. The server falls back to the right
//! `index.html` by it, and the client decides by it whether a link stays in the running app,
//! which page a path shows (each app's route table below) and which navigation link is current.

/// Where the teachers' app lives.
pub const TEACHING_APP_PATH: &str = "/teach";

/// True for `/teach` and the paths below it.
pub fn is_teaching_path(path: &str) -> bool {
    path.strip_prefix(TEACHING_APP_PATH)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// One address pattern of an app and the page it shows: segments separated by `/`, each a
/// literal or a `:name` parameter that takes any one non-empty segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Route<Page> {
    pub pattern: &'static str,
    pub page: Page,
}

/// The learners' app's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LearnersPage {
    Home,
    Course,
    Lesson,
    Settings,
    Me,
    Review,
    History,
    Classes,
    /// Where to get help (issue 23): help lines, always in the menu.
    Help,
    /// The whole catalogue, searched page by page (issue 19).
    Catalog,
    /// The learner's certificates, and asking for one (issue 21).
    Certificates,
    /// Checking a certificate, with no connection if need be (issue 21); what its QR code
    /// opens, the certificate after `#`.
    Verify,
}

/// The learners' app's addresses (every path outside `/teach`). A path none matches is the
/// not-found page.
pub const LEARNERS_ROUTES: &[Route<LearnersPage>] = &[
    Route {
        pattern: "/",
        page: LearnersPage::Home,
    },
    Route {
        pattern: "/courses/:course",
        page: LearnersPage::Course,
    },
    Route {
        pattern: "/courses/:course/:lesson",
        page: LearnersPage::Lesson,
    },
    Route {
        pattern: "/settings",
        page: LearnersPage::Settings,
    },
    Route {
        pattern: "/me",
        page: LearnersPage::Me,
    },
    Route {
        pattern: "/review",
        page: LearnersPage::Review,
    },
    Route {
        pattern: "/history",
        page: LearnersPage::History,
    },
    Route {
        pattern: "/classes",
        page: LearnersPage::Classes,
    },
    Route {
        pattern: "/help",
        page: LearnersPage::Help,
    },
    Route {
        pattern: "/catalog",
        page: LearnersPage::Catalog,
    },
    Route {
        pattern: "/certificates",
        page: LearnersPage::Certificates,
    },
    Route {
        pattern: "/verify",
        page: LearnersPage::Verify,
    },
];

/// The teachers' app's pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeachersPage {
    /// The teacher's classes.
    Classes,
    /// One class: members, assignments, dashboard.
    Class,
    /// One learner of a class.
    Learner,
    /// The site of the address, for its staff: its courses, invitations, its report.
    Site,
}

/// The teachers' app's addresses (`/teach` and below).
pub const TEACHERS_ROUTES: &[Route<TeachersPage>] = &[
    Route {
        pattern: "/teach",
        page: TeachersPage::Classes,
    },
    Route {
        pattern: "/teach/classes/:id",
        page: TeachersPage::Class,
    },
    Route {
        pattern: "/teach/classes/:id/learners/:learner",
        page: TeachersPage::Learner,
    },
    Route {
        pattern: "/teach/site",
        page: TeachersPage::Site,
    },
];

/// The parameters a path gave its route's `:name` segments, percent-decoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathParameters(Vec<(&'static str, String)>);

impl PathParameters {
    /// The value of parameter `name`, if the route has one.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(parameter, _)| *parameter == name)
            .map(|(_, value)| value.as_str())
    }
}

/// The page a path shows and its parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteMatch<Page> {
    pub page: Page,
    pub parameters: PathParameters,
}

/// The segments of a path (without query or fragment): one trailing `/` is ignored, so `/me/`
/// is `/me`, as links and typed addresses both end up there.
fn segments(path: &str) -> impl Iterator<Item = &str> {
    let path = path.strip_prefix('/').unwrap_or(path);
    let path = path.strip_suffix('/').unwrap_or(path);
    // `/` alone has no segment at all, rather than one empty one.
    path.split('/').filter(move |_| !path.is_empty())
}

/// The first route of `routes` whose pattern `path` fits, segment by segment.
pub fn match_route<Page: Copy>(routes: &[Route<Page>], path: &str) -> Option<RouteMatch<Page>> {
    routes.iter().find_map(|route| {
        let mut parameters = Vec::new();
        let mut wanted = segments(route.pattern);
        let mut given = segments(path);
        loop {
            match (wanted.next(), given.next()) {
                (None, None) => {
                    return Some(RouteMatch {
                        page: route.page,
                        parameters: PathParameters(parameters),
                    })
                }
                (Some(pattern), Some(segment)) => {
                    if let Some(name) = pattern.strip_prefix(':') {
                        if segment.is_empty() {
                            return None;
                        }
                        parameters.push((name, decode_segment(segment)));
                    } else if pattern != segment {
                        return None;
                    }
                }
                _ => return None,
            }
        }
    })
}

/// A segment with its `%XX` escapes decoded; a segment whose escapes are not UTF-8 is kept as
/// it came (the page then finds no such course or class, and says so).
fn decode_segment(segment: &str) -> String {
    percent_encoding::percent_decode_str(segment)
        .decode_utf8()
        .map_or_else(|_| segment.to_owned(), |decoded| decoded.into_owned())
}

/// Whether a navigation link to `href` marks the page at `path` as current
/// (`aria-current="page"`): the same path when `exact`, else the same path or one below it
/// (`/teach` is current on `/teach/classes/7`), with `/` current only on `/` itself.
pub fn is_current(href: &str, path: &str, exact: bool) -> bool {
    let mut wanted = segments(href);
    let mut given = segments(path);
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return true,
            (None, Some(_)) => return !exact && href != "/",
            (Some(link), Some(segment)) if link == segment => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_teach_and_below_belong_to_the_teachers_app() {
        for path in ["/teach", "/teach/", "/teach/classes/7/learners/3"] {
            assert!(is_teaching_path(path), "{path}");
        }
        for path in ["/", "/teacher-notes", "/classes", "/courses/teach"] {
            assert!(!is_teaching_path(path), "{path}");
        }
    }

    fn learners(path: &str) -> Option<(LearnersPage, Vec<(&'static str, String)>)> {
        match_route(LEARNERS_ROUTES, path).map(|found| (found.page, found.parameters.0))
    }

    #[test]
    fn the_learners_paths_find_their_pages_and_parameters() {
        use LearnersPage::*;
        assert_eq!(learners("/"), Some((Home, vec![])));
        assert_eq!(learners(""), Some((Home, vec![])));
        assert_eq!(learners("/settings"), Some((Settings, vec![])));
        assert_eq!(learners("/me/"), Some((Me, vec![])));
        assert_eq!(learners("/review"), Some((Review, vec![])));
        assert_eq!(learners("/history"), Some((History, vec![])));
        assert_eq!(learners("/classes"), Some((Classes, vec![])));
        assert_eq!(learners("/help"), Some((Help, vec![])));
        assert_eq!(learners("/catalog"), Some((Catalog, vec![])));
        assert_eq!(learners("/certificates"), Some((Certificates, vec![])));
        assert_eq!(learners("/verify"), Some((Verify, vec![])));
        assert_eq!(
            learners("/courses/hangul"),
            Some((Course, vec![("course", "hangul".to_owned())]))
        );
        assert_eq!(
            learners("/courses/hangul/vowels-1"),
            Some((
                Lesson,
                vec![
                    ("course", "hangul".to_owned()),
                    ("lesson", "vowels-1".to_owned())
                ]
            ))
        );
        let lesson = match_route(LEARNERS_ROUTES, "/courses/hangul/vowels-1/");
        assert_eq!(
            lesson
                .as_ref()
                .and_then(|found| found.parameters.get("lesson")),
            Some("vowels-1")
        );
        assert_eq!(
            lesson.and_then(|found| found.parameters.get("unit").map(str::to_owned)),
            None
        );
    }

    #[test]
    fn parameters_are_percent_decoded_and_bad_escapes_kept() {
        assert_eq!(
            learners("/courses/%ED%95%9C%EA%B8%80"),
            Some((LearnersPage::Course, vec![("course", "한글".to_owned())]))
        );
        assert_eq!(
            learners("/courses/%FF"),
            Some((LearnersPage::Course, vec![("course", "%FF".to_owned())]))
        );
    }

    #[test]
    fn other_paths_find_no_page() {
        for path in [
            "/nowhere",
            "/courses",
            "/courses/",
            "/courses//vowels-1",
            "/courses/hangul/vowels-1/more",
            "/settings/more",
            "/me//",
            "/Settings",
        ] {
            assert_eq!(learners(path), None, "{path}");
        }
    }

    #[test]
    fn the_teachers_paths_find_their_pages() {
        let found = |path| match_route(TEACHERS_ROUTES, path);
        assert_eq!(
            found("/teach").map(|found| found.page),
            Some(TeachersPage::Classes)
        );
        assert_eq!(
            found("/teach/").map(|found| found.page),
            Some(TeachersPage::Classes)
        );
        let class = found("/teach/classes/0190c6a2-7b1e-7000-8000-000000000001");
        assert_eq!(
            class.as_ref().map(|found| found.page),
            Some(TeachersPage::Class)
        );
        assert_eq!(
            class.as_ref().and_then(|found| found.parameters.get("id")),
            Some("0190c6a2-7b1e-7000-8000-000000000001")
        );
        assert_eq!(
            found("/teach/site").map(|found| found.page),
            Some(TeachersPage::Site)
        );
        let learner = found("/teach/classes/7/learners/3");
        assert_eq!(
            learner.as_ref().map(|found| found.page),
            Some(TeachersPage::Learner)
        );
        assert_eq!(
            learner
                .as_ref()
                .and_then(|found| found.parameters.get("id")),
            Some("7")
        );
        assert_eq!(
            learner
                .as_ref()
                .and_then(|found| found.parameters.get("learner")),
            Some("3")
        );
        for path in [
            "/",
            "/teach/classes",
            "/teach/classes/7/learners",
            "/teach/other",
        ] {
            assert_eq!(found(path), None, "{path}");
        }
    }

    #[test]
    fn a_navigation_link_is_current_on_its_page_and_below_unless_exact() {
        assert!(is_current("/", "/", false));
        assert!(is_current("/", "/", true));
        assert!(!is_current("/", "/me", false));
        assert!(is_current("/me", "/me", false));
        assert!(is_current("/me", "/me/", true));
        assert!(!is_current("/me", "/", false));
        assert!(!is_current("/me", "/settings", false));
        assert!(!is_current("/me", "/meet", false));
        assert!(is_current("/teach", "/teach/classes/7", false));
        assert!(!is_current("/teach", "/teach/classes/7", true));
        assert!(is_current(
            "/courses/hangul",
            "/courses/hangul/vowels-1",
            false
        ));
        assert!(!is_current(
            "/courses/hangul/vowels-1",
            "/courses/hangul",
            false
        ));
    }
}
