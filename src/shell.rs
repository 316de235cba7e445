//! The layout every page shares: the header with navigation, the connection indicator, the
//! "update ready" banner, and the `data-ready` mark.

use leptos::prelude::*;

use crate::browser;
use crate::router::CurrentPath;
use crate::t;
use crate::teaching::TeachingNavLink;

/// Whether the browser reports a network connection, kept current by `online`/`offline`
/// events. Provided as context so any page can adapt (for example, to say a download waits).
#[derive(Debug, Clone, Copy)]
pub struct Connectivity {
    pub online: ReadSignal<bool>,
}

/// Which of the two apps is running (see `app.rs`), provided as context by each app's root.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppKind {
    /// The learners' app: every path outside `/teach`.
    Learning,
    /// The teachers' app: `/teach` and the paths below it.
    Teaching,
}

impl AppKind {
    /// The app that answers `path`.
    pub fn of_path(path: &str) -> AppKind {
        if baeum_core::app_paths::is_teaching_path(path) {
            AppKind::Teaching
        } else {
            AppKind::Learning
        }
    }
}

/// A link that stays in the running app through the router, marked `aria-current="page"` while
/// its page (or one below it) is shown, or, when `href` belongs to the other app, is left to
/// the browser (`rel="external"`) so that the page loads that app.
#[component]
pub fn AppLink(
    #[prop(into)] href: String,
    /// Marked as the current page only when the path is exactly `href` (for `/`).
    #[prop(optional)]
    exact: bool,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] test_id: &'static str,
    children: Children,
) -> impl IntoView {
    let running = use_context::<AppKind>().unwrap_or(AppKind::Learning);
    // Empty attributes are left out rather than written as `class=""`.
    let class = (!class.is_empty()).then_some(class);
    let test_id = (!test_id.is_empty()).then_some(test_id);
    if AppKind::of_path(&href) == running {
        let path = use_context::<CurrentPath>();
        let link = href.clone();
        let current = move || {
            path.is_some_and(|CurrentPath(path)| {
                path.with(|path| baeum_core::app_paths::is_current(&link, path, exact))
            })
            .then_some("page")
        };
        view! { <a href=href class=class data-testid=test_id aria-current=current>{children()}</a> }
            .into_any()
    } else {
        view! { <a href=href rel="external" class=class data-testid=test_id>{children()}</a> }
            .into_any()
    }
}

/// The shared layout around the routed page.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let (online, set_online) = signal(browser::is_online());
    browser::on_window_event("online", move || set_online.set(true));
    browser::on_window_event("offline", move || set_online.set(false));
    provide_context(Connectivity { online });

    // The site this app was opened from (a city's or a school's), as its page names it.
    let site_name = site_name();

    let (update_ready, set_update_ready) = signal(false);
    browser::on_window_event("baeum-update-ready", move || set_update_ready.set(true));

    // The first screen is interactive once the shell has been mounted and painted.
    Effect::new(move |_| {
        request_animation_frame(browser::mark_ready);
    });

    view! {
        <a class="skip-link" href="#main">{t!("shell-skip-to-content")}</a>
        <header class="app-header">
            // The link's name is its visible text (WCAG 2.5.3, label in name), with "home" for
            // screen readers; the Korean word keeps its `lang` so it is read in Korean.
            <AppLink href="/" class="brand">
                <span class="brand-mark" lang="ko">"배움"</span>
                " "
                <span class="brand-name">"baeum"</span>
                {site_name
                    .map(|name| {
                        view! { <span class="brand-site" data-testid="site-name">{name}</span> }
                    })}
                <span class="visually-hidden">" "{t!("shell-brand-home")}</span>
            </AppLink>
            <nav class="app-nav" aria-label=t!("nav-main")>
                <AppLink href="/" exact=true>{t!("nav-courses")}</AppLink>
                <TeachingNavLink/>
                <AppLink href="/me">{t!("nav-me")}</AppLink>
                <AppLink href="/settings">{t!("nav-device")}</AppLink>
                <AppLink href="/help" test_id="nav-help">{t!("nav-help")}</AppLink>
            </nav>
            <ConnectionIndicator online=online/>
            <SyncIndicator/>
        </header>
        <Show when=move || update_ready.get()>
            <div class="update-banner" role="status" data-testid="update-ready">
                <span>{t!("shell-update-ready")}</span>
                <button type="button" on:click=move |_| browser::activate_waiting_update()>
                    {t!("shell-update-now")}
                </button>
            </div>
        </Show>
        <main id="main" class="app-main" tabindex="-1">{children()}</main>
    }
}

/// The site's name in the interface's language, else in English, from the `<meta>` element
/// the server writes into a site's pages (core's `site::site_page`); `None` at an address
/// that is no site's.
pub(crate) fn site_name() -> Option<String> {
    let meta = web_sys::window()?
        .document()?
        .get_element_by_id(baeum_core::site::SITE_META_ID)?;
    meta.get_attribute(&["data-", crate::i18n::interface_language().tag()].concat())
        .or_else(|| meta.get_attribute("content"))
}

/// Shows whether the device is online. It is a live region so screen-reader users hear when
/// the connection drops or returns.
#[component]
pub fn ConnectionIndicator(online: ReadSignal<bool>) -> impl IntoView {
    view! {
        <p
            class="connection"
            class:offline=move || !online.get()
            data-testid="connection"
            data-online=move || online.get().to_string()
            role="status"
            aria-live="polite"
        >
            <span class="connection-dot" aria-hidden="true"></span>
            {move || if online.get() { t!("shell-online") } else { t!("shell-offline") }}
        </p>
    }
}

/// A short sync status in the header: how many answers wait to reach the school, or that all
/// of them have. It links to the full sync panel.
#[component]
pub fn SyncIndicator() -> impl IntoView {
    let Some(sync) = crate::sync_driver::use_sync() else {
        return ().into_any();
    };
    let status = sync.status;
    let text = move || {
        let status = status.get();
        match (status.waiting_count, status.signed_in) {
            (0, true) => t!("shell-synced"),
            (0, false) => t!("shell-saved-on-device"),
            (waiting, true) => t!("shell-waiting-to-sync", count = waiting),
            (waiting, false) => t!("shell-waiting-on-device", count = waiting),
        }
    };
    view! {
        <AppLink href="/me" class="sync-indicator" test_id="sync-indicator">
            <span
                data-waiting=move || status.get().waiting_count.to_string()
                data-signed-in=move || status.get().signed_in.to_string()
            >
                {text}
            </span>
        </AppLink>
    }
    .into_any()
}
