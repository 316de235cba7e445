//! The learner's wellbeing check-in on home and the "Where to get help" page (issue 23).
//!
//! Both live in wasm chunks of their own (`learners_pages.rs`): home loads the check-in's once
//! it is ready, so the first load carries none of this. The check-in is recorded like an
//! answer (`SyncHandle::record`: the device's log and outbox first, the server later), so it
//! works offline and nothing is lost; what it is and who may see it is core's `wellbeing`.
//! Whether it is on is this device's (`localStorage`), like the interface language; the day it
//! was last answered or skipped is kept there per learner (a shared device asks each pupil).
//! A check-in answered on another device that day hides it too, once its statement is pulled
//! (the digest keeps each learner's latest check-in day, core's `progress::digest`). A skip is
//! recorded nowhere else: the least is kept of a child's answers, so another device may ask
//! again on a day skipped here.
//!
//! The help page lists `help-lines.json` (built from `content/help-lines.toml` by
//! `cargo xtask content`), kept in `localStorage` once read, so it opens offline after any
//! online visit to home.

use baeum_core::wellbeing::help_lines::{HelpCountry, HelpLines};
use baeum_core::wellbeing::{
    check_in_statement, format_day, is_due, shares_of, withdrawal_statements, CheckInInput,
    ClassShare, Mood,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;
use wasm_bindgen::JsValue;

use crate::account::Role;
use crate::browser::window;
use crate::http::Request;
use crate::i18n::{load_later_messages, locale_tag};
use crate::icons::FaceIcon;
use crate::progress_view::{load_digest, local_today, use_whole_log_fold};
use crate::sync_driver::{use_sync, SyncHandle};
use crate::t;
use crate::teaching::api::LearnerClassView;
use crate::teaching::device_cache::{cache_key, read_cached, signed_in, write_cached};

/// `"off"` when the learner turned the check-in off on this device.
const SETTING_KEY: &str = "baeum.check-in";
/// The day (`YYYY-MM-DD`, the learner's own) the check-in was last answered or skipped here,
/// followed by `.<account id>`: on a shared device, each pupil has their own.
const LAST_DAY_KEY: &str = "baeum.check-in.last-day";
/// The help lines as last read from the server.
const HELP_LINES_KEY: &str = "baeum.help-lines";
/// The country the learner chose on the help page.
const COUNTRY_KEY: &str = "baeum.help-country";
/// Where the help lines are served.
const HELP_LINES_URL: &str = "/content/help-lines.json";

fn storage() -> Option<web_sys::Storage> {
    window().and_then(|window| window.local_storage().ok().flatten())
}

fn stored(key: &str) -> Option<String> {
    storage().and_then(|storage| storage.get_item(key).ok().flatten())
}

fn store(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Whether home offers the check-in on this device (the Device page's switch).
pub fn check_in_enabled() -> bool {
    stored(SETTING_KEY).as_deref() != Some("off")
}

/// Turns the check-in on or off on this device.
pub fn set_check_in_enabled(enabled: bool) {
    store(SETTING_KEY, if enabled { "on" } else { "off" });
}

fn last_day_key(learner: Uuid) -> String {
    format!("{LAST_DAY_KEY}.{learner}")
}

fn mark_done_today(learner: Uuid) {
    if let Some(day) = format_day(local_today()) {
        store(&last_day_key(learner), &day);
    }
}

/// What happened to today's check-in on this screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Saved {
        low: bool,
        /// A request to talk: whether a teacher was chosen to see it (`None`: no request).
        talk_shared: Option<bool>,
    },
    Skipped,
}

/// The words a screen reader says for a mood's face.
fn face_label(mood: Mood) -> String {
    match mood.value() {
        1 => t!("check-in-face-1"),
        2 => t!("check-in-face-2"),
        3 => t!("check-in-face-3"),
        4 => t!("check-in-face-4"),
        _ => t!("check-in-face-5"),
    }
}

/// Shows `children` once the later messages (core's `i18n::is_later_message`) are in, which
/// every text of this module and of the teacher's view of check-ins is.
#[component]
pub fn WithLaterMessages(children: ChildrenFn) -> impl IntoView {
    let loaded = LocalResource::new(load_later_messages);
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|_| children())}
        </Suspense>
    }
}

/// "How are you today?" on home, at most once a day, below everything else so it is never in
/// the way of a lesson. Answers are recorded into the statement log; the learner chooses
/// whether one teacher (of one of their classes) may see it. Nothing shows until its words are
/// in (they come with it, `load_later_messages`), nor if they cannot come.
#[component]
pub fn CheckInCard() -> impl IntoView {
    let loaded = LocalResource::new(load_later_messages);
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|loaded| loaded.then(|| view! { <CheckInForm/> }))}
        </Suspense>
    }
}

#[component]
fn CheckInForm() -> impl IntoView {
    // Read the help lines now, while online, so the help page opens offline later.
    spawn_local(async {
        let _ = refresh_help_lines().await;
    });
    // Home shows this to a signed-in learner only.
    let Some((sync, learner)) = use_sync().and_then(|sync| {
        let learner = sync
            .account
            .with_untracked(|account| account.as_ref().map(|a| a.id))?;
        Some((sync, learner))
    }) else {
        return ().into_any();
    };
    let due = is_due(
        check_in_enabled(),
        stored(&last_day_key(learner)).as_deref(),
        local_today(),
    );
    if !due {
        return ().into_any();
    }
    let mood = RwSignal::new(None::<Mood>);
    let words = RwSignal::new(String::new());
    let wants_to_talk = RwSignal::new(false);
    let share_with = RwSignal::new(None::<Uuid>);
    let classes = RwSignal::new(Vec::<LearnerClassView>::new());
    let outcome = RwSignal::new(None::<Outcome>);
    let problem = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    // The learner's classes, to choose a teacher to share with: the cached list at once, the
    // server's when it answers.
    spawn_local(async move {
        let Ok(signed) = signed_in(Some(sync)).await else {
            return;
        };
        if signed.account.role != Role::Learner {
            return;
        }
        let key = cache_key(signed.account.id, "learner_classes");
        if let Some(cached) = read_cached::<Vec<LearnerClassView>>(Some(sync), &key).await {
            classes.set(cached.value);
        }
        if let Ok(fresh) = signed.api.learner_classes().await {
            write_cached(Some(sync), &key, &fresh).await;
            classes.set(fresh);
        }
    });
    let save = move || {
        let Some(chosen) = mood.get_untracked() else {
            return;
        };
        saving.set(true);
        spawn_local(async move {
            let recorded = async {
                let actor = sync.learner_actor().await.map_err(|e| e.message())?;
                let timestamp = sync.timestamp_now().map_err(|e| e.message())?;
                let statement = check_in_statement(&CheckInInput {
                    statement_id: crate::uuid_v7::new_v7(),
                    timestamp: &timestamp,
                    actor: &actor,
                    mood: chosen,
                    words: &words.get_untracked(),
                    wants_to_talk: wants_to_talk.get_untracked(),
                    shared_with_class: share_with.get_untracked(),
                })
                .map_err(|error| error.to_string())?;
                sync.record(statement).await.map_err(|e| e.message())
            }
            .await;
            saving.set(false);
            match recorded {
                Ok(()) => {
                    mark_done_today(learner);
                    let wants = wants_to_talk.get_untracked();
                    outcome.set(Some(Outcome::Saved {
                        low: chosen.is_low() || wants,
                        talk_shared: wants.then(|| share_with.get_untracked().is_some()),
                    }));
                }
                Err(message) => problem.set(Some(t!("check-in-not-saved", reason = message))),
            }
        });
    };
    let skip = move |_| {
        mark_done_today(learner);
        outcome.set(Some(Outcome::Skipped));
    };
    // Answered today on another device: the digest (core's `progress::digest`) holds the
    // learner's latest check-in day from every statement on this one, those pulled from the
    // others too, and is read again when more are pulled. Hidden then, unless the learner has
    // begun answering here. (Read here rather than with home's standing, which is in the
    // first load.)
    let fold = use_whole_log_fold();
    let answered = LocalResource::new(move || {
        sync.track_pulled();
        async move {
            let learner = sync.learner_actor().await.ok()?.account.name;
            let digest = load_digest(sync, fold).await.ok()?;
            Some(digest.last_check_in_day(&learner) == Some(local_today()))
        }
    });
    let answered_elsewhere = move || {
        mood.get().is_none() && outcome.get().is_none() && answered.get().flatten() == Some(true)
    };
    view! {
        <section class="check-in" aria-labelledby="check-in-title" data-testid="check-in"
            hidden=answered_elsewhere>
            {move || match outcome.get() {
                Some(Outcome::Saved { low, talk_shared }) => view! {
                    <h2 id="check-in-title">{t!("check-in-title")}</h2>
                    <p role="status" data-testid="check-in-saved">{t!("check-in-thanks")}</p>
                    // Nobody is told of a request kept private: the child must not believe
                    // someone will come.
                    {talk_shared.map(|shared| view! {
                        <p data-testid="check-in-talk-note">
                            {if shared { t!("check-in-talk-shared") } else { t!("check-in-talk-private") }}
                        </p>
                    })}
                    {low.then(|| view! {
                        <p>{t!("check-in-low")}</p>
                        <p><a class="button" href="/help" data-testid="check-in-help-link">{t!("help-title")}</a></p>
                    })}
                }.into_any(),
                Some(Outcome::Skipped) => view! {
                    <h2 id="check-in-title">{t!("check-in-title")}</h2>
                    <p role="status" data-testid="check-in-skipped">{t!("check-in-skipped")}</p>
                }.into_any(),
                None => view! {
                    <form on:submit=move |event| { event.prevent_default(); save(); }>
                        <fieldset class="check-in-faces">
                            <legend><h2 id="check-in-title">{t!("check-in-title")}</h2></legend>
                            {Mood::ALL.into_iter().map(|option| {
                                let label = face_label(option);
                                let id = format!("check-in-face-{}", option.value());
                                view! {
                                    <input
                                        type="radio"
                                        name="check-in-face"
                                        class="visually-hidden"
                                        id=id.clone()
                                        data-testid=id.clone()
                                        prop:checked=move || mood.get() == Some(option)
                                        on:change=move |_| mood.set(Some(option))
                                    />
                                    <label for=id class="check-in-face">
                                        <FaceIcon mood=option/>
                                        <span class="visually-hidden">{label}</span>
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                        <label class="check-in-words">
                            {t!("check-in-words")}
                            <textarea
                                maxlength="280"
                                rows="2"
                                data-testid="check-in-words"
                                prop:value=move || words.get()
                                on:input=move |event| words.set(event_target_value(&event))
                            ></textarea>
                        </label>
                        <label class="check-in-talk">
                            <input
                                type="checkbox"
                                data-testid="check-in-talk"
                                prop:checked=move || wants_to_talk.get()
                                on:change=move |event| wants_to_talk.set(event_target_checked(&event))
                            />
                            " "
                            {t!("check-in-talk")}
                        </label>
                        <label class="check-in-share">
                            {t!("check-in-share")}
                            <select
                                data-testid="check-in-share"
                                on:change=move |event| {
                                    share_with.set(Uuid::parse_str(&event_target_value(&event)).ok())
                                }
                            >
                                <option value="" selected=true>{t!("check-in-share-nobody")}</option>
                                {move || classes.get().into_iter().map(|class| view! {
                                    <option value=class.id.to_string()>
                                        {t!("check-in-share-teacher", teacher = class.teacher.username, class = class.name)}
                                    </option>
                                }).collect_view()}
                            </select>
                        </label>
                        <p class="check-in-privacy">{t!("check-in-privacy")}</p>
                        {move || problem.get().map(|message| view! {
                            <p class="load-error" role="alert" data-testid="check-in-problem">{message}</p>
                        })}
                        <div class="player-actions">
                            <button
                                type="submit"
                                data-testid="check-in-save"
                                disabled=move || mood.get().is_none() || saving.get()
                            >{t!("check-in-save")}</button>
                            <button type="button" class="secondary" data-testid="check-in-skip" on:click=skip>
                                {t!("check-in-skip")}
                            </button>
                        </div>
                    </form>
                }.into_any(),
            }}
        </section>
    }
    .into_any()
}

/// One class the learner shares check-ins with, as the Device page lists it.
#[derive(Debug, Clone, PartialEq)]
struct ShareRow {
    share: ClassShare,
    /// "ms-kim, teacher of Korean 1", or `None` for a class no longer in the learner's list.
    label: Option<String>,
}

/// The signed-in learner's shares, from this device's log (which holds what they checked in
/// here and what was pulled from their other devices), named from the cached list of their
/// classes so it works offline. `None` for a guest or a teacher: nothing to list.
async fn load_shares(sync: SyncHandle) -> Option<Result<Vec<ShareRow>, String>> {
    let signed = signed_in(Some(sync)).await.ok()?;
    if signed.account.role != Role::Learner {
        return None;
    }
    let read = async {
        let actor = sync.learner_actor().await.map_err(|e| e.message())?;
        let database = sync.database().await.map_err(|e| e.message())?;
        let log: Vec<serde_json::Value> = database
            .log()
            .await
            .map_err(|e| e.message())?
            .into_iter()
            .map(|statement| statement.body().clone())
            .collect();
        let key = cache_key(signed.account.id, "learner_classes");
        let classes = read_cached::<Vec<LearnerClassView>>(Some(sync), &key)
            .await
            .map(|cached| cached.value)
            .unwrap_or_default();
        Ok(shares_of(&actor, &log)
            .into_iter()
            .map(|share| {
                let label = classes
                    .iter()
                    .find(|class| class.id == share.class_id)
                    .map(|class| {
                        t!(
                            "check-in-share-teacher",
                            teacher = class.teacher.username.clone(),
                            class = class.name.clone()
                        )
                    });
                ShareRow { share, label }
            })
            .collect())
    };
    Some(read.await)
}

/// Takes back every check-in shared with one class: a voiding statement each, recorded like
/// an answer (log and outbox first), so it works offline and reaches the server on the next
/// sync.
async fn stop_sharing(sync: SyncHandle, share: &ClassShare) -> Result<(), String> {
    let actor = sync.learner_actor().await.map_err(|e| e.message())?;
    let timestamp = sync.timestamp_now().map_err(|e| e.message())?;
    let statements =
        withdrawal_statements(&actor, &timestamp, &share.check_ins, crate::uuid_v7::new_v7)
            .map_err(|error| error.to_string())?;
    for statement in statements {
        sync.record(statement).await.map_err(|e| e.message())?;
    }
    Ok(())
}

/// The Device page's list of the classes whose teacher sees the learner's check-ins, each with
/// "Stop sharing". Shown to a signed-in learner only.
#[component]
pub fn SharedCheckIns() -> impl IntoView {
    let Some(sync) = use_sync() else {
        return ().into_any();
    };
    let reload = RwSignal::new(0_u32);
    let shares = LocalResource::new(move || {
        reload.track();
        load_shares(sync)
    });
    let message = RwSignal::new(None::<Result<(), String>>);
    let busy = RwSignal::new(false);
    let stop = move |share: ClassShare| {
        busy.set(true);
        spawn_local(async move {
            let stopped = stop_sharing(sync, &share).await;
            busy.set(false);
            message.set(Some(stopped));
            reload.update(|count| *count += 1);
        });
    };
    view! {
        <Transition fallback=|| ()>
            {move || shares.get().flatten().map(|loaded| view! {
                <section class="shared-check-ins" data-testid="shared-check-ins">
                    <h3>{t!("settings-check-in-shared-title")}</h3>
                    {match loaded {
                        Err(reason) => view! {
                            <p class="load-error" role="alert">{t!("settings-check-in-shared-unreadable", reason = reason)}</p>
                        }.into_any(),
                        Ok(rows) if rows.is_empty() => view! {
                            <p data-testid="shared-check-ins-none">{t!("settings-check-in-shared-none")}</p>
                        }.into_any(),
                        Ok(rows) => view! {
                            <p>{t!("settings-check-in-shared-intro")}</p>
                            <ul class="shared-classes">
                                {rows.into_iter().map(|row| {
                                    let count = row.share.check_ins.len();
                                    let label = row.label.clone().unwrap_or_else(|| t!("settings-check-in-shared-left-class"));
                                    let share = row.share.clone();
                                    view! {
                                        <li data-testid="shared-class">
                                            <span>{label}" · "{t!("settings-check-in-shared-count", count = count)}</span>
                                            " "
                                            <button
                                                type="button"
                                                class="secondary"
                                                data-testid="stop-sharing"
                                                disabled=move || busy.get()
                                                on:click=move |_| stop(share.clone())
                                            >{t!("settings-check-in-shared-stop")}</button>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                    }}
                    {move || message.get().map(|outcome| match outcome {
                        Ok(()) => view! {
                            <p role="status" data-testid="sharing-stopped">{t!("settings-check-in-shared-stopped")}</p>
                        }.into_any(),
                        Err(reason) => view! {
                            <p class="load-error" role="alert" data-testid="sharing-not-stopped">{t!("settings-check-in-shared-not-stopped", reason = reason)}</p>
                        }.into_any(),
                    })}
                </section>
            })}
        </Transition>
    }
    .into_any()
}

/// Reads the help lines from the server and keeps them for offline use.
async fn refresh_help_lines() -> Option<HelpLines> {
    let response = Request::get(HELP_LINES_URL)
        .timeout_ms(15_000)
        .send()
        .await
        .ok()?;
    if !response.ok() {
        return None;
    }
    let text = response.text().await.ok()?;
    let lines: HelpLines = crate::json::read(&text).ok()?;
    store(HELP_LINES_KEY, &text);
    Some(lines)
}

fn stored_help_lines() -> Option<HelpLines> {
    crate::json::read(&stored(HELP_LINES_KEY)?).ok()
}

/// A country's name in the interface language, from the browser's `Intl.DisplayNames`; the
/// code itself where the browser has none.
fn country_name(code: &str) -> String {
    let named = || -> Option<String> {
        let intl = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
        let constructor: js_sys::Function =
            js_sys::Reflect::get(&intl, &JsValue::from_str("DisplayNames"))
                .ok()?
                .into();
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"type".into(), &"region".into()).ok()?;
        let locales = js_sys::Array::of1(&JsValue::from_str(locale_tag()));
        let names =
            js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&locales, &options))
                .ok()?;
        let of: js_sys::Function = js_sys::Reflect::get(&names, &"of".into()).ok()?.into();
        of.call1(&names, &JsValue::from_str(code)).ok()?.as_string()
    };
    named().unwrap_or_else(|| code.to_owned())
}

/// "Where to get help": calm words, and the help lines of the learner's country.
#[component]
pub fn HelpPage() -> impl IntoView {
    view! { <WithLaterMessages><HelpPageText/></WithLaterMessages> }
}

#[component]
fn HelpPageText() -> impl IntoView {
    let lines = RwSignal::new(stored_help_lines());
    let loading = RwSignal::new(true);
    spawn_local(async move {
        if let Some(fresh) = refresh_help_lines().await {
            lines.set(Some(fresh));
        }
        loading.set(false);
    });
    let country = RwSignal::new(stored(COUNTRY_KEY));
    let language = locale_tag();
    view! {
        <section class="page help-page" data-testid="help-page">
            <h1>{t!("help-title")}</h1>
            <p>{t!("help-intro")}</p>
            <p>{t!("help-trusted-adult")}</p>
            {move || match lines.get() {
                Some(all) => {
                    let codes: Vec<String> = all.country.iter().map(|c| c.code.clone()).collect();
                    let shown: Option<HelpCountry> = all.country_or_first(country.get().as_deref()).cloned();
                    view! {
                        {(codes.len() > 1).then(|| view! {
                            <label class="help-country">
                                {t!("help-country")}
                                <select
                                    data-testid="help-country"
                                    on:change=move |event| {
                                        let code = event_target_value(&event);
                                        store(COUNTRY_KEY, &code);
                                        country.set(Some(code));
                                    }
                                >
                                    {codes.into_iter().map(|code| {
                                        let selected = shown.as_ref().is_some_and(|c| c.code == code);
                                        view! { <option value=code.clone() selected=selected>{country_name(&code)}</option> }
                                    }).collect_view()}
                                </select>
                            </label>
                        })}
                        <ul class="help-lines" data-testid="help-lines">
                            {shown.map(|shown| shown.line.into_iter().map(|line| {
                                let tel = line.tel_href();
                                view! {
                                    <li class="help-line" data-testid="help-line">
                                        <h2>{line.name_in(language).to_owned()}</h2>
                                        <p>{line.about_in(language).to_owned()}</p>
                                        {line.phone.clone().zip(tel).map(|(phone, tel)| view! {
                                            <p><a class="button" href=tel data-testid="help-line-call">{t!("help-call", number = phone)}</a></p>
                                        })}
                                    </li>
                                }
                            }).collect_view())}
                        </ul>
                    }.into_any()
                }
                None if loading.get() => view! { <p class="loading">{t!("help-loading")}</p> }.into_any(),
                None => view! { <p data-testid="help-lines-unavailable">{t!("help-lines-unavailable")}</p> }.into_any(),
            }}
        </section>
    }
}
