//! The interface translations (`locales/<tag>.ftl`) checked against each other and against the
//! client's code: every message the code asks for exists in English, the complete languages have
//! every English message, no translation keeps a message English dropped or uses an argument
//! the code does not pass, and every message formats without error in every language.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use baeum_core::i18n::{InterfaceLanguage, MessageArgument, Translation};
use fluent_syntax::ast;

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

/// Each message's id and the variables (`$name`) its value uses.
fn message_variables(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("syntax errors: {errors:?}"),
    };
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        if let ast::Entry::Message(message) = entry {
            let mut variables = BTreeSet::new();
            if let Some(pattern) = &message.value {
                pattern_variables(pattern, &mut variables);
            }
            messages.insert(message.id.name.to_owned(), variables);
        }
    }
    messages
}

fn pattern_variables(pattern: &ast::Pattern<&str>, variables: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, variables);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, variables: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, variables),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, variables);
            for variant in variants {
                pattern_variables(&variant.value, variables);
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, variables: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            variables.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => {
            expression_variables(expression, variables)
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, variables);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, variables);
            }
        }
        _ => {}
    }
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
fn every_translation_parses_without_errors_or_duplicates() {
    for language in InterfaceLanguage::ALL {
        if let Err(error) = Translation::parse(language, &translation_source(language)) {
            panic!("{error}");
        }
    }
}

#[test]
fn every_message_the_code_uses_is_in_english_and_every_english_message_is_used() {
    let english: BTreeSet<String> =
        Translation::message_ids(&translation_source(InterfaceLanguage::En))
            .into_iter()
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

#[test]
fn the_complete_languages_have_every_english_message_translated() {
    let english_source = translation_source(InterfaceLanguage::En);
    let english = Translation::parse(InterfaceLanguage::En, &english_source).expect("english");
    let english_ids = Translation::message_ids(&english_source);
    for language in InterfaceLanguage::COMPLETE {
        let source = translation_source(language);
        let ids: BTreeSet<String> = Translation::message_ids(&source).into_iter().collect();
        let missing: Vec<&String> = english_ids.iter().filter(|id| !ids.contains(*id)).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", language.tag());
        if language == InterfaceLanguage::En {
            continue;
        }
        // A message copied from English is untranslated. A few may rightly read the same
        // (a number alone, "OK"), so only a tenth of them is tolerated.
        let translation = Translation::parse(language, &source).expect("parses");
        let arguments = sample_arguments(&english_source, 3.0);
        let same_as_english = english_ids
            .iter()
            .filter(|id| {
                let arguments = arguments.get(*id).cloned().unwrap_or_default();
                let arguments: Vec<(&str, MessageArgument)> = arguments
                    .iter()
                    .map(|(name, value)| (name.as_str(), value.clone()))
                    .collect();
                translation.format(id, &arguments) == english.format(id, &arguments)
            })
            .count();
        assert!(
            same_as_english * 10 <= english_ids.len(),
            "{} has {same_as_english} of {} messages identical to English",
            language.tag(),
            english_ids.len()
        );
    }
}

/// For each English message, a number for each of its variables (numbers are the strictest
/// argument: they also drive plural selection).
fn sample_arguments(
    english_source: &str,
    number: f64,
) -> BTreeMap<String, Vec<(String, MessageArgument)>> {
    message_variables(english_source)
        .into_iter()
        .map(|(id, variables)| {
            let arguments = variables
                .into_iter()
                .map(|name| (name, MessageArgument::Number(number)))
                .collect();
            (id, arguments)
        })
        .collect()
}

#[test]
fn translations_keep_englishs_messages_and_arguments_and_format_for_every_number() {
    let english_source = translation_source(InterfaceLanguage::En);
    let english_variables = message_variables(&english_source);
    for language in InterfaceLanguage::ALL {
        let source = translation_source(language);
        let translation = Translation::parse(language, &source).expect("parses");
        for (id, variables) in message_variables(&source) {
            let Some(english) = english_variables.get(&id) else {
                panic!("{} keeps {id}, which English no longer has", language.tag());
            };
            let unknown: Vec<&String> = variables.difference(english).collect();
            assert!(
                unknown.is_empty(),
                "{} {id} uses {unknown:?}, which the code does not pass",
                language.tag()
            );
            // Plural categories differ by language (Russian one/few/many, Korean other only):
            // every count must find a variant.
            for number in [0.0, 1.0, 2.0, 5.0, 21.0, 1.5] {
                let arguments: Vec<(&str, MessageArgument)> = english
                    .iter()
                    .map(|name| (name.as_str(), MessageArgument::Number(number)))
                    .collect();
                assert!(
                    translation.format(&id, &arguments).is_some(),
                    "{} {id} does not format with {number}",
                    language.tag()
                );
            }
        }
    }
}
