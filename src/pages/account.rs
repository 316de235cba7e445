//! "Me": who is signed in on this device (or that the learner is a guest), the account's own
//! actions (password, signing out everywhere, deletion), and what sync is doing with their
//! progress.

use baeum_core::sync::{can_be_sent_again, RejectionReason};
use leptos::prelude::*;
use uuid::Uuid;

use crate::account::AccountPanel;
use crate::pages::account_actions::AccountActions;
use crate::sync_driver::use_sync;
use crate::sync_status::SyncStatusPanel;
use crate::t;

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="account-page">
            <h1>{t!("account-title")}</h1>
            <p>{t!("account-intro")}</p>
            <AccountPanel/>
            <AccountActions/>
            <p><a href="/history" data-testid="history-link">{t!("account-history-link")}</a></p>
            <crate::wellbeing::WithLaterMessages>
                <p>
                    <a href="/certificates" data-testid="certificates-link">
                        {t!("certificates-title")}
                    </a>
                </p>
            </crate::wellbeing::WithLaterMessages>
            <h2>{t!("account-sync-heading")}</h2>
            <SyncStatusPanel/>
            <RejectedStatements/>
        </section>
    }
}

/// Statements the server refused for good. They are kept on this device with the reason, never
/// dropped silently and never retried by themselves, so a teacher or an administrator can
/// look; once the cause is fixed (a server updated, a limit raised), "Send again" puts them
/// back in the outbox. Conflicts cannot be sent again: the server holds another statement
/// under that id.
#[component]
fn RejectedStatements() -> impl IntoView {
    let Some(sync) = use_sync() else {
        return ().into_any();
    };
    // Bumped after "Send again", which changes the list before the sync status does.
    let changed = RwSignal::new(0_u32);
    let sending = RwSignal::new(false);
    let outcome = RwSignal::new(None::<String>);
    let rejected = LocalResource::new(move || {
        // Re-read whenever the count changes.
        let _ = sync.status.with(|status| status.rejected_count);
        let _ = changed.get();
        async move {
            let database = sync.database().await.map_err(|error| error.message())?;
            database.rejected().await.map_err(|error| error.message())
        }
    });
    let send_again = move |ids: Vec<Uuid>| {
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        leptos::task::spawn_local(async move {
            let result = sync.send_rejected_again(&ids).await;
            outcome.set(Some(match result {
                Ok(count) => t!("account-rejected-sent-again", count = count),
                Err(error) => error.message(),
            }));
            changed.update(|count| *count += 1);
            sending.set(false);
        });
    };
    view! {
        <Suspense fallback=|| ()>
            {move || rejected.get().map(|result| match result {
                Ok(list) if list.is_empty() => ().into_any(),
                Ok(list) => {
                    let retryable: Vec<Uuid> = list
                        .iter()
                        .filter(|entry| can_be_sent_again(&entry.reason))
                        .map(|entry| entry.statement.id())
                        .collect();
                    view! {
                        <details class="rejected" data-testid="rejected-list">
                            <summary>{t!("account-rejected-summary", count = list.len())}</summary>
                            <ul>
                                {list.into_iter().map(|entry| {
                                    let unknown_activity = t!("account-rejected-unknown-activity");
                                    let body = entry.statement.body();
                                    let what = body
                                        .pointer("/object/id")
                                        .and_then(|value| value.as_str())
                                        .unwrap_or(&unknown_activity)
                                        .rsplit('/')
                                        .next()
                                        .unwrap_or_default()
                                        .to_owned();
                                    view! {
                                        <li data-testid="rejected-entry">
                                            {t!("account-rejected-entry", activity = what, reason = rejection_text(&entry.reason))}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                            {(!retryable.is_empty()).then(|| {
                                let ids = retryable.clone();
                                view! {
                                    <p>{t!("account-rejected-send-again-help")}</p>
                                    <button
                                        type="button"
                                        data-testid="rejected-send-again"
                                        disabled=move || sending.get()
                                        on:click=move |_| send_again(ids.clone())
                                    >
                                        {t!("account-rejected-send-again")}
                                    </button>
                                }
                            })}
                        </details>
                    }
                    .into_any()
                }
                Err(error) => view! { <p class="load-error" role="alert">{error}</p> }.into_any(),
            })}
        </Suspense>
        <p role="status" data-testid="rejected-send-again-result">
            {move || outcome.get().unwrap_or_default()}
        </p>
    }
    .into_any()
}

/// Why the server refused a statement, in words for the learner; the server's own message
/// stays as the server wrote it.
fn rejection_text(reason: &RejectionReason) -> String {
    match reason {
        RejectionReason::Invalid { message } => t!("account-rejected-invalid", message = message),
        RejectionReason::Conflict { message } => t!("account-rejected-conflict", message = message),
        RejectionReason::TooLarge => t!("account-rejected-too-large"),
    }
}
