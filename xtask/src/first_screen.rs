//! The learners' first screen, written into `dist/index.html` at build time: the course list a
//! guest sees on home, as plain HTML with the CSS it needs inline, so that a learner on a slow
//! link reads the courses after the first answer instead of after the wasm (issue 16, item 6).
//!
//! - The markup is the one `src/shell.rs` and `src/pages/home.rs` render for a first visit (same
//!   elements, classes and English text, from `locales/en.ftl` through core's Fluent), inside
//!   `<div id="first-screen">`, which the app replaces once it shows the same
//!   (`src/first_screen.rs`); a rule added to the inline CSS hides the app behind it until
//!   then. Its test ids are its own, so nothing waiting for the app finds it. The live
//!   indicators (connection, sync) are left out: the page cannot know them.
//! - The courses are home's on a first visit: the first of the catalog the server serves
//!   (`content::catalog`, core's `home_catalog`), never thousands. Every course's card is
//!   written to `first-screen-cards.txt` beside the page, from which the server makes a site's
//!   first screen of the site's home courses.
//! - Its CSS is the rules of the app's stylesheets that can match it, in a `<style>` element
//!   the server allows by its hash (`crates/server/src/security_headers.rs`) and the app
//!   removes with the screen. The stylesheets move from the head to just after the screen: a
//!   stylesheet in the body holds back only what follows it, so the screen paints without
//!   waiting for another request.
//! - Home's courses are preloaded beside the wasm and its scripts (`split_wasm.rs`), so the app
//!   finds them fetched when it asks.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use baeum_core::content::{CatalogCourse, CatalogIndex, Language};
use baeum_core::i18n::{
    compile, InterfaceLanguage, MessageArgument, Messages, NumberRules, PluralCategory,
};

/// The `id` of the screen's container and of its `<style>`; the app removes both.
const SCREEN_ID: &str = "first-screen";
const STYLE_ID: &str = "first-screen-style";
/// Hides what follows the screen in `<body>`: the app, mounted but not yet ready to show.
const HIDE_THE_APP: &str = "#first-screen~*{display:none}";
/// Where the app fetches home's courses on a first visit (`src/content_client.rs`), preloaded.
const CATALOG_URL: &str = baeum_core::content::home::HOME_PATH;

/// Writes the first screen into the learners' `dist/index.html`, whose stylesheets Trunk has
/// written into the head.
pub fn add_first_screen(root: &Path, dist: &Path) -> Result<()> {
    let index = dist.join("index.html");
    let html = read_text(&index)?;
    let every_course = crate::content::catalog(root)?;
    // An address that is no site's lists the shared courses, not the sites' own.
    let shared = baeum_core::site::site_catalog(
        &every_course,
        None,
        &baeum_core::site::CourseSelection::All,
    );
    let catalog = baeum_core::content::home::home_catalog(&shared, &[], &[]);
    let english_source = read_text(&root.join("locales").join("en.ftl"))?;
    let table = compile::compile(&english_source)
        .map_err(|error| anyhow::anyhow!("locales/en.ftl: {error}"))?;
    let english = Messages::parse(InterfaceLanguage::En, &table)
        .map_err(|error| anyhow::anyhow!("locales/en.ftl, compiled: {error}"))?;
    let screen = screen_html(&catalog, &english)?;
    // Every course's card, for the server to make a site's first screen of its home courses.
    let mut all_cards = String::new();
    for course in &every_course.courses {
        all_cards.push_str(&card_html(course, &english)?);
        all_cards.push('\n');
    }
    let cards_file = dist.join(baeum_core::site::FIRST_SCREEN_CARDS_FILE);
    fs::write(&cards_file, all_cards)
        .with_context(|| format!("cannot write {}", cards_file.display()))?;
    let (html, stylesheet_links) = take_stylesheet_links(&html)?;
    let mut stylesheets = String::new();
    for link in &stylesheet_links {
        let href = attribute(link, "href")
            .with_context(|| format!("a stylesheet link without href: {link}"))?;
        stylesheets.push_str(&read_text(&dist.join(href.trim_start_matches('/')))?);
        stylesheets.push('\n');
    }
    // The app mounts after the screen, hidden until it takes the screen's place.
    let critical = critical_css(&stylesheets, &UsedNames::of(&screen)) + HIDE_THE_APP;
    let head_end = html
        .find("</head>")
        .with_context(|| format!("{} has no </head>", index.display()))?;
    let mut page = String::with_capacity(html.len() + screen.len() + critical.len() + 512);
    page.push_str(&html[..head_end]);
    page.push_str(&format!(
        "<style id=\"{STYLE_ID}\">{critical}</style>\n\
         <link rel=\"preload\" href=\"{CATALOG_URL}\" as=\"fetch\" crossorigin>\n"
    ));
    let rest = &html[head_end..];
    let body_start = rest
        .find("<body")
        .with_context(|| format!("{} has no <body>", index.display()))?;
    let body_tag_end = body_start
        + rest[body_start..]
            .find('>')
            .context("the <body> tag is not closed")?
        + 1;
    page.push_str(&rest[..body_tag_end]);
    page.push('\n');
    page.push_str(&screen);
    page.push('\n');
    for link in &stylesheet_links {
        page.push_str(link);
        page.push('\n');
    }
    page.push_str(&rest[body_tag_end..]);
    fs::write(&index, page).with_context(|| format!("cannot write {}", index.display()))
}

/// English's number rules, as the browser's `Intl` answers them for `en`: the static screen is
/// written in English only (CLDR: "one" is exactly 1; integers with thousands separators).
struct EnglishNumbers;

impl NumberRules for EnglishNumbers {
    fn plural_category(&self, _language: InterfaceLanguage, number: f64) -> PluralCategory {
        if number == 1.0 {
            PluralCategory::One
        } else {
            PluralCategory::Other
        }
    }

    fn write_number(&self, _language: InterfaceLanguage, number: f64) -> String {
        if number.fract() != 0.0 || number.abs() >= 1e15 {
            return number.to_string();
        }
        let digits = (number.abs() as u64).to_string();
        let mut grouped = String::new();
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        if number < 0.0 {
            grouped.insert(0, '-');
        }
        grouped
    }
}

/// The screen's markup: the shell's header for a guest on home, then home as a first visit
/// shows it: the "today" panel of a guest with no answers, and the course list.
/// Written without whitespace between elements, as Leptos renders it.
fn screen_html(catalog: &CatalogIndex, english: &Messages) -> Result<String> {
    let message = |id: &str, arguments: &[(&str, MessageArgument)]| {
        english
            .format(id, arguments, &EnglishNumbers, InterfaceLanguage::En)
            .with_context(|| format!("locales/en.ftl has no message {id}"))
    };
    let mut html = format!(
        "<div id=\"{SCREEN_ID}\" data-testid=\"first-screen\">\
         <a class=\"skip-link\" href=\"#main\">{skip}</a>\
         <header class=\"app-header\">\
         <a href=\"/\" class=\"brand\"><span class=\"brand-mark\" lang=\"ko\">배움</span> \
         {brand_name}<span class=\"visually-hidden\"> {home}</span></a>\
         <nav class=\"app-nav\" aria-label=\"{nav}\">\
         <a href=\"/\" aria-current=\"page\">{courses}</a>\
         <a href=\"/classes\">{classes}</a>\
         <a href=\"/me\">{me}</a>\
         <a href=\"/settings\">{device}</a>\
         <a href=\"/help\">{help}</a>\
         </nav></header>\
         <main id=\"main\" class=\"app-main\" tabindex=\"-1\"><section class=\"page\">\
         <section class=\"today\" aria-label=\"{today}\"><p class=\"today-facts\">\
         <span>{streak}</span> · <a href=\"/review\">{reviews}</a></p></section>\
         <h1>{title}</h1><ul class=\"course-list\">",
        // Core's markers, by which the server writes a site's name and courses into the page.
        brand_name = baeum_core::site::FIRST_SCREEN_BRAND_NAME,
        skip = escape(&message("shell-skip-to-content", &[])?),
        home = escape(&message("shell-brand-home", &[])?),
        nav = escape(&message("nav-main", &[])?),
        courses = escape(&message("nav-courses", &[])?),
        classes = escape(&message("teach-nav-classes", &[])?),
        me = escape(&message("nav-me", &[])?),
        device = escape(&message("nav-device", &[])?),
        help = escape(&message("nav-help", &[])?),
        // What home's "today" panel says to a guest with no answers yet: every first visit.
        today = escape(&message("home-today", &[])?),
        streak = escape(&message("home-streak-first-lesson", &[])?),
        reviews = escape(&message("home-no-reviews-due", &[])?),
        title = escape(&message("home-courses-title", &[])?),
    );
    for course in &catalog.courses {
        html.push_str(&card_html(course, english)?);
    }
    html.push_str("</ul></section></main></div>");
    Ok(html)
}

/// A course's card on the first screen, as home's card shows it to a guest in English.
fn card_html(course: &CatalogCourse, english: &Messages) -> Result<String> {
    let message = |id: &str, arguments: &[(&str, MessageArgument)]| {
        english
            .format(id, arguments, &EnglishNumbers, InterfaceLanguage::En)
            .with_context(|| format!("locales/en.ftl has no message {id}"))
    };
    let lessons: usize = course.units.iter().map(|unit| unit.lesson_count).sum();
    let meta = message(
        "home-course-meta",
        &[
            ("units", MessageArgument::Number(course.units.len() as f64)),
            ("lessons", MessageArgument::Number(lessons as f64)),
            (
                "size",
                MessageArgument::Text(baeum_core::units::format_bytes(course.size.total())),
            ),
        ],
    )?;
    // The title in the language the course teaches, as the app's home card shows it.
    let target = course.subject.target_language();
    let korean_title = course
        .title
        .get(target.as_language())
        .map(|title| {
            format!(
                "<p class=\"korean-title\" lang=\"{}\">{}</p>",
                target.code(),
                escape(title)
            )
        })
        .unwrap_or_default();
    Ok(format!(
        "{card_start}{id}\">\
         <a href=\"/courses/{id}\"><h2>{title}</h2>{korean_title}</a>\
         <p>{description}</p><p class=\"course-meta\">{meta}</p></li>",
        card_start = baeum_core::site::FIRST_SCREEN_CARD_START,
        id = escape(&course.id),
        title = escape(course.title.get_or_english(Language::En)),
        description = escape(course.description.get_or_english(Language::En)),
        meta = escape(&meta),
    ))
}

/// Text for an element or a quoted attribute value.
fn escape(text: &str) -> String {
    baeum_core::site::escape_html(text)
}

/// `html` without its `<link rel="stylesheet">` tags, and those tags in order.
fn take_stylesheet_links(html: &str) -> Result<(String, Vec<String>)> {
    let mut kept = String::with_capacity(html.len());
    let mut links = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<link") {
        let end = start
            + rest[start..]
                .find('>')
                .context("a <link> tag is not closed")?
            + 1;
        let tag = &rest[start..end];
        kept.push_str(&rest[..start]);
        if attribute(tag, "rel") == Some("stylesheet") {
            links.push(tag.to_owned());
            // The line the tag stood on goes with it.
            while kept.ends_with([' ', '\t']) {
                kept.pop();
            }
            rest = rest[end..].strip_prefix('\n').unwrap_or(&rest[end..]);
        } else {
            kept.push_str(tag);
            rest = &rest[end..];
        }
    }
    kept.push_str(rest);
    if links.is_empty() {
        bail!("the page links no stylesheet to take the first screen's rules from");
    }
    Ok((kept, links))
}

/// The value of the double-quoted attribute `name` in the tag `tag` (as Trunk writes them).
fn attribute<'tag>(tag: &'tag str, name: &str) -> Option<&'tag str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let length = tag[start..].find('"')?;
    Some(&tag[start..start + length])
}

/// The element names and classes a page uses, which decide the rules it needs.
struct UsedNames {
    elements: BTreeSet<String>,
    classes: BTreeSet<String>,
}

impl UsedNames {
    fn of(html: &str) -> UsedNames {
        // The screen sits in a document whose root and body rules apply to it.
        let mut elements: BTreeSet<String> = ["html", "body"].map(str::to_owned).into();
        let mut classes = BTreeSet::new();
        for (at, _) in html.match_indices('<') {
            let name: String = html[at + 1..]
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            if !name.is_empty() {
                elements.insert(name.to_ascii_lowercase());
            }
        }
        for (at, key) in html.match_indices(" class=\"") {
            let value = &html[at + key.len()..];
            let value = &value[..value.find('"').unwrap_or(value.len())];
            classes.extend(value.split_whitespace().map(str::to_owned));
        }
        UsedNames { elements, classes }
    }
}

/// The rules of `css` whose selectors can match a page using `used`: a selector naming an
/// element or a class the page lacks cannot, and every other one (`*`, `:root`, attributes,
/// pseudo-classes) is kept. `@media` and `@supports` blocks keep the rules of theirs that
/// qualify; other at-rules (keyframes, font faces) are left to the stylesheet.
fn critical_css(css: &str, used: &UsedNames) -> String {
    let css = without_comments(css);
    let mut kept = String::new();
    let mut rest = css.as_str();
    loop {
        rest = rest.trim_start();
        let Some(open) = rest.find(['{', ';']) else {
            break;
        };
        let prelude = collapse_whitespace(&rest[..open]);
        if rest.as_bytes()[open] == b';' {
            // `@charset`, `@import`: nothing the screen needs.
            rest = &rest[open + 1..];
            continue;
        }
        let close = matching_brace(rest, open);
        let block = &rest[open + 1..close];
        if let Some(at_rule) = prelude.strip_prefix('@') {
            if at_rule.starts_with("media") || at_rule.starts_with("supports") {
                let inner = critical_css(block, used);
                if !inner.is_empty() {
                    kept.push_str(&format!("{prelude}{{{inner}}}"));
                }
            }
        } else if top_level_commas(&prelude)
            .iter()
            .any(|selector| selector_may_match(selector, used))
        {
            kept.push_str(&format!(
                "{prelude}{{{}}}",
                collapse_whitespace(block.trim())
            ));
        }
        rest = rest.get(close + 1..).unwrap_or_default();
    }
    kept
}

fn without_comments(css: &str) -> String {
    let mut kept = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        kept.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    kept.push_str(rest);
    kept
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where the brace opened at `open` closes (the end of `text` if it never does), skipping
/// quoted strings.
fn matching_brace(text: &str, open: usize) -> usize {
    let mut depth = 0;
    let mut quote = None;
    for (at, character) in text[open..].char_indices() {
        match (quote, character) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(character),
            (None, '{') => depth += 1,
            (None, '}') => {
                depth -= 1;
                if depth == 0 {
                    return open + at;
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// The selectors of a selector list (commas inside `:is(…)` and the like do not separate).
fn top_level_commas(list: &str) -> Vec<String> {
    let mut selectors = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    for character in list.chars() {
        match character {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                selectors.push(current.trim().to_owned());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(character);
    }
    selectors.push(current.trim().to_owned());
    selectors
}

/// False when `selector` names an element type or a class the page does not use.
fn selector_may_match(selector: &str, used: &UsedNames) -> bool {
    let characters: Vec<char> = selector.chars().collect();
    let identifier_at = |start: usize| -> (String, usize) {
        let mut end = start;
        while end < characters.len()
            && (characters[end].is_alphanumeric() || matches!(characters[end], '-' | '_'))
        {
            end += 1;
        }
        (characters[start..end].iter().collect(), end)
    };
    let mut at = 0;
    // True where a type selector may stand: at the start and after a combinator.
    let mut compound_start = true;
    while at < characters.len() {
        let character = characters[at];
        match character {
            '[' | '(' => {
                // Attribute and pseudo-class arguments: skipped, so the selector may match.
                let close = if character == '[' { ']' } else { ')' };
                let mut depth = 0;
                while at < characters.len() {
                    if characters[at] == character {
                        depth += 1;
                    } else if characters[at] == close {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    at += 1;
                }
                at += 1;
                compound_start = false;
            }
            '.' => {
                let (class, end) = identifier_at(at + 1);
                if !used.classes.contains(&class) {
                    return false;
                }
                at = end;
                compound_start = false;
            }
            '#' | ':' => {
                let mut start = at + 1;
                while characters.get(start) == Some(&':') {
                    start += 1;
                }
                at = identifier_at(start).1;
                compound_start = false;
            }
            ' ' | '>' | '+' | '~' => {
                compound_start = true;
                at += 1;
            }
            character if compound_start && character.is_alphabetic() => {
                let (element, end) = identifier_at(at);
                if !used.elements.contains(&element.to_ascii_lowercase()) {
                    return false;
                }
                at = end;
                compound_start = false;
            }
            _ => {
                compound_start = false;
                at += 1;
            }
        }
    }
    true
}

fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::{critical_css, take_stylesheet_links, EnglishNumbers, UsedNames};
    use baeum_core::i18n::{InterfaceLanguage, NumberRules, PluralCategory};

    #[test]
    fn english_numbers_are_written_and_counted_as_the_browser_does() {
        let en = InterfaceLanguage::En;
        assert_eq!(EnglishNumbers.write_number(en, 1234567.0), "1,234,567");
        assert_eq!(EnglishNumbers.write_number(en, 999.0), "999");
        assert_eq!(EnglishNumbers.write_number(en, 1.5), "1.5");
        assert_eq!(EnglishNumbers.plural_category(en, 1.0), PluralCategory::One);
        assert_eq!(
            EnglishNumbers.plural_category(en, 0.0),
            PluralCategory::Other
        );
        assert_eq!(
            EnglishNumbers.plural_category(en, 21.0),
            PluralCategory::Other
        );
    }

    const SCREEN: &str = "<div id=\"first-screen\"><header class=\"app-header\">\
        <a href=\"/\" class=\"brand\">b</a></header><ul class=\"course-list\">\
        <li class=\"course-card\"><h2>Hangul</h2></li></ul></div>";

    #[test]
    fn only_rules_that_can_match_the_screen_are_kept() {
        let css = "/* colours */\n:root { --ink: #000; }\n* { box-sizing: border-box; }\n\
            body { margin: 0; }\nbutton, .button { min-height: 44px; }\n\
            .app-header a { color: white; }\n.app-nav a[aria-current=\"page\"] { x: y; }\n\
            .course-card h2 { margin: 0; }\n.player .item-card { padding: 1rem; }\n\
            table { width: 100%; }\n:focus-visible { outline: 3px solid; }\n\
            .brand:hover, .lesson-list li { color: red; }\n\
            @media (min-width: 40rem) { .course-list { columns: 2; } .unit { margin: 0; } }\n\
            @media print { .player { display: none; } }\n\
            @keyframes spin { from { rotate: 0; } }\n";
        assert_eq!(
            critical_css(css, &UsedNames::of(SCREEN)),
            ":root{--ink: #000;}*{box-sizing: border-box;}body{margin: 0;}\
             .app-header a{color: white;}.course-card h2{margin: 0;}\
             :focus-visible{outline: 3px solid;}.brand:hover, .lesson-list li{color: red;}\
             @media (min-width: 40rem){.course-list{columns: 2;}}"
        );
    }

    #[test]
    fn stylesheets_leave_the_head_and_other_links_stay() {
        let page = "<head>\n  <link rel=\"manifest\" href=\"/m.webmanifest\">\n  \
            <link rel=\"stylesheet\" href=\"/main-0123456789abcdef.css\" integrity=\"sha384-x\"/>\n\
            </head>";
        let (kept, links) = take_stylesheet_links(page).expect("taken");
        assert_eq!(
            kept,
            "<head>\n  <link rel=\"manifest\" href=\"/m.webmanifest\">\n</head>"
        );
        assert_eq!(
            links,
            ["<link rel=\"stylesheet\" href=\"/main-0123456789abcdef.css\" integrity=\"sha384-x\"/>"]
        );
    }
}
