//! Where to get help: the help lines the learners' help page lists, per country, from
//! `content/help-lines.toml` (a site changes that file to list its own). `cargo xtask content`
//! reads it with [`parse_help_lines`], refuses it with every problem named, and writes it as
//! `help-lines.json` beside the course packs, which the help page reads; core's tests check the
//! file in the repository too.
//!
//! Every line names where its number was checked (`source`, an http(s) address) and when
//! (`checked`, a date), so a stale entry can be found and checked again. Texts are given per
//! interface language; English is required and fills the gaps.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::InterfaceLanguage;
use crate::xapi::formats::parse_calendar_date;

/// The help lines of every country the file lists, in its order (the first is the site's own,
/// shown when the learner's country is not known).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpLines {
    pub country: Vec<HelpCountry>,
}

/// One country's lines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpCountry {
    /// ISO 3166-1 alpha-2, upper case (`KR`).
    pub code: String,
    pub line: Vec<HelpLine>,
}

/// One place to get help.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HelpLine {
    /// Its name, by interface language tag; `en` required.
    pub name: BTreeMap<String, String>,
    /// What it is for and when it answers, one short sentence, by language; `en` required.
    pub about: BTreeMap<String, String>,
    /// The number to call, as people write it; none for a place (a school's counselling room).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Where the number and service were checked: an http(s) address.
    pub source: String,
    /// When, `YYYY-MM-DD`.
    pub checked: String,
}

impl HelpLine {
    /// The name in `language`, else English.
    pub fn name_in(&self, language: &str) -> &str {
        text_in(&self.name, language)
    }

    /// What it is for in `language`, else English.
    pub fn about_in(&self, language: &str) -> &str {
        text_in(&self.about, language)
    }

    /// The `tel:` address of its phone number (digits, and `+` first), if it has one.
    pub fn tel_href(&self) -> Option<String> {
        let phone = self.phone.as_deref()?;
        let digits: String = phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        (!digits.is_empty()).then(|| format!("tel:{digits}"))
    }
}

fn text_in<'a>(texts: &'a BTreeMap<String, String>, language: &str) -> &'a str {
    texts
        .get(language)
        .or_else(|| texts.get("en"))
        .map(String::as_str)
        .unwrap_or_default()
}

impl HelpLines {
    /// The country with this code, else the first.
    pub fn country_or_first(&self, code: Option<&str>) -> Option<&HelpCountry> {
        code.and_then(|code| self.country.iter().find(|country| country.code == code))
            .or_else(|| self.country.first())
    }
}

/// Reads and checks the help-lines file: every problem, each naming the country and line.
pub fn parse_help_lines(text: &str) -> Result<HelpLines, Vec<String>> {
    let lines: HelpLines = toml::from_str(text).map_err(|error| vec![error.to_string()])?;
    let problems = check_help_lines(&lines);
    if problems.is_empty() {
        Ok(lines)
    } else {
        Err(problems)
    }
}

/// What is wrong with a help-lines list; empty when nothing.
pub fn check_help_lines(lines: &HelpLines) -> Vec<String> {
    let mut problems = Vec::new();
    if lines.country.is_empty() {
        problems.push("no country is listed".to_owned());
    }
    let mut codes: Vec<&str> = Vec::new();
    for country in &lines.country {
        let code = country.code.as_str();
        if code.len() != 2 || !code.bytes().all(|byte| byte.is_ascii_uppercase()) {
            problems.push(format!(
                "country {code:?}: the code is two capital letters (KR)"
            ));
        }
        if codes.contains(&code) {
            problems.push(format!("country {code}: listed twice"));
        }
        codes.push(code);
        if country.line.is_empty() {
            problems.push(format!("country {code}: no line is listed"));
        }
        for (index, line) in country.line.iter().enumerate() {
            let at = format!("country {code}, line {}", index + 1);
            for (field, texts) in [("name", &line.name), ("about", &line.about)] {
                if texts.get("en").is_none_or(|text| text.trim().is_empty()) {
                    problems.push(format!("{at}: {field}.en is required"));
                }
                for (language, text) in texts {
                    if InterfaceLanguage::from_tag(language).is_none() {
                        problems.push(format!(
                            "{at}: {field}.{language}: not an interface language"
                        ));
                    }
                    if text.trim().is_empty() {
                        problems.push(format!("{at}: {field}.{language} is empty"));
                    }
                }
            }
            if let Some(phone) = &line.phone {
                let allowed = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '#');
                if phone.is_empty()
                    || !phone.chars().all(allowed)
                    || !phone.chars().any(|c| c.is_ascii_digit())
                {
                    problems.push(format!(
                        "{at}: phone {phone:?} has only digits, spaces, - + and #"
                    ));
                }
            }
            if !(line.source.starts_with("https://") || line.source.starts_with("http://"))
                || line.source.contains(char::is_whitespace)
            {
                problems.push(format!(
                    "{at}: source {:?} is an http(s) address",
                    line.source
                ));
            }
            if parse_calendar_date(&line.checked).is_none() {
                problems.push(format!(
                    "{at}: checked {:?} is a date, YYYY-MM-DD",
                    line.checked
                ));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_repository_file_is_valid_and_lists_korea_first() {
        let text = include_str!("../../../../content/help-lines.toml");
        let lines = parse_help_lines(text).unwrap_or_else(|problems| panic!("{problems:#?}"));
        let korea = lines.country_or_first(None).expect("a country");
        assert_eq!(korea.code, "KR");
        let phones: Vec<&str> = korea
            .line
            .iter()
            .filter_map(|l| l.phone.as_deref())
            .collect();
        assert!(phones.contains(&"1388"), "{phones:?}");
        assert!(phones.contains(&"1577-1366"), "{phones:?}");
        // Every Korean line speaks every interface language: the school's learners come from
        // all of them.
        for line in &korea.line {
            for language in InterfaceLanguage::ALL {
                assert!(
                    line.name.contains_key(language.tag()),
                    "{:?} {}",
                    line.name,
                    language.tag()
                );
                assert!(
                    line.about.contains_key(language.tag()),
                    "{:?} {}",
                    line.about,
                    language.tag()
                );
            }
        }
    }

    #[test]
    fn problems_are_named() {
        let text = r#"
[[country]]
code = "kr"
[[country.line]]
name = { ko = "상담" }
about = { en = "x", xx = "y" }
phone = "call me"
source = "ftp://example"
checked = "yesterday"
"#;
        let problems = parse_help_lines(text).expect_err("refused");
        let all = problems.join("\n");
        for expected in [
            "two capital letters",
            "name.en is required",
            "about.xx",
            "phone",
            "source",
            "checked",
        ] {
            assert!(all.contains(expected), "{expected} in {all}");
        }
        assert!(parse_help_lines("country = 3").is_err());
        assert!(parse_help_lines("country = []").is_err());
    }

    #[test]
    fn fallbacks_and_tel_links() {
        let line = HelpLine {
            name: BTreeMap::from([("en".to_owned(), "Line".to_owned())]),
            about: BTreeMap::from([
                ("en".to_owned(), "About".to_owned()),
                ("ko".to_owned(), "소개".to_owned()),
            ]),
            phone: Some("8-800-2000-122".to_owned()),
            source: "https://example.org".to_owned(),
            checked: "2026-12-06".to_owned(),
        };
        assert_eq!(line.name_in("ko"), "Line");
        assert_eq!(line.about_in("ko"), "소개");
        assert_eq!(line.tel_href().as_deref(), Some("tel:88002000122"));
    }
}
