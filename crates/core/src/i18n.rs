//! The interface's own words in the learner's language: which languages the interface speaks,
//! how a browser's preferences pick one, and how a message is looked up with Fluent.
//!
//! The translations are Fluent files (`locales/<code>.ftl` at the repository root). English is
//! the source language and the fallback: a message missing from the chosen language is shown in
//! English, and a message missing from English too is a bug that the repository's tests catch
//! (`crates/core/tests/locales.rs`), so a learner never sees a raw message id.
//!
//! Plural categories come from Fluent's CLDR rules (Russian "1 урок, 2 урока, 5 уроков"). Numbers
//! and dates are written by the platform, which already knows every locale, instead of locale
//! data shipped in the wasm: the client hands [`write_numbers_with`] the browser's `Intl`, and
//! formats dates with it. Without a number writer numbers are plain digits.

use std::sync::OnceLock;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// How numbers are written into messages, set once by the platform.
static NUMBER_WRITER: OnceLock<fn(f64) -> Option<String>> = OnceLock::new();

/// Makes every number placed in a message be written by `writer` (the client passes the
/// browser's `Intl.NumberFormat` for the interface language: "12 345" in Russian), or as plain
/// digits where it returns `None`. The first call wins; later ones change nothing.
pub fn write_numbers_with(writer: fn(f64) -> Option<String>) {
    let _ = NUMBER_WRITER.set(writer);
}

/// Fluent's hook before it writes a value: numbers go to the platform's writer, if any.
fn write_number<Memoizer>(value: &FluentValue, _memoizer: &Memoizer) -> Option<String> {
    match value {
        FluentValue::Number(number) => NUMBER_WRITER.get().and_then(|writer| writer(number.value)),
        _ => None,
    }
}

/// A language the interface is translated into. It is not [`crate::content::Language`], the
/// languages of glosses: the interface speaks Korean (glosses for a learner of Korean never
/// do), and glosses have Uzbek, which the interface has no translation for yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InterfaceLanguage {
    Ko,
    En,
    Vi,
    Ru,
    Kk,
    Th,
    Tr,
    Mn,
    Zh,
}

impl InterfaceLanguage {
    /// Every interface language, in the order the language picker lists them.
    pub const ALL: [InterfaceLanguage; 9] = [
        InterfaceLanguage::Ko,
        InterfaceLanguage::En,
        InterfaceLanguage::Vi,
        InterfaceLanguage::Ru,
        InterfaceLanguage::Kk,
        InterfaceLanguage::Th,
        InterfaceLanguage::Tr,
        InterfaceLanguage::Mn,
        InterfaceLanguage::Zh,
    ];

    /// The languages whose translation must hold every message English has. The others are
    /// as complete as their translators got them, and fall back to English message by message.
    pub const COMPLETE: [InterfaceLanguage; 5] = [
        InterfaceLanguage::Ko,
        InterfaceLanguage::En,
        InterfaceLanguage::Vi,
        InterfaceLanguage::Ru,
        InterfaceLanguage::Zh,
    ];

    /// The source language, always available, and the fallback for a missing message.
    pub const FALLBACK: InterfaceLanguage = InterfaceLanguage::En;

    /// The BCP 47 tag, which is also the translation file's name (`locales/<tag>.ftl`).
    pub fn tag(self) -> &'static str {
        match self {
            InterfaceLanguage::Ko => "ko",
            InterfaceLanguage::En => "en",
            InterfaceLanguage::Vi => "vi",
            InterfaceLanguage::Ru => "ru",
            InterfaceLanguage::Kk => "kk",
            InterfaceLanguage::Th => "th",
            InterfaceLanguage::Tr => "tr",
            InterfaceLanguage::Mn => "mn",
            // Simplified Chinese, the script of mainland China where most Chinese-background
            // families in Korea come from.
            InterfaceLanguage::Zh => "zh",
        }
    }

    /// The language's name in itself, as the picker shows it, so a learner finds their own
    /// language whatever the interface is in now.
    pub fn native_name(self) -> &'static str {
        match self {
            InterfaceLanguage::Ko => "한국어",
            InterfaceLanguage::En => "English",
            InterfaceLanguage::Vi => "Tiếng Việt",
            InterfaceLanguage::Ru => "Русский",
            InterfaceLanguage::Kk => "Қазақ тілі",
            InterfaceLanguage::Th => "ไทย",
            InterfaceLanguage::Tr => "Türkçe",
            InterfaceLanguage::Mn => "Монгол",
            InterfaceLanguage::Zh => "中文",
        }
    }

    /// The language of a BCP 47 tag such as `ru`, `ru-KZ` or `mn-Cyrl-MN`, by its primary
    /// subtag, ignoring case. `None` for a language the interface does not speak.
    ///
    /// Every Chinese tag (`zh-CN`, `zh-Hans`, and also `zh-TW`, `zh-Hant`, `zh-HK`) gives the
    /// Simplified Chinese translation: a reader of Traditional characters still reads
    /// Simplified far better than English or Korean, and there is no Traditional one yet.
    pub fn from_tag(tag: &str) -> Option<InterfaceLanguage> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        InterfaceLanguage::ALL
            .into_iter()
            .find(|language| language.tag().eq_ignore_ascii_case(primary))
    }

    /// The first of the browser's preferred languages (`navigator.languages`, most preferred
    /// first) that the interface speaks, or English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> InterfaceLanguage {
        preferred
            .into_iter()
            .find_map(InterfaceLanguage::from_tag)
            .unwrap_or(InterfaceLanguage::FALLBACK)
    }

    fn language_identifier(self) -> LanguageIdentifier {
        // Every tag above is a plain ISO 639-1 code, which always parses.
        self.tag()
            .parse()
            .unwrap_or_else(|_| LanguageIdentifier::default())
    }
}

/// A value given to a message: text, or a number that also chooses the plural form.
#[derive(Debug, Clone, PartialEq)]
pub enum MessageArgument {
    Text(String),
    Number(f64),
}

impl From<&str> for MessageArgument {
    fn from(text: &str) -> Self {
        MessageArgument::Text(text.to_owned())
    }
}

impl From<String> for MessageArgument {
    fn from(text: String) -> Self {
        MessageArgument::Text(text)
    }
}

impl From<&String> for MessageArgument {
    fn from(text: &String) -> Self {
        MessageArgument::Text(text.clone())
    }
}

macro_rules! number_arguments {
    ($($number:ty),*) => {
        $(impl From<$number> for MessageArgument {
            fn from(number: $number) -> Self {
                // Counts shown to learners are far below 2^53, where f64 is exact.
                MessageArgument::Number(number as f64)
            }
        })*
    };
}
number_arguments!(u8, u16, u32, u64, usize, i32, i64, f32, f64);

/// What went wrong reading a translation file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TranslationError {
    #[error("{language} translation has {count} syntax errors, the first: {first}")]
    Syntax {
        language: &'static str,
        count: usize,
        first: String,
    },
    #[error("{language} translation defines {id} twice")]
    DuplicateMessage { language: &'static str, id: String },
}

/// One language's messages.
pub struct Translation {
    language: InterfaceLanguage,
    bundle: FluentBundle<FluentResource>,
}

impl Translation {
    /// Parses a Fluent file. A file with any syntax error is refused whole, so that a damaged
    /// download of a translation falls back to English instead of showing half-parsed text.
    pub fn parse(language: InterfaceLanguage, source: &str) -> Result<Self, TranslationError> {
        let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
            TranslationError::Syntax {
                language: language.tag(),
                count: errors.len(),
                first: errors
                    .first()
                    .map(|error| format!("{error:?}"))
                    .unwrap_or_default(),
            }
        })?;
        let mut bundle = FluentBundle::new(vec![language.language_identifier()]);
        // Unicode isolation marks help only right-to-left scripts, which no interface language
        // uses, and they would end up inside copied text and test assertions.
        bundle.set_use_isolating(false);
        bundle.set_formatter(Some(write_number));
        bundle.add_resource(resource).map_err(|errors| {
            let id = errors
                .first()
                .map(|error| match error {
                    fluent_bundle::FluentError::Overriding { id, .. } => id.clone(),
                    other => other.to_string(),
                })
                .unwrap_or_default();
            TranslationError::DuplicateMessage {
                language: language.tag(),
                id,
            }
        })?;
        Ok(Translation { language, bundle })
    }

    pub fn language(&self) -> InterfaceLanguage {
        self.language
    }

    pub fn has_message(&self, id: &str) -> bool {
        self.bundle
            .get_message(id)
            .is_some_and(|message| message.value().is_some())
    }

    /// The ids of every message with a value, in file order.
    pub fn message_ids(source: &str) -> Vec<String> {
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) if message.value.is_some() => {
                    Some(message.id.name.to_owned())
                }
                _ => None,
            })
            .collect()
    }

    /// The message formatted with its arguments, or `None` when this language lacks it or it
    /// could not be formatted completely (a missing argument, a reference to a missing message).
    pub fn format(&self, id: &str, arguments: &[(&str, MessageArgument)]) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut fluent_arguments = FluentArgs::with_capacity(arguments.len());
        for (name, value) in arguments {
            match value {
                MessageArgument::Text(text) => {
                    fluent_arguments.set(*name, FluentValue::from(text.as_str()))
                }
                MessageArgument::Number(number) => {
                    fluent_arguments.set(*name, FluentValue::from(*number))
                }
            }
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_arguments), &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }
}

/// The chosen language's messages over English's.
pub struct Localizer {
    chosen: Option<Translation>,
    english: Translation,
}

impl Localizer {
    /// `english` must hold the English translation; `chosen` is the learner's language when it is
    /// not English and its file could be read.
    pub fn new(english: Translation, chosen: Option<Translation>) -> Self {
        let chosen = chosen.filter(|translation| translation.language != english.language);
        Localizer { chosen, english }
    }

    /// The language most messages are shown in.
    pub fn language(&self) -> InterfaceLanguage {
        self.chosen
            .as_ref()
            .map_or(self.english.language, Translation::language)
    }

    /// The message in the chosen language, else in English. A message English lacks too comes
    /// back as its id, which the locale tests make sure never ships.
    pub fn message(&self, id: &str, arguments: &[(&str, MessageArgument)]) -> String {
        self.chosen
            .as_ref()
            .and_then(|translation| translation.format(id, arguments))
            .or_else(|| self.english.format(id, arguments))
            .unwrap_or_else(|| id.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH: &str = "\
greeting = Hello, { $name }!
lessons-done = { $count ->
    [one] { $count } lesson done
   *[other] { $count } lessons done
}
only-english = Only in English
";
    const RUSSIAN: &str = "\
greeting = Привет, { $name }!
lessons-done = { $count ->
    [one] { $count } урок пройден
    [few] { $count } урока пройдено
   *[many] { $count } уроков пройдено
}
";

    fn localizer() -> Localizer {
        Localizer::new(
            Translation::parse(InterfaceLanguage::En, ENGLISH).expect("english"),
            Some(Translation::parse(InterfaceLanguage::Ru, RUSSIAN).expect("russian")),
        )
    }

    #[test]
    fn a_browser_preference_picks_the_first_language_the_interface_speaks() {
        assert_eq!(
            InterfaceLanguage::negotiate(["uz-UZ", "ru-KZ", "en"]),
            InterfaceLanguage::Ru
        );
        assert_eq!(
            InterfaceLanguage::negotiate(["MN-cyrl-mn"]),
            InterfaceLanguage::Mn
        );
        for chinese in ["zh", "zh-CN", "zh-Hans", "zh-Hans-CN", "zh-TW", "zh_HK"] {
            assert_eq!(
                InterfaceLanguage::from_tag(chinese),
                Some(InterfaceLanguage::Zh),
                "{chinese}"
            );
        }
        assert_eq!(
            InterfaceLanguage::negotiate(["de", "fr"]),
            InterfaceLanguage::En
        );
        assert_eq!(InterfaceLanguage::negotiate([]), InterfaceLanguage::En);
        assert_eq!(InterfaceLanguage::from_tag("kok"), None);
    }

    #[test]
    fn plurals_follow_each_languages_rules() {
        let localizer = localizer();
        let done = |count: u32| localizer.message("lessons-done", &[("count", count.into())]);
        assert_eq!(done(1), "1 урок пройден");
        assert_eq!(done(3), "3 урока пройдено");
        assert_eq!(done(5), "5 уроков пройдено");
        assert_eq!(done(21), "21 урок пройден");
        let english = Localizer::new(
            Translation::parse(InterfaceLanguage::En, ENGLISH).expect("english"),
            None,
        );
        assert_eq!(
            english.message("lessons-done", &[("count", 1u32.into())]),
            "1 lesson done"
        );
        assert_eq!(
            english.message("lessons-done", &[("count", 2u32.into())]),
            "2 lessons done"
        );
    }

    #[test]
    fn a_missing_message_falls_back_to_english_and_never_to_a_half_formatted_one() {
        let localizer = localizer();
        assert_eq!(localizer.language(), InterfaceLanguage::Ru);
        assert_eq!(
            localizer.message("greeting", &[("name", "Айгерим".into())]),
            "Привет, Айгерим!"
        );
        assert_eq!(localizer.message("only-english", &[]), "Only in English");
        // Without its argument the Russian text would read "Привет, {$name}!"; English is
        // missing it too, so the id comes back, which the locale tests forbid in shipped code.
        assert_eq!(localizer.message("greeting", &[]), "greeting");
    }

    #[test]
    fn a_damaged_translation_is_refused_whole() {
        let truncated = &RUSSIAN[..RUSSIAN.len() - 20];
        assert!(matches!(
            Translation::parse(InterfaceLanguage::Ru, truncated),
            Err(TranslationError::Syntax { .. })
        ));
        assert!(matches!(
            Translation::parse(InterfaceLanguage::Ru, "a = 1\na = 2\n"),
            Err(TranslationError::DuplicateMessage { .. })
        ));
    }

    #[test]
    fn message_ids_are_listed_in_file_order() {
        assert_eq!(
            Translation::message_ids(ENGLISH),
            ["greeting", "lessons-done", "only-english"]
        );
    }
}
