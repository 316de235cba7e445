//! Korean typing for learners who have no Korean keyboard: an on-screen 2-set (두벌식,
//! dubeolsik) keyboard and an optional mode in which the Latin keys of a physical keyboard type
//! the Hangul letters printed at the same positions on a Korean keyboard (`gks` → `한`).
//!
//! Both type into an ordinary `<input>` owned by someone else (the lesson player's typed
//! answer), given as a [`NodeRef`]. The composition rules are not here: they are
//! [`baeum_core::dubeolsik::Composer`]'s, written once and tested natively. This module only
//! keeps track of which part of the field the keys are composing, writes the result into the
//! field and tells the page about it with an `input` event, as a real keyboard would.
//!
//! What the keys compose is a [`ComposingRun`]: the text before the caret is left alone, the
//! syllable being composed changes with each key, and backspace removes one letter of it at a
//! time (`한` → `하` → `ㅎ`). Anything else the learner does to the field — typing with a real
//! Korean input method, pasting, moving the caret — ends the run, and the next key starts a new
//! one at the caret. A real input method composition is never touched.

use std::cell::Cell;

use baeum_core::dubeolsik::{jamo_to_latin_key, latin_key_to_jamo, Composer};
use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::t;

/// The localStorage key that remembers whether Latin keys type Hangul. It is a device setting,
/// not progress: a learner who switched it on wants it on in the next lesson too.
pub const LATIN_TO_HANGUL_STORAGE_KEY: &str = "baeum.latin-to-hangul";

/// The localStorage key that remembers whether the on-screen keys were left shown. A learner
/// who opened them for one typed answer needs them for the next one too, and each typed item
/// mounts a new keyboard; a learner who never opens them keeps the collapsed default.
pub const KEYBOARD_SHOWN_STORAGE_KEY: &str = "baeum.korean-keyboard";

/// The letter keys of the standard dubeolsik layout (KS X 5002), row by row, unshifted.
pub const KEY_ROWS: [&[char]; 3] = [
    &['ㅂ', 'ㅈ', 'ㄷ', 'ㄱ', 'ㅅ', 'ㅛ', 'ㅕ', 'ㅑ', 'ㅐ', 'ㅔ'],
    &['ㅁ', 'ㄴ', 'ㅇ', 'ㄹ', 'ㅎ', 'ㅗ', 'ㅓ', 'ㅏ', 'ㅣ'],
    &['ㅋ', 'ㅌ', 'ㅊ', 'ㅍ', 'ㅠ', 'ㅜ', 'ㅡ'],
];

/// Every simple letter with the Revised Romanization of its Korean name (ㄱ is 기역, giyeok), so
/// that a screen reader speaking English still names the key; a vowel is named by its sound.
const LETTER_NAMES: [(char, &str); 33] = [
    ('ㄱ', "giyeok"),
    ('ㄲ', "ssanggiyeok"),
    ('ㄴ', "nieun"),
    ('ㄷ', "digeut"),
    ('ㄸ', "ssangdigeut"),
    ('ㄹ', "rieul"),
    ('ㅁ', "mieum"),
    ('ㅂ', "bieup"),
    ('ㅃ', "ssangbieup"),
    ('ㅅ', "siot"),
    ('ㅆ', "ssangsiot"),
    ('ㅇ', "ieung"),
    ('ㅈ', "jieut"),
    ('ㅉ', "ssangjieut"),
    ('ㅊ', "chieut"),
    ('ㅋ', "kieuk"),
    ('ㅌ', "tieut"),
    ('ㅍ', "pieup"),
    ('ㅎ', "hieut"),
    ('ㅏ', "a"),
    ('ㅐ', "ae"),
    ('ㅑ', "ya"),
    ('ㅒ', "yae"),
    ('ㅓ', "eo"),
    ('ㅔ', "e"),
    ('ㅕ', "yeo"),
    ('ㅖ', "ye"),
    ('ㅗ', "o"),
    ('ㅛ', "yo"),
    ('ㅜ', "u"),
    ('ㅠ', "yu"),
    ('ㅡ', "eu"),
    ('ㅣ', "i"),
];

/// The romanized name of a simple letter (`ㄱ` → `giyeok`, `ㅏ` → `a`).
pub fn letter_name(letter: char) -> Option<&'static str> {
    LETTER_NAMES
        .iter()
        .find(|(candidate, _)| *candidate == letter)
        .map(|&(_, name)| name)
}

/// The accessible name of a letter key: the letter itself first, so that voice control users
/// can say what they see (WCAG 2.5.3), then its name.
pub fn key_label(letter: char) -> String {
    match letter_name(letter) {
        Some(name) => format!("{letter} {name}"),
        None => letter.to_string(),
    }
}

/// The letter a key types with Shift held: the tense consonant or the ㅒ/ㅖ of the same key,
/// or the same letter for keys that have no shifted letter. The core's QWERTY table is the
/// single source of the layout, so this goes through it.
pub fn shifted_letter(letter: char) -> char {
    jamo_to_latin_key(letter)
        .and_then(|key| latin_key_to_jamo(key.to_ascii_uppercase()))
        .unwrap_or(letter)
}

/// One key press on the Korean keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keystroke {
    /// A character: a Hangul letter composes, anything else (a space) ends the syllable.
    Character(char),
    /// Removes one letter of the syllable being composed, or the selection if there is one.
    Backspace,
}

/// A text field's content and caret as the DOM reports them. Offsets count UTF-16 code units,
/// as `selectionStart` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldState {
    pub value: String,
    pub selection_start: u32,
    pub selection_end: u32,
}

impl FieldState {
    /// A field whose caret is at the end of its text, the state of a field typed into from the
    /// start.
    pub fn with_caret_at_end(value: &str) -> Self {
        let end = utf16_length(value);
        Self {
            value: value.to_owned(),
            selection_start: end,
            selection_end: end,
        }
    }

    /// Reads the value and selection of an input.
    pub fn of_input(input: &web_sys::HtmlInputElement) -> Self {
        let value = input.value();
        let end = utf16_length(&value);
        // Inputs of type text always have a selection; other types report none.
        let start = input.selection_start().ok().flatten().unwrap_or(end);
        let finish = input.selection_end().ok().flatten().unwrap_or(start);
        Self {
            value,
            selection_start: start.min(finish),
            selection_end: start.max(finish),
        }
    }
}

/// What a keystroke made of the field: its new value and where the caret goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldEdit {
    pub value: String,
    /// In UTF-16 code units, for `setSelectionRange`.
    pub caret: u32,
}

/// The stretch of a field that the Korean keys are composing, between the text before the
/// caret and the text after it, which both stay as they were.
#[derive(Debug, Clone, Default)]
pub struct ComposingRun {
    before: String,
    after: String,
    composer: Composer,
    /// The field as this run last wrote it. A field that no longer looks like this was changed
    /// by something else, and the run starts over from what is there now.
    written: Option<FieldEdit>,
}

impl ComposingRun {
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether the field is still exactly as this run left it, caret included, so that the next
    /// key continues the syllable being composed.
    pub fn is_live(&self, field: &FieldState) -> bool {
        self.written.as_ref().is_some_and(|written| {
            written.value == field.value
                && field.selection_start == written.caret
                && field.selection_end == written.caret
        })
    }

    /// The syllable or letter being composed in the field, if the run is still live there.
    pub fn composing_in(&self, field: &FieldState) -> Option<char> {
        if self.is_live(field) {
            self.composer.composing()
        } else {
            None
        }
    }

    /// Applies one keystroke to the field and returns what the field becomes, or `None` when the
    /// keystroke changes nothing (backspace in an empty field).
    pub fn apply(&mut self, field: &FieldState, keystroke: Keystroke) -> Option<FieldEdit> {
        let mut removed_selection = false;
        if !self.is_live(field) {
            removed_selection = self.start_at(field);
        }
        match keystroke {
            Keystroke::Character(character) => self.composer.push_char(character),
            Keystroke::Backspace => {
                // Backspace over a selection deletes the selection and nothing more, as in any
                // text field.
                if !removed_selection && !self.delete_one_letter() {
                    return None;
                }
            }
        }
        let composed = self.composer.text();
        let caret = utf16_length(&self.before) + utf16_length(&composed);
        let edit = FieldEdit {
            value: format!("{}{}{}", self.before, composed, self.after),
            caret,
        };
        self.written = Some(edit.clone());
        Some(edit)
    }

    /// Ends the run: the syllable being composed is finished, and the next key starts a new one.
    pub fn end(&mut self) {
        *self = Self::default();
    }

    /// Starts a run at the caret of `field`, replacing the selection. Returns whether there was
    /// a selection to remove.
    fn start_at(&mut self, field: &FieldState) -> bool {
        let start = byte_index_at_utf16(&field.value, field.selection_start);
        let end = byte_index_at_utf16(&field.value, field.selection_end).max(start);
        *self = Self {
            before: field.value[..start].to_owned(),
            after: field.value[end..].to_owned(),
            composer: Composer::new(),
            written: None,
        };
        end > start
    }

    /// Removes the last letter before the caret. With nothing composed yet, the character
    /// before the run is taken into the composer first, so that backspace after `한` typed some
    /// other way still gives `하`, the same as after `한` typed here.
    fn delete_one_letter(&mut self) -> bool {
        if self.composer.is_empty() {
            let Some(last) = self.before.pop() else {
                return false;
            };
            self.composer.push_char(last);
        }
        self.composer.backspace()
    }
}

/// The run a keyboard and its Latin-key mode share for one field, so that a learner may mix
/// on-screen keys and Latin keys within one syllable.
pub type SharedRun = StoredValue<ComposingRun, LocalStorage>;

/// Types one keystroke into the field: composes, writes the value, puts the caret after the
/// composed text and dispatches a bubbling `input` event so that whatever listens to the field
/// sees the change. Returns whether the field changed. A read-only or disabled field (an answer
/// already judged correct) is left alone. The run, kept in a [`SharedRun`], is not borrowed
/// while the `input` event is dispatched, so listeners may do anything.
pub fn type_into_target(target: NodeRef<Input>, run: SharedRun, keystroke: Keystroke) -> bool {
    let Some(input) = target.get_untracked() else {
        return false;
    };
    if input.read_only() || input.disabled() {
        return false;
    }
    let field = FieldState::of_input(&input);
    let Some(edit) = run
        .try_update_value(|run| run.apply(&field, keystroke))
        .flatten()
    else {
        return false;
    };
    write_edit(&input, &edit);
    true
}

fn write_edit(input: &web_sys::HtmlInputElement, edit: &FieldEdit) {
    input.set_value(&edit.value);
    // Setting the value moves the caret to the end; the run may be in the middle of the text.
    let _ = input.set_selection_range(edit.caret, edit.caret);
    announce_input(input);
}

/// Dispatches the `input` event a real keyboard would cause. It bubbles, so that delegated
/// listeners (and frameworks that listen on an ancestor) see it as well.
fn announce_input(input: &web_sys::HtmlInputElement) {
    if let Ok(event) = web_sys::Event::new("input") {
        // `initEvent` is the way to set `bubbles` without the `EventInit` binding; it is
        // allowed on an event that was not dispatched yet.
        event.init_event_with_bubbles("input", true);
        let _ = input.dispatch_event(&event);
    }
}

fn utf16_length(text: &str) -> u32 {
    u32::try_from(text.encode_utf16().count()).unwrap_or(u32::MAX)
}

/// The byte index in `text` of a UTF-16 offset from the DOM, clamped to the text and rounded
/// down to a character boundary.
fn byte_index_at_utf16(text: &str, utf16_offset: u32) -> usize {
    let mut units: u32 = 0;
    for (index, character) in text.char_indices() {
        let width = u32::try_from(character.len_utf16()).unwrap_or(2);
        if units + width > utf16_offset {
            return index;
        }
        units += width;
    }
    text.len()
}

thread_local! {
    static NEXT_KEYBOARD_NUMBER: Cell<u32> = const { Cell::new(0) };
}

/// A document-unique id for a keyboard's key panel, for the toggle's `aria-controls`.
fn next_panel_id() -> String {
    let number = NEXT_KEYBOARD_NUMBER.with(|next| {
        let number = next.get();
        next.set(number.wrapping_add(1));
        number
    });
    format!("korean-keyboard-keys-{number}")
}

/// An on-screen dubeolsik keyboard for `target`, collapsed behind a "Korean keyboard" toggle,
/// with the switch for typing Hangul with Latin keys beside the toggle. Once the learner shows
/// the keys, later keyboards start shown until the learner hides them again (the choice is
/// kept in localStorage under [`KEYBOARD_SHOWN_STORAGE_KEY`]).
///
/// Every key is a `<button type="button">` (so it never submits a form around it) with an
/// `aria-label` naming its letter and a `data-testid` of `key-` and the letter it types now:
/// `key-ㄱ`, and `key-ㄲ` while Shift is on. Shift lasts for one letter, as on phone keyboards.
/// While the keys are shown, the field gets `inputmode="none"` so that tapping it on a phone
/// places the caret without raising the phone's own keyboard over these keys.
#[component]
pub fn KoreanKeyboard(
    /// The text field the keys type into.
    target: NodeRef<Input>,
    /// Shows the keys from the start instead of behind the toggle.
    #[prop(optional)]
    initially_open: bool,
) -> impl IntoView {
    let run: SharedRun = StoredValue::new_local(ComposingRun::new());
    let open = RwSignal::new(initially_open || keyboard_shown_remembered());
    let shifted = RwSignal::new(false);
    let panel_id = next_panel_id();
    let toggle_ref = NodeRef::<leptos::html::Button>::new();

    keep_system_keyboard_away(target, open);

    let press = move |keystroke: Keystroke| {
        type_into_target(target, run, keystroke);
    };
    let letter_key = move |letter: char| {
        let shown = move || {
            if shifted.get() {
                shifted_letter(letter)
            } else {
                letter
            }
        };
        view! {
            <button
                type="button"
                class="key letter-key"
                lang="ko"
                data-testid=move || format!("key-{}", shown())
                aria-label=move || key_label(shown())
                // Keeping focus in the field keeps its caret visible and lets a physical
                // keyboard go on typing; keyboard users still reach every key with Tab.
                on:mousedown=|event| event.prevent_default()
                on:click=move |_| {
                    let typed = if shifted.get_untracked() { shifted_letter(letter) } else { letter };
                    shifted.set(false);
                    press(Keystroke::Character(typed));
                }
            >
                {shown}
            </button>
        }
    };
    let letter_row = move |letters: &'static [char], row_number: usize| {
        view! {
            <div class=format!("keyboard-row keyboard-row-{row_number}")>
                {letters.iter().map(|&letter| letter_key(letter)).collect_view()}
            </div>
        }
    };
    let hide = move || {
        open.set(false);
        remember_keyboard_shown(false);
        shifted.set(false);
        run.update_value(ComposingRun::end);
        // The keys disappear; focus goes back to the toggle instead of getting lost.
        if let Some(toggle) = toggle_ref.get_untracked() {
            let _ = toggle.focus();
        }
    };

    view! {
        <div class="korean-keyboard" data-testid="korean-keyboard">
            <div class="korean-keyboard-bar">
                <button
                    type="button"
                    class="secondary keyboard-toggle"
                    data-testid="keyboard-toggle"
                    node_ref=toggle_ref
                    aria-expanded=move || open.get().to_string()
                    aria-controls=panel_id.clone()
                    on:click=move |_| {
                        if open.get_untracked() {
                            hide();
                        } else {
                            open.set(true);
                            remember_keyboard_shown(true);
                        }
                    }
                >
                    {t!("keyboard-toggle")}
                </button>
                <LatinToHangul target=target run=run/>
            </div>
            <div
                class="keyboard-keys"
                id=panel_id
                role="group"
                aria-label=t!("keyboard-keys-label")
                data-testid="keyboard-keys"
                hidden=move || !open.get()
            >
                {letter_row(KEY_ROWS[0], 1)}
                {letter_row(KEY_ROWS[1], 2)}
                <div class="keyboard-row keyboard-row-3">
                    <button
                        type="button"
                        class="key key-wide key-shift"
                        data-testid="key-shift"
                        aria-label=t!("keyboard-shift-label")
                        aria-pressed=move || shifted.get().to_string()
                        on:mousedown=|event| event.prevent_default()
                        on:click=move |_| shifted.update(|shifted| *shifted = !*shifted)
                    >
                        "⇧"
                    </button>
                    {KEY_ROWS[2].iter().map(|&letter| letter_key(letter)).collect_view()}
                    <button
                        type="button"
                        class="key key-wide key-backspace"
                        data-testid="key-backspace"
                        aria-label=t!("keyboard-backspace-label")
                        on:mousedown=|event| event.prevent_default()
                        on:click=move |_| press(Keystroke::Backspace)
                    >
                        "⌫"
                    </button>
                </div>
                <div class="keyboard-row keyboard-row-4">
                    <button
                        type="button"
                        class="key key-space"
                        data-testid="key-space"
                        aria-label=t!("keyboard-space-label")
                        on:mousedown=|event| event.prevent_default()
                        on:click=move |_| {
                            shifted.set(false);
                            press(Keystroke::Character(' '));
                        }
                    >
                        {t!("keyboard-space-key")}
                    </button>
                    <button
                        type="button"
                        class="key key-wide key-done"
                        data-testid="keyboard-hide"
                        aria-label=t!("keyboard-done-label")
                        on:click=move |_| hide()
                    >
                        {t!("keyboard-done")}
                    </button>
                </div>
            </div>
        </div>
    }
}

/// Gives the field `inputmode="none"` while the on-screen keys are shown and restores what it
/// had when they are hidden or the keyboard goes away.
fn keep_system_keyboard_away(target: NodeRef<Input>, open: RwSignal<bool>) {
    Effect::new(move |_| {
        let Some(input) = target.get() else {
            return;
        };
        if !open.get() {
            return;
        }
        let previous = input.get_attribute("inputmode");
        let _ = input.set_attribute("inputmode", "none");
        let restore = send_wrapper::SendWrapper::new((input, previous));
        on_cleanup(move || {
            let (input, previous) = restore.take();
            let _ = match previous {
                Some(previous) => input.set_attribute("inputmode", &previous),
                None => input.remove_attribute("inputmode"),
            };
        });
    });
}

/// Whether the learner switched Latin-to-Hangul typing on, on this device. Without
/// localStorage (a private window, storage blocked) it starts off.
pub fn latin_to_hangul_remembered() -> bool {
    local_storage()
        .and_then(|storage| storage.get_item(LATIN_TO_HANGUL_STORAGE_KEY).ok().flatten())
        .is_some_and(|stored| stored == "on")
}

/// Remembers the learner's choice; a storage that refuses only means it is not remembered.
pub fn remember_latin_to_hangul(enabled: bool) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(
            LATIN_TO_HANGUL_STORAGE_KEY,
            if enabled { "on" } else { "off" },
        );
    }
}

/// Whether the learner left the on-screen keys shown last time, on this device.
pub fn keyboard_shown_remembered() -> bool {
    local_storage()
        .and_then(|storage| storage.get_item(KEYBOARD_SHOWN_STORAGE_KEY).ok().flatten())
        .is_some_and(|stored| stored == "shown")
}

fn remember_keyboard_shown(shown: bool) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(
            KEYBOARD_SHOWN_STORAGE_KEY,
            if shown { "shown" } else { "hidden" },
        );
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// A switch that makes the Latin keys of a physical keyboard type the Hangul letters at the
/// same positions on a Korean keyboard (`g` `k` `s` → `한`), for learners without a Korean
/// input method. The choice is remembered in localStorage. A real input method's composition
/// passes through untouched: with one active the keys are the input method's.
#[component]
pub fn LatinToHangul(
    /// The text field whose keys are translated.
    target: NodeRef<Input>,
    /// The run to share with an on-screen keyboard for the same field.
    #[prop(optional)]
    run: Option<SharedRun>,
) -> impl IntoView {
    let run = run.unwrap_or_else(|| StoredValue::new_local(ComposingRun::new()));
    let enabled = RwSignal::new(latin_to_hangul_remembered());
    attach_latin_to_hangul(target, enabled, run);
    view! {
        <label class="latin-to-hangul">
            <input
                type="checkbox"
                data-testid="latin-to-hangul"
                prop:checked=move || enabled.get()
                on:change=move |event| {
                    let on = event_target_checked(&event);
                    enabled.set(on);
                    remember_latin_to_hangul(on);
                    run.update_value(ComposingRun::end);
                }
            />
            <span>{t!("keyboard-latin-to-hangul")} " " <span class="latin-example" lang="ko">"(gks → 한)"</span></span>
        </label>
    }
}

/// Listens to `keydown` and `beforeinput` on the field and, while `enabled`, turns Latin
/// letters into Hangul letters composed by `run`. The listeners are removed when the calling
/// component goes away.
pub fn attach_latin_to_hangul(target: NodeRef<Input>, enabled: RwSignal<bool>, run: SharedRun) {
    Effect::new(move |_| {
        let Some(input) = target.get() else {
            return;
        };
        let keydown =
            Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |event: web_sys::KeyboardEvent| {
                if enabled.try_get_untracked().unwrap_or(false) {
                    translate_keydown(target, run, &event);
                }
            });
        let beforeinput = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
            if enabled.try_get_untracked().unwrap_or(false) {
                translate_beforeinput(target, run, &event);
            }
        });
        let keydown_function: js_sys::Function =
            keydown.as_ref().unchecked_ref::<js_sys::Function>().clone();
        let beforeinput_function: js_sys::Function = beforeinput
            .as_ref()
            .unchecked_ref::<js_sys::Function>()
            .clone();
        let _ = input.add_event_listener_with_callback("keydown", &keydown_function);
        let _ = input.add_event_listener_with_callback("beforeinput", &beforeinput_function);
        // The closures must live as long as the listeners. Leptos wants cleanups to be `Send`;
        // the client is single-threaded, so the wrapper only asserts what is already true.
        let listeners = send_wrapper::SendWrapper::new((
            input,
            keydown,
            keydown_function,
            beforeinput,
            beforeinput_function,
        ));
        on_cleanup(move || {
            let (input, keydown, keydown_function, beforeinput, beforeinput_function) =
                listeners.take();
            let _ = input.remove_event_listener_with_callback("keydown", &keydown_function);
            let _ = input.remove_event_listener_with_callback("beforeinput", &beforeinput_function);
            drop((keydown, beforeinput));
        });
    });
}

/// The QWERTY key a keydown stands for, by the key's position (`code`), so that a learner whose
/// keyboard is set to another layout (Russian, French) still gets the letter printed on a
/// Korean keyboard at that place, as a Korean input method does. Shift is read from the event,
/// not from the letter's case, so Caps Lock does not turn ㄱ into ㄲ. Events without a position
/// (some virtual keyboards, synthetic events) fall back to the key's letter.
fn latin_key_of(event: &web_sys::KeyboardEvent) -> Option<char> {
    let single_ascii_letter = |text: &str| {
        let mut characters = text.chars();
        match (characters.next(), characters.next()) {
            (Some(letter), None) if letter.is_ascii_alphabetic() => {
                Some(letter.to_ascii_lowercase())
            }
            _ => None,
        }
    };
    let code = event.code();
    let unshifted = code
        .strip_prefix("Key")
        .and_then(single_ascii_letter)
        .or_else(|| single_ascii_letter(&event.key()))?;
    Some(if event.shift_key() {
        unshifted.to_ascii_uppercase()
    } else {
        unshifted
    })
}

fn translate_keydown(target: NodeRef<Input>, run: SharedRun, event: &web_sys::KeyboardEvent) {
    // 229 is the key code of every key an input method is handling; `isComposing` alone misses
    // the keydown that starts a composition.
    let input_method_owns_the_key =
        event.is_composing() || event.key_code() == 229 || event.key() == "Process";
    if input_method_owns_the_key
        || event.default_prevented()
        || event.ctrl_key()
        || event.meta_key()
        || event.alt_key()
    {
        return;
    }
    if event.key() == "Backspace" {
        // Only the syllable being composed is taken apart letter by letter; anywhere else
        // backspace keeps its ordinary meaning.
        let Some(input) = target.get_untracked() else {
            return;
        };
        let field = FieldState::of_input(&input);
        let composing = run
            .try_with_value(|run| run.composing_in(&field).is_some())
            .unwrap_or(false);
        if composing && type_into_target(target, run, Keystroke::Backspace) {
            event.prevent_default();
        }
        return;
    }
    let Some(letter) = latin_key_of(event).and_then(latin_key_to_jamo) else {
        return;
    };
    if type_into_target(target, run, Keystroke::Character(letter)) {
        event.prevent_default();
    }
}

/// Text inserted without a usable keydown (phone keyboards, some assistive tools) arrives as a
/// cancelable `beforeinput` of type `insertText`; its Latin letters are typed as Hangul.
fn translate_beforeinput(target: NodeRef<Input>, run: SharedRun, event: &web_sys::Event) {
    let read = |field: &str| js_sys::Reflect::get(event, &JsValue::from_str(field)).ok();
    let is_composing = read("isComposing")
        .and_then(|value| value.as_bool())
        .unwrap_or(false);
    let input_type = read("inputType")
        .and_then(|value| value.as_string())
        .unwrap_or_default();
    let data = read("data")
        .and_then(|value| value.as_string())
        .unwrap_or_default();
    if is_composing || input_type != "insertText" || !event.cancelable() || data.is_empty() {
        return;
    }
    let letters: Option<Vec<char>> = data.chars().map(latin_key_to_jamo).collect();
    let Some(letters) = letters else {
        // Mixed text (digits, punctuation, other scripts) is inserted as it is.
        return;
    };
    event.prevent_default();
    for letter in letters {
        type_into_target(target, run, Keystroke::Character(letter));
    }
}
