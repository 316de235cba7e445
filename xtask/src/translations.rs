//! The interface translations as the client fetches them: each `locales/<tag>.ftl` but English
//! (compiled into the wasm by `build.rs`) compiled into core's compact message table,
//! `dist/locales/<tag>.txt`, without the later messages (core's `i18n::is_later_message`),
//! which every language, English included, has in `dist/locales/<tag>.later.txt`, fetched with
//! the code that shows them. The build refuses a translation that does not compile, or that
//! keeps a message English no longer has or uses an argument English's does not, so a broken
//! one never ships; `crates/core/tests/locales.rs` checks the rest (completeness, formatting).

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use baeum_core::i18n::compile::compile_part;
use baeum_core::i18n::{is_later_message, InterfaceLanguage, Messages};

/// Writes `<tag>.txt` into `out` for every interface language but English, replacing whatever
/// `out` held (a Fluent file is never served).
pub fn write_message_tables(root: &Path, out: &Path) -> Result<()> {
    if out.exists() {
        fs::remove_dir_all(out).with_context(|| format!("cannot empty {}", out.display()))?;
    }
    fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let english = message_table(root, InterfaceLanguage::FALLBACK, Part::FirstLoad)?.1;
    let english_later = message_table(root, InterfaceLanguage::FALLBACK, Part::Later)?;
    write_table(out, "en.later.txt", &english_later.0)?;
    for language in InterfaceLanguage::ALL {
        if language == InterfaceLanguage::FALLBACK {
            continue;
        }
        let (table, messages) = message_table(root, language, Part::FirstLoad)?;
        check_against_english(&messages, &english)?;
        write_table(out, &format!("{}.txt", language.tag()), &table)?;
        let (later, later_messages) = message_table(root, language, Part::Later)?;
        check_against_english(&later_messages, &english_later.1)?;
        write_table(out, &format!("{}.later.txt", language.tag()), &later)?;
    }
    Ok(())
}

fn write_table(out: &Path, name: &str, table: &str) -> Result<()> {
    let path = out.join(name);
    fs::write(&path, table).with_context(|| format!("cannot write {}", path.display()))
}

/// Which of a language's two tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Every message but the later ones: what the app starts with.
    FirstLoad,
    /// The later messages alone.
    Later,
}

/// The language's compiled table, and the table read back as the client reads it.
fn message_table(
    root: &Path,
    language: InterfaceLanguage,
    part: Part,
) -> Result<(String, Messages)> {
    let path = root.join("locales").join(format!("{}.ftl", language.tag()));
    let source =
        fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let table = compile_part(&source, |id| is_later_message(id) == (part == Part::Later))
        .with_context(|| format!("cannot compile {}", path.display()))?;
    let messages = Messages::parse(language, &table)
        .with_context(|| format!("{} compiled into an unreadable table", path.display()))?;
    Ok((table, messages))
}

fn check_against_english(messages: &Messages, english: &Messages) -> Result<()> {
    let tag = messages.language().tag();
    for id in messages.ids() {
        let Some(english_arguments) = english.arguments(id) else {
            bail!("locales/{tag}.ftl keeps {id}, which locales/en.ftl no longer has");
        };
        for argument in messages.arguments(id).unwrap_or_default() {
            if !english_arguments.contains(&argument) {
                bail!("locales/{tag}.ftl: {id} uses ${argument}, which the code does not pass");
            }
        }
    }
    Ok(())
}
