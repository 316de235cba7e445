//! Reports for a city or the province (issue 19): per course and per month, how many learners
//! were active, how many lessons they completed and how many finished the course, with every
//! count that rests on fewer than [`SMALLEST_SHOWN_GROUP`] learners suppressed, so no report
//! identifies a child. The server feeds it the learning events of a site's learners; the rule
//! is here, once.
//!
//! A month is the learner's own calendar month (the event's local date), as their streak's
//! days are. A lesson counts as completed in the month of its first completion by that
//! learner; a course in the month its last missing lesson was first completed.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::record::{LearningEvent, LearningVerb};

/// The fewest learners a shown count may rest on; a count resting on 1 to 4 is suppressed.
pub const SMALLEST_SHOWN_GROUP: usize = 5;

/// One count of a report: shown, or left out because it rests on too few learners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Count {
    Shown(u64),
    /// Written as `null`, and `<5` in the CSV.
    Suppressed(()),
}

impl Count {
    /// `count`, unless `learners` (how many it rests on) is 1 to 4.
    pub fn of(count: u64, learners: usize) -> Count {
        if (1..SMALLEST_SHOWN_GROUP).contains(&learners) {
            Count::Suppressed(())
        } else {
            Count::Shown(count)
        }
    }

    /// As a CSV cell.
    pub fn cell(self) -> String {
        match self {
            Count::Shown(count) => count.to_string(),
            Count::Suppressed(()) => format!("<{SMALLEST_SHOWN_GROUP}"),
        }
    }
}

/// One row: a course in a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthlyRow {
    pub course_id: String,
    /// `YYYY-MM`.
    pub month: String,
    pub learners_active: Count,
    pub lessons_completed: Count,
    pub courses_completed: Count,
}

/// `GET /api/reports`: a report's rows by site, course and month (the server makes it, the
/// teachers' app shows it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportView {
    /// When it was made, RFC 3339.
    pub generated_at: String,
    /// A count resting on fewer learners than this is `null`.
    pub smallest_shown_group: usize,
    pub rows: Vec<SiteRow>,
}

/// One row of a [`ReportView`]: a site's course in a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteRow {
    pub site_id: String,
    #[serde(flatten)]
    pub row: MonthlyRow,
}

/// The report over `events` (each with its learner's key), for courses whose lesson counts
/// are in `lessons_per_course` (a course it does not know is reported without completions of
/// the course). Rows by course, then month.
pub fn monthly_report<'a>(
    events: impl IntoIterator<Item = (&'a str, &'a LearningEvent)>,
    lessons_per_course: &BTreeMap<String, usize>,
) -> Vec<MonthlyRow> {
    // (course, month) → active learners; the first completion of each (learner, course,
    // lesson), by local date.
    let mut active: BTreeMap<(&str, String), BTreeSet<&str>> = BTreeMap::new();
    let mut first_completion: BTreeMap<(&str, &str, &str), chrono::NaiveDate> = BTreeMap::new();
    for (learner, event) in events {
        let month = event.local_date.format("%Y-%m").to_string();
        active
            .entry((event.course_id.as_str(), month))
            .or_default()
            .insert(learner);
        if event.verb == LearningVerb::Completed && event.item_id.is_none() {
            let key = (learner, event.course_id.as_str(), event.lesson_id.as_str());
            let date = first_completion.entry(key).or_insert(event.local_date);
            *date = (*date).min(event.local_date);
        }
    }
    // (course, month) → learners completing lessons, and lessons completed.
    let mut lessons: BTreeMap<(&str, String), (BTreeSet<&str>, u64)> = BTreeMap::new();
    // (learner, course) → the dates its lessons were first completed.
    let mut per_course: BTreeMap<(&str, &str), Vec<chrono::NaiveDate>> = BTreeMap::new();
    for ((learner, course, _), date) in &first_completion {
        let month = date.format("%Y-%m").to_string();
        let cell = lessons.entry((*course, month)).or_default();
        cell.0.insert(learner);
        cell.1 += 1;
        per_course.entry((learner, course)).or_default().push(*date);
    }
    // (course, month) → learners who finished the course then.
    let mut finished: BTreeMap<(&str, String), usize> = BTreeMap::new();
    for ((_, course), mut dates) in per_course {
        let Some(&needed) = lessons_per_course.get(course) else {
            continue;
        };
        if needed == 0 || dates.len() < needed {
            continue;
        }
        dates.sort();
        let month = dates[needed - 1].format("%Y-%m").to_string();
        *finished.entry((course, month)).or_default() += 1;
    }
    active
        .into_iter()
        .map(|((course, month), learners)| {
            let (completers, completed) = lessons
                .get(&(course, month.clone()))
                .map(|(learners, count)| (learners.len(), *count))
                .unwrap_or_default();
            let finishers = finished.get(&(course, month.clone())).copied().unwrap_or(0);
            MonthlyRow {
                course_id: course.to_owned(),
                month,
                learners_active: Count::of(learners.len() as u64, learners.len()),
                lessons_completed: Count::of(completed, completers),
                courses_completed: Count::of(finishers as u64, finishers),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use uuid::Uuid;

    fn event(
        verb: LearningVerb,
        course: &str,
        lesson: &str,
        date: (i32, u32, u32),
    ) -> LearningEvent {
        let local_date = NaiveDate::from_ymd_opt(date.0, date.1, date.2).expect("a date");
        LearningEvent {
            statement_id: Uuid::nil(),
            verb,
            course_id: course.into(),
            lesson_id: lesson.into(),
            item_id: None,
            item_kind: None,
            attempt: None,
            success: None,
            score: None,
            duration_ms: None,
            timestamp_ms: 0,
            utc_offset_seconds: 0,
            local_date,
        }
    }

    #[test]
    fn counts_resting_on_fewer_than_five_learners_are_suppressed() {
        let learners: Vec<String> = (0..6).map(|n| format!("learner-{n}")).collect();
        let mut events = Vec::new();
        // Six learners answer in March; five complete lesson l1 in March, one of them l1 again
        // in April (not counted again) and l2 in April (one learner: suppressed).
        for (index, learner) in learners.iter().enumerate() {
            events.push((
                learner.as_str(),
                event(LearningVerb::Answered, "hangul", "l1", (2027, 3, 2)),
            ));
            if index < 5 {
                events.push((
                    learner.as_str(),
                    event(LearningVerb::Completed, "hangul", "l1", (2027, 3, 9)),
                ));
            }
        }
        events.push((
            learners[0].as_str(),
            event(LearningVerb::Completed, "hangul", "l1", (2027, 4, 1)),
        ));
        events.push((
            learners[0].as_str(),
            event(LearningVerb::Completed, "hangul", "l2", (2027, 4, 3)),
        ));
        let courses = BTreeMap::from([("hangul".to_owned(), 2)]);
        let report = monthly_report(
            events.iter().map(|(learner, event)| (*learner, event)),
            &courses,
        );
        assert_eq!(
            report,
            [
                MonthlyRow {
                    course_id: "hangul".into(),
                    month: "2027-03".into(),
                    learners_active: Count::Shown(6),
                    lessons_completed: Count::Shown(5),
                    courses_completed: Count::Shown(0),
                },
                MonthlyRow {
                    course_id: "hangul".into(),
                    month: "2027-04".into(),
                    learners_active: Count::Suppressed(()),
                    lessons_completed: Count::Suppressed(()),
                    courses_completed: Count::Suppressed(()),
                },
            ]
        );
        assert_eq!(Count::Suppressed(()).cell(), "<5");
        assert_eq!(
            serde_json::to_string(&Count::Suppressed(())).unwrap(),
            "null"
        );
    }

    #[test]
    fn a_course_is_finished_in_the_month_of_its_last_first_completion() {
        let learners: Vec<String> = (0..5).map(|n| format!("learner-{n}")).collect();
        let mut events = Vec::new();
        for learner in &learners {
            events.push((
                learner.as_str(),
                event(LearningVerb::Completed, "c", "b", (2027, 5, 30)),
            ));
            events.push((
                learner.as_str(),
                event(LearningVerb::Completed, "c", "a", (2027, 6, 2)),
            ));
        }
        let courses = BTreeMap::from([("c".to_owned(), 2)]);
        let report = monthly_report(
            events.iter().map(|(learner, event)| (*learner, event)),
            &courses,
        );
        assert_eq!(report[0].courses_completed, Count::Shown(0));
        assert_eq!(report[1].month, "2027-06");
        assert_eq!(report[1].courses_completed, Count::Shown(5));
    }
}
