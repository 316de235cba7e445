//! Built content packs: the JSON the client downloads, the pure builder that makes them from
//! validated courses and audio clips, and the client's checks on what it downloaded.
//!
//! Layout under `/content/`:
//! - `catalog.json` ([`CatalogIndex`]): small, not hashed, fetched on every visit online.
//! - `<sha256>.json` ([`CourseManifest`]): one per course, named in the catalog.
//! - `<sha256>.json` ([`LessonFile`]): one per lesson, named in the manifest.
//! - `<sha256>.opus`: audio clips, named in lessons ([`Spoken::audio`]) and manifests.
//!
//! Every hashed name is the lowercase hex SHA-256 of the file's bytes, so a file never changes
//! under its name: the client caches it forever and checks it with [`verify_hash`] before
//! storing it.

use std::collections::{BTreeMap, BTreeSet};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{
    audio_key, sha256_hex, ChoiceOption, ContentError, Course, Item, ItemKind, Level,
    ListeningResponse, LocalizedText, Spoken, Subject, TargetLanguage,
};

/// The version of the pack layout. A client refuses files of another version with
/// [`ContentError::UnsupportedFormat`] rather than misreading them.
pub const PACK_FORMAT: u32 = 1;

/// The one file of the packs that is not named by its hash.
pub const CATALOG_FILE_NAME: &str = "catalog.json";

/// Bytes to download, text (JSON) and audio (Opus) counted apart so that the learner can
/// choose to skip audio on a metered connection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ByteSize {
    pub text: u64,
    pub audio: u64,
}

impl ByteSize {
    /// Text and audio together.
    pub fn total(&self) -> u64 {
        self.text + self.audio
    }
}

/// `catalog.json`: every course, small enough to fetch on each online visit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogIndex {
    /// Always [`PACK_FORMAT`] for files this version writes.
    pub format: u32,
    pub courses: Vec<CatalogCourse>,
}

/// A course as the catalog lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogCourse {
    pub id: String,
    /// Raised by authors when the content changes; a new version has a new manifest.
    pub version: u32,
    pub subject: Subject,
    pub level: Level,
    pub title: LocalizedText,
    pub description: LocalizedText,
    /// File name of the [`CourseManifest`], `<sha256>.json`.
    pub manifest: String,
    /// The whole course: manifest and lessons as text; every distinct clip once as audio.
    pub size: ByteSize,
    pub units: Vec<CatalogUnit>,
    /// The sites whose own course this is; absent for a course of the shared catalogue.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<String>,
}

/// A unit as the catalog lists it, so the learner can download one unit at a time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogUnit {
    pub id: String,
    pub title: LocalizedText,
    pub lesson_count: usize,
    /// The unit's lessons as text; every distinct clip of the unit once as audio.
    pub size: ByteSize,
}

/// A course manifest, `<sha256>.json`: the structure of the course and every file it needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseManifest {
    pub format: u32,
    pub id: String,
    pub version: u32,
    pub subject: Subject,
    pub level: Level,
    pub title: LocalizedText,
    pub description: LocalizedText,
    pub units: Vec<ManifestUnit>,
    /// What completing the course means, for its certificate; none: it gives no certificate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion: Option<crate::records::completion::CompletionRule>,
}

/// A unit of a manifest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestUnit {
    pub id: String,
    pub title: LocalizedText,
    pub size: ByteSize,
    pub lessons: Vec<ManifestLesson>,
}

/// A lesson of a manifest: where its JSON is and which media it needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestLesson {
    pub id: String,
    pub title: LocalizedText,
    /// File name of the [`LessonFile`], `<sha256>.json`.
    pub file: String,
    pub item_count: usize,
    /// The lesson JSON as text; its distinct clips as audio.
    pub size: ByteSize,
    /// Every clip the lesson refers to, once each, sorted by file name.
    pub media: Vec<MediaFile>,
}

/// A media file and its size.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MediaFile {
    /// `<sha256>.opus`.
    pub file: String,
    pub bytes: u64,
}

/// A lesson file, `<sha256>.json`. Spoken texts carry their clip's file name in
/// [`Spoken::audio`] when a clip exists.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonFile {
    pub format: u32,
    pub course_id: String,
    /// The language the course teaches; absent (Korean) in the packs of Korean courses. The
    /// player grades typed answers and picks the keyboard and speech voice by it.
    #[serde(default, skip_serializing_if = "TargetLanguage::is_korean")]
    pub target_language: TargetLanguage,
    pub id: String,
    pub title: LocalizedText,
    pub items: Vec<Item>,
}

/// One file of the built packs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackFile {
    /// `catalog.json`, `<sha256>.json` or `<sha256>.opus`.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A spoken text that has no clip; the player will use speech synthesis if it can.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingClip {
    pub course_id: String,
    pub lesson_id: String,
    pub item_id: String,
    /// The clip that was looked for: `content/audio/<key>.opus`.
    pub key: String,
    pub text: String,
    /// What the clip would say.
    pub pronunciation: String,
}

/// The result of [`build_packs`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuiltPacks {
    /// Every file to serve, sorted by name, each name once.
    pub files: Vec<PackFile>,
    /// The catalog, also present in `files` as `catalog.json`.
    pub catalog: CatalogIndex,
    /// Spoken texts without a clip: warnings, not errors.
    pub missing_audio: Vec<MissingClip>,
}

/// Builds the packs from validated courses and the available clips (audio key → Opus bytes,
/// see [`audio_key`]). Pure and deterministic: the same input gives the same bytes and names.
pub fn build_packs(courses: &[Course], audio_by_key: &BTreeMap<String, Vec<u8>>) -> BuiltPacks {
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut missing_audio = Vec::new();
    let mut catalog_courses = Vec::new();

    for course in courses {
        let mut manifest_units = Vec::new();
        let mut catalog_units = Vec::new();
        let mut course_media: BTreeMap<String, u64> = BTreeMap::new();
        let mut course_text_bytes = 0u64;

        for unit in &course.units {
            let mut manifest_lessons = Vec::new();
            let mut unit_media: BTreeMap<String, u64> = BTreeMap::new();
            let mut unit_text_bytes = 0u64;

            for lesson in &unit.lessons {
                let mut lesson_media: BTreeMap<String, u64> = BTreeMap::new();
                let mut items = lesson.items.clone();
                for item in &mut items {
                    let item_id = item.id.clone();
                    for spoken in item.spoken_mut() {
                        let pronunciation = spoken.pronounced_in(course.target_language);
                        let key = audio_key(&pronunciation);
                        match audio_by_key.get(&key) {
                            Some(bytes) => {
                                let name = format!("{}.opus", sha256_hex(bytes));
                                lesson_media.insert(name.clone(), bytes.len() as u64);
                                files.entry(name.clone()).or_insert_with(|| bytes.clone());
                                spoken.audio = Some(name);
                            }
                            None => missing_audio.push(MissingClip {
                                course_id: course.id.clone(),
                                lesson_id: lesson.id.clone(),
                                item_id: item_id.clone(),
                                key,
                                text: spoken.text.clone(),
                                pronunciation,
                            }),
                        }
                    }
                }
                let lesson_file = LessonFile {
                    format: PACK_FORMAT,
                    course_id: course.id.clone(),
                    target_language: course.target_language,
                    id: lesson.id.clone(),
                    title: lesson.title.clone(),
                    items,
                };
                let lesson_bytes = to_json(&lesson_file);
                let lesson_name = format!("{}.json", sha256_hex(&lesson_bytes));
                let lesson_text_bytes = lesson_bytes.len() as u64;
                files.insert(lesson_name.clone(), lesson_bytes);

                unit_text_bytes += lesson_text_bytes;
                unit_media.extend(
                    lesson_media
                        .iter()
                        .map(|(name, bytes)| (name.clone(), *bytes)),
                );
                manifest_lessons.push(ManifestLesson {
                    id: lesson.id.clone(),
                    title: lesson.title.clone(),
                    file: lesson_name,
                    item_count: lesson.items.len(),
                    size: ByteSize {
                        text: lesson_text_bytes,
                        audio: lesson_media.values().sum(),
                    },
                    media: lesson_media
                        .into_iter()
                        .map(|(file, bytes)| MediaFile { file, bytes })
                        .collect(),
                });
            }

            let unit_size = ByteSize {
                text: unit_text_bytes,
                audio: unit_media.values().sum(),
            };
            course_text_bytes += unit_text_bytes;
            course_media.extend(unit_media);
            catalog_units.push(CatalogUnit {
                id: unit.id.clone(),
                title: unit.title.clone(),
                lesson_count: manifest_lessons.len(),
                size: unit_size,
            });
            manifest_units.push(ManifestUnit {
                id: unit.id.clone(),
                title: unit.title.clone(),
                size: unit_size,
                lessons: manifest_lessons,
            });
        }

        let manifest = CourseManifest {
            format: PACK_FORMAT,
            id: course.id.clone(),
            version: course.version,
            subject: course.subject,
            level: course.level,
            title: course.title.clone(),
            description: course.description.clone(),
            units: manifest_units,
            completion: course.completion.clone(),
        };
        let manifest_bytes = to_json(&manifest);
        let manifest_name = format!("{}.json", sha256_hex(&manifest_bytes));
        course_text_bytes += manifest_bytes.len() as u64;
        files.insert(manifest_name.clone(), manifest_bytes);

        catalog_courses.push(CatalogCourse {
            id: course.id.clone(),
            version: course.version,
            subject: course.subject,
            level: course.level,
            title: course.title.clone(),
            description: course.description.clone(),
            manifest: manifest_name,
            size: ByteSize {
                text: course_text_bytes,
                audio: course_media.values().sum(),
            },
            units: catalog_units,
            sites: course.sites.clone(),
        });
    }

    let catalog = CatalogIndex {
        format: PACK_FORMAT,
        courses: catalog_courses,
    };
    files.insert(CATALOG_FILE_NAME.to_owned(), to_json(&catalog));
    BuiltPacks {
        files: files
            .into_iter()
            .map(|(name, bytes)| PackFile { name, bytes })
            .collect(),
        catalog,
        missing_audio,
    }
}

fn to_json<T: Serialize>(value: &T) -> Vec<u8> {
    // The pack types hold only strings, numbers, sequences and maps with string keys, which
    // serde_json always serializes; an error here would be a bug in these types.
    serde_json::to_vec(value).expect("pack types always serialize to JSON")
}

/// Checks that `bytes` hash to `name` (`<64 lowercase hex>.<extension>`). The client calls it
/// on every hashed file before storing it, so a corrupted or substituted download is refused.
pub fn verify_hash(name: &str, bytes: &[u8]) -> Result<(), ContentError> {
    let Some((stem, extension)) = name.split_once('.') else {
        return Err(ContentError::NotHashedName {
            name: name.to_owned(),
        });
    };
    let is_hash = stem.len() == 64
        && stem
            .bytes()
            .all(|byte| matches!(byte, b'0'..=b'9' | b'a'..=b'f'));
    let is_extension =
        !extension.is_empty() && extension.bytes().all(|byte| byte.is_ascii_alphanumeric());
    if !is_hash || !is_extension {
        return Err(ContentError::NotHashedName {
            name: name.to_owned(),
        });
    }
    let actual = sha256_hex(bytes);
    if actual == stem {
        Ok(())
    } else {
        Err(ContentError::HashMismatch {
            name: name.to_owned(),
            actual,
        })
    }
}

/// The kind of file [`parse_catalog`] reads, as its errors name it.
pub const CATALOG_KIND: &str = "catalog";
/// The kind of file [`parse_course_manifest`] reads, as its errors name it.
pub const COURSE_MANIFEST_KIND: &str = "course manifest";
/// The kind of file [`parse_lesson_file`] reads, as its errors name it.
pub const LESSON_KIND: &str = "lesson";

/// Reads `catalog.json`.
pub fn parse_catalog(bytes: &[u8]) -> Result<CatalogIndex, ContentError> {
    check_catalog(parse_pack_json(CATALOG_KIND, bytes)?)
}

/// The catalog's rules beyond its JSON's shape, for a catalog read by another JSON parser (the
/// client reads with the browser's, see [`check_pack_format`]); [`parse_catalog`] applies them
/// too.
pub fn check_catalog(catalog: CatalogIndex) -> Result<CatalogIndex, ContentError> {
    for course in &catalog.courses {
        require_hashed_name(CATALOG_KIND, &course.manifest, ".json")?;
    }
    Ok(catalog)
}

/// Reads a course manifest.
pub fn parse_course_manifest(bytes: &[u8]) -> Result<CourseManifest, ContentError> {
    check_course_manifest(parse_pack_json(COURSE_MANIFEST_KIND, bytes)?)
}

/// A course manifest's rules beyond its JSON's shape; see [`check_catalog`].
pub fn check_course_manifest(manifest: CourseManifest) -> Result<CourseManifest, ContentError> {
    for lesson in manifest.units.iter().flat_map(|unit| unit.lessons.iter()) {
        require_hashed_name(COURSE_MANIFEST_KIND, &lesson.file, ".json")?;
        for media in &lesson.media {
            require_hashed_name(COURSE_MANIFEST_KIND, &media.file, ".opus")?;
        }
    }
    Ok(manifest)
}

/// Reads a lesson file, refusing truncated, malformed and self-contradicting input with an
/// error that says which.
pub fn parse_lesson_file(bytes: &[u8]) -> Result<LessonFile, ContentError> {
    check_lesson_file(parse_pack_json(LESSON_KIND, bytes)?)
}

/// A lesson file's rules beyond its JSON's shape (items, answers in range, one blank, hashed
/// clip names); see [`check_catalog`].
pub fn check_lesson_file(lesson: LessonFile) -> Result<LessonFile, ContentError> {
    const KIND: &str = LESSON_KIND;
    if lesson.items.is_empty() {
        return Err(ContentError::Inconsistent {
            kind: KIND,
            detail: "the lesson has no items".to_owned(),
        });
    }
    for item in &lesson.items {
        let inconsistent = |detail: String| ContentError::Inconsistent { kind: KIND, detail };
        match &item.kind {
            ItemKind::Choice {
                options, answer, ..
            }
            | ItemKind::Listening {
                response: ListeningResponse::Choice { options, answer },
                ..
            } if *answer >= options.len() => {
                return Err(inconsistent(format!(
                    "item `{}`: answer {answer} is out of range ({} options)",
                    item.id,
                    options.len()
                )));
            }
            ItemKind::FillBlank {
                options,
                answer,
                text,
                ..
            } => {
                if text.matches("___").count() != 1 {
                    return Err(inconsistent(format!(
                        "item `{}`: the text must have exactly one `___`",
                        item.id
                    )));
                }
                if !options.is_empty() && !options.contains(answer) {
                    return Err(inconsistent(format!(
                        "item `{}`: the word bank lacks the answer",
                        item.id
                    )));
                }
            }
            ItemKind::Ordering { words, .. } if words.is_empty() => {
                return Err(inconsistent(format!(
                    "item `{}`: there are no words to order",
                    item.id
                )));
            }
            _ => {}
        }
        for spoken in item.spoken() {
            if let Some(file) = &spoken.audio {
                require_hashed_name(KIND, file, ".opus")?;
            }
        }
    }
    Ok(lesson)
}

fn require_hashed_name(
    kind: &'static str,
    name: &str,
    extension: &str,
) -> Result<(), ContentError> {
    let valid = name.strip_suffix(extension).is_some_and(|stem| {
        stem.len() == 64
            && stem
                .bytes()
                .all(|byte| matches!(byte, b'0'..=b'9' | b'a'..=b'f'))
    });
    if valid {
        Ok(())
    } else {
        Err(ContentError::Inconsistent {
            kind,
            detail: format!("`{name}` is not a `<sha256>{extension}` file name"),
        })
    }
}

/// Only the `format` field, read first so that a file of another format version is reported
/// as such instead of as whatever field it happens to lack.
#[derive(Deserialize)]
pub struct FormatProbe {
    pub format: u64,
}

/// Refuses a pack file of another format version than this one reads; `kind` names the file.
/// Every reader of pack files checks this before reading the rest.
pub fn check_pack_format(kind: &'static str, probe: &FormatProbe) -> Result<(), ContentError> {
    if probe.format == u64::from(PACK_FORMAT) {
        Ok(())
    } else {
        Err(ContentError::UnsupportedFormat {
            kind,
            found: probe.format,
            expected: PACK_FORMAT,
        })
    }
}

fn parse_pack_json<T: DeserializeOwned>(
    kind: &'static str,
    bytes: &[u8],
) -> Result<T, ContentError> {
    let describe = |error: serde_json::Error| {
        if error.is_eof() {
            ContentError::Truncated {
                kind,
                detail: format!("the JSON ends early after {} bytes", bytes.len()),
            }
        } else {
            ContentError::Malformed {
                kind,
                line: error.line(),
                column: error.column(),
                detail: error.to_string(),
            }
        }
    };
    let probe: FormatProbe = crate::json::read(bytes).map_err(describe)?;
    check_pack_format(kind, &probe)?;
    crate::json::read(bytes).map_err(describe)
}

/// The set of media file names a lesson refers to; the download manager fetches these with
/// the lesson.
pub fn lesson_media_names(lesson: &LessonFile) -> BTreeSet<String> {
    lesson
        .items
        .iter()
        .flat_map(|item| item.spoken())
        .filter_map(|spoken: &Spoken| spoken.audio.clone())
        .collect()
}

/// Options of a choice-like item, for players that want them without matching on the kind.
pub fn choice_options(item: &Item) -> Option<&[ChoiceOption]> {
    match &item.kind {
        ItemKind::Choice { options, .. } => Some(options),
        ItemKind::Listening {
            response: ListeningResponse::Choice { options, .. },
            ..
        } => Some(options),
        _ => None,
    }
}
