//! The plan on paper: typesetting a 500-activity plan as a PDF, in the
//! heaviest language choice (Azerbaijani and Georgian side by side), in
//! this release-built process without a database (the documents' queries
//! are those of a version's snapshot, measured with the API).

use std::time::Instant;

use concord_backend::paper::{render_plan, sample};
use concord_shared::paper::DocLangs;

use crate::report::Gate;

/// Renders the plan a few times; the gate takes the median.
pub fn gate(quick: bool) -> anyhow::Result<Gate> {
    let paper = sample(500);
    let langs = DocLangs::parse("az,ka").ok_or_else(|| anyhow::anyhow!("az,ka is a document language"))?;
    let runs = if quick { 1 } else { 5 };
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..runs {
        let started = Instant::now();
        size = render_plan(&paper, langs)
            .map_err(|e| anyhow::anyhow!("rendering failed: {e}"))?
            .len();
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!("== plan PDF: 500 activities (az,ka) in {median:.0} ms (median of {runs}), {size} bytes");
    Ok(Gate {
        name: "plan PDF of 500 activities (az,ka) under 2 s".into(),
        value: median,
        bound: 2000.0,
        below: true,
        unit: "ms",
    })
}
