//! Scanning a certificate's QR code with the device's camera on `/verify` (issue 21), where the
//! browser can: its own `BarcodeDetector` (Chromium on Android, ChromeOS and macOS; not on
//! Linux or Windows desktops today) over the camera's stream. Where it cannot, no button is
//! shown: a phone's own camera app opens the QR code's link, which checks the certificate the
//! same way, and pasting or opening a file still do.
//!
//! Everything is reached through `js_sys::Reflect`, so no new browser bindings (their glue
//! would be in the first load's script) are needed for a page few open.

use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::browser::window;
use crate::t;

/// How often a frame of the camera is looked at.
const LOOK_EVERY_MS: i64 = 250;

fn member(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

/// Calls `target.name(argument)` and waits for the promise it gives.
async fn call_and_wait(
    target: &JsValue,
    name: &str,
    argument: &JsValue,
) -> Result<JsValue, JsValue> {
    let method: Function = member(target, name)
        .ok_or_else(|| JsValue::from_str(name))?
        .dyn_into()?;
    let promise: Promise = method.call1(target, argument)?.dyn_into()?;
    JsFuture::from(promise).await
}

/// The browser's `BarcodeDetector` and the camera, when it has both.
fn scanner_parts() -> Option<(Function, JsValue)> {
    let window: JsValue = window()?.into();
    let detector = member(&window, "BarcodeDetector")?.dyn_into().ok()?;
    let devices = member(&member(&window, "navigator")?, "mediaDevices")?;
    member(&devices, "getUserMedia")?;
    Some((detector, devices))
}

/// Stops every track of a camera stream, which turns the camera off.
fn stop_camera(stream: &JsValue) {
    let Some(tracks) = member(stream, "getTracks")
        .and_then(|get| get.dyn_into::<Function>().ok())
        .and_then(|get| get.call0(stream).ok())
    else {
        return;
    };
    for track in Array::from(&tracks).iter() {
        if let Some(stop) = member(&track, "stop").and_then(|stop| stop.dyn_into::<Function>().ok())
        {
            let _ = stop.call0(&track);
        }
    }
}

/// "Scan with the camera": shows the camera until a QR code is seen, then gives its text.
#[component]
pub fn CameraScan(on_found: Callback<String>) -> impl IntoView {
    let (detector_class, devices) = scanner_parts()?;
    let detector_class = StoredValue::new_local(detector_class);
    let devices = StoredValue::new_local(devices);
    let stream = StoredValue::new_local(None::<JsValue>);
    let scanning = RwSignal::new(false);
    let problem = RwSignal::new(false);
    let video = NodeRef::<leptos::html::Video>::new();
    let stop = move || {
        scanning.set(false);
        if let Some(open) = stream.get_value() {
            stop_camera(&open);
        }
        stream.set_value(None);
    };
    on_cleanup(stop);
    let start = move |_| {
        if scanning.get_untracked() {
            return;
        }
        problem.set(false);
        scanning.set(true);
        spawn_local(async move {
            let constraints = Object::new();
            let video_wanted = Object::new();
            let _ = Reflect::set(&video_wanted, &"facingMode".into(), &"environment".into());
            let _ = Reflect::set(&constraints, &"video".into(), &video_wanted);
            let opened =
                call_and_wait(&devices.get_value(), "getUserMedia", &constraints.into()).await;
            let (Ok(opened), Some(element)) = (opened, video.get_untracked()) else {
                problem.set(true);
                scanning.set(false);
                return;
            };
            stream.set_value(Some(opened.clone()));
            let element: JsValue = element.into();
            let _ = Reflect::set(&element, &"srcObject".into(), &opened);
            let options = Object::new();
            let _ = Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into()));
            let Ok(detector) =
                Reflect::construct(&detector_class.get_value(), &Array::of1(&options))
            else {
                problem.set(true);
                stop();
                return;
            };
            while scanning.get_untracked() {
                crate::sync_driver::Sleep::new(LOOK_EVERY_MS).await;
                // A frame not ready yet is no failure: look again.
                let Ok(found) = call_and_wait(&detector, "detect", &element).await else {
                    continue;
                };
                let first = Array::from(&found).get(0);
                if let Some(text) = member(&first, "rawValue").and_then(|text| text.as_string()) {
                    stop();
                    on_found.run(text);
                }
            }
        });
    };
    Some(view! {
        <div class="camera-scan">
            <button
                type="button"
                class="secondary"
                data-testid="verify-scan"
                on:click=start
                hidden=move || scanning.get()
            >
                {t!("certificates-verify-scan")}
            </button>
            <video
                node_ref=video
                autoplay
                muted
                playsinline
                data-testid="verify-camera"
                hidden=move || !scanning.get()
            ></video>
            <button
                type="button"
                class="secondary"
                data-testid="verify-scan-stop"
                on:click=move |_| stop()
                hidden=move || !scanning.get()
            >
                {t!("certificates-verify-scan-stop")}
            </button>
            {move || problem.get().then(|| view! {
                <p class="load-error" data-testid="verify-scan-problem">
                    {t!("certificates-verify-scan-problem")}
                </p>
            })}
        </div>
    })
}
