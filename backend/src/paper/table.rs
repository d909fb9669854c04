//! A list as a table of typed cells, written out as CSV or XLSX: the same
//! headers and values in both, so the two files never disagree.

use chrono::NaiveDate;
use concord_shared::Lang;
use concord_shared::api::{Activity, Instrument, Notification};
use concord_shared::paper::Text;
use concord_shared::paper::lists::{ListText, consent_label, instrument_status_label, kind_label};
use concord_shared::paper::{cost_label, status_label};

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A day.
    Date(NaiveDate),
    /// Nothing.
    Empty,
}

impl Cell {
    fn text(value: impl Into<String>) -> Cell {
        Cell::Text(value.into())
    }

    fn int(value: Option<impl Into<i64>>) -> Cell {
        value.map_or(Cell::Empty, |n| Cell::Int(n.into()))
    }

    fn date(value: Option<NaiveDate>) -> Cell {
        value.map_or(Cell::Empty, Cell::Date)
    }

    fn opt(value: Option<&str>) -> Cell {
        match value {
            Some(v) if !v.is_empty() => Cell::text(v),
            _ => Cell::Empty,
        }
    }

    /// The cell as a CSV field's text (dates ISO 8601).
    pub fn to_text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

/// A list ready to be written: its sheet name, headers and rows.
#[derive(Debug, Clone)]
pub struct Table {
    /// The sheet's name (at most 31 characters).
    pub sheet: &'static str,
    /// The header row.
    pub headers: Vec<String>,
    /// The rows, each as long as the headers.
    pub rows: Vec<Vec<Cell>>,
}

/// The activity list in `lang`: the plan's columns (the title in `lang`
/// where written, with the language it is in), the consent state and the
/// execution status in words, each party's participants and units.
pub fn activities(items: &[Activity], lang: Lang) -> Table {
    let t = |t: Text| t.get(lang).to_owned();
    let side = |party: &str, t: Text| format!("{party}: {}", t.get(lang));
    let headers = vec![
        t(Text::ColReference),
        t(Text::ColActivity),
        t(Text::ColTextLang),
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
    ];
    let other = |label: &str, o: &Option<String>| match o.as_deref().map(str::trim) {
        Some(o) if !o.is_empty() => format!("{label}: {o}"),
        _ => label.to_owned(),
    };
    let rows = items
        .iter()
        .map(|a| {
            // The text in the file's language, else the fallback, its language named.
            let text = a.text_in(lang);
            vec![
                Cell::opt(a.reference.as_deref()),
                Cell::text(text.title),
                Cell::text(text.lang.code()),
                Cell::text(other(a.area.label(lang), &a.area_other)),
                Cell::text(other(a.form.label(lang), &a.form_other)),
                Cell::text(a.host_party.label(lang)),
                Cell::opt(Some(&a.location)),
                Cell::date(a.start_date),
                Cell::date(a.end_date),
                Cell::int(a.month),
                Cell::text(cost_label(a.cost, lang)),
                Cell::text(consent_label(a.consent, lang)),
                Cell::text(status_label(a.execution, lang)),
                Cell::int(a.az.participants),
                Cell::opt(Some(&a.az.responsible_unit)),
                Cell::int(a.ge.participants),
                Cell::opt(Some(&a.ge.responsible_unit)),
            ]
        })
        .collect();
    Table {
        sheet: ListText::SheetActivities.get(lang),
        headers,
        rows,
    }
}

/// The instruments register in `lang`.
pub fn instruments(items: &[Instrument], lang: Lang) -> Table {
    use ListText as L;
    let t = |t: ListText| t.get(lang).to_owned();
    let side = |party: &str, t: ListText| format!("{party}: {}", t.get(lang));
    let headers = vec![
        t(L::Kind),
        t(L::Title),
        t(L::Number),
        t(L::SignedOn),
        t(L::SignedAt),
        t(L::InForceOn),
        t(L::TerminatedOn),
        t(L::Status),
        side("AZ", L::Signatory),
        side("AZ", L::ProceduresOn),
        side("GE", L::Signatory),
        side("GE", L::ProceduresOn),
    ];
    let rows = items
        .iter()
        .map(|i| {
            vec![
                Cell::text(kind_label(i.kind, lang)),
                Cell::text(&i.title),
                Cell::opt(i.number.as_deref()),
                Cell::date(i.signed_on),
                Cell::opt(i.signed_at.as_deref()),
                Cell::date(i.in_force_on),
                Cell::date(i.terminated_on),
                Cell::text(instrument_status_label(i.status, lang)),
                Cell::opt(i.az.signatory.as_deref()),
                Cell::date(i.az.procedures_completed_on),
                Cell::opt(i.ge.signatory.as_deref()),
                Cell::date(i.ge.procedures_completed_on),
            ]
        })
        .collect();
    Table {
        sheet: L::SheetInstruments.get(lang),
        headers,
        rows,
    }
}

/// The diplomatic notification log in `lang`.
pub fn notifications(items: &[Notification], lang: Lang) -> Table {
    use ListText as L;
    let headers = [
        L::SendingParty,
        L::NoteNumber,
        L::Subject,
        L::SentOn,
        L::ReceivedOn,
        L::AcknowledgedOn,
        L::Acknowledgement,
        L::EffectiveOn,
    ]
    .iter()
    .map(|t| t.get(lang).to_owned())
    .collect();
    let rows = items
        .iter()
        .map(|n| {
            vec![
                Cell::text(n.sending_party.label(lang)),
                Cell::text(&n.note_number),
                Cell::text(&n.subject),
                Cell::Date(n.sent_on),
                Cell::date(n.received_on),
                Cell::date(n.acknowledged_on),
                Cell::opt(n.acknowledgement.as_deref()),
                Cell::date(n.effective_on),
            ]
        })
        .collect();
    Table {
        sheet: L::SheetNotifications.get(lang),
        headers,
        rows,
    }
}
