//! How a missed item is named on the class dashboard and a learner's drill-down (issue 25):
//! by the question the learner saw, in the teacher's help language, with the Korean it asks
//! about and the lesson's title, read from the lesson (kept on the device by the service
//! worker, so offline too). Until the lesson loads, or when it cannot, the ids are shown.

use baeum_core::content::{Item, ItemKind, Language, LocalizedText};
use leptos::prelude::*;

use crate::browser;
use crate::content_client::load_lesson;

use super::api::MissedItem;

/// The target-language text a teacher recognises an item by: the word, sentence or letter it
/// asks about (Korean, or Vietnamese in a course teaching Vietnamese).
pub fn item_target_text(item: &Item, target: Language) -> Option<String> {
    match &item.kind {
        ItemKind::Reading { text } => text.get(target).map(str::to_owned),
        ItemKind::CultureNote { title, .. } => title.get(target).map(str::to_owned),
        ItemKind::HangulLetter { jamo, .. } => Some(jamo.clone()),
        ItemKind::Vocab { ko, .. } => Some(ko.text.clone()),
        ItemKind::Choice { ko, prompt, .. } => ko
            .as_ref()
            .map(|spoken| spoken.text.clone())
            .or_else(|| prompt.get(target).map(str::to_owned)),
        ItemKind::Typed { ko, answer, .. } => Some(
            ko.as_ref()
                .map_or_else(|| answer.clone(), |spoken| spoken.text.clone()),
        ),
        ItemKind::Listening { audio, .. } => Some(audio.text.clone()),
        ItemKind::Ordering { words, .. } => Some(words.join(" ")),
        ItemKind::FillBlank { text, .. } => Some(text.clone()),
    }
}

/// What the learner was asked, in `language` (else English), with the language it is in: the
/// prompt; a word's meaning; a letter's sound; a culture note's title. A reading has none (its
/// text is what [`item_target_text`] gives).
pub fn item_question(item: &Item, language: Language) -> Option<(String, Language)> {
    let text: &LocalizedText = match &item.kind {
        ItemKind::Reading { .. } => return None,
        ItemKind::CultureNote { title, .. } => title,
        ItemKind::HangulLetter { sound, .. } => sound,
        ItemKind::Vocab { gloss, .. } => gloss,
        ItemKind::Choice { prompt, .. }
        | ItemKind::Typed { prompt, .. }
        | ItemKind::Listening { prompt, .. }
        | ItemKind::Ordering { prompt, .. }
        | ItemKind::FillBlank { prompt, .. } => prompt,
    };
    match text.get(language) {
        Some(found) => Some((found.to_owned(), language)),
        None => text
            .get(Language::En)
            .map(|english| (english.to_owned(), Language::En)),
    }
}

/// What the dashboard shows of one missed item once its lesson is read.
#[derive(Clone, Debug, PartialEq)]
struct NamedItem {
    question: Option<(String, Language)>,
    target: Option<(String, Language)>,
    lesson_title: String,
}

/// A missed item named by its question, its Korean and its lesson when the lesson can be
/// loaded, else by its ids.
#[component]
pub fn MissedItemName(item: MissedItem) -> impl IntoView {
    let course_id = item.course_id.clone();
    let lesson_id = item.lesson_id.clone();
    let item_id = item.item_id.clone();
    let named = LocalResource::new(move || {
        let (course_id, lesson_id, item_id) =
            (course_id.clone(), lesson_id.clone(), item_id.clone());
        async move {
            let loaded = load_lesson(&course_id, &lesson_id).await.ok()?;
            let found = loaded
                .lesson
                .items
                .iter()
                .find(|candidate| candidate.id == item_id)?;
            let language = browser::help_language();
            let target = loaded.manifest.subject.target_language().as_language();
            Some(NamedItem {
                question: item_question(found, language),
                target: item_target_text(found, target).map(|text| (text, target)),
                lesson_title: loaded.entry.title.get_or_english(language).to_owned(),
            })
        }
    });
    let ids = format!("{} / {}", item.lesson_id, item.item_id);
    move || match named.get().flatten() {
        Some(named) => view! {
            <span data-testid="missed-item-name" title=ids.clone()>
                {named.question.map(|(question, language)| view! {
                    <span class="missed-question" lang=language.code()>{question}</span>
                    " "
                })}
                {named.target.map(|(text, language)| view! {
                    <span class="missed-korean" lang=language.code()>{text}</span>
                })}
                <span class="course-meta">{format!(" · {}", named.lesson_title)}</span>
            </span>
        }
        .into_any(),
        None => view! { <span data-testid="missed-item-name">{ids.clone()}</span> }.into_any(),
    }
}
