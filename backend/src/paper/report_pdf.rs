//! The execution report of a signed plan: the report page's figures, each
//! group as a bar chart of the share held with the same figures as a table.

use concord_shared::api::{ExecutionFigures, ExecutionReport};
use concord_shared::paper::{DocLangs, Text, status_label};
use concord_shared::{CooperationArea, CooperationForm, Lang, Party};

use super::layout::{Col, Doc, Running};

fn each(langs: &[Lang], f: impl Fn(Lang) -> String) -> Vec<(Lang, String)> {
    langs.iter().map(|&l| (l, f(l))).collect()
}

fn joined(langs: &[Lang], f: impl Fn(Lang) -> String) -> String {
    let mut texts: Vec<String> = langs.iter().map(|&l| f(l)).collect();
    texts.dedup();
    texts.join(" / ")
}

/// A group's name: an area, a form or a party, by its wire code.
fn group_label(key: &str, lang: Lang) -> String {
    CooperationArea::from_code(key)
        .map(|a| a.label(lang))
        .or_else(|| CooperationForm::from_code(key).map(|f| f.label(lang)))
        .or_else(|| Party::from_code(key).map(|p| p.label(lang)))
        .unwrap_or(key)
        .to_owned()
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

fn section(doc: &mut Doc, langs: &[Lang], heading: Text, groups: &[ExecutionFigures]) {
    if groups.is_empty() {
        return;
    }
    doc.gap(10.0);
    doc.ensure(80.0);
    doc.columns(&each(langs, |l| heading.get(l).to_owned()), 11.0, true, Some(2));
    doc.gap(4.0);
    let bars: Vec<(String, f64, String)> = groups
        .iter()
        .map(|g| {
            (
                joined(langs, |l| group_label(&g.key, l)),
                g.share_held,
                format!("{} ({}/{})", percent(g.share_held), g.held, g.total),
            )
        })
        .collect();
    doc.bar_chart(&joined(langs, |l| heading.get(l).to_owned()), &bars, 1.0);
    doc.gap(6.0);
    let status = |s| joined(langs, |l| status_label(s, l).to_owned());
    use concord_shared::api::ExecutionStatus as S;
    let header = vec![
        String::new(),
        joined(langs, |l| Text::Total.get(l).to_owned()),
        status(S::Held),
        status(S::Postponed),
        status(S::Cancelled),
        joined(langs, |l| Text::Open.get(l).to_owned()),
    ];
    let rows: Vec<Vec<String>> = groups
        .iter()
        .map(|g| {
            vec![
                joined(langs, |l| group_label(&g.key, l)),
                g.total.to_string(),
                g.held.to_string(),
                g.postponed.to_string(),
                g.cancelled.to_string(),
                g.open.to_string(),
            ]
        })
        .collect();
    let widths = [290.0, 90.0, 100.0, 100.0, 100.0, 89.89];
    let cols: Vec<Col> = widths.iter().map(|&width| Col { width }).collect();
    doc.table(&cols, &header, &rows, 8.0);
}

/// Lays out and draws the execution report.
pub fn render(report: &ExecutionReport, langs: DocLangs) -> Result<Vec<u8>, String> {
    let langs = langs.all();
    let first = langs[0];
    let year = report.year.to_string();
    let version = report.version.to_string();
    let title = |l: Lang| Text::ReportTitle.fill(l, &[("year", &year), ("version", &version)]);
    let mut doc = Doc::new(first);
    doc.columns(&each(&langs, title), 14.0, true, Some(1));
    doc.gap(6.0);
    let standing = if report.closed {
        Text::ReportFinal
    } else {
        Text::ReportOngoing
    };
    doc.columns(&each(&langs, |l| standing.get(l).to_owned()), 10.0, false, None);
    let o = &report.overall;
    let rate = format!("{:.0}", o.share_held * 100.0);
    doc.columns(
        &each(&langs, |l| {
            Text::ReportRate.fill(
                l,
                &[
                    ("rate", &rate),
                    ("held", &o.held.to_string()),
                    ("total", &o.total.to_string()),
                ],
            )
        }),
        10.0,
        true,
        None,
    );
    section(&mut doc, &langs, Text::ReportByArea, &report.by_area);
    section(&mut doc, &langs, Text::ReportByForm, &report.by_form);
    section(&mut doc, &langs, Text::ReportByParty, &report.by_party);

    doc.gap(10.0);
    doc.ensure(80.0);
    doc.columns(
        &each(&langs, |l| Text::ReportReciprocity.get(l).to_owned()),
        11.0,
        true,
        Some(2),
    );
    doc.gap(4.0);
    let max = report
        .reciprocity
        .iter()
        .map(|r| r.hosted.max(r.sent))
        .max()
        .unwrap_or(0) as f64;
    let mut bars = Vec::new();
    for r in &report.reciprocity {
        for (text, n) in [(Text::Hosted, r.hosted), (Text::Sent, r.sent)] {
            bars.push((
                joined(&langs, |l| format!("{} — {}", r.party.label(l), text.get(l))),
                n as f64,
                n.to_string(),
            ));
        }
    }
    doc.bar_chart(
        &joined(&langs, |l| Text::ReportReciprocity.get(l).to_owned()),
        &bars,
        max,
    );

    let running = Running {
        header: title(first),
        footer: langs
            .iter()
            .map(|&l| Text::VersionN.fill(l, &[("n", &version)]))
            .collect::<Vec<_>>()
            .join(" / "),
        page_of: langs.iter().map(|&l| Text::PageXofY.get(l).to_owned()).collect(),
        watermark: None,
    };
    doc.render(&title(first), chrono::Utc::now(), &running)
}
