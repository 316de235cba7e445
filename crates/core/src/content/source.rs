//! Reading and checking course sources: TOML text → a tree that remembers where every value
//! was written → the typed model, with every broken rule reported as
//! `file:line: field: message`.
//!
//! The TOML is first read into a generic tree of spanned values rather than straight into
//! typed structs, because serde stops at the first problem and cannot say which field of an
//! item was missing; walking the tree by hand lets the validator report every problem of
//! every file in one run, with the path of the field (`items[2].answer`) and its line.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Range;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use unicode_normalization::is_nfc;

use crate::records::completion::CompletionRule;
use crate::vietnamese::vietnamese_text_problem;

use super::markdown::markdown_problems;
use super::{
    ChoiceOption, ContentError, Course, Example, Item, ItemKind, Language, Lesson, Level,
    ListeningResponse, LocalizedText, Spoken, Subject, TargetLanguage, Unit,
};

/// One source file: its path as shown in error messages (relative to the repository, such as
/// `content/courses/hangul/course.toml`) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

/// The files of one course folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseSources {
    /// The folder name, which must equal the course id.
    pub directory: String,
    /// `course.toml`.
    pub course_file: SourceFile,
    /// Every other `*.toml` file of the folder: the lessons.
    pub lesson_files: Vec<SourceFile>,
}

/// Parses and validates several courses, reporting every problem of every course. Course ids
/// must be unique.
pub fn parse_courses(all_sources: &[CourseSources]) -> Result<Vec<Course>, Vec<ContentError>> {
    let mut courses = Vec::new();
    let mut errors = Vec::new();
    let mut seen_ids: BTreeMap<String, String> = BTreeMap::new();
    for sources in all_sources {
        match parse_course(sources) {
            Ok(course) => {
                if let Some(first_path) =
                    seen_ids.insert(course.id.clone(), sources.course_file.path.clone())
                {
                    errors.push(ContentError::Source {
                        file: sources.course_file.path.clone(),
                        line: 1,
                        field: "id".to_owned(),
                        message: format!(
                            "course id `{}` is already used by {first_path}",
                            course.id
                        ),
                    });
                }
                courses.push(course);
            }
            Err(course_errors) => errors.extend(course_errors),
        }
    }
    if errors.is_empty() {
        Ok(courses)
    } else {
        Err(errors)
    }
}

/// Parses and validates one course folder against `content/FORMAT.md`. On failure returns
/// every problem found, sorted by file and line.
pub fn parse_course(sources: &CourseSources) -> Result<Course, Vec<ContentError>> {
    parse_course_with(sources, crate::romanize::romanize)
}

/// The Revised Romanization that vocab romanizations are checked against. A parameter, so
/// that the rules here do not depend on which romanizer is current.
type Romanizer = fn(&str) -> String;

fn parse_course_with(
    sources: &CourseSources,
    romanizer: Romanizer,
) -> Result<Course, Vec<ContentError>> {
    let mut errors = Vec::new();
    let header = {
        let mut checker = FileChecker::new(&sources.course_file, &mut errors, false, romanizer);
        match checker.parse_root() {
            Some(root) => checker.course_header(&root, &sources.directory),
            None => None,
        }
    };

    let korean_course = header
        .as_ref()
        .is_some_and(|header| header.subject == Some(Subject::Korean));
    let target_language = header
        .as_ref()
        .map_or(TargetLanguage::Ko, |header| header.target_language);
    let mut lessons_by_id: BTreeMap<String, Lesson> = BTreeMap::new();
    let mut files_by_id: BTreeMap<String, &SourceFile> = BTreeMap::new();
    for file in &sources.lesson_files {
        let stem = file_stem(&file.path);
        files_by_id.insert(stem.to_owned(), file);
    }

    // Lesson id → item id → the item's `homonyms`.
    let mut homonyms: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    let listed: BTreeSet<String> = header
        .iter()
        .flat_map(|header| header.units.iter())
        .flat_map(|unit| unit.lessons.iter().map(|(lesson_id, _)| lesson_id.clone()))
        .collect();

    for (stem, file) in &files_by_id {
        let mut checker = FileChecker::new(file, &mut errors, korean_course, romanizer);
        checker.target = target_language;
        if let Some(header) = &header {
            checker.gloss_languages = header.gloss_languages.clone();
            checker.text_languages = header.text_languages.clone();
            checker.prompt_languages = header.prompt_languages.clone();
        }
        let Some(root) = checker.parse_root() else {
            continue;
        };
        if header.is_some() && !listed.contains(stem) {
            checker.error_at_line(
                1,
                "",
                format!(
                    "lesson file is not listed in any unit of {}",
                    sources.course_file.path
                ),
            );
        }
        if let Some(lesson) = checker.lesson(&root, stem) {
            lessons_by_id.insert(stem.clone(), lesson);
        }
        homonyms.insert(stem.clone(), std::mem::take(&mut checker.homonyms));
    }

    let mut course = None;
    if let Some(header) = header {
        let teaches_hangul = header.teaches_hangul;
        let mut units = Vec::new();
        let mut used_lessons: BTreeMap<String, String> = BTreeMap::new();
        let mut checker =
            FileChecker::new(&sources.course_file, &mut errors, korean_course, romanizer);
        for unit in header.units {
            let mut lessons = Vec::new();
            for (index, (lesson_id, span)) in unit.lessons.iter().enumerate() {
                let field = format!("{}.lessons[{index}]", unit.path);
                if let Some(first_field) = used_lessons.insert(lesson_id.clone(), field.clone()) {
                    checker.error(
                        span,
                        &field,
                        format!("lesson `{lesson_id}` is already listed at {first_field}"),
                    );
                    continue;
                }
                if !files_by_id.contains_key(lesson_id) {
                    checker.error(
                        span,
                        &field,
                        format!("there is no lesson file `{lesson_id}.toml` in the course folder"),
                    );
                    continue;
                }
                if let Some(lesson) = lessons_by_id.remove(lesson_id) {
                    lessons.push(lesson);
                }
            }
            if let Some(title) = unit.title {
                units.push(Unit {
                    id: unit.id,
                    title,
                    lessons,
                });
            }
        }
        let completion = header.completion.map(|source| {
            let every_lesson: Vec<String> = units
                .iter()
                .flat_map(|unit: &Unit| unit.lessons.iter().map(|lesson| lesson.id.clone()))
                .collect();
            let lessons = match source.lessons {
                None => every_lesson,
                Some(listed) => {
                    let mut lessons = Vec::new();
                    for (index, (lesson_id, span)) in listed.into_iter().enumerate() {
                        let field = format!("completion.lessons[{index}]");
                        if !every_lesson.contains(&lesson_id) {
                            checker.error(
                                &span,
                                &field,
                                format!("`{lesson_id}` is not a lesson of the course's units"),
                            );
                        } else if lessons.contains(&lesson_id) {
                            checker.error(&span, &field, format!("`{lesson_id}` is listed twice"));
                        } else {
                            lessons.push(lesson_id);
                        }
                    }
                    lessons
                }
            };
            CompletionRule {
                hours: source.hours,
                min_score_percent: source.min_score_percent,
                lessons,
            }
        });
        if let (
            Some(id),
            Some(version),
            Some(subject),
            Some(level),
            Some(title),
            Some(description),
        ) = (
            header.id,
            header.version,
            header.subject,
            header.level,
            header.title,
            header.description,
        ) {
            let built = Course {
                id,
                version,
                subject,
                level,
                target_language,
                title,
                description,
                sites: header.sites,
                completion,
                units,
            };
            errors.extend(super::order::order_problems(
                &built,
                &files_by_id,
                &homonyms,
                teaches_hangul,
            ));
            course = Some(built);
        }
    }

    match course {
        Some(course) if errors.is_empty() => Ok(course),
        _ => {
            if errors.is_empty() {
                // Every path that leaves a part of the course unbuilt reports why; this is a
                // guard so that a failure can never be silent.
                errors.push(ContentError::Source {
                    file: sources.course_file.path.clone(),
                    line: 1,
                    field: String::new(),
                    message: "the course could not be read".to_owned(),
                });
            }
            errors.sort_by_key(sort_key);
            Err(errors)
        }
    }
}

fn sort_key(error: &ContentError) -> (String, usize) {
    match error {
        ContentError::Source { file, line, .. } => (file.clone(), *line),
        other => (other.to_string(), 0),
    }
}

fn file_stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.strip_suffix(".toml").unwrap_or(name)
}

// ---------------------------------------------------------------------------------------------
// The spanned tree.

/// A TOML value with the byte range it was written at.
#[derive(Clone, Debug)]
struct Node {
    span: Range<usize>,
    value: Value,
}

#[derive(Clone, Debug)]
enum Value {
    String(String),
    Integer(i64),
    Float,
    Boolean(bool),
    Datetime,
    Array(Vec<Node>),
    Table(Vec<(String, Node)>),
}

impl Value {
    fn describe(&self) -> &'static str {
        match self {
            Value::String(_) => "a string",
            Value::Integer(_) => "an integer",
            Value::Float => "a float",
            Value::Boolean(_) => "a boolean",
            Value::Datetime => "a date",
            Value::Array(_) => "an array",
            Value::Table(_) => "a table",
        }
    }
}

/// A value as deserialized, where tables made implicitly by dotted keys (`text.en = "…"`)
/// have no span of their own; [`RawNode::into_node`] borrows one from their children.
struct RawNode {
    span: Option<Range<usize>>,
    value: RawValue,
}

enum RawValue {
    String(String),
    Integer(i64),
    Float,
    Boolean(bool),
    Datetime,
    Array(Vec<RawNode>),
    Table(Vec<(String, RawNode)>),
}

// toml hands out spans through the serde_spanned protocol: asking for a struct with these
// exact names makes it answer with a map of start, end and value. `toml::Spanned` does the
// same, but it fails on values that have no span (implicit tables), where this falls back to
// an unspanned value instead.
const SPANNED_NAME: &str = "$__serde_spanned_private_Spanned";
const SPANNED_START: &str = "$__serde_spanned_private_start";
const SPANNED_END: &str = "$__serde_spanned_private_end";
const SPANNED_VALUE: &str = "$__serde_spanned_private_value";
const SPANNED_FIELDS: [&str; 3] = [SPANNED_START, SPANNED_END, SPANNED_VALUE];
const DATETIME_FIELD: &str = "$__toml_private_datetime";

struct NodeSeed {
    ask_for_span: bool,
}

impl<'de> DeserializeSeed<'de> for NodeSeed {
    type Value = RawNode;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<RawNode, D::Error> {
        if self.ask_for_span {
            deserializer.deserialize_struct(SPANNED_NAME, &SPANNED_FIELDS, NodeVisitor)
        } else {
            deserializer.deserialize_any(NodeVisitor)
        }
    }
}

struct NodeVisitor;

fn unspanned(value: RawValue) -> RawNode {
    RawNode { span: None, value }
}

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = RawNode;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a TOML value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<RawNode, E> {
        Ok(unspanned(RawValue::Boolean(value)))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<RawNode, E> {
        Ok(unspanned(RawValue::Integer(value)))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<RawNode, E> {
        Ok(unspanned(RawValue::Integer(
            i64::try_from(value).unwrap_or(i64::MAX),
        )))
    }

    fn visit_f64<E: de::Error>(self, _value: f64) -> Result<RawNode, E> {
        Ok(unspanned(RawValue::Float))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<RawNode, E> {
        Ok(unspanned(RawValue::String(value.to_owned())))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<RawNode, E> {
        Ok(unspanned(RawValue::String(value)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut sequence: A) -> Result<RawNode, A::Error> {
        let mut elements = Vec::new();
        while let Some(element) = sequence.next_element_seed(NodeSeed { ask_for_span: true })? {
            elements.push(element);
        }
        Ok(unspanned(RawValue::Array(elements)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawNode, A::Error> {
        let Some(first_key) = map.next_key::<String>()? else {
            return Ok(unspanned(RawValue::Table(Vec::new())));
        };
        if first_key == SPANNED_START {
            let start: usize = map.next_value()?;
            let mut end = start;
            let mut inner = None;
            while let Some(key) = map.next_key::<String>()? {
                if key == SPANNED_END {
                    end = map.next_value()?;
                } else if key == SPANNED_VALUE {
                    inner = Some(map.next_value_seed(NodeSeed {
                        ask_for_span: false,
                    })?);
                } else {
                    return Err(de::Error::unknown_field(&key, &SPANNED_FIELDS));
                }
            }
            let inner = inner.ok_or_else(|| de::Error::missing_field(SPANNED_VALUE))?;
            return Ok(RawNode {
                span: Some(start..end),
                value: inner.value,
            });
        }
        if first_key == DATETIME_FIELD {
            let _ignored: de::IgnoredAny = map.next_value()?;
            return Ok(unspanned(RawValue::Datetime));
        }
        let mut entries = vec![(
            first_key,
            map.next_value_seed(NodeSeed { ask_for_span: true })?,
        )];
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(NodeSeed { ask_for_span: true })?;
            entries.push((key, value));
        }
        Ok(unspanned(RawValue::Table(entries)))
    }
}

impl RawNode {
    /// The earliest span in this value or its children, if any.
    fn first_span(&self) -> Option<Range<usize>> {
        if let Some(span) = &self.span {
            return Some(span.clone());
        }
        let children: Vec<&RawNode> = match &self.value {
            RawValue::Array(elements) => elements.iter().collect(),
            RawValue::Table(entries) => entries.iter().map(|(_, node)| node).collect(),
            _ => Vec::new(),
        };
        children
            .iter()
            .filter_map(|child| child.first_span())
            .min_by_key(|span| span.start)
    }

    fn into_node(self, fallback: &Range<usize>) -> Node {
        let span = self.first_span().unwrap_or_else(|| fallback.clone());
        let value = match self.value {
            RawValue::String(text) => Value::String(text),
            RawValue::Integer(number) => Value::Integer(number),
            RawValue::Float => Value::Float,
            RawValue::Boolean(value) => Value::Boolean(value),
            RawValue::Datetime => Value::Datetime,
            RawValue::Array(elements) => Value::Array(
                elements
                    .into_iter()
                    .map(|element| element.into_node(&span))
                    .collect(),
            ),
            RawValue::Table(entries) => Value::Table(
                entries
                    .into_iter()
                    .map(|(key, node)| (key, node.into_node(&span)))
                    .collect(),
            ),
        };
        Node { span, value }
    }
}

// ---------------------------------------------------------------------------------------------
// Checking one file.

struct FileChecker<'a> {
    file: &'a SourceFile,
    line_starts: Vec<usize>,
    errors: &'a mut Vec<ContentError>,
    korean_course: bool,
    /// The course's `target_language`: what its spoken texts and answers are written in.
    target: TargetLanguage,
    romanizer: Romanizer,
    /// The course's `gloss_languages`: every vocab gloss carries each of them.
    gloss_languages: Vec<Language>,
    /// The course's `text_languages`: every localized text carries each of them.
    text_languages: Vec<Language>,
    /// The course's `prompt_languages`: every prompt, hint, reading and culture note carries
    /// each of them.
    prompt_languages: Vec<Language>,
    /// Each item's `homonyms` (by item id): later vocab words its text only looks like.
    homonyms: BTreeMap<String, Vec<String>>,
}

/// What course.toml says, before the lessons are attached.
struct CourseHeader {
    sites: Vec<String>,
    completion: Option<CompletionSource>,
    id: Option<String>,
    version: Option<u32>,
    subject: Option<Subject>,
    level: Option<Level>,
    title: Option<LocalizedText>,
    description: Option<LocalizedText>,
    gloss_languages: Vec<Language>,
    text_languages: Vec<Language>,
    prompt_languages: Vec<Language>,
    teaches_hangul: bool,
    target_language: TargetLanguage,
    units: Vec<UnitHeader>,
}

/// course.toml's `completion`, before its lessons are checked against the units.
struct CompletionSource {
    hours: u32,
    min_score_percent: u8,
    /// `None`: every lesson of the course.
    lessons: Option<Vec<(String, Range<usize>)>>,
}

struct UnitHeader {
    path: String,
    id: String,
    title: Option<LocalizedText>,
    lessons: Vec<(String, Range<usize>)>,
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Marks that look like Uzbek's ʻ and ʼ but are other characters; one spelling throughout
/// keeps search, sorting and fonts consistent.
const UZBEK_LOOKALIKES: [char; 5] = ['\'', '‘', '’', '`', 'ʹ'];

const ITEM_TYPES: [&str; 9] = [
    "reading",
    "culture_note",
    "hangul_letter",
    "vocab",
    "choice",
    "typed",
    "listening",
    "ordering",
    "fill_blank",
];

impl<'a> FileChecker<'a> {
    fn new(
        file: &'a SourceFile,
        errors: &'a mut Vec<ContentError>,
        korean_course: bool,
        romanizer: Romanizer,
    ) -> FileChecker<'a> {
        let mut line_starts = vec![0];
        line_starts.extend(file.text.match_indices('\n').map(|(offset, _)| offset + 1));
        FileChecker {
            file,
            line_starts,
            errors,
            korean_course,
            target: TargetLanguage::Ko,
            romanizer,
            gloss_languages: Vec::new(),
            text_languages: Vec::new(),
            prompt_languages: Vec::new(),
            homonyms: BTreeMap::new(),
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start <= offset)
            .max(1)
    }

    fn error_at_line(&mut self, line: usize, field: &str, message: impl Into<String>) {
        self.errors.push(ContentError::Source {
            file: self.file.path.clone(),
            line,
            field: field.to_owned(),
            message: message.into(),
        });
    }

    fn error(&mut self, span: &Range<usize>, field: &str, message: impl Into<String>) {
        let line = self.line_of(span.start);
        self.error_at_line(line, field, message);
    }

    fn parse_root(&mut self) -> Option<Node> {
        let deserializer = toml::Deserializer::new(&self.file.text);
        match (NodeSeed { ask_for_span: true }).deserialize(deserializer) {
            Ok(raw) => {
                let whole = 0..self.file.text.len();
                let node = raw.into_node(&whole);
                if matches!(node.value, Value::Table(_)) {
                    Some(node)
                } else {
                    self.error_at_line(1, "", "the file must be a TOML document");
                    None
                }
            }
            Err(error) => {
                let line = error.span().map_or(1, |span| self.line_of(span.start));
                let message = error.message().trim().replace('\n', " ");
                self.error_at_line(line, "", format!("invalid TOML: {message}"));
                None
            }
        }
    }

    // --- generic accessors -------------------------------------------------------------------

    /// The entries of a table, reporting fields that are not in `allowed`.
    fn table<'n>(
        &mut self,
        node: &'n Node,
        path: &str,
        allowed: &[&str],
    ) -> Option<&'n [(String, Node)]> {
        match &node.value {
            Value::Table(entries) => {
                for (key, value) in entries {
                    if !allowed.contains(&key.as_str()) {
                        self.error(
                            &value.span,
                            &join(path, key),
                            format!("unknown field (expected one of: {})", allowed.join(", ")),
                        );
                    }
                }
                Some(entries)
            }
            other => {
                let what = other.describe();
                self.error(&node.span, path, format!("must be a table, not {what}"));
                None
            }
        }
    }

    fn optional<'n>(entries: &'n [(String, Node)], key: &str) -> Option<&'n Node> {
        entries
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, node)| node)
    }

    fn required<'n>(
        &mut self,
        parent: &Node,
        entries: &'n [(String, Node)],
        path: &str,
        key: &str,
    ) -> Option<&'n Node> {
        let found = Self::optional(entries, key);
        if found.is_none() {
            self.error(&parent.span, &join(path, key), "required field is missing");
        }
        found
    }

    fn string(&mut self, node: &Node, path: &str) -> Option<String> {
        match &node.value {
            Value::String(text) if text.trim().is_empty() => {
                self.error(&node.span, path, "must not be empty");
                None
            }
            Value::String(text) => Some(text.clone()),
            other => {
                let what = other.describe();
                self.error(&node.span, path, format!("must be a string, not {what}"));
                None
            }
        }
    }

    fn array<'n>(&mut self, node: &'n Node, path: &str, minimum: usize) -> Option<&'n [Node]> {
        match &node.value {
            Value::Array(elements) if elements.len() < minimum => {
                let count = elements.len();
                self.error(
                    &node.span,
                    path,
                    format!("needs at least {minimum}, has {count}"),
                );
                None
            }
            Value::Array(elements) => Some(elements),
            other => {
                let what = other.describe();
                self.error(&node.span, path, format!("must be an array, not {what}"));
                None
            }
        }
    }

    fn identifier(&mut self, node: &Node, path: &str) -> Option<String> {
        let text = self.string(node, path)?;
        match identifier_problem(&text) {
            Some(problem) => {
                self.error(&node.span, path, problem);
                None
            }
            None => Some(text),
        }
    }

    /// A text in the course's target language: Korean (Hangul, NFC) or Vietnamese.
    fn korean(&mut self, node: &Node, path: &str) -> Option<String> {
        let text = self.string(node, path)?;
        let problem = match self.target {
            TargetLanguage::Ko => korean_problem(&text),
            TargetLanguage::Vi => vietnamese_text_problem(&text),
        };
        match problem {
            Some(problem) => {
                self.error(&node.span, path, problem);
                None
            }
            None => Some(text),
        }
    }

    fn korean_list(&mut self, node: &Node, path: &str, minimum: usize) -> Option<Vec<String>> {
        let elements = self.array(node, path, minimum)?;
        let mut all_valid = true;
        let mut texts = Vec::new();
        for (index, element) in elements.iter().enumerate() {
            match self.korean(element, &format!("{path}[{index}]")) {
                Some(text) => texts.push(text),
                None => all_valid = false,
            }
        }
        all_valid.then_some(texts)
    }

    /// A localized text: a table from language code to non-empty string, with English, and
    /// with Vietnamese and Russian too in Korean courses. Markdown texts are checked against
    /// the safe subset, with the line of the problem inside multi-line strings.
    fn localized(&mut self, node: &Node, path: &str, markdown: bool) -> Option<LocalizedText> {
        let Value::Table(entries) = &node.value else {
            let what = node.value.describe();
            self.error(
                &node.span,
                path,
                format!("must be a localized text, a table such as {{ en = \"…\", vi = \"…\", ru = \"…\" }}, not {what}"),
            );
            return None;
        };
        let mut text = LocalizedText::default();
        // Languages that were written, even if wrongly, so that an empty `en` is reported as
        // empty and not also as missing.
        let mut written: BTreeSet<Language> = BTreeSet::new();
        let mut all_valid = true;
        for (code, value) in entries {
            let field = join(path, code);
            let Some(language) = Language::from_code(code) else {
                let known: Vec<&str> = Language::ALL
                    .iter()
                    .map(|language| language.code())
                    .collect();
                self.error(
                    &value.span,
                    &field,
                    format!(
                        "unknown language code `{code}` (expected one of: {})",
                        known.join(", ")
                    ),
                );
                all_valid = false;
                continue;
            };
            written.insert(language);
            let Some(string) = self.string(value, &field) else {
                all_valid = false;
                continue;
            };
            if language == Language::Uz {
                if let Some(mark) = string.chars().find(|c| UZBEK_LOOKALIKES.contains(c)) {
                    self.error(
                        &value.span,
                        &field,
                        format!("Uzbek is written with ʻ (U+02BB) in oʻ and gʻ and ʼ (U+02BC) for the glottal stop, not `{mark}`"),
                    );
                    all_valid = false;
                }
            }
            if language == Language::Ko && !is_nfc(&string) {
                self.error(
                    &value.span,
                    &field,
                    "Korean text is not in Unicode NFC form; save it normalized (NFC)",
                );
                all_valid = false;
            }
            if markdown {
                for (text_line, problem) in markdown_problems(&string) {
                    let line = self.line_inside_string(&value.span, text_line);
                    self.error_at_line(line, &field, problem);
                    all_valid = false;
                }
            }
            text.0.insert(language, string);
        }
        let required: &[Language] = if self.korean_course {
            &Language::REQUIRED_FOR_KOREAN_COURSES
        } else {
            &[Language::En]
        };
        let missing: Vec<&str> = required
            .iter()
            .filter(|language| !written.contains(language))
            .map(|language| language.code())
            .collect();
        if !missing.is_empty() {
            let reason = if self.korean_course {
                " (a Korean course needs en, vi and ru)"
            } else {
                ""
            };
            self.error(
                &node.span,
                path,
                format!("missing language {}{reason}", missing.join(", ")),
            );
            all_valid = false;
        }
        let declared = self.text_languages.clone();
        if !self.declared_languages_present(node, path, &written, &declared, "text_languages") {
            all_valid = false;
        }
        all_valid.then_some(text)
    }

    /// A localized prompt, hint, reading or culture note: also carries every language of the
    /// course's `prompt_languages`.
    fn prompt_text(&mut self, node: &Node, path: &str, markdown: bool) -> Option<LocalizedText> {
        let text = self.localized(node, path, markdown)?;
        let declared = self.prompt_languages.clone();
        let written: BTreeSet<Language> = text.0.keys().copied().collect();
        self.declared_languages_present(node, path, &written, &declared, "prompt_languages")
            .then_some(text)
    }

    /// Whether `written` holds every language the course declares in `field`; reports the
    /// missing ones otherwise, so a translation cannot silently go missing.
    fn declared_languages_present(
        &mut self,
        node: &Node,
        path: &str,
        written: &BTreeSet<Language>,
        declared: &[Language],
        field: &str,
    ) -> bool {
        let missing: Vec<&str> = declared
            .iter()
            .filter(|language| !written.contains(language))
            .map(|language| language.code())
            .collect();
        if missing.is_empty() {
            return true;
        }
        self.error(
            &node.span,
            path,
            format!(
                "missing language {}, which the course's {field} asks of it",
                missing.join(", ")
            ),
        );
        false
    }

    /// The source line of line `text_line` of a string value. A multi-line literal that opens
    /// with a newline right after `"""` starts its text on the next source line.
    fn line_inside_string(&self, span: &Range<usize>, text_line: usize) -> usize {
        let start_line = self.line_of(span.start);
        let literal = self.file.text.get(span.clone()).unwrap_or("");
        if !literal.contains('\n') {
            return start_line;
        }
        let opens_with_newline = ["\"\"\"\n", "'''\n", "\"\"\"\r\n", "'''\r\n"]
            .iter()
            .any(|opening| literal.starts_with(opening));
        start_line + usize::from(opens_with_newline) + text_line
    }

    fn spoken(&mut self, node: &Node, path: &str) -> Option<Spoken> {
        self.korean(node, path).map(Spoken::new)
    }

    /// `spoken` with the `pronunciation` override of the same table, if there is one: Hangul
    /// syllables only, as many as the text has, and not what the rules already give.
    fn with_pronunciation(
        &mut self,
        entries: &[(String, Node)],
        path: &str,
        spoken: Option<Spoken>,
    ) -> Option<Spoken> {
        let Some(node) = Self::optional(entries, "pronunciation") else {
            return spoken;
        };
        let field = join(path, "pronunciation");
        let given = self.string(node, &field)?;
        let mut spoken = spoken?;
        if let Some(problem) = pronunciation_problem(&spoken.text, &given) {
            self.error(&node.span, &field, problem);
            return None;
        }
        spoken.pronunciation = Some(given);
        Some(spoken)
    }

    /// [`Self::with_pronunciation`] for an optional `ko`; a pronunciation without it is an
    /// error. `None` when something is wrong, `Some(None)` when there is no `ko`.
    fn optional_spoken_with_pronunciation(
        &mut self,
        entries: &[(String, Node)],
        path: &str,
        ko: Option<Option<Spoken>>,
    ) -> Option<Option<Spoken>> {
        match ko {
            Some(checked) => self.with_pronunciation(entries, path, checked).map(Some),
            None => match Self::optional(entries, "pronunciation") {
                Some(node) => {
                    self.error(
                        &node.span,
                        &join(path, "pronunciation"),
                        "a pronunciation needs the `ko` it is the pronunciation of",
                    );
                    None
                }
                None => Some(None),
            },
        }
    }

    /// The field that holds a text in the target language: `ko` in a Korean course, `vi` in a
    /// Vietnamese one.
    fn text_key(&self) -> &'static str {
        self.target.code()
    }

    /// The fields of an item type in this course: `ko` becomes the target language's key, and
    /// a Vietnamese course has no `romanization` (Vietnamese is written in Latin letters) and
    /// no `pronunciation` (it is said as it is written).
    fn target_fields(&self, fields: &[&'static str]) -> Vec<&'static str> {
        fields
            .iter()
            .filter(|field| {
                self.target == TargetLanguage::Ko
                    || !matches!(**field, "romanization" | "pronunciation")
            })
            .map(|field| {
                if *field == "ko" {
                    self.text_key()
                } else {
                    field
                }
            })
            .collect()
    }

    // --- course.toml ---------------------------------------------------------------------

    fn course_header(&mut self, root: &Node, directory: &str) -> Option<CourseHeader> {
        let entries = self.table(
            root,
            "",
            &[
                "id",
                "version",
                "subject",
                "level",
                "title",
                "description",
                "gloss_languages",
                "text_languages",
                "prompt_languages",
                "teaches_hangul",
                "target_language",
                "sites",
                "completion",
                "units",
            ],
        )?;
        // Read first: it decides which language may not be a gloss language.
        let target_language = match Self::optional(entries, "target_language") {
            None => TargetLanguage::Ko,
            Some(node) => match self.string(node, "target_language") {
                Some(code) => match TargetLanguage::from_code(&code) {
                    Some(language) => language,
                    None => {
                        let known: Vec<&str> =
                            TargetLanguage::ALL.iter().map(|l| l.code()).collect();
                        self.error(
                            &node.span,
                            "target_language",
                            format!(
                                "unknown target language `{code}` (expected one of: {})",
                                known.join(", ")
                            ),
                        );
                        TargetLanguage::Ko
                    }
                },
                None => TargetLanguage::Ko,
            },
        };
        self.target = target_language;
        let id = self.required(root, entries, "", "id").and_then(|node| {
            let id = self.identifier(node, "id")?;
            if id != directory {
                self.error(
                    &node.span,
                    "id",
                    format!("course id `{id}` must equal its folder name `{directory}`"),
                );
            }
            Some(id)
        });
        let version = self
            .required(root, entries, "", "version")
            .and_then(|node| match node.value {
                Value::Integer(number) if number >= 1 => u32::try_from(number).ok().or_else(|| {
                    self.error(&node.span, "version", "is too large");
                    None
                }),
                Value::Integer(number) => {
                    self.error(
                        &node.span,
                        "version",
                        format!("must be 1 or more, not {number}"),
                    );
                    None
                }
                ref other => {
                    let what = other.describe();
                    self.error(
                        &node.span,
                        "version",
                        format!("must be an integer, not {what}"),
                    );
                    None
                }
            });
        let subject = self
            .required(root, entries, "", "subject")
            .and_then(|node| {
                let text = self.string(node, "subject")?;
                let found = Subject::ALL
                    .iter()
                    .find(|(_, name)| *name == text)
                    .map(|(subject, _)| *subject);
                if found.is_none() {
                    let names: Vec<&str> = Subject::ALL.iter().map(|(_, name)| *name).collect();
                    self.error(
                        &node.span,
                        "subject",
                        format!(
                            "unknown subject `{text}` (expected one of: {})",
                            names.join(", ")
                        ),
                    );
                }
                found
            });
        // Korean courses need en, vi and ru on every text, including the course's own title.
        self.korean_course = subject == Some(Subject::Korean);
        let vietnamese_subject = subject == Some(Subject::Vietnamese);
        if vietnamese_subject != (target_language == TargetLanguage::Vi) {
            if let Some(node) = Self::optional(entries, "subject") {
                self.error(
                    &node.span,
                    "subject",
                    "a course whose subject is `vietnamese` says `target_language = \"vi\"`, and only such a course",
                );
            }
        }
        let level = self.required(root, entries, "", "level").and_then(|node| {
            let text = self.string(node, "level")?;
            let found = Level::ALL
                .iter()
                .find(|(_, name)| *name == text)
                .map(|(level, _)| *level);
            if found.is_none() {
                let names: Vec<&str> = Level::ALL.iter().map(|(_, name)| *name).collect();
                self.error(
                    &node.span,
                    "level",
                    format!(
                        "unknown level `{text}` (expected one of: {})",
                        names.join(", ")
                    ),
                );
            }
            found
        });
        // Read first: the course's own titles must carry them too.
        let text_languages = self.language_list(entries, "text_languages");
        self.text_languages = text_languages.clone().unwrap_or_default();
        let prompt_languages = self.language_list(entries, "prompt_languages");
        let title = self
            .required(root, entries, "", "title")
            .and_then(|node| self.localized(node, "title", false));
        let description = self
            .required(root, entries, "", "description")
            .and_then(|node| self.localized(node, "description", false));
        let gloss_languages = self.language_list(entries, "gloss_languages");
        let teaches_hangul = match Self::optional(entries, "teaches_hangul") {
            None => false,
            Some(Node {
                value: Value::Boolean(value),
                ..
            }) => *value,
            Some(node) => {
                let what = node.value.describe();
                self.error(
                    &node.span,
                    "teaches_hangul",
                    format!("must be true or false, not {what}"),
                );
                false
            }
        };

        let mut units = Vec::new();
        if let Some(units_node) = self.required(root, entries, "", "units") {
            if let Some(unit_nodes) = self.array(units_node, "units", 1) {
                let mut unit_ids: BTreeMap<String, usize> = BTreeMap::new();
                for (index, unit_node) in unit_nodes.iter().enumerate() {
                    let path = format!("units[{index}]");
                    let Some(unit_entries) =
                        self.table(unit_node, &path, &["id", "title", "lessons"])
                    else {
                        continue;
                    };
                    let unit_id = self
                        .required(unit_node, unit_entries, &path, "id")
                        .and_then(|node| self.identifier(node, &join(&path, "id")));
                    if let (Some(unit_id), Some(node)) =
                        (&unit_id, Self::optional(unit_entries, "id"))
                    {
                        if let Some(first) = unit_ids.insert(unit_id.clone(), index) {
                            self.error(
                                &node.span,
                                &join(&path, "id"),
                                format!("unit id `{unit_id}` is already used by units[{first}]"),
                            );
                        }
                    }
                    let unit_title = self
                        .required(unit_node, unit_entries, &path, "title")
                        .and_then(|node| self.localized(node, &join(&path, "title"), false));
                    let mut lessons = Vec::new();
                    if let Some(lessons_node) =
                        self.required(unit_node, unit_entries, &path, "lessons")
                    {
                        let lessons_path = join(&path, "lessons");
                        if let Some(lesson_nodes) = self.array(lessons_node, &lessons_path, 1) {
                            for (lesson_index, lesson_node) in lesson_nodes.iter().enumerate() {
                                if let Some(lesson_id) = self.identifier(
                                    lesson_node,
                                    &format!("{lessons_path}[{lesson_index}]"),
                                ) {
                                    lessons.push((lesson_id, lesson_node.span.clone()));
                                }
                            }
                        }
                    }
                    if let Some(unit_id) = unit_id {
                        units.push(UnitHeader {
                            path,
                            id: unit_id,
                            title: unit_title,
                            lessons,
                        });
                    }
                }
            }
        }
        let sites = self.site_list(entries);
        let completion = self.completion_source(entries);
        Some(CourseHeader {
            sites,
            completion,
            id,
            version,
            subject,
            level,
            title,
            description,
            gloss_languages: gloss_languages.unwrap_or_default(),
            text_languages: text_languages.unwrap_or_default(),
            prompt_languages: prompt_languages.unwrap_or_default(),
            teaches_hangul,
            target_language,
            units,
        })
    }

    /// The optional `completion` of course.toml: `hours` (1 to core's `MAX_HOURS`),
    /// `min_score_percent` (0 to 100) and optionally `lessons`.
    fn completion_source(&mut self, entries: &[(String, Node)]) -> Option<CompletionSource> {
        let node = Self::optional(entries, "completion")?;
        let fields = self.table(
            node,
            "completion",
            &["hours", "min_score_percent", "lessons"],
        )?;
        let whole_number = |checker: &mut Self, key: &str, range: std::ops::RangeInclusive<i64>| {
            let field = join("completion", key);
            let value = checker.required(node, fields, "completion", key)?;
            match value.value {
                Value::Integer(number) if range.contains(&number) => Some(number),
                _ => {
                    checker.error(
                        &value.span,
                        &field,
                        format!(
                            "must be a whole number from {} to {}",
                            range.start(),
                            range.end()
                        ),
                    );
                    None
                }
            }
        };
        let max_hours = i64::from(crate::records::completion::MAX_HOURS);
        let hours = whole_number(self, "hours", 1..=max_hours);
        let min_score_percent = whole_number(self, "min_score_percent", 0..=100);
        let lessons = match Self::optional(fields, "lessons") {
            None => None,
            Some(lessons_node) => {
                let nodes = self.array(lessons_node, "completion.lessons", 1)?;
                let mut lessons = Vec::new();
                for (index, lesson_node) in nodes.iter().enumerate() {
                    let field = format!("completion.lessons[{index}]");
                    if let Some(id) = self.identifier(lesson_node, &field) {
                        lessons.push((id, lesson_node.span.clone()));
                    }
                }
                Some(lessons)
            }
        };
        Some(CompletionSource {
            hours: u32::try_from(hours?).ok()?,
            min_score_percent: u8::try_from(min_score_percent?).ok()?,
            lessons,
        })
    }

    /// The optional `sites` of course.toml: site ids (core's `site::check_site_id`), each once.
    fn site_list(&mut self, entries: &[(String, Node)]) -> Vec<String> {
        let Some(node) = Self::optional(entries, "sites") else {
            return Vec::new();
        };
        let Some(ids) = self.array(node, "sites", 1) else {
            return Vec::new();
        };
        let mut sites: Vec<String> = Vec::new();
        for (index, id_node) in ids.iter().enumerate() {
            let field = format!("sites[{index}]");
            let Some(id) = self.string(id_node, &field) else {
                continue;
            };
            if let Err(error) = crate::site::check_site_id(&id) {
                self.error(&id_node.span, &field, error.to_string());
            } else if sites.contains(&id) {
                self.error(
                    &id_node.span,
                    &field,
                    format!("site `{id}` is listed twice"),
                );
            } else {
                sites.push(id);
            }
        }
        sites
    }

    /// An optional language list of course.toml (`gloss_languages`, `text_languages`,
    /// `prompt_languages`): language codes other than the course's target language (`ko` in a
    /// Korean course, `vi` in a Vietnamese one), each once.
    fn language_list(&mut self, entries: &[(String, Node)], key: &str) -> Option<Vec<Language>> {
        let node = Self::optional(entries, key)?;
        let codes = self.array(node, key, 1)?;
        let mut languages = Vec::new();
        for (index, code_node) in codes.iter().enumerate() {
            let field = format!("{key}[{index}]");
            let Some(code) = self.string(code_node, &field) else {
                continue;
            };
            let target = self.target.as_language();
            match Language::from_code(&code) {
                // The language a course teaches is never one of its gloss languages.
                Some(language) if language == target => self.error(
                    &code_node.span,
                    &field,
                    format!(
                        "`{code}` is not a gloss language: it is the language this course teaches (one of {})",
                        Language::ALL
                            .into_iter()
                            .filter(|language| *language != target)
                            .map(Language::code)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
                None => {
                    let known: Vec<&str> = Language::ALL
                        .into_iter()
                        .filter(|language| *language != target)
                        .map(Language::code)
                        .collect();
                    self.error(
                        &code_node.span,
                        &field,
                        format!(
                            "`{code}` is not a gloss language (one of {})",
                            known.join(", ")
                        ),
                    )
                }
                Some(language) if languages.contains(&language) => {
                    self.error(&code_node.span, &field, format!("`{code}` is listed twice"))
                }
                Some(language) => languages.push(language),
            }
        }
        Some(languages)
    }

    // --- lessons -------------------------------------------------------------------------

    fn lesson(&mut self, root: &Node, file_stem: &str) -> Option<Lesson> {
        let entries = self.table(root, "", &["id", "title", "items"])?;
        let id = self.required(root, entries, "", "id").and_then(|node| {
            let id = self.identifier(node, "id")?;
            if id != file_stem {
                self.error(
                    &node.span,
                    "id",
                    format!("lesson id `{id}` must equal its file name `{file_stem}.toml`"),
                );
                return None;
            }
            Some(id)
        });
        let title = self
            .required(root, entries, "", "title")
            .and_then(|node| self.localized(node, "title", false));
        let mut items = Vec::new();
        let mut all_items_valid = true;
        if let Some(items_node) = self.required(root, entries, "", "items") {
            match self.array(items_node, "items", 1) {
                Some(item_nodes) => {
                    let mut item_ids: BTreeMap<String, usize> = BTreeMap::new();
                    for (index, item_node) in item_nodes.iter().enumerate() {
                        match self.item(item_node, index, &mut item_ids) {
                            Some(item) => items.push(item),
                            None => all_items_valid = false,
                        }
                    }
                }
                None => all_items_valid = false,
            }
        } else {
            all_items_valid = false;
        }
        let (id, title) = (id?, title?);
        all_items_valid.then_some(Lesson { id, title, items })
    }

    fn item(
        &mut self,
        node: &Node,
        index: usize,
        item_ids: &mut BTreeMap<String, usize>,
    ) -> Option<Item> {
        let path = format!("items[{index}]");
        let Value::Table(entries) = &node.value else {
            let what = node.value.describe();
            self.error(&node.span, &path, format!("must be a table, not {what}"));
            return None;
        };
        let type_path = join(&path, "type");
        let type_name = self
            .required(node, entries, &path, "type")
            .and_then(|type_node| {
                let type_name = self.string(type_node, &type_path)?;
                if ITEM_TYPES.contains(&type_name.as_str()) {
                    Some(type_name)
                } else {
                    self.error(
                        &type_node.span,
                        &type_path,
                        format!(
                            "unknown item type `{type_name}` (expected one of: {})",
                            ITEM_TYPES.join(", ")
                        ),
                    );
                    None
                }
            });
        let id = self
            .required(node, entries, &path, "id")
            .and_then(|id_node| {
                let id = self.identifier(id_node, &join(&path, "id"))?;
                if let Some(first) = item_ids.insert(id.clone(), index) {
                    self.error(
                        &id_node.span,
                        &join(&path, "id"),
                        format!("item id `{id}` is already used by items[{first}]"),
                    );
                    return None;
                }
                Some(id)
            });
        let hint = Self::optional(entries, "hint")
            .map(|hint_node| self.prompt_text(hint_node, &join(&path, "hint"), false));
        let homonyms = Self::optional(entries, "homonyms")
            .map(|node| self.korean_list(node, &join(&path, "homonyms"), 1));
        if let (Some(id), Some(Some(words))) = (&id, &homonyms) {
            self.homonyms.insert(id.clone(), words.clone());
        }
        let type_name = type_name?;
        let kind_fields = kind_fields(&type_name);
        let mut allowed = vec!["type", "id", "hint", "homonyms"];
        allowed.extend(self.target_fields(kind_fields));
        for (key, value) in entries.iter() {
            if !allowed.contains(&key.as_str()) {
                let message = if ITEM_FIELDS.contains(&key.as_str()) {
                    format!(
                        "field not allowed in a {type_name} item (it takes: {})",
                        allowed.join(", ")
                    )
                } else {
                    format!(
                        "unknown field (a {type_name} item takes: {})",
                        allowed.join(", ")
                    )
                };
                self.error(&value.span, &join(&path, key), message);
            }
        }
        if self.target == TargetLanguage::Vi && type_name == "hangul_letter" {
            if let Some(type_node) = Self::optional(entries, "type") {
                self.error(
                    &type_node.span,
                    &type_path,
                    "a hangul_letter item belongs to a Korean course, not to one whose target_language is vi",
                );
            }
            return None;
        }
        let kind = self.item_kind(&type_name, node, entries, &path);
        let hint = match hint {
            Some(checked) => Some(checked?),
            None => None,
        };
        Some(Item {
            id: id?,
            hint,
            kind: kind?,
        })
    }

    fn item_kind(
        &mut self,
        type_name: &str,
        node: &Node,
        entries: &[(String, Node)],
        path: &str,
    ) -> Option<ItemKind> {
        let field = |key: &str| join(path, key);
        match type_name {
            "reading" => {
                let text = self
                    .required(node, entries, path, "text")
                    .and_then(|n| self.prompt_text(n, &field("text"), true));
                Some(ItemKind::Reading { text: text? })
            }
            "culture_note" => {
                let title = self
                    .required(node, entries, path, "title")
                    .and_then(|n| self.prompt_text(n, &field("title"), false));
                let text = self
                    .required(node, entries, path, "text")
                    .and_then(|n| self.prompt_text(n, &field("text"), true));
                Some(ItemKind::CultureNote {
                    title: title?,
                    text: text?,
                })
            }
            "hangul_letter" => self.hangul_letter(node, entries, path),
            "vocab" => self.vocab(node, entries, path),
            "choice" => {
                let prompt = self
                    .required(node, entries, path, "prompt")
                    .and_then(|n| self.prompt_text(n, &field("prompt"), false));
                let key = self.text_key();
                let ko = Self::optional(entries, key).map(|n| self.spoken(n, &field(key)));
                let ko = self.optional_spoken_with_pronunciation(entries, path, ko);
                let options_and_answer = self.options_and_answer(node, entries, path);
                let ko = ko?;
                let (options, answer) = options_and_answer?;
                Some(ItemKind::Choice {
                    prompt: prompt?,
                    ko,
                    options,
                    answer,
                })
            }
            "typed" => {
                let prompt = self
                    .required(node, entries, path, "prompt")
                    .and_then(|n| self.prompt_text(n, &field("prompt"), false));
                let key = self.text_key();
                let ko = Self::optional(entries, key).map(|n| self.spoken(n, &field(key)));
                let ko = self.optional_spoken_with_pronunciation(entries, path, ko);
                let answers = self.typed_answers(node, entries, path);
                let ko = ko?;
                let (answer, accept) = answers?;
                Some(ItemKind::Typed {
                    prompt: prompt?,
                    ko,
                    answer,
                    accept,
                })
            }
            "listening" => {
                let audio = self
                    .required(node, entries, path, "audio")
                    .and_then(|n| self.spoken(n, &field("audio")));
                let audio = self.with_pronunciation(entries, path, audio);
                let prompt = self
                    .required(node, entries, path, "prompt")
                    .and_then(|n| self.prompt_text(n, &field("prompt"), false));
                let response = if Self::optional(entries, "options").is_some() {
                    if let Some(accept_node) = Self::optional(entries, "accept") {
                        self.error(
                            &accept_node.span,
                            &field("accept"),
                            "accept is only for typed answers; a listening item with options takes an answer index",
                        );
                    }
                    self.options_and_answer(node, entries, path)
                        .map(|(options, answer)| ListeningResponse::Choice { options, answer })
                } else {
                    self.typed_answers(node, entries, path)
                        .map(|(answer, accept)| ListeningResponse::Typed { answer, accept })
                };
                Some(ItemKind::Listening {
                    audio: audio?,
                    prompt: prompt?,
                    response: response?,
                })
            }
            "ordering" => {
                let prompt = self
                    .required(node, entries, path, "prompt")
                    .and_then(|n| self.prompt_text(n, &field("prompt"), false));
                let words = self
                    .required(node, entries, path, "words")
                    .and_then(|n| self.korean_list(n, &field("words"), 2));
                let gloss = self
                    .required(node, entries, path, "gloss")
                    .and_then(|n| self.localized(n, &field("gloss"), false));
                Some(ItemKind::Ordering {
                    prompt: prompt?,
                    words: words?,
                    gloss: gloss?,
                })
            }
            "fill_blank" => self.fill_blank(node, entries, path),
            _ => None,
        }
    }

    fn example(&mut self, node: &Node, path: &str) -> Option<Example> {
        let allowed = self.target_fields(&["ko", "gloss", "pronunciation"]);
        let entries = self.table(node, path, &allowed)?;
        let key = self.text_key();
        let ko = self
            .required(node, entries, path, key)
            .and_then(|n| self.spoken(n, &join(path, key)));
        let ko = self.with_pronunciation(entries, path, ko);
        let gloss = self
            .required(node, entries, path, "gloss")
            .and_then(|n| self.localized(n, &join(path, "gloss"), false));
        Some(Example {
            ko: ko?,
            gloss: gloss?,
        })
    }

    fn hangul_letter(
        &mut self,
        node: &Node,
        entries: &[(String, Node)],
        path: &str,
    ) -> Option<ItemKind> {
        let field = |key: &str| join(path, key);
        let jamo = self.required(node, entries, path, "jamo").and_then(|n| {
            let text = self.string(n, &field("jamo"))?;
            let mut characters = text.chars();
            match (characters.next(), characters.next()) {
                (Some(letter), None) if MODERN_COMPATIBILITY_JAMO.contains(&letter) => Some(text),
                _ => {
                    self.error(
                        &n.span,
                        &field("jamo"),
                        format!("`{text}` is not one modern compatibility jamo such as ㄱ or ㅏ"),
                    );
                    None
                }
            }
        });
        let name = self.required(node, entries, path, "name").and_then(|n| {
            let name = self.spoken(n, &field("name"))?;
            if let Some(expected) = jamo.as_deref().and_then(letter_name) {
                if name.text != expected {
                    let letter = jamo.as_deref().unwrap_or_default();
                    self.error(
                        &n.span,
                        &field("name"),
                        format!("the name of {letter} is {expected}, not {}", name.text),
                    );
                    return None;
                }
            }
            Some(name)
        });
        let romanization = self
            .required(node, entries, path, "romanization")
            .and_then(|n| self.string(n, &field("romanization")));
        let sound = self
            .required(node, entries, path, "sound")
            .and_then(|n| self.localized(n, &field("sound"), false));
        let examples = self
            .required(node, entries, path, "examples")
            .and_then(|n| {
                let example_nodes = self.array(n, &field("examples"), 1)?;
                let mut examples = Vec::new();
                let mut all_valid = true;
                for (index, example_node) in example_nodes.iter().enumerate() {
                    let example_path = format!("{}[{index}]", field("examples"));
                    match self.example(example_node, &example_path) {
                        Some(example) => {
                            if let Some(letter) =
                                jamo.as_deref().and_then(|jamo| jamo.chars().next())
                            {
                                if !letters_of(&example.ko.text).contains(&letter) {
                                    self.error(
                                        &example_node.span,
                                        &join(&example_path, "ko"),
                                        format!(
                                            "`{}` does not contain the letter {letter}",
                                            example.ko.text
                                        ),
                                    );
                                    all_valid = false;
                                }
                            }
                            examples.push(example);
                        }
                        None => all_valid = false,
                    }
                }
                all_valid.then_some(examples)
            });
        Some(ItemKind::HangulLetter {
            jamo: jamo?,
            name: name?,
            romanization: romanization?,
            sound: sound?,
            examples: examples?,
        })
    }

    fn vocab(&mut self, node: &Node, entries: &[(String, Node)], path: &str) -> Option<ItemKind> {
        let field = |key: &str| join(path, key);
        let key = self.text_key();
        let ko = self
            .required(node, entries, path, key)
            .and_then(|n| self.spoken(n, &field(key)));
        let ko = self.with_pronunciation(entries, path, ko);
        // A Vietnamese word is written in Latin letters already: it has no romanization.
        let romanization: Option<Option<String>> = if self.target == TargetLanguage::Vi {
            Some(None)
        } else {
            self.required(node, entries, path, "romanization")
                .and_then(|n| {
                    let given = self.string(n, &field("romanization"))?;
                    if let Some(ko) = &ko {
                        let expected = (self.romanizer)(&ko.text);
                        if comparable_romanization(&given) != comparable_romanization(&expected) {
                            self.error(
                                &n.span,
                                &field("romanization"),
                                format!("`{given}` does not match the Revised Romanization of {}, which is `{expected}`", ko.text),
                            );
                            return None;
                        }
                    }
                    Some(given)
                })
                .map(Some)
        };
        let gloss = self.required(node, entries, path, "gloss").and_then(|n| {
            let gloss = self.localized(n, &field("gloss"), false)?;
            let missing: Vec<&str> = self
                .gloss_languages
                .iter()
                .filter(|language| gloss.get(**language).is_none())
                .map(|language| language.code())
                .collect();
            if !missing.is_empty() {
                self.error(
                    &n.span,
                    &field("gloss"),
                    format!(
                        "lacks {}, which the course's gloss_languages asks of every word",
                        missing.join(", ")
                    ),
                );
                return None;
            }
            Some(gloss)
        });
        let example =
            Self::optional(entries, "example").map(|n| self.example(n, &field("example")));
        let example = match example {
            Some(checked) => Some(checked?),
            None => None,
        };
        Some(ItemKind::Vocab {
            ko: ko?,
            romanization: romanization?,
            gloss: gloss?,
            example,
        })
    }

    /// `options` (at least two, all different) and `answer`, an index into them.
    fn options_and_answer(
        &mut self,
        node: &Node,
        entries: &[(String, Node)],
        path: &str,
    ) -> Option<(Vec<ChoiceOption>, usize)> {
        let field = |key: &str| join(path, key);
        let options = self.required(node, entries, path, "options").and_then(|n| {
            let option_nodes = self.array(n, &field("options"), 2)?;
            let mut options: Vec<ChoiceOption> = Vec::new();
            let mut all_valid = true;
            for (index, option_node) in option_nodes.iter().enumerate() {
                let option_path = format!("{}[{index}]", field("options"));
                let option = match &option_node.value {
                    Value::Table(_) => self
                        .localized(option_node, &option_path, false)
                        .map(ChoiceOption::Localized),
                    _ => self.string(option_node, &option_path).and_then(|text| {
                        if !is_nfc(&text) {
                            self.error(
                                &option_node.span,
                                &option_path,
                                "text is not in Unicode NFC form; save it normalized (NFC)",
                            );
                            return None;
                        }
                        Some(ChoiceOption::Plain(text))
                    }),
                };
                match option {
                    Some(option) if options.contains(&option) => {
                        self.error(
                            &option_node.span,
                            &option_path,
                            "the same option is given twice",
                        );
                        all_valid = false;
                    }
                    Some(option) => options.push(option),
                    None => all_valid = false,
                }
            }
            all_valid.then_some(options)
        });
        let option_count = Self::optional(entries, "options").and_then(|n| match &n.value {
            Value::Array(elements) => Some(elements.len()),
            _ => None,
        });
        let answer = self
            .required(node, entries, path, "answer")
            .and_then(|n| match n.value {
                Value::Integer(index) => match option_count {
                    Some(count)
                        if index < 0 || index >= i64::try_from(count).unwrap_or(i64::MAX) =>
                    {
                        self.error(
                            &n.span,
                            &field("answer"),
                            format!("index {index} is out of range ({count} options)"),
                        );
                        None
                    }
                    _ => usize::try_from(index).ok(),
                },
                ref other => {
                    let what = other.describe();
                    self.error(
                        &n.span,
                        &field("answer"),
                        format!("must be the 0-based index of the right option, not {what}"),
                    );
                    None
                }
            });
        Some((options?, answer?))
    }

    /// `answer` (Korean) and optional `accept` (other correct Korean answers).
    fn typed_answers(
        &mut self,
        node: &Node,
        entries: &[(String, Node)],
        path: &str,
    ) -> Option<(String, Vec<String>)> {
        let field = |key: &str| join(path, key);
        let answer = self
            .required(node, entries, path, "answer")
            .and_then(|n| match n.value {
                Value::Integer(_) => {
                    self.error(
                        &n.span,
                        &field("answer"),
                        "must be the Korean answer to type (an index needs `options`)",
                    );
                    None
                }
                _ => self.korean(n, &field("answer")),
            });
        let accept = match Self::optional(entries, "accept") {
            Some(n) => self.korean_list(n, &field("accept"), 1).and_then(|accept| {
                if let Some(answer) = &answer {
                    if accept.contains(answer) {
                        self.error(
                            &n.span,
                            &field("accept"),
                            format!("repeats the answer `{answer}`"),
                        );
                        return None;
                    }
                }
                Some(accept)
            }),
            None => Some(Vec::new()),
        };
        Some((answer?, accept?))
    }

    fn fill_blank(
        &mut self,
        node: &Node,
        entries: &[(String, Node)],
        path: &str,
    ) -> Option<ItemKind> {
        let field = |key: &str| join(path, key);
        let prompt = self
            .required(node, entries, path, "prompt")
            .and_then(|n| self.prompt_text(n, &field("prompt"), false));
        let text = self.required(node, entries, path, "text").and_then(|n| {
            let text = self.string(n, &field("text"))?;
            if let Some(problem) = blank_problem(&text) {
                self.error(&n.span, &field("text"), problem);
                return None;
            }
            let problem = match self.target {
                TargetLanguage::Ko => korean_problem_shown_as(&text.replace("___", " "), &text),
                TargetLanguage::Vi => vietnamese_text_problem(&text.replace("___", " ")),
            };
            if let Some(problem) = problem {
                self.error(&n.span, &field("text"), problem);
                return None;
            }
            Some(text)
        });
        let answers = self.typed_answers(node, entries, path);
        let options = match Self::optional(entries, "options") {
            Some(n) => self
                .korean_list(n, &field("options"), 2)
                .and_then(|options| {
                    if let Some((answer, _)) = &answers {
                        if !options.contains(answer) {
                            self.error(
                                &n.span,
                                &field("options"),
                                format!("the word bank must contain the answer `{answer}`"),
                            );
                            return None;
                        }
                    }
                    Some(options)
                }),
            None => Some(Vec::new()),
        };
        let gloss = self
            .required(node, entries, path, "gloss")
            .and_then(|n| self.localized(n, &field("gloss"), false));
        let (answer, accept) = answers?;
        Some(ItemKind::FillBlank {
            prompt: prompt?,
            text: text?,
            answer,
            accept,
            options: options?,
            gloss: gloss?,
        })
    }
}

/// Every field some item type takes, to tell "wrong field for this type" from a typo.
const ITEM_FIELDS: [&str; 18] = [
    "text",
    "title",
    "jamo",
    "name",
    "romanization",
    "sound",
    "examples",
    "ko",
    "vi",
    "gloss",
    "example",
    "prompt",
    "options",
    "answer",
    "accept",
    "audio",
    "words",
    "pronunciation",
];

fn kind_fields(type_name: &str) -> &'static [&'static str] {
    match type_name {
        "reading" => &["text"],
        "culture_note" => &["title", "text"],
        "hangul_letter" => &["jamo", "name", "romanization", "sound", "examples"],
        "vocab" => &["ko", "pronunciation", "romanization", "gloss", "example"],
        "choice" => &["prompt", "ko", "pronunciation", "options", "answer"],
        "typed" => &["prompt", "ko", "pronunciation", "answer", "accept"],
        "listening" => &[
            "audio",
            "pronunciation",
            "prompt",
            "options",
            "answer",
            "accept",
        ],
        "ordering" => &["prompt", "words", "gloss"],
        "fill_blank" => &["prompt", "text", "answer", "accept", "options", "gloss"],
        _ => &[],
    }
}

// ---------------------------------------------------------------------------------------------
// Rules on strings.

pub(crate) fn identifier_problem(id: &str) -> Option<String> {
    if !identifier_characters(id) {
        Some(format!(
            "`{id}` is not a valid id (lowercase a-z, digits and `-`, not starting with `-`)"
        ))
    } else if id.len() > MAXIMUM_IDENTIFIER_BYTES {
        Some(format!("`{id}` is longer than 48 characters"))
    } else {
        None
    }
}

/// The longest id of a course, unit, lesson or item.
const MAXIMUM_IDENTIFIER_BYTES: usize = 48;

/// Lowercase a-z, digits and `-`, not empty and not starting with `-`.
fn identifier_characters(id: &str) -> bool {
    let mut characters = id.bytes();
    characters
        .next()
        .is_some_and(|first| first.is_ascii_lowercase() || first.is_ascii_digit())
        && characters.all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

/// Whether `id` is a valid id ([`identifier_problem`] without the words, for the client).
pub(crate) fn is_identifier(id: &str) -> bool {
    identifier_characters(id) && id.len() <= MAXIMUM_IDENTIFIER_BYTES
}

fn is_hangul(character: char) -> bool {
    matches!(character, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3131}'..='\u{318E}' | '\u{A960}'..='\u{A97F}' | '\u{D7B0}'..='\u{D7FF}')
}

/// Why a Korean text is not acceptable: it must be NFC and contain Hangul, and its letters
/// must be Hangul or basic Latin, because Korean writes some terms with Latin letters (`N극`,
/// `TV`, `CO2`) but never with Cyrillic or accented letters, which would be a gloss in the
/// wrong field. Digits, spaces and punctuation are fine.
fn korean_problem(text: &str) -> Option<String> {
    korean_problem_shown_as(text, text)
}

/// [`korean_problem`] of `checked`, quoting `shown` (the text as written) in the message.
fn korean_problem_shown_as(checked: &str, shown: &str) -> Option<String> {
    if !is_nfc(checked) {
        return Some("Korean text is not in Unicode NFC form; save it normalized (NFC)".to_owned());
    }
    if let Some(foreign) = checked.chars().find(|character| {
        character.is_alphabetic() && !is_hangul(*character) && !character.is_ascii_alphabetic()
    }) {
        return Some(format!("Korean text `{shown}` contains `{foreign}`, which is neither Hangul nor a basic Latin letter"));
    }
    if !checked.chars().any(is_hangul) {
        return Some(format!("Korean text `{shown}` contains no Hangul"));
    }
    None
}

/// Why `given` is not a pronunciation override of `text`: it must be NFC Hangul syllables
/// (with the spaces and punctuation of the text), as many syllables as `text`, and differ from
/// what the rules of [`crate::pronounce`] give, since an override that agrees is noise.
fn pronunciation_problem(text: &str, given: &str) -> Option<String> {
    if !is_nfc(given) {
        return Some("not in Unicode NFC form; save it normalized (NFC)".to_owned());
    }
    if let Some(other) = given
        .chars()
        .find(|character| character.is_alphanumeric() && !crate::hangul::is_syllable(*character))
    {
        return Some(format!(
            "`{given}` contains `{other}`: a pronunciation is written in Hangul syllables only"
        ));
    }
    let (written, said) = (
        crate::pronounce::syllable_count(text),
        crate::pronounce::syllable_count(given),
    );
    if written != said {
        return Some(format!(
            "`{given}` has {said} syllables, but `{text}` has {written}"
        ));
    }
    let by_rule = crate::pronounce::pronounce(text);
    if given == by_rule {
        return Some(format!(
            "`{given}` is what the rules already give for `{text}`; remove the override"
        ));
    }
    None
}

/// A fill-in text has exactly one blank, written as exactly three underscores.
fn blank_problem(text: &str) -> Option<String> {
    let mut runs = Vec::new();
    let mut current = 0usize;
    for character in text.chars().chain(std::iter::once(' ')) {
        if character == '_' {
            current += 1;
        } else if current > 0 {
            runs.push(current);
            current = 0;
        }
    }
    match runs.as_slice() {
        [3] => None,
        [] => Some("must contain one blank written `___`".to_owned()),
        [length] => Some(format!(
            "the blank must be exactly three underscores `___`, not {length}"
        )),
        many => Some(format!(
            "must contain exactly one blank `___`, found {}",
            many.len()
        )),
    }
}

/// Romanizations compare without case, spaces and hyphens (`Hangeul` = `han-geul`).
fn comparable_romanization(text: &str) -> String {
    text.chars()
        .filter(|character| !character.is_whitespace() && *character != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

const INITIALS: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];
const INITIAL_NAMES: [&str; 19] = [
    "기역",
    "쌍기역",
    "니은",
    "디귿",
    "쌍디귿",
    "리을",
    "미음",
    "비읍",
    "쌍비읍",
    "시옷",
    "쌍시옷",
    "이응",
    "지읒",
    "쌍지읒",
    "치읓",
    "키읔",
    "티읕",
    "피읖",
    "히읗",
];
const MEDIALS: [char; 21] = [
    'ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ', 'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ',
    'ㅟ', 'ㅠ', 'ㅡ', 'ㅢ', 'ㅣ',
];
/// Final consonants by index (index 0 is "no final"); clusters list their two letters.
const FINALS: [&[char]; 28] = [
    &[],
    &['ㄱ'],
    &['ㄲ'],
    &['ㄳ', 'ㄱ', 'ㅅ'],
    &['ㄴ'],
    &['ㄵ', 'ㄴ', 'ㅈ'],
    &['ㄶ', 'ㄴ', 'ㅎ'],
    &['ㄷ'],
    &['ㄹ'],
    &['ㄺ', 'ㄹ', 'ㄱ'],
    &['ㄻ', 'ㄹ', 'ㅁ'],
    &['ㄼ', 'ㄹ', 'ㅂ'],
    &['ㄽ', 'ㄹ', 'ㅅ'],
    &['ㄾ', 'ㄹ', 'ㅌ'],
    &['ㄿ', 'ㄹ', 'ㅍ'],
    &['ㅀ', 'ㄹ', 'ㅎ'],
    &['ㅁ'],
    &['ㅂ'],
    &['ㅄ', 'ㅂ', 'ㅅ'],
    &['ㅅ'],
    &['ㅆ'],
    &['ㅇ'],
    &['ㅈ'],
    &['ㅊ'],
    &['ㅋ'],
    &['ㅌ'],
    &['ㅍ'],
    &['ㅎ'],
];
const MODERN_COMPATIBILITY_JAMO: std::ops::RangeInclusive<char> = '\u{3131}'..='\u{3163}';

/// The standard name of a letter: 기역 for ㄱ, and for a vowel the vowel after the silent ㅇ
/// (아 for ㅏ). Clusters such as ㄳ have no name of their own here.
fn letter_name(jamo: &str) -> Option<String> {
    let mut characters = jamo.chars();
    let letter = characters.next()?;
    if characters.next().is_some() {
        return None;
    }
    if let Some(index) = INITIALS.iter().position(|&initial| initial == letter) {
        return Some(INITIAL_NAMES[index].to_owned());
    }
    let vowel_index = MEDIALS.iter().position(|&medial| medial == letter)?;
    let silent_initial_index = 11;
    let code = 0xAC00 + (silent_initial_index * 21 + u32::try_from(vowel_index).ok()?) * 28;
    char::from_u32(code).map(String::from)
}

/// Every letter (as compatibility jamo) written in a Korean text, syllables taken apart.
fn letters_of(text: &str) -> BTreeSet<char> {
    let mut letters = BTreeSet::new();
    for character in text.chars() {
        let code = u32::from(character);
        if (0xAC00..=0xD7A3).contains(&code) {
            let offset = usize::try_from(code - 0xAC00).unwrap_or(0);
            letters.insert(INITIALS[offset / (21 * 28)]);
            letters.insert(MEDIALS[(offset / 28) % 21]);
            letters.extend(FINALS[offset % 28].iter().copied());
        } else {
            letters.insert(character);
        }
    }
    letters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_names_follow_the_standard() {
        assert_eq!(letter_name("ㄱ").as_deref(), Some("기역"));
        assert_eq!(letter_name("ㅎ").as_deref(), Some("히읗"));
        assert_eq!(letter_name("ㅏ").as_deref(), Some("아"));
        assert_eq!(letter_name("ㅢ").as_deref(), Some("의"));
        assert_eq!(letter_name("ㄳ"), None);
    }

    #[test]
    fn letters_of_takes_syllables_apart() {
        let letters = letters_of("닭");
        assert!(
            letters.contains(&'ㄷ')
                && letters.contains(&'ㅏ')
                && letters.contains(&'ㄺ')
                && letters.contains(&'ㄱ')
        );
        assert!(!letters_of("가").contains(&'ㄴ'));
    }

    #[test]
    fn blanks_are_counted() {
        assert_eq!(blank_problem("저는 ___ 학생이에요"), None);
        assert!(blank_problem("저는 학생이에요").is_some());
        assert!(blank_problem("___ ___").is_some());
        assert!(blank_problem("____").is_some());
    }

    #[test]
    fn romanizations_compare_loosely() {
        assert_eq!(
            comparable_romanization("Han-geul"),
            comparable_romanization("hangeul")
        );
        assert_ne!(
            comparable_romanization("hangul"),
            comparable_romanization("hangeul")
        );
    }

    #[test]
    fn korean_texts_must_be_hangul_and_nfc() {
        assert_eq!(korean_problem("안녕하세요, 선생님!"), None);
        assert_eq!(korean_problem("나침반 바늘의 N극"), None);
        assert!(korean_problem("hello").is_some_and(|problem| problem.contains("no Hangul")));
        assert!(korean_problem("가방 сумка").is_some_and(|problem| problem.contains("`с`")));
        assert!(korean_problem("cái 가방").is_some_and(|problem| problem.contains("`á`")));
        assert!(korean_problem("123").is_some());
        let decomposed: String = unicode_normalization::UnicodeNormalization::nfd("가").collect();
        assert!(korean_problem(&decomposed).is_some_and(|problem| problem.contains("NFC")));
    }
}
