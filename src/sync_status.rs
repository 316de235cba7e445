//! What the learner is told about sync: the status the driver publishes ([`SyncStatusView`]),
//! the engine's activity and problems in the interface language, and [`SyncStatusPanel`] (the
//! "Me" page's sync section). The driver itself is `sync_driver.rs`.

use baeum_core::sync::{SyncActivity, SyncProblem, SyncStatus};
use leptos::prelude::*;

use crate::sync_driver::use_sync;
use crate::t;

/// What the UI shows about sync.
#[derive(Clone, Debug, PartialEq)]
pub struct SyncStatusView {
    /// Statements on this device the server has not acknowledged yet.
    pub waiting_count: usize,
    /// Device time (ms since the epoch) of the end of the last complete sync.
    pub last_successful_sync_ms: Option<i64>,
    /// Why the last attempt failed, in words for the learner.
    pub last_problem: Option<String>,
    /// Statements the server refused for good; they are kept on the device.
    pub rejected_count: usize,
    pub activity: SyncActivity,
    /// Whether a session is stored: without one, progress stays on the device.
    pub signed_in: bool,
}

impl Default for SyncStatusView {
    fn default() -> Self {
        Self {
            waiting_count: 0,
            last_successful_sync_ms: None,
            last_problem: None,
            rejected_count: 0,
            activity: SyncActivity::UpToDate,
            signed_in: false,
        }
    }
}

impl SyncStatusView {
    pub(crate) fn from_engine(
        status: SyncStatus,
        signed_in: bool,
        storage_problem: Option<String>,
    ) -> Self {
        // A guest was never signed in, so "signed out" would read as an error; the activity
        // already says that progress stays on this device.
        let engine_problem = match status.last_problem {
            Some(SyncProblem::SignedOut) if !signed_in => None,
            other => other.as_ref().map(problem_text),
        };
        Self {
            waiting_count: status.waiting_count,
            last_successful_sync_ms: status.last_successful_sync_ms,
            last_problem: storage_problem.or(engine_problem),
            rejected_count: status.rejected.len(),
            activity: status.activity,
            signed_in,
        }
    }
}

impl SyncStatusView {
    /// What is known before the engine has read the device's state (its code is fetched when
    /// there is anything to sync): the outbox as the driver counted it, and what the engine
    /// will say first (offline; a guest's progress stays here; a signed-in learner's device is
    /// about to send what waits and fetch what is new). A signed-in device is never "synced"
    /// before its first pull: a learner who just signed in on a new device would read that as
    /// "my history is here" while it is still on its way.
    pub(crate) fn before_engine(
        waiting_count: usize,
        signed_in: bool,
        online: bool,
        storage_problem: Option<String>,
    ) -> Self {
        let activity = if !online {
            SyncActivity::Offline
        } else if !signed_in {
            SyncActivity::SignedOut
        } else {
            SyncActivity::Syncing
        };
        Self {
            waiting_count,
            last_problem: storage_problem,
            activity,
            signed_in,
            ..Self::default()
        }
    }
}

// ----- the panel ----------------------------------------------------------------------------

/// Words for the learner about what sync is doing.
pub fn activity_text(view: &SyncStatusView) -> String {
    match view.activity {
        SyncActivity::Syncing => t!("sync-activity-syncing"),
        SyncActivity::UpToDate => t!("sync-activity-up-to-date"),
        SyncActivity::WaitingToRetry { .. } => t!("sync-activity-waiting-to-retry"),
        SyncActivity::Offline => t!("sync-activity-offline"),
        SyncActivity::SignedOut if view.signed_in => t!("sync-activity-sign-in-again"),
        SyncActivity::SignedOut => t!("sync-activity-not-signed-in"),
    }
}

/// Words for the learner about why the last sync attempt failed. In English they are the
/// problem's own `Display` text; what the server or the browser said stays as they said it.
fn problem_text(problem: &SyncProblem) -> String {
    match problem {
        SyncProblem::SignedOut => t!("sync-problem-signed-out"),
        SyncProblem::ServerUnreachable => t!("sync-problem-server-unreachable"),
        SyncProblem::ServerError { status } => {
            t!("sync-problem-server-error", status = *status)
        }
        SyncProblem::UnreadableAnswer { message } => {
            t!("sync-problem-unreadable-answer", detail = message)
        }
        SyncProblem::Rejected { message } => t!("sync-problem-rejected", detail = message),
        SyncProblem::Refused { status, message } => {
            t!("sync-problem-refused", status = *status, detail = message)
        }
        SyncProblem::LocalStorageFailed { message } => {
            t!("sync-problem-local-storage-failed", detail = message)
        }
    }
}

/// A device time as the learner's local date and time, in the interface language.
fn local_time_text(ms: i64) -> String {
    crate::i18n::format_date_time(ms as f64)
}

/// Shows how many statements wait, when sync last succeeded, the last problem, how many
/// statements were refused, and a "Sync now" button. Renders nothing without [`provide_sync`].
#[component]
pub fn SyncStatusPanel() -> impl IntoView {
    let Some(sync) = use_sync() else {
        return ().into_any();
    };
    let status = sync.status;
    view! {
        <section class="sync-status" aria-label=t!("sync-panel")>
            <p class="sync-activity" role="status">{move || activity_text(&status.get())}</p>
            <dl>
                <dt>{t!("sync-waiting-label")}</dt>
                <dd data-testid="sync-waiting">{move || status.get().waiting_count}</dd>
                <dt>{t!("sync-last-label")}</dt>
                <dd data-testid="sync-last">
                    {move || {
                        status
                            .get()
                            .last_successful_sync_ms
                            .map_or_else(|| t!("sync-last-never"), local_time_text)
                    }}
                </dd>
                <dt>{t!("sync-problem-label")}</dt>
                <dd data-testid="sync-problem">
                    {move || status.get().last_problem.unwrap_or_else(|| t!("sync-problem-none"))}
                </dd>
                <dt>{t!("sync-rejected-label")}</dt>
                <dd data-testid="sync-rejected">{move || status.get().rejected_count}</dd>
            </dl>
            <button type="button" data-testid="sync-now" on:click=move |_| sync.sync_now()>
                {t!("sync-now")}
            </button>
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_signed_in_device_is_not_synced_before_its_engine_has_pulled() {
        let activity = |waiting, signed_in, online| {
            SyncStatusView::before_engine(waiting, signed_in, online, None).activity
        };
        // Nothing waits to be sent, but the history on the server may not be here yet.
        assert_eq!(activity(0, true, true), SyncActivity::Syncing);
        assert_eq!(activity(3, true, true), SyncActivity::Syncing);
        assert_eq!(activity(0, false, true), SyncActivity::SignedOut);
        assert_eq!(activity(0, true, false), SyncActivity::Offline);
    }
}
