//! Vietnamese letters taken apart into what a learner can get wrong: the base letter, the
//! letter mark that makes another letter of it (ă â ê ô ơ ư đ) and the tone (thanh điệu).
//!
//! Vietnamese writes six tones; five have a mark over or under the vowel: ngang (none), sắc
//! (´), huyền (`), hỏi (̉), ngã (~) and nặng (̣). A letter such as `ễ` is `e` + circumflex
//! (making the letter `ê`) + tilde (ngã). Unicode's canonical decomposition (NFD) gives exactly
//! those pieces, whatever form the keyboard produced (precomposed `ễ`, `ê` + combining tilde,
//! or all combining marks), so [`letter_parts`] reads a letter through NFD. `đ` has no
//! decomposition and is handled by name.
//!
//! [`crate::grade::grade_typed_in`] uses these parts to grade typed Vietnamese: `mẹ` typed as
//! `mé` is one difference, "the tone is nặng, not sắc", and `cô` typed as `co` is "the letter
//! is ô, not o". The tone of a syllable may sit on either vowel of `oa`, `oe`, `uy` (`hoà` and
//! `hòa` are both in use), so the grader compares the tones of a run of vowels, not where in
//! the run the mark sits ([`is_vowel`]).

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// The six tones of Vietnamese, named as Vietnamese teachers name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    /// Level tone, no mark: `a`.
    Ngang,
    /// Rising tone, acute accent: `á`.
    Sac,
    /// Falling tone, grave accent: `à`.
    Huyen,
    /// Dipping tone, hook above: `ả`.
    Hoi,
    /// Broken rising tone, tilde: `ã`.
    Nga,
    /// Heavy tone, dot below: `ạ`.
    Nang,
}

impl Tone {
    /// The tone's Vietnamese name with its own diacritics, as the learner sees it: `ngang`,
    /// `sắc`, `huyền`, `hỏi`, `ngã`, `nặng`.
    pub fn name(self) -> &'static str {
        match self {
            Tone::Ngang => "ngang",
            Tone::Sac => "sắc",
            Tone::Huyen => "huyền",
            Tone::Hoi => "hỏi",
            Tone::Nga => "ngã",
            Tone::Nang => "nặng",
        }
    }

    /// The combining mark that writes this tone, if it has one.
    pub fn combining_mark(self) -> Option<char> {
        match self {
            Tone::Ngang => None,
            Tone::Sac => Some('\u{0301}'),
            Tone::Huyen => Some('\u{0300}'),
            Tone::Hoi => Some('\u{0309}'),
            Tone::Nga => Some('\u{0303}'),
            Tone::Nang => Some('\u{0323}'),
        }
    }

    fn from_combining_mark(mark: char) -> Option<Tone> {
        match mark {
            '\u{0301}' => Some(Tone::Sac),
            '\u{0300}' => Some(Tone::Huyen),
            '\u{0309}' => Some(Tone::Hoi),
            '\u{0303}' => Some(Tone::Nga),
            '\u{0323}' => Some(Tone::Nang),
            _ => None,
        }
    }
}

/// The mark that makes a Vietnamese letter of a plain Latin one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LetterMark {
    /// Breve (dấu trăng): `ă`.
    Breve,
    /// Circumflex (dấu mũ): `â`, `ê`, `ô`.
    Circumflex,
    /// Horn (dấu móc): `ơ`, `ư`.
    Horn,
    /// Stroke (gạch ngang): `đ`.
    Stroke,
}

impl LetterMark {
    fn from_combining_mark(mark: char) -> Option<LetterMark> {
        match mark {
            '\u{0306}' => Some(LetterMark::Breve),
            '\u{0302}' => Some(LetterMark::Circumflex),
            '\u{031B}' => Some(LetterMark::Horn),
            _ => None,
        }
    }

    fn combining_mark(self) -> Option<char> {
        match self {
            LetterMark::Breve => Some('\u{0306}'),
            LetterMark::Circumflex => Some('\u{0302}'),
            LetterMark::Horn => Some('\u{031B}'),
            LetterMark::Stroke => None,
        }
    }
}

/// One Latin letter of Vietnamese text, taken apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LetterParts {
    /// The plain Latin letter, lower case: `e` for `Ễ`.
    pub base: char,
    /// The mark that makes another letter of it, if any.
    pub mark: Option<LetterMark>,
    /// The tone written on it (ngang when there is no tone mark).
    pub tone: Tone,
}

impl LetterParts {
    /// The letter without its tone, lower case, composed: `ê` for `Ễ`, `đ` for `Đ`.
    pub fn letter(self) -> char {
        if self.mark == Some(LetterMark::Stroke) {
            return 'đ';
        }
        let mut text = String::from(self.base);
        if let Some(mark) = self.mark.and_then(LetterMark::combining_mark) {
            text.push(mark);
        }
        text.nfc().next().unwrap_or(self.base)
    }
}

/// The parts of one character when it is a Latin letter with at most Vietnamese marks on it:
/// `None` for anything else (digits, punctuation, Hangul, a letter with marks Vietnamese does
/// not use). Upper and lower case give the same parts.
pub fn letter_parts(character: char) -> Option<LetterParts> {
    if matches!(character, 'đ' | 'Đ') {
        return Some(LetterParts {
            base: 'd',
            mark: Some(LetterMark::Stroke),
            tone: Tone::Ngang,
        });
    }
    let mut pieces = std::iter::once(character).nfd();
    let base = pieces.next()?;
    if !base.is_ascii_alphabetic() {
        return None;
    }
    let mut mark = None;
    let mut tone = Tone::Ngang;
    for piece in pieces {
        if let Some(found) = Tone::from_combining_mark(piece) {
            if tone != Tone::Ngang {
                return None;
            }
            tone = found;
        } else if let Some(found) = LetterMark::from_combining_mark(piece) {
            if mark.is_some() {
                return None;
            }
            mark = Some(found);
        } else {
            return None;
        }
    }
    Some(LetterParts {
        base: base.to_ascii_lowercase(),
        mark,
        tone,
    })
}

/// Whether a character is a letter of the Vietnamese alphabet or a vowel with a tone mark:
/// the 29 letters (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y) in either case,
/// with a tone only on a vowel, and f j w z, which Vietnamese writes in loanwords and names.
pub fn is_vietnamese_letter(character: char) -> bool {
    let Some(parts) = letter_parts(character) else {
        return false;
    };
    let vowel = matches!(parts.base, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mark_fits = match parts.mark {
        None => true,
        Some(LetterMark::Breve) => parts.base == 'a',
        Some(LetterMark::Circumflex) => matches!(parts.base, 'a' | 'e' | 'o'),
        Some(LetterMark::Horn) => matches!(parts.base, 'o' | 'u'),
        Some(LetterMark::Stroke) => parts.base == 'd',
    };
    mark_fits && (vowel || parts.tone == Tone::Ngang)
}

/// Whether a character is a vowel of Vietnamese (a ă â e ê i o ô ơ u ư y, any tone): the
/// letters a tone mark sits on, and between which it may move in `oa`, `oe`, `uy`.
pub fn is_vowel(character: char) -> bool {
    letter_parts(character)
        .is_some_and(|parts| matches!(parts.base, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
}

/// A problem with a text meant to be Vietnamese, for the content validator: not NFC, no
/// Latin letter, Hangul or another script, or a mark Vietnamese does not write.
pub fn vietnamese_text_problem(text: &str) -> Option<String> {
    if !unicode_normalization::is_nfc(text) {
        return Some(
            "Vietnamese text is not in Unicode NFC form; save it normalized (NFC)".to_owned(),
        );
    }
    if !text.chars().any(is_vietnamese_letter) {
        return Some(format!("`{text}` has no Vietnamese letter"));
    }
    if let Some(other) = text
        .chars()
        .find(|character| character.is_alphabetic() && !is_vietnamese_letter(*character))
    {
        return Some(format!(
            "`{text}` contains `{other}`, which is not a letter of Vietnamese"
        ));
    }
    if let Some(mark) = text
        .chars()
        .find(|character| unicode_normalization::char::is_combining_mark(*character))
    {
        return Some(format!(
            "`{text}` contains a loose combining mark U+{:04X}",
            u32::from(mark)
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn letters_come_apart_into_base_mark_and_tone() {
        let cases = [
            ('a', 'a', None, Tone::Ngang),
            ('á', 'a', None, Tone::Sac),
            ('ằ', 'a', Some(LetterMark::Breve), Tone::Huyen),
            ('ẩ', 'a', Some(LetterMark::Circumflex), Tone::Hoi),
            ('Ễ', 'e', Some(LetterMark::Circumflex), Tone::Nga),
            ('ộ', 'o', Some(LetterMark::Circumflex), Tone::Nang),
            ('ớ', 'o', Some(LetterMark::Horn), Tone::Sac),
            ('ự', 'u', Some(LetterMark::Horn), Tone::Nang),
            ('ỹ', 'y', None, Tone::Nga),
            ('đ', 'd', Some(LetterMark::Stroke), Tone::Ngang),
            ('Đ', 'd', Some(LetterMark::Stroke), Tone::Ngang),
        ];
        for (character, base, mark, tone) in cases {
            let parts = letter_parts(character).unwrap_or_else(|| panic!("{character}"));
            assert_eq!((parts.base, parts.mark, parts.tone), (base, mark, tone));
        }
        assert_eq!(letter_parts('Ễ').map(LetterParts::letter), Some('ê'));
        assert_eq!(letter_parts('ự').map(LetterParts::letter), Some('ư'));
        assert_eq!(letter_parts('Đ').map(LetterParts::letter), Some('đ'));
        assert_eq!(letter_parts('가'), None);
        assert_eq!(letter_parts('1'), None);
        assert_eq!(letter_parts('ç'), None);
    }

    #[test]
    fn tone_names_are_vietnamese() {
        let names: Vec<&str> = [
            Tone::Ngang,
            Tone::Sac,
            Tone::Huyen,
            Tone::Hoi,
            Tone::Nga,
            Tone::Nang,
        ]
        .into_iter()
        .map(Tone::name)
        .collect();
        assert_eq!(names, ["ngang", "sắc", "huyền", "hỏi", "ngã", "nặng"]);
    }

    #[test]
    fn vietnamese_letters() {
        for letter in "aăâbcdđeêghiklmnoôơpqrstuưvxyáờữỵĐÊ".chars() {
            assert!(is_vietnamese_letter(letter), "{letter}");
        }
        // A tone on a consonant, a breve on e, a horn on a: not Vietnamese.
        for text in ["b\u{0301}", "e\u{0306}", "a\u{031B}"] {
            let character = text.nfc().next().unwrap_or(' ');
            let composed: String = text.nfc().collect();
            assert!(
                composed.chars().count() > 1 || !is_vietnamese_letter(character),
                "{text}"
            );
        }
        assert!(!is_vietnamese_letter('ñ'));
    }

    #[test]
    fn vowels() {
        for vowel in "aăâeêioôơuưyÁỆỲ".chars() {
            assert!(is_vowel(vowel), "{vowel}");
        }
        for other in "bcdđmnt1 ".chars() {
            assert!(!is_vowel(other), "{other}");
        }
    }

    #[test]
    fn text_problems() {
        assert_eq!(vietnamese_text_problem("Xin chào!"), None);
        assert_eq!(vietnamese_text_problem("số 10"), None);
        let decomposed: String = "chào".nfd().collect();
        assert!(vietnamese_text_problem(&decomposed).is_some());
        assert!(vietnamese_text_problem("123").is_some());
        assert!(vietnamese_text_problem("안녕 chào").is_some());
    }

    proptest! {
        #[test]
        fn parts_survive_either_normal_form(text in "[aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐ][\u{0300}\u{0301}\u{0303}\u{0309}\u{0323}]?") {
            let composed: String = text.nfc().collect();
            let mut characters = composed.chars();
            if let (Some(letter), None) = (characters.next(), characters.next()) {
                prop_assert!(is_vietnamese_letter(letter));
            }
        }
    }
}
