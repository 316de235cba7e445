//! "Me": who is signed in on this device (or that the learner is a guest), the account's own
//! actions (password, signing out everywhere, deletion), and what sync is doing with their
//! progress.

use baeum_core::sync::RejectionReason;
use leptos::prelude::*;

use crate::account::AccountPanel;
use crate::pages::account_actions::AccountActions;
use crate::sync_driver::{use_sync, SyncStatusPanel};
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
            <h2>{t!("account-sync-heading")}</h2>
            <SyncStatusPanel/>
            <RejectedStatements/>
        </section>
    }
}

/// Statements the server refused for good. They are kept on this device with the reason, never
/// dropped silently and never retried forever, so a teacher or an administrator can look.
#[component]
fn RejectedStatements() -> impl IntoView {
    let Some(sync) = use_sync() else {
        return ().into_any();
    };
    let rejected = LocalResource::new(move || {
        // Re-read whenever the count changes.
        let _ = sync.status.with(|status| status.rejected_count);
        async move {
            let database = sync.database().await.map_err(|error| error.message())?;
            database.rejected().await.map_err(|error| error.message())
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || rejected.get().map(|result| match result {
                Ok(list) if list.is_empty() => ().into_any(),
                Ok(list) => view! {
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
                                    <li>{t!("account-rejected-entry", activity = what, reason = rejection_text(&entry.reason))}</li>
                                }
                            }).collect_view()}
                        </ul>
                    </details>
                }.into_any(),
                Err(error) => view! { <p class="load-error" role="alert">{error}</p> }.into_any(),
            })}
        </Suspense>
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
