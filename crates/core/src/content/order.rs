//! Teaching order: no item may use a letter or a word before the lesson that teaches it.
//!
//! What "teaches" means, exactly (documented in `content/FORMAT.md`):
//!
//! * A `hangul_letter` item teaches its `jamo`. In a course that says `teaches_hangul = true`
//!   (the alphabet course, where letters come before words), every Korean
//!   text of an item (see [`korean_texts`]) may only use letters taught in its own lesson or
//!   an earlier one. A syllable uses its initial, its vowel and its final, a double final
//!   (ㄳ, ㄺ …) counting as its two letters; the silent `ㅇ` before a vowel is part of writing
//!   the vowel, so only a final `ㅇ` (ng) needs the letter. Texts the learner only hears or
//!   that illustrate a new letter are not uses: a `hangul_letter`'s name and examples, a
//!   `listening` item's `audio`. What the learner reads, picks or types is.
//! * A `vocab` item teaches its `ko`. No Korean text of an earlier lesson may use that word:
//!   a text uses a word when, split at spaces and stripped of punctuation, it has the word's
//!   space-separated parts in a row, the last one either alone or followed by one of the
//!   particles of [`PARTICLES`] (우유를 uses 우유). A word taught twice counts from its first
//!   lesson. Every Korean text counts here, heard ones included. Where a text only looks
//!   like a later word (알 수 있어요 is not 알 "egg"), the item lists it in `homonyms`; a
//!   listed word the item does not seem to use is an error, so the list cannot go stale.

use std::collections::{BTreeMap, BTreeSet};

use super::{ChoiceOption, ContentError, Course, Item, ItemKind, ListeningResponse, SourceFile};
use crate::hangul::{decompose, split_compound_jamo};

/// Particles and copulas a taught noun may carry and still be the same word.
pub const PARTICLES: [&str; 24] = [
    "이",
    "가",
    "은",
    "는",
    "을",
    "를",
    "에",
    "에서",
    "에게",
    "도",
    "와",
    "과",
    "하고",
    "의",
    "로",
    "으로",
    "만",
    "이야",
    "이에요",
    "예요",
    "이랑",
    "랑",
    "까지",
    "부터",
];

fn plain(options: &[ChoiceOption]) -> Vec<(String, &str)> {
    options
        .iter()
        .enumerate()
        .filter_map(|(index, option)| match option {
            ChoiceOption::Plain(text) => Some((format!("options[{index}]"), text.as_str())),
            ChoiceOption::Localized(_) => None,
        })
        .collect()
}

fn listed<'a>(name: &str, list: &'a [String]) -> Vec<(String, &'a str)> {
    list.iter()
        .enumerate()
        .map(|(index, text)| (format!("{name}[{index}]"), text.as_str()))
        .collect()
}

/// Every Korean text of an item that the learner reads, hears or types, with its field.
pub(super) fn korean_texts(item: &Item) -> Vec<(String, &str)> {
    let mut texts: Vec<(String, &str)> = Vec::new();
    match &item.kind {
        ItemKind::Reading { .. } | ItemKind::CultureNote { .. } => {}
        ItemKind::HangulLetter { examples, .. } => {
            for (index, example) in examples.iter().enumerate() {
                texts.push((format!("examples[{index}].ko"), example.ko.text.as_str()));
            }
        }
        ItemKind::Vocab { ko, example, .. } => {
            texts.push(("ko".to_owned(), ko.text.as_str()));
            if let Some(example) = example {
                texts.push(("example.ko".to_owned(), example.ko.text.as_str()));
            }
        }
        ItemKind::Choice { ko, options, .. } => {
            texts.extend(ko.iter().map(|ko| ("ko".to_owned(), ko.text.as_str())));
            texts.extend(plain(options));
        }
        ItemKind::Typed {
            ko, answer, accept, ..
        } => {
            texts.extend(ko.iter().map(|ko| ("ko".to_owned(), ko.text.as_str())));
            texts.push(("answer".to_owned(), answer.as_str()));
            texts.extend(listed("accept", accept));
        }
        ItemKind::Listening {
            audio, response, ..
        } => {
            texts.push(("audio".to_owned(), audio.text.as_str()));
            match response {
                ListeningResponse::Choice { options, .. } => texts.extend(plain(options)),
                ListeningResponse::Typed { answer, accept } => {
                    texts.push(("answer".to_owned(), answer.as_str()));
                    texts.extend(listed("accept", accept));
                }
            }
        }
        ItemKind::Ordering { words, .. } => texts.extend(listed("words", words)),
        ItemKind::FillBlank {
            text,
            answer,
            accept,
            options,
            ..
        } => {
            texts.push(("text".to_owned(), text.as_str()));
            texts.push(("answer".to_owned(), answer.as_str()));
            texts.extend(listed("accept", accept));
            texts.extend(listed("options", options));
        }
    }
    texts
}

/// The simple letters a text is written with: initials, vowels and finals of its syllables,
/// double finals split (ㄺ → ㄹ ㄱ).
fn letters(text: &str) -> Vec<char> {
    let mut letters = Vec::new();
    for character in text.chars() {
        let Some(syllable) = decompose(character) else {
            continue;
        };
        if !syllable.initial.is_silent() {
            letters.push(syllable.initial.compatibility());
        }
        letters.push(syllable.medial.compatibility());
        if let Some(final_letter) = syllable.final_ {
            let final_letter = final_letter.compatibility();
            match split_compound_jamo(final_letter) {
                Some((first, second)) if !matches!(final_letter, 'ㄲ' | 'ㅆ') => {
                    letters.extend([first, second]);
                }
                _ => letters.push(final_letter),
            }
        }
    }
    letters
}

/// The words of a text: split at spaces, punctuation stripped from both ends.
fn tokens(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|token| {
            token.trim_matches(|character: char| !character.is_alphanumeric() && character != '_')
        })
        .filter(|token| !token.is_empty())
        .collect()
}

/// Whether `text` uses the taught `word` (see the module documentation).
pub fn uses_word(text: &str, word: &str) -> bool {
    let text_tokens = tokens(text);
    let word_tokens = tokens(word);
    let Some((last, leading)) = word_tokens.split_last() else {
        return false;
    };
    if text_tokens.len() < word_tokens.len() {
        return false;
    }
    (0..=text_tokens.len() - word_tokens.len()).any(|start| {
        let window = &text_tokens[start..start + word_tokens.len()];
        let leading_match = window.iter().zip(leading).all(|(a, b)| a == b);
        let candidate = window[word_tokens.len() - 1];
        leading_match
            && (candidate == *last
                || candidate
                    .strip_prefix(last)
                    .is_some_and(|rest| PARTICLES.contains(&rest)))
    })
}

/// The line of the `index`-th `[[items]]` header of a lesson file, for error messages.
fn item_line(file: Option<&SourceFile>, index: usize) -> usize {
    file.and_then(|file| {
        file.text
            .lines()
            .enumerate()
            .filter(|(_, line)| line.trim() == "[[items]]")
            .nth(index)
            .map(|(number, _)| number + 1)
    })
    .unwrap_or(1)
}

/// Every use of a letter or a word before the lesson that teaches it.
pub(super) fn order_problems(
    course: &Course,
    files_by_lesson: &BTreeMap<String, &SourceFile>,
    homonyms: &BTreeMap<String, BTreeMap<String, Vec<String>>>,
    teaches_letters: bool,
) -> Vec<ContentError> {
    let lessons: Vec<_> = course.lessons().collect();
    // The lesson (by position) that first teaches each word.
    let mut word_lesson: BTreeMap<&str, usize> = BTreeMap::new();
    for (position, lesson) in lessons.iter().enumerate() {
        for item in &lesson.items {
            if let ItemKind::Vocab { ko, .. } = &item.kind {
                word_lesson.entry(ko.text.as_str()).or_insert(position);
            }
        }
    }
    let mut taught_letters: BTreeSet<char> = BTreeSet::new();
    let mut problems = Vec::new();
    for (position, lesson) in lessons.iter().enumerate() {
        let file = files_by_lesson.get(&lesson.id).copied();
        for item in &lesson.items {
            if let ItemKind::HangulLetter { jamo, .. } = &item.kind {
                taught_letters.extend(jamo.chars());
            }
        }
        for (index, item) in lesson.items.iter().enumerate() {
            let listed: &[String] = homonyms
                .get(&lesson.id)
                .and_then(|items| items.get(&item.id))
                .map_or(&[], Vec::as_slice);
            let mut needed_homonyms: BTreeSet<&str> = BTreeSet::new();
            let mut report = |field: &str, message: String| {
                problems.push(ContentError::Source {
                    file: file.map_or_else(|| lesson.id.clone(), |file| file.path.clone()),
                    line: item_line(file, index),
                    field: format!("items[{index}].{field}"),
                    message,
                });
            };
            for (field, text) in korean_texts(item) {
                let only_heard = field == "audio" || field.starts_with("examples[");
                if teaches_letters && !only_heard {
                    let untaught: BTreeSet<char> = letters(text)
                        .into_iter()
                        .filter(|letter| !taught_letters.contains(letter))
                        .collect();
                    if !untaught.is_empty() {
                        let shown: String = untaught.into_iter().collect();
                        report(
                            &field,
                            format!("`{text}` uses {shown}, which no lesson up to this one teaches (a hangul_letter item)"),
                        );
                    }
                }
                for (word, taught_in) in &word_lesson {
                    if *taught_in > position && uses_word(text, word) {
                        if listed.iter().any(|listed| listed == word) {
                            needed_homonyms.insert(word);
                            continue;
                        }
                        report(
                            &field,
                            format!(
                                "`{text}` uses `{word}` before lesson `{}` teaches it",
                                lessons[*taught_in].id
                            ),
                        );
                    }
                }
            }
            for word in listed {
                if !needed_homonyms.contains(word.as_str()) {
                    report(
                        "homonyms",
                        format!("`{word}` is not a word of a later lesson that this item's text seems to use; remove it"),
                    );
                }
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_is_used_alone_or_with_a_particle() {
        assert!(uses_word("우유를 마셔요.", "우유"));
        assert!(uses_word("우유", "우유"));
        assert!(uses_word("처음 뵙겠습니다!", "처음 뵙겠습니다"));
        assert!(!uses_word("우유니 사막", "우유"));
        assert!(!uses_word("반갑습니다", "반가워요"));
        assert!(!uses_word("무엇이라고 해요?", "해"));
        assert!(!uses_word("뵙겠습니다", "처음 뵙겠습니다"));
        assert!(uses_word("이분은 제 어머니세요.", "이분"));
    }

    #[test]
    fn double_finals_are_two_letters() {
        assert_eq!(letters("닭"), vec!['ㄷ', 'ㅏ', 'ㄹ', 'ㄱ']);
        assert_eq!(letters("아이"), vec!['ㅏ', 'ㅣ']);
        assert_eq!(letters("앙"), vec!['ㅏ', 'ㅇ']);
        assert_eq!(letters("있"), vec!['ㅣ', 'ㅆ']);
        assert_eq!(letters("닮"), vec!['ㄷ', 'ㅏ', 'ㄹ', 'ㅁ']);
    }
}
