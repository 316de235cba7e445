//! Names of courses, units and lessons for the teaching pages, which otherwise only have ids:
//! a teacher thinks of "Basic consonants", not `consonants-1`. The names come from the catalog
//! and the manifests of the courses on screen (the service worker keeps both, so they are there
//! offline too); until they load, or when they cannot, the ids are shown instead.

use std::collections::{BTreeMap, BTreeSet};

use baeum_core::content::{CourseManifest, Language};
use leptos::prelude::*;

use crate::browser;
use crate::content_client::{load_home_catalog, load_manifest};

/// Titles in the help language, by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ContentNames {
    courses: BTreeMap<String, String>,
    /// By (course id, unit id).
    units: BTreeMap<(String, String), String>,
    /// By (course id, lesson id).
    lessons: BTreeMap<(String, String), String>,
}

impl ContentNames {
    /// Adds the titles of a course, its units and its lessons.
    pub fn add_manifest(&mut self, manifest: &CourseManifest, language: Language) {
        self.courses.insert(
            manifest.id.clone(),
            manifest.title.get_or_english(language).to_owned(),
        );
        for unit in &manifest.units {
            self.units.insert(
                (manifest.id.clone(), unit.id.clone()),
                unit.title.get_or_english(language).to_owned(),
            );
            for lesson in &unit.lessons {
                self.lessons.insert(
                    (manifest.id.clone(), lesson.id.clone()),
                    lesson.title.get_or_english(language).to_owned(),
                );
            }
        }
    }

    pub fn course(&self, course_id: &str) -> String {
        self.courses
            .get(course_id)
            .cloned()
            .unwrap_or_else(|| course_id.to_owned())
    }

    pub fn unit(&self, course_id: &str, unit_id: &str) -> String {
        self.units
            .get(&(course_id.to_owned(), unit_id.to_owned()))
            .cloned()
            .unwrap_or_else(|| crate::t!("teach-unit-by-id", id = unit_id))
    }

    pub fn lesson(&self, course_id: &str, lesson_id: &str) -> String {
        self.lessons
            .get(&(course_id.to_owned(), lesson_id.to_owned()))
            .cloned()
            .unwrap_or_else(|| crate::t!("teach-lesson-by-id", id = lesson_id))
    }

    /// What an assignment covers: "Course › Unit › Lesson", "Course › Unit (whole unit)" or
    /// "Course (whole course)".
    pub fn target(
        &self,
        course_id: &str,
        unit_id: Option<&str>,
        lesson_id: Option<&str>,
    ) -> String {
        let course = self.course(course_id);
        match (unit_id, lesson_id) {
            (Some(unit), Some(lesson)) => format!(
                "{course} › {} › {}",
                self.unit(course_id, unit),
                self.lesson(course_id, lesson)
            ),
            (None, Some(lesson)) => format!("{course} › {}", self.lesson(course_id, lesson)),
            (Some(unit), None) => {
                let unit = self.unit(course_id, unit);
                crate::t!("teach-target-whole-unit", course = course, unit = unit)
            }
            (None, None) => crate::t!("teach-target-whole-course", course = course),
        }
    }
}

/// Loads the names of the courses `course_ids` returns, again whenever that set changes.
pub fn use_content_names(
    course_ids: impl Fn() -> BTreeSet<String> + Send + Sync + 'static,
) -> Signal<ContentNames> {
    let wanted = Memo::new(move |_| course_ids());
    let loaded = LocalResource::new(move || {
        let wanted = wanted.get();
        async move { load_names(&wanted).await }
    });
    Signal::derive(move || loaded.get().unwrap_or_default())
}

async fn load_names(course_ids: &BTreeSet<String>) -> ContentNames {
    let mut names = ContentNames::default();
    if course_ids.is_empty() {
        return names;
    }
    let language = browser::help_language();
    let wanted: Vec<String> = course_ids.iter().cloned().collect();
    let Ok(catalog) = load_home_catalog(&wanted).await else {
        return names;
    };
    for course in catalog
        .courses
        .iter()
        .filter(|course| course_ids.contains(&course.id))
    {
        names.courses.insert(
            course.id.clone(),
            course.title.get_or_english(language).to_owned(),
        );
        let manifest = load_manifest(course).await;
        // A manifest that cannot be loaded leaves its units and lessons named by id.
        if let Ok(manifest) = manifest {
            names.add_manifest(&manifest, language);
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn names() -> ContentNames {
        let mut names = ContentNames::default();
        names
            .courses
            .insert("hangul".to_owned(), "Hangul".to_owned());
        names.units.insert(
            ("hangul".to_owned(), "consonants".to_owned()),
            "Consonants".to_owned(),
        );
        names.lessons.insert(
            ("hangul".to_owned(), "consonants-1".to_owned()),
            "ㄱ ㄴ ㄷ".to_owned(),
        );
        names
    }

    #[wasm_bindgen_test]
    fn an_assignment_is_named_by_titles_and_falls_back_to_ids() {
        let names = names();
        assert_eq!(
            names.target("hangul", Some("consonants"), Some("consonants-1")),
            "Hangul › Consonants › ㄱ ㄴ ㄷ"
        );
        assert_eq!(
            names.target("hangul", Some("consonants"), None),
            "Hangul › Consonants (whole unit)"
        );
        assert_eq!(names.target("hangul", None, None), "Hangul (whole course)");
        assert_eq!(
            names.target("science", Some("plants"), Some("leaves")),
            "science › unit plants › lesson leaves"
        );
    }
}
