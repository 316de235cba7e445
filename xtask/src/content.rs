//! `cargo xtask content [--out DIR] [--generate-audio] [--synthetic N]`: validates every course
//! under `content/courses/`, then builds the hashed packs into `target/content/` (or `DIR`);
//! with `--synthetic N`, N made-up test courses besides (`synthetic.rs`), into
//! `target/content-synthetic/` unless `--out` says otherwise.
//!
//! The rules and the pack layout live in `baeum_core::content`; this file only does the I/O
//! around them: reading the sources, running the audio tools, and writing the output so that
//! a reader (the server, a test) sees either the old packs or the new ones, never a mixture.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};
use baeum_core::content::{
    build_packs, clip_manifest, clip_manifest_file_name, parse_course, parse_courses, ByteSize,
    CatalogIndex, ClipSource, Course, CourseSources, PackFile, SourceFile, TargetLanguage,
};
use baeum_core::wellbeing::help_lines::parse_help_lines;

/// The help lines as the help page reads them, beside the catalog.
pub const HELP_LINES_FILE_NAME: &str = "help-lines.json";
const USAGE: &str = "usage: cargo xtask content [--out DIR] [--generate-audio] [--synthetic N]

  Validates content/courses/* and writes the course packs to target/content/.
  --out DIR          write the packs to DIR instead
  --synthetic N      add N made-up test courses labelled [test] (a catalogue of thousands for
                     the tests and the bench), written to target/content-synthetic/ unless
                     --out is given; never served unless a server is pointed at it
  --generate-audio   first make the missing clips in content/audio/ with espeak-ng and opusenc
                     (installs Debian's espeak-ng and opus-tools if missing), remove the
                     clips no course speaks, and rewrite content/audio/manifest.tsv (Korean)
                     and content/audio/manifest-vi.tsv (Vietnamese)";

/// What a build produced, for the command line and for `cargo xtask serve | test`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentSummary {
    pub out_dir: PathBuf,
    pub courses: Vec<CourseSummary>,
    /// Every file written, `catalog.json` included.
    pub file_count: usize,
    /// Spoken texts without a clip (warnings).
    pub missing_clip_count: usize,
}

/// One course of a build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseSummary {
    pub id: String,
    pub version: u32,
    pub lesson_count: usize,
    pub size: ByteSize,
}

impl fmt::Display for ContentSummary {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "{} files in {}",
            self.file_count,
            self.out_dir.display()
        )?;
        for course in &self.courses {
            write!(
                formatter,
                "; {} v{}: {} lessons, {} bytes text + {} bytes audio",
                course.id, course.version, course.lesson_count, course.size.text, course.size.audio
            )?;
        }
        if self.missing_clip_count > 0 {
            write!(
                formatter,
                "; {} spoken texts without a clip",
                self.missing_clip_count
            )?;
        }
        Ok(())
    }
}

/// The command: `arguments` are those after `content`.
pub fn run(arguments: &[String]) -> Result<()> {
    let root = repo_root();
    let mut out = None;
    let mut generate_audio = false;
    let mut synthetic = 0;
    let mut remaining = arguments.iter();
    while let Some(argument) = remaining.next() {
        match argument.as_str() {
            "--out" => {
                let directory = remaining
                    .next()
                    .with_context(|| format!("--out needs a folder\n{USAGE}"))?;
                out = Some(PathBuf::from(directory));
            }
            "--synthetic" => {
                synthetic = remaining
                    .next()
                    .and_then(|count| count.parse().ok())
                    .filter(|count| (1..=100_000).contains(count))
                    .with_context(|| {
                        format!("--synthetic needs a number of courses, 1 to 100000\n{USAGE}")
                    })?;
            }
            "--generate-audio" => generate_audio = true,
            "--help" | "-h" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => bail!("unknown argument `{other}`\n{USAGE}"),
        }
    }
    if generate_audio {
        generate_missing_audio(&root)?;
    }
    if synthetic > 0 {
        let out = out.unwrap_or_else(|| root.join("target").join("content-synthetic"));
        let summary = build_content_with(&root, &out, synthetic)?;
        println!(
            "xtask content: {} courses ({synthetic} of them made up for testing), {} files in {}",
            summary.courses.len(),
            summary.file_count,
            summary.out_dir.display()
        );
        return Ok(());
    }
    let out = out.unwrap_or_else(|| root.join("target").join("content"));
    let summary = build_content(&root, &out)?;
    println!("xtask content: {summary}");
    Ok(())
}

/// The repository: this crate lives in `<root>/xtask`.
fn repo_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

/// Validates all courses of `repo_root/content/courses` and, only if every one is valid,
/// replaces `out` with the freshly built packs. Every problem is printed, not just the first.
pub fn build_content(repo_root: &Path, out: &Path) -> Result<ContentSummary> {
    build_content_with(repo_root, out, 0)
}

/// [`build_content`] with `synthetic` made-up test courses besides the real ones.
pub fn build_content_with(
    repo_root: &Path,
    out: &Path,
    synthetic: usize,
) -> Result<ContentSummary> {
    let mut sources = read_all_course_sources(repo_root)?;
    sources.extend(crate::synthetic::synthetic_sources(synthetic));
    let courses = match parse_courses(&sources) {
        Ok(courses) => courses,
        Err(errors) => {
            for error in &errors {
                eprintln!("error: {error}");
            }
            bail!(
                "{} problem{} in content/courses; nothing was written to {}",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" },
                out.display()
            );
        }
    };
    let audio = read_clips(repo_root, &courses)?;
    let mut packs = build_packs(&courses, &audio);
    packs.files.push(help_lines_file(repo_root)?);
    for missing in &packs.missing_audio {
        eprintln!(
            "warning: no clip content/audio/{}.opus for {:?} ({}/{}, item {}); run `cargo xtask content --generate-audio`",
            missing.key, missing.text, missing.course_id, missing.lesson_id, missing.item_id
        );
    }
    write_folder_atomically(out, &packs.files)?;
    Ok(ContentSummary {
        out_dir: out.to_path_buf(),
        courses: packs
            .catalog
            .courses
            .iter()
            .map(|course| CourseSummary {
                id: course.id.clone(),
                version: course.version,
                lesson_count: course.units.iter().map(|unit| unit.lesson_count).sum(),
                size: course.size,
            })
            .collect(),
        file_count: packs.files.len(),
        missing_clip_count: packs.missing_audio.len(),
    })
}

/// `content/help-lines.toml`, checked by core's rules, as the `help-lines.json` the help page
/// reads (core's `wellbeing::help_lines`); a file with problems stops the build, every one
/// named.
fn help_lines_file(repo_root: &Path) -> Result<PackFile> {
    let path = repo_root.join("content").join("help-lines.toml");
    let text =
        fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let lines = match parse_help_lines(&text) {
        Ok(lines) => lines,
        Err(problems) => {
            for problem in &problems {
                eprintln!("error: {}: {problem}", path.display());
            }
            bail!("{} problem(s) in {}", problems.len(), path.display());
        }
    };
    Ok(PackFile {
        name: HELP_LINES_FILE_NAME.to_owned(),
        bytes: serde_json::to_vec(&lines)?,
    })
}

/// The catalog [`build_content`] writes as `catalog.json`, built by the same code without
/// writing anything: the learners' first screen lists it (`first_screen.rs`).
pub fn catalog(repo_root: &Path) -> Result<CatalogIndex> {
    let sources = read_all_course_sources(repo_root)?;
    let courses = parse_courses(&sources).map_err(|errors| {
        anyhow::anyhow!(
            "{} problem(s) in content/courses (`cargo xtask content` lists them)",
            errors.len()
        )
    })?;
    let audio = read_clips(repo_root, &courses)?;
    Ok(build_packs(&courses, &audio).catalog)
}

/// Every folder of `content/courses/`, sorted by name so that builds are reproducible.
fn read_all_course_sources(repo_root: &Path) -> Result<Vec<CourseSources>> {
    let courses_dir = repo_root.join("content").join("courses");
    let mut folders = Vec::new();
    for entry in fs::read_dir(&courses_dir)
        .with_context(|| format!("cannot read {}", courses_dir.display()))?
    {
        let path = entry
            .with_context(|| format!("cannot read {}", courses_dir.display()))?
            .path();
        let hidden = path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if path.is_dir() && !hidden {
            folders.push(path);
        }
    }
    folders.sort();
    folders
        .iter()
        .map(|folder| read_course_sources(repo_root, folder))
        .collect()
}

fn read_course_sources(repo_root: &Path, folder: &Path) -> Result<CourseSources> {
    let read = |path: &Path| -> Result<SourceFile> {
        let text =
            fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
        let shown = path
            .strip_prefix(repo_root)
            .unwrap_or(path)
            .display()
            .to_string();
        Ok(SourceFile { path: shown, text })
    };
    let course_path = folder.join("course.toml");
    if !course_path.is_file() {
        bail!("{} has no course.toml", folder.display());
    }
    let mut lesson_paths = Vec::new();
    for entry in
        fs::read_dir(folder).with_context(|| format!("cannot read {}", folder.display()))?
    {
        let path = entry
            .with_context(|| format!("cannot read {}", folder.display()))?
            .path();
        let is_toml = path
            .extension()
            .is_some_and(|extension| extension == "toml");
        let is_course_file = path.file_name().is_some_and(|name| name == "course.toml");
        if path.is_file() && is_toml && !is_course_file {
            lesson_paths.push(path);
        }
    }
    lesson_paths.sort();
    Ok(CourseSources {
        directory: folder
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
        course_file: read(&course_path)?,
        lesson_files: lesson_paths
            .iter()
            .map(|path| read(path))
            .collect::<Result<_>>()?,
    })
}

fn audio_dir(repo_root: &Path) -> PathBuf {
    repo_root.join("content").join("audio")
}

/// The clips the courses speak that exist in `content/audio/`, by audio key.
fn read_clips(repo_root: &Path, courses: &[Course]) -> Result<BTreeMap<String, Vec<u8>>> {
    let mut clips = BTreeMap::new();
    for key in courses.iter().flat_map(|course| course.clips().into_keys()) {
        let path = audio_dir(repo_root).join(format!("{key}.opus"));
        if clips.contains_key(&key) || !path.is_file() {
            continue;
        }
        let bytes = fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        clips.insert(key, bytes);
    }
    Ok(clips)
}

/// Writes `files` into a fresh sibling folder of `out` and then swaps it in with one atomic
/// rename, so that a reader of `out` never sees a half-written build and a failed build leaves
/// the previous packs untouched.
fn write_folder_atomically(out: &Path, files: &[PackFile]) -> Result<()> {
    let parent = match out.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .with_context(|| format!("{} is not a folder name", out.display()))?;
    fs::create_dir_all(&parent).with_context(|| format!("cannot create {}", parent.display()))?;
    let staging = parent.join(format!(
        ".{}.staging-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    if staging.exists() {
        fs::remove_dir_all(&staging)
            .with_context(|| format!("cannot remove {}", staging.display()))?;
    }
    fs::create_dir(&staging).with_context(|| format!("cannot create {}", staging.display()))?;
    let written = write_files(&staging, files);
    if let Err(error) = written {
        // Best effort: the staging folder is hidden and replaced by the next build anyway.
        let _ = fs::remove_dir_all(&staging);
        return Err(error);
    }

    if !out.exists() {
        fs::rename(&staging, out)
            .with_context(|| format!("cannot move {} to {}", staging.display(), out.display()))?;
        return Ok(());
    }
    // Linux swaps two folders atomically with RENAME_EXCHANGE; where that is refused (other
    // systems, some file systems) two renames leave a moment without `out`, which is still
    // never a mixture of two builds.
    let exchanged = rustix::fs::renameat_with(
        rustix::fs::CWD,
        &staging,
        rustix::fs::CWD,
        out,
        rustix::fs::RenameFlags::EXCHANGE,
    );
    let old = if exchanged.is_ok() {
        staging
    } else {
        let old = parent.join(format!(
            ".{}.old-{}",
            name.to_string_lossy(),
            std::process::id()
        ));
        fs::rename(out, &old).with_context(|| format!("cannot move {} aside", out.display()))?;
        fs::rename(&staging, out)
            .with_context(|| format!("cannot move {} to {}", staging.display(), out.display()))?;
        old
    };
    fs::remove_dir_all(&old)
        .with_context(|| format!("cannot remove the previous build {}", old.display()))
}

fn write_files(folder: &Path, files: &[PackFile]) -> Result<()> {
    for file in files {
        let path = folder.join(&file.name);
        let mut handle =
            fs::File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
        handle
            .write_all(&file.bytes)
            .with_context(|| format!("cannot write {}", path.display()))?;
        // On disk before the swap: after a crash the new folder holds whole files or none.
        handle
            .sync_all()
            .with_context(|| format!("cannot flush {}", path.display()))?;
    }
    Ok(())
}

/// Makes `content/audio/<key>.opus` for every pronunciation the courses speak that has no clip
/// yet: espeak-ng in the course's target language (`-v ko` for Korean, `-v vi` for Vietnamese)
/// says the pronounced form ([`baeum_core::pronounce`] or the item's `pronunciation` for
/// Korean, the text itself for Vietnamese) into a WAV file, `opusenc --bitrate 16` encodes it.
/// Then removes the clips no course speaks and rewrites `content/audio/manifest.tsv` and
/// `manifest-vi.tsv`, which record what each clip says. Courses that do not parse are
/// skipped; the build that follows reports their errors.
fn generate_missing_audio(repo_root: &Path) -> Result<()> {
    ensure_audio_tools()?;
    let mut clips_by_language: BTreeMap<
        &'static str,
        (TargetLanguage, BTreeMap<String, ClipSource>),
    > = TargetLanguage::ALL
        .into_iter()
        .map(|language| (language.code(), (language, BTreeMap::new())))
        .collect();
    let mut skipped = 0;
    for sources in read_all_course_sources(repo_root)? {
        match parse_course(&sources) {
            Ok(course) => {
                let Some((_, clips)) = clips_by_language.get_mut(course.target_language.code())
                else {
                    continue;
                };
                for (key, clip) in course.clips() {
                    clips
                        .entry(key)
                        .or_insert_with(|| ClipSource {
                            pronunciation: clip.pronunciation.clone(),
                            texts: Default::default(),
                        })
                        .texts
                        .extend(clip.texts);
                }
            }
            Err(_) => skipped += 1,
        }
    }
    let audio = audio_dir(repo_root);
    fs::create_dir_all(&audio).with_context(|| format!("cannot create {}", audio.display()))?;
    let work = std::env::temp_dir().join(format!("baeum-audio-{}", std::process::id()));
    fs::create_dir_all(&work).with_context(|| format!("cannot create {}", work.display()))?;
    let mut generated = 0;
    let result = (|| -> Result<()> {
        for (language, clips) in clips_by_language.values() {
            for (key, clip) in clips {
                let path = audio.join(format!("{key}.opus"));
                if path.is_file() {
                    continue;
                }
                speak(&work, &audio, *language, key, &clip.pronunciation)?;
                generated += 1;
            }
        }
        Ok(())
    })();
    let all_keys: std::collections::BTreeSet<&String> = clips_by_language
        .values()
        .flat_map(|(_, clips)| clips.keys())
        .collect();
    let _ = fs::remove_dir_all(&work);
    result?;
    // Stale clips are removed only when every course parsed: a course with an error would
    // otherwise lose its clips.
    let mut removed = 0;
    if skipped == 0 {
        for entry in
            fs::read_dir(&audio).with_context(|| format!("cannot read {}", audio.display()))?
        {
            let path = entry
                .with_context(|| format!("cannot read {}", audio.display()))?
                .path();
            let key = path
                .file_name()
                .and_then(|name| name.to_str())
                .and_then(|name| name.strip_suffix(".opus"));
            if let Some(key) = key {
                if !all_keys.contains(&key.to_owned()) {
                    fs::remove_file(&path)
                        .with_context(|| format!("cannot remove {}", path.display()))?;
                    removed += 1;
                }
            }
        }
        for (language, clips) in clips_by_language.values() {
            let manifest = audio.join(clip_manifest_file_name(*language));
            fs::write(&manifest, clip_manifest(clips))
                .with_context(|| format!("cannot write {}", manifest.display()))?;
        }
    }
    println!(
        "xtask content: generated {generated} clip{}, removed {removed} that no course speaks ({} clips in all{})",
        if generated == 1 { "" } else { "s" },
        all_keys.len(),
        if skipped == 0 {
            String::new()
        } else {
            format!("; {skipped} course(s) did not parse, so nothing was removed and the manifest was left as it was")
        }
    );
    Ok(())
}

/// Debian's espeak-ng and opus-tools, installed once like the test browser (see
/// `tools::ensure_chromium`); only maintainers who regenerate clips need them.
fn ensure_audio_tools() -> Result<()> {
    let present = |tool: &str| {
        Command::new(tool)
            .arg("--version")
            .output()
            .is_ok_and(|output| output.status.success())
    };
    if present("espeak-ng") && present("opusenc") {
        return Ok(());
    }
    println!("xtask: installing Debian's espeak-ng and opus-tools");
    crate::tools::run(Command::new("apt-get").arg("update"))?;
    crate::tools::run(
        Command::new("apt-get")
            .args([
                "install",
                "-y",
                "--no-install-recommends",
                "espeak-ng",
                "opus-tools",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    for tool in ["espeak-ng", "opusenc"] {
        if !present(tool) {
            bail!("`{tool}` is still missing after `apt-get install espeak-ng opus-tools`");
        }
    }
    Ok(())
}

/// One clip: `pronunciation` said by espeak-ng's voice for `language` and encoded to
/// `audio/<key>.opus`.
fn speak(
    work: &Path,
    audio: &Path,
    language: TargetLanguage,
    key: &str,
    pronunciation: &str,
) -> Result<()> {
    let wav = work.join(format!("{key}.wav"));
    // The text goes through a file rather than the command line, so that no text can be
    // mistaken for an option of espeak-ng.
    let text_file = work.join(format!("{key}.txt"));
    fs::write(&text_file, pronunciation)
        .with_context(|| format!("cannot write {}", text_file.display()))?;
    run_tool(
        Command::new("espeak-ng")
            .args(["-v", language.code(), "-w"])
            .arg(&wav)
            .arg("-f")
            .arg(&text_file),
        pronunciation,
    )?;
    // Encode next to the clip and rename, so an interrupted run leaves no broken clip.
    let partial = audio.join(format!(".{key}.opus.partial"));
    // A serial number derived from the key makes the Ogg stream the same on every run.
    let serial = u32::from_str_radix(&key[..8], 16).unwrap_or(1);
    run_tool(
        Command::new("opusenc")
            .args([
                "--bitrate",
                "16",
                "--quiet",
                "--serial",
                &serial.to_string(),
            ])
            .arg(&wav)
            .arg(&partial),
        pronunciation,
    )?;
    let clip = audio.join(format!("{key}.opus"));
    fs::rename(&partial, &clip)
        .with_context(|| format!("cannot move {} into place", partial.display()))
}

fn run_tool(command: &mut Command, text: &str) -> Result<()> {
    let output = command
        .output()
        .with_context(|| format!("cannot run {command:?}"))?;
    if !output.status.success() {
        bail!(
            "{command:?} failed for {text:?} ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh, empty folder for one test.
    fn scratch(name: &str) -> PathBuf {
        let folder =
            std::env::temp_dir().join(format!("baeum-xtask-content-{}-{name}", std::process::id()));
        if folder.exists() {
            fs::remove_dir_all(&folder).expect("clean scratch folder");
        }
        fs::create_dir_all(&folder).expect("create scratch folder");
        folder
    }

    fn pack(name: &str, text: &str) -> PackFile {
        PackFile {
            name: name.to_owned(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn names_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(folder)
            .expect("read folder")
            .map(|entry| {
                entry
                    .expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_build_replaces_the_old_one_whole_and_leaves_no_staging_folder() {
        let parent = scratch("atomic");
        let out = parent.join("content");
        write_folder_atomically(&out, &[pack("a.json", "first"), pack("b.json", "first")])
            .expect("first build");
        write_folder_atomically(&out, &[pack("a.json", "second"), pack("c.json", "second")])
            .expect("second build");
        assert_eq!(names_in(&out), vec!["a.json", "c.json"]);
        assert_eq!(
            fs::read_to_string(out.join("a.json")).expect("a.json"),
            "second"
        );
        assert_eq!(names_in(&parent), vec!["content"]);
        fs::remove_dir_all(&parent).expect("clean up");
    }

    fn write_course(root: &Path, lesson_title_english: &str) {
        let course = root.join("content/courses/tiny");
        fs::create_dir_all(&course).expect("course folder");
        fs::write(
            course.join("course.toml"),
            "id = \"tiny\"\nversion = 1\nsubject = \"math\"\nlevel = \"beginner\"\ntitle = { en = \"Tiny\" }\n\
             description = { en = \"A tiny course.\" }\n[[units]]\nid = \"u\"\ntitle = { en = \"Unit\" }\n\
             lessons = [\"only\"]\n",
        )
        .expect("course.toml");
        fs::write(
            course.join("only.toml"),
            format!(
                "id = \"only\"\ntitle = {{ en = \"{lesson_title_english}\" }}\n[[items]]\ntype = \"typed\"\n\
                 id = \"t\"\nprompt = {{ en = \"Type one.\" }}\nanswer = \"하나\"\n"
            ),
        )
        .expect("lesson");
        fs::write(
            root.join("content/help-lines.toml"),
            include_str!("../../content/help-lines.toml"),
        )
        .expect("help lines");
    }

    #[test]
    fn an_invalid_course_fails_the_build_and_keeps_the_previous_packs() {
        let root = scratch("keep-previous");
        let out = root.join("target/content");
        write_course(&root, "Counting");
        let summary = build_content(&root, &out).expect("valid course builds");
        assert_eq!(summary.courses.len(), 1);
        assert_eq!(summary.courses[0].lesson_count, 1);
        assert_eq!(
            summary.missing_clip_count, 0,
            "a typed item without `ko` speaks nothing"
        );
        let before = names_in(&out);
        assert!(before.contains(&"catalog.json".to_owned()));

        // An empty English title breaks the lesson; the build must fail and touch nothing.
        write_course(&root, " ");
        let error = build_content(&root, &out).expect_err("invalid course must fail");
        assert!(
            error.to_string().contains("1 problem in content/courses"),
            "{error}"
        );
        assert_eq!(names_in(&out), before);
        fs::remove_dir_all(&root).expect("clean up");
    }

    #[test]
    fn unknown_arguments_are_refused_with_the_usage() {
        let error = run(&["--bogus".to_owned()]).expect_err("unknown flag");
        assert!(error.to_string().contains("usage: cargo xtask content"));
        let error = run(&["--out".to_owned()]).expect_err("--out without a folder");
        assert!(error.to_string().contains("--out needs a folder"));
    }
}
