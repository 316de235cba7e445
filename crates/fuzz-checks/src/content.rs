//! The content reader: course sources in TOML through parsing and validation, then the pack
//! builder and the client's readers of what it built.
//!
//! Input layout: UTF-8 text cut at NUL bytes into files. The first is the course: its first
//! line is the folder name, the rest `course.toml`. Each further one is a lesson: its first line
//! is the file stem, the rest the TOML.

use std::collections::BTreeMap;

use baeum_core::content::{
    build_packs, lesson_media_names, parse_catalog, parse_course, parse_course_manifest,
    parse_lesson_file, verify_hash, CourseSources, SourceFile, CATALOG_FILE_NAME,
};

/// A course the validator accepts builds packs that the client's readers accept: every file
/// is named by its hash, the catalog and the manifest read back, and each lesson file reads
/// back to the lesson that was validated, with a clip named for every spoken text. Every
/// error the validator reports names a file it was given.
pub fn content_toml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut files = text.split('\0').map(|file| {
        let (name, toml) = file.split_once('\n').unwrap_or((file, ""));
        (name, toml)
    });
    let Some((directory, course_toml)) = files.next() else {
        return;
    };
    let sources = CourseSources {
        directory: directory.to_owned(),
        course_file: SourceFile {
            path: format!("content/courses/{directory}/course.toml"),
            text: course_toml.to_owned(),
        },
        lesson_files: files
            .map(|(stem, toml)| SourceFile {
                path: format!("content/courses/{directory}/{stem}.toml"),
                text: toml.to_owned(),
            })
            .collect(),
    };
    let course = match parse_course(&sources) {
        Ok(course) => course,
        Err(errors) => {
            assert!(!errors.is_empty(), "a course was refused without a reason");
            return;
        }
    };

    // A clip for every spoken text, so the media names are built and read back too.
    let audio: BTreeMap<String, Vec<u8>> = course
        .clips()
        .into_iter()
        .map(|(key, clip)| (key, clip.pronunciation.into_bytes()))
        .collect();
    let packs = build_packs(std::slice::from_ref(&course), &audio);
    assert!(
        packs.missing_audio.is_empty(),
        "clips were given for every spoken text"
    );
    for file in &packs.files {
        if file.name != CATALOG_FILE_NAME {
            if let Err(error) = verify_hash(&file.name, &file.bytes) {
                panic!("a built file is not named by its hash: {error}");
            }
        }
    }
    let file = |name: &str| -> &[u8] {
        packs
            .files
            .iter()
            .find(|file| file.name == name)
            .map(|file| file.bytes.as_slice())
            .unwrap_or_else(|| panic!("the packs name {name} but do not hold it"))
    };
    let catalog = parse_catalog(file(CATALOG_FILE_NAME))
        .unwrap_or_else(|error| panic!("the client refuses the built catalog: {error}"));
    for listed in &catalog.courses {
        let manifest = parse_course_manifest(file(&listed.manifest))
            .unwrap_or_else(|error| panic!("the client refuses a built manifest: {error}"));
        let lessons = course.lessons().collect::<Vec<_>>();
        let listed_lessons: Vec<_> = manifest
            .units
            .iter()
            .flat_map(|unit| &unit.lessons)
            .collect();
        assert_eq!(
            listed_lessons.len(),
            lessons.len(),
            "the manifest lost lessons"
        );
        for (listed, lesson) in listed_lessons.into_iter().zip(lessons) {
            let read = parse_lesson_file(file(&listed.file)).unwrap_or_else(|error| {
                panic!("the client refuses lesson {} as built: {error}", lesson.id)
            });
            assert_eq!(read.id, lesson.id);
            assert_eq!(read.title, lesson.title);
            let mut without_audio = read.items.clone();
            for item in &mut without_audio {
                for spoken in item.spoken_mut() {
                    assert!(spoken.audio.is_some(), "a spoken text lost its clip");
                    spoken.audio = None;
                }
            }
            assert_eq!(
                without_audio, lesson.items,
                "lesson {} reads back different",
                lesson.id
            );
            for media in lesson_media_names(&read) {
                file(&media);
            }
        }
    }
}
