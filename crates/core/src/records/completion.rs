//! When a course is complete enough for a certificate: the rule a course's source writes
//! (`completion` in course.toml, carried in its manifest) and the check of a learner's
//! progress against it. The server decides with it from the learner's stored statements (its
//! progress rows are core's fold of them), never from a client's claim; the client shows the
//! same check as progress toward the certificate.

use serde::{Deserialize, Serialize};

use crate::content::CourseManifest;
use crate::progress::{LearnerReport, Progress};

/// The most hours a certificate may state: a course is not a degree.
pub const MAX_HOURS: u32 = 1_000;

/// What completing a course means. In course.toml:
///
/// ```toml
/// completion = { hours = 8, min_score_percent = 80 }
/// ```
///
/// with an optional `lessons = ["…"]` naming the lessons that count (every lesson of the
/// course when left out). The manifest always lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompletionRule {
    /// The learning time the certificate states, in hours.
    pub hours: u32,
    /// The best score each counted lesson needs, in percent (0: completing it is enough).
    pub min_score_percent: u8,
    /// The lessons that count, in course order.
    pub lessons: Vec<String>,
}

/// What a learner's progress needs to say about a lesson for the rule. The full fold
/// ([`Progress`]) and the server's stored report of it ([`LearnerReport`]) both answer, so
/// the client and the server decide alike.
pub trait LessonResults {
    fn is_lesson_completed(&self, course_id: &str, lesson_id: &str) -> bool;
    /// The best scaled score (0–1) of the lesson's completions, if any carried a score.
    fn best_lesson_score(&self, course_id: &str, lesson_id: &str) -> Option<f64>;
}

impl LessonResults for LearnerReport {
    fn is_lesson_completed(&self, course_id: &str, lesson_id: &str) -> bool {
        LearnerReport::is_lesson_completed(self, course_id, lesson_id)
    }
    fn best_lesson_score(&self, course_id: &str, lesson_id: &str) -> Option<f64> {
        LearnerReport::best_lesson_score(self, course_id, lesson_id)
    }
}

impl LessonResults for Progress {
    fn is_lesson_completed(&self, course_id: &str, lesson_id: &str) -> bool {
        crate::progress::LessonActivity::is_lesson_completed(self, course_id, lesson_id)
    }
    fn best_lesson_score(&self, course_id: &str, lesson_id: &str) -> Option<f64> {
        Progress::best_lesson_score(self, course_id, lesson_id)
    }
}

/// Why a counted lesson does not count yet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum LessonShortfall {
    /// Never completed.
    NotCompleted,
    /// Completed, but the best score is under the rule's (scaled, 0–1; none when no completion
    /// carried a score).
    ScoreTooLow { best: Option<f64> },
}

/// A learner's standing against a course's rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CompletionStatus {
    pub course_id: String,
    /// Counted lessons that count.
    pub done: usize,
    /// Counted lessons in all.
    pub total: usize,
    /// Each counted lesson that does not count yet, in course order.
    pub missing: Vec<(String, LessonShortfall)>,
}

impl CompletionStatus {
    /// Complete: every counted lesson counts (a rule with no lessons is never complete).
    pub fn is_complete(&self) -> bool {
        self.total > 0 && self.missing.is_empty()
    }
}

impl CompletionRule {
    /// The learner's standing in the manifest's course.
    pub fn check(&self, course_id: &str, results: &impl LessonResults) -> CompletionStatus {
        let needed = f64::from(self.min_score_percent) / 100.0;
        let mut missing = Vec::new();
        for lesson in &self.lessons {
            if !results.is_lesson_completed(course_id, lesson) {
                missing.push((lesson.clone(), LessonShortfall::NotCompleted));
                continue;
            }
            if self.min_score_percent == 0 {
                continue;
            }
            let best = results.best_lesson_score(course_id, lesson);
            // A score is scaled 0–1; the small margin keeps 0.8 from failing "80" by rounding.
            if !best.is_some_and(|score| score + 1e-9 >= needed) {
                missing.push((lesson.clone(), LessonShortfall::ScoreTooLow { best }));
            }
        }
        CompletionStatus {
            course_id: course_id.to_owned(),
            done: self.lessons.len() - missing.len(),
            total: self.lessons.len(),
            missing,
        }
    }
}

/// The manifest's rule checked against a learner: `None` when the course gives no
/// certificate (its source has no `completion`).
pub fn completion_status(
    manifest: &CourseManifest,
    results: &impl LessonResults,
) -> Option<CompletionStatus> {
    Some(manifest.completion.as_ref()?.check(&manifest.id, results))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    struct Results(BTreeMap<&'static str, Option<f64>>);

    impl LessonResults for Results {
        fn is_lesson_completed(&self, course_id: &str, lesson_id: &str) -> bool {
            course_id == "hangul" && self.0.contains_key(lesson_id)
        }
        fn best_lesson_score(&self, course_id: &str, lesson_id: &str) -> Option<f64> {
            if course_id != "hangul" {
                return None;
            }
            self.0.get(lesson_id).copied().flatten()
        }
    }

    fn rule(min_score_percent: u8) -> CompletionRule {
        CompletionRule {
            hours: 8,
            min_score_percent,
            lessons: vec!["a".into(), "b".into(), "c".into()],
        }
    }

    #[test]
    fn every_counted_lesson_must_be_completed_with_the_score() {
        let results = Results(BTreeMap::from([
            ("a", Some(1.0)),
            ("b", Some(0.8)),
            ("c", Some(0.79)),
        ]));
        let status = rule(80).check("hangul", &results);
        assert_eq!((status.done, status.total), (2, 3));
        assert_eq!(
            status.missing,
            vec![(
                "c".to_owned(),
                LessonShortfall::ScoreTooLow { best: Some(0.79) }
            )]
        );
        assert!(!status.is_complete());
        assert!(rule(79).check("hangul", &results).is_complete());
    }

    #[test]
    fn a_lesson_never_completed_or_without_a_score_does_not_count() {
        let results = Results(BTreeMap::from([("a", None), ("b", Some(1.0))]));
        let status = rule(50).check("hangul", &results);
        assert_eq!(
            status.missing,
            vec![
                ("a".to_owned(), LessonShortfall::ScoreTooLow { best: None }),
                ("c".to_owned(), LessonShortfall::NotCompleted),
            ]
        );
        // With no score needed, completing is enough; another course's lessons never count.
        let all = Results(BTreeMap::from([("a", None), ("b", None), ("c", None)]));
        assert!(rule(0).check("hangul", &all).is_complete());
        assert!(!rule(0).check("science", &all).is_complete());
    }

    #[test]
    fn a_rule_without_lessons_is_never_complete() {
        let empty = CompletionRule {
            hours: 1,
            min_score_percent: 0,
            lessons: Vec::new(),
        };
        assert!(!empty
            .check("hangul", &Results(BTreeMap::new()))
            .is_complete());
    }
}
