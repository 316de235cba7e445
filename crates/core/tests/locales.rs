//! The interface translations (`locales/<tag>.ftl`) checked against each other and against the
//! client's code, over the compact form the client actually reads (`i18n::compile`): every file
//! compiles and reads back, every message the code asks for exists in English, the complete
//! languages have every English message, no translation keeps a message English dropped or uses
//! an argument the code does not pass, every message formats in every language for every kind
//! of number, and the compact form says exactly what the Fluent runtime says.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use baeum_core::i18n::compile::compile;
use baeum_core::i18n::{InterfaceLanguage, MessageArgument, Messages, NumberRules, PluralCategory};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use intl_pluralrules::{PluralRuleType, PluralRules};
use unic_langid::LanguageIdentifier;

/// The numbers every message must format with: plural categories differ by language (Russian
/// one/few/many, Korean other only), and 1.5 has visible fraction digits.
const SAMPLE_NUMBERS: [f64; 6] = [0.0, 1.0, 2.0, 5.0, 21.0, 1.5];

fn repository_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn translation_source(language: InterfaceLanguage) -> String {
    let path = repository_root()
        .join("locales")
        .join(format!("{}.ftl", language.tag()));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()))
}

/// The language's Fluent file through the build's compiler and the client's reader.
fn compiled(language: InterfaceLanguage) -> Messages {
    let table = compile(&translation_source(language))
        .unwrap_or_else(|error| panic!("{}.ftl: {error}", language.tag()));
    Messages::parse(language, &table)
        .unwrap_or_else(|error| panic!("{} compiled: {error}", language.tag()))
}

/// CLDR's plural rules (the data the Fluent runtime uses), and numbers as Rust writes them (as
/// the Fluent runtime does without a platform formatter).
struct Cldr;

impl NumberRules for Cldr {
    fn plural_category(&self, language: InterfaceLanguage, number: f64) -> PluralCategory {
        let identifier: LanguageIdentifier = language.tag().parse().expect("a language tag");
        let category = PluralRules::create(identifier, PluralRuleType::CARDINAL)
            .and_then(|rules| rules.select(number))
            .unwrap_or_else(|error| panic!("no plural rules for {}: {error}", language.tag()));
        match category {
            intl_pluralrules::PluralCategory::ZERO => PluralCategory::Zero,
            intl_pluralrules::PluralCategory::ONE => PluralCategory::One,
            intl_pluralrules::PluralCategory::TWO => PluralCategory::Two,
            intl_pluralrules::PluralCategory::FEW => PluralCategory::Few,
            intl_pluralrules::PluralCategory::MANY => PluralCategory::Many,
            intl_pluralrules::PluralCategory::OTHER => PluralCategory::Other,
        }
    }

    fn write_number(&self, _language: InterfaceLanguage, number: f64) -> String {
        number.to_string()
    }
}

fn format(
    messages: &Messages,
    id: &str,
    arguments: &[(String, MessageArgument)],
) -> Option<String> {
    let arguments: Vec<(&str, MessageArgument)> = arguments
        .iter()
        .map(|(name, value)| (name.as_str(), value.clone()))
        .collect();
    messages.format(id, &arguments, &Cldr, messages.language())
}

/// Every message id the client's code asks for with `t!("…")`, `tr("…")` or `tr_with("…"`.
fn ids_used_in_code() -> BTreeSet<String> {
    let mut files = Vec::new();
    collect_rust_files(&repository_root().join("src"), &mut files);
    let mut ids = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable source");
        // Comments may show the macro with example ids; only code asks for messages.
        let code: String = text
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        for opener in ["t!(", "tr(", "tr_with("] {
            for (position, _) in code.match_indices(opener) {
                let follows_a_name = code[..position]
                    .chars()
                    .next_back()
                    .is_some_and(|before| before.is_alphanumeric() || before == '_');
                // rustfmt may put the id on the line after the opening parenthesis.
                let rest = code[position + opener.len()..].trim_start();
                let Some(quoted) = rest.strip_prefix('"') else {
                    continue;
                };
                if let (false, Some(end)) = (follows_a_name, quoted.find('"')) {
                    ids.insert(quoted[..end].to_owned());
                }
            }
        }
    }
    ids
}

fn collect_rust_files(folder: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("readable folder") {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            collect_rust_files(&path, files);
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn every_translation_compiles_and_reads_back_whole() {
    for language in InterfaceLanguage::ALL {
        let messages = compiled(language);
        assert!(messages.ids().count() > 0, "{} is empty", language.tag());
    }
}

#[test]
fn every_message_the_code_uses_is_in_english_and_every_english_message_is_used() {
    let english: BTreeSet<String> = compiled(InterfaceLanguage::En)
        .ids()
        .map(str::to_owned)
        .collect();
    let used = ids_used_in_code();
    let missing: Vec<&String> = used.difference(&english).collect();
    assert!(
        missing.is_empty(),
        "used in src/ but not in locales/en.ftl: {missing:?}"
    );
    let unused: Vec<&String> = english.difference(&used).collect();
    assert!(
        unused.is_empty(),
        "in locales/en.ftl but used nowhere in src/: {unused:?}"
    );
}

/// For each of English's arguments of message `id`, `value`.
fn all_arguments(
    english: &Messages,
    id: &str,
    value: MessageArgument,
) -> Vec<(String, MessageArgument)> {
    english
        .arguments(id)
        .unwrap_or_default()
        .into_iter()
        .map(|name| (name.to_owned(), value.clone()))
        .collect()
}

#[test]
fn the_complete_languages_have_every_english_message_translated() {
    let english = compiled(InterfaceLanguage::En);
    for language in InterfaceLanguage::COMPLETE {
        let translation = compiled(language);
        let missing: Vec<&str> = english
            .ids()
            .filter(|id| !translation.has_message(id))
            .collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", language.tag());
        if language == InterfaceLanguage::En {
            continue;
        }
        // A message copied from English is untranslated. A few may rightly read the same
        // (a number alone, "OK"), so only a tenth of them is tolerated.
        let same_as_english = english
            .ids()
            .filter(|id| {
                let arguments = all_arguments(&english, id, MessageArgument::Number(3.0));
                format(&translation, id, &arguments) == format(&english, id, &arguments)
            })
            .count();
        assert!(
            same_as_english * 10 <= english.ids().count(),
            "{} has {same_as_english} of {} messages identical to English",
            language.tag(),
            english.ids().count()
        );
    }
}

#[test]
fn translations_keep_englishs_messages_and_arguments_and_format_for_every_number() {
    let english = compiled(InterfaceLanguage::En);
    for language in InterfaceLanguage::ALL {
        let translation = compiled(language);
        for id in translation.ids() {
            let Some(english_arguments) = english.arguments(id) else {
                panic!("{} keeps {id}, which English no longer has", language.tag());
            };
            let unknown: Vec<&str> = translation
                .arguments(id)
                .unwrap_or_default()
                .into_iter()
                .filter(|name| !english_arguments.contains(name))
                .collect();
            assert!(
                unknown.is_empty(),
                "{} {id} uses {unknown:?}, which the code does not pass",
                language.tag()
            );
            for number in SAMPLE_NUMBERS {
                let arguments = all_arguments(&english, id, MessageArgument::Number(number));
                assert!(
                    format(&translation, id, &arguments).is_some(),
                    "{} {id} does not format with {number}",
                    language.tag()
                );
            }
        }
    }
}

/// The Fluent runtime's text for a message, as the client formatted it before it had the
/// compact form: no isolation marks, numbers as plain digits, `None` on any error.
fn fluent_format(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    arguments: &[(String, MessageArgument)],
) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut fluent_arguments = FluentArgs::new();
    for (name, value) in arguments {
        match value {
            MessageArgument::Text(text) => {
                fluent_arguments.set(name.as_str(), FluentValue::from(text.as_str()))
            }
            MessageArgument::Number(number) => {
                fluent_arguments.set(name.as_str(), FluentValue::from(*number))
            }
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_arguments), &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

#[test]
fn the_compact_form_formats_every_message_exactly_as_the_fluent_runtime() {
    let english = compiled(InterfaceLanguage::En);
    let mut compared = 0;
    for language in InterfaceLanguage::ALL {
        let source = translation_source(language);
        let resource = FluentResource::try_new(source).expect("the Fluent file parses");
        let identifier: LanguageIdentifier = language.tag().parse().expect("a language tag");
        let mut bundle = FluentBundle::new(vec![identifier]);
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).expect("no duplicates");
        let translation = compiled(language);
        for id in translation.ids() {
            let mut names: Vec<&str> = translation.arguments(id).unwrap_or_default();
            for name in english.arguments(id).unwrap_or_default() {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            let every = |value: MessageArgument| -> Vec<(String, MessageArgument)> {
                names
                    .iter()
                    .map(|name| (name.to_string(), value.clone()))
                    .collect()
            };
            // Numbers for plural choices, each name a choice compares text with, a text no
            // choice names (the default variant), and no arguments at all (an error).
            let mut cases: Vec<Vec<(String, MessageArgument)>> = SAMPLE_NUMBERS
                .into_iter()
                .map(|number| every(MessageArgument::Number(number)))
                .collect();
            for name in
                translation
                    .variant_names(id)
                    .into_iter()
                    .chain(["no such variant", "one", "1"])
            {
                cases.push(every(name.into()));
            }
            cases.push(Vec::new());
            for arguments in cases {
                assert_eq!(
                    format(&translation, id, &arguments),
                    fluent_format(&bundle, id, &arguments),
                    "{} {id} with {arguments:?}",
                    language.tag()
                );
                compared += 1;
            }
        }
        let fluent_ids = FluentResource::try_new(translation_source(language))
            .expect("parses")
            .entries()
            .filter(|entry| matches!(entry, fluent_syntax::ast::Entry::Message(_)))
            .count();
        assert_eq!(translation.ids().count(), fluent_ids, "{}", language.tag());
    }
    assert!(compared > 5_000, "only {compared} formats compared");
}
