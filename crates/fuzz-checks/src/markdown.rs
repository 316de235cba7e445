//! The Markdown subset of `reading` and `culture_note` texts: the validator the content build
//! runs and the renderer the lesson player uses.

use baeum_core::content::markdown::{markdown_problems, to_blocks, to_inlines, Block, Inline};

/// The renderer loses and invents no text (only markers and whitespace change), splitting a
/// line into runs and writing the markers back gives the line, and a text the validator
/// accepts shows nothing outside code that the subset refuses (raw HTML, character
/// references, links, images, web addresses), however its markers pair.
pub fn markdown(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let problems = markdown_problems(text);
    let line_count = text.lines().count();
    for (line, message) in &problems {
        assert!(
            *line < line_count,
            "problem on line {line} of {line_count}: {message}"
        );
    }

    for line in text.lines() {
        assert_eq!(
            remarked(&to_inlines(line)),
            line,
            "a line split into runs does not give the line back"
        );
    }

    let blocks = to_blocks(text);
    let expected: String = text
        .lines()
        .map(|line| {
            let trimmed = line.trim();
            trimmed
                .strip_prefix("- ")
                .or_else(|| trimmed.strip_prefix("* "))
                .unwrap_or(trimmed)
        })
        .flat_map(str::chars)
        .filter(|character| !character.is_whitespace())
        .collect();
    let rendered: String = blocks
        .iter()
        .flat_map(|block| match block {
            Block::Paragraph(runs) => vec![remarked(runs)],
            Block::List(entries) => entries.iter().map(|runs| remarked(runs)).collect(),
        })
        .flat_map(|text| text.chars().collect::<Vec<_>>())
        .filter(|character| !character.is_whitespace())
        .collect();
    assert_eq!(rendered, expected, "the rendering lost or invented text");

    if problems.is_empty() {
        for block in &blocks {
            let entries = match block {
                Block::Paragraph(runs) => vec![runs],
                Block::List(entries) => entries.iter().collect(),
            };
            for runs in entries {
                let shown = shown(runs);
                if let Some(refused) = refused_markup(&shown) {
                    panic!(
                        "the validator accepted a text whose rendering shows {refused:?} outside code: {shown:?}"
                    );
                }
            }
        }
    }
}

/// What the player shows of some runs, as one string, with code blanked out (inside a code
/// span `<b>` is shown literally as code, which is safe).
fn shown(runs: &[Inline]) -> String {
    runs.iter()
        .map(|run| match run {
            Inline::Text(text) | Inline::Strong(text) | Inline::Emphasis(text) => text.clone(),
            Inline::Code(code) => " ".repeat(code.chars().count() + 2),
        })
        .collect()
}

/// The first thing in displayed text that the subset refuses (`content/FORMAT.md`): an HTML
/// tag, comment or declaration, a character reference, a link or image, a web address. Written
/// apart from the validator, by plain search, so the two check each other.
fn refused_markup(shown: &str) -> Option<String> {
    let characters: Vec<char> = shown.chars().collect();
    for (index, pair) in characters.windows(2).enumerate() {
        let tail = || characters[index..].iter().take(12).collect::<String>();
        match (pair[0], pair[1]) {
            ('<', next) if next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?') => {
                return Some(tail())
            }
            ('!', '[') | (']', '(') | (']', '[') => return Some(tail()),
            ('&', next) if next.is_ascii_alphanumeric() || next == '#' => {
                let name_end = characters[index + 1..]
                    .iter()
                    .position(|c| !(c.is_ascii_alphanumeric() || *c == '#'))
                    .map(|length| index + 1 + length);
                if name_end.is_some_and(|end| characters[end] == ';') {
                    return Some(tail());
                }
            }
            _ => {}
        }
    }
    let lowercase = shown.to_lowercase();
    ["http://", "https://", "www.", "mailto:"]
        .iter()
        .find(|scheme| lowercase.contains(*scheme))
        .map(|scheme| (*scheme).to_owned())
}

/// Runs written back as Markdown.
fn remarked(runs: &[Inline]) -> String {
    runs.iter()
        .map(|run| match run {
            Inline::Text(text) => text.clone(),
            Inline::Strong(text) => format!("**{text}**"),
            Inline::Emphasis(text) => format!("*{text}*"),
            Inline::Code(text) => format!("`{text}`"),
        })
        .collect()
}
