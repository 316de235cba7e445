//! The interface in the learner's language: which language is in use, loading its translation,
//! and [`t!`](crate::t), which every piece of interface text goes through.
//!
//! Translators write Fluent (`locales/<tag>.ftl`); the build compiles each file into core's
//! compact message table (`baeum_core::i18n::messages`), so no Fluent parser or runtime is in
//! the wasm. English is compiled into the wasm (`build.rs`), so the app always has every
//! message. Any other language is its table (`/locales/<tag>.txt`, written by xtask's build)
//! fetched when it is first chosen and kept in `localStorage`, so that later starts, online or
//! offline, have it at once without a round trip; a fresh copy is fetched in the background for
//! the next start. Only the language in use is ever downloaded (issue 9: other languages stay
//! out of the first load). Plurals and numbers come from the browser's `Intl` ([`BrowserIntl`]).
//!
//! Text is not reactive to the language: choosing another language stores it and reloads the
//! page. Languages change rarely, and this keeps every `t!` a plain function call instead of a
//! closure in every view.

use std::cell::RefCell;
use std::rc::Rc;

use baeum_core::i18n::{
    InterfaceLanguage, Localizer, MessageArgument, Messages, NumberRules, PluralCategory,
};

use crate::browser::window;

/// The English messages, the source every other translation follows: `locales/en.ftl` compiled
/// by `build.rs` into core's message table.
pub const ENGLISH_MESSAGES: &str = include_str!(concat!(env!("OUT_DIR"), "/en.txt"));

/// `localStorage` key of the chosen interface language.
const LANGUAGE_KEY: &str = "baeum.interface-language";
/// `localStorage` key prefix of a stored message table, followed by the language's tag.
const MESSAGES_KEY_PREFIX: &str = "baeum.interface-messages.";
/// The key prefix under which Fluent text was stored before the compact form: removed on
/// sight, as nothing reads it any more.
const OLD_FLUENT_KEY_PREFIX: &str = "baeum.interface-text.";

thread_local! {
    static LOCALIZER: RefCell<Option<Rc<Localizer<BrowserIntl>>>> = const { RefCell::new(None) };
}

/// The English messages compiled into the wasm.
fn english_messages() -> Messages {
    // The table is made by the build from a file `crates/core/tests/locales.rs` checks; were it
    // ever broken the app would still start, with message ids instead of text, rather than not
    // at all.
    Messages::parse(InterfaceLanguage::En, ENGLISH_MESSAGES).unwrap_or_else(|error| {
        web_sys::console::error_1(&format!("baeum: English messages: {error}").into());
        Messages::empty(InterfaceLanguage::En)
    })
}

fn localizer() -> Rc<Localizer<BrowserIntl>> {
    LOCALIZER.with(|cell| {
        cell.borrow_mut()
            .get_or_insert_with(|| {
                Rc::new(Localizer::new(
                    english_messages(),
                    None,
                    BrowserIntl::default(),
                ))
            })
            .clone()
    })
}

/// The message `id` in the interface language, else in English.
pub fn tr(id: &str) -> String {
    localizer().message(id, &[])
}

/// The message `id` with its arguments (`$name` in the Fluent file).
pub fn tr_with(id: &str, arguments: &[(&str, MessageArgument)]) -> String {
    localizer().message(id, arguments)
}

/// Interface text: `t!("nav-courses")`, or with arguments `t!("home-reviews-due", count = due)`.
/// A number argument also picks the plural form.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::tr($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_with(
            $id,
            &[$((stringify!($name), ::baeum_core::i18n::MessageArgument::from($value))),+],
        )
    };
}

/// Stands for an argument that the page shows as an element of its own (a bold name, a link)
/// while its message is formatted: `t!("account-signed-in-as", username = ELEMENT_MARKER)`,
/// then [`split_at_element`]. A private-use character, never in a message or a name.
pub const ELEMENT_MARKER: &str = "\u{E000}";

/// The text before and after [`ELEMENT_MARKER`] in a formatted message, so the element goes
/// wherever the translation puts it; all of the text before it if a translation left it out.
pub fn split_at_element(message: &str) -> (String, String) {
    match message.split_once(ELEMENT_MARKER) {
        Some((before, after)) => (before.to_owned(), after.to_owned()),
        None => (message.to_owned(), String::new()),
    }
}

/// Adds the later messages (core's `i18n::is_later_message`: the check-in, the help page, the
/// teacher's view of shared check-ins) to the interface: English's and the interface
/// language's tables, from `localStorage` when kept there (a newer copy is fetched for next
/// time) or else from the server, then kept. Called by the code that shows them, which lives in
/// chunks, so the first load carries neither the tables nor this. Returns whether the English
/// table is in (without it, such a message shows its id).
pub async fn load_later_messages() -> bool {
    if localizer().has_later() {
        return true;
    }
    let language = interface_language();
    let Some(english) = later_table(InterfaceLanguage::FALLBACK).await else {
        return false;
    };
    let chosen = if language == InterfaceLanguage::FALLBACK {
        None
    } else {
        later_table(language).await
    };
    LOCALIZER.with(|cell| {
        let mut slot = cell.borrow_mut();
        let current = slot.take().unwrap_or_else(|| {
            Rc::new(Localizer::new(
                english_messages(),
                None,
                BrowserIntl::default(),
            ))
        });
        // Nothing keeps the localizer between two messages, so it is ours to change here.
        match Rc::try_unwrap(current) {
            Ok(mut localizer) => {
                localizer.add_later(english, chosen);
                *slot = Some(Rc::new(localizer));
            }
            Err(shared) => *slot = Some(shared),
        }
    });
    localizer().has_later()
}

/// One language's later table: the kept copy at once (a fresh one kept for next time), else
/// the server's.
async fn later_table(language: InterfaceLanguage) -> Option<Messages> {
    let key = format!("{MESSAGES_KEY_PREFIX}{}.later", language.tag());
    let url = format!("/locales/{}.later.txt", language.tag());
    let stored = local_storage().and_then(|storage| storage.get_item(&key).ok().flatten());
    if let Some(messages) = stored
        .as_deref()
        .and_then(|text| Messages::parse(language, text).ok())
    {
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(fresh) = fetch_table_text(&url).await {
                if stored.as_deref() != Some(fresh.as_str())
                    && Messages::parse(language, &fresh).is_ok()
                {
                    store_translation_text(&key, &fresh);
                }
            }
        });
        return Some(messages);
    }
    let text = fetch_table_text(&url).await?;
    let messages = Messages::parse(language, &text).ok()?;
    store_translation_text(&key, &text);
    Some(messages)
}

/// The language the interface is shown in now.
pub fn interface_language() -> InterfaceLanguage {
    localizer().language()
}

/// The BCP 47 tag for `Intl` formatting (dates, numbers) in the interface language.
pub fn locale_tag() -> &'static str {
    interface_language().tag()
}

fn local_storage() -> Option<web_sys::Storage> {
    window().and_then(|window| window.local_storage().ok().flatten())
}

/// The language chosen on this device, or else the first of the browser's languages the
/// interface speaks, or else English.
pub fn preferred_language() -> InterfaceLanguage {
    let stored = local_storage()
        .and_then(|storage| storage.get_item(LANGUAGE_KEY).ok().flatten())
        .and_then(|tag| InterfaceLanguage::from_tag(&tag));
    if let Some(language) = stored {
        return language;
    }
    let browser_languages: Vec<String> = window()
        .map(|window| window.navigator().languages().to_vec())
        .unwrap_or_default()
        .iter()
        .filter_map(|value| value.as_string())
        .collect();
    InterfaceLanguage::negotiate(browser_languages.iter().map(String::as_str))
}

/// Remembers the learner's choice and restarts the app in it. Progress is in IndexedDB and the
/// outbox is durable, so the reload loses nothing; a download in progress resumes from the
/// files it already stored when the course page is opened again.
pub fn choose_interface_language(language: InterfaceLanguage) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LANGUAGE_KEY, language.tag());
    }
    crate::browser::reload_page();
}

/// Installs the preferred language's translation, before the app mounts. Never fails: without
/// a usable translation the interface is in English.
pub async fn load_interface_language() {
    let language = preferred_language();
    set_document_language(InterfaceLanguage::FALLBACK);
    forget_fluent_copies();
    if language == InterfaceLanguage::FALLBACK {
        return;
    }
    let stored_key = format!("{MESSAGES_KEY_PREFIX}{}", language.tag());
    let stored_text =
        local_storage().and_then(|storage| storage.get_item(&stored_key).ok().flatten());
    let stored_translation = stored_text
        .as_deref()
        .and_then(|text| Messages::parse(language, text).ok());
    let translation = match stored_translation {
        Some(translation) => {
            // Start at once with the stored copy; a newer one is kept for the next start.
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(fresh) = fetch_translation_text(language).await {
                    if stored_text.as_deref() != Some(fresh.as_str())
                        && Messages::parse(language, &fresh).is_ok()
                    {
                        store_translation_text(&stored_key, &fresh);
                    }
                }
            });
            Some(translation)
        }
        None => match fetch_translation_text(language).await {
            Some(text) => match Messages::parse(language, &text) {
                Ok(translation) => {
                    store_translation_text(&stored_key, &text);
                    Some(translation)
                }
                Err(error) => {
                    let tag = language.tag();
                    web_sys::console::warn_1(&format!("baeum: {tag} messages: {error}").into());
                    None
                }
            },
            None => None,
        },
    };
    let Some(translation) = translation else {
        return;
    };
    let localizer = Localizer::new(
        english_messages(),
        Some(translation),
        BrowserIntl::default(),
    );
    set_document_language(localizer.language());
    LOCALIZER.with(|cell| *cell.borrow_mut() = Some(Rc::new(localizer)));
}

/// Removes the Fluent text earlier versions stored for each language: only its compiled
/// table is read now, and localStorage is small.
fn forget_fluent_copies() {
    if let Some(storage) = local_storage() {
        for language in InterfaceLanguage::ALL {
            let _ = storage.remove_item(&format!("{OLD_FLUENT_KEY_PREFIX}{}", language.tag()));
        }
    }
}

fn store_translation_text(key: &str, text: &str) {
    // A full localStorage only means the next start fetches the file again.
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, text);
    }
}

/// `<html lang>` names the interface language, so screen readers read the interface in it
/// (Korean words inside carry their own `lang="ko"`).
fn set_document_language(language: InterfaceLanguage) {
    if let Some(root) = window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("lang", language.tag());
    }
}

/// The language's message table from the server, or `None` offline, on an error status, or when the
/// answer is the app's HTML (the server answers unknown paths with `index.html`).
async fn fetch_translation_text(language: InterfaceLanguage) -> Option<String> {
    fetch_table_text(&format!("/locales/{}.txt", language.tag())).await
}

/// A message table from the server at `url`, as [`fetch_translation_text`] says.
async fn fetch_table_text(url: &str) -> Option<String> {
    let response = crate::http::Request::get(url).send().await.ok()?;
    let content_type = response.header("content-type").unwrap_or_default();
    if !response.ok() || content_type.contains("html") {
        return None;
    }
    response.text().await.ok()
}

/// A date and time in the interface language and the reader's time zone, for example
/// "1 Dec 2026, 17:00" or "2026. 12. 1. 오후 5:00".
pub fn format_date_time(ms_since_epoch: f64) -> String {
    format_with_styles(ms_since_epoch, "medium", Some("short"))
}

/// A time as `Intl` writes it in the interface language, with a date style and, if given, a
/// time style (`"full"`, `"medium"`, `"short"`).
fn format_with_styles(ms_since_epoch: f64, date_style: &str, time_style: Option<&str>) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms_since_epoch));
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &date_style.into());
    if let Some(style) = time_style {
        let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &style.into());
    }
    String::from(date.to_locale_string(locale_tag(), &options))
}

/// A calendar day (the learner's own local day) in the interface language with its weekday:
/// "Monday, 23 November 2026", "2026년 11월 23일 월요일".
pub fn format_calendar_day(year: i32, month: u32, day: u32) -> String {
    // Local midnight of that day, so no time zone moves it to the day before or after.
    let date = js_sys::Date::new_with_year_month_day(year as u32, month as i32 - 1, day as i32);
    format_with_styles(date.get_time(), "full", None)
}

/// A byte size as people read it (`baeum_core::units::format_bytes`), with the interface
/// language's decimal separator: "2.4 MB" in English, "2,4 MB" in Russian or Vietnamese. The
/// unit symbols are the international ones every language here writes in Latin letters too.
pub fn format_bytes(bytes: u64) -> String {
    baeum_core::units::format_bytes_with_decimal_separator(bytes, decimal_separator())
}

/// The interface language's decimal separator, as `Intl` writes 1.5.
fn decimal_separator() -> char {
    let localizer = localizer();
    localizer
        .rules()
        .write_number(localizer.language(), 1.5)
        .chars()
        .nth(1)
        .unwrap_or('.')
}

/// The browser's `Intl` as core's [`NumberRules`]: `Intl.PluralRules` picks plural forms and
/// `Intl.NumberFormat` writes numbers ("12,345", "12 345", "12.345"), each made once per
/// language, as building one costs far more than using one.
#[derive(Default)]
pub struct BrowserIntl {
    plural_rules: RefCell<Vec<(InterfaceLanguage, js_sys::Intl::PluralRules)>>,
    number_formats: RefCell<Vec<(InterfaceLanguage, js_sys::Intl::NumberFormat)>>,
}

/// The value made for `language` in `cache`, made with `make` (given the locale list) the
/// first time.
fn cached<T: Clone>(
    cache: &RefCell<Vec<(InterfaceLanguage, T)>>,
    language: InterfaceLanguage,
    make: impl FnOnce(&js_sys::Array, &js_sys::Object) -> T,
) -> T {
    let mut cache = cache.borrow_mut();
    if let Some((_, value)) = cache.iter().find(|(cached, _)| *cached == language) {
        return value.clone();
    }
    let value = make(
        &js_sys::Array::of1(&language.tag().into()),
        &js_sys::Object::new(),
    );
    cache.push((language, value.clone()));
    value
}

impl NumberRules for BrowserIntl {
    fn plural_category(&self, language: InterfaceLanguage, number: f64) -> PluralCategory {
        let rules = cached(&self.plural_rules, language, js_sys::Intl::PluralRules::new);
        PluralCategory::from_name(&String::from(rules.select(number)))
            .unwrap_or(PluralCategory::Other)
    }

    fn write_number(&self, language: InterfaceLanguage, number: f64) -> String {
        let format = cached(
            &self.number_formats,
            language,
            js_sys::Intl::NumberFormat::new,
        );
        format
            .format()
            .call1(&format, &number.into())
            .ok()
            .and_then(|written| written.as_string())
            // Every browser baeum runs in has Intl; digits are still readable without it.
            .unwrap_or_else(|| number.to_string())
    }
}
