//! Today's reviews: the cards FSRS says are due, then a few new ones, as flash cards the
//! learner rates themselves ("I knew it" / "Not yet"). Works offline: the queue is folded from
//! this device's log, the cards come from lessons already loaded, and each rating is recorded
//! as an `answered` statement, which is what the schedule is derived from.

use std::collections::HashMap;

use baeum_core::content::{Item, ItemKind, Language};
use baeum_core::progress::{review_queue, DueCard};
use baeum_core::session::AnswerEvent;
use leptos::prelude::*;

use crate::browser;
use crate::content_client::{load_lesson, LoadedLesson};
use crate::progress_view::{load_digest, use_whole_log_fold, WholeLogFold};
use crate::recording::LessonRecorder;
use crate::sync_driver::{use_sync, SyncHandle};
use crate::t;

/// How many cards the learner has never answered may join one day's reviews.
pub const DAILY_NEW_CARDS: usize = 10;

/// A card ready to show: its schedule entry, its content and where to record the rating.
#[derive(Clone)]
struct ReviewCard {
    due: DueCard,
    item: Item,
    loaded: LoadedLesson,
}

async fn load_review_cards(
    sync: Option<SyncHandle>,
    fold: WholeLogFold,
) -> Result<Vec<ReviewCard>, String> {
    let sync = sync.ok_or_else(|| t!("review-no-sync-layer"))?;
    let digest = load_digest(sync, fold)
        .await
        .map_err(|error| error.message())?;
    let queue = review_queue(&digest, js_sys::Date::now() as i64, DAILY_NEW_CARDS);
    let mut lessons: HashMap<(String, String), Option<LoadedLesson>> = HashMap::new();
    let mut cards = Vec::new();
    for due in queue {
        let key = (due.item.course_id.clone(), due.item.lesson_id.clone());
        if !lessons.contains_key(&key) {
            // A lesson that cannot be loaded (changed since, or never downloaded) skips its
            // cards today rather than failing the whole review.
            lessons.insert(key.clone(), load_lesson(&key.0, &key.1).await.ok());
        }
        let Some(Some(loaded)) = lessons.get(&key) else {
            continue;
        };
        if let Some(item) = loaded
            .lesson
            .items
            .iter()
            .find(|item| item.id == due.item.item_id)
        {
            cards.push(ReviewCard {
                due,
                item: item.clone(),
                loaded: loaded.clone(),
            });
        }
    }
    Ok(cards)
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    let sync = use_sync();
    let fold = use_whole_log_fold();
    let cards = LocalResource::new(move || load_review_cards(sync, fold));
    view! {
        <section class="page" data-testid="review-page">
            <h1>{t!("review-title")}</h1>
            <Suspense fallback=|| view! { <p class="loading">{t!("review-loading")}</p> }>
                {move || cards.get().map(|result| match result {
                    Ok(cards) if cards.is_empty() => view! {
                        <p data-testid="no-reviews">{t!("review-nothing-due")}</p>
                    }.into_any(),
                    Ok(cards) => view! { <ReviewSession cards=cards/> }.into_any(),
                    Err(error) => view! { <p class="load-error" role="alert">{error}</p> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ReviewSession(cards: Vec<ReviewCard>) -> impl IntoView {
    let total = cards.len();
    let cards = StoredValue::new(cards);
    let position = RwSignal::new(0_usize);
    let revealed = RwSignal::new(false);
    let shown_at = StoredValue::new(js_sys::Date::now());
    // One recorder per lesson, made while the component is built, so ratings of a lesson's
    // cards are written in order and no rating makes a recorder of its own.
    let recorders = StoredValue::new(cards.with_value(|cards| {
        let mut recorders: HashMap<(String, String), LessonRecorder> = HashMap::new();
        for card in cards {
            recorders
                .entry(lesson_of(card))
                .or_insert_with(|| LessonRecorder::new(&card.loaded));
        }
        recorders
    }));
    let rate = move |knew_it: bool| {
        let Some(card) = cards.with_value(|cards| cards.get(position.get_untracked()).cloned())
        else {
            return;
        };
        let duration_ms = (js_sys::Date::now() - shown_at.get_value()).max(0.0) as u64;
        let Some(recorder) =
            recorders.with_value(|recorders| recorders.get(&lesson_of(&card)).cloned())
        else {
            return;
        };
        recorder.answered(AnswerEvent {
            item_id: card.item.id.clone(),
            item_type: card.item.kind.type_name().to_owned(),
            correct: Some(knew_it),
            response: Some(if knew_it { "knew it" } else { "not yet" }.to_owned()),
            attempt: card.due.reviews + 1,
            duration_ms,
        });
        revealed.set(false);
        shown_at.set_value(js_sys::Date::now());
        position.update(|position| *position += 1);
    };
    view! {
        <p class="course-meta" data-testid="review-position">
            {move || t!("review-position", current = (position.get() + 1).min(total), total = total)}
        </p>
        {move || {
            let card = cards.with_value(|cards| cards.get(position.get()).cloned());
            match card {
                None => view! {
                    <section class="summary item-card" data-testid="review-done">
                        <h2>{t!("review-done")}</h2>
                        <p>{t!("review-reviewed-count", count = total)}</p>
                        <a class="button" href="/">{t!("review-home")}</a>
                    </section>
                }.into_any(),
                Some(card) => {
                    // Cards of several courses mix in one review: each is read in its own
                    // course's language, with help in a language other than that one.
                    let target = card.loaded.lesson.target_language;
                    let (front, back) = card_faces(&card.item, browser::help_language_for(target));
                    let is_new = card.due.is_new();
                    view! {
                        <article class="item-card review-card" data-testid="review-card" data-item-id=card.item.id.clone()>
                            {is_new.then(|| view! { <p class="course-meta">{t!("review-new-card")}</p> })}
                            <p class="big-korean" lang=target.code() data-testid="review-front">{front}</p>
                            <Show
                                when=move || revealed.get()
                                fallback=move || view! {
                                    <button type="button" data-testid="reveal" on:click=move |_| revealed.set(true)>{t!("review-show-answer")}</button>
                                }
                            >
                                <p data-testid="review-back">{back.clone()}</p>
                                <div class="player-actions">
                                    <button type="button" data-testid="knew-it" on:click=move |_| rate(true)>{t!("review-knew-it")}</button>
                                    <button type="button" class="secondary" data-testid="not-yet" on:click=move |_| rate(false)>{t!("review-not-yet")}</button>
                                </div>
                            </Show>
                        </article>
                    }.into_any()
                }
            }
        }}
    }
}

/// The (course, lesson) a card comes from.
fn lesson_of(card: &ReviewCard) -> (String, String) {
    (
        card.due.item.course_id.clone(),
        card.due.item.lesson_id.clone(),
    )
}

/// The Korean side and the meaning side of a card.
fn card_faces(item: &Item, language: Language) -> (String, String) {
    match &item.kind {
        ItemKind::Vocab {
            ko,
            romanization,
            gloss,
            ..
        } => (
            ko.text.clone(),
            match romanization {
                Some(romanization) => {
                    format!("{romanization} — {}", gloss.get_or_english(language))
                }
                None => gloss.get_or_english(language).to_owned(),
            },
        ),
        ItemKind::HangulLetter {
            jamo,
            name,
            romanization,
            ..
        } => (jamo.clone(), format!("{} · {romanization}", name.text)),
        ItemKind::Ordering { words, gloss, .. } => {
            (words.join(" "), gloss.get_or_english(language).to_owned())
        }
        ItemKind::FillBlank {
            text,
            answer,
            gloss,
            ..
        } => (
            text.replacen("___", answer, 1),
            gloss.get_or_english(language).to_owned(),
        ),
        other => (item.id.clone(), other.type_name().to_owned()),
    }
}
