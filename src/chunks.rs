//! Showing what lives in a wasm chunk: a page, or a part of one, whose code the learners' app
//! fetches the first time it is shown (the split points are in the `baeum-web` binary,
//! `learners_pages.rs`, because an exported function of this library would be linked into the
//! teachers' app too).
//!
//! A chunk that cannot be fetched (the connection dropped on a first visit, before the service
//! worker stored the chunks) shows a message and a Try again button in its place, and a Reload
//! button for a chunk that is gone for good. The split points are `fallible` for this reason:
//! an infallible one would abort the whole app.

use std::future::Future;

use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use send_wrapper::SendWrapper;

use crate::browser;
use crate::t;

/// A chunk could not be fetched or instantiated. The loader has logged the cause to the
/// console; the learner is offered a retry, which starts a fresh attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkLoadError;

impl From<SplitLoaderError> for ChunkLoadError {
    fn from(_: SplitLoaderError) -> Self {
        ChunkLoadError
    }
}

/// A view whose code is in a chunk: calling it fetches the chunk (once) and builds the view.
pub type ChunkViewLoader = fn() -> LocalBoxFuture<'static, Result<AnyView, ChunkLoadError>>;

/// What a chunk shows, for the words shown while it loads and when it cannot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChunkContents {
    /// A whole page: "Opening the page…" while it loads.
    Page,
    /// The learner's assignments on the home page: nothing while they load, since the rest of
    /// the page is already there.
    Assignments,
    /// Something a learner can do without (the check-in on home): nothing while it loads, and
    /// nothing if it cannot; it is offered again on the next visit.
    Quiet,
}

/// Shows the view `load` returns once its chunk is in; while it loads, a short line for a page;
/// if it cannot load, what happened and a Try again button (each retry is a new attempt).
#[component]
pub fn ChunkView<Load, LoadFuture>(load: Load, contents: ChunkContents) -> impl IntoView
where
    Load: Fn() -> LoadFuture + Copy + Send + Sync + 'static,
    LoadFuture: Future<Output = Result<AnyView, ChunkLoadError>> + 'static,
{
    let attempt = RwSignal::new(0_u32);
    let loading = move || {
        (contents == ChunkContents::Page).then(|| {
            view! { <p class="loading" data-testid="page-loading">{t!("page-chunk-loading")}</p> }
        })
    };
    view! {
        <Suspense fallback=loading>
            {move || {
                attempt.track();
                // The loader's future holds browser values, so it is not `Send`; the app is
                // single-threaded.
                let chunk = SendWrapper::new(load());
                Suspend::new(async move {
                    match chunk.await {
                        Ok(view) => view,
                        Err(ChunkLoadError) if contents == ChunkContents::Quiet => ().into_any(),
                        Err(ChunkLoadError) => view! {
                            <section class="page" role="alert" data-testid="page-load-failed">
                                <p>
                                    {match contents {
                                        ChunkContents::Page => t!("page-chunk-failed"),
                                        ChunkContents::Assignments | ChunkContents::Quiet => {
                                            t!("assignments-chunk-failed")
                                        }
                                    }}
                                </p>
                                <button type="button" on:click=move |_| attempt.update(|count| *count += 1)>
                                    {t!("page-chunk-retry")}
                                </button>
                                // A tab left open while another applied an update runs the old
                                // version, whose chunks the new service worker and server no
                                // longer have: only a reload brings the page back.
                                <p>{t!("page-chunk-reload-hint")}</p>
                                <button type="button" on:click=|_| browser::reload_page()>
                                    {t!("page-chunk-reload")}
                                </button>
                            </section>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
