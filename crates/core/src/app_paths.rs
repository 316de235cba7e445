//! Which of the two client apps answers an address: the teachers' app owns `/teach` and the
//! paths below it, the learners' app everything else. The server falls back to the right
//! `index.html` by it, and the client decides by it whether a link stays in the running app.

/// Where the teachers' app lives.
pub const TEACHING_APP_PATH: &str = "/teach";

/// True for `/teach` and the paths below it.
pub fn is_teaching_path(path: &str) -> bool {
    path.strip_prefix(TEACHING_APP_PATH)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
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
}
