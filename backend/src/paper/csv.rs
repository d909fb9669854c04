//! The activity list as CSV: UTF-8 with a byte order mark (so spreadsheet
//! programs read Georgian and Azerbaijani right), RFC 4180 quoting and line
//! ends, headers and fixed labels in the chosen language.

use concord_shared::Lang;
use concord_shared::api::Activity;
use concord_shared::paper::{Text, cost_label, status_label};

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

/// The header row in `lang`.
pub fn header(lang: Lang) -> Vec<String> {
    let t = |t: Text| t.get(lang).to_owned();
    let side = |party: &str, t: Text| format!("{party}: {}", t.get(lang));
    vec![
        t(Text::ColReference),
        t(Text::ColActivity),
        t(Text::ColArea),
        t(Text::ColForm),
        t(Text::ColHost),
        t(Text::ColPlace),
        t(Text::ColStart),
        t(Text::ColEnd),
        t(Text::ColMonth),
        t(Text::ColCost),
        t(Text::ColConsent),
        t(Text::ColStatus),
        side("AZ", Text::ColParticipants),
        side("AZ", Text::ColUnits),
        side("GE", Text::ColParticipants),
        side("GE", Text::ColUnits),
    ]
}

/// One activity's row in `lang` (dates as ISO 8601).
pub fn row(a: &Activity, lang: Lang) -> Vec<String> {
    let other = |label: &str, o: &Option<String>| match o.as_deref().map(str::trim) {
        Some(o) if !o.is_empty() => format!("{label}: {o}"),
        _ => label.to_owned(),
    };
    let n = |p: Option<u32>| p.map(|n| n.to_string()).unwrap_or_default();
    vec![
        a.reference.clone().unwrap_or_default(),
        a.title.clone(),
        other(a.area.label(lang), &a.area_other),
        other(a.form.label(lang), &a.form_other),
        a.host_party.label(lang).to_owned(),
        a.location.clone(),
        a.start_date.map(|d| d.to_string()).unwrap_or_default(),
        a.end_date.map(|d| d.to_string()).unwrap_or_default(),
        a.month.map(|m| m.to_string()).unwrap_or_default(),
        cost_label(a.cost, lang).to_owned(),
        a.consent.code().to_owned(),
        status_label(a.execution, lang).to_owned(),
        n(a.az.participants),
        a.az.responsible_unit.clone(),
        n(a.ge.participants),
        a.ge.responsible_unit.clone(),
    ]
}

/// The whole file.
pub fn activities(items: &[Activity], lang: Lang) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    record(&mut out, &header(lang));
    for a in items {
        record(&mut out, &row(a, lang));
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
