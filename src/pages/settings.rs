//! "This device": what baeum keeps on this device, how much room it has, and whether the
//! browser has promised to keep it. Learners on shared or cheap phones need to know this
//! before they download a course. Here too a learner keeps the whole app for offline use, when
//! they choose to spend the data.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{self, StorageEstimate};
use crate::chunks::{ChunkContents, ChunkView, ChunkViewLoader};
use crate::downloads::DownloadedCourseList;
use crate::i18n::format_bytes;
use crate::offline_app::{self, WholeAppStatus};
use crate::shell::Connectivity;
use crate::t;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let estimate = LocalResource::new(browser::storage_estimate);
    let persisted = RwSignal::new(None::<bool>);
    spawn_local(async move { persisted.set(Some(browser::is_storage_persisted().await)) });
    let request_persistence = move |_| {
        spawn_local(async move { persisted.set(Some(browser::request_persistent_storage().await)) })
    };
    let online = use_context::<Connectivity>().map(|connectivity| connectivity.online);

    view! {
        <section class="page" data-testid="settings-page">
            <h1>{t!("settings-title")}</h1>
            <InterfaceLanguagePicker/>
            <HelpLanguagePicker/>
            <crate::wellbeing::WithLaterMessages>
                <CheckInSwitch/>
                <SharedCheckInsSlot/>
            </crate::wellbeing::WithLaterMessages>
            <h2>{t!("settings-storage-title")}</h2>
            <Suspense fallback=|| view! { <p>{t!("settings-storage-measuring")}</p> }>
                {move || estimate.get().map(|estimate| view! { <StorageUse estimate=estimate/> })}
            </Suspense>
            <DownloadedCourseList/>
            <WholeAppOffline/>
            <p data-testid="persistence">
                {move || match persisted.get() {
                    None => t!("settings-persistence-checking"),
                    Some(true) => t!("settings-persistence-protected"),
                    Some(false) => t!("settings-persistence-not-protected"),
                }}
            </p>
            <Show when=move || persisted.get() == Some(false)>
                <button type="button" on:click=request_persistence>{t!("settings-protect-downloads")}</button>
            </Show>
            <h2>{t!("settings-connection-title")}</h2>
            <p data-testid="connection-detail">
                {move || match online.map(|online| online.get()) {
                    Some(false) => t!("settings-connection-offline"),
                    _ => t!("settings-connection-online"),
                }}
            </p>
            <h2>{t!("settings-about-title")}</h2>
            <p>"baeum " {env!("CARGO_PKG_VERSION")}</p>
        </section>
    }
}

/// Where the whole app stands on this device; see [`WholeAppOffline`].
#[derive(Debug, Clone, Copy, PartialEq)]
enum WholeAppState {
    Checking,
    /// No service worker answers: nothing can be kept for offline use.
    Unavailable,
    Missing(WholeAppStatus),
    Keeping,
    Kept,
    /// Some chunks could not be fetched; what is still missing, when the worker could say.
    Failed(Option<WholeAppStatus>),
}

/// How the Device page gets the list of teachers who see the learner's check-ins ("Stop
/// sharing"): the wellbeing chunk's loader, handed in by the learners' app
/// (`src/learners_pages.rs`), so that code is the check-in's chunk, not this page's.
#[derive(Clone, Copy)]
pub struct SharedCheckInsOnSettings(pub ChunkViewLoader);

/// Makes `shared` the list the Device page shows.
pub fn provide_shared_check_ins_on_settings(shared: SharedCheckInsOnSettings) {
    provide_context(shared);
}

#[component]
fn SharedCheckInsSlot() -> impl IntoView {
    use_context::<SharedCheckInsOnSettings>().map(|SharedCheckInsOnSettings(load)| {
        view! { <ChunkView load=load contents=ChunkContents::Quiet/> }
    })
}

/// Whether home asks "How are you today?" on this device.
#[component]
fn CheckInSwitch() -> impl IntoView {
    let enabled = RwSignal::new(crate::wellbeing::check_in_enabled());
    view! {
        <h2>{t!("settings-check-in-title")}</h2>
        <label>
            <input
                type="checkbox"
                data-testid="check-in-enabled"
                prop:checked=move || enabled.get()
                on:change=move |event| {
                    let on = event_target_checked(&event);
                    crate::wellbeing::set_check_in_enabled(on);
                    enabled.set(on);
                }
            />
            " "
            {t!("settings-check-in-enabled")}
        </label>
    }
}

fn state_of(status: WholeAppStatus) -> WholeAppState {
    if status.is_complete() {
        WholeAppState::Kept
    } else {
        WholeAppState::Missing(status)
    }
}

/// "Keep the whole app on this device", with what it costs. After a first visit the pages a
/// learner needs offline are kept already (unless they save data) and every page opened once;
/// this fetches the rest, only when the learner asks.
#[component]
fn WholeAppOffline() -> impl IntoView {
    let state = RwSignal::new(WholeAppState::Checking);
    let check = move || {
        spawn_local(async move {
            let checked = match offline_app::whole_app_status().await {
                Ok(status) => state_of(status),
                Err(_) => WholeAppState::Unavailable,
            };
            let _ = state.try_set(checked);
        })
    };
    check();
    // On a first visit the worker takes control after the page has started.
    offline_app::on_controller_change(move || {
        if state.get_untracked() == WholeAppState::Unavailable {
            check();
        }
    });
    let keep = move |_: leptos::ev::MouseEvent| {
        state.set(WholeAppState::Keeping);
        spawn_local(async move {
            let kept = match offline_app::keep_whole_app().await {
                Ok(status) if status.is_complete() => WholeAppState::Kept,
                Ok(status) => WholeAppState::Failed(Some(status)),
                Err(_) => WholeAppState::Failed(None),
            };
            let _ = state.try_set(kept);
        });
    };
    let keep_button = move |status: Option<WholeAppStatus>| {
        let label = match status {
            Some(status) => t!(
                "settings-whole-app-keep",
                size = format_bytes(status.missing_bytes)
            ),
            None => t!("settings-whole-app-keep-again"),
        };
        view! {
            <button type="button" data-testid="whole-app-keep" on:click=keep>{label}</button>
        }
    };
    view! {
        <h2>{t!("settings-offline-title")}</h2>
        <p>{t!("settings-whole-app-explain")}</p>
        <div data-testid="whole-app">
            {move || match state.get() {
                WholeAppState::Checking => view! { <p>{t!("settings-whole-app-checking")}</p> }.into_any(),
                WholeAppState::Unavailable => view! {
                    <p data-testid="whole-app-unavailable">{t!("settings-whole-app-unavailable")}</p>
                }.into_any(),
                WholeAppState::Missing(status) => keep_button(Some(status)).into_any(),
                WholeAppState::Keeping => view! {
                    <p role="status" data-testid="whole-app-keeping">{t!("settings-whole-app-keeping")}</p>
                }.into_any(),
                WholeAppState::Kept => view! {
                    <p role="status" data-testid="whole-app-kept">{t!("settings-whole-app-kept")}</p>
                }.into_any(),
                WholeAppState::Failed(status) => view! {
                    <p role="status" data-testid="whole-app-failed">{t!("settings-whole-app-failed")}</p>
                    {keep_button(status)}
                }.into_any(),
            }}
        </div>
    }
}

#[component]
fn StorageUse(estimate: Option<StorageEstimate>) -> impl IntoView {
    match estimate {
        None => view! { <p data-testid="storage-use">{t!("settings-storage-unreported")}</p> }
            .into_any(),
        Some(estimate) => {
            // Browsers report whole bytes as doubles; the cast saturates, which is fine for display.
            let used = format_bytes(estimate.usage_bytes as u64);
            let quota = format_bytes(estimate.quota_bytes as u64);
            view! {
                <p data-testid="storage-use">{t!("settings-storage-use", used = used, quota = quota)}</p>
                <meter min="0" max=estimate.quota_bytes value=estimate.usage_bytes aria-label=t!("settings-storage-meter-label")></meter>
            }
            .into_any()
        }
    }
}

/// The language of the interface itself. Each language is listed by its own name, so a
/// learner finds theirs whatever the interface is in now. Choosing one restarts the app in it.
#[component]
fn InterfaceLanguagePicker() -> impl IntoView {
    use baeum_core::i18n::InterfaceLanguage;
    let current = crate::i18n::interface_language();
    view! {
        <h2>{t!("settings-interface-language-title")}</h2>
        <label>
            {t!("settings-interface-language-label")}
            " "
            <select
                data-testid="interface-language"
                on:change=move |event| {
                    if let Some(language) = InterfaceLanguage::from_tag(&event_target_value(&event)) {
                        if language != current {
                            crate::i18n::choose_interface_language(language);
                        }
                    }
                }
            >
                {InterfaceLanguage::ALL.into_iter().map(|language| view! {
                    <option value=language.tag() selected=language == current lang=language.tag()>
                        {language.native_name()}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// The language glosses, hints and help texts are shown in. It is separate from the language
/// being learned and is remembered on this device. Korean is offered for the courses that
/// teach another language (Vietnamese); a Korean course then helps in the browser's language.
#[component]
fn HelpLanguagePicker() -> impl IntoView {
    use baeum_core::content::Language;
    let chosen = RwSignal::new(browser::help_language_choice());
    let choices = [
        (Language::En, "English"),
        (Language::Vi, "Tiếng Việt"),
        (Language::Ru, "Русский"),
        (Language::Kk, "Қазақ тілі"),
        (Language::Th, "ไทย"),
        (Language::Tr, "Türkçe"),
        (Language::Mn, "Монгол"),
        (Language::Uz, "Oʻzbekcha"),
        (Language::Zh, "中文"),
        (Language::Ko, "한국어"),
    ];
    view! {
        <h2>{t!("settings-help-language-title")}</h2>
        <label>
            {t!("settings-help-language-label")}
            " "
            <select
                data-testid="help-language"
                on:change=move |event| {
                    if let Some(language) = Language::from_code(&event_target_value(&event)) {
                        browser::set_help_language(language);
                        chosen.set(language);
                    }
                }
            >
                {choices.into_iter().map(|(language, name)| view! {
                    <option value=language.code() selected=move || chosen.get() == language lang=language.code()>{name}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
