//! Fluent source to the compact message table ([`super::messages`]), at build time: the client's
//! `build.rs` compiles English into the wasm and xtask writes `dist/locales/<tag>.txt` for every
//! other language. Only this module uses the Fluent parser, and only with the `fluent-compile`
//! feature, so no Fluent code reaches the browser.
//!
//! It takes what the translations use: text, `{ $argument }`, and choices on an argument with
//! plural-category, name and number keys, nested or not (and string literals, as text). Terms,
//! message references, functions, number literals and attributes are refused by name, so a
//! translator who uses one learns at build time, not from a blank in the app.

use std::collections::HashSet;

use fluent_syntax::ast;

use super::messages::{escape, HEADER};

/// Why a Fluent file cannot be compiled.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompileError {
    #[error("{count} Fluent syntax errors, the first in the entry at line {line}: {first}")]
    Syntax {
        count: usize,
        line: usize,
        first: String,
    },
    #[error("{id} is defined twice")]
    Duplicate { id: String },
    #[error("{id}: {what} cannot be compiled (only text, arguments and choices on arguments)")]
    Unsupported { id: String, what: &'static str },
}

/// The compact message table of a Fluent file: its messages in file order, comments left out.
pub fn compile(source: &str) -> Result<String, CompileError> {
    compile_part(source, |_| true)
}

/// [`compile`] of the messages whose id `keep` accepts (the first-load table and the later one,
/// [`super::is_later_message`]); the whole file is still parsed and checked.
pub fn compile_part(source: &str, keep: impl Fn(&str) -> bool) -> Result<String, CompileError> {
    let resource = fluent_syntax::parser::parse(source).map_err(|(_, errors)| {
        let first = errors.first();
        CompileError::Syntax {
            count: errors.len(),
            // The line where the broken entry starts: the parser's own position is where it
            // gave up, often the line after.
            line: first.map_or(0, |error| {
                let start = error.slice.as_ref().unwrap_or(&error.pos).start;
                let start = start.min(source.len());
                source.as_bytes()[..start]
                    .iter()
                    .filter(|byte| **byte == b'\n')
                    .count()
                    + 1
            }),
            first: first.map(ToString::to_string).unwrap_or_default(),
        }
    })?;
    let mut out = String::with_capacity(source.len());
    out.push_str(HEADER);
    out.push('\n');
    let mut seen = HashSet::new();
    let mut kept = 0;
    for entry in &resource.body {
        let message = match entry {
            ast::Entry::Message(message) => message,
            ast::Entry::Term(term) => {
                return Err(unsupported(&format!("-{}", term.id.name), "a term"))
            }
            // Comments are for translators; junk is a syntax error, reported above.
            _ => continue,
        };
        let id = message.id.name;
        if !seen.insert(id) {
            return Err(CompileError::Duplicate { id: id.to_owned() });
        }
        if !message.attributes.is_empty() {
            return Err(unsupported(id, "an attribute"));
        }
        let Some(pattern) = &message.value else {
            return Err(unsupported(id, "a message without a value"));
        };
        let mut written = String::new();
        Writer {
            id,
            out: &mut written,
        }
        .pattern(pattern)?;
        if keep(id) {
            out.push('=');
            out.push_str(id);
            out.push('\n');
            out.push_str(&written);
            kept += 1;
        }
    }
    out.push_str(&format!("end {kept}\n"));
    Ok(out)
}

fn unsupported(id: &str, what: &'static str) -> CompileError {
    CompileError::Unsupported {
        id: id.to_owned(),
        what,
    }
}

/// Writes one message's lines.
struct Writer<'a> {
    id: &'a str,
    out: &'a mut String,
}

impl Writer<'_> {
    fn line(&mut self, kind: char, text: &str) {
        self.out.push(kind);
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// Text with its neighbours joined: Fluent splits text at line breaks and placeables.
    fn pattern(&mut self, pattern: &ast::Pattern<&str>) -> Result<(), CompileError> {
        let mut text = String::new();
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => text.push_str(value),
                ast::PatternElement::Placeable { expression } => {
                    self.expression(expression, &mut text)?
                }
            }
        }
        self.flush(&mut text);
        Ok(())
    }

    fn flush(&mut self, text: &mut String) {
        if !text.is_empty() {
            self.line('\'', &escape(text));
            text.clear();
        }
    }

    fn expression(
        &mut self,
        expression: &ast::Expression<&str>,
        text: &mut String,
    ) -> Result<(), CompileError> {
        match expression {
            ast::Expression::Inline(inline) => self.inline(inline, text),
            ast::Expression::Select { selector, variants } => {
                let ast::InlineExpression::VariableReference { id: argument } = selector else {
                    return Err(unsupported(self.id, "a choice on anything but an argument"));
                };
                self.flush(text);
                self.line('?', argument.name);
                for variant in variants {
                    let key = match &variant.key {
                        ast::VariantKey::Identifier { name } => name,
                        ast::VariantKey::NumberLiteral { value } => value,
                    };
                    self.line(if variant.default { '*' } else { '[' }, key);
                    self.pattern(&variant.value)?;
                }
                self.line(']', "");
                Ok(())
            }
        }
    }

    fn inline(
        &mut self,
        inline: &ast::InlineExpression<&str>,
        text: &mut String,
    ) -> Result<(), CompileError> {
        match inline {
            ast::InlineExpression::StringLiteral { value } => {
                text.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value));
                Ok(())
            }
            ast::InlineExpression::VariableReference { id } => {
                self.flush(text);
                self.line('$', id.name);
                Ok(())
            }
            ast::InlineExpression::Placeable { expression } => self.expression(expression, text),
            ast::InlineExpression::NumberLiteral { .. } => {
                Err(unsupported(self.id, "a number literal"))
            }
            ast::InlineExpression::FunctionReference { .. } => {
                Err(unsupported(self.id, "a function"))
            }
            ast::InlineExpression::MessageReference { .. } => {
                Err(unsupported(self.id, "a message reference"))
            }
            ast::InlineExpression::TermReference { .. } => {
                Err(unsupported(self.id, "a term reference"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_compile_to_lines_with_choices_nested_and_text_joined() {
        let source = "\
# A comment the learner never downloads.
greeting = Hello, { $name }!
    Second line with a \\ backslash and { \"{\" }braces{ \"}\" }.
meta = { $units ->
        [one] 1 unit
       *[other] { $units } units
    } · { $kind ->
        [0] none
       *[lesson] { $count ->
            [one] one
           *[other] many
        }
    }
";
        assert_eq!(
            compile(source),
            Ok("baeum-messages 1
=greeting
'Hello, 
$name
'!\\nSecond line with a \\\\ backslash and {braces}.
=meta
?units
[one
'1 unit
*other
$units
' units
]
' · 
?kind
[0
'none
*lesson
?count
[one
'one
*other
'many
]
]
end 2
"
            .to_owned())
        );
    }

    #[test]
    fn what_the_compact_form_cannot_hold_is_refused_by_name() {
        for (source, what) in [
            ("-brand = baeum\n", "a term"),
            ("a = x\n    .title = y\n", "an attribute"),
            ("a = { NUMBER($n) }\n", "a function"),
            ("a = { b }\n", "a message reference"),
            ("a = { -brand }\n", "a term reference"),
            ("a = { 5 }\n", "a number literal"),
            (
                "a = { \"x\" ->\n   *[x] y\n}\n",
                "a choice on anything but an argument",
            ),
        ] {
            assert!(
                matches!(compile(source), Err(CompileError::Unsupported { what: found, .. }) if found == what),
                "{source:?}: {:?}",
                compile(source)
            );
        }
        assert_eq!(
            compile("a = 1\nb = 2\na = 3\n"),
            Err(CompileError::Duplicate { id: "a".into() })
        );
        let broken = compile("a = 1\nb = { $x\nc = 3\n");
        assert!(
            matches!(broken, Err(CompileError::Syntax { line: 2, .. })),
            "{broken:?}"
        );
    }
}
