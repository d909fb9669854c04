//! The plan document: title, the Agreement cited, the version (and the
//! version it amends), the table of accepted activities, and both parties'
//! signature blocks. A parallel text puts the two languages side by side
//! for every paragraph; the table's headers and fixed labels carry both.

use concord_shared::paper::{DocLangs, Text, cost_label, format_date, month_name};
use concord_shared::{Lang, Party};

use super::layout::{Col, Doc, Running};
use super::{Line, PlanPaper, Signed};

/// The texts of one key in every language of the document, as side-by-side columns.
fn each(langs: &[Lang], f: impl Fn(Lang) -> String) -> Vec<(Lang, String)> {
    langs.iter().map(|&l| (l, f(l))).collect()
}

/// One cell in every language of the document, one line each.
fn stacked(langs: &[Lang], f: impl Fn(Lang) -> String) -> String {
    let mut texts: Vec<String> = langs.iter().map(|&l| f(l)).collect();
    texts.dedup();
    texts.join("\n")
}

fn dates(line: &Line, langs: &[Lang]) -> String {
    let d = |x: chrono::NaiveDate| x.format("%d.%m.%Y").to_string();
    match (line.start_date, line.end_date, line.month) {
        (Some(s), Some(e), _) if s != e => format!("{} – {}", d(s), d(e)),
        (Some(s), _, _) => d(s),
        (None, _, Some(m)) => stacked(langs, |l| Text::TentativeMonth.fill(l, &[("month", month_name(l, m))])),
        _ => String::new(),
    }
}

fn with_other(label: &str, other: &Option<String>) -> String {
    match other.as_deref().map(str::trim) {
        Some(o) if !o.is_empty() => format!("{label}: {o}"),
        _ => label.to_owned(),
    }
}

fn sides(line: &Line, f: impl Fn(&concord_shared::api::Side) -> String) -> String {
    [(Party::Az, &line.az), (Party::Ge, &line.ge)]
        .iter()
        .filter_map(|(p, s)| {
            let v = f(s);
            (!v.is_empty()).then(|| format!("{}: {v}", p.short()))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn row(no: usize, line: &Line, langs: &[Lang]) -> Vec<String> {
    vec![
        no.to_string(),
        line.reference.clone().unwrap_or_default(),
        // Each language's own text, one line each (a parallel text).
        stacked(langs, |l| line.title_in(l)),
        stacked(langs, |l| with_other(line.area.label(l), &line.area_other)),
        stacked(langs, |l| with_other(line.form.label(l), &line.form_other)),
        dates(line, langs),
        line.location.clone(),
        stacked(langs, |l| line.host_party.label(l).to_owned()),
        sides(line, |s| s.participants.map(|n| n.to_string()).unwrap_or_default()),
        sides(line, |s| s.responsible_unit.clone()),
        stacked(langs, |l| cost_label(line.cost, l).to_owned()),
    ]
}

const COLUMNS: [(Text, f32); 11] = [
    (Text::ColNo, 22.0),
    (Text::ColReference, 60.0),
    (Text::ColActivity, 140.0),
    (Text::ColArea, 80.0),
    (Text::ColForm, 78.0),
    (Text::ColDates, 72.0),
    (Text::ColPlace, 62.0),
    (Text::ColHost, 58.0),
    (Text::ColParticipants, 50.0),
    (Text::ColUnits, 84.0),
    (Text::ColCost, 63.89),
];

fn signature_block(party: Party, signed: Option<&Signed>, lang: Lang, langs: &[Lang]) -> String {
    let label = |t: Text| langs.iter().map(|&l| t.get(l)).collect::<Vec<_>>().join(" / ");
    let blank = "______________________________";
    let authority = party.authority_at_signature();
    let mut out = vec![
        Text::ForParty.fill(lang, &[("party", authority.get(lang))]),
        String::new(),
    ];
    let (who, position, place, date) = match signed {
        Some(s) => (
            s.signatory.clone(),
            s.position.clone(),
            s.place.clone(),
            format_date(s.signed_on, lang),
        ),
        None => (blank.into(), blank.into(), blank.into(), blank.into()),
    };
    out.push(format!("{}: {who}", label(Text::Signatory)));
    out.push(format!("{}: {position}", label(Text::Position)));
    out.push(format!("{}: {place}", label(Text::Place)));
    out.push(format!("{}: {date}", label(Text::Date)));
    out.push(String::new());
    out.push(blank.into());
    out.join("\n")
}

/// Lays out and draws the plan document.
pub fn render(paper: &PlanPaper, langs: DocLangs) -> Result<Vec<u8>, String> {
    let langs = langs.all();
    let first = langs[0];
    let year = paper.year.to_string();
    let n = paper.version.to_string();
    let mut doc = Doc::new(first);

    doc.columns(
        &each(&langs, |l| Text::PlanTitle.fill(l, &[("year", &year)])),
        14.0,
        true,
        Some(1),
    );
    doc.gap(8.0);
    doc.columns(
        &each(&langs, |l| Text::AgreementCited.get(l).to_owned()),
        10.0,
        false,
        None,
    );
    doc.gap(4.0);
    let version_line = |l: Lang| match paper.amends {
        Some((prev, date)) => Text::Amends.fill(
            l,
            &[
                ("n", &n),
                ("prev", &prev.to_string()),
                ("date", &date.map(|d| format_date(d, l)).unwrap_or_default()),
            ],
        ),
        None => Text::VersionN.fill(l, &[("n", &n)]),
    };
    doc.columns(&each(&langs, version_line), 10.0, false, None);
    if paper.draft {
        doc.columns(&each(&langs, |l| Text::DraftNotice.get(l).to_owned()), 10.0, true, None);
    }
    doc.gap(10.0);
    doc.columns(
        &each(&langs, |l| Text::ActivitiesHeading.get(l).to_owned()),
        11.0,
        true,
        Some(2),
    );
    doc.gap(4.0);
    if paper.activities.is_empty() {
        doc.columns(
            &each(&langs, |l| Text::NoActivities.get(l).to_owned()),
            10.0,
            false,
            None,
        );
    } else {
        let cols: Vec<Col> = COLUMNS.iter().map(|(_, w)| Col { width: *w }).collect();
        let header: Vec<String> = COLUMNS
            .iter()
            .map(|(t, _)| stacked(&langs, |l| t.get(l).to_owned()))
            .collect();
        let rows: Vec<Vec<String>> = paper
            .activities
            .iter()
            .enumerate()
            .map(|(i, line)| row(i + 1, line, &langs))
            .collect();
        doc.table(&cols, &header, &rows, 7.5);
    }

    doc.gap(18.0);
    doc.ensure(150.0);
    doc.columns(
        &each(&langs, |l| Text::Signatures.get(l).to_owned()),
        11.0,
        true,
        Some(2),
    );
    doc.gap(8.0);
    let blocks: Vec<(Lang, String)> = Party::ALL
        .iter()
        .map(|&p| {
            let signed = paper.signatures.iter().find(|s| s.party == p);
            (first, signature_block(p, signed, first, &langs))
        })
        .collect();
    doc.columns(&blocks, 9.5, false, None);

    let joined = |t: Text| langs.iter().map(|&l| t.get(l)).collect::<Vec<_>>().join(" / ");
    let sha_label = if paper.draft {
        joined(Text::DraftSha256)
    } else {
        joined(Text::Sha256)
    };
    let running = Running {
        header: if paper.draft {
            langs
                .iter()
                .map(|&l| Text::DraftNotice.get(l))
                .collect::<Vec<_>>()
                .join("   ")
        } else {
            Text::PlanTitle.fill(first, &[("year", &year)])
        },
        footer: format!(
            "{} · {sha_label}: {}",
            langs
                .iter()
                .map(|&l| Text::VersionN.fill(l, &[("n", &n)]))
                .collect::<Vec<_>>()
                .join(" / "),
            paper.sha256
        ),
        page_of: langs.iter().map(|&l| Text::PageXofY.get(l).to_owned()).collect(),
        watermark: paper.draft.then(|| Text::DraftMark.get(first).to_owned()),
    };
    doc.render(
        &Text::PlanTitle.fill(first, &[("year", &year)]),
        paper.created,
        &running,
    )
}
