//! The 2-set (두벌식, dubeolsik) Korean keyboard as an automaton, for learners without a Korean
//! input method.
//!
//! Many learners type on devices where no Korean keyboard is installed, or cannot find the
//! letters yet. The lesson player therefore offers an on-screen dubeolsik keyboard and accepts
//! the QWERTY keys of the standard layout (`gks` → `한`). [`Composer`] is the state of one text
//! field being typed into: it is fed one letter (or one key) at a time and assembles syllables
//! the way the Korean input methods of Windows and macOS do:
//!
//! * consonant + vowel start a syllable, a following consonant becomes its final (`가` + `ㄴ` →
//!   `간`), and two finals may join into a compound final (`ㄹ` + `ㄱ` → `ㄺ`);
//! * a vowel after a final takes the final away as its own initial (`간` + `ㅏ` → `가나`); of a
//!   compound final only the second letter moves (`닭` + `ㅏ` → `달가`);
//! * two vowels typed in a row may join into a compound vowel (`ㅗ` + `ㅏ` → `ㅘ`);
//! * backspace removes the last *letter* typed, not the whole syllable (`한` → `하` → `ㅎ`).
//!
//! Backspace also continues into text that is already committed, one letter at a time, so
//! a learner who made a mistake two syllables back can correct it the same way. Tense
//! consonants are single keys (Shift+R = `ㄲ`), as in the standard layout, so `ㄱ` + `ㄱ` stays two
//! letters.

use thiserror::Error;

use crate::hangul::{
    compose, conjoining_to_compatibility, decompose, is_compatibility_consonant,
    is_compatibility_vowel, join_compound_jamo, split_compound_jamo, Final, Initial,
};

/// Why a key or letter cannot be typed into a [`Composer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum ComposerError {
    /// The character is not a modern Hangul letter.
    #[error("{0:?} is not a modern hangul letter")]
    NotAJamo(char),
    /// The character is not a key of the dubeolsik layout.
    #[error("{0:?} is not a key of the dubeolsik layout")]
    NotADubeolsikKey(char),
}

/// The QWERTY key for each letter of the standard dubeolsik layout (KS X 5002). Uppercase keys
/// are the shifted positions that give a different letter.
const KEY_LETTERS: [(char, char); 33] = [
    ('q', 'ㅂ'),
    ('w', 'ㅈ'),
    ('e', 'ㄷ'),
    ('r', 'ㄱ'),
    ('t', 'ㅅ'),
    ('y', 'ㅛ'),
    ('u', 'ㅕ'),
    ('i', 'ㅑ'),
    ('o', 'ㅐ'),
    ('p', 'ㅔ'),
    ('a', 'ㅁ'),
    ('s', 'ㄴ'),
    ('d', 'ㅇ'),
    ('f', 'ㄹ'),
    ('g', 'ㅎ'),
    ('h', 'ㅗ'),
    ('j', 'ㅓ'),
    ('k', 'ㅏ'),
    ('l', 'ㅣ'),
    ('z', 'ㅋ'),
    ('x', 'ㅌ'),
    ('c', 'ㅊ'),
    ('v', 'ㅍ'),
    ('b', 'ㅠ'),
    ('n', 'ㅜ'),
    ('m', 'ㅡ'),
    ('Q', 'ㅃ'),
    ('W', 'ㅉ'),
    ('E', 'ㄸ'),
    ('R', 'ㄲ'),
    ('T', 'ㅆ'),
    ('O', 'ㅒ'),
    ('P', 'ㅖ'),
];

/// The letter a QWERTY key types in the dubeolsik layout. Shifted keys without a letter of
/// their own (`A`, `S`, ...) type the unshifted letter, as Korean input methods do.
pub fn latin_key_to_jamo(key: char) -> Option<char> {
    let letter_of = |wanted: char| {
        KEY_LETTERS
            .iter()
            .find(|(candidate, _)| *candidate == wanted)
            .map(|&(_, letter)| letter)
    };
    letter_of(key).or_else(|| {
        if key.is_ascii_uppercase() {
            letter_of(key.to_ascii_lowercase())
        } else {
            None
        }
    })
}

/// The QWERTY key that types a simple letter (`ㄲ` → `R`); compound letters have no key of
/// their own, see [`hangul_to_latin`].
pub fn jamo_to_latin_key(letter: char) -> Option<char> {
    KEY_LETTERS
        .iter()
        .find(|(_, candidate)| *candidate == letter)
        .map(|&(key, _)| key)
}

/// Types QWERTY text on the dubeolsik layout: `"gks"` → `"한"`, `"dkssudgktpdy"` →
/// `"안녕하세요"`. Characters that are not letter keys (spaces, digits, punctuation) end the
/// syllable being composed and pass through unchanged.
pub fn latin_to_hangul(keys: &str) -> String {
    let mut composer = Composer::new();
    for key in keys.chars() {
        match latin_key_to_jamo(key) {
            Some(letter) => composer.push_simple_letter(letter),
            None => composer.push_char(key),
        }
    }
    composer.into_text()
}

/// The QWERTY keys that type a text on the dubeolsik layout: `"한글"` → `"gksrmf"`. It is the
/// inverse of [`latin_to_hangul`] for text made of syllables; other characters pass through.
pub fn hangul_to_latin(text: &str) -> String {
    let mut keys = String::with_capacity(text.len() * 2);
    for character in text.chars() {
        match letters_typed_for(character) {
            Some(letters) => {
                keys.extend(letters.into_iter().filter_map(jamo_to_latin_key));
            }
            None => keys.push(character),
        }
    }
    keys
}

/// Composes a text written as separate compatibility letters into syllables, as if each letter
/// were typed: `"ㅎㅏㄴㄱㅡㄹ"` → `"한글"`. Other characters pass through.
pub fn compose_jamo_string(letters: &str) -> String {
    let mut composer = Composer::new();
    for character in letters.chars() {
        composer.push_char(character);
    }
    composer.into_text()
}

/// The syllable being composed: its letters so far and the keys that typed them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Block {
    initial: Option<char>,
    medial: Option<char>,
    final_: Option<char>,
    /// The simple letters typed into this block, in order; backspace pops from here.
    keys: Vec<char>,
}

impl Block {
    fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    fn text(&self) -> Option<char> {
        match (self.initial, self.medial, self.final_) {
            (Some(initial), Some(medial), final_letter) => compose(initial, medial, final_letter),
            (Some(initial), None, None) => Some(initial),
            (None, Some(medial), None) => Some(medial),
            _ => None,
        }
    }
}

/// A text being typed on the dubeolsik keyboard: committed text plus the syllable still being
/// composed. See the module documentation for the composition rules.
///
/// ```
/// use baeum_core::dubeolsik::Composer;
/// let mut composer = Composer::new();
/// for key in "ekfrk".chars() {
///     composer.push_latin_key(key)?;
/// }
/// assert_eq!(composer.text(), "달가");
/// composer.backspace();
/// assert_eq!(composer.text(), "달ㄱ");
/// # Ok::<(), baeum_core::dubeolsik::ComposerError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Composer {
    committed: String,
    block: Block,
}

impl Composer {
    /// An empty text.
    pub fn new() -> Self {
        Self::default()
    }

    /// Types one Hangul letter, compatibility (`ㄱ`) or modern conjoining (U+1100) form.
    /// Compound vowels are typed as their two parts (`ㅘ` = `ㅗ` + `ㅏ`); a compound final
    /// (`ㄳ`) becomes the final of the syllable being composed, or stands alone when there is
    /// no syllable to take it.
    pub fn push_jamo(&mut self, letter: char) -> Result<(), ComposerError> {
        let compatibility = if is_compatibility_consonant(letter) || is_compatibility_vowel(letter)
        {
            letter
        } else {
            conjoining_to_compatibility(letter)
                .filter(|&converted| {
                    is_compatibility_consonant(converted) || is_compatibility_vowel(converted)
                })
                .ok_or(ComposerError::NotAJamo(letter))?
        };
        match split_compound_jamo(compatibility) {
            Some((first, second)) if is_compatibility_vowel(compatibility) => {
                self.push_simple_letter(first);
                self.push_simple_letter(second);
            }
            Some((first, second)) => self.push_compound_final(compatibility, first, second),
            None => self.push_simple_letter(compatibility),
        }
        Ok(())
    }

    /// Types the letter of a QWERTY key in the dubeolsik layout (`g` → `ㅎ`, `R` → `ㄲ`).
    pub fn push_latin_key(&mut self, key: char) -> Result<(), ComposerError> {
        let letter = latin_key_to_jamo(key).ok_or(ComposerError::NotADubeolsikKey(key))?;
        self.push_simple_letter(letter);
        Ok(())
    }

    /// Types any character: Hangul letters compose as with [`Composer::push_jamo`]; anything
    /// else (a space, a digit, a precomposed syllable) ends the syllable being composed and is
    /// appended as it is.
    pub fn push_char(&mut self, character: char) {
        if self.push_jamo(character).is_err() {
            self.commit();
            self.committed.push(character);
        }
    }

    /// Removes the last letter typed: `한` → `하` → `ㅎ` → nothing. With nothing being composed
    /// it reopens the last committed character and removes its last letter, so `가나` becomes
    /// `가ㄴ`, then `가`, then `ㄱ`. Characters that are not Hangul are removed whole. Returns
    /// `false` when the text was already empty.
    pub fn backspace(&mut self) -> bool {
        if self.block.is_empty() {
            let Some(last) = self.committed.pop() else {
                return false;
            };
            if let Some(letters) = letters_typed_for(last) {
                self.block.keys = letters;
            }
        }
        if self.block.keys.pop().is_none() {
            // A non-Hangul character was popped from the committed text above.
            return true;
        }
        let remaining = std::mem::take(&mut self.block.keys);
        self.block = Block::default();
        for letter in remaining {
            self.push_simple_letter(letter);
        }
        true
    }

    /// Ends the syllable being composed, so the next letter starts a new one.
    pub fn commit(&mut self) {
        if let Some(character) = self.block.text() {
            self.committed.push(character);
        }
        self.block = Block::default();
    }

    /// The whole text: committed text followed by the syllable being composed.
    pub fn text(&self) -> String {
        let mut text = self.committed.clone();
        text.extend(self.block.text());
        text
    }

    /// The text that is finished and no longer changes with the next key.
    pub fn committed(&self) -> &str {
        &self.committed
    }

    /// The syllable or letter being composed, which the next key may still change.
    pub fn composing(&self) -> Option<char> {
        self.block.text()
    }

    /// Whether nothing has been typed (or everything was deleted).
    pub fn is_empty(&self) -> bool {
        self.committed.is_empty() && self.block.is_empty()
    }

    /// Deletes all text.
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Commits the syllable being composed and returns the whole text.
    pub fn into_text(mut self) -> String {
        self.commit();
        self.committed
    }

    /// Types one simple letter: a consonant or a vowel that is not a compound.
    fn push_simple_letter(&mut self, letter: char) {
        if is_compatibility_vowel(letter) {
            self.push_vowel(letter);
        } else {
            self.push_consonant(letter);
        }
    }

    fn push_consonant(&mut self, consonant: char) {
        let block = &mut self.block;
        match (block.initial, block.medial, block.final_) {
            (Some(_), Some(_), None) if Final::from_compatibility(consonant).is_some() => {
                block.final_ = Some(consonant);
                block.keys.push(consonant);
            }
            (Some(_), Some(_), Some(final_letter)) => {
                match join_compound_jamo(final_letter, consonant) {
                    Some(compound) => {
                        block.final_ = Some(compound);
                        block.keys.push(consonant);
                    }
                    None => self.start_block_with_initial(consonant),
                }
            }
            _ => self.start_block_with_initial(consonant),
        }
    }

    fn push_vowel(&mut self, vowel: char) {
        let block = &mut self.block;
        match (block.initial, block.medial, block.final_) {
            (None, None, None) | (Some(_), None, None) => {
                block.medial = Some(vowel);
                block.keys.push(vowel);
            }
            (_, Some(medial), None) => match join_compound_jamo(medial, vowel) {
                Some(compound) => {
                    block.medial = Some(compound);
                    block.keys.push(vowel);
                }
                None => {
                    self.commit();
                    self.block.medial = Some(vowel);
                    self.block.keys.push(vowel);
                }
            },
            (_, _, Some(final_letter)) => {
                // The final (or the second letter of a compound final) becomes the initial of
                // a new syllable: 간 + ㅏ → 가나, 닭 + ㅏ → 달가.
                let (stays, moves) = match split_compound_jamo(final_letter) {
                    Some((first, second)) => (Some(first), second),
                    None => (None, final_letter),
                };
                block.final_ = stays;
                block.keys.pop();
                self.commit();
                self.block.initial = Some(moves);
                self.block.medial = Some(vowel);
                self.block.keys = vec![moves, vowel];
            }
        }
    }

    fn push_compound_final(&mut self, compound: char, first: char, second: char) {
        let block = &mut self.block;
        if block.initial.is_some() && block.medial.is_some() && block.final_.is_none() {
            block.final_ = Some(compound);
            block.keys.extend([first, second]);
        } else {
            // No syllable can take the compound letter, so it stands alone, as written.
            self.commit();
            self.committed.push(compound);
        }
    }

    fn start_block_with_initial(&mut self, consonant: char) {
        self.commit();
        // Every simple consonant can begin a syllable; the check keeps a compound out anyway.
        if Initial::from_compatibility(consonant).is_some() {
            self.block.initial = Some(consonant);
            self.block.keys.push(consonant);
        } else {
            self.committed.push(consonant);
        }
    }
}

/// The simple letters typed for a Hangul character, in order, or `None` for other characters.
fn letters_typed_for(character: char) -> Option<Vec<char>> {
    let letters: Vec<char> = if let Some(syllable) = decompose(character) {
        syllable.split_jamo().chars().collect()
    } else if is_compatibility_consonant(character) || is_compatibility_vowel(character) {
        match split_compound_jamo(character) {
            Some((first, second)) => vec![first, second],
            None => vec![character],
        }
    } else {
        return None;
    };
    Some(letters)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn typed(keys: &str) -> Composer {
        let mut composer = Composer::new();
        for key in keys.chars() {
            composer
                .push_latin_key(key)
                .unwrap_or_else(|error| panic!("{error}"));
        }
        composer
    }

    #[test]
    fn latin_keys_type_hangul() {
        let cases = [
            ("gks", "한"),
            ("dkssudgktpdy", "안녕하세요"),
            ("GKS", "한"),
            ("rksk", "가나"),
            ("ekfr", "닭"),
            ("ekfrk", "달가"),
            ("rkqt", "값"),
            ("rkqtdl", "값이"),
            ("eogksalsrnr", "대한민국"),
            ("tkfkdgo", "사랑해"),
            ("dhk", "와"),
            ("rhk", "과"),
            ("rhos", "괜"),
            ("dnjs", "원"),
            ("dnl", "위"),
            ("dml", "의"),
            ("dmlwk", "의자"),
            ("Rhc", "꽃"),
            ("Tkd", "쌍"),
            ("rkRk", "가까"),
            ("rkEk", "가따"),
            ("akfrrp", "맑게"),
            ("dlfrdj", "읽어"),
            ("ckwrh", "찾고"),
            ("dksgdk", "않아"),
            ("dhk dhk", "와 와"),
            ("hk", "ㅘ"),
            ("kkk", "ㅏㅏㅏ"),
            ("rrr", "ㄱㄱㄱ"),
            ("Odi", "ㅒ야"),
            ("dPtns", "예순"),
            ("dkssud, 123!", "안녕, 123!"),
            ("", ""),
        ];
        for (keys, expected) in cases {
            assert_eq!(latin_to_hangul(keys), expected, "{keys}");
        }
    }

    #[test]
    fn finals_move_to_a_following_vowel() {
        let mut composer = typed("rks");
        assert_eq!(composer.text(), "간");
        assert_eq!(composer.committed(), "");
        composer
            .push_latin_key('k')
            .unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(composer.text(), "가나");
        assert_eq!(composer.committed(), "가");
        assert_eq!(composer.composing(), Some('나'));

        let mut compound = typed("ekfr");
        assert_eq!(compound.composing(), Some('닭'));
        compound
            .push_latin_key('k')
            .unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(compound.committed(), "달");
        assert_eq!(compound.composing(), Some('가'));
    }

    #[test]
    fn compound_letters_join() {
        let vowels = [
            ("ㅗㅏ", "ㅘ"),
            ("ㅗㅐ", "ㅙ"),
            ("ㅗㅣ", "ㅚ"),
            ("ㅜㅓ", "ㅝ"),
            ("ㅜㅔ", "ㅞ"),
            ("ㅜㅣ", "ㅟ"),
            ("ㅡㅣ", "ㅢ"),
            ("ㅇㅗㅏ", "와"),
            ("ㄱㅜㅔ", "궤"),
            ("ㅏㅗ", "ㅏㅗ"),
        ];
        for (letters, expected) in vowels {
            assert_eq!(compose_jamo_string(letters), expected, "{letters}");
        }
        let finals = [
            ("ㄱㅏㄱㅅ", "갃"),
            ("ㅇㅏㄴㅈ", "앉"),
            ("ㅁㅏㄴㅎ", "많"),
            ("ㄷㅏㄹㄱ", "닭"),
            ("ㅅㅏㄹㅁ", "삶"),
            ("ㅇㅕㄷㅓㄹㅂ", "여덟"),
            ("ㅇㅗㅣㄱㅗㄹㅅ", "외곬"),
            ("ㅎㅏㄹㅌ", "핥"),
            ("ㅇㅡㄹㅍ", "읊"),
            ("ㅅㅣㄹㅎ", "싫"),
            ("ㄱㅏㅂㅅ", "값"),
            ("ㄱㅏㄱㄱ", "각ㄱ"),
            ("ㄱㅏㄴㄴ", "간ㄴ"),
        ];
        for (letters, expected) in finals {
            assert_eq!(compose_jamo_string(letters), expected, "{letters}");
        }
    }

    #[test]
    fn compound_letters_pushed_whole() {
        let mut composer = Composer::new();
        for letter in ['ㄱ', 'ㅘ', 'ㄴ'] {
            composer
                .push_jamo(letter)
                .unwrap_or_else(|error| panic!("{error}"));
        }
        assert_eq!(composer.text(), "관");
        let mut with_compound_final = Composer::new();
        for letter in ['ㄱ', 'ㅏ', 'ㅄ', 'ㅣ'] {
            with_compound_final
                .push_jamo(letter)
                .unwrap_or_else(|error| panic!("{error}"));
        }
        assert_eq!(with_compound_final.text(), "갑시");
        assert_eq!(compose_jamo_string("ㄳ"), "ㄳ");
        assert_eq!(compose_jamo_string("ㄱㄳ"), "ㄱㄳ");
    }

    #[test]
    fn conjoining_jamo_are_accepted() {
        assert_eq!(compose_jamo_string("\u{1112}\u{1161}\u{11AB}"), "한");
    }

    #[test]
    fn backspace_removes_one_letter_at_a_time() {
        let cases: [(&str, &[&str]); 5] = [
            ("gks", &["한", "하", "ㅎ", ""]),
            ("rhos", &["괜", "괘", "고", "ㄱ", ""]),
            ("ekfr", &["닭", "달", "다", "ㄷ", ""]),
            ("rksk", &["가나", "가ㄴ", "가", "ㄱ", ""]),
            ("ekfrk", &["달가", "달ㄱ", "달", "다", "ㄷ", ""]),
        ];
        for (keys, states) in cases {
            let mut composer = typed(keys);
            assert_eq!(composer.text(), states[0], "{keys}");
            for expected in &states[1..] {
                assert!(composer.backspace(), "{keys}");
                assert_eq!(composer.text(), *expected, "{keys}");
            }
            assert!(!composer.backspace(), "{keys}");
            assert!(composer.is_empty(), "{keys}");
        }
    }

    #[test]
    fn backspace_then_typing_continues_the_syllable() {
        let mut composer = typed("gks");
        composer.backspace();
        composer
            .push_latin_key('a')
            .unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(composer.text(), "함");
        let mut vowel_fix = typed("rhk");
        vowel_fix.backspace();
        assert_eq!(vowel_fix.text(), "고");
        vowel_fix
            .push_latin_key('l')
            .unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(vowel_fix.text(), "괴");
    }

    #[test]
    fn backspace_removes_other_characters_whole() {
        let mut composer = Composer::new();
        composer.push_char('a');
        composer.push_char('!');
        composer.push_char('ㄱ');
        assert_eq!(composer.text(), "a!ㄱ");
        assert!(composer.backspace());
        assert_eq!(composer.text(), "a!");
        assert!(composer.backspace());
        assert_eq!(composer.text(), "a");
        composer.clear();
        assert!(composer.is_empty());
    }

    #[test]
    fn invalid_keys_and_letters_are_reported() {
        let mut composer = typed("gk");
        assert_eq!(
            composer.push_latin_key('1'),
            Err(ComposerError::NotADubeolsikKey('1'))
        );
        assert_eq!(composer.push_jamo('a'), Err(ComposerError::NotAJamo('a')));
        assert_eq!(composer.push_jamo('한'), Err(ComposerError::NotAJamo('한')));
        // A rejected key leaves the text as it was.
        assert_eq!(composer.text(), "하");
        assert_eq!(
            ComposerError::NotADubeolsikKey('1').to_string(),
            "'1' is not a key of the dubeolsik layout"
        );
    }

    #[test]
    fn key_map_matches_the_standard_layout() {
        assert_eq!(latin_key_to_jamo('q'), Some('ㅂ'));
        assert_eq!(latin_key_to_jamo('Q'), Some('ㅃ'));
        assert_eq!(latin_key_to_jamo('A'), Some('ㅁ'));
        assert_eq!(latin_key_to_jamo('P'), Some('ㅖ'));
        assert_eq!(latin_key_to_jamo('1'), None);
        assert_eq!(jamo_to_latin_key('ㄲ'), Some('R'));
        assert_eq!(jamo_to_latin_key('ㅘ'), None);
        // Every simple letter has exactly one key: 19 consonants and 14 vowels.
        let letters: std::collections::HashSet<char> =
            KEY_LETTERS.iter().map(|&(_, letter)| letter).collect();
        assert_eq!(letters.len(), 33);
        assert_eq!(hangul_to_latin("안녕하세요"), "dkssudgktpdy");
        assert_eq!(hangul_to_latin("괜찮아, 꽃!"), "rhoscksgdk, Rhc!");
    }

    proptest! {
        #[test]
        fn typing_the_keys_of_any_syllable_text_gives_it_back(
            code_points in proptest::collection::vec(0xAC00u32..=0xD7A3, 0..12)
        ) {
            let text: String = code_points.into_iter().filter_map(char::from_u32).collect();
            prop_assert_eq!(latin_to_hangul(&hangul_to_latin(&text)), text);
        }

        #[test]
        fn backspacing_everything_empties_the_composer(keys in "[a-zA-Z ]{0,20}") {
            let mut composer = Composer::new();
            for key in keys.chars() {
                if composer.push_latin_key(key).is_err() {
                    composer.push_char(key);
                }
            }
            let mut presses = 0;
            while composer.backspace() {
                presses += 1;
                prop_assert!(presses <= keys.chars().count() * 2);
            }
            prop_assert!(composer.is_empty());
        }
    }
}
