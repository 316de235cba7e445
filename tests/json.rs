//! Browser tests of JSON through the browser's parser (`src/json.rs`) and of the content packs
//! read with it (`content_client::parse_*`): they must read every pack file exactly as core's
//! serde_json readers do, and refuse broken files with the same kinds of error.
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use baeum_core::content::{
    build_packs, parse_course, BuiltPacks, ContentError, CourseSources, SourceFile,
    CATALOG_FILE_NAME, PACK_FORMAT,
};
use baeum_web::content_client;
use baeum_web::json::{self, JsonError};
use serde::{Deserialize, Serialize};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Sample {
    name: String,
    count: u32,
    share: f64,
    note: Option<String>,
    tags: BTreeMap<String, u64>,
}

#[wasm_bindgen_test]
fn a_value_written_reads_back_the_same_and_maps_are_objects() {
    let sample = Sample {
        name: "한글 \"quoted\"".to_owned(),
        count: 3,
        share: 0.25,
        note: None,
        tags: BTreeMap::from([("a".to_owned(), 1), ("b".to_owned(), 2)]),
    };
    let text = json::write(&sample).expect("written");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&text).expect("JSON"),
        serde_json::json!({
            "name": "한글 \"quoted\"", "count": 3, "share": 0.25, "note": null,
            "tags": { "a": 1, "b": 2 }
        })
    );
    assert_eq!(json::read::<Sample>(&text).expect("read back"), sample);
}

#[wasm_bindgen_test]
fn broken_text_is_refused_with_what_is_wrong() {
    assert!(matches!(
        json::read::<Sample>(r#"{"name": "cut"#),
        Err(JsonError::EndsEarly(_))
    ));
    assert!(matches!(
        json::read::<Sample>(r#"{"name": nope}"#),
        Err(JsonError::Syntax(_))
    ));
    let missing = json::read::<Sample>(r#"{"name": "x", "count": 1}"#);
    assert!(
        matches!(&missing, Err(JsonError::Shape(message)) if message.contains("share")),
        "{missing:?}"
    );
    assert!(matches!(
        json::read::<Sample>(r#"{"name": "x", "count": -1, "share": 1, "tags": {}}"#),
        Err(JsonError::Shape(_))
    ));
    // Past 2^53 a JS number is no longer exact, so it is refused rather than read rounded.
    assert!(matches!(
        json::read::<u64>("18014398509481985"),
        Err(JsonError::Shape(_))
    ));
}

/// The packs of core's sample course (every item kind), as `cargo xtask content` builds them.
fn sample_packs() -> BuiltPacks {
    let file = |path: &str, text: &str| SourceFile {
        path: path.to_owned(),
        text: text.to_owned(),
    };
    let sources = CourseSources {
        directory: "sample".to_owned(),
        course_file: file(
            "sample/course.toml",
            include_str!("../crates/core/tests/valid-content/sample/course.toml"),
        ),
        lesson_files: vec![
            file(
                "sample/greetings.toml",
                include_str!("../crates/core/tests/valid-content/sample/greetings.toml"),
            ),
            file(
                "sample/school.toml",
                include_str!("../crates/core/tests/valid-content/sample/school.toml"),
            ),
        ],
    };
    let course = parse_course(&sources).expect("the sample course is valid");
    build_packs(&[course], &BTreeMap::new())
}

#[wasm_bindgen_test]
fn every_pack_file_reads_as_core_reads_it() {
    let packs = sample_packs();
    let mut lessons = 0;
    for file in &packs.files {
        if file.name == CATALOG_FILE_NAME {
            assert_eq!(
                content_client::parse_catalog(&file.bytes),
                baeum_core::content::parse_catalog(&file.bytes)
            );
        } else if let Ok(manifest) = baeum_core::content::parse_course_manifest(&file.bytes) {
            assert_eq!(
                content_client::parse_course_manifest(&file.bytes),
                Ok(manifest)
            );
        } else {
            let lesson = baeum_core::content::parse_lesson_file(&file.bytes)
                .unwrap_or_else(|error| panic!("{}: {error}", file.name));
            assert_eq!(content_client::parse_lesson_file(&file.bytes), Ok(lesson));
            lessons += 1;
        }
    }
    assert!(lessons >= 2, "the sample has lessons");
}

#[wasm_bindgen_test]
fn broken_pack_files_are_refused_as_core_refuses_them() {
    let packs = sample_packs();
    let catalog = &packs
        .files
        .iter()
        .find(|file| file.name == CATALOG_FILE_NAME)
        .expect("a catalog")
        .bytes;
    let cut = &catalog[..catalog.len() / 2];
    assert!(matches!(
        content_client::parse_catalog(cut),
        Err(ContentError::Truncated {
            kind: "catalog",
            ..
        })
    ));
    let other_format = format!(r#"{{"format": {}, "courses": "later"}}"#, PACK_FORMAT + 1);
    assert_eq!(
        content_client::parse_catalog(other_format.as_bytes()),
        Err(ContentError::UnsupportedFormat {
            kind: "catalog",
            found: u64::from(PACK_FORMAT + 1),
            expected: PACK_FORMAT,
        })
    );
    let wrong_shape = format!(r#"{{"format": {PACK_FORMAT}, "courses": "none"}}"#);
    assert!(matches!(
        content_client::parse_catalog(wrong_shape.as_bytes()),
        Err(ContentError::Unreadable {
            kind: "catalog",
            ..
        })
    ));
    assert!(matches!(
        content_client::parse_catalog(&[0xff, 0xfe, b'{']),
        Err(ContentError::Unreadable {
            kind: "catalog",
            ..
        })
    ));
    // Core's rules beyond the shape apply too: a manifest name that is not a hash.
    let text = String::from_utf8(catalog.clone()).expect("UTF-8");
    let manifest = &packs.catalog.courses[0].manifest;
    let renamed = text.replace(manifest.as_str(), "manifest.json");
    assert_eq!(
        content_client::parse_catalog(renamed.as_bytes()),
        baeum_core::content::parse_catalog(renamed.as_bytes())
    );
    assert!(matches!(
        content_client::parse_catalog(renamed.as_bytes()),
        Err(ContentError::Inconsistent { .. })
    ));
}
