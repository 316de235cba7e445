//! The lesson player: one item at a time, immediate feedback, a hint, audio, and a summary at
//! the end. It is a thin view over `baeum_core::session::LessonSession`, which holds every rule
//! about answers; this module only turns clicks and keystrokes into `Answer`s and shows what
//! the session says.
//!
//! Typed Korean is IME-safe: while an input method is composing a syllable, Enter finishes the
//! syllable instead of submitting, and the answer is read from the input at submit time, so a
//! syllable is never submitted twice or lost on Enter or blur.
//!
//! A lesson of a course teaching another language (Vietnamese: `LessonFile::target_language`)
//! marks its texts with that language, offers no Korean keyboard, no romanization line and no
//! jamo feedback, and explains a wrong tone or letter mark instead.

use std::sync::Arc;

use baeum_core::content::markdown::{to_blocks, Block, Inline};
use baeum_core::content::{
    ChoiceOption, Item, ItemKind, Language, LessonFile, ListeningResponse, LocalizedText, Spoken,
    TargetLanguage,
};
use baeum_core::grade::{Difference, JamoChange, TypedGrade, VietnameseDifference};
use baeum_core::hangul::JamoPosition;
use baeum_core::session::{
    Answer, AnswerEvent, ExpectedAnswer, Feedback, LessonSession, LessonSummary,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::content_client::media_url;
use crate::icons::SpeakerIcon;
use crate::keyboard::KoreanKeyboard;
use crate::t;

/// Where a lesson in progress is saved on this device, so a learner who closes the app
/// mid-lesson resumes at the same item.
fn saved_session_key(course_id: &str, lesson_id: &str) -> String {
    format!("baeum.lesson-session.{course_id}.{lesson_id}")
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load_saved_session(lesson: &LessonFile) -> LessonSession {
    let saved = local_storage()
        .and_then(|storage| {
            storage
                .get_item(&saved_session_key(&lesson.course_id, &lesson.id))
                .ok()
                .flatten()
        })
        .and_then(|json| crate::json::read::<LessonSession>(&json).ok());
    match saved {
        Some(saved) => LessonSession::resume(saved, lesson),
        None => LessonSession::new(lesson),
    }
}

/// Saves where the learner is in the lesson (or forgets it once the lesson is finished). The
/// recorder calls this only after the statements before it are durably stored, so a saved
/// position never runs ahead of the recorded answers.
pub fn save_session(session: &LessonSession) {
    let Some(storage) = local_storage() else {
        return;
    };
    let key = saved_session_key(&session.course_id, &session.lesson_id);
    if session.is_finished() {
        let _ = storage.remove_item(&key);
    } else if let Ok(json) = crate::json::write(session) {
        let _ = storage.set_item(&key, &json);
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Plays one lesson. `on_event` receives every answer and every item read, in order; the
/// caller records them. `on_finished` is called once with the summary. `on_session` receives
/// the session after each step, AFTER the step's events: the caller saves it once those are
/// stored (see `recording::LessonRecorder`), so a reload never skips an unrecorded answer.
#[component]
pub fn LessonPlayer(
    lesson: LessonFile,
    language: Language,
    #[prop(into)] on_event: Callback<AnswerEvent>,
    #[prop(into)] on_finished: Callback<LessonSummary>,
    #[prop(into)] on_session: Callback<LessonSession>,
    /// Where "next lesson" leads, if there is one.
    next_lesson_href: Option<String>,
    course_href: String,
) -> impl IntoView {
    let lesson = Arc::new(lesson);
    // What the lesson's texts are written in, for every component below.
    provide_context(lesson.target_language);
    let session = RwSignal::new(load_saved_session(&lesson));
    let feedback = RwSignal::new(None::<Feedback>);
    let show_hint = RwSignal::new(false);
    let item_shown_at = StoredValue::new(now_ms());
    let item_count = lesson.items.len();

    let lesson_for_answer = lesson.clone();
    let submit = Callback::new(move |answer: Answer| {
        let duration_ms = (now_ms() - item_shown_at.get_value()).max(0.0) as u64;
        let mut updated = session.get_untracked();
        match updated.answer(&lesson_for_answer, &answer, duration_ms) {
            Ok((judged, event)) => {
                feedback.set(Some(judged));
                session.set(updated.clone());
                on_event.run(event);
                on_session.run(updated);
            }
            Err(error) => leptos::logging::warn!("answer refused: {error}"),
        }
    });

    let lesson_for_continue = lesson.clone();
    let go_on = Callback::new(move |()| {
        let duration_ms = (now_ms() - item_shown_at.get_value()).max(0.0) as u64;
        let mut updated = session.get_untracked();
        let event = updated.advance(&lesson_for_continue, duration_ms);
        let finished = updated.is_finished();
        session.set(updated.clone());
        feedback.set(None);
        show_hint.set(false);
        item_shown_at.set_value(now_ms());
        if let Some(event) = event {
            on_event.run(event);
        }
        if finished {
            on_finished.run(updated.summary());
        }
        on_session.run(updated);
        focus_current_item();
    });

    let lesson_for_view = lesson.clone();
    let position = Memo::new(move |_| session.with(|session| session.position));
    view! {
        <div class="player" data-testid="player">
            <progress
                class="player-progress"
                max=item_count
                value=move || position.get()
                aria-label=t!("lesson-progress")
            ></progress>
            <p class="course-meta" data-testid="player-position">
                {move || t!("lesson-position", current = (position.get() + 1).min(item_count), total = item_count)}
            </p>
            {move || {
                let position = position.get();
                match lesson_for_view.items.get(position) {
                    None => view! {
                        <LessonEnd
                            summary=session.with_untracked(LessonSession::summary)
                            next_lesson_href=next_lesson_href.clone()
                            course_href=course_href.clone()
                        />
                    }.into_any(),
                    Some(item) => {
                        let graded = LessonSession::is_graded(&lesson_for_view, position);
                        view! {
                            <ItemView
                                item=item.clone()
                                language=language
                                graded=graded
                                feedback=feedback
                                show_hint=show_hint
                                submit=submit
                                go_on=go_on
                            />
                        }.into_any()
                    }
                }
            }}
        </div>
    }
}

/// Moves keyboard focus to the new item's heading, so keyboard and screen-reader users start
/// reading it instead of staying on a button that no longer exists.
/// The language the current lesson teaches (Korean outside a lesson).
fn target_language() -> TargetLanguage {
    use_context::<TargetLanguage>().unwrap_or_default()
}

/// The `lang` attribute of a text in the lesson's target language.
fn target_lang() -> &'static str {
    target_language().code()
}

fn focus_current_item() {
    request_animation_frame(|| {
        let element = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| {
                document
                    .query_selector("[data-testid=item] .item-focus")
                    .ok()
                    .flatten()
            })
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    });
}

#[component]
fn ItemView(
    item: Item,
    language: Language,
    graded: bool,
    feedback: RwSignal<Option<Feedback>>,
    show_hint: RwSignal<bool>,
    submit: Callback<Answer>,
    go_on: Callback<()>,
) -> impl IntoView {
    let hint = item.hint.clone();
    let lang = target_lang();
    let answered = move || feedback.with(Option::is_some);
    let correct = move || {
        feedback.with(|feedback| feedback.as_ref().is_some_and(|feedback| feedback.correct))
    };
    let body = match item.kind.clone() {
        ItemKind::Reading { text } => {
            view! { <MarkdownText text=text.get_or_english(language).to_owned()/> }.into_any()
        }
        ItemKind::CultureNote { title, text } => view! {
            <p class="course-meta">{t!("lesson-culture-note")}</p>
            <h3>{title.get_or_english(language).to_owned()}</h3>
            <MarkdownText text=text.get_or_english(language).to_owned()/>
        }
        .into_any(),
        ItemKind::HangulLetter {
            jamo,
            name,
            romanization,
            sound,
            examples,
        } => view! {
            <p class="big-korean" lang="ko" data-testid="letter">{jamo}</p>
            <p><span lang="ko">{name.text.clone()}</span> " · " {romanization}</p>
            <SpeakButton spoken=name label=SpeakLabel::LetterName/>
            <p>{sound.get_or_english(language).to_owned()}</p>
            <ul class="examples">
                {examples.into_iter().map(|example| view! {
                    <li>
                        <span lang="ko">{example.ko.text.clone()}</span>
                        " — " {example.gloss.get_or_english(language).to_owned()} " "
                        <SpeakButton spoken=example.ko label=SpeakLabel::It/>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any(),
        ItemKind::Vocab {
            ko,
            romanization,
            gloss,
            example,
        } => view! {
            <p class="big-korean" lang=lang data-testid="vocab-word">{ko.text.clone()}</p>
            {romanization.map(|romanization| view! { <p>{romanization}</p> })}
            <SpeakButton spoken=ko label=SpeakLabel::Word/>
            <p data-testid="gloss">{gloss.get_or_english(language).to_owned()}</p>
            {example.map(|example| view! {
                <p>
                    <span lang=lang>{example.ko.text.clone()}</span>
                    " — " {example.gloss.get_or_english(language).to_owned()} " "
                    <SpeakButton spoken=example.ko label=SpeakLabel::Example/>
                </p>
            })}
        }
        .into_any(),
        ItemKind::Choice {
            prompt,
            ko,
            options,
            ..
        } => view! {
            <Prompt prompt=prompt language=language/>
            {ko.map(|ko| view! { <KoreanLine spoken=ko/> })}
            <ChoiceInput options=options language=language feedback=feedback submit=submit/>
        }
        .into_any(),
        ItemKind::Typed { prompt, ko, .. } => view! {
            <Prompt prompt=prompt language=language/>
            {ko.map(|ko| view! { <KoreanLine spoken=ko/> })}
            <TypedInput feedback=feedback submit=submit/>
        }
        .into_any(),
        ItemKind::Listening {
            audio,
            prompt,
            response,
        } => {
            let response_view = match response {
                ListeningResponse::Choice { options, .. } => {
                    view! { <ChoiceInput options=options language=language feedback=feedback submit=submit/> }.into_any()
                }
                ListeningResponse::Typed { .. } => view! { <TypedInput feedback=feedback submit=submit/> }.into_any(),
            };
            view! {
                <Prompt prompt=prompt language=language/>
                <SpeakButton spoken=audio label=SpeakLabel::Listen/>
                {response_view}
            }
            .into_any()
        }
        ItemKind::Ordering {
            prompt,
            words,
            gloss,
        } => view! {
            <Prompt prompt=prompt language=language/>
            <p>{gloss.get_or_english(language).to_owned()}</p>
            <OrderingInput item_id=item.id.clone() words=words feedback=feedback submit=submit/>
        }
        .into_any(),
        ItemKind::FillBlank {
            prompt,
            text,
            options,
            gloss,
            ..
        } => {
            let (before, after) = text
                .split_once("___")
                .map(|(before, after)| (before.to_owned(), after.to_owned()))
                .unwrap_or((text.clone(), String::new()));
            let input = if options.is_empty() {
                view! { <TypedInput feedback=feedback submit=submit/> }.into_any()
            } else {
                let options = options
                    .into_iter()
                    .map(ChoiceOption::Plain)
                    .collect::<Vec<_>>();
                view! { <ChoiceInput options=options language=language feedback=feedback submit=submit/> }.into_any()
            };
            view! {
                <Prompt prompt=prompt language=language/>
                <p class="korean-title" lang=lang data-testid="blank-sentence">{before} <span class="blank">"____"</span> {after}</p>
                <p>{gloss.get_or_english(language).to_owned()}</p>
                {input}
            }
            .into_any()
        }
    };

    view! {
        <article class="item-card" data-testid="item" data-item-id=item.id.clone() data-item-type=item.kind.type_name()>
            <span class="item-focus" tabindex="-1"></span>
            {body}
            {hint.map(|hint| {
                let hint_text = hint.get_or_english(language).to_owned();
                view! {
                    <Show
                        when=move || show_hint.get()
                        fallback=move || view! {
                            <button type="button" class="secondary" on:click=move |_| show_hint.set(true)>{t!("lesson-show-hint")}</button>
                        }
                    >
                        <p class="hint" data-testid="hint">{hint_text.clone()}</p>
                    </Show>
                }
            })}
            {move || feedback.get().map(|feedback| view! { <FeedbackView feedback=feedback/> })}
            <div class="player-actions">
                <Show when=move || !graded || answered()>
                    <button type="button" data-testid="continue" on:click=move |_| go_on.run(())>
                        {move || if graded && !correct() { t!("lesson-continue-anyway") } else { t!("lesson-continue") }}
                    </button>
                </Show>
            </div>
        </article>
    }
}

#[component]
fn Prompt(prompt: LocalizedText, language: Language) -> impl IntoView {
    view! { <h3 class="prompt">{prompt.get_or_english(language).to_owned()}</h3> }
}

/// Korean shown with a prompt, with its audio.
#[component]
fn KoreanLine(spoken: Spoken) -> impl IntoView {
    view! {
        <p class="korean-title" lang=target_lang()>{spoken.text.clone()} " " <SpeakButton spoken=spoken label=SpeakLabel::It/></p>
    }
}

/// A text of the allowed Markdown subset, built as elements so content can never inject markup.
#[component]
fn MarkdownText(text: String) -> impl IntoView {
    let inline_views = |runs: Vec<Inline>| {
        runs.into_iter()
            .map(|run| match run {
                Inline::Text(text) => view! { <span>{text}</span> }.into_any(),
                Inline::Strong(text) => view! { <strong>{text}</strong> }.into_any(),
                Inline::Emphasis(text) => view! { <em>{text}</em> }.into_any(),
                Inline::Code(text) => view! { <code>{text}</code> }.into_any(),
            })
            .collect_view()
    };
    to_blocks(&text)
        .into_iter()
        .map(|block| match block {
            Block::Paragraph(runs) => view! { <p>{inline_views(runs)}</p> }.into_any(),
            Block::List(entries) => view! {
                <ul>{entries.into_iter().map(|runs| view! { <li>{inline_views(runs)}</li> }).collect_view()}</ul>
            }
            .into_any(),
        })
        .collect_view()
}

fn option_text(option: &ChoiceOption, language: Language) -> String {
    match option {
        ChoiceOption::Plain(text) => text.clone(),
        ChoiceOption::Localized(text) => text.get_or_english(language).to_owned(),
    }
}

/// Options as buttons: choosing one checks it at once (one tap on a phone).
#[component]
fn ChoiceInput(
    options: Vec<ChoiceOption>,
    language: Language,
    feedback: RwSignal<Option<Feedback>>,
    submit: Callback<Answer>,
) -> impl IntoView {
    let chosen = RwSignal::new(None::<usize>);
    let lang = target_lang();
    let settled = move || {
        feedback.with(|feedback| feedback.as_ref().is_some_and(|feedback| feedback.correct))
    };
    view! {
        <ul class="options" role="list" data-testid="options">
            {options.iter().enumerate().map(|(index, option)| {
                let text = option_text(option, language);
                view! {
                    <li>
                        <button
                            type="button"
                            data-testid=format!("option-{index}")
                            aria-pressed=move || (chosen.get() == Some(index)).to_string()
                            disabled=settled
                            on:click=move |_| {
                                chosen.set(Some(index));
                                submit.run(Answer::Choice(index));
                            }
                        >
                            <span lang=lang>{text}</span>
                        </button>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// A Korean text input that never submits a half-composed syllable.
#[component]
fn TypedInput(feedback: RwSignal<Option<Feedback>>, submit: Callback<Answer>) -> impl IntoView {
    let input_ref = NodeRef::<leptos::html::Input>::new();
    // Set between compositionstart and compositionend: Enter then belongs to the IME.
    let composing = StoredValue::new(false);
    let settled = move || {
        feedback.with(|feedback| feedback.as_ref().is_some_and(|feedback| feedback.correct))
    };
    // One item's answer must not show up in the next item's field: the renderer may reuse
    // the same <input> element for consecutive typed items.
    Effect::new(move |_| {
        if let Some(input) = input_ref.get() {
            input.set_value("");
        }
    });
    let check = move || {
        if let Some(input) = input_ref.get_untracked() {
            let given = input.value();
            if !given.trim().is_empty() {
                submit.run(Answer::Typed(given));
            }
        }
    };
    view! {
        <form class="typed-answer" on:submit=move |event| { event.prevent_default(); check(); }>
            <label>
                <span class="visually-hidden">{t!("lesson-typed-answer-label")}</span>
                <input
                    type="text"
                    lang=target_lang()
                    autocomplete="off"
                    autocapitalize="off"
                    spellcheck="false"
                    data-testid="typed-answer"
                    node_ref=input_ref
                    readonly=settled
                    on:compositionstart=move |_| composing.set_value(true)
                    on:compositionend=move |_| composing.set_value(false)
                    on:keydown=move |event: web_sys::KeyboardEvent| {
                        if event.key() == "Enter" && (event.is_composing() || composing.get_value()) {
                            event.prevent_default();
                        }
                    }
                />
            </label>
            <button type="submit" data-testid="check" disabled=settled>{t!("lesson-check")}</button>
        </form>
        // The Korean keyboard (and Latin keys typing Hangul) only where the answer is Korean.
        {(target_language() == TargetLanguage::Ko).then(|| view! { <KoreanKeyboard target=input_ref/> })}
    }
}

/// A shuffled word bank: tap words to build the sentence, tap a placed word to take it back.
#[component]
fn OrderingInput(
    item_id: String,
    words: Vec<String>,
    feedback: RwSignal<Option<Feedback>>,
    submit: Callback<Answer>,
) -> impl IntoView {
    let shuffled = shuffled_order(&item_id, words.len());
    // Each entry is an index into `words`, so repeated words stay distinct.
    let bank = RwSignal::new(shuffled);
    let placed = RwSignal::new(Vec::<usize>::new());
    let words = StoredValue::new(words);
    let settled = move || {
        feedback.with(|feedback| feedback.as_ref().is_some_and(|feedback| feedback.correct))
    };
    let word =
        move |index: usize| words.with_value(|words| words.get(index).cloned().unwrap_or_default());
    view! {
        <p class="answer-line" data-testid="answer-line" aria-label=t!("lesson-your-sentence") lang=target_lang()>
            <For each=move || placed.get() key=|index| *index let:index>
                <button type="button" disabled=settled on:click=move |_| {
                    placed.update(|placed| placed.retain(|placed_index| *placed_index != index));
                    bank.update(|bank| bank.push(index));
                }>{word(index)}</button>
            </For>
        </p>
        <ul class="word-bank" data-testid="word-bank" lang=target_lang()>
            <For each=move || bank.get() key=|index| *index let:index>
                <li>
                    <button type="button" data-testid="bank-word" disabled=settled on:click=move |_| {
                        bank.update(|bank| bank.retain(|bank_index| *bank_index != index));
                        placed.update(|placed| placed.push(index));
                    }>{word(index)}</button>
                </li>
            </For>
        </ul>
        <button
            type="button"
            data-testid="check"
            disabled=move || settled() || !bank.with(Vec::is_empty)
            on:click=move |_| submit.run(Answer::Ordering(placed.get_untracked().into_iter().map(word).collect()))
        >{t!("lesson-check")}</button>
    }
}

/// A shuffle that is the same every time for one item (so a resumed lesson shows the same
/// order) and never the correct order when there is more than one word.
fn shuffled_order(item_id: &str, count: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..count).collect();
    let mut state = item_id
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3)
        });
    for index in (1..count).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let swap_with = (state % (index as u64 + 1)) as usize;
        order.swap(index, swap_with);
    }
    if count > 1
        && order
            .iter()
            .enumerate()
            .all(|(position, index)| position == *index)
    {
        order.rotate_left(1);
    }
    order
}

#[component]
fn FeedbackView(feedback: Feedback) -> impl IntoView {
    let expected = match &feedback.expected {
        ExpectedAnswer::Choice(_) => None,
        ExpectedAnswer::Text(text) => Some(text.clone()),
    };
    if feedback.correct {
        let spacing_note = feedback
            .typed_grade
            .as_ref()
            .is_some_and(|grade| !grade.notes.is_empty())
            .then(|| {
                expected
                    .clone()
                    .map(|expected| t!("lesson-correct-written-exactly", expected = expected))
            })
            .flatten();
        return view! {
            <div class="feedback correct" role="status" data-testid="feedback" data-correct="true">
                <p>{spacing_note.unwrap_or_else(|| t!("lesson-correct"))}</p>
            </div>
        }
        .into_any();
    }
    let differences = feedback
        .typed_grade
        .as_ref()
        .map(describe_differences)
        .unwrap_or_default();
    view! {
        <div class="feedback wrong" role="status" data-testid="feedback" data-correct="false">
            <p>{t!("lesson-not-quite")}</p>
            {expected.map(|expected| {
                let (before, after) = crate::i18n::split_at_element(&t!(
                    "lesson-answer-is",
                    answer = crate::i18n::ELEMENT_MARKER
                ));
                view! { <p>{before} <strong lang=target_lang()>{expected}</strong> {after}</p> }
            })}
            <ul class="jamo-diff" data-testid="jamo-diff">
                // Each line is a sentence in the interface language about Korean letters, so it
                // carries the page's language, not Korean.
                {differences.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
            <p>{t!("lesson-try-again")}</p>
        </div>
    }
    .into_any()
}

/// Which part of a syllable a jamo is, as the selector the difference messages take.
fn part_name(part: JamoPosition) -> &'static str {
    match part {
        JamoPosition::Initial => "initial",
        JamoPosition::Medial => "medial",
        JamoPosition::Final => "final",
    }
}

/// Turns the jamo-level comparison into sentences a learner reads: which letter of which
/// syllable was wrong.
pub fn describe_differences(grade: &TypedGrade) -> Vec<String> {
    grade
        .differences
        .iter()
        .flat_map(|difference| match difference {
            Difference::MissingCharacter { expected, .. } => {
                vec![t!("lesson-diff-missing", expected = expected.to_string())]
            }
            Difference::ExtraCharacter { given, .. } => {
                vec![t!("lesson-diff-extra", given = given.to_string())]
            }
            Difference::WrongCharacter {
                expected,
                given,
                vietnamese,
                ..
            } if !vietnamese.is_empty() => vietnamese
                .iter()
                .map(|difference| match difference {
                    VietnameseDifference::WrongTone {
                        expected: expected_tone,
                        given: given_tone,
                        ..
                    } => t!(
                        "lesson-diff-tone",
                        given = given.to_string(),
                        expected = expected.to_string(),
                        expected_tone = expected_tone.name(),
                        given_tone = given_tone.name()
                    ),
                    VietnameseDifference::WrongLetterMark {
                        expected: expected_letter,
                        given: given_letter,
                        ..
                    } => t!(
                        "lesson-diff-mark",
                        given = given.to_string(),
                        expected = expected.to_string(),
                        expected_letter = expected_letter.to_string(),
                        given_letter = given_letter.to_string()
                    ),
                })
                .collect(),
            Difference::WrongCharacter {
                expected,
                given,
                jamo,
                ..
            } => {
                let should_be = || {
                    t!(
                        "lesson-diff-wrong",
                        given = given.to_string(),
                        expected = expected.to_string()
                    )
                };
                if jamo.is_empty() {
                    return vec![should_be()];
                }
                jamo.iter()
                    .map(|jamo| {
                        let part = part_name(jamo.part);
                        match (jamo.change, jamo.expected, jamo.given) {
                            (JamoChange::Wrong, Some(expected_jamo), Some(given_jamo)) => t!(
                                "lesson-diff-jamo-wrong",
                                given = given.to_string(),
                                expected = expected.to_string(),
                                part = part,
                                expected_jamo = expected_jamo.to_string(),
                                given_jamo = given_jamo.to_string()
                            ),
                            (JamoChange::Missing, Some(expected_jamo), _) => t!(
                                "lesson-diff-jamo-missing",
                                given = given.to_string(),
                                expected = expected.to_string(),
                                part = part,
                                expected_jamo = expected_jamo.to_string()
                            ),
                            (JamoChange::Extra, _, Some(given_jamo)) => t!(
                                "lesson-diff-jamo-extra",
                                given = given.to_string(),
                                expected = expected.to_string(),
                                part = part,
                                given_jamo = given_jamo.to_string()
                            ),
                            _ => should_be(),
                        }
                    })
                    .collect()
            }
        })
        .collect()
}

#[component]
fn LessonEnd(
    summary: LessonSummary,
    next_lesson_href: Option<String>,
    course_href: String,
) -> impl IntoView {
    let percent = (summary.scaled_score * 100.0).round() as u32;
    view! {
        <section class="summary item-card" data-testid="lesson-summary">
            <h2 class="item-focus" tabindex="-1">{t!("lesson-complete")}</h2>
            <p data-testid="score">
                {t!("lesson-score", correct = summary.correct_first_time, total = summary.graded_items, percent = percent)}
            </p>
            <div class="player-actions">
                {next_lesson_href.map(|href| view! { <a class="button" href=href data-testid="next-lesson">{t!("lesson-next-lesson")}</a> })}
                <a class="button secondary" href=course_href>{t!("lesson-back-to-course")}</a>
            </div>
        </section>
    }
}

/// What a [`SpeakButton`] plays, for its accessible name.
#[derive(Clone, Copy)]
enum SpeakLabel {
    LetterName,
    It,
    Word,
    Example,
    Listen,
}

impl SpeakLabel {
    /// The button's accessible name: what it plays, then the Korean `text`.
    fn aria_label(self, text: &str) -> String {
        match self {
            SpeakLabel::LetterName => t!("lesson-hear-letter-name", text = text),
            SpeakLabel::It => t!("lesson-hear-it", text = text),
            SpeakLabel::Word => t!("lesson-hear-word", text = text),
            SpeakLabel::Example => t!("lesson-hear-example", text = text),
            SpeakLabel::Listen => t!("lesson-listen", text = text),
        }
    }
}

/// Plays a spoken Korean text: its recorded clip when there is one, else the browser's Korean
/// voice if it has one, else nothing (the text is on screen anyway).
#[component]
fn SpeakButton(spoken: Spoken, label: SpeakLabel) -> impl IntoView {
    let audio_ref = NodeRef::<leptos::html::Audio>::new();
    let text = spoken.text.clone();
    let aria_label = label.aria_label(&text);
    match spoken.audio {
        Some(file) => view! {
            <audio node_ref=audio_ref src=clip_source(file) preload="none" data-testid="audio"></audio>
            <button type="button" class="secondary speak" aria-label=aria_label data-testid="play-audio" on:click=move |_| {
                if let Some(audio) = audio_ref.get_untracked() {
                    audio.set_current_time(0.0);
                    let _ = audio.play();
                }
            }><SpeakerIcon/></button>
        }
        .into_any(),
        None if browser_voice(target_language()).is_some() => {
            let language = target_language();
            view! {
                <button type="button" class="secondary speak" aria-label=aria_label on:click=move |_| speak_with_browser_voice(language, &text)><SpeakerIcon/></button>
            }
        }
        .into_any(),
        None => ().into_any(),
    }
}

/// Where a clip plays from: the server's address at first, then, if the clip was downloaded
/// to this device, a `blob:` URL of the stored bytes, so it plays with no network at all. The
/// blob URL is released when the button goes away.
fn clip_source(file: String) -> ReadSignal<String> {
    let (source, set_source) = signal(media_url(&file));
    let object_url = StoredValue::new(None::<String>);
    spawn_local(async move {
        let Some(bytes) = crate::content_client::downloaded_file(&file).await else {
            return;
        };
        let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("audio/ogg; codecs=opus");
        let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        else {
            return;
        };
        if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
            object_url.try_set_value(Some(url.clone()));
            // The button may be gone by now (the learner moved on); then nothing is shown.
            if set_source.try_set(url.clone()).is_some() {
                let _ = web_sys::Url::revoke_object_url(&url);
            }
        }
    });
    on_cleanup(move || {
        if let Some(Some(url)) = object_url.try_get_value() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    });
    source
}

/// The browser's speech voice for the lesson's language (Korean or Vietnamese), if it has one.
fn browser_voice(language: TargetLanguage) -> Option<web_sys::SpeechSynthesisVoice> {
    let synthesis = web_sys::window()?.speech_synthesis().ok()?;
    synthesis
        .get_voices()
        .iter()
        .filter_map(|voice| voice.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
        .find(|voice| {
            voice
                .lang()
                .to_ascii_lowercase()
                .starts_with(language.code())
        })
}

fn speak_with_browser_voice(language: TargetLanguage, text: &str) {
    let (Some(voice), Some(synthesis)) = (
        browser_voice(language),
        web_sys::window().and_then(|window| window.speech_synthesis().ok()),
    ) else {
        return;
    };
    if let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
        utterance.set_voice(Some(&voice));
        utterance.set_lang(match language {
            TargetLanguage::Ko => "ko-KR",
            TargetLanguage::Vi => "vi-VN",
        });
        synthesis.speak(&utterance);
    }
}
