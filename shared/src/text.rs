//! What text from outside may contain, decided once for every input: JSON
//! strings, query strings, path segments, headers and file names. The
//! backend refuses what these functions find (422 naming the field) before
//! anything reaches the database; the web app may use them to warn early.

/// Whether a text may span lines: multi-line fields (descriptions, comments,
/// reasons) may hold `\n` and `\t`; single-line fields (titles, names) may not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// A title, a name, a code: one line.
    Single,
    /// Free text: line feeds and tabs allowed.
    Multi,
}

/// Why a text is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFault {
    /// A NUL or another control character (Unicode category Cc).
    Control,
    /// A bidirectional embedding, override or isolate control, which lets
    /// one single-line text pass for another when displayed.
    Bidi,
}

impl TextFault {
    /// The stable code on the wire (`FieldError::code`).
    pub fn code(self) -> &'static str {
        match self {
            TextFault::Control => "control_character",
            TextFault::Bidi => "bidi_control",
        }
    }

    /// The English message for a field.
    pub fn message(self, field: &str) -> String {
        match self {
            TextFault::Control => format!("{field} contains a control character"),
            TextFault::Bidi => format!("{field} contains a bidirectional text control"),
        }
    }
}

/// A bidirectional embedding, override or isolate control (U+202A–U+202E,
/// U+2066–U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A character that shows nothing: white space, zero-width spaces and
/// joiners, the byte order mark, soft hyphens, invisible operators and the
/// Hangul fillers.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2060}'..='\u{2064}'
                | '\u{3164}'
                | '\u{FEFF}'
                | '\u{FFA0}'
        )
}

/// The text without invisible characters at either end: what length checks
/// count and what is stored, so a title of zero-width spaces is empty.
pub fn trim_invisible(text: &str) -> &str {
    text.trim_matches(is_invisible)
}

/// The first fault of a text, if any: control characters anywhere (but `\n`
/// and `\t` in multi-line text), bidirectional controls in single-line text.
pub fn fault(text: &str, lines: Lines) -> Option<TextFault> {
    text.chars().find_map(|c| {
        if c.is_control() && !(lines == Lines::Multi && matches!(c, '\n' | '\t')) {
            Some(TextFault::Control)
        } else if lines == Lines::Single && is_bidi_control(c) {
            Some(TextFault::Bidi)
        } else {
            None
        }
    })
}

/// The language a title or description is written in, as far as its letters
/// tell: Georgian script (Mkhedruli, Mtavruli) is Georgian; Latin with a
/// letter only Azerbaijani uses among the three (ə ğ ı İ ş ç ö ü) is
/// Azerbaijani; anything else is taken for English.
pub fn detect_lang(text: &str) -> crate::Lang {
    let georgian = |c: char| matches!(c, '\u{10A0}'..='\u{10FF}' | '\u{1C90}'..='\u{1CBF}' | '\u{2D00}'..='\u{2D2F}');
    if text.chars().any(georgian) {
        return crate::Lang::Ka;
    }
    let azerbaijani = |c: char| "əƏğĞıİşŞçÇöÖüÜ".contains(c);
    if text.chars().any(azerbaijani) && text.chars().any(|c| c.is_ascii_alphabetic()) {
        return crate::Lang::Az;
    }
    crate::Lang::En
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_of_a_text_is_guessed_from_its_letters() {
        use crate::Lang;
        assert_eq!(detect_lang("სამთო მომზადება"), Lang::Ka);
        assert_eq!(detect_lang("Qərargah danışıqları"), Lang::Az);
        assert_eq!(detect_lang("Staff talks in Baku"), Lang::En);
        assert_eq!(detect_lang(""), Lang::En);
    }

    #[test]
    fn control_characters_are_refused_but_line_breaks_in_free_text() {
        assert_eq!(fault("x\u{0}", Lines::Multi), Some(TextFault::Control));
        assert_eq!(fault("a\u{7}b", Lines::Single), Some(TextFault::Control));
        assert_eq!(fault("a\nb\tc", Lines::Multi), None);
        assert_eq!(fault("a\nb", Lines::Single), Some(TextFault::Control));
        assert_eq!(fault("a\r\nb", Lines::Multi), Some(TextFault::Control));
        assert_eq!(fault("Tbilisi – Bakı, ქართული", Lines::Single), None);
    }

    #[test]
    fn bidi_controls_are_refused_in_single_line_text() {
        assert_eq!(fault("abc\u{202E}fdp.exe", Lines::Single), Some(TextFault::Bidi));
        assert_eq!(fault("a\u{2066}b", Lines::Single), Some(TextFault::Bidi));
        assert_eq!(fault("a\u{202E}b", Lines::Multi), None);
    }

    #[test]
    fn invisible_characters_are_trimmed() {
        assert_eq!(trim_invisible("\u{200B}\u{FEFF} \u{200D}"), "");
        assert_eq!(trim_invisible("\u{200B}Exercise\u{2060} "), "Exercise");
        assert_eq!(trim_invisible("a\u{200B}b"), "a\u{200B}b");
    }
}
