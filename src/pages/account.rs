//! "Me": who is signed in on this device (or that the learner is a guest), and what sync is
//! doing with their progress.

use leptos::prelude::*;

use crate::account::AccountPanel;
use crate::sync_driver::{use_sync, SyncStatusPanel};

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <section class="page" data-testid="account-page">
            <h1>"Me"</h1>
            <p>
                "You can learn without an account: your progress is kept on this device. "
                "Sign in to keep it on the school's server too and to see it on your other devices."
            </p>
            <AccountPanel/>
            <p><a href="/history" data-testid="history-link">"My learning history: see it, save it as a file, import it"</a></p>
            <h2>"Sync"</h2>
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
            let database = sync.database().await.map_err(|error| error.to_string())?;
            database.rejected().await.map_err(|error| error.to_string())
        }
    });
    view! {
        <Suspense fallback=|| ()>
            {move || rejected.get().map(|result| match result {
                Ok(list) if list.is_empty() => ().into_any(),
                Ok(list) => view! {
                    <details class="rejected" data-testid="rejected-list">
                        <summary>{format!("{} answers the server refused (kept on this device)", list.len())}</summary>
                        <ul>
                            {list.into_iter().map(|entry| {
                                let body = entry.statement.body();
                                let what = body
                                    .pointer("/object/id")
                                    .and_then(|value| value.as_str())
                                    .unwrap_or("unknown activity")
                                    .rsplit('/')
                                    .next()
                                    .unwrap_or_default()
                                    .to_owned();
                                view! { <li>{format!("{what}: {}", entry.reason)}</li> }
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
