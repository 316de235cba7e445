//! The learner's certificates (issue 21): those the sites issued them, kept on the device so
//! they show, print and give their QR code with no connection; and asking the site of this
//! address for a course's certificate, which its server decides from the learner's answers
//! that reached it (core's `records`). Above them, enrolment (`applications.rs`): a course a
//! site takes by application gives its certificate only once the site approved.
//!
//! A certificate is shown in Korean, the language of its issuers, and in the learner's
//! language. Its QR code holds a link to `/verify` with the certificate's compact form after
//! `#`: a phone's camera opens the verify page, which checks it on that phone, and the part
//! after `#` never reaches any server.

use baeum_core::content::{CatalogIndex, Language};
use baeum_core::records::certificate::{compact_form, signed_credential, text_in};
use baeum_core::records::completion::LessonShortfall;
use baeum_core::records::wire::{
    CertificateRequest, CourseCompletion, IssuedCertificate, NotYetComplete,
};
use baeum_core::xapi::formats::parse_timestamp;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{is_online, window};
use crate::i18n::{format_calendar_day, format_date_time, interface_language};
use crate::sync_driver::use_sync;
use crate::t;
use crate::teaching::device_cache::signed_in;
use crate::teaching::load_with_cache;
use crate::wellbeing::WithLaterMessages;

/// What a certificate says in Korean beside the learner's language, whatever the interface:
/// the issuers' language is printed on every certificate.
const KOREAN_KIND: &str = "수료증";
const KOREAN_ISSUER: &str = "발급 기관";
const KOREAN_DATE: &str = "발급일";
const KOREAN_HOURS: &str = "학습 시간";
const KOREAN_NUMBER: &str = "번호";

/// `/certificates`.
#[component]
pub fn CertificatesPage() -> impl IntoView {
    view! { <WithLaterMessages><Certificates/></WithLaterMessages> }
}

/// The interface language's code as courses and sites write their texts' languages.
pub(crate) fn learner_language() -> &'static str {
    interface_language().tag()
}

/// A certificate's date of issue as the learner's language writes a day.
pub(crate) fn issue_day(issued: &str) -> String {
    match parse_timestamp(issued) {
        Ok(instant) => {
            let (year, month, day) = baeum_core::progress::date_parts(instant.date_naive());
            format_calendar_day(year, month, day)
        }
        Err(_) => issued.to_owned(),
    }
}

#[component]
fn Certificates() -> impl IntoView {
    let sync = use_sync();
    let shown = RwSignal::new(None::<Vec<IssuedCertificate>>);
    let fetched_at = RwSignal::new(None::<f64>);
    let problem = RwSignal::new(None::<String>);
    // Certificates are an account's: signed out, there is nothing to show or ask for.
    let session = LocalResource::new(move || crate::teaching::device_cache::current_session(sync));
    let signed_out = move || session.get().is_some_and(|session| session.is_none());
    let load = move || {
        load_with_cache(
            sync,
            "certificates".to_owned(),
            shown,
            fetched_at,
            problem,
            |api| async move { api.my_certificates().await },
        )
    };
    load();
    // The sites' keys too, so this device can check certificates offline.
    spawn_local(async move {
        crate::pages::verify::keep_fresh_trust_list(sync).await;
    });
    view! {
        <section class="page certificates-page" data-testid="certificates-page">
            <h1 class="no-print">{t!("certificates-title")}</h1>
            <p class="no-print">{t!("certificates-intro")}</p>
            {move || {
                signed_out()
                    .then(|| {
                        view! {
                            <p data-testid="certificates-sign-in">
                                <a href="/me">{t!("certificates-sign-in")}</a>
                            </p>
                        }
                    })
            }}
            {move || {
                problem
                    .get()
                    .filter(|_| !signed_out())
                    .map(|problem| {
                        view! {
                            <p class="load-error no-print" data-testid="certificates-problem">
                                {problem}
                            </p>
                        }
                    })
            }}
            {move || {
                fetched_at
                    .get()
                    .filter(|_| !is_online())
                    .map(|at| {
                        view! {
                            <p class="no-print" data-testid="certificates-as-of">
                                {t!("certificates-as-of", time = format_date_time(at))}
                            </p>
                        }
                    })
            }}
            <Show when=move || !signed_out()>
                <crate::pages::applications::Applications/>
            </Show>
            {move || match shown.get() {
                None => ().into_any(),
                Some(list) if list.is_empty() => {
                    view! { <p data-testid="certificates-none">{t!("certificates-none")}</p> }
                        .into_any()
                }
                Some(list) => {
                    list.into_iter()
                        .rev()
                        .map(|certificate| view! { <CertificateCard certificate/> })
                        .collect_view()
                        .into_any()
                }
            }}
            <Show when=move || !signed_out()>
                <TowardCertificates/>
                <RequestForm on_issued=load/>
            </Show>
            <p class="no-print">
                <a href="/verify" data-testid="certificates-verify-link">
                    {t!("certificates-verify-link")}
                </a>
            </p>
        </section>
    }
}

/// One certificate as it prints: on one A4 page, with its QR code.
#[component]
fn CertificateCard(certificate: IssuedCertificate) -> impl IntoView {
    let language = learner_language();
    let claims = certificate.claims.clone();
    let compact = compact_form(&claims, &certificate.proof_value);
    let origin = window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default();
    let qr = qr_svg(&format!("{origin}/verify#{compact}"));
    let korean_title = text_in(&claims.course_title, "ko").to_owned();
    let own_title = text_in(&claims.course_title, language).to_owned();
    let korean_site = text_in(&claims.site_name, "ko").to_owned();
    let own_site = text_in(&claims.site_name, language).to_owned();
    // In Korean the Korean words alone; otherwise both.
    let both = move |korean: &str, own: String| {
        if language == "ko" {
            korean.to_owned()
        } else if own == korean {
            own
        } else {
            format!("{korean} · {own}")
        }
    };
    let credential = signed_credential(&claims, &certificate.proof_value);
    let file_name = format!("baeum-certificate-{}.json", claims.course);
    let card = NodeRef::<leptos::html::Article>::new();
    view! {
        <article class="certificate" data-testid="certificate" node_ref=card>
            <p class="certificate-kind">{both(KOREAN_KIND, t!("certificates-kind"))}</p>
            <h2 data-testid="certificate-course">{korean_title.clone()}</h2>
            {(own_title != korean_title)
                .then(|| view! { <p class="certificate-course-own">{own_title.clone()}</p> })}
            <p class="certificate-name" data-testid="certificate-name">
                {claims.learner_name.clone()}
            </p>
            <dl class="certificate-facts">
                <dt>{both(KOREAN_ISSUER, t!("certificates-issuer"))}</dt>
                <dd data-testid="certificate-site">{both(&korean_site, own_site)}</dd>
                <dt>{both(KOREAN_DATE, t!("certificates-date"))}</dt>
                <dd>{issue_day(&claims.issued)}</dd>
                <dt>{both(KOREAN_HOURS, t!("certificates-hours"))}</dt>
                <dd>{t!("certificates-hours-value", hours = claims.hours)}</dd>
                <dt>{both(KOREAN_NUMBER, t!("certificates-id"))}</dt>
                <dd class="certificate-id">{claims.id.to_string()}</dd>
            </dl>
            {certificate
                .revoked
                .as_deref()
                .map(|revoked| {
                    view! {
                        <p class="load-error" data-testid="certificate-revoked">
                            {t!("certificates-revoked", date = issue_day(revoked))}
                        </p>
                    }
                })}
            <div
                class="certificate-qr"
                role="img"
                aria-label=t!("certificates-qr-label")
                data-testid="certificate-qr"
                inner_html=qr
            ></div>
            <details class="no-print">
                <summary>{t!("certificates-code")}</summary>
                <textarea readonly rows="4" data-testid="certificate-code">
                    {compact}
                </textarea>
            </details>
            <div class="player-actions no-print">
                <button
                    type="button"
                    on:click=move |_| print_only(card)
                >
                    {t!("certificates-print")}
                </button>
                <button
                    type="button"
                    class="secondary"
                    data-testid="certificate-save"
                    on:click=move |_| crate::pages::history::download_json(&file_name, &credential)
                >
                    {t!("certificates-save")}
                </button>
            </div>
        </article>
    }
}

/// Prints this certificate alone, on its own page (the print style hides the others while
/// the page says `print-one`).
fn print_only(card: NodeRef<leptos::html::Article>) {
    let (Some(window), Some(card)) = (window(), card.get_untracked()) else {
        return;
    };
    let root = window
        .document()
        .and_then(|document| document.document_element());
    let _ = card.class_list().add_1("printing");
    if let Some(root) = &root {
        let _ = root.class_list().add_1("print-one");
    }
    // The browser lays the page out for printing before `print` returns.
    let _ = window.print();
    let _ = card.class_list().remove_1("printing");
    if let Some(root) = &root {
        let _ = root.class_list().remove_1("print-one");
    }
}

/// The QR code of `text` as an SVG element (medium error correction: a printed code still
/// scans with a smudge). Only presentation attributes, which the page's policy allows.
fn qr_svg(text: &str) -> String {
    let Ok(code) = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
    else {
        return String::new();
    };
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build();
    // The renderer writes an XML declaration first, which has no place inside HTML.
    match svg.find("<svg") {
        Some(start) => svg[start..].to_owned(),
        None => String::new(),
    }
}

/// Each course of this site the learner has begun that gives a certificate, with how many of
/// its counted lessons count so far, as the server decides it (kept for offline).
#[component]
fn TowardCertificates() -> impl IntoView {
    let sync = use_sync();
    let shown = RwSignal::new(None::<Vec<CourseCompletion>>);
    let fetched_at = RwSignal::new(None::<f64>);
    // A problem here is the certificates' list's too: shown once, there.
    let problem = RwSignal::new(None::<String>);
    load_with_cache(
        sync,
        "completion".to_owned(),
        shown,
        fetched_at,
        problem,
        |api| async move { api.my_completion().await },
    );
    let catalog = LocalResource::new(|| async { crate::content_client::load_catalog().await.ok() });
    move || {
        let list = shown.get().filter(|list| !list.is_empty())?;
        let language = Language::from_code(learner_language()).unwrap_or(Language::En);
        let catalog = catalog.get().flatten();
        let rows = list
            .into_iter()
            .map(|course| {
                let status = course.status;
                let title = catalog
                    .as_ref()
                    .and_then(|catalog| {
                        catalog
                            .courses
                            .iter()
                            .find(|entry| entry.id == status.course_id)
                    })
                    .map_or_else(
                        || status.course_id.clone(),
                        |entry| entry.title.get_or_english(language).to_owned(),
                    );
                let line = t!(
                    "certificates-progress-line",
                    course = title,
                    done = status.done,
                    total = status.total
                );
                view! {
                    <li data-testid="completion-progress" data-course=status.course_id.clone()>
                        {line} " "
                        <progress max=status.total value=status.done></progress>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <section class="no-print">
                <h2>{t!("certificates-progress-title")}</h2>
                <ul>{rows}</ul>
            </section>
        })
    }
}

/// Asking this site for a course's certificate.
#[component]
fn RequestForm(on_issued: impl Fn() + Copy + 'static) -> impl IntoView {
    let sync = use_sync();
    let catalog = LocalResource::new(|| async { crate::content_client::load_catalog().await.ok() });
    let course = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Outcome>);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let request = CertificateRequest {
            course: course.get_untracked(),
            name: name.get_untracked().trim().to_owned(),
            language: Some(learner_language().to_owned()),
        };
        busy.set(true);
        spawn_local(async move {
            // Answers still on the device count once they reach the server: send them first.
            if let Some(sync) = sync {
                sync.sync_now();
            }
            let result = match signed_in(sync).await {
                Err(error) => Outcome::Problem(error.message()),
                Ok(signed_in) => match signed_in.api.request_certificate(&request).await {
                    Ok(Ok(_)) => Outcome::Issued,
                    Ok(Err(not_yet)) => Outcome::NotYet(not_yet, request.course.clone()),
                    Err(error) if error.status() == Some(404) => {
                        Outcome::Problem(t!("certificates-not-offered"))
                    }
                    Err(error) if error.status() == Some(403) => {
                        Outcome::Problem(t!("certificates-not-enrolled"))
                    }
                    Err(error) => Outcome::Problem(error.message()),
                },
            };
            if matches!(result, Outcome::Issued) {
                on_issued();
            }
            outcome.set(Some(result));
            busy.set(false);
        });
    };
    view! {
        <form class="no-print certificate-request" on:submit=submit>
            <h2>{t!("certificates-request-title")}</h2>
            <p>{t!("certificates-request-intro")}</p>
            <label>
                {t!("certificates-course")}
                <select
                    required
                    data-testid="certificate-course-select"
                    on:change=move |event| course.set(event_target_value(&event))
                    prop:value=move || course.get()
                >
                    <option value="">"—"</option>
                    {move || catalog.get().flatten().map(course_options)}
                </select>
            </label>
            <label>
                {t!("certificates-name")}
                <input
                    type="text"
                    required
                    maxlength="80"
                    autocomplete="name"
                    data-testid="certificate-name-input"
                    prop:value=move || name.get()
                    on:input=move |event| name.set(event_target_value(&event))
                />
            </label>
            <button type="submit" data-testid="certificate-request" disabled=move || busy.get()>
                {t!("certificates-request")}
            </button>
            <div data-testid="certificate-request-result" role="status">
                {move || outcome.get().map(|outcome| view! { <OutcomeView outcome/> })}
            </div>
        </form>
    }
}

fn course_options(catalog: CatalogIndex) -> impl IntoView {
    let language = Language::from_code(learner_language()).unwrap_or(Language::En);
    catalog
        .courses
        .into_iter()
        .map(|course| {
            let title = course.title.get_or_english(language).to_owned();
            view! { <option value=course.id>{title}</option> }
        })
        .collect_view()
}

#[derive(Clone)]
enum Outcome {
    Issued,
    NotYet(NotYetComplete, String),
    Problem(String),
}

#[component]
fn OutcomeView(outcome: Outcome) -> impl IntoView {
    match outcome {
        Outcome::Issued => view! { <p>{t!("certificates-issued")}</p> }.into_any(),
        Outcome::Problem(problem) => view! { <p class="load-error">{problem}</p> }.into_any(),
        Outcome::NotYet(not_yet, course_id) => {
            let status = not_yet.status;
            // Lesson titles from the course's manifest, kept on the device or fetched; its
            // ids otherwise.
            let titles = LocalResource::new(move || {
                let course_id = course_id.clone();
                async move {
                    crate::content_client::load_course(&course_id)
                        .await
                        .ok()
                        .map(|(_, manifest)| manifest)
                }
            });
            let language = Language::from_code(learner_language()).unwrap_or(Language::En);
            let missing = status.missing.clone();
            view! {
                <p data-testid="certificate-not-yet">
                    {t!("certificates-not-yet", done = status.done, total = status.total)}
                </p>
                <ul>
                    {move || {
                        let manifest = titles.get().flatten();
                        missing
                            .iter()
                            .map(|(lesson_id, shortfall)| {
                                let lesson = manifest
                                    .as_ref()
                                    .and_then(|manifest| {
                                        manifest
                                            .units
                                            .iter()
                                            .flat_map(|unit| unit.lessons.iter())
                                            .find(|lesson| &lesson.id == lesson_id)
                                    })
                                    .map_or_else(
                                        || lesson_id.clone(),
                                        |lesson| lesson.title.get_or_english(language).to_owned(),
                                    );
                                let line = match shortfall {
                                    LessonShortfall::NotCompleted => {
                                        t!("certificates-missing-lesson", lesson = lesson)
                                    }
                                    LessonShortfall::ScoreTooLow { best } => {
                                        let best = (best.unwrap_or(0.0) * 100.0).round() as u32;
                                        t!("certificates-low-score", lesson = lesson, best = best)
                                    }
                                };
                                view! { <li>{line}</li> }
                            })
                            .collect_view()
                    }}
                </ul>
            }
            .into_any()
        }
    }
}

/// On the learning history (issue 21, item 5): the signed-in learner's certificates kept on
/// this device, and all of them saved as one file of their credentials (the history's own
/// file holds the statements).
#[component]
pub fn CertificatesInHistory() -> impl IntoView {
    let sync = use_sync();
    let kept = LocalResource::new(move || async move {
        let session = crate::teaching::device_cache::current_session(sync).await?;
        let key = crate::teaching::device_cache::cache_key(session.account.id, "certificates");
        crate::teaching::device_cache::read_cached::<Vec<IssuedCertificate>>(sync, &key)
            .await
            .map(|cached| cached.value)
    });
    move || {
        let list = kept.get().flatten().filter(|list| !list.is_empty())?;
        let language = learner_language();
        let credentials = serde_json::Value::Array(
            list.iter()
                .map(|certificate| signed_credential(&certificate.claims, &certificate.proof_value))
                .collect(),
        );
        let lines = list
            .iter()
            .map(|certificate| {
                let claims = &certificate.claims;
                let line = format!(
                    "{} · {} · {}",
                    claims.course_title_in(language),
                    claims.site_name_in(language),
                    issue_day(&claims.issued)
                );
                view! { <li data-testid="history-certificate">{line}</li> }
            })
            .collect_view();
        Some(view! {
            <section aria-labelledby="history-certificates-title" data-testid="history-certificates">
                <h2 id="history-certificates-title">
                    <a href="/certificates">{t!("certificates-title")}</a>
                </h2>
                <ul>{lines}</ul>
                <button
                    type="button"
                    class="secondary"
                    data-testid="history-certificates-save"
                    on:click=move |_| {
                        crate::pages::history::download_json("baeum-certificates.json", &credentials)
                    }
                >
                    {t!("certificates-save-all")}
                </button>
            </section>
        })
    }
}
