//! Grading of typed answers, with a letter-level (jamo) diff the lesson player shows the learner.
//!
//! A learner's typed Korean arrives in many shapes for the same answer: composed or decomposed
//! (NFD, or conjoining jamo an input method left behind), with full-width punctuation from a
//! CJK keyboard, with extra spaces, with a final `.` or `!`. [`normalize_answer`] removes those
//! differences so that only the Korean is graded.
//!
//! [`grade_typed`] then compares the answer with the expected answer and the accepted
//! alternatives. When it is wrong, it aligns the answer with the closest of them, syllable by
//! syllable (a weighted Levenshtein alignment where replacing a syllable costs as many letters
//! as differ), and for each replaced syllable says which of initial, medial and final is wrong,
//! missing or extra: expected `갔`, typed `갇` gives "final `ㅆ` expected, `ㄷ` given". The result
//! is serializable so the client renders it, and every difference carries a short
//! machine-readable `description` such as `final:wrong:ㅆ:ㄷ`.
//!
//! # What counts as the same answer
//!
//! * Spacing does not make an answer wrong: `저는학생입니다` is correct for `저는 학생입니다`.
//!   Korean spacing (띄어쓰기) is a separate skill that learners get wrong long after they know
//!   the words, and marking the whole answer wrong for it would punish the wrong thing. The
//!   grade carries the note [`GradeNote::SpacingDiffers`] so the player can point it out.
//! * Punctuation inside the answer is treated the same way ([`GradeNote::PunctuationDiffers`]);
//!   punctuation at either end is removed by normalization and not reported.
//! * Letter case of Latin text (romanization exercises) does not count either
//!   ([`GradeNote::LetterCaseDiffers`]).
//!
//! Every index in a grade is a character index into the *normalized* texts the grade carries
//! (`given` and `compared_answer`), so the client can highlight without normalizing again.
//!
//! # Vietnamese
//!
//! [`grade_typed_in`] grades in a course's target language. For Vietnamese the same alignment
//! runs letter by letter, a letter being its base letter, its letter mark and its tone
//! ([`crate::vietnamese`]); a replaced letter that keeps its base lists what differs in
//! `vietnamese`: `mẹ` typed as `mé` gives "tone nặng expected, sắc given"
//! (`tone:wrong:nặng:sắc`), `cô` typed as `co` gives "letter ô expected, o given"
//! (`mark:wrong:ô:o`). Where the tone sits in a syllable does not count (`hoà` = `hòa`), and
//! case, spacing and punctuation count as they do for Korean.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::content::TargetLanguage;
use crate::hangul::{
    conjoining_to_compatibility, decompose, is_compatibility_consonant, is_compatibility_vowel,
    is_hangul, Final, Initial, JamoPosition,
};
use crate::vietnamese::{is_vowel, letter_parts, Tone};

/// Normalizes a typed answer for comparison and display: full-width forms become ASCII, the
/// text is NFC-normalized (so decomposed input and conjoining jamo sequences compose into
/// syllables, and leftover conjoining letters become compatibility letters), whitespace runs
/// become one space, and whitespace and the punctuation `. , ! ? ; : … 。 、 ~` and quotes are
/// removed at both ends.
pub fn normalize_answer(answer: &str) -> String {
    let widened: String = answer.chars().map(narrow_full_width).collect();
    let composed: String = widened
        .nfc()
        .map(|character| match conjoining_to_compatibility(character) {
            Some(letter) => letter,
            None => character,
        })
        .collect();
    let collapsed = composed.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_matches(|character: char| {
            character.is_whitespace() || is_trimmed_punctuation(character)
        })
        .to_string()
}

/// Which of the answers a grade refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AnswerSource {
    /// The expected answer.
    Expected,
    /// The accepted alternative at `index` in the `accepted` slice.
    Accepted {
        /// Position in the `accepted` slice passed to [`grade_typed`].
        index: usize,
    },
}

/// Something about a typed answer that did not make it wrong but is worth telling the learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GradeNote {
    /// Spaces are in different places than in the answer (띄어쓰기).
    SpacingDiffers,
    /// Punctuation inside the answer differs.
    PunctuationDiffers,
    /// Latin letters differ only in upper and lower case.
    LetterCaseDiffers,
}

/// How one letter of a syllable differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JamoChange {
    /// A different letter was typed.
    Wrong,
    /// The letter was expected but not typed (for example a forgotten final consonant).
    Missing,
    /// A letter was typed where the answer has none.
    Extra,
}

/// One letter of a syllable that differs from the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JamoDifference {
    /// Initial consonant, medial vowel or final consonant.
    pub part: JamoPosition,
    /// Whether the letter is wrong, missing or extra.
    pub change: JamoChange,
    /// The letter the answer has there, as a compatibility letter.
    pub expected: Option<char>,
    /// The letter typed there, as a compatibility letter.
    pub given: Option<char>,
    /// Machine-readable summary: `part:change:expected[:given]`, e.g. `final:wrong:ㅆ:ㄷ`,
    /// `final:missing:ㄴ`, `final:extra:ㄴ`.
    pub description: String,
}

/// What differs inside one Vietnamese letter whose base letter is right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum VietnameseDifference {
    /// The tone mark is another one (or missing, or extra: then one side is ngang).
    WrongTone {
        /// The tone the answer has.
        expected: Tone,
        /// The tone typed.
        given: Tone,
        /// Machine-readable summary: `tone:wrong:ngã:sắc`.
        description: String,
    },
    /// The letter mark (ă â ê ô ơ ư đ) is another one, missing or extra.
    WrongLetterMark {
        /// The letter the answer has, without tone, lower case: `ô`.
        expected: char,
        /// The letter typed, without tone, lower case: `o`.
        given: char,
        /// Machine-readable summary: `mark:wrong:ô:o`.
        description: String,
    },
}

/// One difference between a typed answer and the answer it is compared with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Difference {
    /// A character of the answer was not typed.
    MissingCharacter {
        /// Index of the character in the compared answer.
        expected_index: usize,
        /// The character that is missing.
        expected: char,
        /// Machine-readable summary: `syllable:missing:가` or `character:missing:a`.
        description: String,
    },
    /// A character was typed that the answer does not have.
    ExtraCharacter {
        /// Index of the character in the given answer.
        given_index: usize,
        /// The extra character.
        given: char,
        /// Machine-readable summary: `syllable:extra:가` or `character:extra:a`.
        description: String,
    },
    /// A character was typed in place of another. For Hangul, `jamo` lists the letters that
    /// differ; it is empty for other characters.
    WrongCharacter {
        /// Index of the character in the compared answer.
        expected_index: usize,
        /// Index of the character in the given answer.
        given_index: usize,
        /// The character the answer has.
        expected: char,
        /// The character typed instead.
        given: char,
        /// The letters that differ, in the order initial, medial, final.
        jamo: Vec<JamoDifference>,
        /// For a Vietnamese letter typed with the right base letter: the letter mark, then
        /// the tone, whichever differ. Empty (and absent in JSON) otherwise.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        vietnamese: Vec<VietnameseDifference>,
        /// Machine-readable summary: `syllable:wrong:갔:갇` or `character:wrong:a:b`.
        description: String,
    },
}

/// The grade of one typed answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypedGrade {
    /// Whether the answer counts as correct.
    pub correct: bool,
    /// The answer it matched, when correct.
    pub matched: Option<AnswerSource>,
    /// The answer the differences and notes are about: the matched answer, or else the
    /// closest one.
    pub compared_with: AnswerSource,
    /// That answer, normalized; `expected_index` values index its characters.
    pub compared_answer: String,
    /// The typed answer, normalized; `given_index` values index its characters.
    pub given: String,
    /// The differences that make the answer wrong, in reading order; empty when correct.
    pub differences: Vec<Difference>,
    /// Differences that do not make the answer wrong.
    pub notes: Vec<GradeNote>,
}

/// Grades a typed answer against the expected answer and accepted alternatives; see the
/// module documentation for what counts as the same answer.
pub fn grade_typed(expected: &str, accepted: &[&str], given: &str) -> TypedGrade {
    grade_typed_in(TargetLanguage::Ko, expected, accepted, given)
}

/// Grades a typed answer in a course's target language: Korean jamo by jamo
/// ([`grade_typed`]), Vietnamese letter by letter with its marks and tone (see the module
/// documentation).
pub fn grade_typed_in(
    language: TargetLanguage,
    expected: &str,
    accepted: &[&str],
    given: &str,
) -> TypedGrade {
    let given_text = ComparableText::new(given);
    let candidates: Vec<(AnswerSource, ComparableText)> =
        std::iter::once((AnswerSource::Expected, ComparableText::new(expected)))
            .chain(accepted.iter().enumerate().map(|(index, answer)| {
                (
                    AnswerSource::Accepted { index },
                    ComparableText::new(answer),
                )
            }))
            .collect();
    let same = |answer: &ComparableText| match language {
        TargetLanguage::Ko => answer.folded == given_text.folded,
        TargetLanguage::Vi => same_vietnamese(answer, &given_text),
    };
    let replacement_cost = match language {
        TargetLanguage::Ko => korean_replacement_cost,
        TargetLanguage::Vi => vietnamese_replacement_cost,
    };

    if let Some((source, answer)) = candidates.iter().find(|(_, answer)| same(answer)) {
        return TypedGrade {
            correct: true,
            matched: Some(*source),
            compared_with: *source,
            compared_answer: answer.normalized.clone(),
            given: given_text.normalized.clone(),
            differences: Vec::new(),
            notes: notes_between(answer, &given_text),
        };
    }

    // Compare with the closest answer; on a tie the earlier one (the expected answer first)
    // wins, because the expected answer is what the lesson teaches.
    let mut closest: Option<(AnswerSource, &ComparableText, Vec<Step>, u32)> = None;
    for (source, answer) in &candidates {
        let (steps, cost) = align(&answer.folded, &given_text.folded, replacement_cost);
        if closest
            .as_ref()
            .is_none_or(|(_, _, _, best_cost)| cost < *best_cost)
        {
            closest = Some((*source, answer, steps, cost));
        }
    }
    let (source, answer, steps) = match closest {
        Some((source, answer, steps, _)) => (source, answer, steps),
        // The candidate list always holds the expected answer, so this branch only exists
        // to avoid an unwrap.
        None => (AnswerSource::Expected, &candidates[0].1, Vec::new()),
    };
    TypedGrade {
        correct: false,
        matched: None,
        compared_with: source,
        compared_answer: answer.normalized.clone(),
        given: given_text.normalized.clone(),
        differences: differences_from(&steps, answer, &given_text, language),
        notes: notes_between(answer, &given_text),
    }
}

/// A normalized text with the characters that are graded picked out.
#[derive(Debug, Clone)]
struct ComparableText {
    normalized: String,
    /// The characters that count for correctness (no whitespace, no punctuation), each with
    /// its character index in `normalized`.
    significant: Vec<(usize, char)>,
    /// The significant characters with Latin case folded: what equality is decided on.
    folded: Vec<char>,
}

impl ComparableText {
    fn new(text: &str) -> Self {
        let normalized = normalize_answer(text);
        let significant: Vec<(usize, char)> = normalized
            .chars()
            .enumerate()
            .filter(|&(_, character)| !is_ignored_inside(character))
            .collect();
        let folded = significant
            .iter()
            .map(|&(_, character)| fold_case(character))
            .collect();
        Self {
            normalized,
            significant,
            folded,
        }
    }

    /// For every ignored character (whitespace or punctuation), how many significant
    /// characters come before it. Equal lists mean the same spacing or punctuation.
    fn ignored_positions(&self, wanted: impl Fn(char) -> bool) -> Vec<(usize, char)> {
        let mut significant_before = 0;
        let mut positions = Vec::new();
        for character in self.normalized.chars() {
            if is_ignored_inside(character) {
                if wanted(character) {
                    // Whitespace is one space after normalization, so the character itself
                    // only matters for punctuation.
                    positions.push((significant_before, character));
                }
            } else {
                significant_before += 1;
            }
        }
        positions
    }
}

fn notes_between(answer: &ComparableText, given: &ComparableText) -> Vec<GradeNote> {
    let mut notes = Vec::new();
    if answer.ignored_positions(char::is_whitespace) != given.ignored_positions(char::is_whitespace)
    {
        notes.push(GradeNote::SpacingDiffers);
    }
    let is_punctuation = |character: char| !character.is_whitespace();
    if answer.ignored_positions(is_punctuation) != given.ignored_positions(is_punctuation) {
        notes.push(GradeNote::PunctuationDiffers);
    }
    // Case only matters where the folded characters agree; elsewhere it is already a
    // difference of its own.
    let case_differs =
        answer
            .significant
            .iter()
            .zip(&given.significant)
            .any(|(&(_, expected), &(_, typed))| {
                expected != typed && fold_case(expected) == fold_case(typed)
            });
    if case_differs {
        notes.push(GradeNote::LetterCaseDiffers);
    }
    notes
}

/// One step of an alignment between answer and typed text (indices into `folded`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Same { expected: usize, given: usize },
    Replaced { expected: usize, given: usize },
    Missing { expected: usize },
    Extra { given: usize },
}

/// The cost of a missing or extra character. It equals the cost of replacing a syllable in
/// all three letters, so a replacement is preferred to a deletion plus an insertion, and a
/// syllable that differs in one letter is always aligned with its counterpart.
const INSERT_OR_DELETE_COST: u32 = 3;

/// Whether a typed Vietnamese answer is the answer: the same letters with the same marks, and
/// the same tones, where a tone may sit on another vowel of the same run of vowels (`hoà` and
/// `hòa`, `thuý` and `thúy`). A run is the answer's vowels next to each other, not across a
/// space, so the tones of two syllables never mix.
fn same_vietnamese(answer: &ComparableText, given: &ComparableText) -> bool {
    if answer.folded.len() != given.folded.len() {
        return false;
    }
    let toneless = |character: char| match letter_parts(character) {
        Some(parts) => (parts.base, parts.mark, true),
        None => (character, None, false),
    };
    let tone = |character: char| letter_parts(character).map_or(Tone::Ngang, |parts| parts.tone);
    let same_letters = answer
        .folded
        .iter()
        .zip(&given.folded)
        .all(|(&expected, &typed)| toneless(expected) == toneless(typed));
    if !same_letters {
        return false;
    }
    // Runs of vowels adjacent in the answer's normalized text; every other character alone.
    let mut start = 0;
    while start < answer.folded.len() {
        let mut end = start + 1;
        if is_vowel(answer.folded[start]) {
            while end < answer.folded.len()
                && is_vowel(answer.folded[end])
                && answer.significant[end].0 == answer.significant[end - 1].0 + 1
            {
                end += 1;
            }
        }
        let tones = |text: &[char]| -> Vec<Tone> {
            text.iter()
                .map(|&character| tone(character))
                .filter(|tone| *tone != Tone::Ngang)
                .collect()
        };
        if tones(&answer.folded[start..end]) != tones(&given.folded[start..end]) {
            return false;
        }
        start = end;
    }
    true
}

/// Replacing a Vietnamese letter costs one per part that differs (letter mark, tone) when the
/// base letter is the same, and as much as a missing or extra character when it differs, so
/// that `mẹ` typed `mé` pairs `ẹ` with `é` and a wrong tone is never read as two errors.
fn vietnamese_replacement_cost(expected: char, given: char) -> u32 {
    if expected == given {
        return 0;
    }
    match (letter_parts(expected), letter_parts(given)) {
        (Some(wanted), Some(typed)) if wanted.base == typed.base => {
            let differing =
                u32::from(wanted.mark != typed.mark) + u32::from(wanted.tone != typed.tone);
            differing.max(1)
        }
        _ => INSERT_OR_DELETE_COST,
    }
}

fn korean_replacement_cost(expected: char, given: char) -> u32 {
    if expected == given {
        return 0;
    }
    match (Letters::of(expected), Letters::of(given)) {
        (Some(expected_letters), Some(given_letters)) => {
            let differing = [
                expected_letters.initial != given_letters.initial,
                expected_letters.medial != given_letters.medial,
                expected_letters.final_ != given_letters.final_,
            ]
            .into_iter()
            .filter(|&differs| differs)
            .count();
            // Different characters always differ in at least one letter; max(1) keeps a
            // replacement from ever being free.
            u32::try_from(differing)
                .unwrap_or(INSERT_OR_DELETE_COST)
                .max(1)
        }
        _ => INSERT_OR_DELETE_COST,
    }
}

/// A weighted Levenshtein alignment of `expected` against `given`, with its total cost.
fn align(
    expected: &[char],
    given: &[char],
    replacement_cost: fn(char, char) -> u32,
) -> (Vec<Step>, u32) {
    let rows = expected.len() + 1;
    let columns = given.len() + 1;
    let mut cost = vec![0u32; rows * columns];
    for row in 0..rows {
        for column in 0..columns {
            let at = row * columns + column;
            cost[at] = match (row, column) {
                (0, 0) => 0,
                (0, _) => cost[at - 1] + INSERT_OR_DELETE_COST,
                (_, 0) => cost[at - columns] + INSERT_OR_DELETE_COST,
                _ => {
                    let diagonal = cost[at - columns - 1]
                        + replacement_cost(expected[row - 1], given[column - 1]);
                    let missing = cost[at - columns] + INSERT_OR_DELETE_COST;
                    let extra = cost[at - 1] + INSERT_OR_DELETE_COST;
                    diagonal.min(missing).min(extra)
                }
            };
        }
    }
    // Walk back from the end. Preferring the diagonal on ties keeps replaced syllables
    // paired, which gives the learner a jamo diff instead of "missing" plus "extra".
    let mut steps = Vec::with_capacity(rows.max(columns));
    let (mut row, mut column) = (expected.len(), given.len());
    while row > 0 || column > 0 {
        let at = row * columns + column;
        if row > 0 && column > 0 {
            let replacement = replacement_cost(expected[row - 1], given[column - 1]);
            if cost[at] == cost[at - columns - 1] + replacement {
                steps.push(if replacement == 0 {
                    Step::Same {
                        expected: row - 1,
                        given: column - 1,
                    }
                } else {
                    Step::Replaced {
                        expected: row - 1,
                        given: column - 1,
                    }
                });
                row -= 1;
                column -= 1;
                continue;
            }
        }
        if row > 0 && cost[at] == cost[at - columns] + INSERT_OR_DELETE_COST {
            steps.push(Step::Missing { expected: row - 1 });
            row -= 1;
        } else {
            steps.push(Step::Extra { given: column - 1 });
            column -= 1;
        }
    }
    steps.reverse();
    let total = cost[rows * columns - 1];
    (steps, total)
}

fn differences_from(
    steps: &[Step],
    answer: &ComparableText,
    given: &ComparableText,
    language: TargetLanguage,
) -> Vec<Difference> {
    let mut differences = Vec::new();
    for step in steps {
        match *step {
            Step::Same { .. } => {}
            Step::Missing { expected } => {
                let (expected_index, character) = answer.significant[expected];
                differences.push(Difference::MissingCharacter {
                    expected_index,
                    expected: character,
                    description: format!("{}:missing:{character}", unit_name(character)),
                });
            }
            Step::Extra { given: typed } => {
                let (given_index, character) = given.significant[typed];
                differences.push(Difference::ExtraCharacter {
                    given_index,
                    given: character,
                    description: format!("{}:extra:{character}", unit_name(character)),
                });
            }
            Step::Replaced {
                expected,
                given: typed,
            } => {
                let (expected_index, expected_character) = answer.significant[expected];
                let (given_index, given_character) = given.significant[typed];
                let both_hangul = is_hangul(expected_character) && is_hangul(given_character);
                let unit = if both_hangul { "syllable" } else { "character" };
                let (jamo, vietnamese) = match language {
                    TargetLanguage::Ko => (
                        jamo_differences(expected_character, given_character),
                        Vec::new(),
                    ),
                    TargetLanguage::Vi => (
                        Vec::new(),
                        vietnamese_differences(expected_character, given_character),
                    ),
                };
                differences.push(Difference::WrongCharacter {
                    expected_index,
                    given_index,
                    expected: expected_character,
                    given: given_character,
                    jamo,
                    vietnamese,
                    description: format!("{unit}:wrong:{expected_character}:{given_character}"),
                });
            }
        }
    }
    differences
}

fn unit_name(character: char) -> &'static str {
    if is_hangul(character) {
        "syllable"
    } else {
        "character"
    }
}

/// The letters of a Hangul character in their positions. A lone consonant (what a learner
/// has typed before the vowel) counts as an initial, a lone vowel as a medial, and a lone
/// compound final such as `ㄳ` as a final.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Letters {
    initial: Option<char>,
    medial: Option<char>,
    final_: Option<char>,
}

impl Letters {
    fn of(character: char) -> Option<Self> {
        if let Some(syllable) = decompose(character) {
            return Some(Self {
                initial: Some(syllable.initial.compatibility()),
                medial: Some(syllable.medial.compatibility()),
                final_: syllable.final_.map(Final::compatibility),
            });
        }
        if is_compatibility_vowel(character) {
            return Some(Self {
                initial: None,
                medial: Some(character),
                final_: None,
            });
        }
        if is_compatibility_consonant(character) {
            let can_begin = Initial::from_compatibility(character).is_some();
            return Some(Self {
                initial: can_begin.then_some(character),
                medial: None,
                final_: (!can_begin).then_some(character),
            });
        }
        None
    }
}

fn jamo_differences(expected: char, given: char) -> Vec<JamoDifference> {
    let (Some(expected_letters), Some(given_letters)) = (Letters::of(expected), Letters::of(given))
    else {
        return Vec::new();
    };
    [
        (
            JamoPosition::Initial,
            expected_letters.initial,
            given_letters.initial,
        ),
        (
            JamoPosition::Medial,
            expected_letters.medial,
            given_letters.medial,
        ),
        (
            JamoPosition::Final,
            expected_letters.final_,
            given_letters.final_,
        ),
    ]
    .into_iter()
    .filter_map(|(part, expected_letter, given_letter)| {
        let part_name = match part {
            JamoPosition::Initial => "initial",
            JamoPosition::Medial => "medial",
            JamoPosition::Final => "final",
        };
        let (change, description) = match (expected_letter, given_letter) {
            (Some(wanted), Some(typed)) if wanted != typed => (
                JamoChange::Wrong,
                format!("{part_name}:wrong:{wanted}:{typed}"),
            ),
            (Some(wanted), None) => (JamoChange::Missing, format!("{part_name}:missing:{wanted}")),
            (None, Some(typed)) => (JamoChange::Extra, format!("{part_name}:extra:{typed}")),
            _ => return None,
        };
        Some(JamoDifference {
            part,
            change,
            expected: expected_letter,
            given: given_letter,
            description,
        })
    })
    .collect()
}

/// The letter mark and tone of two Vietnamese letters with the same base letter, where they
/// differ; empty when the base letters differ (the whole letter is wrong then).
fn vietnamese_differences(expected: char, given: char) -> Vec<VietnameseDifference> {
    let (Some(wanted), Some(typed)) = (letter_parts(expected), letter_parts(given)) else {
        return Vec::new();
    };
    if wanted.base != typed.base {
        return Vec::new();
    }
    let mut differences = Vec::new();
    if wanted.mark != typed.mark {
        let (expected, given) = (wanted.letter(), typed.letter());
        differences.push(VietnameseDifference::WrongLetterMark {
            expected,
            given,
            description: format!("mark:wrong:{expected}:{given}"),
        });
    }
    if wanted.tone != typed.tone {
        differences.push(VietnameseDifference::WrongTone {
            expected: wanted.tone,
            given: typed.tone,
            description: format!("tone:wrong:{}:{}", wanted.tone.name(), typed.tone.name()),
        });
    }
    differences
}

/// Full-width ASCII forms (U+FF01..=U+FF5E) and the ideographic space, which CJK keyboards
/// type, become their ASCII equivalents; the halfwidth ideographic full stop and comma become
/// the full-width ones that the trimming recognizes.
fn narrow_full_width(character: char) -> char {
    match character {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(character as u32 - 0xFEE0).unwrap_or(character),
        '\u{3000}' => ' ',
        '\u{FF61}' => '。',
        '\u{FF64}' => '、',
        _ => character,
    }
}

/// Punctuation removed at both ends of an answer.
fn is_trimmed_punctuation(character: char) -> bool {
    matches!(
        character,
        '.' | ','
            | '!'
            | '?'
            | ';'
            | ':'
            | '~'
            | '…'
            | '。'
            | '、'
            | '·'
            | '"'
            | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '「'
            | '」'
    )
}

/// Characters that do not decide correctness inside an answer: whitespace and punctuation.
fn is_ignored_inside(character: char) -> bool {
    character.is_whitespace()
        || character.is_ascii_punctuation()
        || is_trimmed_punctuation(character)
}

fn fold_case(character: char) -> char {
    let mut lower = character.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(single), None) => single,
        // Characters whose lowercase is several characters are compared as they are.
        _ => character,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn normalization_table() {
        let decomposed: String = "학생입니다".nfd().collect();
        let cases: Vec<(String, &str)> = vec![
            ("  저는   학생입니다.  ".into(), "저는 학생입니다"),
            ("안녕하세요!!!".into(), "안녕하세요"),
            ("？안녕？".into(), "안녕"),
            ("ＡＢＣ\u{3000}가".into(), "ABC 가"),
            ("...네...".into(), "네"),
            ("“네”".into(), "네"),
            ("네,  맞아요。".into(), "네, 맞아요"),
            ("네｡".into(), "네"),
            ("\t가\n나\r\n".into(), "가 나"),
            (decomposed, "학생입니다"),
            (
                "\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}".into(),
                "한글",
            ),
            ("\u{1100}".into(), "ㄱ"),
            ("\u{1112}\u{1161}\u{11AB}\u{1100}".into(), "한ㄱ"),
            ("ㄱ ㅏ".into(), "ㄱ ㅏ"),
            ("Seoul".into(), "Seoul"),
            ("".into(), ""),
            (" 。! ".into(), ""),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_answer(&input), expected, "{input:?}");
        }
    }

    #[test]
    fn exact_and_normalized_answers_are_correct() {
        let decomposed: String = "감사합니다".nfd().collect();
        for given in [
            "감사합니다",
            "감사합니다.",
            "  감사합니다 ! ",
            decomposed.as_str(),
        ] {
            let grade = grade_typed("감사합니다", &[], given);
            assert!(grade.correct, "{given:?}");
            assert_eq!(grade.matched, Some(AnswerSource::Expected));
            assert!(grade.differences.is_empty());
            assert!(grade.notes.is_empty(), "{given:?}: {:?}", grade.notes);
        }
    }

    #[test]
    fn accepted_answers_match_by_index() {
        let grade = grade_typed("고맙습니다", &["감사합니다", "고마워요"], "고마워요");
        assert!(grade.correct);
        assert_eq!(grade.matched, Some(AnswerSource::Accepted { index: 1 }));
        assert_eq!(grade.compared_answer, "고마워요");
    }

    #[test]
    fn spacing_punctuation_and_case_are_notes_not_errors() {
        let spacing = grade_typed("저는 학생입니다", &[], "저는학생입니다");
        assert!(spacing.correct);
        assert_eq!(spacing.notes, vec![GradeNote::SpacingDiffers]);
        let extra_space = grade_typed("저는 학생입니다", &[], "저 는 학생 입니다");
        assert!(extra_space.correct);
        assert_eq!(extra_space.notes, vec![GradeNote::SpacingDiffers]);
        let punctuation = grade_typed("네, 맞아요", &[], "네 맞아요");
        assert!(punctuation.correct);
        assert_eq!(punctuation.notes, vec![GradeNote::PunctuationDiffers]);
        let case = grade_typed("Seoul", &[], "seoul");
        assert!(case.correct);
        assert_eq!(case.notes, vec![GradeNote::LetterCaseDiffers]);
    }

    fn only_jamo_difference(expected: &str, given: &str) -> (JamoDifference, String) {
        let grade = grade_typed(expected, &[], given);
        assert!(!grade.correct);
        match grade.differences.as_slice() {
            [Difference::WrongCharacter {
                jamo, description, ..
            }] if jamo.len() == 1 => (jamo[0].clone(), description.clone()),
            other => panic!("{expected} vs {given}: {other:?}"),
        }
    }

    #[test]
    fn jamo_level_differences_table() {
        let cases = [
            (
                "갔",
                "갇",
                JamoPosition::Final,
                JamoChange::Wrong,
                "final:wrong:ㅆ:ㄷ",
            ),
            (
                "가",
                "거",
                JamoPosition::Medial,
                JamoChange::Wrong,
                "medial:wrong:ㅏ:ㅓ",
            ),
            (
                "달",
                "탈",
                JamoPosition::Initial,
                JamoChange::Wrong,
                "initial:wrong:ㄷ:ㅌ",
            ),
            (
                "간",
                "가",
                JamoPosition::Final,
                JamoChange::Missing,
                "final:missing:ㄴ",
            ),
            (
                "가",
                "각",
                JamoPosition::Final,
                JamoChange::Extra,
                "final:extra:ㄱ",
            ),
            (
                "닭",
                "닥",
                JamoPosition::Final,
                JamoChange::Wrong,
                "final:wrong:ㄺ:ㄱ",
            ),
            (
                "의",
                "이",
                JamoPosition::Medial,
                JamoChange::Wrong,
                "medial:wrong:ㅢ:ㅣ",
            ),
            (
                "가",
                "ㄱ",
                JamoPosition::Medial,
                JamoChange::Missing,
                "medial:missing:ㅏ",
            ),
            (
                "학생이에요",
                "학생이예요",
                JamoPosition::Medial,
                JamoChange::Wrong,
                "medial:wrong:ㅔ:ㅖ",
            ),
            (
                "있어요",
                "잇어요",
                JamoPosition::Final,
                JamoChange::Wrong,
                "final:wrong:ㅆ:ㅅ",
            ),
        ];
        for (expected, given, part, change, description) in cases {
            let (difference, _) = only_jamo_difference(expected, given);
            assert_eq!(difference.part, part, "{expected} vs {given}");
            assert_eq!(difference.change, change, "{expected} vs {given}");
            assert_eq!(difference.description, description, "{expected} vs {given}");
        }
        let (difference, syllable_description) = only_jamo_difference("갔", "갇");
        assert_eq!(difference.expected, Some('ㅆ'));
        assert_eq!(difference.given, Some('ㄷ'));
        assert_eq!(syllable_description, "syllable:wrong:갔:갇");
    }

    #[test]
    fn several_letters_of_one_syllable_are_listed_in_order() {
        let grade = grade_typed("밥", &[], "방");
        let Difference::WrongCharacter { jamo, .. } = &grade.differences[0] else {
            panic!("{:?}", grade.differences);
        };
        assert_eq!(jamo.len(), 1);
        let different = grade_typed("한", &[], "곡");
        let Difference::WrongCharacter { jamo, .. } = &different.differences[0] else {
            panic!("{:?}", different.differences);
        };
        let parts: Vec<JamoPosition> = jamo.iter().map(|letter| letter.part).collect();
        assert_eq!(
            parts,
            vec![
                JamoPosition::Initial,
                JamoPosition::Medial,
                JamoPosition::Final
            ]
        );
    }

    #[test]
    fn missing_and_extra_syllables_are_aligned() {
        let missing = grade_typed("감사합니다", &[], "감사니다");
        assert_eq!(
            missing.differences,
            vec![Difference::MissingCharacter {
                expected_index: 2,
                expected: '합',
                description: "syllable:missing:합".into(),
            }]
        );
        let extra = grade_typed("학생", &[], "학학생");
        assert_eq!(extra.differences.len(), 1);
        assert!(matches!(
            extra.differences[0],
            Difference::ExtraCharacter { given: '학', .. }
        ));
        // Indices refer to the normalized texts, spaces included.
        let spaced = grade_typed("저는 학생입니다", &[], "저는 학샐입니다");
        match spaced.differences.as_slice() {
            [Difference::WrongCharacter {
                expected_index,
                given_index,
                jamo,
                ..
            }] => {
                assert_eq!((*expected_index, *given_index), (4, 4));
                assert_eq!(jamo[0].description, "final:wrong:ㅇ:ㄹ");
            }
            other => panic!("{other:?}"),
        }
        let final_moved = grade_typed("갔어요", &[], "가써요");
        assert_eq!(
            final_moved.differences.len(),
            2,
            "{:?}",
            final_moved.differences
        );
    }

    #[test]
    fn the_closest_answer_is_compared() {
        let grade = grade_typed("고맙습니다", &["감사합니다"], "감사함니다");
        assert!(!grade.correct);
        assert_eq!(grade.compared_with, AnswerSource::Accepted { index: 0 });
        assert_eq!(grade.compared_answer, "감사합니다");
        assert_eq!(grade.differences.len(), 1);
        // On a tie the expected answer is compared.
        let tie = grade_typed("가", &["거"], "고");
        assert_eq!(tie.compared_with, AnswerSource::Expected);
    }

    #[test]
    fn empty_and_non_hangul_answers() {
        let empty = grade_typed("네", &[], "  ");
        assert!(!empty.correct);
        assert_eq!(
            empty.differences,
            vec![Difference::MissingCharacter {
                expected_index: 0,
                expected: '네',
                description: "syllable:missing:네".into(),
            }]
        );
        let latin = grade_typed("hangugeo", &[], "hangukeo");
        match latin.differences.as_slice() {
            [Difference::WrongCharacter {
                jamo, description, ..
            }] => {
                assert!(jamo.is_empty());
                assert_eq!(description, "character:wrong:g:k");
            }
            other => panic!("{other:?}"),
        }
        let both_empty = grade_typed("", &[], "");
        assert!(both_empty.correct);
    }

    proptest! {
        #[test]
        fn normalization_is_idempotent_and_ignores_the_normal_form(
            text in "(\\PC|[가-힣]|[ㄱ-ㅣ]|[ .,!?。、？！　]){0,40}"
        ) {
            let normalized = normalize_answer(&text);
            prop_assert_eq!(normalize_answer(&normalized), normalized.clone());
            let decomposed: String = text.nfd().collect();
            prop_assert_eq!(normalize_answer(&decomposed), normalized);
        }

        #[test]
        fn an_answer_is_correct_in_either_normal_form(text in "([가-힣]|[a-z .,!]){0,20}") {
            let decomposed: String = text.nfd().collect();
            let grade = grade_typed(&text, &[], &decomposed);
            prop_assert!(grade.correct);
            prop_assert!(grade.differences.is_empty());
        }

        #[test]
        fn a_wrong_answer_always_has_differences(
            expected in "[가-힣ㄱ-ㅎa-c ]{0,8}",
            given in "[가-힣ㄱ-ㅎa-c ]{0,8}"
        ) {
            let grade = grade_typed(&expected, &[], &given);
            prop_assert_eq!(grade.correct, grade.differences.is_empty());
            // Every index points at the character it names.
            let answer_chars: Vec<char> = grade.compared_answer.chars().collect();
            let given_chars: Vec<char> = grade.given.chars().collect();
            for difference in &grade.differences {
                match difference {
                    Difference::MissingCharacter { expected_index, expected, .. } => {
                        prop_assert_eq!(answer_chars[*expected_index], *expected);
                    }
                    Difference::ExtraCharacter { given_index, given, .. } => {
                        prop_assert_eq!(given_chars[*given_index], *given);
                    }
                    Difference::WrongCharacter {
                        expected_index, given_index, expected, given, ..
                    } => {
                        prop_assert_eq!(answer_chars[*expected_index], *expected);
                        prop_assert_eq!(given_chars[*given_index], *given);
                    }
                }
            }
        }
    }

    /// The only difference of a Vietnamese grade, which must be a wrong letter with the same
    /// base letter.
    fn only_vietnamese_difference(expected: &str, given: &str) -> Vec<VietnameseDifference> {
        let grade = grade_typed_in(TargetLanguage::Vi, expected, &[], given);
        assert!(!grade.correct, "{expected} vs {given}");
        match grade.differences.as_slice() {
            [Difference::WrongCharacter {
                vietnamese, jamo, ..
            }] if !vietnamese.is_empty() => {
                assert!(jamo.is_empty());
                vietnamese.clone()
            }
            other => panic!("{expected} vs {given}: {other:?}"),
        }
    }

    fn descriptions(differences: &[VietnameseDifference]) -> Vec<String> {
        differences
            .iter()
            .map(|difference| match difference {
                VietnameseDifference::WrongTone { description, .. }
                | VietnameseDifference::WrongLetterMark { description, .. } => description.clone(),
            })
            .collect()
    }

    #[test]
    fn vietnamese_tone_and_mark_differences_table() {
        let cases: [(&str, &str, &[&str]); 9] = [
            ("mẹ", "mé", &["tone:wrong:nặng:sắc"]),
            ("ngã", "ngá", &["tone:wrong:ngã:sắc"]),
            ("Xin chào", "xin chao", &["tone:wrong:huyền:ngang"]),
            ("cô giáo", "co giáo", &["mark:wrong:ô:o"]),
            ("bố", "bó", &["mark:wrong:ô:o"]),
            ("bố", "bo", &["mark:wrong:ô:o", "tone:wrong:sắc:ngang"]),
            ("đi", "di", &["mark:wrong:đ:d"]),
            ("cơm", "côm", &["mark:wrong:ơ:ô"]),
            ("một", "mốt", &["tone:wrong:nặng:sắc"]),
        ];
        for (expected, given, wanted) in cases {
            let differences = only_vietnamese_difference(expected, given);
            assert_eq!(descriptions(&differences), wanted, "{expected} vs {given}");
        }
        assert_eq!(
            only_vietnamese_difference("mẹ", "mé"),
            vec![VietnameseDifference::WrongTone {
                expected: Tone::Nang,
                given: Tone::Sac,
                description: "tone:wrong:nặng:sắc".into(),
            }]
        );
    }

    #[test]
    fn vietnamese_answers_that_count_as_the_same() {
        let decomposed: String = "Cảm ơn cô ạ".nfd().collect();
        for given in [
            "Cảm ơn cô ạ",
            "cảm ơn cô ạ.",
            "  CẢM ƠN CÔ Ạ ",
            decomposed.as_str(),
            "cảmơn cô ạ",
        ] {
            let grade = grade_typed_in(TargetLanguage::Vi, "Cảm ơn cô ạ", &[], given);
            assert!(grade.correct, "{given:?}: {:?}", grade.differences);
        }
        // Old and new tone placement are both right.
        assert!(grade_typed_in(TargetLanguage::Vi, "hòa", &[], "hoà").correct);
        assert!(grade_typed_in(TargetLanguage::Vi, "thủy", &[], "thuỷ").correct);
        assert!(grade_typed_in(TargetLanguage::Vi, "hòa bình", &[], "hoà bình").correct);
        // A tone on the wrong syllable, or a wrong tone beside a right one, is wrong.
        for (expected, given) in [
            ("tạm biệt", "tám biệt"),
            ("tạm biệt", "tam biệt"),
            ("hoa quả", "hòa qua"),
            ("mẹ em", "me ém"),
            ("hoa", "hòa"),
        ] {
            let grade = grade_typed_in(TargetLanguage::Vi, expected, &[], given);
            assert!(!grade.correct, "{expected} vs {given}");
            assert!(!grade.differences.is_empty(), "{expected} vs {given}");
        }
        // Korean grading is unchanged and knows nothing of tones.
        let korean = grade_typed("mẹ", &[], "mé");
        assert!(!korean.correct);
        assert!(matches!(
            korean.differences.as_slice(),
            [Difference::WrongCharacter { vietnamese, .. }] if vietnamese.is_empty()
        ));
    }

    #[test]
    fn vietnamese_wrong_letters_are_plain_differences() {
        let grade = grade_typed_in(TargetLanguage::Vi, "bốn", &[], "bán");
        match grade.differences.as_slice() {
            [Difference::WrongCharacter {
                vietnamese,
                description,
                ..
            }] => {
                assert!(vietnamese.is_empty());
                assert_eq!(description, "character:wrong:ố:á");
            }
            other => panic!("{other:?}"),
        }
        let missing = grade_typed_in(TargetLanguage::Vi, "sáu", &[], "sá");
        assert!(matches!(
            missing.differences.as_slice(),
            [Difference::MissingCharacter { expected: 'u', .. }]
        ));
    }

    proptest! {
        #[test]
        fn a_vietnamese_answer_is_correct_in_either_normal_form_and_case(
            text in "([a-zăâêôơưđ]|[aăâeêioôơuưy][\u{0300}\u{0301}\u{0303}\u{0309}\u{0323}]| ){0,16}"
        ) {
            let composed: String = text.nfc().collect();
            let decomposed: String = text.nfd().collect();
            let upper = composed.to_uppercase();
            for given in [&decomposed, &upper] {
                let grade = grade_typed_in(TargetLanguage::Vi, &composed, &[], given);
                prop_assert!(grade.correct, "{:?} vs {:?}", composed, given);
            }
        }

        #[test]
        fn a_wrong_vietnamese_answer_always_has_differences(
            expected in "([a-dăâêđ]|[aeo][\u{0300}\u{0301}\u{0323}]| ){0,8}",
            given in "([a-dăâêđ]|[aeo][\u{0300}\u{0301}\u{0323}]| ){0,8}"
        ) {
            let expected: String = expected.nfc().collect();
            let grade = grade_typed_in(TargetLanguage::Vi, &expected, &[], &given);
            prop_assert_eq!(grade.correct, grade.differences.is_empty());
        }
    }

    #[test]
    fn grades_serialize_for_the_client() {
        let grade = grade_typed("갔어요", &[], "갇어요");
        let json = serde_json::to_value(&grade).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(json["correct"], false);
        assert_eq!(json["compared_with"]["kind"], "expected");
        assert_eq!(json["differences"][0]["kind"], "wrong_character");
        assert_eq!(
            json["differences"][0]["description"],
            "syllable:wrong:갔:갇"
        );
        assert_eq!(json["differences"][0]["jamo"][0]["part"], "final");
        assert_eq!(json["differences"][0]["jamo"][0]["change"], "wrong");
        assert_eq!(json["differences"][0]["jamo"][0]["expected"], "ㅆ");
        let back: TypedGrade =
            serde_json::from_value(json).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(back, grade);
        let correct = grade_typed("저는 학생입니다", &["저 학생이에요"], "저학생이에요");
        let json = serde_json::to_value(&correct).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(json["matched"]["kind"], "accepted");
        assert_eq!(json["matched"]["index"], 0);
        assert_eq!(json["notes"][0], "spacing_differs");
    }
}
