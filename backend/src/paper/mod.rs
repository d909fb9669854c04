//! The plan on paper: the signature-ready PDF of a plan or of one of its
//! signed versions, and the execution report as a PDF. A document is made
//! from exactly what a frozen version holds: a signed version's own
//! snapshot, or, for the plan as it stands, the snapshot signing would
//! freeze now (accepted activities only, so never a party's drafts), with
//! that snapshot's SHA-256 on every page. The lists (activities, the
//! instruments register, the notification log) go out as CSV and XLSX from
//! one [`table::Table`].

pub mod csv;
mod fonts;
pub mod ical;
pub mod import;
mod layout;
mod plan_pdf;
mod report_pdf;
pub mod table;
pub mod xlsx;

use chrono::{DateTime, NaiveDate, Utc};
use concord_shared::api::{CostArrangement, Side};
use concord_shared::paper::DocLangs;
use concord_shared::plan::PlanState;
use concord_shared::rules::{Action, Scope};
use concord_shared::{CooperationArea, CooperationForm, Lang, Party};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::audit::hex;
use crate::auth::AuthUser;
use crate::entities::{plan_signature, plan_version};
use crate::error::AppError;
use crate::models::{execution, plans};
use crate::state::AppState;

/// One activity as a snapshot records it.
#[derive(Debug, Clone, Deserialize)]
pub struct Line {
    /// Reference code.
    pub reference: Option<String>,
    /// Title, in the original language.
    pub title: String,
    /// The original's language (older snapshots: English).
    #[serde(default)]
    pub text_lang: Lang,
    /// The title and description in every language written (older snapshots: none).
    #[serde(default)]
    pub texts: Vec<LineText>,
    /// Area of co-operation.
    pub area: CooperationArea,
    /// The area in words when it is "other".
    pub area_other: Option<String>,
    /// Form of co-operation.
    pub form: CooperationForm,
    /// The form in words when it is "other".
    pub form_other: Option<String>,
    /// Host party.
    pub host_party: Party,
    /// Place.
    pub location: String,
    /// First day.
    pub start_date: Option<NaiveDate>,
    /// Last day.
    pub end_date: Option<NaiveDate>,
    /// Tentative month.
    pub month: Option<u32>,
    /// Who pays.
    pub cost: CostArrangement,
    /// Azerbaijan's side.
    pub az: Side,
    /// Georgia's side.
    pub ge: Side,
}

/// An activity's text in one language, as a snapshot holds it.
#[derive(Debug, Clone, Deserialize)]
pub struct LineText {
    /// The language.
    pub lang: Lang,
    /// Title.
    pub title: String,
}

impl Line {
    /// The title in `lang`, or (marked with its language code) the one the
    /// fallback order of [`concord_shared::api::fallback_order`] finds.
    pub fn title_in(&self, lang: Lang) -> String {
        for l in concord_shared::api::fallback_order(lang, self.text_lang) {
            let found = self
                .texts
                .iter()
                .find(|t| t.lang == l)
                .map(|t| t.title.clone())
                .or_else(|| (l == self.text_lang).then(|| self.title.clone()));
            if let Some(title) = found {
                return if l == lang {
                    title
                } else {
                    format!("{title} [{}]", l.code())
                };
            }
        }
        self.title.clone()
    }
}

/// A recorded signature as a snapshot holds it.
#[derive(Debug, Clone, Deserialize)]
pub struct Signed {
    /// Whose.
    pub party: Party,
    /// Who signed.
    pub signatory: String,
    /// Their position.
    pub position: String,
    /// When.
    pub signed_on: NaiveDate,
    /// Where.
    pub place: String,
}

#[derive(Deserialize)]
struct Snapshot {
    plan: i32,
    version: i32,
    signatures: Vec<Signed>,
    activities: Vec<Line>,
}

/// What a plan document shows.
pub struct PlanPaper {
    /// The plan's year.
    pub year: i32,
    /// The version number (the one in progress for a draft).
    pub version: i32,
    /// Not signed by both parties: marked DRAFT on every page.
    pub draft: bool,
    /// SHA-256 of the snapshot (for a draft, of what signing would freeze now).
    pub sha256: String,
    /// For an amendment: the version it amends and that version's date of signature.
    pub amends: Option<(i32, Option<NaiveDate>)>,
    /// Signatures recorded.
    pub signatures: Vec<Signed>,
    /// Accepted activities in reference order.
    pub activities: Vec<Line>,
    /// When the version was frozen (a draft: now), the document's date.
    pub created: DateTime<Utc>,
}

fn parse(text: &str, sha256: String, draft: bool, created: DateTime<Utc>) -> Result<PlanPaper, AppError> {
    let s: Snapshot = serde_json::from_str(text).map_err(|e| AppError::Integrity(format!("plan snapshot: {e}")))?;
    Ok(PlanPaper {
        year: s.plan,
        version: s.version,
        draft,
        sha256,
        amends: None,
        signatures: s.signatures,
        activities: s.activities,
        created,
    })
}

/// The date the parties signed `number` (the later of the two signatures).
async fn signed_on(state: &AppState, plan_id: i32, number: i32) -> Result<Option<NaiveDate>, AppError> {
    let rows = plan_signature::Entity::find()
        .filter(plan_signature::Column::PlanId.eq(plan_id))
        .filter(plan_signature::Column::VersionNo.eq(number))
        .all(&state.db)
        .await?;
    Ok(rows.iter().map(|r| r.signed_on).max())
}

/// The plan document's content: version `number`, or the plan as it stands
/// (its signed version when signed or closed, else the draft of the version in progress).
pub async fn plan_paper(
    caller: &AuthUser,
    state: &AppState,
    year: i32,
    number: Option<i32>,
) -> Result<PlanPaper, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    let row = plans::load(&state.db, year).await?;
    let settled = matches!(plans::state_of(&row), PlanState::Signed | PlanState::Closed);
    let frozen = match number {
        Some(n) => Some(n),
        None if settled => row.signed_version,
        None => None,
    };
    let mut paper = match frozen {
        Some(n) => {
            let v = plan_version::Entity::find()
                .filter(plan_version::Column::PlanId.eq(row.id))
                .filter(plan_version::Column::Number.eq(n))
                .one(&state.db)
                .await?
                .ok_or(AppError::NotFound)?;
            parse(&v.snapshot, v.sha256, false, v.created_at)?
        }
        None => {
            let n = plans::version_in_progress(&row);
            let signatures = plans::signatures_of(&state.db, &row).await?;
            let text = crate::models::snapshot::snapshot(&state.db, &row, n, &signatures).await?;
            parse(&text, hex(&Sha256::digest(text.as_bytes())), true, Utc::now())?
        }
    };
    if paper.version > 1 {
        let previous = paper.version - 1;
        paper.amends = Some((previous, signed_on(state, row.id, previous).await?));
    }
    Ok(paper)
}

/// The plan document as a PDF in `langs`.
pub async fn plan_pdf(
    caller: &AuthUser,
    state: &AppState,
    year: i32,
    number: Option<i32>,
    langs: DocLangs,
) -> Result<Vec<u8>, AppError> {
    let paper = plan_paper(caller, state, year, number).await?;
    render_off_thread(move || plan_pdf::render(&paper, langs)).await
}

/// The execution report of a signed plan as a PDF in `langs`.
pub async fn report_pdf(caller: &AuthUser, state: &AppState, year: i32, langs: DocLangs) -> Result<Vec<u8>, AppError> {
    let report = execution::report(caller, state, year).await?;
    render_off_thread(move || report_pdf::render(&report, langs)).await
}

/// Typesetting is CPU work: it runs off the async threads.
async fn render_off_thread<F>(f: F) -> Result<Vec<u8>, AppError>
where
    F: FnOnce() -> Result<Vec<u8>, String> + Send + 'static,
{
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("PDF rendering stopped: {e}")))?
        .map_err(|e| AppError::Internal(anyhow::anyhow!("PDF rendering failed: {e}")))
}

/// Renders a plan document without a database, for the benchmark.
pub fn render_plan(paper: &PlanPaper, langs: DocLangs) -> Result<Vec<u8>, String> {
    plan_pdf::render(paper, langs)
}

/// A draft plan of `n` activities with Azerbaijani and Georgian titles, as
/// the benchmark renders it (without a database).
pub fn sample(n: usize) -> PlanPaper {
    let line = |i: usize| Line {
        reference: Some(format!("AZ-2027-{i:03}")),
        title: format!("Staff talks {i}"),
        text_lang: Lang::En,
        texts: vec![
            LineText {
                lang: Lang::Az,
                title: format!("Qərargah danışıqları {i}"),
            },
            LineText {
                lang: Lang::Ka,
                title: format!("სამთო მომზადება {i}"),
            },
        ],
        area: CooperationArea::ALL[i % CooperationArea::ALL.len()],
        area_other: None,
        form: CooperationForm::ALL[i % CooperationForm::ALL.len()],
        form_other: None,
        host_party: if i.is_multiple_of(2) { Party::Az } else { Party::Ge },
        location: "Bakı".into(),
        start_date: NaiveDate::from_ymd_opt(2027, 3, 10),
        end_date: NaiveDate::from_ymd_opt(2027, 3, 14),
        month: None,
        cost: CostArrangement::SendingPartyPays,
        az: Side {
            participants: Some(4),
            responsible_unit: "J7".into(),
            point_of_contact: String::new(),
        },
        ge: Side {
            participants: Some(3),
            responsible_unit: "J3".into(),
            point_of_contact: String::new(),
        },
    };
    PlanPaper {
        year: 2027,
        version: 1,
        draft: true,
        sha256: "0".repeat(64),
        amends: None,
        signatures: Vec::new(),
        activities: (0..n).map(line).collect(),
        created: Utc::now(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_renders_in_every_language_choice() {
        for code in DocLangs::CODES {
            let langs = DocLangs::parse(code).expect("lang");
            let pdf = render_plan(&sample(30), langs).expect("rendered");
            assert!(pdf.starts_with(b"%PDF-"), "{code}");
        }
    }
}
