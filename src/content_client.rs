//! Loads course content from the server: the catalog, course manifests and lessons, each
//! checked before use. A hashed file whose bytes do not match its name is refused, and a
//! truncated or malformed file becomes a clear error on that lesson, never a blank app.

use baeum_core::content::{
    parse_catalog, parse_course_manifest, parse_lesson_file, verify_hash, CatalogCourse,
    CatalogIndex, ContentError, CourseManifest, LessonFile, ManifestLesson, CATALOG_FILE_NAME,
};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the server serves the packs.
pub const CONTENT_BASE: &str = "/content/";

/// Why content could not be shown.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LoadError {
    #[error("the server could not be reached, and this has not been downloaded yet")]
    Unreachable,
    #[error("the server answered {status} for {name}")]
    Status { name: String, status: u16 },
    #[error("{0}")]
    Content(#[from] ContentError),
    #[error("there is no course `{0}`")]
    UnknownCourse(String),
    #[error("course `{course}` has no lesson `{lesson}`")]
    UnknownLesson { course: String, lesson: String },
}

/// Fetches `name` below [`CONTENT_BASE`] and returns its bytes.
pub async fn fetch_content_file(name: &str) -> Result<Vec<u8>, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Unreachable)?;
    let url = format!("{CONTENT_BASE}{name}");
    let response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|_| LoadError::Unreachable)?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| LoadError::Unreachable)?;
    if !response.ok() {
        return Err(LoadError::Status {
            name: name.to_owned(),
            status: response.status(),
        });
    }
    let buffer = JsFuture::from(
        response
            .array_buffer()
            .map_err(|_| LoadError::Unreachable)?,
    )
    .await
    .map_err(|_| LoadError::Unreachable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Fetches a content-hashed file and checks that its bytes match its name.
async fn fetch_verified(name: &str) -> Result<Vec<u8>, LoadError> {
    let bytes = fetch_content_file(name).await?;
    verify_hash(name, &bytes)?;
    Ok(bytes)
}

pub async fn load_catalog() -> Result<CatalogIndex, LoadError> {
    let bytes = fetch_content_file(CATALOG_FILE_NAME).await?;
    Ok(parse_catalog(&bytes)?)
}

pub async fn load_course(course_id: &str) -> Result<(CatalogCourse, CourseManifest), LoadError> {
    let catalog = load_catalog().await?;
    let course = catalog
        .courses
        .into_iter()
        .find(|course| course.id == course_id)
        .ok_or_else(|| LoadError::UnknownCourse(course_id.to_owned()))?;
    let manifest = load_manifest(&course).await?;
    Ok((course, manifest))
}

/// The manifest of a course already found in the catalog, checked against its hash.
pub async fn load_manifest(course: &CatalogCourse) -> Result<CourseManifest, LoadError> {
    Ok(parse_course_manifest(
        &fetch_verified(&course.manifest).await?,
    )?)
}

/// A lesson with where it stands in its course.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedLesson {
    pub manifest: CourseManifest,
    pub entry: ManifestLesson,
    pub lesson: LessonFile,
    /// The lesson after this one in the course, if any.
    pub next_lesson_id: Option<String>,
}

pub async fn load_lesson(course_id: &str, lesson_id: &str) -> Result<LoadedLesson, LoadError> {
    let (_, manifest) = load_course(course_id).await?;
    let lessons: Vec<&ManifestLesson> = manifest
        .units
        .iter()
        .flat_map(|unit| unit.lessons.iter())
        .collect();
    let position = lessons
        .iter()
        .position(|lesson| lesson.id == lesson_id)
        .ok_or_else(|| LoadError::UnknownLesson {
            course: course_id.to_owned(),
            lesson: lesson_id.to_owned(),
        })?;
    let entry = lessons[position].clone();
    let next_lesson_id = lessons.get(position + 1).map(|lesson| lesson.id.clone());
    let lesson = parse_lesson_file(&fetch_verified(&entry.file).await?)?;
    Ok(LoadedLesson {
        manifest,
        entry,
        lesson,
        next_lesson_id,
    })
}

/// The URL of a media file (audio clip) named in a lesson.
pub fn media_url(file_name: &str) -> String {
    format!("{CONTENT_BASE}{file_name}")
}
