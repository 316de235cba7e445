//! The apps' router, in place of `leptos_router` (about 47 KB gzip of wasm for what baeum
//! uses of it): the current path as a signal, kept in step with the address bar, and the page
//! each app's route table (core `app_paths`) gives it.
//!
//! A click on a same-origin link into the running app becomes `history.pushState` and a new
//! path, and the page scrolls to the top as a page load would; back and forward (`popstate`)
//! set the path from the address bar. The browser keeps every other link: another app's path
//! (a page load of that app), a modified or non-left click, `target`, `download`,
//! `rel="external"`, another origin, and a link to a place on the same page (the skip link,
//! whose focus move is the browser's).

use baeum_core::app_paths::{match_route, PathParameters, Route};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::browser;
use crate::shell::AppKind;

/// The path shown (the address bar's, without query or fragment), made and provided by
/// [`start`].
#[derive(Debug, Clone, Copy)]
pub struct CurrentPath(pub ReadSignal<String>);

/// The parameters of the shown page's path, provided to the page by [`routed_page`].
#[derive(Debug, Clone, Copy)]
struct ShownParameters(Memo<PathParameters>);

fn address_bar_path() -> String {
    browser::window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_else(|| "/".to_owned())
}

/// Starts routing for the app `running`: provides [`CurrentPath`] and follows link clicks and
/// back and forward for as long as the app runs.
pub fn start(running: AppKind) -> CurrentPath {
    let (path, set_path) = signal(address_bar_path());
    provide_context(CurrentPath(path));
    browser::on_window_event("popstate", move || {
        let now = address_bar_path();
        // A fragment change on the same page fires `popstate` too: the page stays.
        if path.with_untracked(|shown| *shown != now) {
            set_path.set(now);
        }
    });
    // The app's root lives as long as the page, so the listener is never removed.
    let _ = window_event_listener(leptos::ev::click, move |event| {
        if let Some(target) = link_to_follow(&event, running) {
            event.prevent_default();
            go_to(&target, path, set_path);
        }
    });
    CurrentPath(path)
}

/// The address a click should open inside the running app, or `None` for a click the browser
/// keeps (see the module's header).
fn link_to_follow(event: &web_sys::MouseEvent, running: AppKind) -> Option<web_sys::Url> {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.ctrl_key()
        || event.shift_key()
        || event.alt_key()
    {
        return None;
    }
    let anchor: web_sys::HtmlAnchorElement = event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into()
        .ok()?;
    if !anchor.target().is_empty()
        || anchor.has_attribute("download")
        || anchor
            .rel()
            .split_ascii_whitespace()
            .any(|rel| rel == "external")
    {
        return None;
    }
    let url = web_sys::Url::new(&anchor.href()).ok()?;
    let location = browser::window()?.location();
    if url.origin() != location.origin().ok()? || AppKind::of_path(&url.pathname()) != running {
        return None;
    }
    let same_page =
        url.pathname() == location.pathname().ok()? && url.search() == location.search().ok()?;
    if same_page && !url.hash().is_empty() {
        return None;
    }
    Some(url)
}

/// Opens `target` in the running app: a new history entry (none for the address already
/// shown), the new path, and the top of the page.
fn go_to(target: &web_sys::Url, path: ReadSignal<String>, set_path: WriteSignal<String>) {
    let Some(window) = browser::window() else {
        return;
    };
    let address = format!("{}{}{}", target.pathname(), target.search(), target.hash());
    let location = window.location();
    let shown = [location.pathname(), location.search(), location.hash()]
        .into_iter()
        .collect::<Result<String, JsValue>>();
    if shown.as_deref() != Ok(address.as_str()) {
        let pushed = window
            .history()
            .and_then(|history| history.push_state_with_url(&JsValue::NULL, "", Some(&address)));
        if pushed.is_err() {
            // Without history, the page load the link would have made.
            let _ = location.set_href(&address);
            return;
        }
    }
    let now = target.pathname();
    if path.with_untracked(|shown| *shown != now) {
        set_path.set(now);
    }
    window.scroll_to_with_x_and_y(0.0, 0.0);
}

/// The page `routes` gives the current path, built by `page_view` (`None`: no route matches).
/// A page stays while only its parameters change (one lesson to the next), as its resources
/// follow [`path_parameter`]; another page is built afresh.
pub fn routed_page<Page, View>(
    CurrentPath(path): CurrentPath,
    routes: &'static [Route<Page>],
    page_view: fn(Option<Page>) -> View,
) -> impl IntoView
where
    Page: Copy + PartialEq + Send + Sync + 'static,
    View: IntoView + 'static,
{
    let matched = Memo::new(move |_| path.with(|path| match_route(routes, path)));
    let page = Memo::new(move |_| matched.with(|found| found.as_ref().map(|found| found.page)));
    move || {
        let shown = page.get();
        // Once the path leaves this page, its parameters stay as they were until it is gone,
        // so its resources do not load the next page's parameters first.
        let parameters = Memo::new(move |previous: Option<&PathParameters>| {
            matched.with(|found| match found {
                Some(found) if Some(found.page) == shown => found.parameters.clone(),
                _ => previous.cloned().unwrap_or_default(),
            })
        });
        provide_context(ShownParameters(parameters));
        page_view(shown)
    }
}

/// A parameter of the shown page's path (`course` in `/courses/:course`), `None` when the route
/// has none of that name. It changes only when that parameter does.
pub fn path_parameter(name: &'static str) -> Memo<Option<String>> {
    let parameters = use_context::<ShownParameters>();
    Memo::new(move |_| {
        parameters.and_then(|ShownParameters(parameters)| {
            parameters.with(|parameters| parameters.get(name).map(str::to_owned))
        })
    })
}
