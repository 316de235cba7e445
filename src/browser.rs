//! Small wrappers over browser APIs that web-sys makes verbose. Every function here copes with
//! an API that is missing (an old browser, a private window) by returning `None` or `false`
//! instead of panicking, because the app must start whatever the browser lacks.

use leptos::prelude::on_cleanup;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The name of the attribute set on `<html>` once the first screen is interactive.
pub const READY_ATTRIBUTE: &str = "data-ready";

pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// What the browser believes about the network. `false` is reliable; `true` only means a
/// network interface is up, so callers still handle failed requests.
pub fn is_online() -> bool {
    window().is_none_or(|window| window.navigator().on_line())
}

/// Marks `<html data-ready>`; tests and `cargo xtask bench` wait on it. While the static first
/// screen still hides the app, it is marked when the screen goes (`first_screen`).
pub fn mark_ready() {
    if crate::first_screen::defers_ready() {
        return;
    }
    if let Some(root) = window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute(READY_ATTRIBUTE, "");
    }
}

/// Calls `handler` whenever `event_name` fires on `window`, until the calling component is
/// dropped.
pub fn on_window_event(event_name: &'static str, handler: impl Fn() + 'static) {
    let Some(window) = window() else {
        return;
    };
    let closure = Closure::<dyn Fn()>::new(handler);
    let function: js_sys::Function = closure.as_ref().unchecked_ref::<js_sys::Function>().clone();
    if window
        .add_event_listener_with_callback(event_name, &function)
        .is_err()
    {
        return;
    }
    // The closure must outlive the listener; it is released when the listener is removed.
    // Leptos wants cleanups to be `Send`; the wasm client is single-threaded, so the wrapper
    // only asserts what is already true.
    let listener = send_wrapper::SendWrapper::new((closure, function));
    on_cleanup(move || {
        let (closure, function) = listener.take();
        if let Some(window) = self::window() {
            let _ = window.remove_event_listener_with_callback(event_name, &function);
        }
        drop(closure);
    });
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = window()?.navigator();
    // `navigator.storage` is missing on insecure origins and old browsers.
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    if storage.is_undefined() {
        return None;
    }
    Some(navigator.storage())
}

/// Bytes used and the quota the browser grants this origin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StorageEstimate {
    pub usage_bytes: f64,
    pub quota_bytes: f64,
}

pub async fn storage_estimate() -> Option<StorageEstimate> {
    let promise = storage_manager()?.estimate().ok()?;
    let estimate = JsFuture::from(promise).await.ok()?;
    let read = |field: &str| {
        js_sys::Reflect::get(&estimate, &JsValue::from_str(field))
            .ok()
            .and_then(|value| value.as_f64())
    };
    Some(StorageEstimate {
        usage_bytes: read("usage")?,
        quota_bytes: read("quota")?,
    })
}

/// Whether the browser has promised not to evict this origin's data under storage pressure.
pub async fn is_storage_persisted() -> bool {
    let Some(promise) = storage_manager().and_then(|manager| manager.persisted().ok()) else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .ok()
        .and_then(|value| value.as_bool())
        .unwrap_or(false)
}

/// Asks the browser to keep this origin's data under storage pressure; the future answers
/// whether it will. The request is made when this is called, not when the answer is awaited.
/// The one way the app asks: on a download and on the first statement a page records.
pub fn request_persistent_storage() -> impl std::future::Future<Output = bool> {
    let promise = storage_manager().and_then(|manager| manager.persist().ok());
    async move {
        let Some(promise) = promise else {
            return false;
        };
        JsFuture::from(promise)
            .await
            .ok()
            .and_then(|value| value.as_bool())
            .unwrap_or(false)
    }
}

/// Reloads the page: the app starts again from its newest `index.html`.
pub fn reload_page() {
    if let Some(window) = window() {
        let _ = window.location().reload();
    }
}

/// Lets the waiting service worker (announced by `index.html` as `baeumWaitingWorker`) take
/// over, then reloads once it controls the page, so the new version starts cleanly.
pub fn activate_waiting_update() {
    let Some(window) = window() else {
        return;
    };
    let waiting = js_sys::Reflect::get(&window, &JsValue::from_str("baeumWaitingWorker"))
        .ok()
        .and_then(|value| value.dyn_into::<web_sys::ServiceWorker>().ok());
    let Some(waiting) = waiting else {
        reload_page();
        return;
    };
    let container = window.navigator().service_worker();
    let reload = Closure::once_into_js(reload_page);
    container.set_oncontrollerchange(Some(reload.unchecked_ref()));
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &message,
        &JsValue::from_str("type"),
        &JsValue::from_str("SKIP_WAITING"),
    );
    let _ = waiting.post_message(&message);
}

const HELP_LANGUAGE_KEY: &str = "baeum.help-language";

/// The language glosses and help texts are shown in: the learner's choice if they made one,
/// else the first of the browser's languages that courses carry, else English.
pub fn help_language() -> baeum_core::content::Language {
    help_language_for(baeum_core::content::TargetLanguage::Ko)
}

/// What the Device page's picker shows: the learner's choice as stored, even where it is the
/// language a course teaches (Korean help only serves courses that teach another language),
/// else what the browser's languages give.
pub fn help_language_choice() -> baeum_core::content::Language {
    stored_help_language().unwrap_or_else(|| browser_help_language(None))
}

/// The help language in a course teaching `target`: as [`help_language`], but never the
/// language taught. So a Korean-speaking pupil (browser in Korean) reads a Vietnamese course's
/// glosses and prompts in Korean, while Korean courses never take Korean as help.
pub fn help_language_for(
    target: baeum_core::content::TargetLanguage,
) -> baeum_core::content::Language {
    let taught = target.as_language();
    stored_help_language()
        .filter(|language| *language != taught)
        .unwrap_or_else(|| browser_help_language(Some(taught)))
}

fn stored_help_language() -> Option<baeum_core::content::Language> {
    window()
        .and_then(|window| window.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(HELP_LANGUAGE_KEY).ok().flatten())
        .and_then(|code| baeum_core::content::Language::from_code(&code))
}

/// The first of the browser's languages that courses carry, other than `taught`, else English.
fn browser_help_language(
    taught: Option<baeum_core::content::Language>,
) -> baeum_core::content::Language {
    use baeum_core::content::Language;
    let browser_languages = window()
        .map(|window| window.navigator().languages().to_vec())
        .unwrap_or_default();
    browser_languages
        .iter()
        .filter_map(|value| value.as_string())
        .filter_map(|tag| {
            let primary = tag
                .split('-')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            Language::from_code(&primary)
        })
        .find(|language| Some(*language) != taught)
        .unwrap_or(Language::En)
}

/// Remembers the learner's help language on this device.
pub fn set_help_language(language: baeum_core::content::Language) {
    if let Some(storage) = window().and_then(|window| window.local_storage().ok().flatten()) {
        let _ = storage.set_item(HELP_LANGUAGE_KEY, language.code());
    }
}
