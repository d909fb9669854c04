//! Free-text search that behaves the same on SQLite and PostgreSQL: text is
//! folded in Rust (lowercase by Unicode rules, dotted and dotless i made one
//! letter for Azerbaijani, Georgian capitals to their ordinary letters) and
//! stored; queries are folded the same way and matched with `LIKE`.

/// Folds text for matching.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        // `İ` lowercases to `i` + U+0307; `ı` is Azerbaijani's dotless i.
        .filter(|c| *c != '\u{0307}')
        .map(|c| if c == 'ı' { 'i' } else { c })
        .collect()
}

/// A `LIKE` pattern matching the folded query anywhere, with `%`, `_` and `\` escaped.
pub fn like_pattern(query: &str) -> String {
    let mut pattern = String::from("%");
    for c in fold(query.trim()).chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn azerbaijani_i_forms_and_schwa_fold_alike() {
        assert_eq!(fold("İSTANBUL"), "istanbul");
        assert_eq!(fold("IŞIQ"), fold("işıq"));
        assert_eq!(fold("ƏLİYEV"), fold("əliyev"));
        assert!(fold("Gəncə hərbi təlim").contains(&fold("HƏRBİ")));
    }

    #[test]
    fn georgian_capitals_fold_to_ordinary_letters() {
        assert_eq!(fold("ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ"), "საქართველო");
    }

    #[test]
    fn like_wildcards_in_a_query_are_literal() {
        assert_eq!(like_pattern(" 50%_x "), "%50\\%\\_x%");
    }
}
