//! The platform's number writer is used for every number placed in a message, in the interface
//! language even inside an English fallback, while plural selection still sees the number.

use baeum_core::i18n::compile::compile;
use baeum_core::i18n::{InterfaceLanguage, Localizer, Messages, NumberRules, PluralCategory};

const RUSSIAN: &str = "\
answers = { $count ->
    [one] { $count } ответ
    [few] { $count } ответа
   *[many] { $count } ответов
}
";

const ENGLISH: &str = "\
answers = { $count } answers
only-english = { $count ->
    [one] { $count } thing
   *[other] { $count } things
}
";

/// Russian's plural rules for whole numbers and `Intl.NumberFormat("ru")`'s thin groups of
/// three; English's "one" for 1.
struct Platform;

impl NumberRules for Platform {
    fn plural_category(&self, language: InterfaceLanguage, number: f64) -> PluralCategory {
        let n = number as u64;
        match (language, n % 10, n % 100) {
            (InterfaceLanguage::Ru, 1, remainder) if remainder != 11 => PluralCategory::One,
            (InterfaceLanguage::Ru, 2..=4, remainder) if !(12..=14).contains(&remainder) => {
                PluralCategory::Few
            }
            (InterfaceLanguage::Ru, ..) => PluralCategory::Many,
            _ if n == 1 => PluralCategory::One,
            _ => PluralCategory::Other,
        }
    }

    fn write_number(&self, language: InterfaceLanguage, number: f64) -> String {
        let digits = format!("{number}");
        if language != InterfaceLanguage::Ru {
            return digits;
        }
        let mut grouped = String::new();
        for (position, digit) in digits.chars().enumerate() {
            if position > 0 && (digits.len() - position) % 3 == 0 {
                grouped.push('\u{a0}');
            }
            grouped.push(digit);
        }
        grouped
    }
}

fn messages(language: InterfaceLanguage, source: &str) -> Messages {
    Messages::parse(language, &compile(source).expect("compiles")).expect("reads back")
}

#[test]
fn numbers_are_written_by_the_platform_and_still_choose_the_plural() {
    let localizer = Localizer::new(
        messages(InterfaceLanguage::En, ENGLISH),
        Some(messages(InterfaceLanguage::Ru, RUSSIAN)),
        Platform,
    );
    let answers = |count: u32| localizer.message("answers", &[("count", count.into())]);
    assert_eq!(answers(12_345), "12\u{a0}345 ответов");
    assert_eq!(answers(1_001), "1\u{a0}001 ответ");
    assert_eq!(answers(22), "22 ответа");
    // English's plural rules for English text, Russian's way of writing the number.
    let things = |count: u32| localizer.message("only-english", &[("count", count.into())]);
    assert_eq!(things(1), "1 thing");
    assert_eq!(things(1_021), "1\u{a0}021 things");
}
