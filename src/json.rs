//! JSON in the client through the browser's own parser and writer (`JSON.parse`,
//! `JSON.stringify`), with `serde-wasm-bindgen` between the JS values and Rust types.
//!
//! serde_json's parser, writer and number formatting cost the learners' first load about
//! 25 KB of wasm, while the browser already holds a JSON parser and `serde-wasm-bindgen` is in
//! the main wasm anyway (IndexedDB records go through it). Everything the main module reads or
//! writes as JSON text goes through [`read`] and [`write`]. Core's own readers (the server's,
//! the sync engine's chunk) keep serde_json; where a core reader checks more than the JSON's
//! shape (the content packs), the client reads with [`read_value`] and hands the result to the
//! same check in core.
//!
//! What differs from serde_json: the browser keeps the last of two equal keys where serde_json
//! refuses a struct's duplicate field, and numbers are JS numbers, so an integer past 2^53 is
//! refused when read into an integer type rather than read exactly. Nothing the app reads
//! relies on either.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::storage::describe_js_error;

/// Why a JSON text could not be read or a value written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JsonError {
    /// The text is not JSON (the browser's `SyntaxError`).
    #[error("not JSON: {0}")]
    Syntax(String),
    /// The text ends before its JSON does: the browser's "end of JSON input".
    #[error("the JSON ends early: {0}")]
    EndsEarly(String),
    /// The text is JSON, but not of the type asked for (a missing field, a wrong type).
    #[error("unexpected JSON: {0}")]
    Shape(String),
    /// The value could not be written as JSON.
    #[error("cannot write JSON: {0}")]
    Write(String),
}

/// Parses `text` with the browser's `JSON.parse` into a JS value.
pub fn read_value(text: &str) -> Result<JsValue, JsonError> {
    js_sys::JSON::parse(text).map_err(|error| {
        let message = describe_js_error(&error);
        if ends_early(text, &message) {
            JsonError::EndsEarly(message)
        } else {
            JsonError::Syntax(message)
        }
    })
}

/// Whether `JSON.parse`'s `message` says the text stopped before its JSON did: an interrupted
/// transfer rather than a broken file. The engines say it in words ("Unexpected end of JSON
/// input", "Unterminated string", Firefox's "end of data") or, for V8, by failing "at
/// position N" where N is the text's length in UTF-16 units.
fn ends_early(text: &str, message: &str) -> bool {
    // ASCII only: `to_lowercase` would bring Unicode's case tables into the wasm (about 7 KB
    // gzip: the teachers' app grew by that much with it) for messages in English anyway.
    let lower = message.to_ascii_lowercase();
    if lower.contains("end of json input")
        || lower.contains("end of data")
        || lower.contains("unterminated")
    {
        return true;
    }
    let length = text.encode_utf16().count();
    lower
        .split("at position ")
        .nth(1)
        .and_then(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<usize>().ok()
        })
        .is_some_and(|position| position >= length)
}

/// Turns a JS value already parsed (by [`read_value`]) into `T`.
pub fn from_value<T: DeserializeOwned>(value: JsValue) -> Result<T, JsonError> {
    serde_wasm_bindgen::from_value(value).map_err(|error| JsonError::Shape(error.to_string()))
}

/// Reads `text` as JSON of type `T`.
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    from_value(read_value(text)?)
}

/// Writes `value` as JSON text: maps as JSON objects (serde-wasm-bindgen's JSON-compatible
/// mode, since its default makes JS `Map`s, which `JSON.stringify` writes as `{}`).
pub fn write<T: Serialize + ?Sized>(value: &T) -> Result<String, JsonError> {
    let js = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsonError::Write(error.to_string()))?;
    let text = js_sys::JSON::stringify(&js)
        .map_err(|error| JsonError::Write(describe_js_error(&error)))?;
    text.as_string()
        .ok_or_else(|| JsonError::Write("JSON.stringify gave no text".to_owned()))
}
