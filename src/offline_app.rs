//! The Device page's door to the service worker's chunk cache: how much of the learners' app is
//! not on this device yet, and keeping all of it when the learner asks.
//!
//! After a first visit the worker keeps what a learner needs offline (the course, lesson,
//! review and Device pages) and every page once it has opened; the rest comes on request here
//! (`service-worker/chunks.js` answers both messages on a `MessageChannel`).

use futures::channel::oneshot;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::browser;

/// What the worker says is not on this device yet, of the whole app's chunks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WholeAppStatus {
    /// Their size as served (gzip), what keeping them costs at most.
    pub missing_bytes: u64,
    pub missing_files: u32,
}

impl WholeAppStatus {
    pub fn is_complete(&self) -> bool {
        self.missing_files == 0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OfflineAppError {
    /// No service worker controls the page: an insecure origin, a browser without them, or a
    /// first visit before the worker took over.
    #[error("no service worker controls this page")]
    NoServiceWorker,
    #[error("the service worker could not be asked: {0}")]
    Messaging(String),
    #[error("the service worker did not answer")]
    NoAnswer,
    #[error("the service worker's answer is not a status")]
    BadAnswer,
}

/// How much of the app is not on this device yet.
pub async fn whole_app_status() -> Result<WholeAppStatus, OfflineAppError> {
    ask_service_worker("APP_CHUNKS_STATUS").await
}

/// Fetches every chunk not on this device yet; answers what is still missing after (nothing,
/// unless a fetch failed).
pub async fn keep_whole_app() -> Result<WholeAppStatus, OfflineAppError> {
    ask_service_worker("KEEP_WHOLE_APP").await
}

/// Calls `handler` whenever a service worker takes control of the page (a first visit's worker
/// does soon after the page has loaded), until the calling component is dropped.
pub fn on_controller_change(handler: impl Fn() + 'static) {
    let Some(container) = container() else {
        return;
    };
    let closure = Closure::<dyn Fn()>::new(handler);
    if container
        .add_event_listener_with_callback("controllerchange", closure.as_ref().unchecked_ref())
        .is_err()
    {
        return;
    }
    // Leptos wants cleanups to be `Send`; the wasm client is single-threaded.
    let listener = send_wrapper::SendWrapper::new((closure, container));
    leptos::prelude::on_cleanup(move || {
        let (closure, container) = listener.take();
        let _ = container.remove_event_listener_with_callback(
            "controllerchange",
            closure.as_ref().unchecked_ref(),
        );
    });
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = browser::window()?.navigator();
    // `navigator.serviceWorker` is missing on insecure origins.
    let container = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    if container.is_undefined() {
        return None;
    }
    Some(navigator.service_worker())
}

fn controller() -> Option<web_sys::ServiceWorker> {
    container()?.controller()
}

async fn ask_service_worker(message_type: &str) -> Result<WholeAppStatus, OfflineAppError> {
    let controller = controller().ok_or(OfflineAppError::NoServiceWorker)?;
    let messaging = |error: JsValue| OfflineAppError::Messaging(format!("{error:?}"));
    let channel = web_sys::MessageChannel::new().map_err(messaging)?;
    let (sender, receiver) = oneshot::channel::<JsValue>();
    let on_answer = Closure::once(move |event: web_sys::MessageEvent| {
        let _ = sender.send(event.data());
    });
    channel
        .port1()
        .set_onmessage(Some(on_answer.as_ref().unchecked_ref()));
    let message = js_sys::Object::new();
    js_sys::Reflect::set(
        &message,
        &JsValue::from_str("type"),
        &JsValue::from_str(message_type),
    )
    .map_err(messaging)?;
    controller
        .post_message_with_transferable(&message, &js_sys::Array::of1(&channel.port2()))
        .map_err(messaging)?;
    // The closure lives until the answer came (or the worker dropped the port).
    let answer = receiver.await.map_err(|_| OfflineAppError::NoAnswer);
    channel.port1().set_onmessage(None);
    drop(on_answer);
    let answer = answer?;
    let number = |field: &str| {
        js_sys::Reflect::get(&answer, &JsValue::from_str(field))
            .ok()
            .and_then(|value| value.as_f64())
            .filter(|value| value.is_finite() && *value >= 0.0)
    };
    match (number("missingBytes"), number("missingFiles")) {
        // Whole numbers the worker counted; the casts cannot lose anything that matters.
        (Some(bytes), Some(files)) => Ok(WholeAppStatus {
            missing_bytes: bytes as u64,
            missing_files: files as u32,
        }),
        _ => Err(OfflineAppError::BadAnswer),
    }
}
