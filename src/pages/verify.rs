//! Checking a certificate (issue 21), on this device and with no connection: core's
//! `records::certificate::verify` against the platform's trust list (every site's keys and the
//! withdrawn certificates), which this page and the certificates' page keep on the device and
//! fetch again whenever they open online. The verdict says as of when that list was fetched.
//!
//! The certificate comes after `#` in the address (what its QR code opens), or pasted, or from
//! its file, or from the camera where the browser reads QR codes (`scan.rs`). The part after `#` is never sent to any server.

use baeum_core::records::certificate::{verify, Refusal, TrustList, Verdict};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::browser::{is_online, window};
use crate::http;
use crate::pages::certificates::{issue_day, learner_language};
use crate::sync_driver::use_sync;
use crate::t;
use crate::teaching::device_cache::database;
use crate::teaching::local_time::local_time_text;
use crate::wellbeing::WithLaterMessages;

/// Where the trust list is kept (the settings store): one for the device, as it is public.
const TRUST_LIST_KEY: &str = "records.trust-list";
/// How long the page waits for a fresh list before it checks with the kept one.
const TRUST_LIST_TIMEOUT_MS: u32 = 15_000;

/// `/verify`.
#[component]
pub fn VerifyPage() -> impl IntoView {
    view! { <WithLaterMessages><Verify/></WithLaterMessages> }
}

/// The certificate after `#` in the address, if any.
fn from_address() -> Option<String> {
    let hash = window()?.location().hash().ok()?;
    let text = hash.strip_prefix('#').unwrap_or(&hash).trim().to_owned();
    (!text.is_empty()).then_some(text)
}

async fn kept_trust_list(sync: Option<crate::sync_driver::SyncHandle>) -> Option<TrustList> {
    let text: String = database(sync)
        .await
        .ok()?
        .get_setting(TRUST_LIST_KEY)
        .await
        .ok()??;
    baeum_core::json::read(text.as_bytes()).ok()
}

async fn fresh_trust_list() -> Option<TrustList> {
    http::get_json_or_none("/api/certificates/trust", TRUST_LIST_TIMEOUT_MS).await
}

/// Fetches the trust list when online and keeps it on the device; the fresh list, if it came.
/// The certificates' page calls it too, so a learner's own device can check offline.
pub(crate) async fn keep_fresh_trust_list(
    sync: Option<crate::sync_driver::SyncHandle>,
) -> Option<TrustList> {
    if !is_online() {
        return None;
    }
    let fresh = fresh_trust_list().await?;
    if let (Ok(text), Ok(database)) = (serde_json::to_string(&fresh), database(sync).await) {
        let _ = database.put_setting(TRUST_LIST_KEY, &text).await;
    }
    Some(fresh)
}

#[component]
fn Verify() -> impl IntoView {
    let sync = use_sync();
    let trust = RwSignal::new(None::<TrustList>);
    // Whether the page is done looking for a list (kept or fresh).
    let looked = RwSignal::new(false);
    let text = RwSignal::new(from_address().unwrap_or_default());
    let checked = RwSignal::new(from_address());
    // A QR code's link opened while this page is open changes only what follows `#`.
    crate::browser::on_window_event("hashchange", move || {
        if let Some(presented) = from_address() {
            text.set(presented.clone());
            checked.set(Some(presented));
        }
    });
    spawn_local(async move {
        if let Some(kept) = kept_trust_list(sync).await {
            trust.set(Some(kept));
        }
        if let Some(fresh) = keep_fresh_trust_list(sync).await {
            trust.set(Some(fresh));
        }
        looked.set(true);
    });
    let open_file = move |event: leptos::ev::Event| {
        let file = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        let Some(file) = file else {
            return;
        };
        spawn_local(async move {
            if let Ok(read) = JsFuture::from(file.text()).await {
                let read = read.as_string().unwrap_or_default();
                text.set(read.clone());
                checked.set(Some(read));
            }
        });
    };
    let verdict = move || {
        let presented = checked.get()?;
        Some(trust.get().map(|list| verify(&presented, &list)))
    };
    view! {
        <section class="page verify-page" data-testid="verify-page">
            <h1>{t!("certificates-verify-title")}</h1>
            <p>{t!("certificates-verify-intro")}</p>
            {move || {
                (looked.get() && trust.get().is_none())
                    .then(|| {
                        view! {
                            <p class="load-error" data-testid="verify-no-keys">
                                {t!("certificates-no-keys")}
                            </p>
                        }
                    })
            }}
            <form on:submit=move |event: leptos::ev::SubmitEvent| {
                event.prevent_default();
                checked.set(Some(text.get_untracked()));
            }>
                <label>
                    {t!("certificates-verify-text")}
                    <textarea
                        rows="4"
                        data-testid="verify-text"
                        prop:value=move || text.get()
                        on:input=move |event| text.set(event_target_value(&event))
                    ></textarea>
                </label>
                <div class="player-actions">
                    <button type="submit" data-testid="verify-check">
                        {t!("certificates-verify")}
                    </button>
                    <crate::pages::scan::CameraScan on_found=Callback::new(move |found: String| {
                        text.set(found.clone());
                        checked.set(Some(found));
                    })/>
                    <label class="button secondary">
                        {t!("certificates-verify-file")}
                        <input
                            type="file"
                            accept=".json,application/json,text/plain"
                            class="visually-hidden"
                            data-testid="verify-file"
                            on:change=open_file
                        />
                    </label>
                </div>
            </form>
            {move || match verdict() {
                Some(Some(verdict)) => view! { <VerdictView verdict/> }.into_any(),
                _ => ().into_any(),
            }}
        </section>
    }
}

#[component]
fn VerdictView(verdict: Verdict) -> impl IntoView {
    let language = learner_language();
    let valid = verdict.is_valid();
    let claims = verdict.claims.clone();
    let said = claims.as_ref().map(|claims| {
        (
            claims.learner_name.clone(),
            claims.course_title_in(language).to_owned(),
            claims.site_name_in(language).to_owned(),
            issue_day(&claims.issued),
            claims.hours,
        )
    });
    let headline = if valid {
        t!("certificates-valid")
    } else {
        t!("certificates-refused")
    };
    let detail = match (&verdict.refusal, said.clone()) {
        (None, Some((name, course, site, date, hours))) => t!(
            "certificates-valid-detail",
            site = site,
            name = name,
            course = course,
            hours = hours,
            date = date
        ),
        (Some(refusal), _) => refusal_text(refusal),
        (None, None) => String::new(),
    };
    let claimed = (!valid).then_some(said).flatten().map(|(name, course, site, date, _)| {
        view! {
            <p data-testid="verdict-claims">
                {t!("certificates-claims", name = name, course = course, site = site, date = date)}
            </p>
        }
    });
    view! {
        <div
            class=if valid { "verdict verdict-valid" } else { "verdict verdict-refused" }
            role="status"
            data-testid="verdict"
            data-valid=if valid { "true" } else { "false" }
        >
            <h2 data-testid="verdict-headline">{headline}</h2>
            <p data-testid="verdict-detail">{detail}</p>
            {claimed}
            <p class="verdict-as-of" data-testid="verdict-as-of">
                {t!("certificates-checked-as-of", time = local_time_text(&verdict.as_of))}
            </p>
        </div>
    }
}

fn refusal_text(refusal: &Refusal) -> String {
    match refusal {
        Refusal::Unreadable { .. } => t!("certificates-refusal-unreadable"),
        Refusal::UnknownKey => t!("certificates-refusal-unknown-key"),
        Refusal::KeyOfAnotherSite { .. } => t!("certificates-refusal-other-site"),
        Refusal::IssuedAfterKeyRetired { .. } => t!("certificates-refusal-retired"),
        Refusal::Tampered => t!("certificates-refusal-tampered"),
        Refusal::Revoked { revoked } => {
            t!("certificates-refusal-revoked", date = issue_day(revoked))
        }
    }
}
