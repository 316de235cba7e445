//! Browser tests of the Korean on-screen keyboard and of Latin-to-Hangul typing: each test
//! mounts a text field and the keyboard into a fresh node of the one shared page, presses keys
//! the way a learner does (clicks, keyboard events) and reads the field.
#![cfg(target_arch = "wasm32")]

use baeum_web::keyboard::{
    key_label, shifted_letter, ComposingRun, FieldState, Keystroke, KoreanKeyboard, LatinToHangul,
    KEYBOARD_SHOWN_STORAGE_KEY, LATIN_TO_HANGUL_STORAGE_KEY,
};
use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

mod browser_support;

use browser_support::{fresh_node, next_tick};

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .expect("localStorage in the test browser")
}

/// A field and a keyboard for it, mounted into a fresh node; the mount stays alive as long as
/// the returned handle.
struct Mounted {
    node: web_sys::HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Mounted {
    /// A keyboard as a learner who never showed the keys sees it: collapsed.
    async fn keyboard(initial_value: &'static str) -> Self {
        local_storage()
            .remove_item(KEYBOARD_SHOWN_STORAGE_KEY)
            .expect("forget whether the keys were shown");
        Self::keyboard_as_left(initial_value).await
    }

    /// A keyboard that starts the way the last one was left.
    async fn keyboard_as_left(initial_value: &'static str) -> Self {
        let node = fresh_node();
        let handle = leptos::mount::mount_to(node.clone(), move || {
            let field = NodeRef::<Input>::new();
            view! {
                <input type="text" data-testid="field" node_ref=field value=initial_value/>
                <KoreanKeyboard target=field/>
            }
        });
        next_tick().await;
        Self {
            node,
            _handle: Box::new(handle),
        }
    }

    async fn latin_only() -> Self {
        let node = fresh_node();
        let handle = leptos::mount::mount_to(node.clone(), move || {
            let field = NodeRef::<Input>::new();
            view! {
                <input type="text" data-testid="field" node_ref=field/>
                <LatinToHangul target=field/>
            }
        });
        next_tick().await;
        Self {
            node,
            _handle: Box::new(handle),
        }
    }

    fn find(&self, test_id: &str) -> Option<web_sys::HtmlElement> {
        self.node
            .query_selector(&format!("[data-testid='{test_id}']"))
            .expect("a valid selector")
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    }

    fn get(&self, test_id: &str) -> web_sys::HtmlElement {
        self.find(test_id)
            .unwrap_or_else(|| panic!("[data-testid={test_id}] is rendered"))
    }

    fn field(&self) -> web_sys::HtmlInputElement {
        self.get("field")
            .dyn_into::<web_sys::HtmlInputElement>()
            .expect("the field is an input")
    }

    async fn click(&self, test_id: &str) {
        self.get(test_id).click();
        next_tick().await;
    }

    async fn press_keys(&self, letters: &str) {
        for letter in letters.chars() {
            self.click(&format!("key-{letter}")).await;
        }
    }

    async fn open(&self) {
        self.click("keyboard-toggle").await;
    }
}

/// Counts the `input` events that reach the node around the field, so a test can tell that
/// the field announced its changes and that the events bubble.
struct InputEventCounter {
    count: std::rc::Rc<std::cell::Cell<u32>>,
    _listener: wasm_bindgen::closure::Closure<dyn Fn()>,
}

impl InputEventCounter {
    fn on(node: &web_sys::HtmlElement) -> Self {
        let count = std::rc::Rc::new(std::cell::Cell::new(0));
        let counted = count.clone();
        let listener =
            wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || counted.set(counted.get() + 1));
        node.add_event_listener_with_callback("input", listener.as_ref().unchecked_ref())
            .expect("listen to input events");
        Self {
            count,
            _listener: listener,
        }
    }

    fn count(&self) -> u32 {
        self.count.get()
    }
}

fn set_property(object: &js_sys::Object, name: &str, value: JsValue) {
    js_sys::Reflect::set(object, &JsValue::from_str(name), &value).expect("set a property");
}

/// Builds a DOM event with the given init dictionary through its JavaScript constructor.
fn construct_event(constructor_name: &str, kind: &str, init: &js_sys::Object) -> web_sys::Event {
    let window = web_sys::window().expect("a window");
    let constructor = js_sys::Reflect::get(&window, &JsValue::from_str(constructor_name))
        .expect("read the constructor")
        .dyn_into::<js_sys::Function>()
        .expect("a constructor function");
    let arguments = js_sys::Array::of2(&JsValue::from_str(kind), init);
    js_sys::Reflect::construct(&constructor, &arguments)
        .expect("construct the event")
        .dyn_into::<web_sys::Event>()
        .expect("an event")
}

/// A keydown as a physical keyboard sends it.
struct KeyPress {
    key: String,
    code: String,
    shift: bool,
    composing: bool,
}

impl KeyPress {
    /// A key that is not a letter, or a letter key in another layout, pressed without Shift.
    fn named(key: &str, code: &str) -> Self {
        Self {
            key: key.to_owned(),
            code: code.to_owned(),
            shift: false,
            composing: false,
        }
    }

    /// A Latin letter key; an uppercase letter is typed with Shift.
    fn letter(letter: char) -> Self {
        Self {
            key: letter.to_string(),
            code: format!("Key{}", letter.to_ascii_uppercase()),
            shift: letter.is_ascii_uppercase(),
            composing: false,
        }
    }

    /// The same key while an input method is composing.
    fn while_composing(self) -> Self {
        Self {
            composing: true,
            ..self
        }
    }

    /// Dispatches the keydown on `target`; answers whether the page let its default action
    /// happen (`false` when a listener called `preventDefault`).
    fn dispatch(&self, target: &web_sys::HtmlInputElement) -> bool {
        let init = js_sys::Object::new();
        set_property(&init, "key", JsValue::from_str(&self.key));
        set_property(&init, "code", JsValue::from_str(&self.code));
        set_property(&init, "shiftKey", JsValue::from_bool(self.shift));
        set_property(&init, "isComposing", JsValue::from_bool(self.composing));
        set_property(&init, "bubbles", JsValue::TRUE);
        set_property(&init, "cancelable", JsValue::TRUE);
        let event = construct_event("KeyboardEvent", "keydown", &init);
        target.dispatch_event(&event).expect("dispatch a keydown")
    }
}

fn type_latin(field: &web_sys::HtmlInputElement, keys: &str) {
    for key in keys.chars() {
        let default_happened = KeyPress::letter(key).dispatch(field);
        assert!(!default_happened, "the Latin key {key} is taken over");
    }
}

#[wasm_bindgen_test]
async fn keyboard_is_collapsed_until_the_toggle_is_pressed() {
    let mounted = Mounted::keyboard("").await;
    let toggle = mounted.get("keyboard-toggle");
    let keys = mounted.get("keyboard-keys");
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(keys.hidden(), "the keys start hidden");
    assert_eq!(
        toggle.get_attribute("aria-controls"),
        keys.get_attribute("id"),
        "the toggle names the panel it opens"
    );
    assert_eq!(toggle.get_attribute("type").as_deref(), Some("button"));

    mounted.open().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!keys.hidden());
    // The phone's own keyboard must not cover the keys while they are shown.
    assert_eq!(
        mounted.field().get_attribute("inputmode").as_deref(),
        Some("none")
    );

    mounted.click("keyboard-hide").await;
    assert!(keys.hidden());
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(mounted.field().get_attribute("inputmode"), None);
}

#[wasm_bindgen_test]
async fn shown_keys_stay_shown_for_the_next_answer() {
    let first_answer = Mounted::keyboard("").await;
    first_answer.open().await;
    let next_answer = Mounted::keyboard_as_left("").await;
    assert!(
        !next_answer.get("keyboard-keys").hidden(),
        "the next typed answer starts with the keys shown"
    );
    assert_eq!(
        next_answer
            .get("keyboard-toggle")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    next_answer.click("keyboard-hide").await;
    let third_answer = Mounted::keyboard_as_left("").await;
    assert!(
        third_answer.get("keyboard-keys").hidden(),
        "hidden keys stay hidden"
    );
    local_storage()
        .remove_item(KEYBOARD_SHOWN_STORAGE_KEY)
        .expect("forget whether the keys were shown");
}

#[wasm_bindgen_test]
async fn every_key_is_a_labelled_button() {
    let mounted = Mounted::keyboard("").await;
    mounted.open().await;
    let rows = [
        "ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ",
        "ㅁㄴㅇㄹㅎㅗㅓㅏㅣ",
        "ㅋㅌㅊㅍㅠㅜㅡ",
    ];
    for letter in rows.concat().chars() {
        let key = mounted.get(&format!("key-{letter}"));
        assert_eq!(key.tag_name(), "BUTTON", "{letter}");
        assert_eq!(
            key.get_attribute("type").as_deref(),
            Some("button"),
            "{letter}"
        );
        assert_eq!(key.get_attribute("lang").as_deref(), Some("ko"), "{letter}");
        let label = key.get_attribute("aria-label").unwrap_or_default();
        assert_eq!(label, key_label(letter), "{letter}");
        assert!(
            label.starts_with(letter),
            "the label begins with the visible letter"
        );
        assert!(
            label.chars().count() > 2,
            "{letter} has a spoken name: {label}"
        );
    }
    for test_id in ["key-shift", "key-backspace", "key-space", "keyboard-hide"] {
        let key = mounted.get(test_id);
        assert_eq!(key.tag_name(), "BUTTON", "{test_id}");
        assert!(key.get_attribute("aria-label").is_some(), "{test_id}");
    }
    assert_eq!(key_label('ㄱ'), "ㄱ giyeok");
    assert_eq!(
        key_label('ㅢ'),
        "ㅢ",
        "a letter without a key of its own has no name here"
    );
}

#[wasm_bindgen_test]
async fn keys_compose_a_syllable_and_backspace_takes_one_letter() {
    let mounted = Mounted::keyboard("").await;
    let input_events = InputEventCounter::on(&mounted.node);
    mounted.open().await;

    mounted.press_keys("ㅎ").await;
    assert_eq!(mounted.field().value(), "ㅎ");
    mounted.press_keys("ㅏ").await;
    assert_eq!(mounted.field().value(), "하");
    mounted.press_keys("ㄴ").await;
    assert_eq!(mounted.field().value(), "한");
    assert_eq!(input_events.count(), 3, "each key announces an input event");

    mounted.click("key-backspace").await;
    assert_eq!(mounted.field().value(), "하");
    mounted.click("key-backspace").await;
    assert_eq!(mounted.field().value(), "ㅎ");
    mounted.press_keys("ㅗ").await;
    assert_eq!(
        mounted.field().value(),
        "호",
        "typing goes on in the reopened syllable"
    );
    assert_eq!(input_events.count(), 6);
}

#[wasm_bindgen_test]
async fn a_final_consonant_moves_to_the_next_syllable() {
    let mounted = Mounted::keyboard("").await;
    mounted.open().await;
    mounted.press_keys("ㄱㅏㄴ").await;
    assert_eq!(mounted.field().value(), "간");
    mounted.press_keys("ㅏ").await;
    assert_eq!(mounted.field().value(), "가나");
    mounted.click("key-space").await;
    mounted.press_keys("ㄷㅏㄹㄱ").await;
    assert_eq!(mounted.field().value(), "가나 닭");
}

#[wasm_bindgen_test]
async fn shift_types_one_tense_consonant() {
    let mounted = Mounted::keyboard("").await;
    mounted.open().await;
    mounted.click("key-shift").await;
    assert_eq!(
        mounted
            .get("key-shift")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert!(mounted.find("key-ㄱ").is_none(), "the ㄱ key shows ㄲ now");
    assert_eq!(mounted.get("key-ㄲ").text_content().as_deref(), Some("ㄲ"));
    assert_eq!(mounted.get("key-ㅖ").text_content().as_deref(), Some("ㅖ"));
    // Keys without a shifted letter keep theirs.
    assert!(mounted.find("key-ㅁ").is_some());

    mounted.click("key-ㄲ").await;
    assert_eq!(mounted.field().value(), "ㄲ");
    assert_eq!(
        mounted
            .get("key-shift")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("false"),
        "shift lasts for one letter"
    );
    mounted.press_keys("ㅏㄱ").await;
    assert_eq!(mounted.field().value(), "깍");
    assert_eq!(shifted_letter('ㄱ'), 'ㄲ');
    assert_eq!(shifted_letter('ㅁ'), 'ㅁ');
}

#[wasm_bindgen_test]
async fn text_before_the_caret_stays_as_it_was() {
    let mounted = Mounted::keyboard("안녕 ").await;
    mounted.open().await;
    let field = mounted.field();
    assert_eq!(field.value(), "안녕 ");
    field
        .set_selection_range(3, 3)
        .expect("place the caret at the end");
    mounted.press_keys("ㅎㅏ").await;
    assert_eq!(field.value(), "안녕 하");

    // The learner moves the caret into the middle: the next key starts a new syllable there and
    // the text on both sides is kept.
    field
        .set_selection_range(1, 1)
        .expect("place the caret after 안");
    mounted.press_keys("ㄱ").await;
    assert_eq!(field.value(), "안ㄱ녕 하");
    assert_eq!(field.selection_start().ok().flatten(), Some(2));
    mounted.press_keys("ㅣ").await;
    assert_eq!(field.value(), "안기녕 하");

    // Backspace over text typed some other way takes it apart one letter at a time too.
    field.set_value("한");
    field.set_selection_range(1, 1).expect("caret at the end");
    mounted.click("key-backspace").await;
    assert_eq!(field.value(), "하");

    // A selection is replaced by the key, and backspace over a selection only removes it.
    field.set_value("가나다");
    field.set_selection_range(1, 2).expect("select 나");
    mounted.press_keys("ㅁ").await;
    assert_eq!(field.value(), "가ㅁ다");
    field.set_selection_range(0, 3).expect("select everything");
    mounted.click("key-backspace").await;
    assert_eq!(field.value(), "");
    mounted.click("key-backspace").await;
    assert_eq!(
        field.value(),
        "",
        "backspace in an empty field does nothing"
    );
}

#[wasm_bindgen_test]
async fn a_read_only_field_is_not_typed_into() {
    let mounted = Mounted::keyboard("나").await;
    mounted.open().await;
    let input_events = InputEventCounter::on(&mounted.node);
    mounted.field().set_read_only(true);
    mounted.press_keys("ㄱ").await;
    mounted.click("key-backspace").await;
    assert_eq!(mounted.field().value(), "나");
    assert_eq!(input_events.count(), 0);
}

#[wasm_bindgen_test]
async fn latin_keys_type_hangul_once_switched_on_and_the_choice_is_remembered() {
    local_storage()
        .remove_item(LATIN_TO_HANGUL_STORAGE_KEY)
        .expect("clear the setting");
    let mounted = Mounted::keyboard("").await;
    let field = mounted.field();
    let switch = mounted
        .get("latin-to-hangul")
        .dyn_into::<web_sys::HtmlInputElement>()
        .expect("the switch is a checkbox");
    assert!(!switch.checked(), "off by default");
    assert!(
        KeyPress::letter('g').dispatch(&field),
        "while off, Latin keys are left to the browser"
    );
    assert_eq!(field.value(), "");

    switch.click();
    next_tick().await;
    assert!(switch.checked());
    assert_eq!(
        local_storage()
            .get_item(LATIN_TO_HANGUL_STORAGE_KEY)
            .ok()
            .flatten()
            .as_deref(),
        Some("on")
    );

    type_latin(&field, "gks");
    assert_eq!(field.value(), "한");
    let backspace = KeyPress::named("Backspace", "Backspace");
    assert!(
        !backspace.dispatch(&field),
        "backspace inside the syllable is taken over"
    );
    assert_eq!(field.value(), "하");
    type_latin(&field, "s");
    assert_eq!(field.value(), "한");

    // The keys' positions count, not the layout's letters: a Russian layout types 한 too.
    field.set_value("");
    for (key, code) in [("п", "KeyG"), ("л", "KeyK"), ("ы", "KeyS")] {
        assert!(!KeyPress::named(key, code).dispatch(&field));
    }
    assert_eq!(field.value(), "한");

    // A second keyboard, as in the next lesson, starts switched on.
    let next_lesson = Mounted::keyboard("").await;
    let remembered = next_lesson
        .get("latin-to-hangul")
        .dyn_into::<web_sys::HtmlInputElement>()
        .expect("a checkbox");
    assert!(remembered.checked());
    remembered.click();
    next_tick().await;
    assert_eq!(
        local_storage()
            .get_item(LATIN_TO_HANGUL_STORAGE_KEY)
            .ok()
            .flatten()
            .as_deref(),
        Some("off")
    );
    local_storage()
        .remove_item(LATIN_TO_HANGUL_STORAGE_KEY)
        .expect("clear the setting");
}

#[wasm_bindgen_test]
async fn latin_typing_never_touches_an_input_method_composition() {
    local_storage()
        .set_item(LATIN_TO_HANGUL_STORAGE_KEY, "on")
        .expect("switch the setting on");
    let mounted = Mounted::latin_only().await;
    local_storage()
        .remove_item(LATIN_TO_HANGUL_STORAGE_KEY)
        .expect("clear the setting");
    let field = mounted.field();

    type_latin(&field, "dkssud");
    assert_eq!(field.value(), "안녕");

    let composing = KeyPress::letter('k').while_composing();
    assert!(
        composing.dispatch(&field),
        "a composing key belongs to the IME"
    );
    let input_method_key = KeyPress::named("Process", "KeyK");
    assert!(input_method_key.dispatch(&field));
    assert_eq!(field.value(), "안녕");

    // Shortcuts and keys that are not letters keep their meaning.
    assert!(KeyPress::named("Enter", "Enter").dispatch(&field));
    assert!(KeyPress::named("1", "Digit1").dispatch(&field));
    assert_eq!(field.value(), "안녕");

    // Shift comes from the event, not the letter's case, so Caps Lock does not make ㄲ.
    field.set_value("");
    let caps_lock_r = KeyPress::named("R", "KeyR");
    assert!(!caps_lock_r.dispatch(&field));
    type_latin(&field, "k");
    assert_eq!(field.value(), "가");
    type_latin(&field, "Rk");
    assert_eq!(field.value(), "가까");
}

#[wasm_bindgen_test]
async fn inserted_latin_text_is_typed_as_hangul() {
    local_storage()
        .set_item(LATIN_TO_HANGUL_STORAGE_KEY, "on")
        .expect("switch the setting on");
    let mounted = Mounted::latin_only().await;
    local_storage()
        .remove_item(LATIN_TO_HANGUL_STORAGE_KEY)
        .expect("clear the setting");
    let field = mounted.field();
    let before_input = |data: &str, composing: bool| {
        let init = js_sys::Object::new();
        set_property(&init, "inputType", JsValue::from_str("insertText"));
        set_property(&init, "data", JsValue::from_str(data));
        set_property(&init, "isComposing", JsValue::from_bool(composing));
        set_property(&init, "bubbles", JsValue::TRUE);
        set_property(&init, "cancelable", JsValue::TRUE);
        let event = construct_event("InputEvent", "beforeinput", &init);
        field.dispatch_event(&event).expect("dispatch beforeinput")
    };
    assert!(!before_input("g", false));
    assert!(!before_input("ks", false));
    assert_eq!(field.value(), "한");
    assert!(before_input("k", true), "a composition is left to the IME");
    assert!(before_input("1", false), "digits are inserted as they are");
    assert_eq!(field.value(), "한");
}

#[wasm_bindgen_test]
async fn on_screen_keys_and_latin_keys_share_one_syllable() {
    local_storage()
        .set_item(LATIN_TO_HANGUL_STORAGE_KEY, "on")
        .expect("switch the setting on");
    let mounted = Mounted::keyboard("").await;
    local_storage()
        .remove_item(LATIN_TO_HANGUL_STORAGE_KEY)
        .expect("clear the setting");
    mounted.open().await;
    mounted.press_keys("ㅎ").await;
    type_latin(&mounted.field(), "k");
    mounted.press_keys("ㄴ").await;
    assert_eq!(mounted.field().value(), "한");
}

#[wasm_bindgen_test]
fn composing_run_counts_the_caret_in_utf16_units() {
    // An emoji is two UTF-16 units: the caret after it is at 2, and the run must split there.
    let mut run = ComposingRun::new();
    let field = FieldState::with_caret_at_end("😀");
    let edit = run
        .apply(&field, Keystroke::Character('ㄱ'))
        .expect("a letter changes the field");
    assert_eq!(edit.value, "😀ㄱ");
    assert_eq!(edit.caret, 3);
    let typed = FieldState {
        value: edit.value.clone(),
        selection_start: edit.caret,
        selection_end: edit.caret,
    };
    assert!(run.is_live(&typed));
    assert_eq!(run.composing_in(&typed), Some('ㄱ'));
    let edit = run
        .apply(&typed, Keystroke::Character('ㅏ'))
        .expect("a vowel changes the field");
    assert_eq!(edit.value, "😀가");

    // Once the field changed some other way, the run starts over and composes nothing old.
    let changed = FieldState::with_caret_at_end("😀가!");
    assert!(!run.is_live(&changed));
    assert_eq!(run.composing_in(&changed), None);
    let edit = run
        .apply(&changed, Keystroke::Character('ㄴ'))
        .expect("a letter changes the field");
    assert_eq!(edit.value, "😀가!ㄴ");

    run.end();
    let after_end = FieldState {
        value: edit.value.clone(),
        selection_start: edit.caret,
        selection_end: edit.caret,
    };
    assert!(!run.is_live(&after_end), "an ended run does not continue");
    let edit = run
        .apply(&after_end, Keystroke::Character('ㅏ'))
        .expect("a vowel changes the field");
    assert_eq!(
        edit.value, "😀가!ㄴㅏ",
        "the letter before an ended run is left alone"
    );
}
