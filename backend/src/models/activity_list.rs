//! Listing a plan's activities for the board and the table: filters,
//! sorting, pages, counts, and "awaiting my party". Always over what the
//! caller may see: shared activities and the caller's own party's drafts.

use axum::body::Bytes;
use chrono::NaiveDate;
use concord_shared::api::{Activity, ActivityCard, ActivityCounts, ExecutionStatus, Page};
use concord_shared::plan::{ConsentState, PartyConsent};
use concord_shared::rules::{Action, Scope};
use concord_shared::{CooperationArea, CooperationForm, Party};
use sea_orm::sea_query::{Expr, ExprTrait, LikeExpr};
use sea_orm::{ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select};
use serde::Deserialize;

use super::plans;
use super::search::like_pattern;
use crate::auth::AuthUser;
use crate::cache::PageKey;
use crate::entities::activity::{Column, Entity};
use crate::entities::activity_text;
use crate::error::AppError;
use crate::state::AppState;

/// Filters, sorting and paging of a list.
#[derive(Debug, Default, Clone, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ActivityQuery {
    /// Area code.
    pub area: Option<CooperationArea>,
    /// Form code.
    pub form: Option<CooperationForm>,
    /// Consent state.
    pub consent: Option<ConsentState>,
    /// Execution status.
    pub execution: Option<ExecutionStatus>,
    /// Proposing party.
    pub proposer: Option<Party>,
    /// Host party.
    pub host: Option<Party>,
    /// Month 1–12: a tentative month, or exact dates starting in it.
    #[param(minimum = 1, maximum = 12)]
    pub month: Option<u32>,
    /// Free text: reference, title and description (in every language written), location, specifications.
    pub q: Option<String>,
    /// Only what needs the caller's party to act.
    #[serde(default)]
    pub awaiting_my_party: bool,
    /// `reference`, `title`, `start`, `area`, `form`, `host`, `proposer`, `consent`, `updated`; a leading `-` sorts descending.
    #[param(pattern = "^-?(reference|title|start|area|updated)$")]
    pub sort: Option<String>,
    /// Items to skip.
    #[serde(default)]
    #[param(maximum = 9_223_372_036_854_775_807_i64)]
    pub offset: u64,
    /// Items per page, 1–500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<u64>,
}

fn visible(party: Party) -> Condition {
    Condition::any()
        .add(Column::Shared.eq(true))
        .add(Column::ProposingParty.eq(party))
}

fn filtered(caller: &AuthUser, plan_id: i32, year: i32, q: &ActivityQuery) -> Result<Select<Entity>, AppError> {
    let mut select = Entity::find()
        .filter(Column::PlanId.eq(plan_id))
        .filter(visible(caller.party));
    if let Some(area) = q.area {
        select = select.filter(Column::Area.eq(area));
    }
    if let Some(form) = q.form {
        select = select.filter(Column::Form.eq(form));
    }
    if let Some(consent) = q.consent {
        select = select.filter(Column::Consent.eq(consent));
    }
    if let Some(execution) = q.execution {
        select = select.filter(Column::Execution.eq(execution));
    }
    if let Some(proposer) = q.proposer {
        select = select.filter(Column::ProposingParty.eq(proposer));
    }
    if let Some(host) = q.host {
        select = select.filter(Column::HostParty.eq(host));
    }
    if let Some(month) = q.month {
        let first = NaiveDate::from_ymd_opt(year, month, 1)
            .ok_or_else(|| super::Check::error("month", "out_of_range", "the month must be 1 to 12"))?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        }
        .unwrap_or(first);
        select = select.filter(
            Condition::any()
                .add(Column::Month.eq(i32::try_from(month).unwrap_or_default()))
                .add(
                    Condition::all()
                        .add(Column::StartDate.gte(first))
                        .add(Column::StartDate.lt(next)),
                ),
        );
    }
    if let Some(text) = q.q.as_deref().filter(|t| !t.trim().is_empty()) {
        if text.chars().count() > 200 {
            return Err(super::Check::error(
                "q",
                "too_long",
                "the search text may have at most 200 characters",
            ));
        }
        // The activity's own words (the original) or any of its texts.
        let pattern = || LikeExpr::new(like_pattern(text)).escape('\\');
        let in_texts = sea_orm::QueryTrait::into_query(
            activity_text::Entity::find()
                .select_only()
                .column(activity_text::Column::ActivityId)
                .filter(Expr::col(activity_text::Column::SearchText).like(pattern())),
        );
        select = select.filter(
            Condition::any()
                .add(Expr::col(Column::SearchText).like(pattern()))
                .add(Column::Id.in_subquery(in_texts)),
        );
    }
    if q.awaiting_my_party {
        let mine = match caller.party {
            Party::Az => Column::ConsentAz,
            Party::Ge => Column::ConsentGe,
        };
        select = select
            .filter(Column::Shared.eq(true))
            .filter(Column::Withdrawn.eq(false))
            .filter(
                Condition::any()
                    .add(
                        Condition::all()
                            .add(mine.eq(PartyConsent::Pending))
                            .add(Column::Consent.is_in([
                                ConsentState::Pending,
                                ConsentState::AcceptedByAz,
                                ConsentState::AcceptedByGe,
                            ])),
                    )
                    .add(
                        Condition::all()
                            .add(Column::ProposingParty.eq(caller.party))
                            .add(Column::Consent.eq(ConsentState::ChangesRequested)),
                    ),
            );
    }
    Ok(select)
}

fn sorted(select: Select<Entity>, sort: Option<&str>) -> Result<Select<Entity>, AppError> {
    let sort = sort.unwrap_or("reference");
    let (desc, key) = match sort.strip_prefix('-') {
        Some(key) => (true, key),
        None => (false, sort),
    };
    let column = match key {
        "reference" => Column::Reference,
        "title" => Column::Title,
        "start" => Column::StartDate,
        "area" => Column::Area,
        "form" => Column::Form,
        "host" => Column::HostParty,
        "proposer" => Column::ProposingParty,
        "consent" => Column::Consent,
        "updated" => Column::UpdatedAt,
        _ => {
            return Err(super::Check::error(
                "sort",
                "invalid",
                "sort by reference, title, start, area, form, host, proposer, consent or updated \
                 (a leading - sorts descending)",
            ));
        }
    };
    let select = if desc {
        select.order_by_desc(column)
    } else {
        select.order_by_asc(column)
    };
    // A stable order for equal keys, so pages never overlap.
    Ok(select.order_by_asc(Column::Id))
}

/// What a listed activity carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// The whole activity ([`Activity`]).
    Whole,
    /// What a list draws of it ([`ActivityCard`]): the board, the table.
    Cards,
}

/// A page of a list, or none when the client's copy is current.
pub struct Listed {
    /// The page's entity tag: what the page is made from (see [`PageKey::etag`]).
    pub etag: String,
    /// The page as JSON; `None` when `fresh` said the client holds it.
    pub page: Option<Bytes>,
}

/// A page of the plan's activities the caller may see, serialized as JSON:
/// from the page cache when the plan has not changed since it was made, and
/// not at all when `fresh` says the client already holds that very page.
pub async fn list_json(
    caller: &AuthUser,
    state: &AppState,
    year: i32,
    q: ActivityQuery,
    shape: Shape,
    fresh: impl FnOnce(&str) -> bool,
) -> Result<Listed, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    let plan = plans::load(&state.db, year).await?;
    let key = PageKey {
        plan_id: plan.id,
        revision: plan.revision,
        party: caller.party,
        query: format!("{shape:?} {q:?}"),
    };
    let etag = key.etag();
    if fresh(&etag) {
        return Ok(Listed { etag, page: None });
    }
    if let Some(page) = state.pages.get(&key) {
        return Ok(Listed { etag, page: Some(page) });
    }
    let page = page_of(caller, state, &plan, q).await?;
    let json = match shape {
        Shape::Whole => serde_json::to_vec(&page),
        Shape::Cards => serde_json::to_vec(&Page {
            items: page.items.iter().map(ActivityCard::of).collect::<Vec<_>>(),
            total: page.total,
            offset: page.offset,
            limit: page.limit,
        }),
    };
    let page = Bytes::from(json.map_err(|e| AppError::Internal(anyhow::anyhow!("serializing a page: {e}")))?);
    state.pages.insert(key, page.clone());
    Ok(Listed { etag, page: Some(page) })
}

/// A page of the plan's activities the caller may see.
async fn page_of(
    caller: &AuthUser,
    state: &AppState,
    plan: &crate::entities::plan::Model,
    q: ActivityQuery,
) -> Result<Page<Activity>, AppError> {
    let year = plan.year;
    let limit = q.limit.unwrap_or(50).clamp(1, 500);
    let select = filtered(caller, plan.id, year, &q)?;
    let total = select.clone().count(&state.db).await?;
    let rows = sorted(select, q.sort.as_deref())?
        .offset(q.offset)
        .limit(limit)
        .all(&state.db)
        .await?;
    Ok(Page {
        items: super::activity_view::views(&state.db, &rows).await?,
        total,
        offset: q.offset,
        limit,
    })
}

/// Every activity of the list the caller may see, filtered and sorted like
/// the list but not paged (offset and limit are ignored): for the exports.
pub async fn all(caller: &AuthUser, state: &AppState, year: i32, q: &ActivityQuery) -> Result<Vec<Activity>, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    let plan = plans::load(&state.db, year).await?;
    let rows = sorted(filtered(caller, plan.id, year, q)?, q.sort.as_deref())?
        .all(&state.db)
        .await?;
    super::activity_view::views(&state.db, &rows).await
}

/// Counts per consent state, area, form and host party over what the caller may see (filters applied).
pub async fn counts(
    caller: &AuthUser,
    state: &AppState,
    year: i32,
    q: ActivityQuery,
) -> Result<ActivityCounts, AppError> {
    caller.require(Action::Read, Scope::Joint)?;
    // Counts are not sorted, but the query is the list's: a `sort` the
    // list would refuse is refused here too (422 naming it).
    sorted(Entity::find(), q.sort.as_deref())?;
    let plan = plans::load(&state.db, year).await?;
    let base = filtered(caller, plan.id, year, &q)?;
    // The grouped column is typed: a count per value of its closed list.
    let group = |column: Column| {
        base.clone()
            .select_only()
            .column(column)
            .column_as(Column::Id.count(), "n")
            .group_by(column)
    };
    let by_consent: Vec<(ConsentState, u64)> = sorted_counts(group(Column::Consent).into_tuple().all(&state.db).await?);
    let by_area: Vec<(CooperationArea, u64)> = sorted_counts(group(Column::Area).into_tuple().all(&state.db).await?);
    let by_form: Vec<(CooperationForm, u64)> = sorted_counts(group(Column::Form).into_tuple().all(&state.db).await?);
    let by_host: Vec<(Party, u64)> = sorted_counts(group(Column::HostParty).into_tuple().all(&state.db).await?);
    let total = by_consent.iter().map(|(_, v)| v).sum();
    Ok(ActivityCounts {
        by_consent,
        by_area,
        by_form,
        by_host,
        total,
    })
}

/// Counts per value of a closed list, in the list's order.
fn sorted_counts<T: Ord>(rows: Vec<(T, i64)>) -> Vec<(T, u64)> {
    let mut counts: Vec<_> = rows
        .into_iter()
        .map(|(value, n)| (value, u64::try_from(n).unwrap_or_default()))
        .collect();
    counts.sort();
    counts
}
