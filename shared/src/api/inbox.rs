//! Wire types of the work queue and the bulk decisions (issue 17): what
//! awaits the caller's party and role across every plan, and one decision
//! taken on several activities, answered per activity.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{PickedText, TitleText, pick_from};
use crate::domain::{BulkAction, InboxKind};
use crate::i18n::Lang;
use crate::plan::PlanState;

/// One thing that awaits the caller's party and role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxItem {
    /// What awaits.
    pub kind: InboxKind,
    /// The plan's year, when the item belongs to a plan.
    pub year: Option<i32>,
    /// The plan's amendment being negotiated or last in force (0: the original plan).
    pub amendment: Option<i32>,
    /// The kind of thing: `activity`, `plan` or `notification`.
    pub entity_type: String,
    /// Its id (an activity's id, a plan's year, a notification's id).
    pub entity_id: i64,
    /// Its version (the `ETag` a decision on it needs).
    pub version: i64,
    /// Its title: an activity's original title (in `title_lang`), a
    /// notification's subject; empty for a plan.
    pub title: String,
    /// For an activity: the language of its original title.
    pub title_lang: Option<Lang>,
    /// For an activity: its title in every language written, to show in
    /// the reader's language (see [`InboxItem::title_in`]).
    pub titles: Vec<TitleText>,
    /// An activity's reference code, or a notification's number.
    pub reference: Option<String>,
    /// For a plan step: the state proposed.
    pub proposed: Option<PlanState>,
    /// Since when it awaits (the last change of the thing).
    pub since: DateTime<Utc>,
    /// The web app's path where it is decided.
    pub link: String,
}

impl InboxItem {
    /// The title to show in `lang`: an activity's in that language when
    /// written, else its fallback (marked, see [`pick_from`]); anything
    /// else's title as it is.
    pub fn title_in(&self, lang: Lang) -> PickedText<'_> {
        let Some(original) = self.title_lang else {
            return PickedText {
                title: &self.title,
                description: "",
                lang,
                fallback: false,
                outdated: false,
            };
        };
        let titles = self.titles.iter().map(|t| (t.lang, t.title.as_str(), "", t.outdated));
        pick_from(titles, (&self.title, "", original), lang)
    }
}

/// The items of one plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxPlan {
    /// The plan's year.
    pub year: i32,
    /// The plan's state.
    pub state: PlanState,
    /// The amendment being negotiated or last in force (0: the original plan).
    pub amendment: i32,
    /// What awaits, newest first.
    pub items: Vec<InboxItem>,
}

/// How many items of one kind await.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxCount {
    /// The kind.
    pub kind: InboxKind,
    /// How many.
    pub count: u64,
}

/// `GET /api/v1/inbox/count`: how many items await, in all and per kind
/// (kinds with none left out).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxCounts {
    /// All items.
    pub total: u64,
    /// Per kind, in the order of `InboxKind::ALL`.
    pub kinds: Vec<InboxCount>,
}

/// `GET /api/v1/inbox`: everything that awaits the caller's party and role.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Inbox {
    /// Per plan with something awaiting, newest year first.
    pub plans: Vec<InboxPlan>,
    /// Diplomatic notifications awaiting the caller's party's receipt, newest first.
    pub notes: Vec<InboxItem>,
    /// The counts.
    pub counts: InboxCounts,
}

/// The most activities one bulk decision may name.
pub const BULK_LIMIT: usize = 200;

/// One activity named in a bulk decision, at the version the caller read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BulkItem {
    /// The activity's id.
    pub id: i64,
    /// The version read (its `ETag`).
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub version: i64,
}

/// `POST /api/v1/plans/{year}/activities/bulk`: one decision on up to
/// [`BULK_LIMIT`] activities of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BulkRequest {
    /// The decision.
    pub action: BulkAction,
    /// One comment for all (required to reject or request changes).
    #[serde(default)]
    pub comment: String,
    /// The activities, each once (1 to 200).
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 200))]
    pub items: Vec<BulkItem>,
}

/// What became of one activity of a bulk decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkOutcome {
    /// The activity's id.
    pub id: i64,
    /// Whether the decision was written.
    pub done: bool,
    /// Its version now, when done.
    pub version: Option<i64>,
    /// The HTTP status the single operation would have answered when refused
    /// (404 hidden or missing, 403 not allowed, 409 its state, 412 stale version).
    pub status: Option<u16>,
    /// The refusal's stable code when refused (a `Problem::code`, e.g. `stale_version`).
    pub code: Option<String>,
    /// The values the code's message needs (as `Problem::params`).
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub params: serde_json::Map<String, serde_json::Value>,
}

impl BulkOutcome {
    /// A refused outcome as the problem its single operation would have
    /// answered (status, code, params), for wording it like any refusal.
    pub fn problem(&self) -> Option<crate::Problem> {
        let code = self.code.clone()?;
        let status = self.status.unwrap_or_default();
        let mut problem = crate::Problem::new(status, "").with_code(code);
        problem.params = self.params.clone();
        Some(problem)
    }
}

/// The answer to a bulk decision: explicitly partial, one outcome per
/// activity in the order named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkResult {
    /// The decision taken.
    pub action: BulkAction,
    /// How many were done.
    pub done: u64,
    /// How many were refused.
    pub refused: u64,
    /// One outcome per activity.
    pub outcomes: Vec<BulkOutcome>,
}
