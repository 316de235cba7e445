//! What downloading a course for offline use means, as plain data: which files it takes, how
//! many bytes, which are already on the device, and how long the rest should take.
//!
//! The client's download manager (`src/downloads.rs`) fetches, verifies and stores; everything
//! it decides is here, so it is tested natively. Files are named by their content hash, so a
//! name already stored is never fetched again: that is how an interrupted download resumes,
//! how a clip shared by two courses is stored once, and how an updated course fetches only
//! the files that changed.

use std::collections::BTreeSet;

use super::pack::{CatalogCourse, CourseManifest};

/// Which store a downloaded file belongs in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DownloadedFileKind {
    /// The course manifest, which lists the rest.
    Manifest,
    /// A lesson's JSON.
    Lesson,
    /// An audio clip.
    Audio,
}

/// One file of a course download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedFile {
    /// The content-hashed file name, `<sha256>.json` or `<sha256>.opus`.
    pub name: String,
    pub kind: DownloadedFileKind,
    /// The size the manifest gives, for the progress bar before the file arrives.
    pub bytes: u64,
}

/// Whether a download brings the audio too. On a metered connection a learner can take the
/// text alone; clips then play from the network when online.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AudioChoice {
    WithAudio,
    TextOnly,
}

/// Every file of a course (or of one unit), each once, in the order a learner meets them:
/// a lesson, then its clips. A clip used by several lessons appears once.
pub fn course_files(
    manifest: &CourseManifest,
    unit_id: Option<&str>,
    audio: AudioChoice,
) -> Vec<PlannedFile> {
    let mut seen = BTreeSet::new();
    let mut files = Vec::new();
    let units = manifest
        .units
        .iter()
        .filter(|unit| unit_id.is_none_or(|wanted| unit.id == wanted));
    for lesson in units.flat_map(|unit| unit.lessons.iter()) {
        if seen.insert(lesson.file.clone()) {
            files.push(PlannedFile {
                name: lesson.file.clone(),
                kind: DownloadedFileKind::Lesson,
                bytes: lesson.size.text,
            });
        }
        if audio == AudioChoice::TextOnly {
            continue;
        }
        for media in &lesson.media {
            if seen.insert(media.file.clone()) {
                files.push(PlannedFile {
                    name: media.file.clone(),
                    kind: DownloadedFileKind::Audio,
                    bytes: media.bytes,
                });
            }
        }
    }
    files
}

/// The course manifest as a file of the download. The catalog counts its bytes in the course's
/// text size together with the lessons', so its own size is what the lessons leave.
pub fn manifest_file(course: &CatalogCourse, manifest: &CourseManifest) -> PlannedFile {
    let lessons_text: u64 = manifest
        .units
        .iter()
        .flat_map(|unit| unit.lessons.iter())
        .map(|lesson| lesson.size.text)
        .sum();
    PlannedFile {
        name: course.manifest.clone(),
        kind: DownloadedFileKind::Manifest,
        bytes: course.size.text.saturating_sub(lessons_text),
    }
}

/// What is left to fetch of a set of files, given what the device already stores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DownloadPlan {
    /// The files not yet stored, in download order.
    pub to_fetch: Vec<PlannedFile>,
    /// Bytes of every file of the download.
    pub total_bytes: u64,
    /// Bytes of the files already stored.
    pub stored_bytes: u64,
}

impl DownloadPlan {
    pub fn new(files: Vec<PlannedFile>, is_stored: impl Fn(&str) -> bool) -> DownloadPlan {
        let total_bytes = files.iter().map(|file| file.bytes).sum();
        let to_fetch: Vec<PlannedFile> = files
            .into_iter()
            .filter(|file| !is_stored(&file.name))
            .collect();
        let missing_bytes: u64 = to_fetch.iter().map(|file| file.bytes).sum();
        DownloadPlan {
            to_fetch,
            total_bytes,
            stored_bytes: total_bytes - missing_bytes,
        }
    }

    /// Whether every file is on the device.
    pub fn is_complete(&self) -> bool {
        self.to_fetch.is_empty()
    }
}

/// The files stored for `downloaded` courses that no course in `kept` uses: what deleting
/// the downloaded courses' files may remove without breaking another downloaded course.
pub fn files_only_in(downloaded: &[&CourseManifest], kept: &[&CourseManifest]) -> Vec<String> {
    let names_of = |manifests: &[&CourseManifest]| -> BTreeSet<String> {
        manifests
            .iter()
            .flat_map(|manifest| course_files(manifest, None, AudioChoice::WithAudio))
            .map(|file| file.name)
            .collect()
    };
    let still_needed = names_of(kept);
    names_of(downloaded)
        .into_iter()
        .filter(|name| !still_needed.contains(name))
        .collect()
}

/// How long the rest of a download should take at the speed it has had so far: `None` until
/// there is a speed to go by (nothing received yet, or no time passed).
pub fn estimated_remaining_ms(
    bytes_received: u64,
    elapsed_ms: u64,
    bytes_remaining: u64,
) -> Option<u64> {
    if bytes_received == 0 || elapsed_ms == 0 {
        return None;
    }
    let remaining =
        u128::from(bytes_remaining) * u128::from(elapsed_ms) / u128::from(bytes_received);
    Some(u64::try_from(remaining).unwrap_or(u64::MAX))
}

/// How the estimate is shown, rounded to what a learner needs: "a few seconds", "about 40 s",
/// "about 3 min", "about 2 h". The client words it in the interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RemainingTime {
    /// Five seconds or less.
    FewSeconds,
    /// About this many seconds (6 to 89).
    Seconds(u64),
    /// About this many minutes, rounded up (2 to 90).
    Minutes(u64),
    /// About this many hours, rounded up (2 or more).
    Hours(u64),
}

/// The estimate `milliseconds` as it is shown: seconds under a minute and a half, minutes
/// under an hour and a half, else hours, each rounded up.
pub fn describe_remaining(milliseconds: u64) -> RemainingTime {
    let seconds = milliseconds.div_ceil(1000);
    match seconds {
        0..=5 => RemainingTime::FewSeconds,
        6..=89 => RemainingTime::Seconds(seconds),
        90..=5399 => RemainingTime::Minutes(seconds.div_ceil(60)),
        _ => RemainingTime::Hours(seconds.div_ceil(3600)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::pack::{ByteSize, ManifestLesson, ManifestUnit, MediaFile};
    use crate::content::{Level, LocalizedText, Subject};

    fn lesson(id: &str, media: &[(&str, u64)]) -> ManifestLesson {
        ManifestLesson {
            id: id.to_owned(),
            title: LocalizedText::default(),
            file: format!("{id}.json"),
            item_count: 1,
            size: ByteSize {
                text: 100,
                audio: media.iter().map(|(_, bytes)| bytes).sum(),
            },
            media: media
                .iter()
                .map(|(file, bytes)| MediaFile {
                    file: (*file).to_owned(),
                    bytes: *bytes,
                })
                .collect(),
        }
    }

    fn manifest(id: &str, units: Vec<(&str, Vec<ManifestLesson>)>) -> CourseManifest {
        CourseManifest {
            format: 1,
            id: id.to_owned(),
            version: 1,
            subject: Subject::Korean,
            level: Level::Beginner,
            title: LocalizedText::default(),
            description: LocalizedText::default(),
            completion: None,
            units: units
                .into_iter()
                .map(|(unit_id, lessons)| ManifestUnit {
                    id: unit_id.to_owned(),
                    title: LocalizedText::default(),
                    size: ByteSize::default(),
                    lessons,
                })
                .collect(),
        }
    }

    fn hangul() -> CourseManifest {
        manifest(
            "hangul",
            vec![
                (
                    "vowels",
                    vec![
                        lesson("a", &[("1.opus", 10), ("2.opus", 20)]),
                        lesson("b", &[("2.opus", 20), ("3.opus", 30)]),
                    ],
                ),
                ("consonants", vec![lesson("c", &[("4.opus", 40)])]),
            ],
        )
    }

    #[test]
    fn a_clip_used_by_two_lessons_is_downloaded_once() {
        let names: Vec<String> = course_files(&hangul(), None, AudioChoice::WithAudio)
            .into_iter()
            .map(|file| file.name)
            .collect();
        assert_eq!(
            names,
            ["a.json", "1.opus", "2.opus", "b.json", "3.opus", "c.json", "4.opus"]
        );
    }

    #[test]
    fn text_only_leaves_the_audio_out_and_a_unit_limits_the_files() {
        let text_only = course_files(&hangul(), None, AudioChoice::TextOnly);
        assert!(text_only
            .iter()
            .all(|file| file.kind == DownloadedFileKind::Lesson));
        assert_eq!(text_only.len(), 3);
        let unit = course_files(&hangul(), Some("consonants"), AudioChoice::WithAudio);
        assert_eq!(unit.len(), 2);
        assert_eq!(unit.iter().map(|file| file.bytes).sum::<u64>(), 140);
    }

    #[test]
    fn a_resumed_plan_skips_what_is_stored_and_counts_it_as_done() {
        let files = course_files(&hangul(), None, AudioChoice::WithAudio);
        let stored = ["a.json", "1.opus", "2.opus"];
        let plan = DownloadPlan::new(files, |name| stored.contains(&name));
        assert_eq!(plan.total_bytes, 100 + 10 + 20 + 100 + 30 + 100 + 40);
        assert_eq!(plan.stored_bytes, 130);
        assert_eq!(plan.to_fetch.len(), 4);
        assert_eq!(plan.to_fetch[0].name, "b.json");
        assert!(!plan.is_complete());
        let everything = DownloadPlan::new(
            course_files(&hangul(), None, AudioChoice::WithAudio),
            |_| true,
        );
        assert!(everything.is_complete());
        assert_eq!(everything.stored_bytes, everything.total_bytes);
    }

    #[test]
    fn deleting_a_course_keeps_the_files_another_downloaded_course_uses() {
        let hangul = hangul();
        let other = manifest("other", vec![("u", vec![lesson("d", &[("2.opus", 20)])])]);
        let removable = files_only_in(&[&hangul], &[&other]);
        assert!(!removable.contains(&"2.opus".to_owned()));
        assert!(removable.contains(&"1.opus".to_owned()));
        assert!(removable.contains(&"a.json".to_owned()));
        assert_eq!(removable.len(), 6);
    }

    #[test]
    fn the_estimate_follows_the_speed_so_far() {
        assert_eq!(estimated_remaining_ms(0, 1_000, 500), None);
        assert_eq!(estimated_remaining_ms(100, 0, 500), None);
        assert_eq!(estimated_remaining_ms(50_000, 1_000, 100_000), Some(2_000));
        assert_eq!(describe_remaining(2_000), RemainingTime::FewSeconds);
        assert_eq!(describe_remaining(40_000), RemainingTime::Seconds(40));
        assert_eq!(describe_remaining(150_000), RemainingTime::Minutes(3));
        assert_eq!(describe_remaining(7_200_000), RemainingTime::Hours(2));
    }
}
