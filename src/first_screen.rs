//! The static first screen the learners' `index.html` carries (`xtask/src/first_screen.rs`),
//! and how the app takes its place.
//!
//! The app mounts behind it: the screen's inline CSS hides everything after it. It goes, in
//! one animation frame, once the app shows what it showed: home holds it ([`hold`]) until its
//! course list and a guest's "today" panel are in, every other page not at all. Nothing the
//! learner reads flashes or moves (the bench's layout shift is 0), and `data-ready` is set only
//! once the app is what the learner sees ([`defers_ready`]). If home has not settled
//! [`LONGEST_HOLD_MS`] after the mount, the app is shown anyway.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::browser;

/// The `id`s of the screen's container and its `<style>`, as xtask writes them.
const SCREEN_ID: &str = "first-screen";
const STYLE_ID: &str = "first-screen-style";
/// How long home may keep the app hidden after it is mounted.
const LONGEST_HOLD_MS: i32 = 3_000;

#[derive(Default)]
struct Replacement {
    holds: usize,
    mounted: bool,
    /// The shell has been painted and asked for `data-ready`.
    ready_asked: bool,
    replaced: bool,
}

thread_local! {
    static REPLACEMENT: RefCell<Replacement> = RefCell::new(Replacement::default());
}

/// A part of the app that keeps the first screen until it has rendered what the screen shows.
#[derive(Clone)]
pub struct Hold(Rc<Cell<bool>>);

impl Hold {
    /// The part is rendered: once nothing else holds it, the screen goes. Idempotent.
    pub fn release(&self) {
        if self.0.replace(true) {
            return;
        }
        let replace_now = REPLACEMENT.with(|state| {
            let mut state = state.borrow_mut();
            state.holds = state.holds.saturating_sub(1);
            state.holds == 0 && state.mounted
        });
        if replace_now {
            replace_in_next_frame();
        }
    }
}

/// A hold on the first screen, or `None` when there is none (the teachers' app, or the app has
/// already replaced it).
pub fn hold() -> Option<Hold> {
    if REPLACEMENT.with(|state| state.borrow().replaced) || screen().is_none() {
        return None;
    }
    REPLACEMENT.with(|state| state.borrow_mut().holds += 1);
    Some(Hold(Rc::new(Cell::new(false))))
}

/// Called once the app is mounted: the screen goes in the next frame if nothing holds it by
/// then (the router renders the page after the mount, and home takes its holds then), else
/// when the last hold is released or after [`LONGEST_HOLD_MS`].
pub fn app_mounted() {
    REPLACEMENT.with(|state| state.borrow_mut().mounted = true);
    leptos::prelude::request_animation_frame(|| {
        if REPLACEMENT.with(|state| state.borrow().holds == 0) {
            replace();
        }
    });
    let give_up = Closure::once_into_js(replace);
    if let Some(window) = browser::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            give_up.unchecked_ref(),
            LONGEST_HOLD_MS,
        );
    }
}

/// True when the first screen still hides the app: `data-ready` is then set when it goes.
pub fn defers_ready() -> bool {
    REPLACEMENT.with(|state| {
        let mut state = state.borrow_mut();
        let shown = !state.replaced && screen().is_some();
        state.ready_asked |= shown;
        shown
    })
}

fn replace_in_next_frame() {
    // In a frame callback, after every render the released hold's data caused.
    leptos::prelude::request_animation_frame(replace);
}

/// Removes the screen and its styles (the stylesheets have the same rules) and sets
/// `data-ready` if the shell asked for it meanwhile.
fn replace() {
    let ready_asked = REPLACEMENT.with(|state| {
        let mut state = state.borrow_mut();
        let first_time = !state.replaced;
        state.replaced = true;
        first_time && state.ready_asked
    });
    if let Some(document) = browser::window().and_then(|window| window.document()) {
        for id in [SCREEN_ID, STYLE_ID] {
            if let Some(element) = document.get_element_by_id(id) {
                element.remove();
            }
        }
    }
    if ready_asked {
        browser::mark_ready();
    }
}

fn screen() -> Option<web_sys::Element> {
    browser::window()?.document()?.get_element_by_id(SCREEN_ID)
}
