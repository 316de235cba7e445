//! The validator against the fixtures: the valid sample course parses into the expected model,
//! and every file under `tests/invalid-content/` is rejected with the message written on its
//! first line (`# expect: <substring of one error>`), which names file, line and field.

use std::fs;
use std::path::{Path, PathBuf};

use baeum_core::content::{
    parse_course, parse_courses, ContentError, CourseSources, ItemKind, Language,
    ListeningResponse, SourceFile, Subject, TargetLanguage,
};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

fn read_source(path: &Path) -> SourceFile {
    let text = fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", path.display()));
    let shown = path
        .strip_prefix(fixtures())
        .unwrap_or(path)
        .display()
        .to_string();
    SourceFile { path: shown, text }
}

/// The course folder `directory` read the way `cargo xtask content` reads one.
fn read_course_folder(directory: &Path) -> CourseSources {
    let mut lesson_files = Vec::new();
    let mut entries: Vec<PathBuf> = fs::read_dir(directory)
        .expect("course folder")
        .map(|entry| entry.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let is_toml = path
            .extension()
            .is_some_and(|extension| extension == "toml");
        if is_toml && path.file_name().is_some_and(|name| name != "course.toml") {
            lesson_files.push(read_source(&path));
        }
    }
    CourseSources {
        directory: directory
            .file_name()
            .expect("folder name")
            .to_string_lossy()
            .into_owned(),
        course_file: read_source(&directory.join("course.toml")),
        lesson_files,
    }
}

fn expectation(file: &SourceFile) -> String {
    let first_line = file.text.lines().next().unwrap_or_default();
    first_line
        .strip_prefix("# expect: ")
        .unwrap_or_else(|| panic!("{} must start with `# expect: <message>`", file.path))
        .trim()
        .to_owned()
}

fn fixture_files(folder: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = fs::read_dir(fixtures().join(folder))
        .expect("fixture folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "toml")
        })
        .collect();
    paths.sort();
    paths
}

/// Why the sources were not rejected with the expected message, if they were not.
fn rejection_failure(sources: &CourseSources, case: &str, expected: &str) -> Option<String> {
    match parse_course(sources) {
        Ok(_) => Some(format!(
            "{case}: was accepted, expected an error containing {expected:?}"
        )),
        Err(errors) => {
            let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
            if messages.iter().any(|message| message.contains(expected)) {
                None
            } else {
                Some(format!(
                    "{case}: expected an error containing\n  {expected}\ngot:\n  {}",
                    messages.join("\n  ")
                ))
            }
        }
    }
}

#[test]
fn the_sample_course_is_valid_and_parses_every_item_kind() {
    let course = parse_course(&read_course_folder(
        &fixtures().join("valid-content/sample"),
    ))
    .unwrap_or_else(|errors| panic!("sample course rejected: {errors:#?}"));
    assert_eq!(course.id, "sample");
    assert_eq!(course.version, 3);
    assert_eq!(course.subject, Subject::Korean);
    assert_eq!(course.units.len(), 2);
    assert_eq!(course.title.get(Language::Ru), Some("Образец"));
    let greetings = &course.units[0].lessons[0];
    assert_eq!(greetings.id, "greetings");
    let kinds: Vec<&str> = course
        .lessons()
        .flat_map(|lesson| &lesson.items)
        .map(|item| item.kind.type_name())
        .collect();
    for kind in [
        "reading",
        "culture_note",
        "hangul_letter",
        "vocab",
        "choice",
        "typed",
        "listening",
        "ordering",
        "fill_blank",
    ] {
        assert!(
            kinds.contains(&kind),
            "the sample course lacks a {kind} item"
        );
    }
    // Dotted keys over a multi-line string build one localized text.
    match &greetings.items[0].kind {
        ItemKind::Reading { text } => {
            assert!(text
                .get(Language::En)
                .is_some_and(|english| english.starts_with("Koreans greet")));
            assert_eq!(
                text.get(Language::Vi),
                Some("Người Hàn chào bằng **안녕하세요**.")
            );
        }
        other => panic!("expected a reading, got {other:?}"),
    }
    match &greetings.items[7].kind {
        ItemKind::Listening {
            audio,
            response: ListeningResponse::Typed { answer, accept },
            ..
        } => {
            assert_eq!(audio.text, "안녕");
            assert_eq!(answer, "안녕");
            assert!(accept.is_empty());
        }
        other => panic!("expected a typed listening item, got {other:?}"),
    }
    assert!(greetings.items[4].hint.is_some());
    let spoken = course.spoken_texts();
    assert!(
        spoken.contains("가방")
            && spoken.contains("기역")
            && spoken.contains("선생님, 안녕하세요!")
    );
}

#[test]
fn every_invalid_lesson_fixture_is_rejected_with_its_message() {
    let cases = fixture_files("invalid-content/lessons");
    assert!(
        cases.len() >= 20,
        "expected the lesson fixtures, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for path in cases {
        let lesson = read_source(&path);
        let expected = expectation(&lesson);
        let lesson_id = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        // Each broken lesson is the only lesson of an otherwise valid Korean course.
        let course_text = format!(
            "id = \"case\"\nversion = 1\nsubject = \"korean\"\nlevel = \"beginner\"\n\
             title = {{ en = \"Case\", vi = \"Trường hợp\", ru = \"Случай\" }}\n\
             description = {{ en = \"Case.\", vi = \"Trường hợp.\", ru = \"Случай.\" }}\n\
             [[units]]\nid = \"unit\"\ntitle = {{ en = \"Unit\", vi = \"Phần\", ru = \"Раздел\" }}\n\
             lessons = [\"{lesson_id}\"]\n"
        );
        let sources = CourseSources {
            directory: "case".to_owned(),
            course_file: SourceFile {
                path: "case/course.toml".to_owned(),
                text: course_text,
            },
            lesson_files: vec![lesson],
        };
        failures.extend(rejection_failure(&sources, &lesson_id, &expected));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_invalid_course_fixture_is_rejected_with_its_message() {
    let sample = read_course_folder(&fixtures().join("valid-content/sample"));
    let cases = fixture_files("invalid-content/courses");
    assert!(
        cases.len() >= 8,
        "expected the course fixtures, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for path in cases {
        let course_file = read_source(&path);
        let expected = expectation(&course_file);
        let sources = CourseSources {
            course_file,
            ..sample.clone()
        };
        failures.extend(rejection_failure(
            &sources,
            &path.display().to_string(),
            &expected,
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn all_problems_are_reported_at_once_and_sorted() {
    let lesson = SourceFile {
        path: "x/two-problems.toml".to_owned(),
        text: "id = \"two-problems\"\ntitle = { en = \"T\" }\n[[items]]\ntype = \"typed\"\nid = \"a\"\n\
               prompt = { en = \"P\" }\nanswer = \"abc\"\n"
            .to_owned(),
    };
    let sources = CourseSources {
        directory: "x".to_owned(),
        course_file: SourceFile {
            path: "x/course.toml".to_owned(),
            text: "id = \"x\"\nversion = 1\nsubject = \"korean\"\nlevel = \"beginner\"\ntitle = { en = \"X\" }\n\
                   description = { en = \"X\", vi = \"X\", ru = \"X\" }\n[[units]]\nid = \"u\"\n\
                   title = { en = \"U\", vi = \"U\", ru = \"U\" }\nlessons = [\"two-problems\"]\n"
                .to_owned(),
        },
        lesson_files: vec![lesson],
    };
    let errors = parse_course(&sources).expect_err("must be rejected");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        vec![
            "x/course.toml:5: title: missing language vi, ru (a Korean course needs en, vi and ru)".to_owned(),
            "x/two-problems.toml:2: title: missing language vi, ru (a Korean course needs en, vi and ru)".to_owned(),
            "x/two-problems.toml:6: items[0].prompt: missing language vi, ru (a Korean course needs en, vi and ru)"
                .to_owned(),
            "x/two-problems.toml:7: items[0].answer: Korean text `abc` contains no Hangul".to_owned(),
        ]
    );
    assert!(errors
        .iter()
        .all(|error| matches!(error, ContentError::Source { .. })));
}

#[test]
fn courses_of_other_subjects_need_only_english() {
    let sources = CourseSources {
        directory: "math-basics".to_owned(),
        course_file: SourceFile {
            path: "math-basics/course.toml".to_owned(),
            text: "id = \"math-basics\"\nversion = 1\nsubject = \"math\"\nlevel = \"elementary\"\n\
                   title = { ko = \"수학\", en = \"Math\" }\ndescription = { en = \"Numbers.\" }\n\
                   [[units]]\nid = \"u\"\ntitle = { en = \"U\" }\nlessons = [\"count\"]\n"
                .to_owned(),
        },
        lesson_files: vec![SourceFile {
            path: "math-basics/count.toml".to_owned(),
            text: "id = \"count\"\ntitle = { en = \"Counting\" }\n[[items]]\ntype = \"reading\"\nid = \"r\"\n\
                   text = { en = \"3 < 5, and `<b>` is code.\" }\n"
                .to_owned(),
        }],
    };
    let course = parse_course(&sources).unwrap_or_else(|errors| panic!("rejected: {errors:#?}"));
    assert_eq!(course.subject, Subject::Math);
}

#[test]
fn course_ids_must_be_unique_across_courses() {
    let sample = read_course_folder(&fixtures().join("valid-content/sample"));
    let errors =
        parse_courses(&[sample.clone(), sample]).expect_err("duplicate ids must be rejected");
    assert!(errors.iter().any(|error| error
        .to_string()
        .contains("course id `sample` is already used")));
}

fn hangul_course() -> baeum_core::content::Course {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/courses/hangul");
    parse_course(&read_course_folder(&folder)).unwrap_or_else(|errors| {
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the Hangul course is invalid:\n{}", messages.join("\n"))
    })
}

/// Byte budgets are deterministic, so they are asserted: the whole Hangul course, audio
/// included, must stay under 1 MB, and every spoken text must have its committed clip.
#[test]
fn the_hangul_course_has_every_clip_and_fits_in_one_megabyte() {
    let course = hangul_course();
    let audio_folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/audio");
    let mut clips = std::collections::BTreeMap::new();
    for key in course.clips().into_keys() {
        if let Ok(bytes) = fs::read(audio_folder.join(format!("{key}.opus"))) {
            clips.insert(key, bytes);
        }
    }
    let packs = baeum_core::content::build_packs(std::slice::from_ref(&course), &clips);
    let missing: Vec<&str> = packs
        .missing_audio
        .iter()
        .map(|clip| clip.text.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "spoken texts without a clip in content/audio: {missing:?}"
    );
    let size = packs.catalog.courses[0].size;
    assert!(size.audio > 0 && size.text > 0);
    assert!(
        size.total() < 1_000_000,
        "the Hangul course is {} bytes, over 1 MB",
        size.total()
    );
}

#[test]
fn the_hangul_course_of_the_repository_is_valid() {
    let course = hangul_course();
    assert!(course.lessons().count() >= 8);
    let letters: Vec<&str> = course
        .lessons()
        .flat_map(|lesson| &lesson.items)
        .filter_map(|item| match &item.kind {
            ItemKind::HangulLetter { jamo, .. } => Some(jamo.as_str()),
            _ => None,
        })
        .collect();
    for letter in
        "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ".chars()
    {
        assert!(
            letters.contains(&letter.to_string().as_str()),
            "the Hangul course does not teach {letter}"
        );
    }
}

/// A two-lesson Korean course: `first` comes before `second`, which teaches 우유.
fn two_lessons(first_items: &str) -> CourseSources {
    let course_text = "id = \"order\"\nversion = 1\nsubject = \"korean\"\nlevel = \"beginner\"\n\
         title = { en = \"Order\", vi = \"Thứ tự\", ru = \"Порядок\" }\n\
         description = { en = \"Order.\", vi = \"Thứ tự.\", ru = \"Порядок.\" }\n\
         [[units]]\nid = \"unit\"\ntitle = { en = \"Unit\", vi = \"Phần\", ru = \"Раздел\" }\n\
         lessons = [\"first\", \"second\"]\n";
    let lesson = |id: &str, items: &str| SourceFile {
        path: format!("order/{id}.toml"),
        text: format!("id = \"{id}\"\ntitle = {{ en = \"L\", vi = \"B\", ru = \"У\" }}\n{items}"),
    };
    let milk =
        "[[items]]\ntype = \"vocab\"\nid = \"milk\"\nko = \"우유\"\nromanization = \"uyu\"\n\
                gloss = { en = \"milk\", vi = \"sữa\", ru = \"молоко\" }\n\
                [[items]]\ntype = \"vocab\"\nid = \"egg\"\nko = \"알\"\nromanization = \"al\"\n\
                gloss = { en = \"egg\", vi = \"trứng\", ru = \"яйцо\" }\n";
    CourseSources {
        directory: "order".to_owned(),
        course_file: SourceFile {
            path: "order/course.toml".to_owned(),
            text: course_text.to_owned(),
        },
        lesson_files: vec![lesson("first", first_items), lesson("second", milk)],
    }
}

#[test]
fn a_word_used_before_the_lesson_that_teaches_it_is_refused() {
    let typed = |answer: &str, extra: &str| {
        format!(
            "[[items]]\ntype = \"typed\"\nid = \"t\"\nprompt = {{ en = \"Type.\", vi = \"Gõ.\", ru = \"Напишите.\" }}\n\
             answer = \"{answer}\"\n{extra}"
        )
    };
    let expected = "order/first.toml:3: items[0].answer: `우유를 마셔요` uses `우유` before lesson `second` teaches it";
    assert_eq!(
        rejection_failure(&two_lessons(&typed("우유를 마셔요", "")), "milk", expected),
        None
    );
    // A word that only looks like a later one is listed, and then accepted.
    let homonym = typed("알 수 있어요", "homonyms = [\"알\"]\n");
    parse_course(&two_lessons(&homonym)).unwrap_or_else(|errors| panic!("{errors:#?}"));
    let without = typed("알 수 있어요", "");
    assert_eq!(
        rejection_failure(
            &two_lessons(&without),
            "egg",
            "uses `알` before lesson `second`"
        ),
        None
    );
    // A listed homonym the text does not seem to use is stale and refused.
    let stale = typed("물이에요", "homonyms = [\"알\"]\n");
    assert_eq!(
        rejection_failure(
            &two_lessons(&stale),
            "stale",
            "items[0].homonyms: `알` is not a word of a later lesson that this item's text seems to use; remove it"
        ),
        None
    );
    // Words of the lesson itself and of earlier lessons are fine.
    parse_course(&two_lessons(&typed("물이에요", "")))
        .unwrap_or_else(|errors| panic!("{errors:#?}"));
}

#[test]
fn the_courses_of_the_repository_teach_before_they_use() {
    // Every course parses, and so passes the order and gloss checks; the Hangul course
    // declares that it teaches the letters, so its letter order is checked too.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/courses");
    let mut sources = Vec::new();
    for name in ["hangul", "survival-korean", "science-basics"] {
        sources.push(read_course_folder(&root.join(name)));
    }
    assert!(sources[0]
        .course_file
        .text
        .contains("teaches_hangul = true"));
    parse_courses(&sources).unwrap_or_else(|errors| {
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{}", messages.join("\n"))
    });
}

/// Removes the `language` entry (`, zh = "…"`) of the first item prompt of `text` that has
/// one; `None` when there is none.
fn without_first_prompt_text(text: &str, language: &str) -> Option<String> {
    let marker = format!(", {language} = \"");
    let mut line_start = 0;
    let start = text.split_inclusive('\n').find_map(|line| {
        let found = line
            .starts_with("prompt = {")
            .then(|| line.find(&marker))
            .flatten()
            .map(|offset| line_start + offset);
        line_start += line.len();
        found
    })?;
    let body = start + marker.len();
    let mut escaped = false;
    let end = text[body..]
        .char_indices()
        .find_map(|(offset, character)| {
            let closes = character == '"' && !escaped;
            escaped = character == '\\' && !escaped;
            closes.then_some(body + offset + 1)
        })?;
    Some(format!("{}{}", &text[..start], &text[end..]))
}

/// The shipped courses carry Chinese on every learner-facing text and Kazakh on every prompt
/// and reading, and say so in course.toml, so that losing a single one is a build error.
#[test]
fn a_shipped_course_missing_one_chinese_or_kazakh_text_is_rejected() {
    let courses = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/courses");
    for name in ["hangul", "science-basics", "survival-korean"] {
        let sources = read_course_folder(&courses.join(name));
        if let Err(errors) = parse_course(&sources) {
            let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("{name} rejected:\n{}", messages.join("\n"));
        }
        for (language, field) in [("zh", "text_languages"), ("kk", "prompt_languages")] {
            let mut broken = sources.clone();
            let lesson = broken
                .lesson_files
                .iter_mut()
                .find(|file| without_first_prompt_text(&file.text, language).is_some())
                .unwrap_or_else(|| panic!("{name} has no prompt in {language}"));
            lesson.text = without_first_prompt_text(&lesson.text, language)
                .unwrap_or_else(|| panic!("{name}: no {language} text to remove"));
            let errors = parse_course(&broken)
                .expect_err("a course without one of its declared languages must be rejected");
            let expected = format!("missing language {language}, which the course's {field}");
            assert!(
                errors
                    .iter()
                    .any(|error| error.to_string().contains(&expected)),
                "{name}: expected {expected:?}, got {errors:#?}"
            );
        }
    }
}

/// A one-lesson course teaching Vietnamese, with `course` and `lesson` appended to a valid
/// header and lesson.
fn vietnamese_course(course_extra: &str, lesson_items: &str) -> CourseSources {
    CourseSources {
        directory: "vi-sample".to_owned(),
        course_file: SourceFile {
            path: "vi-sample/course.toml".to_owned(),
            text: format!(
                "id = \"vi-sample\"\nversion = 1\nsubject = \"vietnamese\"\nlevel = \"beginner\"\n\
                 target_language = \"vi\"\ntitle = {{ ko = \"베트남어\", en = \"Vietnamese\" }}\n\
                 description = {{ ko = \"보기\", en = \"Sample\" }}\n{course_extra}\n\
                 [[units]]\nid = \"u\"\ntitle = {{ ko = \"단원\", en = \"Unit\" }}\nlessons = [\"first\"]\n"
            ),
        },
        lesson_files: vec![SourceFile {
            path: "vi-sample/first.toml".to_owned(),
            text: format!(
                "id = \"first\"\ntitle = {{ ko = \"인사\", en = \"Greetings\" }}\n\
                 [[items]]\ntype = \"vocab\"\nid = \"mot\"\nvi = \"một\"\n\
                 gloss = {{ ko = \"하나\", en = \"one\" }}\n\
                 example = {{ vi = \"Một, hai.\", gloss = {{ ko = \"하나, 둘.\", en = \"One, two.\" }} }}\n\
                 [[items]]\ntype = \"typed\"\nid = \"type-one\"\nprompt = {{ ko = \"1\", en = \"1\" }}\n\
                 answer = \"một\"\n{lesson_items}"
            ),
        }],
    }
}

fn messages_of(sources: &CourseSources) -> Vec<String> {
    parse_course(sources)
        .expect_err("must be rejected")
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_course_teaching_vietnamese_is_read_with_its_own_rules() {
    let course = parse_course(&vietnamese_course(
        "gloss_languages = [\"ko\", \"en\"]\ntext_languages = [\"ko\"]",
        "",
    ))
    .unwrap_or_else(|errors| panic!("{errors:?}"));
    assert_eq!(course.target_language, TargetLanguage::Vi);
    assert_eq!(course.subject, Subject::Vietnamese);
    let ItemKind::Vocab {
        ko, romanization, ..
    } = &course.units[0].lessons[0].items[0].kind
    else {
        panic!("not a vocab item");
    };
    assert_eq!(ko.text, "một");
    assert_eq!(*romanization, None);
    // The clip says the text as written, not a Korean pronunciation.
    let clips = course.clips();
    assert!(clips.values().any(|clip| clip.pronunciation == "một, hai."));
}

#[test]
fn a_course_teaching_vietnamese_refuses_what_belongs_to_korean() {
    let cases = [
        (
            "gloss_languages = [\"ko\", \"vi\"]",
            "",
            "vi-sample/course.toml:8: gloss_languages[1]: `vi` is not a gloss language: it is the language this course teaches (one of ko, en, ru, kk, th, tr, mn, uz, zh)",
        ),
        (
            "",
            "[[items]]\ntype = \"vocab\"\nid = \"hai\"\nvi = \"hai\"\nromanization = \"hai\"\ngloss = { ko = \"둘\", en = \"two\" }\n",
            "items[2].romanization: field not allowed in a vocab item",
        ),
        (
            "",
            "[[items]]\ntype = \"typed\"\nid = \"korean\"\nprompt = { ko = \"1\", en = \"1\" }\nanswer = \"một 하나\"\n",
            "items[2].answer: `một 하나` contains `하`, which is not a letter of Vietnamese",
        ),
        (
            "",
            "[[items]]\ntype = \"hangul_letter\"\nid = \"g\"\njamo = \"ㄱ\"\nname = \"기역\"\nromanization = \"g\"\nsound = { ko = \"ㄱ\", en = \"g\" }\nexamples = [{ ko = \"가\", gloss = { ko = \"가\", en = \"ga\" } }]\n",
            "items[2].type: a hangul_letter item belongs to a Korean course",
        ),
        (
            "",
            "[[items]]\ntype = \"typed\"\nid = \"decomposed\"\nprompt = { ko = \"1\", en = \"1\" }\nanswer = \"mo\u{0302}\u{0323}t\"\n",
            "items[2].answer: Vietnamese text is not in Unicode NFC form",
        ),
    ];
    for (course_extra, items, expected) in cases {
        let messages = messages_of(&vietnamese_course(course_extra, items));
        assert!(
            messages.iter().any(|message| message.contains(expected)),
            "expected {expected:?} in {messages:#?}"
        );
    }
    // `vietnamese` and `target_language = "vi"` go together.
    let mut korean_subject = vietnamese_course("", "");
    korean_subject.course_file.text = korean_subject
        .course_file
        .text
        .replace("subject = \"vietnamese\"", "subject = \"korean\"");
    assert!(messages_of(&korean_subject)
        .iter()
        .any(|message| message.contains("subject: a course whose subject is `vietnamese`")));
}

#[test]
fn a_course_of_some_sites_own_names_them() {
    let mut sources = read_course_folder(&fixtures().join("valid-content/sample"));
    let shared = parse_course(&sources).expect("the sample course");
    assert!(shared.sites.is_empty(), "a course of the shared catalogue");
    sources.course_file.text = sources.course_file.text.replacen(
        "level = \"beginner\"\n",
        "level = \"beginner\"\nsites = [\"naju\", \"hai-phong\"]\n",
        1,
    );
    let own = parse_course(&sources).unwrap_or_else(|errors| panic!("{errors:#?}"));
    assert_eq!(own.sites, ["naju", "hai-phong"]);
}

#[test]
fn a_courses_completion_rule_counts_its_lessons_and_refuses_what_is_not_one() {
    let mut sources = read_course_folder(&fixtures().join("valid-content/sample"));
    let without = parse_course(&sources).expect("the sample course");
    assert_eq!(without.completion, None, "no rule: no certificate");
    let every_lesson: Vec<String> = without
        .units
        .iter()
        .flat_map(|unit| unit.lessons.iter().map(|lesson| lesson.id.clone()))
        .collect();
    let original = sources.course_file.text.clone();
    let with_rule = |rule: &str| {
        original.replacen(
            "level = \"beginner\"\n",
            &format!("level = \"beginner\"\ncompletion = {rule}\n"),
            1,
        )
    };
    sources.course_file.text = with_rule("{ hours = 3, min_score_percent = 80 }");
    let course = parse_course(&sources).unwrap_or_else(|errors| panic!("{errors:#?}"));
    let rule = course.completion.expect("a rule");
    assert_eq!((rule.hours, rule.min_score_percent), (3, 80));
    assert_eq!(rule.lessons, every_lesson, "every lesson, in course order");

    let first = &every_lesson[0];
    sources.course_file.text = with_rule(&format!(
        "{{ hours = 1, min_score_percent = 0, lessons = [\"{first}\"] }}"
    ));
    let course = parse_course(&sources).unwrap_or_else(|errors| panic!("{errors:#?}"));
    assert_eq!(
        course.completion.expect("a rule").lessons,
        std::slice::from_ref(first)
    );

    for (rule, message) in [
        (
            "{ hours = 0, min_score_percent = 80 }",
            "completion.hours: must be a whole number from 1 to 1000",
        ),
        (
            "{ hours = 2, min_score_percent = 101 }",
            "completion.min_score_percent: must be a whole number from 0 to 100",
        ),
        (
            "{ min_score_percent = 50 }",
            "completion.hours: required field is missing",
        ),
        (
            "{ hours = 2, min_score_percent = 50, lessons = [\"nope\"] }",
            "completion.lessons[0]: `nope` is not a lesson of the course's units",
        ),
        (
            "{ hours = 2, min_score_percent = 50, grade = 1 }",
            "completion.grade: unknown field",
        ),
    ] {
        sources.course_file.text = with_rule(rule);
        let messages = messages_of(&sources);
        assert!(
            messages.iter().any(|found| found.contains(message)),
            "{rule}: {messages:#?}"
        );
    }
    sources.course_file.text = with_rule(&format!(
        "{{ hours = 2, min_score_percent = 50, lessons = [\"{first}\", \"{first}\"] }}"
    ));
    assert!(messages_of(&sources)
        .iter()
        .any(|found| found.contains("is listed twice")));
}
