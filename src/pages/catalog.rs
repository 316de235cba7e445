//! `/catalog`: every course the site offers, searched page by page on the server
//! (`GET /api/catalog`, core's `content::search`), for a catalogue of thousands. Every page of
//! results seen is kept on the device ([`KEPT_CARDS_KEY`]), so offline the same search runs
//! over the courses seen before, with the same rules (core's `SearchIndex`, kept between
//! searches), and says so. It
//! lives in the course page's chunk (kept for offline use); its words are later messages
//! (`catalog-`).

use std::cell::RefCell;
use std::rc::Rc;

use baeum_core::content::search::{CatalogCard, CatalogPage, CatalogQuery, SearchIndex};
use baeum_core::content::{Language, Level, Subject};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::http;
use crate::i18n::{format_bytes, load_later_messages};
use crate::t;

/// `localStorage` key of the cards of every page of results seen on this device (this site's:
/// storage is per origin, and each site is its own).
pub const KEPT_CARDS_KEY: &str = "baeum.catalog-cards";
/// The most cards kept: a few thousand titles are a few hundred kilobytes.
const MOST_CARDS_KEPT: usize = 5_000;

thread_local! {
    /// The kept cards' index, and the stored text it was made from: reading and folding
    /// thousands of cards again for every search took 130–300 ms on a slow phone.
    static KEPT: RefCell<Option<(String, Rc<SearchIndex>)>> = const { RefCell::new(None) };
}

fn kept_storage() -> Option<web_sys::Storage> {
    browser::window().and_then(|window| window.local_storage().ok().flatten())
}

/// The index of the cards kept on this device: made again only when the stored cards changed
/// (here or in another tab).
fn kept_index() -> Rc<SearchIndex> {
    let text = kept_storage()
        .and_then(|storage| storage.get_item(KEPT_CARDS_KEY).ok().flatten())
        .unwrap_or_default();
    KEPT.with(|kept| {
        if let Some((made_from, index)) = kept.borrow().as_ref() {
            if *made_from == text {
                return index.clone();
            }
        }
        let cards = crate::json::read::<Vec<CatalogCard>>(&text).unwrap_or_default();
        let index = Rc::new(SearchIndex::new(cards));
        *kept.borrow_mut() = Some((text, index.clone()));
        index
    })
}

/// Keeps `cards` (newer versions replace older ones), dropping the oldest past the limit; writes
/// nothing when every one is kept already.
fn keep_cards(cards: &[CatalogCard]) {
    let index = kept_index();
    if cards
        .iter()
        .all(|card| index.cards().any(|kept| kept == card))
    {
        return;
    }
    let mut kept: Vec<CatalogCard> = index
        .cards()
        .filter(|old| !cards.iter().any(|new| new.id == old.id))
        .cloned()
        .collect();
    kept.extend(cards.iter().cloned());
    if kept.len() > MOST_CARDS_KEPT {
        kept.drain(..kept.len() - MOST_CARDS_KEPT);
    }
    // The courses' order in the catalogue, which the search keeps.
    kept.sort_by(|a, b| a.id.cmp(&b.id));
    if let (Some(storage), Ok(text)) = (kept_storage(), crate::json::write(&kept)) {
        // A full storage only means fewer pages to search offline.
        if storage.set_item(KEPT_CARDS_KEY, &text).is_ok() {
            KEPT.with(|stored| {
                *stored.borrow_mut() = Some((text, Rc::new(SearchIndex::new(kept))))
            });
        }
    }
}

/// A page of results, and whether it came from the device (with how many cards it searched).
#[derive(Clone)]
struct Shown {
    page: CatalogPage,
    offline_among: Option<usize>,
}

async fn search_online(query: &CatalogQuery) -> Result<CatalogPage, http::HttpError> {
    http::Request::get(format!("/api/catalog?{}", query.to_query_string()))
        .timeout_ms(15_000)
        .send()
        .await?
        .success()
        .await?
        .json()
        .await
}

fn subject_label(subject: Subject) -> String {
    match subject {
        Subject::Korean => t!("catalog-subject-korean"),
        Subject::Vietnamese => t!("catalog-subject-vietnamese"),
        Subject::Math => t!("catalog-subject-math"),
        Subject::Science => t!("catalog-subject-science"),
        Subject::Social => t!("catalog-subject-social"),
        Subject::Other => t!("catalog-subject-other"),
    }
}

fn level_label(level: Level) -> String {
    match level {
        Level::Beginner => t!("catalog-level-beginner"),
        Level::Elementary => t!("catalog-level-elementary"),
        Level::Intermediate => t!("catalog-level-intermediate"),
    }
}

#[component]
pub fn CatalogPage() -> impl IntoView {
    let loaded = LocalResource::new(load_later_messages);
    let text = RwSignal::new(String::new());
    let subject = RwSignal::new(None::<Subject>);
    let level = RwSignal::new(None::<Level>);
    let help = RwSignal::new(None::<Language>);
    let page = RwSignal::new(0_usize);
    let shown = RwSignal::new(None::<Shown>);
    let searching = RwSignal::new(false);
    let run = move || {
        let query = CatalogQuery {
            text: text.get_untracked().trim().to_owned(),
            subject: subject.get_untracked(),
            level: level.get_untracked(),
            language: help.get_untracked(),
            page: page.get_untracked(),
        };
        searching.set(true);
        spawn_local(async move {
            let found = match search_online(&query).await {
                Ok(found) => {
                    keep_cards(&found.courses);
                    Shown {
                        page: found,
                        offline_among: None,
                    }
                }
                // Offline, or the server cannot answer: the pages seen before.
                Err(_) => {
                    let index = kept_index();
                    Shown {
                        page: index.search(&query),
                        offline_among: Some(index.len()),
                    }
                }
            };
            shown.set(Some(found));
            searching.set(false);
        });
    };
    run();
    let language = browser::help_language();
    view! {
        <section class="page catalog-page" data-testid="catalog-page">
            {move || loaded.get().map(|_| view! {
                <h1>{t!("catalog-title")}</h1>
                <form
                    class="catalog-search"
                    role="search"
                    on:submit=move |event| {
                        event.prevent_default();
                        page.set(0);
                        run();
                    }
                >
                    <label>
                        {t!("catalog-search-label")}
                        <input
                            type="search"
                            data-testid="catalog-search"
                            maxlength="100"
                            prop:value=move || text.get()
                            on:input=move |event| text.set(event_target_value(&event))
                        />
                    </label>
                    <label>
                        {t!("catalog-subject-label")}
                        <select
                            data-testid="catalog-subject"
                            on:change=move |event| {
                                let value = event_target_value(&event);
                                subject.set(Subject::ALL.iter().find(|(_, code)| *code == value).map(|(found, _)| *found));
                            }
                        >
                            <option value="">{t!("catalog-any")}</option>
                            {Subject::ALL.iter().map(|(found, code)| view! {
                                <option value=*code>{subject_label(*found)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        {t!("catalog-level-label")}
                        <select
                            data-testid="catalog-level"
                            on:change=move |event| {
                                let value = event_target_value(&event);
                                level.set(Level::ALL.iter().find(|(_, code)| *code == value).map(|(found, _)| *found));
                            }
                        >
                            <option value="">{t!("catalog-any")}</option>
                            {Level::ALL.iter().map(|(found, code)| view! {
                                <option value=*code>{level_label(*found)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        {t!("catalog-language-label")}
                        <select
                            data-testid="catalog-language"
                            on:change=move |event| help.set(Language::from_code(&event_target_value(&event)))
                        >
                            <option value="">{t!("catalog-any")}</option>
                            {Language::ALL.into_iter().map(|each| view! {
                                <option value=each.code() lang=each.code()>{each.native_name()}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <button type="submit" data-testid="catalog-search-button" disabled=move || searching.get()>
                        {t!("catalog-search")}
                    </button>
                </form>
                {move || shown.get().map(|Shown { page: found, offline_among }| {
                    let pages = found.total.div_ceil(found.page_size).max(1);
                    let current = found.page;
                    view! {
                        {offline_among.map(|count| view! {
                            <p class="teaching-notice" data-testid="catalog-offline">
                                {t!("catalog-offline", count = count)}
                            </p>
                        })}
                        <p role="status" data-testid="catalog-total" data-total=found.total.to_string()>
                            {if found.total == 0 { t!("catalog-none") } else { t!("catalog-total", count = found.total) }}
                        </p>
                        <ul class="course-list" data-testid="catalog-results">
                            {found.courses.into_iter().map(|card| {
                                let href = format!("/courses/{}", card.id);
                                let meta = format!(
                                    "{} · {} · {}",
                                    subject_label(card.subject),
                                    level_label(card.level),
                                    t!("catalog-lessons", lessons = card.lesson_count, size = format_bytes(card.size.total())),
                                );
                                view! {
                                    <li class="course-card" data-testid=format!("catalog-course-{}", card.id)>
                                        <a href=href><h2>{card.title.get_or_english(language).to_owned()}</h2></a>
                                        <p class="course-meta">{meta}</p>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        {(pages > 1).then(|| view! {
                            <nav class="catalog-pages" aria-label=t!("catalog-pages")>
                                <button
                                    type="button"
                                    class="secondary"
                                    data-testid="catalog-previous"
                                    disabled=move || current == 0 || searching.get()
                                    on:click=move |_| {
                                        page.set(current.saturating_sub(1));
                                        run();
                                    }
                                >
                                    {t!("catalog-previous")}
                                </button>
                                {format!(" {} ", t!("catalog-page", page = current + 1, pages = pages))}
                                <button
                                    type="button"
                                    class="secondary"
                                    data-testid="catalog-next"
                                    disabled=move || current + 1 >= pages || searching.get()
                                    on:click=move |_| {
                                        page.set(current + 1);
                                        run();
                                    }
                                >
                                    {t!("catalog-next")}
                                </button>
                            </nav>
                        })}
                    }
                })}
            })}
        </section>
    }
}
