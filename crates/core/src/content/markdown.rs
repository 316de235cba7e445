//! The safe Markdown subset of `reading` and `culture_note` texts.
//!
//! The player renders paragraphs, `**bold**`, `*italic*`, `-` lists and `` `code` `` and shows
//! everything else as plain text. The validator rejects what would be unsafe (raw HTML) or
//! useless to an offline learner (links, images, bare URLs), and block syntax the player does
//! not render (headings, quotes, fenced code), so that authors see the problem at build time
//! instead of learners seeing stray symbols.

use std::ops::Range;

/// Problems in a Markdown text, each with the 0-based line of the text it is on.
pub fn markdown_problems(text: &str) -> Vec<(usize, String)> {
    let mut problems = Vec::new();
    for (line_index, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('#') && trimmed.trim_start_matches('#').starts_with([' ', '\t']) {
            problems.push((
                line_index,
                "headings are not in the allowed Markdown subset".to_owned(),
            ));
        }
        if trimmed.starts_with('>') {
            problems.push((
                line_index,
                "block quotes are not in the allowed Markdown subset".to_owned(),
            ));
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            problems.push((
                line_index,
                "fenced code blocks are not in the allowed Markdown subset; use inline `code`"
                    .to_owned(),
            ));
        }
        if is_link_reference_definition(trimmed) {
            problems.push((
                line_index,
                "links are not allowed: the learner may be offline".to_owned(),
            ));
        }
        if let Some(problem) = inline_problem(&shown_text(&to_inlines(line))) {
            problems.push((line_index, problem));
        }
    }
    // The renderer joins a paragraph's lines (and a list entry's continued lines) before it
    // looks for markers, so a marker can pair across lines and show as plain text what each
    // line alone kept in code. Each block is checked as rendered too; a problem only visible
    // there is reported on the block's first line.
    for (lines, block) in blocks_with_lines(text) {
        let entries = match &block {
            Block::Paragraph(runs) => vec![runs],
            Block::List(entries) => entries.iter().collect(),
        };
        for runs in entries {
            if let Some(problem) = inline_problem(&shown_text(runs)) {
                if !problems.iter().any(|(line, _)| lines.contains(line)) {
                    problems.push((lines.start, problem));
                }
            }
        }
    }
    problems.sort_by_key(|(line, _)| *line);
    problems
}

/// The text the player shows for some runs, with code blanked out: inside a code span `<b>`
/// is shown literally, so it is safe there. Everything else is checked exactly as it will be
/// displayed, whatever markers surround it.
fn shown_text(runs: &[Inline]) -> String {
    runs.iter()
        .map(|run| match run {
            Inline::Text(text) | Inline::Strong(text) | Inline::Emphasis(text) => text.clone(),
            Inline::Code(code) => " ".repeat(code.chars().count() + 2),
        })
        .collect()
}

fn inline_problem(line: &str) -> Option<String> {
    let characters: Vec<char> = line.chars().collect();
    for (index, &character) in characters.iter().enumerate() {
        let next = characters.get(index + 1).copied();
        match character {
            '<' if next.is_some_and(|next| {
                next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?')
            }) =>
            {
                let tag: String = characters[index..]
                    .iter()
                    .take_while(|c| !c.is_whitespace() && **c != '>')
                    .collect();
                return Some(format!("raw HTML is not allowed (`{tag}`)"));
            }
            '&' => {
                let entity: String = characters[index + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
                    .collect();
                if !entity.is_empty()
                    && characters.get(index + 1 + entity.chars().count()) == Some(&';')
                {
                    return Some(format!("HTML character references are not allowed (`&{entity};`); write the character itself"));
                }
            }
            '!' if next == Some('[') => {
                return Some("images are not allowed: the learner may be offline".to_owned());
            }
            ']' if matches!(next, Some('(') | Some('[')) => {
                return Some("links are not allowed: the learner may be offline".to_owned());
            }
            _ => {}
        }
    }
    let lowercase = line.to_lowercase();
    for scheme in ["http://", "https://", "www.", "mailto:"] {
        if lowercase.contains(scheme) {
            return Some(format!(
                "web addresses (`{scheme}…`) are not allowed: the learner may be offline"
            ));
        }
    }
    None
}

/// `[label]: destination`, which defines a reference link.
fn is_link_reference_definition(trimmed: &str) -> bool {
    let Some(rest) = trimmed.strip_prefix('[') else {
        return false;
    };
    match rest.find("]:") {
        Some(end) => !rest[..end].contains(']'),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::markdown_problems;

    #[test]
    fn allowed_subset_passes() {
        let text = "A **bold** and *italic* word, `<b>` in code, 3 < 5 & 4 > 2.\n\n- one\n- two";
        assert_eq!(markdown_problems(text), Vec::new());
    }

    #[test]
    fn each_forbidden_construct_is_reported_on_its_line() {
        let cases = [
            ("<b>hi</b>", "raw HTML"),
            ("ok\n<!-- c -->", "raw HTML"),
            ("see [this](x)", "links are not allowed"),
            ("[a]: http://x", "links are not allowed"),
            ("![cat](cat.png)", "images are not allowed"),
            ("go to https://example.org", "web addresses"),
            ("# Title", "headings"),
            ("> quote", "block quotes"),
            ("```\ncode\n```", "fenced code"),
            ("a &amp; b", "character references"),
        ];
        for (text, expected) in cases {
            let problems = markdown_problems(text);
            assert!(
                problems
                    .iter()
                    .any(|(_, message)| message.contains(expected)),
                "{text:?} gave {problems:?}, expected {expected:?}"
            );
        }
        assert_eq!(markdown_problems("fine\n<i>x</i>")[0].0, 1);
    }

    /// Found by the `markdown` fuzz target: the validator blanked everything after a backtick
    /// as code, but the renderer pairs markers its own way, so raw HTML behind an unclosed or
    /// differently paired backtick reached the learner as text.
    #[test]
    fn markup_hidden_behind_a_backtick_the_renderer_does_not_pair_is_refused() {
        for text in [
            "*`*<b",
            "` <b>",
            "*`*<b>x</b>",
            "a `b` and ` https://example.org",
            // Paired within each line, but the paragraph joins them differently.
            "x `\n` <b> `",
        ] {
            assert!(
                markdown_problems(text)
                    .iter()
                    .any(|(_, message)| message.contains("raw HTML")
                        || message.contains("web addresses")),
                "{text:?} was accepted"
            );
        }
        assert_eq!(markdown_problems("`<b>` and `&amp;` in code"), Vec::new());
        assert_eq!(markdown_problems("x `\n` <b> `")[0].0, 0);
    }
}

/// A block of the allowed Markdown subset, ready for a renderer that builds elements (never
/// HTML strings), so content can never inject markup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    List(Vec<Vec<Inline>>),
}

/// A run of text inside a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Emphasis(String),
    Code(String),
}

/// Splits text of the allowed subset into paragraphs and `-` lists. Anything else is shown as
/// the plain text it is, so a mistake in content degrades to visible characters, not to
/// missing words.
pub fn to_blocks(text: &str) -> Vec<Block> {
    blocks_with_lines(text)
        .into_iter()
        .map(|(_, block)| block)
        .collect()
}

/// The blocks of [`to_blocks`], each with the 0-based lines it was made from.
fn blocks_with_lines(text: &str) -> Vec<(Range<usize>, Block)> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Vec<Vec<Inline>> = Vec::new();
    // The first line of the block being gathered.
    let mut start = 0;
    let flush = |paragraph: &mut Vec<&str>,
                 list: &mut Vec<Vec<Inline>>,
                 blocks: &mut Vec<(Range<usize>, Block)>,
                 lines: Range<usize>| {
        if !paragraph.is_empty() {
            blocks.push((lines, Block::Paragraph(to_inlines(&paragraph.join(" ")))));
            paragraph.clear();
        } else if !list.is_empty() {
            blocks.push((lines, Block::List(std::mem::take(list))));
        }
    };
    for (index, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut list, &mut blocks, start..index);
            start = index + 1;
        } else if let Some(entry) = trimmed
            .strip_prefix("- ")
            .or_else(|| trimmed.strip_prefix("* "))
        {
            if !paragraph.is_empty() {
                flush(&mut paragraph, &mut list, &mut blocks, start..index);
                start = index;
            }
            list.push(to_inlines(entry.trim()));
        } else if !list.is_empty() && line.starts_with([' ', '\t']) {
            // An indented line continues the list entry above it.
            if let Some(last) = list.last_mut() {
                last.push(Inline::Text(" ".to_owned()));
                last.extend(to_inlines(trimmed));
            }
        } else {
            if !list.is_empty() {
                flush(&mut paragraph, &mut list, &mut blocks, start..index);
                start = index;
            }
            paragraph.push(trimmed);
        }
    }
    flush(
        &mut paragraph,
        &mut list,
        &mut blocks,
        start..text.lines().count(),
    );
    blocks
}

/// Splits one line into plain, `**strong**`, `*emphasised*` and `` `code` `` runs. An
/// unclosed marker is kept as text.
pub fn to_inlines(text: &str) -> Vec<Inline> {
    let mut runs = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(character) = rest.chars().next() {
        let marked = if let Some(after) = rest.strip_prefix("**") {
            after
                .find("**")
                .map(|end| (Inline::Strong(after[..end].to_owned()), &after[end + 2..]))
        } else if let Some(after) = rest.strip_prefix('`') {
            after
                .find('`')
                .map(|end| (Inline::Code(after[..end].to_owned()), &after[end + 1..]))
        } else if let Some(after) = rest.strip_prefix('*') {
            after
                .find('*')
                // As in CommonMark, emphasis hugs its text: `2 * 3 * 4` is arithmetic.
                .filter(|end| {
                    let inner = &after[..*end];
                    !inner.is_empty()
                        && !inner.starts_with(char::is_whitespace)
                        && !inner.ends_with(char::is_whitespace)
                })
                .map(|end| (Inline::Emphasis(after[..end].to_owned()), &after[end + 1..]))
        } else {
            None
        };
        match marked {
            Some((run, remaining)) => {
                if !plain.is_empty() {
                    runs.push(Inline::Text(std::mem::take(&mut plain)));
                }
                runs.push(run);
                rest = remaining;
            }
            None => {
                plain.push(character);
                rest = &rest[character.len_utf8()..];
            }
        }
    }
    if !plain.is_empty() {
        runs.push(Inline::Text(plain));
    }
    runs
}

#[cfg(test)]
mod rendering_tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_inline_runs() {
        let blocks =
            to_blocks("Hello **world** and *you*.\nStill here.\n\n- one `ㄱ`\n- two\n\nEnd");
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![
                    Inline::Text("Hello ".into()),
                    Inline::Strong("world".into()),
                    Inline::Text(" and ".into()),
                    Inline::Emphasis("you".into()),
                    Inline::Text(". Still here.".into()),
                ]),
                Block::List(vec![
                    vec![Inline::Text("one ".into()), Inline::Code("ㄱ".into())],
                    vec![Inline::Text("two".into())],
                ]),
                Block::Paragraph(vec![Inline::Text("End".into())]),
            ]
        );
    }

    #[test]
    fn unclosed_markers_stay_text() {
        assert_eq!(
            to_inlines("2 * 3 = 6 and **bold"),
            vec![Inline::Text("2 * 3 = 6 and **bold".into())]
        );
    }
}
