//! The pack builder and the client-side readers: names are hashes of the bytes, every
//! reference resolves, sizes add up, builds are deterministic, and broken downloads are
//! refused with the error that says what is wrong.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use baeum_core::content::{
    audio_key, build_packs, parse_catalog, parse_course, parse_course_manifest, parse_lesson_file,
    sha256_hex, verify_hash, BuiltPacks, ContentError, Course, CourseSources, ItemKind, SourceFile,
    CATALOG_FILE_NAME, PACK_FORMAT,
};

fn sample_course() -> Course {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/valid-content/sample");
    let read = |path: PathBuf| SourceFile {
        path: path.display().to_string(),
        text: fs::read_to_string(&path).expect("fixture"),
    };
    let sources = CourseSources {
        directory: "sample".to_owned(),
        course_file: read(folder.join("course.toml")),
        lesson_files: vec![
            read(folder.join("greetings.toml")),
            read(folder.join("school.toml")),
        ],
    };
    parse_course(&sources).unwrap_or_else(|errors| panic!("sample course rejected: {errors:#?}"))
}

/// Fake clips for every spoken text except `left_out`, each with distinct bytes, keyed by
/// the pronunciation the clip says (see `Course::clips`).
fn clips_for(course: &Course, left_out: &str) -> BTreeMap<String, Vec<u8>> {
    course
        .clips()
        .into_iter()
        .filter(|(_, clip)| !clip.texts.contains(left_out))
        .map(|(key, clip)| {
            (
                key,
                format!("OggS fake clip of {}", clip.pronunciation).into_bytes(),
            )
        })
        .collect()
}

fn file<'a>(packs: &'a BuiltPacks, name: &str) -> &'a [u8] {
    &packs
        .files
        .iter()
        .find(|file| file.name == name)
        .unwrap_or_else(|| panic!("no file {name}"))
        .bytes
}

#[test]
fn built_files_are_named_by_hash_and_every_reference_resolves() {
    let course = sample_course();
    let clips = clips_for(&course, "감사합니다");
    let packs = build_packs(std::slice::from_ref(&course), &clips);

    let names: BTreeSet<&str> = packs.files.iter().map(|file| file.name.as_str()).collect();
    assert_eq!(names.len(), packs.files.len(), "file names must be unique");
    for built in &packs.files {
        if built.name != CATALOG_FILE_NAME {
            verify_hash(&built.name, &built.bytes).unwrap_or_else(|error| panic!("{error}"));
        }
    }

    let catalog = parse_catalog(file(&packs, CATALOG_FILE_NAME)).expect("catalog parses");
    assert_eq!(catalog, packs.catalog);
    assert_eq!(catalog.format, PACK_FORMAT);
    let listed = &catalog.courses[0];
    assert_eq!((listed.id.as_str(), listed.version), ("sample", 3));
    let manifest_bytes = file(&packs, &listed.manifest);
    let manifest = parse_course_manifest(manifest_bytes).expect("manifest parses");
    assert_eq!(manifest.units.len(), 2);

    let mut lesson_text = 0;
    let mut all_media = BTreeMap::new();
    for (unit, catalog_unit) in manifest.units.iter().zip(&listed.units) {
        assert_eq!(unit.size, catalog_unit.size);
        assert_eq!(catalog_unit.lesson_count, unit.lessons.len());
        for lesson_entry in &unit.lessons {
            let bytes = file(&packs, &lesson_entry.file);
            assert_eq!(lesson_entry.size.text, bytes.len() as u64);
            lesson_text += bytes.len() as u64;
            let lesson = parse_lesson_file(bytes).expect("lesson parses");
            assert_eq!(lesson.course_id, "sample");
            assert_eq!(lesson.items.len(), lesson_entry.item_count);
            let referenced = baeum_core::content::lesson_media_names(&lesson);
            let listed_media: BTreeSet<String> = lesson_entry
                .media
                .iter()
                .map(|media| media.file.clone())
                .collect();
            assert_eq!(referenced, listed_media);
            for media in &lesson_entry.media {
                assert_eq!(file(&packs, &media.file).len() as u64, media.bytes);
                all_media.insert(media.file.clone(), media.bytes);
            }
            assert_eq!(
                lesson_entry.size.audio,
                lesson_entry
                    .media
                    .iter()
                    .map(|media| media.bytes)
                    .sum::<u64>()
            );
        }
    }
    assert_eq!(listed.size.text, lesson_text + manifest_bytes.len() as u64);
    assert_eq!(listed.size.audio, all_media.values().sum::<u64>());
    let opus_files = packs
        .files
        .iter()
        .filter(|file| file.name.ends_with(".opus"))
        .count();
    assert_eq!(
        opus_files,
        all_media.len(),
        "every clip is stored once and every stored clip is used"
    );
}

#[test]
fn spoken_texts_get_their_clip_or_are_reported_missing() {
    let course = sample_course();
    let clips = clips_for(&course, "감사합니다");
    let packs = build_packs(std::slice::from_ref(&course), &clips);
    // 감사합니다 is only an option of a listening item, not spoken, so nothing is missing.
    assert!(packs.missing_audio.is_empty(), "{:?}", packs.missing_audio);

    let clips = clips_for(&course, "기역");
    let packs = build_packs(std::slice::from_ref(&course), &clips);
    assert_eq!(packs.missing_audio.len(), 1);
    let missing = &packs.missing_audio[0];
    assert_eq!(
        (
            missing.lesson_id.as_str(),
            missing.item_id.as_str(),
            missing.text.as_str()
        ),
        ("greetings", "letter-g", "기역")
    );
    assert_eq!(missing.key, audio_key("기역"));
    assert_eq!(missing.pronunciation, "기역");

    let manifest =
        parse_course_manifest(file(&packs, &packs.catalog.courses[0].manifest)).expect("manifest");
    let lesson =
        parse_lesson_file(file(&packs, &manifest.units[0].lessons[0].file)).expect("lesson");
    let letter = lesson
        .items
        .iter()
        .find(|item| item.id == "letter-g")
        .expect("letter item");
    match &letter.kind {
        ItemKind::HangulLetter { name, examples, .. } => {
            assert_eq!(name.audio, None);
            let example_clip = examples[0].ko.audio.as_deref().expect("가방 has a clip");
            let expected = format!("{}.opus", sha256_hex(&clips[&audio_key("가방")]));
            assert_eq!(example_clip, expected);
        }
        other => panic!("expected a letter, got {other:?}"),
    }
}

#[test]
fn builds_are_deterministic_and_shared_clips_are_stored_once() {
    let course = sample_course();
    let clips = clips_for(&course, "");
    let first = build_packs(std::slice::from_ref(&course), &clips);
    let second = build_packs(std::slice::from_ref(&course), &clips);
    assert_eq!(first, second);

    let mut renamed = course.clone();
    renamed.id = "sample-copy".to_owned();
    let both = build_packs(&[course, renamed], &clips);
    let clip_count = |packs: &BuiltPacks| {
        packs
            .files
            .iter()
            .filter(|file| file.name.ends_with(".opus"))
            .count()
    };
    assert_eq!(clip_count(&both), clip_count(&first));
    assert_eq!(both.catalog.courses.len(), 2);
    assert_eq!(
        both.catalog.courses[0].size.audio,
        both.catalog.courses[1].size.audio
    );
}

#[test]
fn audio_keys_are_sixteen_hex_digits_of_the_nfc_text() {
    let key = audio_key("가방");
    assert_eq!(key.len(), 16);
    assert_eq!(key, sha256_hex("가방".as_bytes())[..16]);
    let decomposed: String = unicode_normalization::UnicodeNormalization::nfd("가방").collect();
    assert_ne!(decomposed, "가방");
    assert_eq!(audio_key(&decomposed), key);
}

#[test]
fn verify_hash_refuses_wrong_bytes_and_names() {
    let bytes = b"some clip".to_vec();
    let name = format!("{}.opus", sha256_hex(&bytes));
    assert_eq!(verify_hash(&name, &bytes), Ok(()));
    assert!(matches!(
        verify_hash(&name, b"other bytes"),
        Err(ContentError::HashMismatch { .. })
    ));
    for bad_name in [
        "catalog.json",
        "abc.opus",
        &name.to_uppercase(),
        &sha256_hex(&bytes),
        "../x.json",
    ] {
        assert!(
            matches!(
                verify_hash(bad_name, &bytes),
                Err(ContentError::NotHashedName { .. })
            ),
            "{bad_name} must be refused"
        );
    }
}

#[test]
fn broken_lesson_files_are_refused_with_a_clear_error() {
    let course = sample_course();
    let packs = build_packs(std::slice::from_ref(&course), &clips_for(&course, ""));
    let manifest =
        parse_course_manifest(file(&packs, &packs.catalog.courses[0].manifest)).expect("manifest");
    let good = file(&packs, &manifest.units[0].lessons[0].file).to_vec();
    assert!(parse_lesson_file(&good).is_ok());

    for cut in [0, 1, good.len() / 2, good.len() - 1] {
        let error = parse_lesson_file(&good[..cut]).expect_err("truncated must fail");
        assert!(
            matches!(error, ContentError::Truncated { kind: "lesson", .. }),
            "cut at {cut}: {error}"
        );
        assert!(error.to_string().contains("truncated"));
    }

    let error = parse_lesson_file(b"<html>not json</html>").expect_err("html must fail");
    assert!(
        matches!(
            error,
            ContentError::Malformed {
                line: 1,
                column: 1,
                ..
            }
        ),
        "{error}"
    );

    let text = String::from_utf8(good.clone()).expect("utf-8");
    let future = text.replacen("\"format\":1", "\"format\":2", 1);
    assert_eq!(
        parse_lesson_file(future.as_bytes()),
        Err(ContentError::UnsupportedFormat {
            kind: "lesson",
            found: 2,
            expected: PACK_FORMAT
        })
    );

    let no_items = text.replacen("\"items\":[", "\"items\":[],\"unused\":[", 1);
    assert!(matches!(
        parse_lesson_file(no_items.as_bytes()),
        Err(ContentError::Inconsistent { .. })
    ));

    let bad_answer = text.replacen("\"answer\":0", "\"answer\":7", 1);
    assert_ne!(
        bad_answer, text,
        "the sample lesson has a choice with answer 0"
    );
    let error =
        parse_lesson_file(bad_answer.as_bytes()).expect_err("out-of-range answer must fail");
    assert!(
        error
            .to_string()
            .contains("answer 7 is out of range (2 options)"),
        "{error}"
    );

    let unknown_type = text.replacen("\"type\":\"reading\"", "\"type\":\"karaoke\"", 1);
    assert!(matches!(
        parse_lesson_file(unknown_type.as_bytes()),
        Err(ContentError::Malformed { .. })
    ));
}

mod fuzzing {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever a broken network or disk does to a lesson file, reading it gives an error
        /// or a lesson, never a panic; and a changed byte never passes the hash check.
        #[test]
        fn corrupted_lesson_bytes_never_panic_and_never_verify(
            position in 0usize..4096,
            replacement in any::<u8>(),
            cut in 0usize..4096,
        ) {
            let course = sample_course();
            let packs = build_packs(std::slice::from_ref(&course), &clips_for(&course, ""));
            let manifest = parse_course_manifest(file(&packs, &packs.catalog.courses[0].manifest)).expect("manifest");
            let name = manifest.units[0].lessons[0].file.clone();
            let mut bytes = file(&packs, &name).to_vec();
            let position = position % bytes.len();
            let changed = bytes[position] != replacement;
            bytes[position] = replacement;
            bytes.truncate(cut.max(1).min(bytes.len()));
            let _outcome = parse_lesson_file(&bytes);
            if changed || bytes.len() < file(&packs, &name).len() {
                prop_assert!(verify_hash(&name, &bytes).is_err());
            }
        }
    }
}

#[test]
fn a_clip_is_looked_up_by_what_it_says_not_by_the_spelling() {
    let mut course = sample_course();
    let clips = clips_for(&course, "");
    let spelling_clips: BTreeMap<String, Vec<u8>> = course
        .spoken_texts()
        .into_iter()
        .map(|text| (audio_key(&text), b"OggS spelling".to_vec()))
        .collect();
    // 선생님, 안녕하세요! is said [선생님, 안녕하세요!]; 학교 is said [학꾜]: its clip is keyed
    // by the pronunciation, and a clip made from the spelling is not used for it.
    let item = course.units[0].lessons[0]
        .items
        .iter_mut()
        .find(|item| matches!(item.kind, ItemKind::Vocab { .. }))
        .expect("a vocab item");
    let ItemKind::Vocab { ko, .. } = &mut item.kind else {
        unreachable!()
    };
    ko.text = "학교".to_owned();
    assert_eq!(ko.pronounced(), "학꾜");
    let overridden = ko;
    overridden.text = "물고기".to_owned();
    overridden.pronunciation = Some("물꼬기".to_owned());
    assert_eq!(overridden.audio_key(), audio_key("물꼬기"));
    assert!(course.clips().contains_key(&audio_key("물꼬기")));
    let ItemKind::Vocab { ko, .. } = &mut course.units[0].lessons[0]
        .items
        .iter_mut()
        .find(|item| matches!(item.kind, ItemKind::Vocab { .. }))
        .expect("a vocab item")
        .kind
    else {
        unreachable!()
    };
    ko.text = "학교".to_owned();
    ko.pronunciation = None;
    let packs = build_packs(std::slice::from_ref(&course), &spelling_clips);
    assert!(packs
        .missing_audio
        .iter()
        .any(|missing| missing.text == "학교" && missing.pronunciation == "학꾜"));
    assert!(!clips.is_empty());
}
