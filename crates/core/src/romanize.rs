//! Revised Romanization of Korean (국어의 로마자 표기법, Ministry of Culture and Tourism, 2000)
//! for lesson text, with the sound changes between syllables that the system writes.
//!
//! Romanization is a pronunciation aid here: a learner reads `hangugeo` next to `한국어`. The
//! Revised Romanization (RR) transcribes the *standard pronunciation*, so a word is first run
//! through the sound changes of [`crate::pronounce`] (the same pass the audio clips speak,
//! read without tensing and with RR's noun rule for `ㅎ`), then each sound gets its letters.
//!
//! # Implemented
//!
//! * **Letters** (Article 1 and 2 of part 2): vowels, including `ㅢ` → `ui` even where it is
//!   pronounced `ㅣ` (희망 `huimang`); `ㄱ ㄷ ㅂ` as `g d b` before a vowel and `k t p` before
//!   a consonant or at the end of a word; `ㄹ` as `r` before a vowel, `l` before a consonant or
//!   at the end, `ㄹㄹ` as `ll`.
//! * **Final neutralization**: a final is pronounced as one of `ㄱ ㄴ ㄷ ㄹ ㅁ ㅂ ㅇ` (부엌
//!   `bueok`, 옷 `ot`, 꽃 `kkot`, 앞 `ap`).
//! * **Double finals** (겹받침): one of the two is pronounced before a consonant or at the end
//!   (닭 `dak`, 값 `gap`, 앉다 `anda`, 넓다 `neolda`, 삶 `sam`), including `ㄺ` as `ㄹ` before
//!   `ㄱ` in verb stems (맑게 `malge`) and the standard exception 밟 → `ㅂ` (밟다 `bapda`).
//! * **Liaison** (연음): a final moves to a following vowel-initial syllable; of a double
//!   final, the second letter moves (없어요 `eopseoyo`, 읽어 `ilgeo`); a final `ㅎ` is silent
//!   before a vowel (좋아요 `joayo`, 많이 `mani`, 싫어 `sireo`).
//! * **Nasalization**: `ㄱ ㄷ ㅂ` sounds become `ㅇ ㄴ ㅁ` before `ㄴ ㅁ` (국물 `gungmul`,
//!   합니다 `hamnida`); `ㄹ` becomes `ㄴ` after `ㅁ ㅇ` (종로 `jongno`) and after `ㄱ ㅂ`, which
//!   then nasalize too (백로 `baengno`, 독립 `dongnip`, 왕십리 `wangsimni`).
//! * **Liquidization**: `ㄴ` + `ㄹ` and `ㄹ` + `ㄴ` are both `ll` (신라 `silla`, 설날 `seollal`).
//! * **Palatalization**: `ㄷ ㅌ` before the vowel `이` become `ㅈ ㅊ` (굳이 `guji`, 같이
//!   `gachi`, 해돋이 `haedoji`), and `ㄷ` + `히` becomes `치` (굳히다 `guchida`).
//! * **Aspiration with ㅎ**: `ㅎ` (also in `ㄶ ㅀ`) before `ㄱ ㄷ ㅈ` gives `k t ch` (좋고 `joko`,
//!   놓다 `nota`, 낳지 `nachi`, 많다 `manta`), is silent before `ㅅ` and becomes `ㄴ` before
//!   `ㄴ` (놓는 `nonneun`). For `ㄱ ㄷ ㅂ` *before* `ㅎ`, RR writes the aspiration in verb forms
//!   (잡혀 `japyeo`) but keeps `ㅎ` in nouns (묵호 `Mukho`, 집현전 `Jiphyeonjeon`). Without a
//!   dictionary the part of speech is unknown, so the rule applied is: aspirate when the `ㅎ`
//!   syllable is the passive or causative suffix (`히 힌 힐 힘 힙 혀 혔`: 막히다 `makida`,
//!   밝히다 `balkida`), otherwise follow the noun rule and write `h` (축하 `chukha`, 입학
//!   `iphak`, 생각해요 `saenggakhaeyo`). `ㅅ ㅈ ㅊ ㅌ` before `ㅎ` are not covered by the noun
//!   rule and are always aspirated (깨끗하다 `kkaekkeutada`, 못해요 `motaeyo`).
//! * **Tensing is not written** (압구정 `apgujeong`, 낙동강 `nakdonggang`), as RR prescribes.
//! * **Word boundaries**: sound changes apply only inside a run of Hangul syllables, so a space
//!   or punctuation stops them (`밥 먹어` → `bap meogeo`). Everything that is not a Hangul
//!   syllable passes through unchanged, including lone jamo such as `ㅋ`. Runs of conjoining
//!   jamo are composed first, so decomposed (NFD) Hangul romanizes like composed Hangul;
//!   other characters are not normalized.
//!
//! # Not implemented
//!
//! * Hyphens, which RR *allows* to separate ambiguous syllables (중앙 `Jung-ang`, here
//!   `jungang`) and before administrative units (`-do`, `-si`, `-gu`).
//! * Capitals for proper names and the separate rules for personal names (family name first,
//!   no sound changes inside given names): output is always lowercase.
//! * Lexical exceptions that need a dictionary: `ㄴ` insertion (알약 `allyak`, 학여울
//!   `Hangnyeoul`), `ㄹ` read as `ㄴ` after `ㄴ` at some morpheme boundaries (신문로
//!   `Sinmunno`, 의견란 `uigyeonnan`; here `sinmullo`), the part of speech for `ㄱ ㄷ ㅂ` +
//!   `ㅎ` beyond the heuristic above, and readings like 맛있어요 [마딛] versus [마싣].
//!   같이 and 굳이 need no exception: the palatalization rule covers them.

use crate::pronounce::{for_each_word, Pronounced, Reading, Segment};

/// Romanizes Korean text with the Revised Romanization and its sound-change rules; see the
/// module documentation for exactly which rules apply. Non-Hangul text passes through.
///
/// ```
/// use baeum_core::romanize::romanize;
/// assert_eq!(romanize("한국어"), "hangugeo");
/// assert_eq!(romanize("감사합니다!"), "gamsahamnida!");
/// ```
pub fn romanize(korean: &str) -> String {
    let mut romanized = String::with_capacity(korean.len() * 2);
    for_each_word(korean, Reading::Romanization, |segment| match segment {
        Segment::Word(word) => romanize_word(word, &mut romanized),
        Segment::Other(character) => romanized.push(character),
    });
    romanized
}

/// Letters for a word already through the sound changes of [`crate::pronounce`].
fn romanize_word(pronounced: &[Pronounced], romanized: &mut String) {
    let mut previous_final: Option<char> = None;
    for syllable in pronounced {
        if syllable.initial == 'ㄹ' && previous_final == Some('ㄹ') {
            // RR writes ㄹㄹ as ll: the second ㄹ is an l, not an r.
            romanized.push('l');
        } else {
            romanized.push_str(initial_letters(syllable.initial));
        }
        romanized.push_str(medial_letters(syllable.medial));
        if let Some(final_sound) = syllable.final_sound {
            romanized.push_str(final_letters(final_sound));
        }
        previous_final = syllable.final_sound;
    }
}

fn initial_letters(initial: char) -> &'static str {
    match initial {
        'ㄱ' => "g",
        'ㄲ' => "kk",
        'ㄴ' => "n",
        'ㄷ' => "d",
        'ㄸ' => "tt",
        'ㄹ' => "r",
        'ㅁ' => "m",
        'ㅂ' => "b",
        'ㅃ' => "pp",
        'ㅅ' => "s",
        'ㅆ' => "ss",
        'ㅈ' => "j",
        'ㅉ' => "jj",
        'ㅊ' => "ch",
        'ㅋ' => "k",
        'ㅌ' => "t",
        'ㅍ' => "p",
        'ㅎ' => "h",
        // ㅇ as an initial is silent.
        _ => "",
    }
}

fn medial_letters(medial: char) -> &'static str {
    match medial {
        'ㅏ' => "a",
        'ㅐ' => "ae",
        'ㅑ' => "ya",
        'ㅒ' => "yae",
        'ㅓ' => "eo",
        'ㅔ' => "e",
        'ㅕ' => "yeo",
        'ㅖ' => "ye",
        'ㅗ' => "o",
        'ㅘ' => "wa",
        'ㅙ' => "wae",
        'ㅚ' => "oe",
        'ㅛ' => "yo",
        'ㅜ' => "u",
        'ㅝ' => "wo",
        'ㅞ' => "we",
        'ㅟ' => "wi",
        'ㅠ' => "yu",
        'ㅡ' => "eu",
        'ㅢ' => "ui",
        _ => "i",
    }
}

fn final_letters(final_sound: char) -> &'static str {
    match final_sound {
        'ㄱ' => "k",
        'ㄴ' => "n",
        'ㄷ' => "t",
        'ㄹ' => "l",
        'ㅁ' => "m",
        'ㅂ' => "p",
        _ => "ng",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hangul::Medial;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    /// (Korean, romanization). Official examples from the 2000 RR text are marked; the rest
    /// follow the standard pronunciation (표준 발음법) the rules refer to.
    const CASES: &[(&str, &str)] = &[
        // Words named in the task and common lesson vocabulary.
        ("서울", "seoul"),
        ("부산", "busan"),
        ("한글", "hangeul"),
        ("대한민국", "daehanminguk"),
        ("김치", "gimchi"),
        ("불고기", "bulgogi"),
        ("학교", "hakgyo"),
        ("선생님", "seonsaengnim"),
        ("감사합니다", "gamsahamnida"),
        ("안녕하세요", "annyeonghaseyo"),
        ("사람", "saram"),
        ("친구", "chingu"),
        ("학생", "haksaeng"),
        ("공부", "gongbu"),
        ("떡볶이", "tteokbokki"),
        ("비빔밥", "bibimbap"),
        ("짜장면", "jjajangmyeon"),
        ("아빠", "appa"),
        ("어머니", "eomeoni"),
        ("아버지", "abeoji"),
        ("여보세요", "yeoboseyo"),
        ("고맙습니다", "gomapseumnida"),
        ("미안합니다", "mianhamnida"),
        ("사랑해요", "saranghaeyo"),
        ("외국인", "oegugin"),
        ("컴퓨터", "keompyuteo"),
        ("쌀", "ssal"),
        // Vowels, including compound vowels and ㅢ → ui (official: 광희문 Gwanghuimun).
        ("광희문", "gwanghuimun"),
        ("의사", "uisa"),
        ("희망", "huimang"),
        ("무늬", "munui"),
        ("편의점", "pyeonuijeom"),
        ("띄어쓰기", "ttuieosseugi"),
        ("왜", "wae"),
        ("뭐", "mwo"),
        ("얘기", "yaegi"),
        ("돼지", "dwaeji"),
        ("회사", "hoesa"),
        ("귀", "gwi"),
        ("웨이터", "weiteo"),
        ("예", "ye"),
        // Official consonant examples: g/d/b before vowels, k/t/p before consonants or at end.
        ("구미", "gumi"),
        ("영동", "yeongdong"),
        ("백암", "baegam"),
        ("옥천", "okcheon"),
        ("합덕", "hapdeok"),
        ("호법", "hobeop"),
        ("월곶", "wolgot"),
        ("벚꽃", "beotkkot"),
        ("한밭", "hanbat"),
        // Official ㄹ examples: r before a vowel, l before a consonant or at the end, ll.
        ("구리", "guri"),
        ("설악", "seorak"),
        ("칠곡", "chilgok"),
        ("임실", "imsil"),
        ("울릉", "ulleung"),
        ("대관령", "daegwallyeong"),
        ("라면", "ramyeon"),
        ("라디오", "radio"),
        ("발", "bal"),
        ("사랑", "sarang"),
        ("빨리", "ppalli"),
        ("몰라요", "mollayo"),
        // Official sound-change examples (part 1, article 1).
        ("백마", "baengma"),
        ("종로", "jongno"),
        ("왕십리", "wangsimni"),
        ("별내", "byeollae"),
        ("신라", "silla"),
        ("해돋이", "haedoji"),
        ("같이", "gachi"),
        ("굳히다", "guchida"),
        ("좋고", "joko"),
        ("놓다", "nota"),
        ("잡혀", "japyeo"),
        ("낳지", "nachi"),
        ("묵호", "mukho"),
        ("집현전", "jiphyeonjeon"),
        ("압구정", "apgujeong"),
        ("낙동강", "nakdonggang"),
        ("죽변", "jukbyeon"),
        ("낙성대", "nakseongdae"),
        ("합정", "hapjeong"),
        ("팔당", "paldang"),
        ("샛별", "saetbyeol"),
        ("울산", "ulsan"),
        // Official place and cultural-property examples.
        ("속리산", "songnisan"),
        ("독립문", "dongnimmun"),
        ("극락전", "geungnakjeon"),
        ("촉석루", "chokseongnu"),
        ("오죽헌", "ojukheon"),
        ("경복궁", "gyeongbokgung"),
        ("불국사", "bulguksa"),
        ("안압지", "anapji"),
        ("남한산성", "namhansanseong"),
        ("압록강", "amnokgang"),
        ("무량수전", "muryangsujeon"),
        ("다보탑", "dabotap"),
        // Liaison.
        ("한국어", "hangugeo"),
        ("음악", "eumak"),
        ("발음", "bareum"),
        ("옷이", "osi"),
        ("밖에", "bakke"),
        ("있어요", "isseoyo"),
        ("서울이", "seouri"),
        ("부엌에", "bueoke"),
        ("앞에", "ape"),
        ("무릎이", "mureupi"),
        // Liaison of double finals: the second letter moves.
        ("없어요", "eopseoyo"),
        ("읽어요", "ilgeoyo"),
        ("앉아요", "anjayo"),
        ("닭이", "dalgi"),
        ("값이", "gapsi"),
        ("넋이", "neoksi"),
        ("젊어", "jeolmeo"),
        ("밟아", "balba"),
        ("읊어", "eulpeo"),
        ("핥아", "halta"),
        // A final ㅎ is silent before a vowel.
        ("좋아요", "joayo"),
        ("놓아", "noa"),
        ("넣어", "neoeo"),
        ("괜찮아요", "gwaenchanayo"),
        ("많이", "mani"),
        ("싫어", "sireo"),
        ("싫어요", "sireoyo"),
        // ㅎ before ㄱ ㄷ ㅈ aspirates; before ㅅ it is silent; before ㄴ it is ㄴ.
        ("좋다", "jota"),
        ("좋지", "jochi"),
        ("많다", "manta"),
        ("않고", "anko"),
        ("싫다", "silta"),
        ("괜찮다", "gwaenchanta"),
        ("좋습니다", "joseumnida"),
        ("많습니다", "manseumnida"),
        ("놓는", "nonneun"),
        ("좋네요", "jonneyo"),
        ("않는", "anneun"),
        ("싫네", "sille"),
        ("뚫는", "ttulleun"),
        // ㄱ ㄷ ㅂ before the suffix -히- are verb forms: aspiration is written.
        ("먹히다", "meokida"),
        ("막히다", "makida"),
        ("밝히다", "balkida"),
        ("넓히다", "neolpida"),
        ("앉히다", "anchida"),
        ("입히다", "ipida"),
        ("좁혀", "jopyeo"),
        ("닫히다", "dachida"),
        // ㄱ ㄷ ㅂ before other ㅎ syllables follow the noun rule: h is written.
        ("축하", "chukha"),
        ("입학", "iphak"),
        ("백화점", "baekhwajeom"),
        ("급행", "geuphaeng"),
        // ㅅ ㅈ ㅊ ㅌ before ㅎ are always aspirated.
        ("깨끗하다", "kkaekkeutada"),
        ("따뜻해요", "ttatteutaeyo"),
        ("못해요", "motaeyo"),
        // Nasalization.
        ("국물", "gungmul"),
        ("작년", "jangnyeon"),
        ("먹는", "meongneun"),
        ("한국말", "hangungmal"),
        ("부엌문", "bueongmun"),
        ("닫는", "danneun"),
        ("옷만", "onman"),
        ("있는", "inneun"),
        ("꽃말", "kkonmal"),
        ("합니다", "hamnida"),
        ("입니다", "imnida"),
        ("앞문", "ammun"),
        ("없는", "eomneun"),
        ("읽는", "ingneun"),
        ("값만", "gamman"),
        ("십만", "simman"),
        // ㄹ as ㄴ after ㅁ ㅇ, and after ㄱ ㅂ which nasalize.
        ("심리", "simni"),
        ("대통령", "daetongnyeong"),
        ("음료수", "eumnyosu"),
        ("정류장", "jeongnyujang"),
        ("강릉", "gangneung"),
        ("백로", "baengno"),
        ("독립", "dongnip"),
        ("협력", "hyeomnyeok"),
        ("국립", "gungnip"),
        ("법률", "beomnyul"),
        // Liquidization: ㄴㄹ and ㄹㄴ are ll.
        ("난로", "nallo"),
        ("편리", "pyeolli"),
        ("연락", "yeollak"),
        ("관리", "gwalli"),
        ("설날", "seollal"),
        ("칼날", "kallal"),
        ("물난리", "mullalli"),
        ("한라산", "hallasan"),
        ("달님", "dallim"),
        // Palatalization, and where it does not apply.
        ("굳이", "guji"),
        ("붙이다", "buchida"),
        ("맏이", "maji"),
        ("밭이", "bachi"),
        ("끝이", "kkeuchi"),
        ("샅샅이", "satsachi"),
        ("밭에", "bate"),
        ("같아요", "gatayo"),
        // Final neutralization.
        ("부엌", "bueok"),
        ("밖", "bak"),
        ("옷", "ot"),
        ("꽃", "kkot"),
        ("앞", "ap"),
        ("낮", "nat"),
        ("낯", "nat"),
        ("밭", "bat"),
        ("빛", "bit"),
        ("숲", "sup"),
        ("히읗", "hieut"),
        ("있다", "itda"),
        // Double finals before a consonant or at the end.
        ("닭", "dak"),
        ("값", "gap"),
        ("앉다", "anda"),
        ("읽다", "ikda"),
        ("맑다", "makda"),
        ("넓다", "neolda"),
        ("밟다", "bapda"),
        ("젊다", "jeomda"),
        ("삶", "sam"),
        ("여덟", "yeodeol"),
        ("없다", "eopda"),
        ("읊다", "eupda"),
        ("핥다", "halda"),
        ("몫", "mok"),
        ("흙", "heuk"),
        ("외곬", "oegol"),
        ("맑게", "malge"),
        ("읽고", "ilgo"),
        ("닭고기", "dakgogi"),
        // Tensing is not written.
        ("먹고", "meokgo"),
        ("닫다", "datda"),
        ("입고", "ipgo"),
        ("옆집", "yeopjip"),
        ("국밥", "gukbap"),
        // Ambiguous boundaries are not hyphenated.
        ("중앙", "jungang"),
        ("해운대", "haeundae"),
        // Word boundaries stop sound changes; other text passes through.
        ("한국 음식", "hanguk eumsik"),
        ("밥 먹어요", "bap meogeoyo"),
        ("밥먹어요", "bammeogeoyo"),
        ("옷 입어", "ot ibeo"),
        ("서울 날씨", "seoul nalssi"),
        ("한국어, 영어.", "hangugeo, yeongeo."),
        ("K-pop 좋아요!", "K-pop joayo!"),
        ("2024년", "2024nyeon"),
        ("ㅋㅋ 좋아", "ㅋㅋ joa"),
        ("hello", "hello"),
        ("", ""),
    ];

    #[test]
    fn romanization_table() {
        assert!(CASES.len() >= 120, "only {} cases", CASES.len());
        let failures: Vec<String> = CASES
            .iter()
            .filter_map(|&(korean, expected)| {
                let actual = romanize(korean);
                (actual != expected).then(|| format!("{korean}: expected {expected}, got {actual}"))
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn a_syllable_followed_by_a_conjoining_final_composes() {
        assert_eq!(romanize("가\u{11AB}"), "gan");
        assert_eq!(romanize("e\u{301} 가"), "e\u{301} ga");
    }

    proptest! {
        #[test]
        fn text_without_hangul_passes_through_unchanged(text in "[^\u{1100}-\u{11FF}\u{3130}-\u{318F}\u{A960}-\u{A97F}\u{AC00}-\u{D7FF}]{0,40}") {
            prop_assert_eq!(romanize(&text), text);
        }

        #[test]
        fn decomposed_and_composed_hangul_romanize_alike(
            text in "([가-힣]|[a-z .,!]){0,30}"
        ) {
            let decomposed: String = text.nfd().collect();
            prop_assert_eq!(romanize(&decomposed), romanize(&text));
        }
    }

    #[test]
    fn decomposed_input_romanizes_like_composed_input() {
        let decomposed: String = "한국어 선생님".nfd().collect();
        assert_ne!(decomposed, "한국어 선생님");
        assert_eq!(romanize(&decomposed), "hangugeo seonsaengnim");
    }

    #[test]
    fn every_vowel_has_letters_and_every_syllable_romanizes_to_ascii() {
        for medial in Medial::all() {
            assert!(!medial_letters(medial.compatibility()).is_empty());
        }
        let distinct_vowel_spellings: std::collections::HashSet<&str> = Medial::all()
            .map(|medial| medial_letters(medial.compatibility()))
            .collect();
        assert_eq!(distinct_vowel_spellings.len(), 21);
        for code_point in 0xAC00u32..=0xD7A3 {
            let syllable = char::from_u32(code_point).expect("syllable block is valid");
            let romanized = romanize(&syllable.to_string());
            assert!(
                !romanized.is_empty() && romanized.chars().all(|c| c.is_ascii_lowercase()),
                "{syllable}: {romanized:?}"
            );
        }
    }
}
