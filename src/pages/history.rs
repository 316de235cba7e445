//! The learner's own learning history: what they did, day by day, and the whole record as a
//! file of xAPI statements they can take to any learning record store, or import on another
//! device without duplicates. Wellbeing check-ins are left out of the file unless the learner
//! ticks the box (they are private; core's `wellbeing`). The learner's certificates kept on the
//! device are listed too, and saved as a file of their own (`pages::certificates`).

use std::collections::BTreeMap;

use baeum_core::progress::{date_parts, CalendarDate};
use baeum_core::record::{is_guest_actor, learning_event, reassign_actor, LearningVerb};
use baeum_core::wellbeing::is_private_statement;
use baeum_core::xapi::formats::format_calendar_date;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::sync_driver::{use_sync, SyncHandle};
use crate::t;

/// One day of the history.
#[derive(Debug, Clone, Default, PartialEq)]
struct DaySummary {
    lessons_completed: usize,
    answers: usize,
    correct_answers: usize,
    items_read: usize,
}

async fn read_log(sync: SyncHandle) -> Result<Vec<Value>, String> {
    let database = sync.database().await.map_err(|error| error.message())?;
    let log = database.log().await.map_err(|error| error.message())?;
    Ok(log
        .into_iter()
        .map(|statement| statement.body().clone())
        .collect())
}

fn days_of(statements: &[Value]) -> BTreeMap<CalendarDate, DaySummary> {
    let mut days: BTreeMap<CalendarDate, DaySummary> = BTreeMap::new();
    for event in statements.iter().filter_map(learning_event) {
        let day = days.entry(event.local_date).or_default();
        match event.verb {
            LearningVerb::Completed => day.lessons_completed += 1,
            LearningVerb::Answered => {
                day.answers += 1;
                if event.success == Some(true) {
                    day.correct_answers += 1;
                }
            }
            LearningVerb::Experienced => day.items_read += 1,
            _ => {}
        }
    }
    days
}

#[component]
pub fn HistoryPage() -> impl IntoView {
    let Some(sync) = use_sync() else {
        return view! { <p class="load-error">{t!("history-no-storage")}</p> }.into_any();
    };
    let reload = RwSignal::new(0_u32);
    let log = LocalResource::new(move || {
        reload.track();
        read_log(sync)
    });
    let import_message = RwSignal::new(None::<String>);
    // Check-ins are private: the file leaves them out unless the learner asks for them.
    let with_check_ins = RwSignal::new(false);
    view! {
        <section class="page" data-testid="history-page">
            <h1>{t!("history-title")}</h1>
            <p>{t!("history-intro")}</p>
            <crate::wellbeing::WithLaterMessages>
                <p>
                    <a href="/certificates" data-testid="history-certificates-link">
                        {t!("certificates-title")}
                    </a>
                </p>
                <crate::pages::applications::ApplicationsInHistory/>
                <crate::pages::certificates::CertificatesInHistory/>
            </crate::wellbeing::WithLaterMessages>
            <div class="player-actions">
                <button type="button" data-testid="export-history" on:click=move |_| {
                    spawn_local(async move {
                        match read_log(sync).await {
                            Ok(statements) => {
                                let include = with_check_ins.get_untracked();
                                // Only the signed-in learner's own check-ins, ever: on a shared
                                // device the log holds other children's too.
                                let own_account = match sync.learner_actor().await {
                                    Ok(actor) => serde_json::to_value(actor)
                                        .ok()
                                        .and_then(|actor| actor.get("account").cloned()),
                                    Err(_) => None,
                                };
                                let exported: Vec<Value> = statements
                                    .into_iter()
                                    .filter(|statement| {
                                        !is_private_statement(statement)
                                            || (include
                                                && own_account.is_some()
                                                && statement.pointer("/actor/account")
                                                    == own_account.as_ref())
                                    })
                                    .collect();
                                download_json("baeum-history.json", &Value::Array(exported))
                            }
                            Err(error) => import_message.set(Some(error)),
                        }
                    })
                }>{t!("history-export")}</button>
                <crate::wellbeing::WithLaterMessages>
                    <label>
                        <input
                            type="checkbox"
                            data-testid="export-with-check-ins"
                            prop:checked=move || with_check_ins.get()
                            on:change=move |event| with_check_ins.set(event_target_checked(&event))
                        />
                        " "
                        {t!("history-export-check-ins")}
                    </label>
                </crate::wellbeing::WithLaterMessages>
                <label class="button secondary">
                    {t!("history-import")}
                    <input
                        type="file"
                        accept="application/json,.json"
                        class="visually-hidden"
                        data-testid="import-history"
                        on:change=move |event| {
                            let Some(input) = event
                                .target()
                                .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
                            else {
                                return;
                            };
                            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                                return;
                            };
                            // Cleared so that choosing the same file again imports it again.
                            input.set_value("");
                            spawn_local(async move {
                                let message = import_file(sync, file).await.unwrap_or_else(|error| error);
                                import_message.set(Some(message));
                                reload.update(|count| *count += 1);
                            });
                        }
                    />
                </label>
            </div>
            {move || import_message.get().map(|message| view! { <p role="status" data-testid="import-result">{message}</p> })}
            <Suspense fallback=|| view! { <p class="loading">{t!("history-loading")}</p> }>
                {move || log.get().map(|result| match result {
                    Ok(statements) if statements.is_empty() => view! { <p>{t!("history-empty")}</p> }.into_any(),
                    Ok(statements) => {
                        let days = days_of(&statements);
                        view! {
                            <ol class="history-days" data-testid="history-days" reversed>
                                {days.into_iter().rev().map(|(date, day)| {
                                    let (year, month, day_of_month) = date_parts(date);
                                    view! {
                                    <li data-testid="history-day">
                                        <strong>
                                            <time datetime=format_calendar_date(date).unwrap_or_default()>
                                                {crate::i18n::format_calendar_day(year, month, day_of_month)}
                                            </time>
                                        </strong>
                                        {t!("history-day-summary",
                                            lessons = day.lessons_completed,
                                            answers = day.answers,
                                            right = day.correct_answers,
                                            items = day.items_read
                                        )}
                                    </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }.into_any()
                    }
                    Err(error) => view! { <p class="load-error" role="alert">{error}</p> }.into_any(),
                })}
            </Suspense>
        </section>
    }
    .into_any()
}

/// Reads a history file and records every statement this device does not hold yet. A
/// statement keeps its id, so importing the same file twice, or a file holding statements the
/// server already has, adds nothing twice. Statements of a guest are given this learner's
/// actor; statements of another account are left out, because they are someone else's record.
async fn import_file(sync: SyncHandle, file: web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| t!("history-import-unreadable"))?
        .as_string()
        .unwrap_or_default();
    let parsed: Value = baeum_core::json::read(text.as_bytes())
        .map_err(|error| t!("history-import-not-json", error = error.to_string()))?;
    let Value::Array(statements) = parsed else {
        return Err(t!("history-import-not-a-list"));
    };
    let actor = sync
        .learner_actor()
        .await
        .map_err(|error| error.message())?;
    // Statements are compared as JSON, as the file holds them.
    let actor_json = serde_json::to_value(&actor).map_err(|error| error.to_string())?;
    let held: std::collections::HashSet<String> = read_log(sync)
        .await?
        .iter()
        .filter_map(|statement| {
            statement
                .get("id")
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
        .collect();
    let (mut added, mut already_here, mut not_yours, mut unreadable) = (0, 0, 0, 0);
    for statement in statements {
        let id = statement
            .get("id")
            .and_then(Value::as_str)
            .map(str::to_owned);
        if id.as_ref().is_some_and(|id| held.contains(id)) {
            already_here += 1;
            continue;
        }
        let statement_actor = statement.get("actor").cloned().unwrap_or(Value::Null);
        let statement = if statement_actor == actor_json {
            statement
        } else if is_guest_actor(&statement_actor) {
            match reassign_actor(&statement, &actor) {
                Ok(statement) => statement,
                Err(_) => {
                    unreadable += 1;
                    continue;
                }
            }
        } else {
            not_yours += 1;
            continue;
        };
        if id.is_none() || learning_event(&statement).is_none() {
            unreadable += 1;
            continue;
        }
        match sync.record(statement).await {
            Ok(()) => added += 1,
            Err(_) => unreadable += 1,
        }
    }
    let summary = t!(
        "history-import-result",
        added = added,
        already_here = already_here,
        not_yours = not_yours,
        unreadable = unreadable
    );
    Ok(summary)
}

/// Offers `value` as a file download.
pub(crate) fn download_json(file_name: &str, value: &Value) {
    let Ok(text) = serde_json::to_string_pretty(value) else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(&text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let anchor = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("a").ok())
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(anchor) = anchor {
        anchor.set_href(&url);
        anchor.set_download(file_name);
        anchor.click();
    }
    // The browser reads the blob after the click returns; release it a little later.
    let release = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 30_000);
    }
}
