//! The teacher's side of the learners' wellbeing check-ins (issue 23): on a class's page, the
//! learners who chose to share with this teacher, their recent trend and any open request to
//! talk, which the teacher marks seen (online only: the server records who saw it when); on
//! the teachers' home, how many requests are open. The class's panel opens offline from the
//! last answer kept on the device.
//! Learners who did not share are not there at all: the server never sends them
//! (`crates/server/src/wellbeing.rs`).

use baeum_core::wellbeing::wire::{ClassWellbeing, SharedCheckIn};
use baeum_core::wellbeing::Trend;
use leptos::prelude::*;
use leptos::task::spawn_local;
use uuid::Uuid;

use crate::i18n::load_later_messages;
use crate::icons::FaceIcon;
use crate::sync_driver::use_sync;
use crate::t;
use crate::teaching::device_cache::signed_in;
use crate::teaching::local_time::{local_time_text, local_time_text_from_ms};
use crate::teaching::{load_with_cache, TeachingProblem};

fn trend_text(trend: Option<Trend>) -> Option<String> {
    Some(match trend? {
        Trend::Better => t!("teach-wellbeing-trend-better"),
        Trend::Steady => t!("teach-wellbeing-trend-steady"),
        Trend::Lower => t!("teach-wellbeing-trend-lower"),
    })
}

/// The shared check-ins of one class.
#[component]
pub fn ClassWellbeingPanel(class_id: Uuid) -> impl IntoView {
    let sync = use_sync();
    let wellbeing = RwSignal::new(None::<ClassWellbeing>);
    let fetched_at = RwSignal::new(None::<f64>);
    let problem = RwSignal::new(None::<String>);
    // The last answer is kept on this device under the teacher's account, like the class
    // itself, so the panel opens offline (saying as of when); each answer from the server
    // replaces it, so what a learner stopped sharing leaves at the next online visit.
    let load = move || {
        spawn_local(async move {
            // The panel's words are later messages: in before anything shows.
            load_later_messages().await;
            load_with_cache(
                sync,
                format!("class_wellbeing.{class_id}"),
                wellbeing,
                fetched_at,
                problem,
                move |api| async move { api.class_wellbeing(class_id).await },
            );
        });
    };
    load();
    let mark_seen = move |statement_id: Uuid| {
        spawn_local(async move {
            let result = match signed_in(sync).await {
                Ok(signed) => signed.api.mark_check_in_seen(class_id, statement_id).await,
                Err(error) => Err(error),
            };
            match result {
                Ok(_) => load(),
                Err(error) => problem.set(Some(error.message())),
            }
        });
    };
    let shown = move || wellbeing.with(Option::is_some) || problem.with(Option::is_some);
    view! {
        <section class="class-wellbeing" data-testid="class-wellbeing">
            <Show when=shown>
                <h2>{t!("teach-wellbeing-title")}</h2>
                <p>{t!("teach-wellbeing-intro")}</p>
            </Show>
            <TeachingProblem problem=problem test_id="class-wellbeing-problem"/>
            <Show when=move || problem.with(Option::is_some)>
                <p class="teaching-as-of" data-testid="class-wellbeing-as-of">
                    {move || fetched_at.get().map(|ms| t!("teach-as-of", time = local_time_text_from_ms(ms)))}
                </p>
            </Show>
            {move || wellbeing.get().map(|found| {
                if found.learners.is_empty() {
                    return view! { <p data-testid="wellbeing-none">{t!("teach-wellbeing-none")}</p> }.into_any();
                }
                view! {
                    <ul class="wellbeing-learners">
                        {found.learners.into_iter().map(|learner| {
                            let requests = learner.open_requests.clone();
                            view! {
                                <li data-testid="wellbeing-learner" data-learner=learner.username.clone()>
                                    <h3>{learner.username.clone()}</h3>
                                    {trend_text(learner.trend).map(|text| view! { <p data-testid="wellbeing-trend">{text}</p> })}
                                    <p class="wellbeing-recent" aria-label=t!("teach-wellbeing-recent")>
                                        {learner.recent.iter().rev().map(|check_in| view! {
                                            <span title=local_time_text(&check_in.timestamp)>
                                                <FaceIcon mood=check_in.mood/>
                                                <span class="visually-hidden">{t!("teach-wellbeing-mood", mood = u32::from(check_in.mood.value()))}</span>
                                            </span>
                                        }).collect_view()}
                                    </p>
                                    {learner.recent.first().and_then(|latest| latest.words.clone()).map(|words| view! {
                                        <p class="wellbeing-words" data-testid="wellbeing-words">{words}</p>
                                    })}
                                    {learner.recent.iter().filter(|check_in| check_in.wants_to_talk).filter_map(|check_in| {
                                        let seen = check_in.seen_at.as_deref()?;
                                        Some(view! {
                                            <p class="wellbeing-request-seen" data-testid="wellbeing-request-seen">
                                                {t!(
                                                    "teach-wellbeing-request-seen",
                                                    asked = local_time_text(&check_in.timestamp),
                                                    seen = local_time_text(seen),
                                                )}
                                            </p>
                                        })
                                    }).collect_view()}
                                    {requests.into_iter().map(|request: SharedCheckIn| {
                                        let id = request.statement_id;
                                        view! {
                                            <p class="wellbeing-request" role="status" data-testid="wellbeing-request">
                                                <strong>{t!("teach-wellbeing-request", time = local_time_text(&request.timestamp))}</strong>
                                                " "
                                                <button type="button" data-testid="wellbeing-mark-seen" on:click=move |_| mark_seen(id)>
                                                    {t!("teach-wellbeing-mark-seen")}
                                                </button>
                                            </p>
                                        }
                                    }).collect_view()}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            })}
        </section>
    }
}

/// How many requests to talk are open, on the teachers' home; nothing when none.
#[component]
pub fn OpenRequestsCount() -> impl IntoView {
    let sync = use_sync();
    let open = RwSignal::new(None::<usize>);
    spawn_local(async move {
        load_later_messages().await;
        if let Ok(signed) = signed_in(sync).await {
            if let Ok(found) = signed.api.open_requests().await {
                open.set(Some(found.open));
            }
        }
    });
    view! {
        <p class="wellbeing-open-requests" data-testid="open-requests" data-count=move || open.get().map(|count| count.to_string())>
            {move || open.get().map(|count| match count {
                0 => t!("teach-wellbeing-no-open-requests"),
                count => t!("teach-wellbeing-open-requests", count = count),
            })}
        </p>
    }
}
