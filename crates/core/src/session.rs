//! One learner going through one lesson: which item is current, how each answer is graded,
//! and the summary at the end.
//!
//! The lesson player in the client is a thin view over [`LessonSession`], so every rule about
//! answers (what counts as correct, when a lesson is finished, how the score is computed) is
//! written once, here, and tested natively. Each graded answer becomes an [`AnswerEvent`]
//! that the client records as an xAPI statement.
//!
//! Rules:
//! - Items that teach (reading, culture note, letter, vocabulary) are "experienced" and never
//!   graded.
//! - The first answer to a graded item is the one that counts for the score. A wrong answer
//!   shows the correct one; the learner may try again (recorded as a further attempt) or move
//!   on.
//! - The session is serializable, so a learner who closes the app mid-lesson resumes at the
//!   same item with the same results.

use serde::{Deserialize, Serialize};

use crate::content::TargetLanguage;
use crate::content::{ItemKind, LessonFile, ListeningResponse};
use crate::grade::{grade_typed_in, normalize_answer, TypedGrade};

/// What the learner gave for the current item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// The index of the chosen option.
    Choice(usize),
    /// Typed Korean.
    Typed(String),
    /// Words in the order the learner arranged them.
    Ordering(Vec<String>),
}

impl Answer {
    /// The right answer to a graded item, as a learner would give it; `None` for items that
    /// are only read or seen. Tools that imitate a learner (the benchmark) answer with it.
    pub fn right_answer(kind: &ItemKind) -> Option<Answer> {
        match kind {
            ItemKind::Choice { answer, .. }
            | ItemKind::Listening {
                response: ListeningResponse::Choice { answer, .. },
                ..
            } => Some(Answer::Choice(*answer)),
            ItemKind::Typed { answer, .. }
            | ItemKind::FillBlank { answer, .. }
            | ItemKind::Listening {
                response: ListeningResponse::Typed { answer, .. },
                ..
            } => Some(Answer::Typed(answer.clone())),
            ItemKind::Ordering { words, .. } => Some(Answer::Ordering(words.clone())),
            ItemKind::Reading { .. }
            | ItemKind::CultureNote { .. }
            | ItemKind::HangulLetter { .. }
            | ItemKind::Vocab { .. } => None,
        }
    }

    /// The answer as the recorder writes it in a statement's `result.response`.
    pub fn response_text(&self) -> String {
        match self {
            Answer::Choice(index) => index.to_string(),
            Answer::Typed(text) => text.clone(),
            Answer::Ordering(words) => words.join(" "),
        }
    }
}

/// How an answer was judged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    pub correct: bool,
    /// The answer to show when the learner was wrong (an option's index for choices).
    pub expected: ExpectedAnswer,
    /// The jamo-level comparison, for typed answers.
    pub typed_grade: Option<TypedGrade>,
}

/// The right answer, as the player shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum ExpectedAnswer {
    Choice(usize),
    Text(String),
}

/// A graded answer or an experienced item, handed to the progress recorder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerEvent {
    pub item_id: String,
    /// The content type of the item (`choice`, `typed`, …).
    pub item_type: String,
    /// `None` for items that are experienced, not graded.
    pub correct: Option<bool>,
    /// What the learner gave, as text (the chosen option's index, the typed text, the
    /// arranged words joined by spaces).
    pub response: Option<String>,
    /// 1 for the first answer to this item, 2 for the second, …
    pub attempt: u32,
    /// Milliseconds from showing the item to this answer.
    pub duration_ms: u64,
}

/// The result of one graded item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemResult {
    pub first_answer_correct: bool,
    pub attempts: u32,
}

/// The end of a lesson.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LessonSummary {
    pub graded_items: usize,
    pub correct_first_time: usize,
    /// `correct_first_time / graded_items`, or 1.0 for a lesson with nothing graded.
    pub scaled_score: f64,
}

/// Why an answer could not be taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("the lesson is finished")]
    Finished,
    #[error("this item is not answered, it is read")]
    NotGraded,
    #[error("this answer does not fit a {item_type} item")]
    WrongAnswerKind { item_type: &'static str },
    #[error("option {index} does not exist")]
    NoSuchOption { index: usize },
}

/// Where a learner is in a lesson and what they have answered so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LessonSession {
    pub course_id: String,
    pub lesson_id: String,
    /// Index of the current item; equal to the item count once finished.
    pub position: usize,
    /// One entry per item, `None` until answered (always `None` for items that are read).
    pub results: Vec<Option<ItemResult>>,
    /// Whether the current item has been answered correctly or given up on, so the player
    /// shows "continue" instead of "check".
    pub current_settled: bool,
}

impl LessonSession {
    pub fn new(lesson: &LessonFile) -> Self {
        Self {
            course_id: lesson.course_id.clone(),
            lesson_id: lesson.id.clone(),
            position: 0,
            results: vec![None; lesson.items.len()],
            current_settled: false,
        }
    }

    /// A saved session for this lesson, if it still fits it (the lesson may have been updated
    /// since it was saved, in which case the learner starts again rather than resuming at a
    /// wrong item).
    pub fn resume(saved: LessonSession, lesson: &LessonFile) -> Self {
        let fits = saved.course_id == lesson.course_id
            && saved.lesson_id == lesson.id
            && saved.results.len() == lesson.items.len()
            && saved.position <= lesson.items.len();
        if fits {
            saved
        } else {
            Self::new(lesson)
        }
    }

    pub fn is_finished(&self) -> bool {
        self.position >= self.results.len()
    }

    /// Whether the item at `position` is graded (the learner must answer it).
    pub fn is_graded(lesson: &LessonFile, position: usize) -> bool {
        lesson
            .items
            .get(position)
            .is_some_and(|item| crate::record::is_graded_kind(&item.kind))
    }

    /// Judges `answer` to the current item and returns the feedback with the event to record.
    pub fn answer(
        &mut self,
        lesson: &LessonFile,
        answer: &Answer,
        duration_ms: u64,
    ) -> Result<(Feedback, AnswerEvent), SessionError> {
        let item = lesson
            .items
            .get(self.position)
            .ok_or(SessionError::Finished)?;
        let feedback = judge(lesson.target_language, &item.kind, answer)?;
        let previous = self.results[self.position];
        let attempts = previous.map_or(0, |result| result.attempts) + 1;
        self.results[self.position] = Some(ItemResult {
            first_answer_correct: previous
                .map_or(feedback.correct, |result| result.first_answer_correct),
            attempts,
        });
        if feedback.correct {
            self.current_settled = true;
        }
        let event = AnswerEvent {
            item_id: item.id.clone(),
            item_type: item.kind.type_name().to_owned(),
            correct: Some(feedback.correct),
            response: Some(answer.response_text()),
            attempt: attempts,
            duration_ms,
        };
        Ok((feedback, event))
    }

    /// Moves past the current item. For an item that is read, returns the "experienced" event
    /// to record; a graded item the learner skips counts as wrong.
    pub fn advance(&mut self, lesson: &LessonFile, duration_ms: u64) -> Option<AnswerEvent> {
        let item = lesson.items.get(self.position)?;
        let event = if Self::is_graded(lesson, self.position) {
            if self.results[self.position].is_none() {
                self.results[self.position] = Some(ItemResult {
                    first_answer_correct: false,
                    attempts: 0,
                });
            }
            None
        } else {
            Some(AnswerEvent {
                item_id: item.id.clone(),
                item_type: item.kind.type_name().to_owned(),
                correct: None,
                response: None,
                attempt: 1,
                duration_ms,
            })
        };
        self.position += 1;
        self.current_settled = false;
        event
    }

    /// The score so far (the final score once finished).
    pub fn summary(&self) -> LessonSummary {
        let graded: Vec<&ItemResult> = self.results.iter().flatten().collect();
        let correct_first_time = graded
            .iter()
            .filter(|result| result.first_answer_correct)
            .count();
        let scaled_score = if graded.is_empty() {
            1.0
        } else {
            correct_first_time as f64 / graded.len() as f64
        };
        LessonSummary {
            graded_items: graded.len(),
            correct_first_time,
            scaled_score,
        }
    }
}

/// The answer an item expects, or `None` for items that are read.
fn expected_answer(kind: &ItemKind) -> Option<ExpectedAnswer> {
    Some(match Answer::right_answer(kind)? {
        Answer::Choice(index) => ExpectedAnswer::Choice(index),
        Answer::Typed(text) => ExpectedAnswer::Text(text),
        Answer::Ordering(words) => ExpectedAnswer::Text(words.join(" ")),
    })
}

fn judge(
    language: TargetLanguage,
    kind: &ItemKind,
    answer: &Answer,
) -> Result<Feedback, SessionError> {
    let expected = expected_answer(kind).ok_or(SessionError::NotGraded)?;
    let wrong_kind = || SessionError::WrongAnswerKind {
        item_type: kind.type_name(),
    };
    match (kind, answer) {
        (
            ItemKind::Choice { options, .. }
            | ItemKind::Listening {
                response: ListeningResponse::Choice { options, .. },
                ..
            },
            Answer::Choice(index),
        ) => {
            if *index >= options.len() {
                return Err(SessionError::NoSuchOption { index: *index });
            }
            Ok(Feedback {
                correct: expected == ExpectedAnswer::Choice(*index),
                expected,
                typed_grade: None,
            })
        }
        (
            ItemKind::Typed { answer, accept, .. }
            | ItemKind::FillBlank { answer, accept, .. }
            | ItemKind::Listening {
                response: ListeningResponse::Typed { answer, accept },
                ..
            },
            Answer::Typed(given),
        ) => {
            let accepted: Vec<&str> = accept.iter().map(String::as_str).collect();
            let grade = grade_typed_in(language, answer, &accepted, given);
            Ok(Feedback {
                correct: grade.correct,
                expected,
                typed_grade: Some(grade),
            })
        }
        // A word bank answer is a choice of a word, graded like typing it.
        (ItemKind::FillBlank { answer, .. }, Answer::Choice(index)) => {
            let ItemKind::FillBlank { options, .. } = kind else {
                return Err(wrong_kind());
            };
            let chosen = options
                .get(*index)
                .ok_or(SessionError::NoSuchOption { index: *index })?;
            Ok(Feedback {
                correct: normalize_answer(chosen) == normalize_answer(answer),
                expected,
                typed_grade: None,
            })
        }
        (ItemKind::Ordering { words, .. }, Answer::Ordering(arranged)) => {
            // Two words may be spelled the same, so the sentence is compared, not positions.
            let correct =
                normalize_answer(&arranged.join(" ")) == normalize_answer(&words.join(" "));
            Ok(Feedback {
                correct,
                expected,
                typed_grade: None,
            })
        }
        _ => Err(wrong_kind()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ChoiceOption, Item, LocalizedText, Spoken};

    fn text(english: &str) -> LocalizedText {
        LocalizedText::from_pairs([(crate::content::Language::En, english)])
    }

    fn item(id: &str, kind: ItemKind) -> Item {
        Item {
            id: id.to_owned(),
            hint: None,
            kind,
        }
    }

    fn lesson() -> LessonFile {
        LessonFile {
            format: crate::content::PACK_FORMAT,
            course_id: "hangul".into(),
            target_language: TargetLanguage::Ko,
            id: "consonants-1".into(),
            title: text("ㄱ ㄴ ㄷ"),
            items: vec![
                item(
                    "intro",
                    ItemKind::Reading {
                        text: text("Welcome"),
                    },
                ),
                item(
                    "pick",
                    ItemKind::Choice {
                        prompt: text("Which is g?"),
                        ko: None,
                        options: vec![
                            ChoiceOption::Plain("ㄴ".into()),
                            ChoiceOption::Plain("ㄱ".into()),
                        ],
                        answer: 1,
                    },
                ),
                item(
                    "type",
                    ItemKind::Typed {
                        prompt: text("Type ga"),
                        ko: Some(Spoken::new("가")),
                        answer: "가".into(),
                        accept: vec![],
                    },
                ),
                item(
                    "order",
                    ItemKind::Ordering {
                        prompt: text("Arrange"),
                        words: vec!["저는".into(), "학생입니다".into()],
                        gloss: text("I am a student."),
                    },
                ),
            ],
        }
    }

    #[test]
    fn the_right_answer_is_judged_right_and_only_graded_items_have_one() {
        let lesson = lesson();
        let mut session = LessonSession::new(&lesson);
        for (position, item) in lesson.items.iter().enumerate() {
            match Answer::right_answer(&item.kind) {
                Some(answer) => {
                    assert!(LessonSession::is_graded(&lesson, position));
                    let (feedback, event) = session
                        .answer(&lesson, &answer, 1_000)
                        .expect("a graded item takes an answer");
                    assert!(feedback.correct, "{} judged wrong", item.id);
                    assert_eq!(event.response, Some(answer.response_text()));
                }
                None => assert!(!LessonSession::is_graded(&lesson, position)),
            }
            session.advance(&lesson, 0);
        }
        assert!(session.is_finished());
    }

    #[test]
    fn a_lesson_is_walked_through_and_scored_on_first_answers() {
        let lesson = lesson();
        let mut session = LessonSession::new(&lesson);
        assert!(!LessonSession::is_graded(&lesson, 0));
        let experienced = session
            .advance(&lesson, 1_000)
            .expect("reading is experienced");
        assert_eq!(experienced.correct, None);

        let (feedback, event) = session
            .answer(&lesson, &Answer::Choice(0), 2_000)
            .expect("a choice");
        assert!(!feedback.correct);
        assert_eq!(feedback.expected, ExpectedAnswer::Choice(1));
        assert_eq!(event.attempt, 1);
        let (feedback, event) = session
            .answer(&lesson, &Answer::Choice(1), 500)
            .expect("a second try");
        assert!(feedback.correct);
        assert_eq!(event.attempt, 2);
        assert!(session.current_settled);
        assert_eq!(session.advance(&lesson, 0), None);

        let (feedback, _) = session
            .answer(&lesson, &Answer::Typed("거".into()), 3_000)
            .expect("typed");
        assert!(!feedback.correct);
        let grade = feedback.typed_grade.expect("a jamo comparison");
        assert!(!grade.differences.is_empty());
        session.advance(&lesson, 0);

        let (feedback, _) = session
            .answer(
                &lesson,
                &Answer::Ordering(vec!["저는".into(), "학생입니다".into()]),
                4_000,
            )
            .expect("ordering");
        assert!(feedback.correct);
        session.advance(&lesson, 0);
        assert!(session.is_finished());

        let summary = session.summary();
        assert_eq!(summary.graded_items, 3);
        assert_eq!(summary.correct_first_time, 1);
        assert!((summary.scaled_score - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(
            session.answer(&lesson, &Answer::Choice(0), 0),
            Err(SessionError::Finished)
        );
    }

    #[test]
    fn bad_answers_are_refused_without_changing_the_session() {
        let lesson = lesson();
        let mut session = LessonSession::new(&lesson);
        assert_eq!(
            session.answer(&lesson, &Answer::Choice(0), 0),
            Err(SessionError::NotGraded)
        );
        session.advance(&lesson, 0);
        assert_eq!(
            session.answer(&lesson, &Answer::Choice(7), 0),
            Err(SessionError::NoSuchOption { index: 7 })
        );
        assert!(matches!(
            session.answer(&lesson, &Answer::Typed("가".into()), 0),
            Err(SessionError::WrongAnswerKind { .. })
        ));
        assert_eq!(session.results[1], None);
    }

    #[test]
    fn a_saved_session_resumes_only_on_the_same_lesson() {
        let lesson = lesson();
        let mut session = LessonSession::new(&lesson);
        session.advance(&lesson, 0);
        let saved: LessonSession =
            serde_json::from_str(&serde_json::to_string(&session).expect("serialize"))
                .expect("deserialize");
        assert_eq!(LessonSession::resume(saved.clone(), &lesson).position, 1);

        let mut changed = lesson.clone();
        changed.items.pop();
        assert_eq!(LessonSession::resume(saved, &changed).position, 0);
    }

    #[test]
    fn skipping_a_graded_item_counts_as_wrong() {
        let lesson = lesson();
        let mut session = LessonSession::new(&lesson);
        session.advance(&lesson, 0);
        session.advance(&lesson, 0);
        assert_eq!(
            session.results[1],
            Some(ItemResult {
                first_answer_correct: false,
                attempts: 0
            })
        );
    }
}
