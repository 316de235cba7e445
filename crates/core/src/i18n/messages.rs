//! The compact form of one language's interface messages, what the client carries (English,
//! inside the wasm) and fetches (`/locales/<tag>.txt`): its reader and its formatter, with no
//! Fluent code at all. [`super::compile`] writes it from a Fluent file at build time.
//!
//! The form is line-oriented text, so it compresses as well as the Fluent source and a damaged
//! copy is easy to see. The first line is `baeum-messages 1`; then each line starts with what it
//! is:
//!
//! ```text
//! =id       a message; its pieces follow, up to the next message
//! 'text     literal text; `\\` is a backslash, `\n` a line break, `\r` a carriage return
//! $name     the argument `name` (a number is written the interface language's way)
//! ?name     a choice on the argument `name`; its variants follow, up to `]`
//! [key      a variant for `key`: a CLDR plural category (`one`, `few`…) or another name,
//! *key      which a text argument must equal, or a number (`0`, `-1`, `1.5`); `*` marks the
//!           variant used when none matches; a variant's pieces follow, choices included
//! ]         the end of a choice
//! end N     the last line (N messages), so a cut-off download is refused, not half-used
//! ```

use super::{InterfaceLanguage, MessageArgument, NumberRules, PluralCategory};

/// The first line of the compact form, with its version.
pub const HEADER: &str = "baeum-messages 1";

/// Why a text is not a usable message table. Any problem refuses the whole table, so that a
/// damaged download falls back to English rather than showing half-read text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MessagesError {
    #[error("not a message table: the first line is not `{HEADER}`")]
    Header,
    #[error("line {line}: {problem}")]
    Line { line: usize, problem: &'static str },
    #[error("the message table is cut off: it has no `end` line")]
    Truncated,
    #[error("the message table declares {declared} messages but holds {found}")]
    Count { declared: usize, found: usize },
    #[error("the message table defines {id} twice")]
    Duplicate { id: String },
}

/// One language's messages, sorted by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Messages {
    language: InterfaceLanguage,
    messages: Vec<(Box<str>, Pattern)>,
}

type Pattern = Vec<Piece>;

#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text(Box<str>),
    Argument(Box<str>),
    Choice(Choice),
}

#[derive(Debug, Clone, PartialEq)]
struct Choice {
    argument: Box<str>,
    variants: Vec<(Key, Pattern)>,
    default: usize,
}

#[derive(Debug, Clone, PartialEq)]
enum Key {
    Name(Box<str>),
    Number(f64),
}

/// A choice being read: the pattern it sits in, its variants so far and the one being read.
struct OpenChoice {
    outer: Pattern,
    argument: Box<str>,
    variants: Vec<(Key, Pattern)>,
    default: Option<usize>,
    open_key: Option<Key>,
}

impl Messages {
    /// Reads a message table. Every line is checked, so a table that parses is whole.
    pub fn parse(language: InterfaceLanguage, text: &str) -> Result<Messages, MessagesError> {
        let mut lines = text
            .split('\n')
            .enumerate()
            .map(|(index, line)| (index + 1, line));
        if lines.next().map(|(_, line)| line) != Some(HEADER) {
            return Err(MessagesError::Header);
        }
        let mut messages: Vec<(Box<str>, Pattern)> = Vec::new();
        let mut current: Option<Box<str>> = None;
        let mut pattern: Pattern = Vec::new();
        let mut open: Vec<OpenChoice> = Vec::new();
        let bad = |line: usize, problem: &'static str| MessagesError::Line { line, problem };
        while let Some((number, line)) = lines.next() {
            let Some(kind) = line.chars().next() else {
                return Err(bad(number, "an empty line"));
            };
            let rest = &line[kind.len_utf8()..];
            match kind {
                '=' | 'e' => {
                    if !open.is_empty() {
                        return Err(bad(number, "a choice is not closed with `]`"));
                    }
                    if let Some(id) = current.take() {
                        messages.push((id, std::mem::take(&mut pattern)));
                    }
                    if kind == '=' {
                        if rest.is_empty() {
                            return Err(bad(number, "a message without an id"));
                        }
                        current = Some(rest.into());
                        continue;
                    }
                    let declared = line
                        .strip_prefix("end ")
                        .and_then(|count| count.parse::<usize>().ok())
                        .ok_or(bad(number, "not a line of a message table"))?;
                    // The line ends with a line break, so the text after it is empty.
                    match (lines.next(), lines.next()) {
                        (Some((_, "")), None) => {}
                        (None, _) => return Err(MessagesError::Truncated),
                        _ => return Err(bad(number, "text after the `end` line")),
                    }
                    if declared != messages.len() {
                        return Err(MessagesError::Count {
                            declared,
                            found: messages.len(),
                        });
                    }
                    return Messages::sorted(language, messages);
                }
                '[' | '*' => {
                    let Some(choice) = open.last_mut() else {
                        return Err(bad(number, "a variant outside a choice"));
                    };
                    let key =
                        parse_key(rest).ok_or(bad(number, "a variant without a readable key"))?;
                    if let Some(key) = choice.open_key.replace(key) {
                        choice.variants.push((key, std::mem::take(&mut pattern)));
                    }
                    if kind == '*' && choice.default.replace(choice.variants.len()).is_some() {
                        return Err(bad(number, "a choice with two default variants"));
                    }
                }
                ']' => {
                    let Some(mut choice) = open.pop() else {
                        return Err(bad(number, "`]` without a choice"));
                    };
                    let Some(key) = choice.open_key.take() else {
                        return Err(bad(number, "a choice without variants"));
                    };
                    choice.variants.push((key, std::mem::take(&mut pattern)));
                    let default = choice
                        .default
                        .ok_or(bad(number, "a choice without a default variant"))?;
                    pattern = choice.outer;
                    pattern.push(Piece::Choice(Choice {
                        argument: choice.argument,
                        variants: choice.variants,
                        default,
                    }));
                }
                '\'' | '$' | '?' => {
                    if current.is_none() {
                        return Err(bad(number, "a piece before the first message"));
                    }
                    if open.last().is_some_and(|choice| choice.open_key.is_none()) {
                        return Err(bad(number, "a piece before the choice's first variant"));
                    }
                    if kind == '\'' {
                        let text = unescape(rest).ok_or(bad(number, "an unknown escape"))?;
                        pattern.push(Piece::Text(text.into()));
                    } else if rest.is_empty() {
                        return Err(bad(number, "an argument without a name"));
                    } else if kind == '$' {
                        pattern.push(Piece::Argument(rest.into()));
                    } else {
                        open.push(OpenChoice {
                            outer: std::mem::take(&mut pattern),
                            argument: rest.into(),
                            variants: Vec::new(),
                            default: None,
                            open_key: None,
                        });
                    }
                }
                _ => return Err(bad(number, "not a line of a message table")),
            }
        }
        Err(MessagesError::Truncated)
    }

    /// A table without messages, for when even English could not be read: each message then
    /// shows as its id.
    pub fn empty(language: InterfaceLanguage) -> Messages {
        Messages {
            language,
            messages: Vec::new(),
        }
    }

    fn sorted(
        language: InterfaceLanguage,
        mut messages: Vec<(Box<str>, Pattern)>,
    ) -> Result<Messages, MessagesError> {
        messages.sort_by(|(a, _), (b, _)| a.cmp(b));
        if let Some(pair) = messages.windows(2).find(|pair| pair[0].0 == pair[1].0) {
            return Err(MessagesError::Duplicate {
                id: pair[0].0.to_string(),
            });
        }
        Ok(Messages { language, messages })
    }

    /// The language these messages are in.
    pub fn language(&self) -> InterfaceLanguage {
        self.language
    }

    fn pattern(&self, id: &str) -> Option<&Pattern> {
        let index = self
            .messages
            .binary_search_by(|(candidate, _)| (**candidate).cmp(id))
            .ok()?;
        Some(&self.messages[index].1)
    }

    pub fn has_message(&self, id: &str) -> bool {
        self.pattern(id).is_some()
    }

    /// Every message id, in order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.messages.iter().map(|(id, _)| &**id)
    }

    /// The arguments message `id` uses anywhere (in every variant), each once, in order of
    /// first use; `None` when there is no such message.
    pub fn arguments(&self, id: &str) -> Option<Vec<&str>> {
        fn collect<'a>(pattern: &'a Pattern, names: &mut Vec<&'a str>) {
            for piece in pattern {
                let name = match piece {
                    Piece::Text(_) => continue,
                    Piece::Argument(name) => name,
                    Piece::Choice(choice) => {
                        if !names.contains(&&*choice.argument) {
                            names.push(&choice.argument);
                        }
                        for (_, variant) in &choice.variants {
                            collect(variant, names);
                        }
                        continue;
                    }
                };
                if !names.contains(&&**name) {
                    names.push(name);
                }
            }
        }
        let mut names = Vec::new();
        collect(self.pattern(id)?, &mut names);
        Some(names)
    }

    /// The text names of the variants of message `id`'s choices that are not plural
    /// categories (`[catalog]`): the text values its arguments are compared with.
    pub fn variant_names(&self, id: &str) -> Vec<&str> {
        fn collect<'a>(pattern: &'a Pattern, names: &mut Vec<&'a str>) {
            for piece in pattern {
                if let Piece::Choice(choice) = piece {
                    for (key, variant) in &choice.variants {
                        if let Key::Name(name) = key {
                            if PluralCategory::from_name(name).is_none() {
                                names.push(name);
                            }
                        }
                        collect(variant, names);
                    }
                }
            }
        }
        let mut names = Vec::new();
        if let Some(pattern) = self.pattern(id) {
            collect(pattern, &mut names);
        }
        names
    }

    /// Message `id` with its arguments, or `None` when this language lacks it or it could not
    /// be formatted completely (an argument it uses is missing). Plural categories are this
    /// table's language's; numbers are written as `writing` writes them.
    pub fn format(
        &self,
        id: &str,
        arguments: &[(&str, MessageArgument)],
        rules: &impl NumberRules,
        writing: InterfaceLanguage,
    ) -> Option<String> {
        let pattern = self.pattern(id)?;
        let mut out = String::new();
        let context = Context {
            arguments,
            rules,
            plurals: self.language,
            writing,
        };
        context.write(pattern, &mut out)?;
        Some(out)
    }
}

/// What formatting one message needs besides its pattern.
struct Context<'a, Rules> {
    arguments: &'a [(&'a str, MessageArgument)],
    rules: &'a Rules,
    plurals: InterfaceLanguage,
    writing: InterfaceLanguage,
}

impl<Rules: NumberRules> Context<'_, Rules> {
    fn argument(&self, name: &str) -> Option<&MessageArgument> {
        self.arguments
            .iter()
            .find(|(candidate, _)| *candidate == name)
            .map(|(_, value)| value)
    }

    fn write(&self, pattern: &Pattern, out: &mut String) -> Option<()> {
        for piece in pattern {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Argument(name) => match self.argument(name)? {
                    MessageArgument::Text(text) => out.push_str(text),
                    MessageArgument::Number(number) => {
                        out.push_str(&self.rules.write_number(self.writing, *number))
                    }
                },
                Piece::Choice(choice) => {
                    let variant = self.choose(choice)?;
                    self.write(variant, out)?;
                }
            }
        }
        Some(())
    }

    /// The variant Fluent would choose: a number matches an equal number key or the key of its
    /// plural category, a text matches the name equal to it, and nothing matched takes the
    /// default.
    fn choose<'c>(&self, choice: &'c Choice) -> Option<&'c Pattern> {
        let value = self.argument(&choice.argument)?;
        let mut category = None;
        let chosen = choice.variants.iter().find(|(key, _)| match (key, value) {
            (Key::Number(key), MessageArgument::Number(number)) => key == number,
            (Key::Name(name), MessageArgument::Number(number)) => PluralCategory::from_name(name)
                .is_some_and(|named| {
                    named
                        == *category.get_or_insert_with(|| {
                            self.rules.plural_category(self.plurals, *number)
                        })
                }),
            (Key::Name(name), MessageArgument::Text(text)) => **name == **text,
            (Key::Number(_), MessageArgument::Text(_)) => false,
        });
        chosen
            .or_else(|| choice.variants.get(choice.default))
            .map(|(_, pattern)| pattern)
    }
}

fn parse_key(key: &str) -> Option<Key> {
    let first = key.chars().next()?;
    if first.is_ascii_digit() || first == '-' {
        key.parse().ok().map(Key::Number)
    } else {
        Some(Key::Name(key.into()))
    }
}

/// Text with its `\\`, `\n` and `\r` escapes replaced; `None` for any other escape.
fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut characters = text.chars();
    while let Some(character) = characters.next() {
        if character != '\\' {
            out.push(character);
            continue;
        }
        out.push(match characters.next()? {
            '\\' => '\\',
            'n' => '\n',
            'r' => '\r',
            _ => return None,
        });
    }
    Some(out)
}

/// Text escaped for a `'` line: the inverse of [`unescape`].
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Localizer;

    /// English's and Russian's plural rules for whole numbers, and digits as they are.
    struct Rules;

    impl NumberRules for Rules {
        fn plural_category(&self, language: InterfaceLanguage, number: f64) -> PluralCategory {
            if number.fract() != 0.0 {
                return PluralCategory::Other;
            }
            let n = number as u64;
            match language {
                InterfaceLanguage::Ru => match (n % 10, n % 100) {
                    (1, remainder) if remainder != 11 => PluralCategory::One,
                    (2..=4, remainder) if !(12..=14).contains(&remainder) => PluralCategory::Few,
                    _ => PluralCategory::Many,
                },
                _ if n == 1 => PluralCategory::One,
                _ => PluralCategory::Other,
            }
        }

        fn write_number(&self, language: InterfaceLanguage, number: f64) -> String {
            let digits = number.to_string();
            match language {
                InterfaceLanguage::Ru => digits.replace('.', ","),
                _ => digits,
            }
        }
    }

    const ENGLISH: &str = "baeum-messages 1
=greeting
'Hello, 
$name
'!
=lessons-done
?count
[one
$count
' lesson done
*other
$count
' lessons done
]
=only-english
'Only in English
end 3
";

    const RUSSIAN: &str = "baeum-messages 1
=lessons-done
?count
[one
$count
' урок пройден
[few
$count
' урока пройдено
*many
$count
' уроков пройдено
]
=greeting
'Привет, 
$name
'!
=file
'файл 
?kind
[catalog
'каталога
[0
'ноль
*lesson
'урока
]
'\\nстрока\\\\
end 3
";

    fn localizer() -> Localizer<Rules> {
        Localizer::new(
            Messages::parse(InterfaceLanguage::En, ENGLISH).expect("english"),
            Some(Messages::parse(InterfaceLanguage::Ru, RUSSIAN).expect("russian")),
            Rules,
        )
    }

    #[test]
    fn plurals_follow_each_languages_rules() {
        let localizer = localizer();
        let done = |count: f64| localizer.message("lessons-done", &[("count", count.into())]);
        assert_eq!(done(1.0), "1 урок пройден");
        assert_eq!(done(3.0), "3 урока пройдено");
        assert_eq!(done(5.0), "5 уроков пройдено");
        assert_eq!(done(21.0), "21 урок пройден");
        assert_eq!(done(1.5), "1,5 уроков пройдено");
        let english = Localizer::new(
            Messages::parse(InterfaceLanguage::En, ENGLISH).expect("english"),
            None,
            Rules,
        );
        let done = |count: u32| english.message("lessons-done", &[("count", count.into())]);
        assert_eq!(done(1), "1 lesson done");
        assert_eq!(done(2), "2 lessons done");
    }

    #[test]
    fn text_chooses_by_name_and_numbers_by_value_with_escapes_read() {
        let localizer = localizer();
        let file = |kind: MessageArgument| localizer.message("file", &[("kind", kind)]);
        assert_eq!(file("catalog".into()), "файл каталога\nстрока\\");
        assert_eq!(file("manifest".into()), "файл урока\nстрока\\");
        // A plural name never matches text, a number key never matches text.
        assert_eq!(file("0".into()), "файл урока\nстрока\\");
        assert_eq!(file(0u32.into()), "файл ноль\nстрока\\");
        assert_eq!(file(7u32.into()), "файл урока\nстрока\\");
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
        // Without its argument the text would be half written; English is missing it too, so
        // the id comes back, which the locale tests forbid in shipped code.
        assert_eq!(localizer.message("greeting", &[]), "greeting");
        assert_eq!(localizer.message("lessons-done", &[]), "lessons-done");
    }

    #[test]
    fn the_table_lists_ids_arguments_and_names() {
        let russian = Messages::parse(InterfaceLanguage::Ru, RUSSIAN).expect("russian");
        assert_eq!(
            russian.ids().collect::<Vec<_>>(),
            ["file", "greeting", "lessons-done"]
        );
        assert_eq!(russian.arguments("greeting"), Some(vec!["name"]));
        assert_eq!(russian.arguments("lessons-done"), Some(vec!["count"]));
        assert_eq!(russian.arguments("missing"), None);
        assert_eq!(russian.variant_names("file"), ["catalog", "lesson"]);
        assert!(russian.has_message("file") && !russian.has_message("fil"));
    }

    #[test]
    fn every_cut_off_copy_is_refused() {
        for end in 0..RUSSIAN.len() {
            if RUSSIAN.is_char_boundary(end) {
                assert!(
                    Messages::parse(InterfaceLanguage::Ru, &RUSSIAN[..end]).is_err(),
                    "a copy cut at byte {end} was read"
                );
            }
        }
    }

    #[test]
    fn malformed_tables_are_refused_with_the_line() {
        let parse = |text: &str| Messages::parse(InterfaceLanguage::En, text);
        assert_eq!(parse("a = 1\n"), Err(MessagesError::Header));
        assert_eq!(
            parse("baeum-messages 1\n=a\n'x\n=a\n'y\nend 2\n"),
            Err(MessagesError::Duplicate { id: "a".into() })
        );
        assert_eq!(
            parse("baeum-messages 1\n=a\n'x\nend 2\n"),
            Err(MessagesError::Count {
                declared: 2,
                found: 1
            })
        );
        for (text, line, problem) in [
            ("'x\nend 0\n", 2, "a piece before the first message"),
            (
                "=a\n?n\n'x\n]\nend 1\n",
                4,
                "a piece before the choice's first variant",
            ),
            (
                "=a\n?n\n[one\n'x\nend 1\n",
                6,
                "a choice is not closed with `]`",
            ),
            (
                "=a\n?n\n[one\n'x\n]\nend 1\n",
                6,
                "a choice without a default variant",
            ),
            (
                "=a\n?n\n*one\n*two\n]\nend 1\n",
                5,
                "a choice with two default variants",
            ),
            ("=a\n?n\n]\nend 1\n", 4, "a choice without variants"),
            ("=a\n]\nend 1\n", 3, "`]` without a choice"),
            ("=a\n[one\nend 1\n", 3, "a variant outside a choice"),
            ("=a\n'\\t\nend 1\n", 3, "an unknown escape"),
            (
                "=a\n?n\n*-x\n]\nend 1\n",
                4,
                "a variant without a readable key",
            ),
            ("=a\n$\nend 1\n", 3, "an argument without a name"),
            ("=\nend 0\n", 2, "a message without an id"),
            ("=a\n\nend 1\n", 3, "an empty line"),
            ("=a\nx\nend 1\n", 3, "not a line of a message table"),
            ("=a\nend one\n", 3, "not a line of a message table"),
            ("=a\nend 1\n=b\n", 3, "text after the `end` line"),
        ] {
            assert_eq!(
                parse(&format!("{HEADER}\n{text}")),
                Err(MessagesError::Line { line, problem }),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        /// The reader is total: any text is read or refused, and whatever it reads formats
        /// (or is refused) without panicking, with numbers or text for every argument.
        #[test]
        fn any_table_is_read_or_refused_and_what_is_read_formats(
            lines in proptest::collection::vec("[=?$'\\[*\\]e][a-z0-9 .\\\\-]{0,4}", 0..24),
            count in 0usize..4,
        ) {
            let text = format!("{HEADER}\n{}end {count}\n", lines.iter().map(|line| format!("{line}\n")).collect::<String>());
            if let Ok(messages) = Messages::parse(InterfaceLanguage::Ru, &text) {
                for id in messages.ids() {
                    for value in [MessageArgument::Number(2.0), MessageArgument::Text("a".into())] {
                        let arguments: Vec<(&str, MessageArgument)> = messages
                            .arguments(id)
                            .unwrap_or_default()
                            .into_iter()
                            .map(|name| (name, value.clone()))
                            .collect();
                        proptest::prop_assert!(
                            messages.format(id, &arguments, &Rules, InterfaceLanguage::Ru).is_some()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn escaping_reverses_unescaping() {
        let text = "a\\b\nc\rd 'e' $f";
        assert_eq!(unescape(&escape(text)).as_deref(), Some(text));
        assert!(!escape(text).contains('\n'));
    }
}
