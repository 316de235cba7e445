//! Course content: the typed model, the validator for the TOML sources and the pack builder.
//!
//! Content flows `content/courses/*` (TOML written by people, see `content/FORMAT.md`) →
//! [`parse_courses`] (every rule checked, every problem reported with file, line and field) →
//! [`build_packs`] (immutable files named by their SHA-256) → served under `/content/` →
//! the client, which reads them with [`parse_catalog`], [`parse_course_manifest`] and
//! [`parse_lesson_file`] after checking each hashed file with [`verify_hash`] (the web client
//! parses the JSON with the browser's `JSON.parse` and applies the same rules through
//! [`check_pack_format`], [`check_catalog`], [`check_course_manifest`] and
//! [`check_lesson_file`]).
//!
//! Everything here is pure: reading directories, running audio tools and writing files is the
//! job of `cargo xtask content`, so the same rules run natively and in the browser.

pub mod download;
pub mod home;
pub mod markdown;
mod order;
mod pack;
pub mod search;
mod source;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

pub use markdown::markdown_problems;
pub use order::{uses_word, PARTICLES};
pub use pack::{
    build_packs, check_catalog, check_course_manifest, check_lesson_file, check_pack_format,
    choice_options, lesson_media_names, parse_catalog, parse_course_manifest, parse_lesson_file,
    verify_hash, BuiltPacks, ByteSize, CatalogCourse, CatalogIndex, CatalogUnit, CourseManifest,
    FormatProbe, LessonFile, ManifestLesson, ManifestUnit, MediaFile, MissingClip, PackFile,
    CATALOG_FILE_NAME, CATALOG_KIND, COURSE_MANIFEST_KIND, LESSON_KIND, PACK_FORMAT,
};
pub use source::{parse_course, parse_courses, CourseSources, SourceFile};

/// A language of the interface or of a gloss. The language a course teaches is its
/// [`TargetLanguage`] (Korean unless the course says otherwise).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Ko,
    En,
    Vi,
    Ru,
    Kk,
    Th,
    Tr,
    Mn,
    Uz,
    /// Simplified Chinese, like the `zh` interface.
    Zh,
}

impl Language {
    /// Every language the format knows, in the order glosses are written out.
    pub const ALL: [Language; 10] = [
        Language::Ko,
        Language::En,
        Language::Vi,
        Language::Ru,
        Language::Kk,
        Language::Th,
        Language::Tr,
        Language::Mn,
        Language::Uz,
        Language::Zh,
    ];

    /// The languages every learner-facing text of a Korean course must carry.
    pub const REQUIRED_FOR_KOREAN_COURSES: [Language; 3] =
        [Language::En, Language::Vi, Language::Ru];

    /// The language's name in itself, so a learner finds their own whatever the interface is
    /// in (the interface's language picker and the catalogue's language filter).
    pub fn native_name(self) -> &'static str {
        match self {
            Language::Ko => "한국어",
            Language::En => "English",
            Language::Vi => "Tiếng Việt",
            Language::Ru => "Русский",
            Language::Kk => "Қазақ тілі",
            Language::Th => "ไทย",
            Language::Tr => "Türkçe",
            Language::Mn => "Монгол",
            Language::Uz => "Oʻzbekcha",
            Language::Zh => "中文",
        }
    }

    /// The ISO 639-1 code used in the sources and in the JSON packs.
    pub fn code(self) -> &'static str {
        match self {
            Language::Ko => "ko",
            Language::En => "en",
            Language::Vi => "vi",
            Language::Ru => "ru",
            Language::Kk => "kk",
            Language::Th => "th",
            Language::Tr => "tr",
            Language::Mn => "mn",
            Language::Uz => "uz",
            Language::Zh => "zh",
        }
    }

    /// The language with this code, if the format knows it.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|language| language.code() == code)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.code())
    }
}

/// A text in several languages. Validated sources always carry English, which is the fallback
/// for interface languages that have no gloss of their own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalizedText(pub BTreeMap<Language, String>);

impl LocalizedText {
    /// The text in exactly this language, if it was written.
    pub fn get(&self, language: Language) -> Option<&str> {
        self.0.get(&language).map(String::as_str)
    }

    /// The text in this language, else in English, else in any language there is.
    pub fn get_or_english(&self, language: Language) -> &str {
        self.get(language)
            .or_else(|| self.get(Language::En))
            .or_else(|| self.0.values().next().map(String::as_str))
            .unwrap_or("")
    }

    /// A text from (language, text) pairs; convenient in tests and tools.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (Language, &'a str)>) -> LocalizedText {
        LocalizedText(
            pairs
                .into_iter()
                .map(|(language, text)| (language, text.to_owned()))
                .collect(),
        )
    }
}

/// The language a course teaches: the language of its spoken texts, typed answers, words
/// and sentences (`target_language` in `course.toml`). Korean unless a course says otherwise;
/// the packs of a Korean course do not mention it, so they stay as they were.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum TargetLanguage {
    /// Korean: Hangul texts, jamo-level grading, the standard pronunciation, espeak-ng `ko`.
    #[default]
    Ko,
    /// Vietnamese (Northern standard): Latin letters with diacritics, tone- and
    /// letter-mark-level grading ([`crate::vietnamese`]), espeak-ng `vi`.
    Vi,
}

impl TargetLanguage {
    /// Every target language, with its code in the sources and packs.
    pub const ALL: [TargetLanguage; 2] = [TargetLanguage::Ko, TargetLanguage::Vi];

    /// The code in `course.toml` and in the packs (`ko`, `vi`).
    pub fn code(self) -> &'static str {
        match self {
            TargetLanguage::Ko => "ko",
            TargetLanguage::Vi => "vi",
        }
    }

    /// The target language with this code.
    pub fn from_code(code: &str) -> Option<TargetLanguage> {
        TargetLanguage::ALL
            .into_iter()
            .find(|language| language.code() == code)
    }

    /// The same language as a gloss language: a course may not gloss its words in the language
    /// it teaches.
    pub fn as_language(self) -> Language {
        match self {
            TargetLanguage::Ko => Language::Ko,
            TargetLanguage::Vi => Language::Vi,
        }
    }

    /// Whether this is Korean, the default (for `skip_serializing_if`).
    pub fn is_korean(&self) -> bool {
        *self == TargetLanguage::Ko
    }
}

/// What a course teaches; the catalog groups courses by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Subject {
    Korean,
    /// Vietnamese as a foreign language (a course with `target_language = "vi"`).
    Vietnamese,
    Math,
    Science,
    Social,
    Other,
}

impl Subject {
    /// The language a course of this subject teaches: Vietnamese for `vietnamese` (the
    /// validator holds `target_language = "vi"` to it), Korean for every other subject.
    pub fn target_language(self) -> TargetLanguage {
        match self {
            Subject::Vietnamese => TargetLanguage::Vi,
            _ => TargetLanguage::Ko,
        }
    }

    /// Every subject with its source spelling.
    pub const ALL: [(Subject, &'static str); 6] = [
        (Subject::Korean, "korean"),
        (Subject::Vietnamese, "vietnamese"),
        (Subject::Math, "math"),
        (Subject::Science, "science"),
        (Subject::Social, "social"),
        (Subject::Other, "other"),
    ];
}

/// How much the learner is expected to know already.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Beginner,
    Elementary,
    Intermediate,
}

impl Level {
    /// Every level with its source spelling.
    pub const ALL: [(Level, &'static str); 3] = [
        (Level::Beginner, "beginner"),
        (Level::Elementary, "elementary"),
        (Level::Intermediate, "intermediate"),
    ];
}

/// A course: units of lessons, in the order the learner takes them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Course {
    pub id: String,
    pub version: u32,
    pub subject: Subject,
    pub level: Level,
    /// The language the course teaches (`target_language`, Korean by default).
    pub target_language: TargetLanguage,
    pub title: LocalizedText,
    pub description: LocalizedText,
    /// The sites whose own course this is (`sites` in course.toml): only they offer it. Empty:
    /// a course of the shared catalogue, which any site may choose.
    pub sites: Vec<String>,
    /// What completing the course means (`completion` in course.toml, its lessons resolved);
    /// none: the course gives no certificate.
    pub completion: Option<crate::records::completion::CompletionRule>,
    pub units: Vec<Unit>,
}

/// A group of lessons with a title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub id: String,
    pub title: LocalizedText,
    pub lessons: Vec<Lesson>,
}

/// One lesson: items the learner goes through in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lesson {
    pub id: String,
    pub title: LocalizedText,
    pub items: Vec<Item>,
}

/// Text in the course's target language (Korean unless the course says otherwise) that is
/// spoken aloud. In the sources `audio` is absent; the pack builder fills it with the file
/// name of the clip (`<sha256>.opus`) when one exists. Without a clip the player may fall back
/// to the browser's speech voice for that language, speaking `text`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spoken {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio: Option<String>,
    /// The standard pronunciation in Hangul where the rules of [`crate::pronounce`] cannot
    /// know it (물고기 [물꼬기]): the `pronunciation` field of the sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pronunciation: Option<String>,
}

impl Spoken {
    /// Spoken text without a clip yet.
    pub fn new(text: impl Into<String>) -> Spoken {
        Spoken {
            text: text.into(),
            audio: None,
            pronunciation: None,
        }
    }

    /// What the clip of a Korean text says: the written override, else the standard
    /// pronunciation of `text`.
    pub fn pronounced(&self) -> String {
        self.pronounced_in(TargetLanguage::Ko)
    }

    /// What the clip says in a course teaching `language`. Korean: the written override, else
    /// the standard pronunciation. Vietnamese is written as it is said, so its clip says the
    /// text itself (NFC, lower case, since espeak-ng reads a capital as a capital).
    pub fn pronounced_in(&self, language: TargetLanguage) -> String {
        match (language, &self.pronunciation) {
            (_, Some(pronunciation)) => pronunciation.clone(),
            (TargetLanguage::Ko, None) => crate::pronounce::pronounce(&self.text),
            (TargetLanguage::Vi, None) => self.text.nfc().collect::<String>().to_lowercase(),
        }
    }

    /// The key of this Korean text's clip: [`audio_key`] of what it says, so a changed
    /// pronunciation asks for a new clip.
    pub fn audio_key(&self) -> String {
        audio_key(&self.pronounced())
    }
}

/// The clip a course needs for one pronunciation, and the texts it speaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClipSource {
    /// What espeak-ng is given to say, in Hangul.
    pub pronunciation: String,
    /// The written texts pronounced so, sorted.
    pub texts: BTreeSet<String>,
}

/// A Korean word or sentence with its meaning, used as an example.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Example {
    pub ko: Spoken,
    pub gloss: LocalizedText,
}

/// One option of a multiple-choice question: either the same text in every language (often
/// Korean, or a romanization) or a text per language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChoiceOption {
    Plain(String),
    Localized(LocalizedText),
}

/// How the learner answers a listening item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum ListeningResponse {
    /// Picks the option at index `answer`.
    Choice {
        options: Vec<ChoiceOption>,
        answer: usize,
    },
    /// Types `answer` (or one of `accept`) in Korean.
    Typed {
        answer: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        accept: Vec<String>,
    },
}

/// One step of a lesson: an id, an optional hint and what kind of step it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<LocalizedText>,
    #[serde(flatten)]
    pub kind: ItemKind,
}

/// The nine kinds of lesson items (see the table in `content/FORMAT.md`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ItemKind {
    /// Markdown text the learner reads.
    Reading { text: LocalizedText },
    /// A short note on culture or life in Korea or at school.
    CultureNote {
        title: LocalizedText,
        text: LocalizedText,
    },
    /// A letter of the alphabet with its name and examples.
    HangulLetter {
        /// One compatibility jamo such as `ㄱ` or `ㅏ`.
        jamo: String,
        /// The letter's Korean name, such as `기역`.
        name: Spoken,
        /// How it is romanized, such as `g / k`.
        romanization: String,
        sound: LocalizedText,
        examples: Vec<Example>,
    },
    /// A word to learn.
    Vocab {
        /// The word in the target language (Korean, or Vietnamese in a `vi` course; the
        /// field keeps its name so the packs of Korean courses stay as they were).
        ko: Spoken,
        /// Revised Romanization, checked against `romanize::romanize` by the validator;
        /// absent for a Vietnamese word, which is written in Latin letters already.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        romanization: Option<String>,
        gloss: LocalizedText,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        example: Option<Example>,
    },
    /// A multiple-choice question.
    Choice {
        prompt: LocalizedText,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ko: Option<Spoken>,
        options: Vec<ChoiceOption>,
        /// Index into `options`.
        answer: usize,
    },
    /// The learner types Korean.
    Typed {
        prompt: LocalizedText,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ko: Option<Spoken>,
        answer: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        accept: Vec<String>,
    },
    /// The learner hears Korean (not shown) and then chooses or types.
    Listening {
        audio: Spoken,
        prompt: LocalizedText,
        response: ListeningResponse,
    },
    /// The learner puts words in order; `words` is the correct order.
    Ordering {
        prompt: LocalizedText,
        words: Vec<String>,
        gloss: LocalizedText,
    },
    /// The learner fills the one `___` in `text`.
    FillBlank {
        prompt: LocalizedText,
        text: String,
        answer: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        accept: Vec<String>,
        /// A word bank to pick from; empty means the learner types.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        options: Vec<String>,
        gloss: LocalizedText,
    },
}

impl ItemKind {
    /// The `type` string of this kind in the sources and the JSON.
    pub fn type_name(&self) -> &'static str {
        match self {
            ItemKind::Reading { .. } => "reading",
            ItemKind::CultureNote { .. } => "culture_note",
            ItemKind::HangulLetter { .. } => "hangul_letter",
            ItemKind::Vocab { .. } => "vocab",
            ItemKind::Choice { .. } => "choice",
            ItemKind::Typed { .. } => "typed",
            ItemKind::Listening { .. } => "listening",
            ItemKind::Ordering { .. } => "ordering",
            ItemKind::FillBlank { .. } => "fill_blank",
        }
    }
}

impl Item {
    /// Every spoken Korean text of this item, in order, for reading.
    pub fn spoken(&self) -> Vec<&Spoken> {
        match &self.kind {
            ItemKind::Reading { .. }
            | ItemKind::CultureNote { .. }
            | ItemKind::Ordering { .. }
            | ItemKind::FillBlank { .. } => Vec::new(),
            ItemKind::HangulLetter { name, examples, .. } => std::iter::once(name)
                .chain(examples.iter().map(|example| &example.ko))
                .collect(),
            ItemKind::Vocab { ko, example, .. } => std::iter::once(ko)
                .chain(example.iter().map(|example| &example.ko))
                .collect(),
            ItemKind::Choice { ko, .. } | ItemKind::Typed { ko, .. } => ko.iter().collect(),
            ItemKind::Listening { audio, .. } => vec![audio],
        }
    }

    /// Every spoken Korean text of this item, for filling in audio references.
    pub fn spoken_mut(&mut self) -> Vec<&mut Spoken> {
        match &mut self.kind {
            ItemKind::Reading { .. }
            | ItemKind::CultureNote { .. }
            | ItemKind::Ordering { .. }
            | ItemKind::FillBlank { .. } => Vec::new(),
            ItemKind::HangulLetter { name, examples, .. } => std::iter::once(name)
                .chain(examples.iter_mut().map(|example| &mut example.ko))
                .collect(),
            ItemKind::Vocab { ko, example, .. } => std::iter::once(ko)
                .chain(example.iter_mut().map(|example| &mut example.ko))
                .collect(),
            ItemKind::Choice { ko, .. } | ItemKind::Typed { ko, .. } => ko.iter_mut().collect(),
            ItemKind::Listening { audio, .. } => vec![audio],
        }
    }
}

impl Course {
    /// Every lesson of the course, unit by unit.
    pub fn lessons(&self) -> impl Iterator<Item = &Lesson> {
        self.units.iter().flat_map(|unit| unit.lessons.iter())
    }

    /// The clips the course needs, by [`audio_key`]: one per distinct pronunciation (what
    /// [`Spoken::pronounced_in`] gives in the course's target language).
    pub fn clips(&self) -> BTreeMap<String, ClipSource> {
        let mut clips: BTreeMap<String, ClipSource> = BTreeMap::new();
        for spoken in self
            .lessons()
            .flat_map(|lesson| lesson.items.iter())
            .flat_map(|item| item.spoken())
        {
            let pronunciation = spoken.pronounced_in(self.target_language);
            clips
                .entry(audio_key(&pronunciation))
                .or_insert_with(|| ClipSource {
                    pronunciation,
                    texts: BTreeSet::new(),
                })
                .texts
                .insert(spoken.text.clone());
        }
        clips
    }

    /// Every distinct spoken Korean text of the course, as written.
    pub fn spoken_texts(&self) -> BTreeSet<String> {
        self.lessons()
            .flat_map(|lesson| lesson.items.iter())
            .flat_map(|item| item.spoken())
            .map(|spoken| spoken.text.clone())
            .collect()
    }
}

/// The audio key of a pronunciation (see [`Spoken::audio_key`]): the first 16 hex digits of
/// the SHA-256 of its NFC UTF-8 bytes. Clips live in `content/audio/<key>.opus`. Normalizing
/// first means that the same words typed in another normalization form still find their clip.
pub fn audio_key(text: &str) -> String {
    let normalized: String = text.nfc().collect();
    let mut key = sha256_hex(normalized.as_bytes());
    key.truncate(16);
    key
}

/// The file in `content/audio/` that records what each Korean clip says; see
/// [`clip_manifest`].
pub const CLIP_MANIFEST_FILE_NAME: &str = "manifest.tsv";

/// The clip manifest of a target language: `manifest.tsv` for Korean, `manifest-vi.tsv` for
/// Vietnamese (its clips are said by espeak-ng's `vi` voice, and no Korean rule applies).
pub fn clip_manifest_file_name(language: TargetLanguage) -> &'static str {
    match language {
        TargetLanguage::Ko => CLIP_MANIFEST_FILE_NAME,
        TargetLanguage::Vi => "manifest-vi.tsv",
    }
}

/// The clip manifest: a header line, then one line per clip, sorted by key:
/// `<key> TAB <pronunciation spoken> TAB <written text> [TAB <written text>…]`. It is written
/// by `cargo xtask content --generate-audio` and read by the test that checks every clip says
/// what core pronounces today.
pub fn clip_manifest(clips: &BTreeMap<String, ClipSource>) -> String {
    let mut manifest = String::from("# key\tpronunciation spoken by espeak-ng\twritten text(s)\n");
    for (key, clip) in clips {
        manifest.push_str(key);
        manifest.push('\t');
        manifest.push_str(&clip.pronunciation);
        for text in &clip.texts {
            manifest.push('\t');
            manifest.push_str(text);
        }
        manifest.push('\n');
    }
    manifest
}

/// Reads [`clip_manifest`] back: key → what the clip says, with its texts. A line that is not
/// `key TAB pronunciation TAB text…` is an error naming the line.
pub fn parse_clip_manifest(manifest: &str) -> Result<BTreeMap<String, ClipSource>, String> {
    let mut clips = BTreeMap::new();
    for (index, line) in manifest.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(key), Some(pronunciation)) = (fields.next(), fields.next()) else {
            return Err(format!(
                "line {}: expected key, pronunciation and texts",
                index + 1
            ));
        };
        let texts: BTreeSet<String> = fields.map(str::to_owned).collect();
        if texts.is_empty() {
            return Err(format!(
                "line {}: no written text for clip {key}",
                index + 1
            ));
        }
        let clip = ClipSource {
            pronunciation: pronunciation.to_owned(),
            texts,
        };
        if clips.insert(key.to_owned(), clip).is_some() {
            return Err(format!("line {}: clip {key} is listed twice", index + 1));
        }
    }
    Ok(clips)
}

/// The lowercase hex SHA-256 of some bytes: the name of every hashed pack file.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
        hex.push(char::from(b"0123456789abcdef"[usize::from(byte & 0x0f)]));
    }
    hex
}

/// Every way content can be wrong, in the sources or in a built pack file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ContentError {
    /// A rule of `content/FORMAT.md` is broken at this place of a source file.
    #[error("{file}:{line}: {}{message}", field_prefix(.field))]
    Source {
        file: String,
        line: usize,
        field: String,
        message: String,
    },
    /// A pack file ends before its JSON does, typically an interrupted download.
    #[error("the {kind} file is truncated ({detail})")]
    Truncated { kind: &'static str, detail: String },
    /// A pack file is not the JSON this version expects.
    #[error("the {kind} file is malformed at line {line}, column {column}: {detail}")]
    Malformed {
        kind: &'static str,
        line: usize,
        column: usize,
        detail: String,
    },
    /// A pack file is not the JSON this version expects, as told by a JSON parser that gives no
    /// line and column (the client reads with the browser's `JSON.parse`).
    #[error("the {kind} file is not in the form this version reads: {detail}")]
    Unreadable { kind: &'static str, detail: String },
    /// A pack file parses but contradicts itself, such as an answer index past the options.
    #[error("the {kind} file is inconsistent: {detail}")]
    Inconsistent { kind: &'static str, detail: String },
    /// A pack file was built for another version of the pack format.
    #[error("the {kind} file has pack format {found}, but this version of baeum reads format {expected}")]
    UnsupportedFormat {
        kind: &'static str,
        found: u64,
        expected: u32,
    },
    /// The name is not `<64 lowercase hex digits>.<extension>`.
    #[error("`{name}` is not a content-hashed file name (64 lowercase hex digits, a dot and an extension)")]
    NotHashedName { name: String },
    /// The bytes do not hash to the name: corrupted or substituted.
    #[error("the bytes of `{name}` do not match its name: their sha256 is {actual}")]
    HashMismatch { name: String, actual: String },
}

fn field_prefix(field: &str) -> String {
    if field.is_empty() {
        String::new()
    } else {
        format!("{field}: ")
    }
}
