//! `cargo xtask content --synthetic N`: a large test catalogue for the tests and the bench of
//! a catalogue of thousands (issue 19). N made-up courses, each labelled "[test]" in its title
//! and "synthetic" in its id and description, one short reading lesson each (no audio), are
//! built beside the real courses into their own folder (`target/content-synthetic`), which
//! nothing serves unless told to (`baeum-server --content target/content-synthetic`).
//!
//! The courses are sources like the real ones, so they pass the same parser and checks. Their
//! titles come from a few dozen topics in four languages with a number, so that a search finds
//! a handful (a topic and a number) or many (a topic), and subjects and levels rotate so that
//! every filter narrows the list.

use baeum_core::content::{CourseSources, SourceFile};

/// A topic of the made-up titles: Korean, English, Vietnamese, Russian.
const TOPICS: &[[&str; 4]] = &[
    ["날씨", "Weather", "Thời tiết", "Погода"],
    ["식물", "Plants", "Thực vật", "Растения"],
    ["동물", "Animals", "Động vật", "Животные"],
    ["지도", "Maps", "Bản đồ", "Карты"],
    ["돈", "Money", "Tiền", "Деньги"],
    ["시간", "Time", "Thời gian", "Время"],
    ["계절", "Seasons", "Các mùa", "Времена года"],
    ["물", "Water", "Nước", "Вода"],
    ["소리", "Sound", "Âm thanh", "Звук"],
    ["빛", "Light", "Ánh sáng", "Свет"],
    ["흙", "Soil", "Đất", "Почва"],
    ["분수", "Fractions", "Phân số", "Дроби"],
    ["도형", "Shapes", "Hình học", "Фигуры"],
    [
        "우리 마을",
        "Our village",
        "Làng của chúng ta",
        "Наша деревня",
    ],
    ["가족", "Family", "Gia đình", "Семья"],
    ["음식", "Food", "Thức ăn", "Еда"],
    ["건강", "Health", "Sức khỏe", "Здоровье"],
    ["바다", "The sea", "Biển", "Море"],
    ["산", "Mountains", "Núi", "Горы"],
    ["농사", "Farming", "Làm nông", "Сельское хозяйство"],
];

const SUBJECTS: &[&str] = &["korean", "math", "science", "social", "other"];
const LEVELS: &[&str] = &["beginner", "elementary", "intermediate"];

/// The id of the `number`th made-up course (from 1).
pub fn synthetic_course_id(number: usize) -> String {
    format!("synthetic-{number:05}")
}

/// `count` made-up courses as sources, ready for the content build.
pub fn synthetic_sources(count: usize) -> Vec<CourseSources> {
    (1..=count).map(synthetic_course).collect()
}

fn synthetic_course(number: usize) -> CourseSources {
    let [ko, en, vi, ru] = TOPICS[number % TOPICS.len()];
    let subject = SUBJECTS[number % SUBJECTS.len()];
    let level = LEVELS[(number / SUBJECTS.len()) % LEVELS.len()];
    let id = synthetic_course_id(number);
    let title = format!(
        "{{ ko = \"[test] {ko} {number}\", en = \"[test] {en} {number}\", \
         vi = \"[test] {vi} {number}\", ru = \"[test] {ru} {number}\" }}"
    );
    let course = format!(
        "id = \"{id}\"\nversion = 1\nsubject = \"{subject}\"\nlevel = \"{level}\"\n\
         title = {title}\n\
         description = {{ en = \"A synthetic test course, not for learners.\", \
         vi = \"Khóa học thử nghiệm tự tạo, không dành cho học sinh.\", \
         ru = \"Синтетический тестовый курс, не для учеников.\" }}\n\n\
         [[units]]\nid = \"only-unit\"\ntitle = {title}\nlessons = [\"reading\"]\n"
    );
    let lesson = format!(
        "id = \"reading\"\ntitle = {title}\n\n[[items]]\ntype = \"reading\"\nid = \"text\"\n\
         text = {{ ko = \"시험용 글이에요.\", en = \"A text for testing.\", \
         vi = \"Một bài đọc để thử.\", ru = \"Текст для проверки.\" }}\n"
    );
    let path = |file: &str| format!("(synthetic)/{id}/{file}");
    CourseSources {
        directory: id.clone(),
        course_file: SourceFile {
            path: path("course.toml"),
            text: course,
        },
        lesson_files: vec![SourceFile {
            path: path("reading.toml"),
            text: lesson,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn made_up_courses_pass_the_real_checks_and_say_what_they_are() {
        let sources = synthetic_sources(60);
        let courses = baeum_core::content::parse_courses(&sources)
            .unwrap_or_else(|errors| panic!("{errors:#?}"));
        assert_eq!(courses.len(), 60);
        for course in &courses {
            assert!(course.id.starts_with("synthetic-"));
            assert!(course
                .title
                .0
                .values()
                .all(|title| title.starts_with("[test] ")));
        }
        let subjects: std::collections::BTreeSet<String> = courses
            .iter()
            .map(|course| format!("{:?}", course.subject))
            .collect();
        let levels: std::collections::BTreeSet<String> = courses
            .iter()
            .map(|course| format!("{:?}", course.level))
            .collect();
        assert_eq!(
            (subjects.len(), levels.len()),
            (SUBJECTS.len(), LEVELS.len())
        );
    }
}
