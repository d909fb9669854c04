//! A list as CSV: UTF-8 with a byte order mark (so spreadsheet programs
//! read Georgian and Azerbaijani right), RFC 4180 quoting and line ends.

use super::table::{Cell, Table};

/// One field, quoted when it holds a comma, a quote or a line break.
fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

fn record(out: &mut String, values: &[String]) {
    let line: Vec<String> = values.iter().map(|v| field(v)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// The whole file: a byte order mark, the header row, the rows.
pub fn write(table: &Table) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    record(&mut out, &table.headers);
    for row in &table.rows {
        let values: Vec<String> = row.iter().map(Cell::to_text).collect();
        record(&mut out, &values);
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        assert_eq!(field("Baku"), "Baku");
        assert_eq!(field("Baku, Ganja"), "\"Baku, Ganja\"");
        assert_eq!(field("the \"Caucasus\" exercise"), "\"the \"\"Caucasus\"\" exercise\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
