//! The platform's number writer is used for every number placed in a message, while plural
//! selection still sees the number. (Its own test binary: the writer is set once per process.)

use baeum_core::i18n::{write_numbers_with, InterfaceLanguage, Localizer, Translation};

const RUSSIAN: &str = "\
answers = { $count ->
    [one] { $count } ответ
    [few] { $count } ответа
   *[many] { $count } ответов
}
";

fn russian_grouping(number: f64) -> Option<String> {
    // What `Intl.NumberFormat("ru")` writes for whole numbers: thin groups of three.
    let digits = format!("{number}");
    let mut grouped = String::new();
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position) % 3 == 0 {
            grouped.push('\u{a0}');
        }
        grouped.push(digit);
    }
    Some(grouped)
}

#[test]
fn numbers_are_written_by_the_platform_and_still_choose_the_plural() {
    write_numbers_with(russian_grouping);
    let localizer = Localizer::new(
        Translation::parse(InterfaceLanguage::En, "").expect("empty english"),
        Some(Translation::parse(InterfaceLanguage::Ru, RUSSIAN).expect("russian")),
    );
    let answers = |count: u32| localizer.message("answers", &[("count", count.into())]);
    assert_eq!(answers(12_345), "12\u{a0}345 ответов");
    assert_eq!(answers(1_001), "1\u{a0}001 ответ");
    assert_eq!(answers(22), "22 ответа");
}
