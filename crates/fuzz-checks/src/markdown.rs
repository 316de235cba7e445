//! The Markdown subset of `reading` and `culture_note` texts: the validator the content build
//! runs and the renderer the lesson player uses.

use baeum_core::content::markdown::{markdown_problems, to_blocks, to_inlines, Block, Inline};

/// The renderer loses and invents no text (only markers and whitespace change), splitting a
/// line into runs and writing the markers back gives the line, and a text the validator
/// accepts renders to runs outside code that the validator accepts on their own (so what it
/// refuses, raw HTML, links, addresses, cannot reach the learner by hiding behind a marker).
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
        for run in blocks.iter().flat_map(|block| match block {
            Block::Paragraph(runs) => runs.iter().collect::<Vec<_>>(),
            Block::List(entries) => entries.iter().flatten().collect(),
        }) {
            let shown = match run {
                Inline::Text(shown) | Inline::Strong(shown) | Inline::Emphasis(shown) => shown,
                // Code is shown as the literal characters it is: `<b>` there is safe.
                Inline::Code(_) => continue,
            };
            // A leading letter keeps the line-start rules (headings, quotes) out of it: a run
            // sits inside its line.
            let alone = markdown_problems(&format!("x{shown}"));
            assert!(
                alone.is_empty(),
                "the validator accepted a text whose rendering shows {shown:?}, which it refuses on its own: {alone:?}"
            );
        }
    }
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
