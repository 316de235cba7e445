//! Searching a catalogue of thousands of courses (issue 19): the query a catalogue page asks
//! (words, subject, level, a language the course speaks, the page), the slim card a result
//! lists, and the search itself, page by page. The server answers `GET /api/catalog` with it
//! over a site's courses; a client can run the same search over the cards it has kept, so the
//! pages a learner has seen can be searched offline with the same result.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::{ByteSize, CatalogCourse, Language, Level, LocalizedText, Subject};

/// Courses on one page of results.
pub const CATALOG_PAGE_SIZE: usize = 20;
/// Longest search text, in characters: a few words, never a document.
pub const MAXIMUM_SEARCH_CHARACTERS: usize = 100;
/// The last page a query may ask for: past it, the words should be narrowed instead.
pub const MAXIMUM_PAGE: usize = 500;

/// A search of the catalogue: every filter given must hold, and every word of `text` must be
/// found in the course's id or its title in some language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogQuery {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Subject>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// A language the course's title is written in (the learner's own, for help).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// 0-based.
    #[serde(default)]
    pub page: usize,
}

/// What is wrong with a query, said to whoever typed the address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    #[error("the search text is at most {MAXIMUM_SEARCH_CHARACTERS} characters")]
    TextTooLong,
    #[error("{name} {value:?} is not one of {known}")]
    Unknown {
        name: &'static str,
        value: String,
        known: String,
    },
    #[error("page must be a number from 0 to {MAXIMUM_PAGE}, not {0:?}")]
    Page(String),
    #[error("{0:?} is not a parameter of a catalogue search (q, subject, level, language, page)")]
    Parameter(String),
    #[error("the address's query is not valid percent-encoded UTF-8")]
    Encoding,
}

impl CatalogQuery {
    /// Reads `q=…&subject=…&level=…&language=…&page=…` (each at most once; an empty value is
    /// no filter).
    pub fn parse(query_string: &str) -> Result<Self, SearchError> {
        let mut query = CatalogQuery::default();
        for pair in query_string.split('&').filter(|pair| !pair.is_empty()) {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value)?;
            if value.is_empty() {
                continue;
            }
            match name {
                "q" => {
                    if value.chars().count() > MAXIMUM_SEARCH_CHARACTERS {
                        return Err(SearchError::TextTooLong);
                    }
                    query.text = value;
                }
                "subject" => query.subject = Some(named("subject", &value, &Subject::ALL)?),
                "level" => query.level = Some(named("level", &value, &Level::ALL)?),
                "language" => {
                    query.language =
                        Some(
                            Language::from_code(&value).ok_or_else(|| SearchError::Unknown {
                                name: "language",
                                value: value.clone(),
                                known: Language::ALL.map(Language::code).join(", "),
                            })?,
                        )
                }
                "page" => {
                    query.page = value
                        .parse()
                        .ok()
                        .filter(|page| *page <= MAXIMUM_PAGE)
                        .ok_or(SearchError::Page(value))?
                }
                other => return Err(SearchError::Parameter(other.to_owned())),
            }
        }
        Ok(query)
    }

    /// The query string that [`CatalogQuery::parse`] reads back as this query.
    pub fn to_query_string(&self) -> String {
        let mut pairs = Vec::new();
        if !self.text.is_empty() {
            pairs.push(format!("q={}", percent_encode(&self.text)));
        }
        if let Some(subject) = self.subject {
            pairs.push(format!("subject={}", spelling(subject, &Subject::ALL)));
        }
        if let Some(level) = self.level {
            pairs.push(format!("level={}", spelling(level, &Level::ALL)));
        }
        if let Some(language) = self.language {
            pairs.push(format!("language={}", language.code()));
        }
        if self.page > 0 {
            pairs.push(format!("page={}", self.page));
        }
        pairs.join("&")
    }
}

fn named<T: Copy>(
    name: &'static str,
    value: &str,
    all: &[(T, &'static str)],
) -> Result<T, SearchError> {
    all.iter()
        .find(|(_, spelled)| *spelled == value)
        .map(|(found, _)| *found)
        .ok_or_else(|| SearchError::Unknown {
            name,
            value: value.to_owned(),
            known: all
                .iter()
                .map(|(_, spelled)| *spelled)
                .collect::<Vec<_>>()
                .join(", "),
        })
}

fn spelling<T: Copy + PartialEq>(value: T, all: &[(T, &'static str)]) -> &'static str {
    all.iter()
        .find(|(known, _)| *known == value)
        .map_or("", |(_, spelled)| spelled)
}

pub(super) fn percent_decode(text: &str) -> Result<String, SearchError> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => decoded.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(index + 1..index + 3)
                    .ok_or(SearchError::Encoding)?;
                let hex = std::str::from_utf8(hex).map_err(|_| SearchError::Encoding)?;
                decoded.push(u8::from_str_radix(hex, 16).map_err(|_| SearchError::Encoding)?);
                index += 2;
            }
            byte => decoded.push(byte),
        }
        index += 1;
    }
    String::from_utf8(decoded).map_err(|_| SearchError::Encoding)
}

fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// A course as a list of results shows it: no units, no description.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogCard {
    pub id: String,
    pub version: u32,
    pub subject: Subject,
    pub level: Level,
    pub title: LocalizedText,
    pub lesson_count: usize,
    pub size: ByteSize,
}

impl CatalogCard {
    pub fn of(course: &CatalogCourse) -> Self {
        Self {
            id: course.id.clone(),
            version: course.version,
            subject: course.subject,
            level: course.level,
            title: course.title.clone(),
            lesson_count: course.units.iter().map(|unit| unit.lesson_count).sum(),
            size: course.size,
        }
    }
}

/// One page of results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogPage {
    /// How many courses match, over every page.
    pub total: usize,
    pub page: usize,
    pub page_size: usize,
    pub courses: Vec<CatalogCard>,
}

/// Text as searched: composed (NFC, so a typed syllable and a stored one are the same bytes)
/// and lowercase.
fn folded(text: &str) -> String {
    text.nfc().flat_map(char::to_lowercase).collect()
}

/// Cards prepared for searching many times: each with its words folded once.
pub struct SearchIndex {
    cards: Vec<(CatalogCard, String)>,
}

impl SearchIndex {
    /// The cards in the order results list them.
    pub fn new(cards: Vec<CatalogCard>) -> Self {
        let cards = cards
            .into_iter()
            .map(|card| {
                let mut words = folded(&card.id);
                for title in card.title.0.values() {
                    words.push('\n');
                    words.push_str(&folded(title));
                }
                (card, words)
            })
            .collect();
        Self { cards }
    }

    pub fn len(&self) -> usize {
        self.cards.len()
    }

    /// The cards, in the order results list them.
    pub fn cards(&self) -> impl Iterator<Item = &CatalogCard> {
        self.cards.iter().map(|(card, _)| card)
    }

    pub fn is_empty(&self) -> bool {
        self.cards.is_empty()
    }

    /// The page `query` asks for.
    pub fn search(&self, query: &CatalogQuery) -> CatalogPage {
        let words: Vec<String> = folded(&query.text)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let matching = self.cards.iter().filter(|(card, text)| {
            query.subject.is_none_or(|subject| card.subject == subject)
                && query.level.is_none_or(|level| card.level == level)
                && query
                    .language
                    .is_none_or(|language| card.title.get(language).is_some())
                && words.iter().all(|word| text.contains(word.as_str()))
        });
        let mut total = 0;
        let start = query.page * CATALOG_PAGE_SIZE;
        let mut courses = Vec::new();
        for (card, _) in matching {
            if total >= start && courses.len() < CATALOG_PAGE_SIZE {
                courses.push(card.clone());
            }
            total += 1;
        }
        CatalogPage {
            total,
            page: query.page,
            page_size: CATALOG_PAGE_SIZE,
            courses,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(id: &str, subject: Subject, level: Level, titles: &[(Language, &str)]) -> CatalogCard {
        CatalogCard {
            id: id.to_owned(),
            version: 1,
            subject,
            level,
            title: LocalizedText::from_pairs(titles.iter().copied()),
            lesson_count: 3,
            size: ByteSize::default(),
        }
    }

    fn index() -> SearchIndex {
        let mut cards = vec![
            card(
                "hangul",
                Subject::Korean,
                Level::Beginner,
                &[
                    (Language::Ko, "한글"),
                    (Language::En, "Hangul: the alphabet"),
                ],
            ),
            card(
                "science-basics",
                Subject::Science,
                Level::Elementary,
                &[
                    (Language::Ko, "기초 과학"),
                    (Language::Ru, "Основы естествознания"),
                ],
            ),
        ];
        for number in 0..45 {
            cards.push(card(
                &format!("weather-{number:02}"),
                Subject::Science,
                Level::Intermediate,
                &[(Language::En, &format!("Weather {number}"))],
            ));
        }
        SearchIndex::new(cards)
    }

    fn ids(page: &CatalogPage) -> Vec<&str> {
        page.courses.iter().map(|card| card.id.as_str()).collect()
    }

    #[test]
    fn every_word_must_be_found_in_an_id_or_a_title_in_any_language() {
        let index = index();
        let found = |text: &str| {
            let query = CatalogQuery {
                text: text.to_owned(),
                ..CatalogQuery::default()
            };
            ids(&index.search(&query)).join(",")
        };
        assert_eq!(found("HANGUL alphabet"), "hangul");
        assert_eq!(found("과학"), "science-basics");
        assert_eq!(found("основы"), "science-basics");
        assert_eq!(found("hangul weather"), "");
        // Hangul typed as decomposed jamo (as some keyboards send it) finds the syllables.
        assert_eq!(
            found("\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}"),
            "hangul"
        );
    }

    #[test]
    fn filters_and_pages_split_the_results() {
        let index = index();
        let science = CatalogQuery {
            subject: Some(Subject::Science),
            ..CatalogQuery::default()
        };
        let first = index.search(&science);
        assert_eq!((first.total, first.courses.len()), (46, CATALOG_PAGE_SIZE));
        assert_eq!(first.courses[0].id, "science-basics");
        let last = index.search(&CatalogQuery {
            page: 2,
            ..science.clone()
        });
        assert_eq!(last.courses.len(), 6);
        let past = index.search(&CatalogQuery { page: 9, ..science });
        assert_eq!((past.total, past.courses.len()), (46, 0));
        let russian = CatalogQuery {
            language: Some(Language::Ru),
            ..CatalogQuery::default()
        };
        assert_eq!(ids(&index.search(&russian)), ["science-basics"]);
        let beginner = CatalogQuery {
            level: Some(Level::Beginner),
            ..CatalogQuery::default()
        };
        assert_eq!(ids(&index.search(&beginner)), ["hangul"]);
    }

    #[test]
    fn a_query_string_is_read_back_as_written_and_bad_ones_are_refused() {
        let query = CatalogQuery {
            text: "기초 과학 & more".into(),
            subject: Some(Subject::Science),
            level: Some(Level::Elementary),
            language: Some(Language::Vi),
            page: 3,
        };
        assert_eq!(CatalogQuery::parse(&query.to_query_string()), Ok(query));
        assert_eq!(
            CatalogQuery::parse("q=weather+7&page="),
            Ok(CatalogQuery {
                text: "weather 7".into(),
                ..CatalogQuery::default()
            })
        );
        assert!(matches!(
            CatalogQuery::parse("subject=cooking"),
            Err(SearchError::Unknown {
                name: "subject",
                ..
            })
        ));
        assert!(matches!(
            CatalogQuery::parse("page=-1"),
            Err(SearchError::Page(_))
        ));
        assert!(matches!(
            CatalogQuery::parse("page=501"),
            Err(SearchError::Page(_))
        ));
        assert!(matches!(
            CatalogQuery::parse("sort=new"),
            Err(SearchError::Parameter(_))
        ));
        assert_eq!(CatalogQuery::parse("q=%FF"), Err(SearchError::Encoding));
        assert_eq!(CatalogQuery::parse("q=%4"), Err(SearchError::Encoding));
        let long = format!("q={}", "가".repeat(MAXIMUM_SEARCH_CHARACTERS + 1));
        assert_eq!(CatalogQuery::parse(&long), Err(SearchError::TextTooLong));
    }
}
