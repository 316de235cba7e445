//! The interface's own words in the learner's language: which languages the interface speaks,
//! how a browser's preferences pick one, and how a message is formatted, with English behind
//! the chosen language.
//!
//! Translators write Fluent files (`locales/<tag>.ftl` at the repository root). The build
//! compiles them ([`compile`], behind the `fluent-compile` feature, the only place the Fluent
//! parser is used) into a compact message table ([`messages`]), which is what the client
//! carries for English and fetches for any other language: no Fluent parser or runtime runs in
//! the browser. English is the source language and the fallback: a message missing from the
//! chosen language is shown in English, and a message missing from English too is a bug that
//! the repository's tests catch (`crates/core/tests/locales.rs`), so a learner never sees a raw
//! message id.
//!
//! Plural categories and the writing of numbers come from the platform through
//! [`NumberRules`] (the client hands it the browser's `Intl.PluralRules` and
//! `Intl.NumberFormat`), so no locale data is shipped in the wasm and this crate stays
//! platform-free.

#[cfg(feature = "fluent-compile")]
pub mod compile;
pub mod messages;

pub use messages::{Messages, MessagesError};

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

    /// The BCP 47 tag, which is also the translation's file name
    /// (`locales/<tag>.ftl`, served compiled as `/locales/<tag>.txt`).
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
        // Every interface language is a language courses are written in.
        crate::content::Language::from_code(self.tag())
            .map_or("", crate::content::Language::native_name)
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

/// A CLDR plural category ("1 урок, 2 урока, 5 уроков": one, few, many).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    /// The category a Fluent variant key names (`[one]`), or `None` for any other name, which
    /// then matches only a text argument equal to it.
    pub fn from_name(name: &str) -> Option<PluralCategory> {
        Some(match name {
            "zero" => PluralCategory::Zero,
            "one" => PluralCategory::One,
            "two" => PluralCategory::Two,
            "few" => PluralCategory::Few,
            "many" => PluralCategory::Many,
            "other" => PluralCategory::Other,
            _ => return None,
        })
    }
}

/// What a platform knows about numbers in each language: the plural category of a number and
/// how it is written ("12 345" in Russian). The client answers with the browser's `Intl`; tests
/// answer with CLDR data natively.
pub trait NumberRules {
    /// The cardinal plural category of `number` in `language`.
    fn plural_category(&self, language: InterfaceLanguage, number: f64) -> PluralCategory;
    /// `number` as `language` writes it.
    fn write_number(&self, language: InterfaceLanguage, number: f64) -> String;
}

/// The messages no first screen shows: those of the wellbeing check-in, the help page and the
/// teacher's view of shared check-ins (`src/wellbeing.rs`, `src/teaching/wellbeing.rs`), and
/// the teachers' panels of joint classes and the site's page (`src/teaching/joint.rs`,
/// `src/teaching/site_page.rs`), the catalogue's page (`src/pages/catalog.rs`), and the
/// certificates' pages (`src/pages/certificates.rs`, `src/pages/verify.rs`). They
/// are compiled into a table of their own per language, English included
/// (`dist/locales/<tag>.later.txt`), which the client fetches with the code that shows them,
/// so the first load carries neither their English nor their translation.
pub const LATER_MESSAGE_PREFIXES: &[&str] = &[
    "check-in-",
    "help-",
    "settings-check-in-",
    "history-export-check-ins",
    "teach-wellbeing-",
    "teach-joint-",
    "teach-site-",
    "catalog-",
    "certificates-",
];

/// Whether a message belongs to the later table ([`LATER_MESSAGE_PREFIXES`]).
pub fn is_later_message(id: &str) -> bool {
    LATER_MESSAGE_PREFIXES
        .iter()
        .any(|prefix| id.starts_with(prefix))
}

/// The chosen language's messages over English's, with the platform's number rules; the
/// later tables ([`is_later_message`]) once they are added.
pub struct Localizer<Rules> {
    chosen: Option<Messages>,
    english: Messages,
    later_chosen: Option<Messages>,
    later_english: Option<Messages>,
    rules: Rules,
}

impl<Rules: NumberRules> Localizer<Rules> {
    /// `english` must hold the English messages; `chosen` is the learner's language when it is
    /// not English and its file could be read.
    pub fn new(english: Messages, chosen: Option<Messages>, rules: Rules) -> Self {
        let chosen = chosen.filter(|messages| messages.language() != english.language());
        Localizer {
            chosen,
            english,
            later_chosen: None,
            later_english: None,
            rules,
        }
    }

    /// Adds the later messages: English's, and the chosen language's when it has them.
    pub fn add_later(&mut self, english: Messages, chosen: Option<Messages>) {
        self.later_english = Some(english);
        self.later_chosen =
            chosen.filter(|messages| Some(messages.language()) == self.chosen_language());
    }

    /// Whether the later messages were added.
    pub fn has_later(&self) -> bool {
        self.later_english.is_some()
    }

    fn chosen_language(&self) -> Option<InterfaceLanguage> {
        self.chosen.as_ref().map(Messages::language)
    }

    /// The language most messages are shown in.
    pub fn language(&self) -> InterfaceLanguage {
        self.chosen
            .as_ref()
            .map_or(self.english.language(), Messages::language)
    }

    /// The number rules messages are formatted with.
    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// The message in the chosen language, else in English. A message English lacks too comes
    /// back as its id, which the locale tests make sure never ships. Numbers are written in the
    /// interface language, in an English fallback too, as every other number on the page is;
    /// plurals follow the language of the text they are in.
    pub fn message(&self, id: &str, arguments: &[(&str, MessageArgument)]) -> String {
        let writing = self.language();
        let format = |messages: &Option<Messages>| {
            messages
                .as_ref()
                .and_then(|messages| messages.format(id, arguments, &self.rules, writing))
        };
        format(&self.chosen)
            .or_else(|| format(&self.later_chosen))
            .or_else(|| self.english.format(id, arguments, &self.rules, writing))
            .or_else(|| format(&self.later_english))
            .unwrap_or_else(|| id.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_interface_language_is_named_in_itself() {
        for language in InterfaceLanguage::ALL {
            assert!(!language.native_name().is_empty(), "{}", language.tag());
        }
        assert_eq!(InterfaceLanguage::Kk.native_name(), "Қазақ тілі");
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
    fn plural_names_are_the_six_cldr_categories_only() {
        assert_eq!(PluralCategory::from_name("few"), Some(PluralCategory::Few));
        assert_eq!(PluralCategory::from_name("catalog"), None);
        assert_eq!(PluralCategory::from_name("One"), None);
    }

    struct Plain;

    impl NumberRules for Plain {
        fn plural_category(&self, _: InterfaceLanguage, _: f64) -> PluralCategory {
            PluralCategory::Other
        }
        fn write_number(&self, _: InterfaceLanguage, number: f64) -> String {
            number.to_string()
        }
    }

    #[test]
    fn later_messages_are_compiled_apart_and_found_once_added() {
        let english = "nav-help = Help\ncheck-in-title = How are you today?\n";
        let korean = "nav-help = 도움\ncheck-in-title = 오늘 기분이 어때요?\n";
        let table = |source: &str, later: bool, language| {
            let text = compile::compile_part(source, |id| is_later_message(id) == later)
                .expect("compiles");
            Messages::parse(language, &text).expect("reads")
        };
        let first_english = table(english, false, InterfaceLanguage::En);
        assert!(first_english.has_message("nav-help"));
        assert!(!first_english.has_message("check-in-title"));
        let mut localizer = Localizer::new(
            first_english,
            Some(table(korean, false, InterfaceLanguage::Ko)),
            Plain,
        );
        assert_eq!(localizer.message("check-in-title", &[]), "check-in-title");
        assert!(!localizer.has_later());
        localizer.add_later(
            table(english, true, InterfaceLanguage::En),
            Some(table(korean, true, InterfaceLanguage::Ko)),
        );
        assert_eq!(
            localizer.message("check-in-title", &[]),
            "오늘 기분이 어때요?"
        );
        assert_eq!(localizer.message("nav-help", &[]), "도움");
        // A later table of another language than the chosen one is not used.
        localizer.add_later(
            table(english, true, InterfaceLanguage::En),
            Some(table(korean, true, InterfaceLanguage::Vi)),
        );
        assert_eq!(
            localizer.message("check-in-title", &[]),
            "How are you today?"
        );
    }
}
