//! The Hangul jamo model: syllables, their letters, and the three ways Unicode writes them.
//!
//! Unicode writes Korean in three forms, and learners' devices produce all of them:
//!
//! * **Precomposed syllables** (U+AC00..=U+D7A3, e.g. `한`), what normal text uses. Each of the
//!   11,172 code points is computed from an initial consonant, a medial vowel and an optional
//!   final consonant, so decomposition and composition are arithmetic, not tables.
//! * **Conjoining jamo** (initials U+1100.., medials U+1161.., finals U+11A8..), what NFD
//!   produces and what some input methods emit while composing. Initial and final consonants are
//!   different code points here (`ᄀ` U+1100 versus `ᆨ` U+11A8).
//! * **Compatibility jamo** (U+3131..=U+318E, e.g. `ㄱ`, `ㅏ`), the letters a learner sees on a
//!   keyboard and in lesson text about the alphabet. A consonant has one code point whatever its
//!   position, so converting it to conjoining jamo needs to know the position.
//!
//! The typed letters [`Initial`], [`Medial`] and [`Final`] make an impossible syllable
//! unrepresentable: [`Syllable::to_char`] cannot fail. Compound letters (`ㅘ` = `ㅗ` + `ㅏ`,
//! `ㄳ` = `ㄱ` + `ㅅ`) split and join here because the keyboard automaton, grading and
//! romanization all reason about them.
//!
//! Only modern Hangul (the letters the 11,172 syllables use) is modelled with types. The archaic
//! compatibility letters (U+3164..=U+318E) still convert to and from conjoining jamo through
//! their Unicode compatibility decompositions, so no Hangul letter is silently dropped.

use std::fmt;

use serde::{Deserialize, Serialize};
use thiserror::Error;
use unicode_normalization::UnicodeNormalization;

/// The first precomposed Hangul syllable, `가`.
pub const FIRST_SYLLABLE: char = '\u{AC00}';
/// The last precomposed Hangul syllable, `힣`.
pub const LAST_SYLLABLE: char = '\u{D7A3}';
/// How many precomposed syllables Unicode has: 19 initials × 21 medials × 28 final choices.
pub const SYLLABLE_COUNT: u32 = 11_172;

const SYLLABLE_BASE: u32 = 0xAC00;
const MEDIAL_COUNT: u32 = 21;
/// Final choices including "no final", which is why it is one more than the 27 finals.
const FINAL_CHOICES: u32 = 28;

const CONJOINING_INITIAL_BASE: u32 = 0x1100;
const CONJOINING_MEDIAL_BASE: u32 = 0x1161;
/// The conjoining final for index `n` (1..=27) is this base plus `n`.
const CONJOINING_FINAL_BASE: u32 = 0x11A7;
const COMPATIBILITY_MEDIAL_BASE: u32 = 0x314F;

/// The 19 initial consonants in Unicode order, as compatibility letters.
const INITIAL_LETTERS: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];

/// The 27 final consonants in Unicode order (index 1..=27), as compatibility letters.
const FINAL_LETTERS: [char; 27] = [
    'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ',
    'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ',
];

/// Compound vowels and the two keyboard vowels they are typed from.
const COMPOUND_MEDIALS: [(char, char, char); 7] = [
    ('ㅘ', 'ㅗ', 'ㅏ'),
    ('ㅙ', 'ㅗ', 'ㅐ'),
    ('ㅚ', 'ㅗ', 'ㅣ'),
    ('ㅝ', 'ㅜ', 'ㅓ'),
    ('ㅞ', 'ㅜ', 'ㅔ'),
    ('ㅟ', 'ㅜ', 'ㅣ'),
    ('ㅢ', 'ㅡ', 'ㅣ'),
];

/// Compound final consonants (겹받침) and their two parts. The tense finals `ㄲ` and `ㅆ` are
/// not compounds: they are single letters with their own key.
const COMPOUND_FINALS: [(char, char, char); 11] = [
    ('ㄳ', 'ㄱ', 'ㅅ'),
    ('ㄵ', 'ㄴ', 'ㅈ'),
    ('ㄶ', 'ㄴ', 'ㅎ'),
    ('ㄺ', 'ㄹ', 'ㄱ'),
    ('ㄻ', 'ㄹ', 'ㅁ'),
    ('ㄼ', 'ㄹ', 'ㅂ'),
    ('ㄽ', 'ㄹ', 'ㅅ'),
    ('ㄾ', 'ㄹ', 'ㅌ'),
    ('ㄿ', 'ㄹ', 'ㅍ'),
    ('ㅀ', 'ㄹ', 'ㅎ'),
    ('ㅄ', 'ㅂ', 'ㅅ'),
];

/// Why a set of letters does not make a Hangul syllable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum JamoError {
    /// The character cannot begin a syllable (for example `ㄳ` or `ㅏ`).
    #[error("{0:?} is not an initial consonant")]
    NotAnInitial(char),
    /// The character cannot be the vowel of a syllable.
    #[error("{0:?} is not a medial vowel")]
    NotAMedial(char),
    /// The character cannot end a syllable (for example `ㄸ`).
    #[error("{0:?} is not a final consonant")]
    NotAFinal(char),
}

/// Where a jamo stands in a syllable. Conjoining jamo encode it; compatibility jamo do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JamoPosition {
    /// The consonant that begins the syllable (초성).
    Initial,
    /// The vowel (중성).
    Medial,
    /// The consonant that ends the syllable (종성, 받침).
    Final,
}

/// An initial consonant (초성), one of the 19 that precomposed syllables use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Initial(u8);

/// A medial vowel (중성), one of the 21 that precomposed syllables use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Medial(u8);

/// A final consonant (종성), one of the 27 that precomposed syllables use. "No final" is
/// `Option::None`, never a `Final`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Final(u8);

impl Initial {
    /// How many initial consonants there are.
    pub const COUNT: u8 = 19;

    /// The initial with Unicode index `index` (0 = `ㄱ` .. 18 = `ㅎ`).
    pub fn from_index(index: u8) -> Option<Self> {
        (index < Self::COUNT).then_some(Self(index))
    }

    /// The Unicode index of this initial (0..19).
    pub fn index(self) -> u8 {
        self.0
    }

    /// The initial written by a compatibility letter such as `ㄱ`; `None` for letters that
    /// cannot begin a syllable (vowels, compound finals such as `ㄳ`).
    pub fn from_compatibility(letter: char) -> Option<Self> {
        position_of(&INITIAL_LETTERS, letter).map(Self)
    }

    /// The initial written by a conjoining initial jamo (U+1100..=U+1112).
    pub fn from_conjoining(jamo: char) -> Option<Self> {
        let index = (jamo as u32).checked_sub(CONJOINING_INITIAL_BASE)?;
        u8::try_from(index).ok().and_then(Self::from_index)
    }

    /// This initial as a compatibility letter, e.g. `ㄱ`.
    pub fn compatibility(self) -> char {
        INITIAL_LETTERS[usize::from(self.0)]
    }

    /// This initial as a conjoining jamo, e.g. U+1100.
    pub fn conjoining(self) -> char {
        char_from(CONJOINING_INITIAL_BASE + u32::from(self.0))
    }

    /// Whether this is the silent initial `ㅇ`, which begins vowel-initial syllables.
    pub fn is_silent(self) -> bool {
        self.compatibility() == 'ㅇ'
    }

    /// All 19 initials in Unicode order.
    pub fn all() -> impl Iterator<Item = Self> {
        (0..Self::COUNT).map(Self)
    }
}

impl Medial {
    /// How many medial vowels there are.
    pub const COUNT: u8 = 21;

    /// The medial with Unicode index `index` (0 = `ㅏ` .. 20 = `ㅣ`).
    pub fn from_index(index: u8) -> Option<Self> {
        (index < Self::COUNT).then_some(Self(index))
    }

    /// The Unicode index of this medial (0..21).
    pub fn index(self) -> u8 {
        self.0
    }

    /// The medial written by a compatibility vowel letter such as `ㅏ`.
    pub fn from_compatibility(letter: char) -> Option<Self> {
        let index = (letter as u32).checked_sub(COMPATIBILITY_MEDIAL_BASE)?;
        u8::try_from(index).ok().and_then(Self::from_index)
    }

    /// The medial written by a conjoining medial jamo (U+1161..=U+1175).
    pub fn from_conjoining(jamo: char) -> Option<Self> {
        let index = (jamo as u32).checked_sub(CONJOINING_MEDIAL_BASE)?;
        u8::try_from(index).ok().and_then(Self::from_index)
    }

    /// This medial as a compatibility letter, e.g. `ㅏ`.
    pub fn compatibility(self) -> char {
        char_from(COMPATIBILITY_MEDIAL_BASE + u32::from(self.0))
    }

    /// This medial as a conjoining jamo, e.g. U+1161.
    pub fn conjoining(self) -> char {
        char_from(CONJOINING_MEDIAL_BASE + u32::from(self.0))
    }

    /// The two vowels a compound vowel is made of (`ㅘ` → `ㅗ`, `ㅏ`); `None` for simple vowels.
    pub fn split(self) -> Option<(Self, Self)> {
        let (first, second) = split_compound_jamo(self.compatibility())?;
        Some((
            Self::from_compatibility(first)?,
            Self::from_compatibility(second)?,
        ))
    }

    /// The compound vowel two vowels make (`ㅜ` + `ㅓ` → `ㅝ`), if they make one.
    pub fn join(first: Self, second: Self) -> Option<Self> {
        join_compound_jamo(first.compatibility(), second.compatibility())
            .and_then(Self::from_compatibility)
    }

    /// All 21 medials in Unicode order.
    pub fn all() -> impl Iterator<Item = Self> {
        (0..Self::COUNT).map(Self)
    }
}

impl Final {
    /// How many final consonants there are.
    pub const COUNT: u8 = 27;

    /// The final with Unicode index `index` (1 = `ㄱ` .. 27 = `ㅎ`); index 0 means "no final"
    /// and gives `None`.
    pub fn from_index(index: u8) -> Option<Self> {
        (1..=Self::COUNT).contains(&index).then_some(Self(index))
    }

    /// The Unicode index of this final (1..=27).
    pub fn index(self) -> u8 {
        self.0
    }

    /// The final written by a compatibility letter such as `ㄱ` or `ㄳ`; `None` for letters
    /// that cannot end a syllable (`ㄸ`, `ㅃ`, `ㅉ`, vowels).
    pub fn from_compatibility(letter: char) -> Option<Self> {
        position_of(&FINAL_LETTERS, letter).map(|index| Self(index + 1))
    }

    /// The final written by a conjoining final jamo (U+11A8..=U+11C2).
    pub fn from_conjoining(jamo: char) -> Option<Self> {
        let index = (jamo as u32).checked_sub(CONJOINING_FINAL_BASE)?;
        u8::try_from(index).ok().and_then(Self::from_index)
    }

    /// This final as a compatibility letter, e.g. `ㄳ`.
    pub fn compatibility(self) -> char {
        FINAL_LETTERS[usize::from(self.0 - 1)]
    }

    /// This final as a conjoining jamo, e.g. U+11AA.
    pub fn conjoining(self) -> char {
        char_from(CONJOINING_FINAL_BASE + u32::from(self.0))
    }

    /// The two consonants a compound final is made of (`ㄺ` → `ㄹ`, `ㄱ`); `None` for single
    /// finals, including the tense `ㄲ` and `ㅆ`.
    pub fn split(self) -> Option<(Self, Self)> {
        let (first, second) = split_compound_jamo(self.compatibility())?;
        Some((
            Self::from_compatibility(first)?,
            Self::from_compatibility(second)?,
        ))
    }

    /// The compound final two finals make (`ㄹ` + `ㄱ` → `ㄺ`), if they make one.
    pub fn join(first: Self, second: Self) -> Option<Self> {
        join_compound_jamo(first.compatibility(), second.compatibility())
            .and_then(Self::from_compatibility)
    }

    /// The same consonant as an initial, for the finals that have one (`ㄱ` yes, `ㄳ` no).
    pub fn as_initial(self) -> Option<Initial> {
        Initial::from_compatibility(self.compatibility())
    }

    /// All 27 finals in Unicode order.
    pub fn all() -> impl Iterator<Item = Self> {
        (1..=Self::COUNT).map(Self)
    }
}

impl fmt::Display for Initial {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}", self.compatibility())
    }
}

impl fmt::Display for Medial {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}", self.compatibility())
    }
}

impl fmt::Display for Final {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}", self.compatibility())
    }
}

/// One precomposed Hangul syllable taken apart into its letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Syllable {
    /// The initial consonant; `ㅇ` for syllables that start with a vowel sound.
    pub initial: Initial,
    /// The vowel.
    pub medial: Medial,
    /// The final consonant (받침), if any.
    pub final_: Option<Final>,
}

impl Syllable {
    /// A syllable from typed letters; every combination is a valid syllable.
    pub fn new(initial: Initial, medial: Medial, final_: Option<Final>) -> Self {
        Self {
            initial,
            medial,
            final_,
        }
    }

    /// A syllable from compatibility or conjoining jamo characters, saying which letter is
    /// wrong when they do not make one.
    pub fn from_jamo(initial: char, medial: char, final_: Option<char>) -> Result<Self, JamoError> {
        let typed_initial = Initial::from_compatibility(initial)
            .or_else(|| Initial::from_conjoining(initial))
            .ok_or(JamoError::NotAnInitial(initial))?;
        let typed_medial = Medial::from_compatibility(medial)
            .or_else(|| Medial::from_conjoining(medial))
            .ok_or(JamoError::NotAMedial(medial))?;
        let typed_final = match final_ {
            None => None,
            Some(letter) => Some(
                Final::from_compatibility(letter)
                    .or_else(|| Final::from_conjoining(letter))
                    .ok_or(JamoError::NotAFinal(letter))?,
            ),
        };
        Ok(Self::new(typed_initial, typed_medial, typed_final))
    }

    /// The precomposed character for this syllable.
    pub fn to_char(self) -> char {
        let final_index = self.final_.map_or(0, |letter| u32::from(letter.0));
        let offset = (u32::from(self.initial.0) * MEDIAL_COUNT + u32::from(self.medial.0))
            * FINAL_CHOICES
            + final_index;
        char_from(SYLLABLE_BASE + offset)
    }

    /// The syllable's letters as compatibility jamo, e.g. `한` → `ㅎㅏㄴ`.
    pub fn compatibility_jamo(self) -> String {
        let mut letters = String::with_capacity(9);
        letters.push(self.initial.compatibility());
        letters.push(self.medial.compatibility());
        if let Some(final_letter) = self.final_ {
            letters.push(final_letter.compatibility());
        }
        letters
    }

    /// The syllable's letters as conjoining jamo, which is also its NFD form.
    pub fn conjoining_jamo(self) -> String {
        let mut letters = String::with_capacity(9);
        letters.push(self.initial.conjoining());
        letters.push(self.medial.conjoining());
        if let Some(final_letter) = self.final_ {
            letters.push(final_letter.conjoining());
        }
        letters
    }

    /// The syllable's letters with compound vowels and finals split into the simple letters
    /// they are typed from, e.g. `괜` → `ㄱㅗㅐㄴ`, `닭` → `ㄷㅏㄹㄱ`. Tense consonants
    /// (`ㄲ`, `ㅆ`, ...) stay whole because they are one letter and one key.
    pub fn split_jamo(self) -> String {
        let mut letters = String::with_capacity(15);
        letters.push(self.initial.compatibility());
        push_split_letter(&mut letters, self.medial.compatibility());
        if let Some(final_letter) = self.final_ {
            push_split_letter(&mut letters, final_letter.compatibility());
        }
        letters
    }
}

impl fmt::Display for Syllable {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{}", self.to_char())
    }
}

/// Whether `character` is one of the 11,172 precomposed Hangul syllables.
pub fn is_syllable(character: char) -> bool {
    (FIRST_SYLLABLE..=LAST_SYLLABLE).contains(&character)
}

/// Whether `character` is a compatibility jamo letter (U+3131..=U+318E), modern or archaic.
pub fn is_compatibility_jamo(character: char) -> bool {
    ('\u{3131}'..='\u{318E}').contains(&character)
}

/// Whether `character` is a conjoining jamo, modern or archaic, including the extended blocks.
pub fn is_conjoining_jamo(character: char) -> bool {
    conjoining_position(character).is_some()
}

/// Whether `character` is Hangul of any form: a syllable, a compatibility or conjoining jamo.
pub fn is_hangul(character: char) -> bool {
    is_syllable(character) || is_compatibility_jamo(character) || is_conjoining_jamo(character)
}

/// Whether a compatibility letter is a modern consonant (`ㄱ`..`ㅎ`, including compounds).
pub fn is_compatibility_consonant(letter: char) -> bool {
    ('\u{3131}'..='\u{314E}').contains(&letter)
}

/// Whether a compatibility letter is a modern vowel (`ㅏ`..`ㅣ`).
pub fn is_compatibility_vowel(letter: char) -> bool {
    ('\u{314F}'..='\u{3163}').contains(&letter)
}

/// The position a conjoining jamo encodes, or `None` when `character` is not conjoining jamo.
/// The fillers U+115F and U+1160 count as initial and medial, as Unicode classes them.
pub fn conjoining_position(character: char) -> Option<JamoPosition> {
    match character {
        '\u{1100}'..='\u{115F}' | '\u{A960}'..='\u{A97C}' => Some(JamoPosition::Initial),
        '\u{1160}'..='\u{11A7}' | '\u{D7B0}'..='\u{D7C6}' => Some(JamoPosition::Medial),
        '\u{11A8}'..='\u{11FF}' | '\u{D7CB}'..='\u{D7FB}' => Some(JamoPosition::Final),
        _ => None,
    }
}

/// Takes a precomposed syllable apart; `None` for anything else.
pub fn decompose(syllable: char) -> Option<Syllable> {
    let offset = (syllable as u32).checked_sub(SYLLABLE_BASE)?;
    if offset >= SYLLABLE_COUNT {
        return None;
    }
    // The quotients are bounded by the counts above, so the narrowing cannot fail; it is
    // still written without unwrap so no input can panic here.
    let initial = u8::try_from(offset / (MEDIAL_COUNT * FINAL_CHOICES)).ok()?;
    let medial = u8::try_from((offset / FINAL_CHOICES) % MEDIAL_COUNT).ok()?;
    let final_index = u8::try_from(offset % FINAL_CHOICES).ok()?;
    Some(Syllable {
        initial: Initial::from_index(initial)?,
        medial: Medial::from_index(medial)?,
        final_: Final::from_index(final_index),
    })
}

/// Builds a precomposed syllable from jamo characters, each either compatibility (`ㄱ`) or
/// conjoining (U+1100) form; `None` when they do not make a syllable. Use
/// [`Syllable::from_jamo`] to learn which letter was wrong.
pub fn compose(initial: char, medial: char, final_: Option<char>) -> Option<char> {
    Syllable::from_jamo(initial, medial, final_)
        .ok()
        .map(Syllable::to_char)
}

/// The conjoining jamo for a compatibility letter at `position`, e.g. (`ㄱ`, initial) → U+1100,
/// (`ㄱ`, final) → U+11A8. `None` when the letter cannot stand there (`ㄸ` as a final) or is
/// not a compatibility letter. Archaic letters map through their Unicode decomposition.
pub fn compatibility_to_conjoining(letter: char, position: JamoPosition) -> Option<char> {
    let modern = match position {
        JamoPosition::Initial => Initial::from_compatibility(letter).map(Initial::conjoining),
        JamoPosition::Medial => Medial::from_compatibility(letter).map(Medial::conjoining),
        JamoPosition::Final => Final::from_compatibility(letter).map(Final::conjoining),
    };
    if modern.is_some() || is_compatibility_consonant(letter) || is_compatibility_vowel(letter) {
        return modern;
    }
    archaic_compatibility_to_conjoining(letter)
        .filter(|&conjoining| conjoining_position(conjoining) == Some(position))
}

/// The compatibility letter for a conjoining jamo of any position, e.g. U+1100 → `ㄱ`,
/// U+11A8 → `ㄱ`. `None` for characters that are not conjoining jamo, and for the archaic
/// conjoining jamo that have no compatibility letter.
pub fn conjoining_to_compatibility(jamo: char) -> Option<char> {
    if let Some(initial) = Initial::from_conjoining(jamo) {
        return Some(initial.compatibility());
    }
    if let Some(medial) = Medial::from_conjoining(jamo) {
        return Some(medial.compatibility());
    }
    if let Some(final_letter) = Final::from_conjoining(jamo) {
        return Some(final_letter.compatibility());
    }
    conjoining_position(jamo)?;
    // Archaic letters: search the archaic compatibility block for the letter whose
    // compatibility decomposition is this jamo. The block is 43 letters, so a scan is cheap.
    ('\u{3164}'..='\u{318E}')
        .find(|&letter| archaic_compatibility_to_conjoining(letter) == Some(jamo))
}

/// The two letters a compound vowel or compound final is made of, as compatibility letters
/// (`ㅘ` → (`ㅗ`, `ㅏ`), `ㄳ` → (`ㄱ`, `ㅅ`)); `None` for every other character.
pub fn split_compound_jamo(letter: char) -> Option<(char, char)> {
    COMPOUND_MEDIALS
        .iter()
        .chain(COMPOUND_FINALS.iter())
        .find(|(compound, _, _)| *compound == letter)
        .map(|&(_, first, second)| (first, second))
}

/// The compound vowel or compound final two compatibility letters make (`ㅗ` + `ㅏ` → `ㅘ`,
/// `ㄹ` + `ㄱ` → `ㄺ`); `None` when they make none.
pub fn join_compound_jamo(first: char, second: char) -> Option<char> {
    COMPOUND_MEDIALS
        .iter()
        .chain(COMPOUND_FINALS.iter())
        .find(|(_, part_one, part_two)| *part_one == first && *part_two == second)
        .map(|&(compound, _, _)| compound)
}

/// Rewrites every syllable and conjoining jamo as compatibility letters, e.g. `한글!` →
/// `ㅎㅏㄴㄱㅡㄹ!`. Compound letters stay whole; other characters pass through unchanged.
pub fn to_jamo_string(text: &str) -> String {
    let mut letters = String::with_capacity(text.len() * 3);
    for character in text.chars() {
        if let Some(syllable) = decompose(character) {
            letters.push_str(&syllable.compatibility_jamo());
        } else if let Some(letter) = conjoining_to_compatibility(character) {
            letters.push(letter);
        } else {
            letters.push(character);
        }
    }
    letters
}

/// Like [`to_jamo_string`] but with compound vowels and finals split into the letters they are
/// typed from, e.g. `괜찮아` → `ㄱㅗㅐㄴㅊㅏㄴㅎㅇㅏ`. This is the keystroke view of a text.
pub fn to_split_jamo_string(text: &str) -> String {
    let mut letters = String::with_capacity(text.len() * 4);
    for character in to_jamo_string(text).chars() {
        push_split_letter(&mut letters, character);
    }
    letters
}

/// Rewrites every syllable as conjoining jamo (its NFD form) and every modern compatibility
/// letter as conjoining jamo: a consonant becomes an initial unless only a final can write it
/// (`ㄳ`), a vowel becomes a medial. Other characters pass through unchanged.
pub fn to_conjoining_string(text: &str) -> String {
    let mut letters = String::with_capacity(text.len() * 3);
    for character in text.chars() {
        if let Some(syllable) = decompose(character) {
            letters.push_str(&syllable.conjoining_jamo());
            continue;
        }
        let converted = compatibility_to_conjoining(character, JamoPosition::Initial)
            .or_else(|| compatibility_to_conjoining(character, JamoPosition::Medial))
            .or_else(|| compatibility_to_conjoining(character, JamoPosition::Final));
        letters.push(converted.unwrap_or(character));
    }
    letters
}

/// Composes conjoining jamo sequences back into precomposed syllables (the Hangul part of
/// NFC), e.g. what an input method left decomposed. Everything else is NFC-normalized too.
pub fn from_conjoining_string(text: &str) -> String {
    text.nfc().collect()
}

fn push_split_letter(letters: &mut String, letter: char) {
    match split_compound_jamo(letter) {
        Some((first, second)) => {
            letters.push(first);
            letters.push(second);
        }
        None => letters.push(letter),
    }
}

fn archaic_compatibility_to_conjoining(letter: char) -> Option<char> {
    if !('\u{3164}'..='\u{318E}').contains(&letter) {
        return None;
    }
    let mut decomposed = std::iter::once(letter).nfkd();
    let conjoining = decomposed.next()?;
    // A letter whose decomposition is more than one jamo has no single conjoining equivalent.
    if decomposed.next().is_some() {
        return None;
    }
    conjoining_position(conjoining).map(|_| conjoining)
}

fn position_of(letters: &[char], letter: char) -> Option<u8> {
    letters
        .iter()
        .position(|&candidate| candidate == letter)
        .and_then(|index| u8::try_from(index).ok())
}

/// Turns a code point computed from valid jamo indices into a char. Every caller passes a
/// value inside a Hangul block, so the replacement character is unreachable; it exists so that
/// no arithmetic here can panic.
fn char_from(code_point: u32) -> char {
    char::from_u32(code_point).unwrap_or(char::REPLACEMENT_CHARACTER)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_syllable_round_trips_through_decompose_and_compose() {
        let mut count = 0;
        for code_point in SYLLABLE_BASE..SYLLABLE_BASE + SYLLABLE_COUNT {
            let character = char::from_u32(code_point).expect("syllable block is valid");
            let syllable = decompose(character).expect("every syllable decomposes");
            assert_eq!(syllable.to_char(), character);
            let final_letter = syllable.final_.map(Final::compatibility);
            assert_eq!(
                compose(
                    syllable.initial.compatibility(),
                    syllable.medial.compatibility(),
                    final_letter
                ),
                Some(character)
            );
            let final_jamo = syllable.final_.map(Final::conjoining);
            assert_eq!(
                compose(
                    syllable.initial.conjoining(),
                    syllable.medial.conjoining(),
                    final_jamo
                ),
                Some(character)
            );
            count += 1;
        }
        assert_eq!(count, 11_172);
    }

    #[test]
    fn every_syllable_matches_unicode_nfd_and_nfc() {
        for code_point in SYLLABLE_BASE..SYLLABLE_BASE + SYLLABLE_COUNT {
            let character = char::from_u32(code_point).expect("syllable block is valid");
            let syllable = decompose(character).expect("every syllable decomposes");
            let nfd: String = character.to_string().nfd().collect();
            assert_eq!(syllable.conjoining_jamo(), nfd);
            assert_eq!(from_conjoining_string(&nfd), character.to_string());
            assert_eq!(to_conjoining_string(&character.to_string()), nfd);
        }
    }

    #[test]
    fn decompose_rejects_everything_outside_the_syllable_block() {
        for character in ['a', 'ㄱ', '\u{1100}', '\u{ABFF}', '\u{D7A4}', '漢', ' '] {
            assert_eq!(decompose(character), None, "{character:?}");
        }
    }

    #[test]
    fn decompose_names_the_letters() {
        let syllable = decompose('한').expect("한 is a syllable");
        assert_eq!(syllable.initial.compatibility(), 'ㅎ');
        assert_eq!(syllable.medial.compatibility(), 'ㅏ');
        assert_eq!(syllable.final_.map(Final::compatibility), Some('ㄴ'));
        let open = decompose('가').expect("가 is a syllable");
        assert_eq!(open.final_, None);
        let compound = decompose('닭').expect("닭 is a syllable");
        assert_eq!(compound.final_.map(Final::compatibility), Some('ㄺ'));
    }

    #[test]
    fn compose_explains_invalid_letters() {
        assert_eq!(
            Syllable::from_jamo('ㄳ', 'ㅏ', None),
            Err(JamoError::NotAnInitial('ㄳ'))
        );
        assert_eq!(
            Syllable::from_jamo('ㄱ', 'ㄱ', None),
            Err(JamoError::NotAMedial('ㄱ'))
        );
        assert_eq!(
            Syllable::from_jamo('ㄱ', 'ㅏ', Some('ㄸ')),
            Err(JamoError::NotAFinal('ㄸ'))
        );
        assert_eq!(compose('ㄱ', 'ㅏ', Some('ㄸ')), None);
        assert_eq!(compose('ㅎ', 'ㅏ', Some('ㄴ')), Some('한'));
        assert_eq!(compose('ㄷ', 'ㅏ', Some('ㄺ')), Some('닭'));
        assert_eq!(
            JamoError::NotAFinal('ㄸ').to_string(),
            "'ㄸ' is not a final consonant"
        );
    }

    #[test]
    fn every_modern_compatibility_letter_round_trips_through_conjoining() {
        let mut converted = 0;
        for letter in '\u{3131}'..='\u{3163}' {
            let mut positions = 0;
            for position in [
                JamoPosition::Initial,
                JamoPosition::Medial,
                JamoPosition::Final,
            ] {
                if let Some(jamo) = compatibility_to_conjoining(letter, position) {
                    assert_eq!(conjoining_position(jamo), Some(position), "{letter}");
                    assert_eq!(conjoining_to_compatibility(jamo), Some(letter));
                    positions += 1;
                    converted += 1;
                }
            }
            assert!(positions >= 1, "{letter} has no conjoining form");
        }
        // 19 initials + 21 medials + 27 finals.
        assert_eq!(converted, 67);
    }

    #[test]
    fn every_modern_conjoining_jamo_round_trips_through_compatibility() {
        for initial in Initial::all() {
            let letter = conjoining_to_compatibility(initial.conjoining()).expect("modern");
            assert_eq!(
                compatibility_to_conjoining(letter, JamoPosition::Initial),
                Some(initial.conjoining())
            );
        }
        for medial in Medial::all() {
            let letter = conjoining_to_compatibility(medial.conjoining()).expect("modern");
            assert_eq!(
                compatibility_to_conjoining(letter, JamoPosition::Medial),
                Some(medial.conjoining())
            );
        }
        for final_letter in Final::all() {
            let letter = conjoining_to_compatibility(final_letter.conjoining()).expect("modern");
            assert_eq!(
                compatibility_to_conjoining(letter, JamoPosition::Final),
                Some(final_letter.conjoining())
            );
        }
    }

    #[test]
    fn compatibility_conversion_agrees_with_unicode_compatibility_decomposition() {
        // NFKD maps each archaic compatibility letter to one conjoining jamo, and ours must
        // agree. Modern letters are tested above instead: Unicode maps a few modern compound
        // finals (ㅀ, ㅄ) to archaic *initial* jamo, which is not what a learner's text means.
        for letter in '\u{3164}'..='\u{318E}' {
            let nfkd: String = letter.to_string().nfkd().collect();
            let mut nfkd_chars = nfkd.chars();
            let (Some(jamo), None) = (nfkd_chars.next(), nfkd_chars.next()) else {
                continue;
            };
            let Some(position) = conjoining_position(jamo) else {
                continue;
            };
            assert_eq!(
                compatibility_to_conjoining(letter, position),
                Some(jamo),
                "{letter}"
            );
            assert_eq!(conjoining_to_compatibility(jamo), Some(letter), "{letter}");
        }
    }

    #[test]
    fn positions_that_cannot_hold_a_letter_are_refused() {
        assert_eq!(compatibility_to_conjoining('ㄸ', JamoPosition::Final), None);
        assert_eq!(
            compatibility_to_conjoining('ㄳ', JamoPosition::Initial),
            None
        );
        assert_eq!(
            compatibility_to_conjoining('ㅏ', JamoPosition::Initial),
            None
        );
        assert_eq!(
            compatibility_to_conjoining('ㄱ', JamoPosition::Medial),
            None
        );
        assert_eq!(
            compatibility_to_conjoining('a', JamoPosition::Initial),
            None
        );
        assert_eq!(conjoining_to_compatibility('ㄱ'), None);
        assert_eq!(conjoining_to_compatibility('a'), None);
        assert_eq!(
            compatibility_to_conjoining('ㄱ', JamoPosition::Initial),
            Some('\u{1100}')
        );
        assert_eq!(
            compatibility_to_conjoining('ㄱ', JamoPosition::Final),
            Some('\u{11A8}')
        );
    }

    #[test]
    fn compound_letters_split_and_join() {
        let cases = [
            ('ㅘ', 'ㅗ', 'ㅏ'),
            ('ㅙ', 'ㅗ', 'ㅐ'),
            ('ㅚ', 'ㅗ', 'ㅣ'),
            ('ㅝ', 'ㅜ', 'ㅓ'),
            ('ㅞ', 'ㅜ', 'ㅔ'),
            ('ㅟ', 'ㅜ', 'ㅣ'),
            ('ㅢ', 'ㅡ', 'ㅣ'),
            ('ㄳ', 'ㄱ', 'ㅅ'),
            ('ㄵ', 'ㄴ', 'ㅈ'),
            ('ㄶ', 'ㄴ', 'ㅎ'),
            ('ㄺ', 'ㄹ', 'ㄱ'),
            ('ㄻ', 'ㄹ', 'ㅁ'),
            ('ㄼ', 'ㄹ', 'ㅂ'),
            ('ㄽ', 'ㄹ', 'ㅅ'),
            ('ㄾ', 'ㄹ', 'ㅌ'),
            ('ㄿ', 'ㄹ', 'ㅍ'),
            ('ㅀ', 'ㄹ', 'ㅎ'),
            ('ㅄ', 'ㅂ', 'ㅅ'),
        ];
        for (compound, first, second) in cases {
            assert_eq!(split_compound_jamo(compound), Some((first, second)));
            assert_eq!(join_compound_jamo(first, second), Some(compound));
        }
        for simple in ['ㄲ', 'ㅆ', 'ㅏ', 'ㅐ', 'ㄱ', 'a'] {
            assert_eq!(split_compound_jamo(simple), None, "{simple}");
        }
        assert_eq!(join_compound_jamo('ㅏ', 'ㅗ'), None);
        assert_eq!(join_compound_jamo('ㄱ', 'ㄱ'), None);
    }

    #[test]
    fn typed_letters_split_and_join() {
        let wa = Medial::from_compatibility('ㅘ').expect("ㅘ is a medial");
        let (o, a) = wa.split().expect("ㅘ is compound");
        assert_eq!((o.compatibility(), a.compatibility()), ('ㅗ', 'ㅏ'));
        assert_eq!(Medial::join(o, a), Some(wa));
        let lg = Final::from_compatibility('ㄺ').expect("ㄺ is a final");
        let (rieul, giyeok) = lg.split().expect("ㄺ is compound");
        assert_eq!(Final::join(rieul, giyeok), Some(lg));
        assert_eq!(lg.as_initial(), None);
        assert_eq!(giyeok.as_initial().map(Initial::compatibility), Some('ㄱ'));
        // Every compound splits into letters that are themselves valid in the same position.
        let compound_medials = Medial::all()
            .filter(|medial| medial.split().is_some())
            .count();
        let compound_finals = Final::all()
            .filter(|letter| letter.split().is_some())
            .count();
        assert_eq!((compound_medials, compound_finals), (7, 11));
    }

    #[test]
    fn whole_strings_convert_and_pass_other_text_through() {
        assert_eq!(to_jamo_string("한글!"), "ㅎㅏㄴㄱㅡㄹ!");
        assert_eq!(to_jamo_string("abc 123"), "abc 123");
        assert_eq!(to_jamo_string("괜찮아"), "ㄱㅙㄴㅊㅏㄶㅇㅏ");
        assert_eq!(to_split_jamo_string("괜찮아"), "ㄱㅗㅐㄴㅊㅏㄴㅎㅇㅏ");
        assert_eq!(to_split_jamo_string("값"), "ㄱㅏㅂㅅ");
        assert_eq!(to_split_jamo_string("ㅘ"), "ㅗㅏ");
        assert_eq!(to_jamo_string("\u{1112}\u{1161}\u{11AB}"), "ㅎㅏㄴ");
        assert_eq!(
            to_conjoining_string("한 ㄱ ㄳ ㅏ x"),
            "\u{1112}\u{1161}\u{11AB} \u{1100} \u{11AA} \u{1161} x"
        );
        assert_eq!(
            from_conjoining_string("\u{1112}\u{1161}\u{11AB}\u{1100}\u{1173}\u{11AF}"),
            "한글"
        );
    }

    #[test]
    fn split_jamo_keeps_tense_consonants_whole() {
        let syllable = decompose('꽊').expect("꽊 is a syllable");
        assert_eq!(syllable.split_jamo(), "ㄲㅗㅏㄲ");
        assert_eq!(syllable.compatibility_jamo(), "ㄲㅘㄲ");
    }

    #[test]
    fn classification_helpers_agree_with_the_blocks() {
        assert!(is_syllable('가') && is_syllable('힣') && !is_syllable('ㄱ'));
        assert!(is_compatibility_jamo('ㄱ') && is_compatibility_jamo('ㆎ'));
        assert!(!is_compatibility_jamo('\u{1100}'));
        assert!(is_conjoining_jamo('\u{1100}') && is_conjoining_jamo('\u{11A8}'));
        assert!(is_hangul('한') && is_hangul('ㅎ') && !is_hangul('h'));
        assert!(is_compatibility_consonant('ㅎ') && !is_compatibility_consonant('ㅏ'));
        assert!(is_compatibility_vowel('ㅣ') && !is_compatibility_vowel('ㅎ'));
        assert!(Initial::from_compatibility('ㅇ').is_some_and(Initial::is_silent));
    }

    proptest! {
        #[test]
        fn nfc_and_nfd_round_trip_any_string(
            text in "(\\PC|[가-힣]|[ㄱ-ㅣ]|[\u{1100}-\u{11FF}]|[a-z ]){0,40}"
        ) {
            let nfc: String = text.nfc().collect();
            let nfd: String = text.nfd().collect();
            prop_assert_eq!(from_conjoining_string(&nfd), nfc.clone());
            // Normalization is stable: normalizing a normal form changes nothing.
            prop_assert_eq!(from_conjoining_string(&nfc), nfc.clone());
            // The jamo view of a text does not depend on which normal form it arrived in;
            // only non-Hangul characters may differ, and those only by their own normal form.
            let jamo_of_nfc: String = to_jamo_string(&nfc).nfc().collect();
            let jamo_of_nfd: String = to_jamo_string(&nfd).nfc().collect();
            prop_assert_eq!(jamo_of_nfc, jamo_of_nfd);
        }

        #[test]
        fn hangul_strings_round_trip_through_conjoining(
            syllables in proptest::collection::vec(0xAC00u32..=0xD7A3, 0..20)
        ) {
            let text: String = syllables.into_iter().filter_map(char::from_u32).collect();
            prop_assert_eq!(from_conjoining_string(&to_conjoining_string(&text)), text);
        }
    }
}
