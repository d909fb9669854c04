//! The documents' fonts, embedded in the binary: Noto Sans for Latin
//! (Azerbaijani's ə, ğ, ı, İ, ş included) and Noto Sans Georgian for
//! Mkhedruli, regular and bold (SIL Open Font License, `backend/fonts/OFL.txt`).
//! krilla embeds only the glyphs a document uses. Text is cut into runs of
//! one script, each drawn with its font; widths come from the fonts' own
//! advances, so wrapped lines fit their columns.

use std::sync::LazyLock;

use krilla::text::Font;
use ttf_parser::Face;

static LATIN: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");
static LATIN_BOLD: &[u8] = include_bytes!("../../fonts/NotoSans-Bold.ttf");
static GEORGIAN: &[u8] = include_bytes!("../../fonts/NotoSansGeorgian-Regular.ttf");
static GEORGIAN_BOLD: &[u8] = include_bytes!("../../fonts/NotoSansGeorgian-Bold.ttf");

/// Which of the four faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face4 {
    /// Noto Sans.
    Latin,
    /// Noto Sans Bold.
    LatinBold,
    /// Noto Sans Georgian.
    Georgian,
    /// Noto Sans Georgian Bold.
    GeorgianBold,
}

struct Loaded {
    font: Font,
    face: Face<'static>,
}

fn load(data: &'static [u8]) -> Loaded {
    // The files are part of the binary and known good: failing here is a build defect.
    #[allow(clippy::expect_used)]
    Loaded {
        font: Font::new(data.into(), 0).expect("embedded font"),
        face: Face::parse(data, 0).expect("embedded font"),
    }
}

static FACES: LazyLock<[Loaded; 4]> =
    LazyLock::new(|| [load(LATIN), load(LATIN_BOLD), load(GEORGIAN), load(GEORGIAN_BOLD)]);

fn loaded(face: Face4) -> &'static Loaded {
    &FACES[face as usize]
}

impl Face4 {
    /// The face for a script and weight.
    fn of(georgian: bool, bold: bool) -> Face4 {
        match (georgian, bold) {
            (false, false) => Face4::Latin,
            (false, true) => Face4::LatinBold,
            (true, false) => Face4::Georgian,
            (true, true) => Face4::GeorgianBold,
        }
    }

    /// The krilla font to draw with.
    pub fn font(self) -> Font {
        loaded(self).font.clone()
    }
}

fn is_georgian(c: char) -> bool {
    matches!(c, '\u{10A0}'..='\u{10FF}' | '\u{1C90}'..='\u{1CBF}' | '\u{2D00}'..='\u{2D2F}')
}

/// `text` cut into runs of one script: (face, the run). Spaces, digits and
/// punctuation stay in the run they are in when its font has them (Noto
/// Sans Georgian has no digits, so those go to the Latin font).
pub fn runs(text: &str, bold: bool) -> Vec<(Face4, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut current: Option<Face4> = None;
    for (i, c) in text.char_indices() {
        let face = if is_georgian(c) {
            Face4::of(true, bold)
        } else {
            match current {
                Some(f) if !c.is_alphabetic() && loaded(f).face.glyph_index(c).is_some() => f,
                _ => Face4::of(false, bold),
            }
        };
        match current {
            Some(f) if f != face => {
                out.push((f, &text[start..i]));
                start = i;
                current = Some(face);
            }
            Some(_) => {}
            None => current = Some(face),
        }
    }
    if let Some(f) = current {
        out.push((f, &text[start..]));
    }
    out
}

/// The width of `text` at `size` points.
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    runs(text, bold)
        .into_iter()
        .map(|(face, run)| run_width(face, run, size))
        .sum()
}

/// The width of one run in one face.
pub fn run_width(face: Face4, run: &str, size: f32) -> f32 {
    let f = &loaded(face).face;
    let units: u32 = run
        .chars()
        .map(|c| {
            f.glyph_index(c)
                .and_then(|g| f.glyph_hor_advance(g))
                .map(u32::from)
                .unwrap_or(0)
        })
        .sum();
    units as f32 * size / f32::from(f.units_per_em())
}

/// `text` broken into lines no wider than `max` points: at spaces, and
/// inside a word only when the word alone is too wide. Explicit line breaks are kept.
pub fn wrap(text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if width(&candidate, size, bold) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the column is cut where it must be.
            for c in word.chars() {
                let mut next = line.clone();
                next.push(c);
                if !line.is_empty() && width(&next, size, bold) > max {
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                } else {
                    line = next;
                }
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_are_separated_and_neutral_characters_stay() {
        let r = runs("Plan 2027: თბილისი, Bakı", false);
        let faces: Vec<Face4> = r.iter().map(|(f, _)| *f).collect();
        assert_eq!(faces, vec![Face4::Latin, Face4::Georgian, Face4::Latin]);
        assert_eq!(
            r.iter().map(|(_, s)| *s).collect::<String>(),
            "Plan 2027: თბილისი, Bakı"
        );
    }

    #[test]
    fn every_letter_of_both_alphabets_has_a_glyph() {
        for (face, text) in [
            (Face4::Latin, "əğıİşçöüƏĞŞÇÖÜ"),
            (Face4::LatinBold, "əğıİşçöüƏĞŞÇÖÜ"),
            (Face4::Georgian, "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ"),
            (Face4::GeorgianBold, "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ"),
        ] {
            let f = &loaded(face).face;
            for c in text.chars() {
                assert!(f.glyph_index(c).is_some(), "{c} missing in {face:?}");
            }
        }
    }

    #[test]
    fn wrapping_keeps_every_word_within_the_width() {
        let text = "Joint staff exercise on logistics and mountain search and rescue procedures";
        let lines = wrap(text, 8.0, false, 60.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| width(l, 8.0, false) <= 60.0));
        assert_eq!(lines.join(" "), text);
    }
}
