//! No inline code in the built pages: the server's Content-Security-Policy
//! (`crates/server/src/security_headers.rs`) runs only script and style files, so a page that
//! still carried an inline `<script>`, a `<style>` element, a `style="…"` attribute or an
//! `on…=` handler would break in the browser, not in the build.
//!
//! Trunk writes the teachers' app's start-up as an inline module script, and has no setting to
//! write it as a file; [`move_inline_scripts_out`] moves it into a file named by its hash (so
//! it is cached for good like the app's other files). [`check_no_inline_code`] then refuses a
//! build whose pages hold any inline code at all, and [`strip_html_comments`] takes the
//! editors' notes out of the pages learners download.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use sha2::{Digest, Sha256};

use crate::build::files_under;

/// Moves every inline `<script>` of the page at `page` into a file `<stem>-<hash>.js` beside
/// it, served at `<url_prefix><stem>-<hash>.js`, and points the tag at that file (keeping its
/// other attributes, `type="module"` among them). Returns the names of the files written.
pub fn move_inline_scripts_out(page: &Path, url_prefix: &str, stem: &str) -> Result<Vec<String>> {
    let html =
        fs::read_to_string(page).with_context(|| format!("cannot read {}", page.display()))?;
    let folder = page
        .parent()
        .with_context(|| format!("{} has no folder", page.display()))?;
    let (rewritten, scripts) = extract_inline_scripts(&html, url_prefix, stem)?;
    let mut names = Vec::new();
    for (name, script) in scripts {
        let path = folder.join(&name);
        fs::write(&path, script).with_context(|| format!("cannot write {}", path.display()))?;
        names.push(name);
    }
    fs::write(page, rewritten).with_context(|| format!("cannot write {}", page.display()))?;
    Ok(names)
}

/// The page with each inline script replaced by a reference to a file, and those files'
/// names and contents.
fn extract_inline_scripts(
    html: &str,
    url_prefix: &str,
    stem: &str,
) -> Result<(String, Vec<(String, String)>)> {
    let mut rewritten = String::with_capacity(html.len());
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = find_tag(rest, "script") {
        rewritten.push_str(&rest[..start]);
        let tag = Tag::parse(&rest[start..]).context("a <script> tag is not closed")?;
        let after_tag = &rest[start + tag.length..];
        let end = after_tag
            .find("</script>")
            .context("a <script> element has no </script>")?;
        let body = &after_tag[..end];
        if tag.attribute("src").is_some() {
            rewritten.push_str(&rest[start..start + tag.length + end + "</script>".len()]);
        } else {
            let name = format!(
                "{stem}-{}.js",
                short_hex(&Sha256::digest(body.trim().as_bytes()))
            );
            let attributes: String = tag
                .attributes
                .iter()
                .map(|(key, value)| match value {
                    Some(value) => format!(" {key}=\"{value}\""),
                    None => format!(" {key}"),
                })
                .collect();
            rewritten.push_str(&format!(
                "<script{attributes} src=\"{url_prefix}{name}\"></script>"
            ));
            scripts.push((name, format!("{}\n", body.trim())));
        }
        rest = &after_tag[end + "</script>".len()..];
    }
    rewritten.push_str(rest);
    Ok((rewritten, scripts))
}

/// Fails, naming the page and what it holds, if any HTML page below `folder` carries inline
/// code the Content-Security-Policy refuses. The `<style>` elements of `styles_allowed_in`
/// are allowed: the server allows each by its hash (the learners' first screen's CSS,
/// `first_screen.rs`).
pub fn check_no_inline_code(folder: &Path, styles_allowed_in: &Path) -> Result<()> {
    let mut problems = Vec::new();
    for path in files_under(folder)? {
        if path.extension().and_then(|extension| extension.to_str()) != Some("html") {
            continue;
        }
        let html =
            fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        for problem in inline_code(&html) {
            if path == styles_allowed_in && problem == STYLE_ELEMENT {
                continue;
            }
            problems.push(format!("{}: {problem}", path.display()));
        }
    }
    if !problems.is_empty() {
        bail!(
            "the built pages hold inline code, which the Content-Security-Policy refuses:\n  {}",
            problems.join("\n  ")
        );
    }
    Ok(())
}

/// Removes the comments from every HTML page below `folder`, and the lines they leave empty:
/// they are notes for whoever edits `index.html`, and every learner would download them.
pub fn strip_html_comments(folder: &Path) -> Result<()> {
    for path in files_under(folder)? {
        if path.extension().and_then(|extension| extension.to_str()) != Some("html") {
            continue;
        }
        let html =
            fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        fs::write(&path, without_comments(&html))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

fn without_comments(html: &str) -> String {
    let mut kept = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        kept.push_str(&rest[..start]);
        rest = rest[start..]
            .find("-->")
            .map_or("", |end| &rest[start + end + 3..]);
    }
    kept.push_str(rest);
    let lines: Vec<&str> = kept
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    lines.join("\n") + "\n"
}

const STYLE_ELEMENT: &str = "a <style> element";

/// What in `html` is inline code: scripts without `src`, `<style>` elements, `style`
/// attributes, event handler attributes and `javascript:` addresses.
fn inline_code(html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some(tag) = Tag::parse(rest) else {
            rest = &rest[1..];
            continue;
        };
        match tag.name.as_str() {
            "script" if tag.attribute("src").is_none() => {
                problems.push("an inline <script>".to_owned())
            }
            "style" => problems.push(STYLE_ELEMENT.to_owned()),
            _ => {}
        }
        for (key, value) in &tag.attributes {
            if key == "style" {
                problems.push(format!("a style attribute on <{}>", tag.name));
            } else if key.starts_with("on") {
                problems.push(format!("an event handler {key} on <{}>", tag.name));
            } else if value.as_deref().is_some_and(|value| {
                value
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("javascript:")
            }) {
                problems.push(format!("a javascript: address in {key} on <{}>", tag.name));
            }
        }
        rest = &rest[tag.length..];
        // A script's or style's text is not markup: skip to its end tag.
        if matches!(tag.name.as_str(), "script" | "style") {
            let end_tag = format!("</{}", tag.name);
            rest = rest
                .to_ascii_lowercase()
                .find(&end_tag)
                .map_or("", |end| &rest[end..]);
        }
    }
    problems
}

/// Where the next `<name` opening tag starts in `html`.
fn find_tag(html: &str, name: &str) -> Option<usize> {
    let opening = format!("<{name}");
    let mut from = 0;
    while let Some(found) = html[from..].find(&opening) {
        let at = from + found;
        let next = html[at + opening.len()..].chars().next();
        if next.is_some_and(|character| character.is_whitespace() || character == '>') {
            return Some(at);
        }
        from = at + opening.len();
    }
    None
}

/// An opening tag: its lower-case name, attributes (lower-case names, values unquoted) and
/// length in bytes up to and including its `>`.
struct Tag {
    name: String,
    attributes: Vec<(String, Option<String>)>,
    length: usize,
}

impl Tag {
    /// Reads the opening tag at the start of `html` (which starts with `<`); `None` when it is
    /// not one (a closing tag, a doctype, a `<` in text).
    fn parse(html: &str) -> Option<Tag> {
        let bytes = html.as_bytes();
        let mut at = 1;
        let name_start = at;
        while at < bytes.len() && bytes[at].is_ascii_alphanumeric() {
            at += 1;
        }
        if at == name_start || !bytes[name_start].is_ascii_alphabetic() {
            return None;
        }
        let name = html[name_start..at].to_ascii_lowercase();
        let mut attributes = Vec::new();
        loop {
            while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
                at += 1;
            }
            match bytes.get(at)? {
                b'>' => {
                    return Some(Tag {
                        name,
                        attributes,
                        length: at + 1,
                    })
                }
                _ => {
                    let key_start = at;
                    while at < bytes.len()
                        && !bytes[at].is_ascii_whitespace()
                        && !matches!(bytes[at], b'=' | b'>' | b'/')
                    {
                        at += 1;
                    }
                    let key = html[key_start..at].to_ascii_lowercase();
                    while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                        at += 1;
                    }
                    if bytes.get(at) != Some(&b'=') {
                        attributes.push((key, None));
                        continue;
                    }
                    at += 1;
                    while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                        at += 1;
                    }
                    let value = match bytes.get(at)? {
                        quote @ (b'"' | b'\'') => {
                            let end = at + 1 + html[at + 1..].find(*quote as char)?;
                            let value = &html[at + 1..end];
                            at = end + 1;
                            value
                        }
                        _ => {
                            let value_start = at;
                            while at < bytes.len()
                                && !bytes[at].is_ascii_whitespace()
                                && bytes[at] != b'>'
                            {
                                at += 1;
                            }
                            &html[value_start..at]
                        }
                    };
                    attributes.push((key, Some(value.to_owned())));
                }
            }
        }
    }

    fn attribute(&self, key: &str) -> Option<Option<&str>> {
        self.attributes
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value.as_deref())
    }
}

fn short_hex(digest: &[u8]) -> String {
    digest[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{extract_inline_scripts, inline_code, without_comments};

    /// What Trunk 0.21 writes for an app it starts itself (`src/pipelines/rust/output.rs`).
    const TRUNK_PAGE: &str = r#"<!doctype html><html><head>
<link rel="modulepreload" href="/teach/baeum-teach-0123456789abcdef.js" crossorigin="anonymous" integrity="sha384-abc">
<script defer src="/register-sw.js"></script>
<script type="module">
import init, * as bindings from '/teach/baeum-teach-0123456789abcdef.js';
const wasm = await init({ module_or_path: '/teach/baeum-teach-0123456789abcdef_bg.wasm' });
</script></head><body><noscript>needs JavaScript</noscript></body></html>"#;

    #[test]
    fn trunks_start_up_script_becomes_a_hashed_file() {
        let (page, scripts) =
            extract_inline_scripts(TRUNK_PAGE, "/teach/", "baeum-teach-start").expect("extracted");
        assert_eq!(scripts.len(), 1);
        let (name, script) = &scripts[0];
        assert!(name.starts_with("baeum-teach-start-") && name.ends_with(".js"));
        assert_eq!(name.len(), "baeum-teach-start-".len() + 16 + ".js".len());
        assert!(script.starts_with("import init, * as bindings from '/teach/baeum-teach-"));
        assert!(page.contains(&format!(
            "<script type=\"module\" src=\"/teach/{name}\"></script>"
        )));
        // The script that already was a file is left alone.
        assert!(page.contains("<script defer src=\"/register-sw.js\"></script>"));
        assert!(!page.contains("await init"));
        assert_eq!(inline_code(&page), Vec::<String>::new());
        // The same script, the same name: a rebuild that changes nothing changes no name.
        let (_, again) =
            extract_inline_scripts(TRUNK_PAGE, "/teach/", "baeum-teach-start").expect("extracted");
        assert_eq!(&again[0].0, name);
    }

    #[test]
    fn comments_and_the_lines_they_leave_empty_go() {
        let page = "<head>\n  <!-- a note\n  on two lines -->\n  <title>x</title> <!-- after -->\n\n</head>\n";
        assert_eq!(
            without_comments(page),
            "<head>\n  <title>x</title> \n</head>\n"
        );
    }

    #[test]
    fn every_kind_of_inline_code_is_found() {
        assert_eq!(inline_code(TRUNK_PAGE), ["an inline <script>"]);
        let page = r#"<!-- <script>in a comment</script> -->
<div style="width: 3px" data-x='a > b'><style>p{}</style>
<button onclick="go()">Go</button><a href=" JavaScript:go()">go</a>
<SCRIPT>x()</SCRIPT><img src="/icon.svg" alt="">"#;
        assert_eq!(
            inline_code(page),
            [
                "a style attribute on <div>",
                "a <style> element",
                "an event handler onclick on <button>",
                "a javascript: address in href on <a>",
                "an inline <script>",
            ]
        );
    }
}
