//! Every clip in `content/audio/` says what core pronounces today for the text it is played
//! for (issue 17): the manifest records what each clip was made from, and that must equal
//! [`Spoken::pronounced`] of the course text (the standard pronunciation, or the item's
//! `pronunciation` override). No clip is missing, stale or unrecorded.
//!
//! Vietnamese clips (courses with `target_language = "vi"`) are recorded in their own
//! manifest, `manifest-vi.tsv`, and say their text as written: no Korean rule touches them.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use baeum_core::content::{
    audio_key, clip_manifest_file_name, parse_clip_manifest, parse_courses, ClipSource,
    CourseSources, SourceFile, TargetLanguage,
};

fn content_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn read_course_folder(directory: &Path) -> CourseSources {
    let read = |path: &Path| SourceFile {
        path: path.display().to_string(),
        text: fs::read_to_string(path).expect("course file"),
    };
    let mut lesson_paths: Vec<PathBuf> = fs::read_dir(directory)
        .expect("course folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "toml")
                && path.file_name().is_some_and(|name| name != "course.toml")
        })
        .collect();
    lesson_paths.sort();
    CourseSources {
        directory: directory
            .file_name()
            .expect("folder name")
            .to_string_lossy()
            .into_owned(),
        course_file: read(&directory.join("course.toml")),
        lesson_files: lesson_paths.iter().map(|path| read(path)).collect(),
    }
}

/// The clips every course of the repository teaching `language` needs, by key.
fn needed_clips(language: TargetLanguage) -> BTreeMap<String, ClipSource> {
    let mut folders: Vec<PathBuf> = fs::read_dir(content_root().join("courses"))
        .expect("content/courses")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    let sources: Vec<CourseSources> = folders.iter().map(|f| read_course_folder(f)).collect();
    let courses = parse_courses(&sources).unwrap_or_else(|errors| {
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the courses are invalid:\n{}", messages.join("\n"))
    });
    let mut clips: BTreeMap<String, ClipSource> = BTreeMap::new();
    for course in courses
        .iter()
        .filter(|course| course.target_language == language)
    {
        for (key, clip) in course.clips() {
            clips
                .entry(key)
                .or_insert_with(|| ClipSource {
                    pronunciation: clip.pronunciation.clone(),
                    texts: BTreeSet::new(),
                })
                .texts
                .extend(clip.texts);
        }
    }
    clips
}

/// The problems of a set of clip files and a manifest against the clips the courses need;
/// `spoken_anywhere` is every key a course of any language needs, so that a clip of another
/// language's manifest is not taken for a stale one.
fn clip_problems(
    needed: &BTreeMap<String, ClipSource>,
    files: &BTreeSet<String>,
    manifest: &BTreeMap<String, ClipSource>,
    spoken_anywhere: &BTreeSet<String>,
) -> Vec<String> {
    let mut problems = Vec::new();
    for (key, clip) in needed {
        let texts: Vec<&str> = clip.texts.iter().map(String::as_str).collect();
        if !files.contains(key) {
            problems.push(format!(
                "{key}.opus is missing ({texts:?} [{}])",
                clip.pronunciation
            ));
        }
        match manifest.get(key) {
            None => problems.push(format!("{key} is not in the manifest ({texts:?})")),
            Some(recorded) if recorded.pronunciation != clip.pronunciation => {
                problems.push(format!(
                    "{key} says [{}], but core pronounces {texts:?} as [{}]",
                    recorded.pronunciation, clip.pronunciation
                ))
            }
            Some(_) => {}
        }
    }
    for (key, recorded) in manifest {
        if audio_key(&recorded.pronunciation) != *key {
            problems.push(format!(
                "the manifest says {key} speaks [{}], whose key is {}",
                recorded.pronunciation,
                audio_key(&recorded.pronunciation)
            ));
        }
        if !needed.contains_key(key) {
            problems.push(format!("the manifest lists {key}, which no course speaks"));
        }
    }
    for key in files {
        if !spoken_anywhere.contains(key) {
            problems.push(format!("{key}.opus is stale: no course speaks it"));
        }
    }
    problems
}

#[test]
fn every_clip_says_what_core_pronounces_and_none_is_stale() {
    let audio = content_root().join("audio");
    let files: BTreeSet<String> = fs::read_dir(&audio)
        .expect("content/audio")
        .filter_map(|entry| {
            let name = entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            name.strip_suffix(".opus").map(str::to_owned)
        })
        .collect();
    let needed: BTreeMap<TargetLanguage, BTreeMap<String, ClipSource>> = TargetLanguage::ALL
        .into_iter()
        .map(|language| (language, needed_clips(language)))
        .collect();
    let spoken_anywhere: BTreeSet<String> = needed
        .values()
        .flat_map(|clips| clips.keys().cloned())
        .collect();
    assert!(
        needed[&TargetLanguage::Ko].len() > 400,
        "only {} Korean clips",
        needed[&TargetLanguage::Ko].len()
    );
    assert!(
        needed[&TargetLanguage::Vi].len() > 80,
        "only {} Vietnamese clips",
        needed[&TargetLanguage::Vi].len()
    );
    let mut problems = Vec::new();
    for (language, clips) in &needed {
        let name = clip_manifest_file_name(*language);
        let manifest_text = fs::read_to_string(audio.join(name))
            .unwrap_or_else(|error| panic!("content/audio/{name}: {error}"));
        let manifest = parse_clip_manifest(&manifest_text)
            .unwrap_or_else(|error| panic!("{name} does not parse: {error}"));
        problems.extend(
            clip_problems(clips, &files, &manifest, &spoken_anywhere)
                .into_iter()
                .map(|problem| format!("{name}: {problem}")),
        );
        if *language == TargetLanguage::Vi {
            // Vietnamese is said as written: no Hangul, no Korean sound change.
            for (key, clip) in &manifest {
                let as_written = clip
                    .texts
                    .iter()
                    .any(|text| text.to_lowercase() == clip.pronunciation);
                if !as_written
                    || clip
                        .pronunciation
                        .chars()
                        .any(|c| ('가'..='힣').contains(&c))
                {
                    problems.push(format!(
                        "{name}: {key} says [{}], which is not its text {:?} as written",
                        clip.pronunciation, clip.texts
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "run `cargo xtask content --generate-audio`:\n{}",
        problems.join("\n")
    );
}

#[test]
fn a_clip_made_from_the_spelling_is_caught() {
    // The clip of 감사합니다 as it was before issue 17: espeak-ng was given the spelling.
    let text = "감사합니다";
    let needed: BTreeMap<String, ClipSource> = [(
        audio_key("감사함니다"),
        ClipSource {
            pronunciation: "감사함니다".to_owned(),
            texts: [text.to_owned()].into(),
        },
    )]
    .into();
    let spelling_key = audio_key(text);
    let files: BTreeSet<String> = [spelling_key.clone()].into();
    let manifest =
        parse_clip_manifest(&format!("{spelling_key}\t{text}\t{text}\n")).expect("parses");
    let spoken: BTreeSet<String> = needed.keys().cloned().collect();
    let problems = clip_problems(&needed, &files, &manifest, &spoken);
    assert!(
        problems.iter().any(|p| p.contains("is missing")),
        "{problems:?}"
    );
    assert!(problems.iter().any(|p| p.contains("stale")), "{problems:?}");
    // A manifest that claims the new key for the old sound is caught too.
    let lying = parse_clip_manifest(&format!("{}\t{text}\t{text}\n", audio_key("감사함니다")))
        .expect("parses");
    let problems = clip_problems(&needed, &[audio_key("감사함니다")].into(), &lying, &spoken);
    assert!(
        problems.iter().any(|p| p.contains("but core pronounces")),
        "{problems:?}"
    );
}

#[test]
fn the_manifest_format_is_checked() {
    assert!(parse_clip_manifest("abc\n").is_err());
    assert!(parse_clip_manifest("abc\t가\n").is_err());
    assert!(parse_clip_manifest("abc\t가\t가\nabc\t가\t가\n").is_err());
    assert_eq!(
        parse_clip_manifest("# header\nabc\t가\t가\t가!\n")
            .expect("ok")
            .len(),
        1
    );
}
