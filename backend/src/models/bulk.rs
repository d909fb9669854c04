//! Bulk decisions (issue 17): one action on several activities of a plan,
//! explicitly partial. Each activity goes through the single operation's
//! own model function ([`activities::consent`], [`activities::share`],
//! [`activities::withdraw`]): its own rule, its own versioned write in its
//! own transaction, its own audit entry. What one activity refuses (stale
//! version, not allowed, hidden, its state) is answered for that activity
//! and leaves it untouched; the others go on.

use std::collections::HashSet;

use concord_shared::BulkAction;
use concord_shared::api::{BULK_LIMIT, BulkOutcome, BulkRequest, BulkResult, ConsentDecision, ConsentRequest};
use concord_shared::rules::inbox::{bulk_needs_comment, may_bulk};

use super::{Check, activities, plans};
use crate::auth::AuthUser;
use crate::error::AppError;
use crate::state::AppState;

fn check(request: &BulkRequest) -> Result<(), AppError> {
    let mut check = Check::default();
    if request.items.is_empty() || request.items.len() > BULK_LIMIT {
        check.fail("items", "length", format!("name 1 to {BULK_LIMIT} activities"));
    }
    let mut seen = HashSet::new();
    if let Some(i) = request.items.iter().position(|item| !seen.insert(item.id)) {
        check.fail(&format!("items[{i}]"), "duplicate", "each activity once");
    }
    // A version is an ETag the server gave: 1 or more.
    if let Some(i) = request.items.iter().position(|item| item.version < 1) {
        check.fail(
            &format!("items[{i}].version"),
            "out_of_range",
            "a version read from the activity (1 or more)",
        );
    }
    check.text(
        "comment",
        &request.comment,
        usize::from(bulk_needs_comment(request.action)),
        4000,
    );
    check.finish()
}

/// One activity of the bulk: the single operation, checked to belong to the plan.
async fn one(
    caller: &AuthUser,
    state: &AppState,
    year: i32,
    request: &BulkRequest,
    id: i64,
    version: i64,
) -> Result<i64, AppError> {
    // An activity of another plan is answered like one that does not exist.
    let (row, _) = activities::load(&state.db, caller, id).await?;
    if row.year != year {
        return Err(AppError::NotFound);
    }
    let decision = |decision| ConsentRequest {
        decision,
        comment: request.comment.clone(),
    };
    let done = match request.action {
        BulkAction::Accept => {
            activities::consent(caller, state, id, version, decision(ConsentDecision::Accept)).await?
        }
        BulkAction::RequestChanges => {
            activities::consent(caller, state, id, version, decision(ConsentDecision::RequestChanges)).await?
        }
        BulkAction::Reject => {
            activities::consent(caller, state, id, version, decision(ConsentDecision::Reject)).await?
        }
        BulkAction::Share => activities::share(caller, state, id, version).await?,
        BulkAction::Withdraw => activities::withdraw(caller, state, id, version).await?,
    };
    Ok(done.version)
}

/// Takes `request.action` on each activity named, in order; answers what
/// became of each. The whole request is refused (403, 404, 422) only when
/// nothing of it could be done: a role that may not take the action, no
/// such plan, an invalid list or comment.
pub async fn decide(
    caller: &AuthUser,
    state: &AppState,
    year: i32,
    request: BulkRequest,
) -> Result<BulkResult, AppError> {
    may_bulk(caller.actor(), request.action)?;
    plans::load(&state.db, year).await?;
    check(&request)?;
    let mut outcomes = Vec::with_capacity(request.items.len());
    for item in &request.items {
        let outcome = match one(caller, state, year, &request, item.id, item.version).await {
            Ok(version) => BulkOutcome {
                id: item.id,
                done: true,
                version: Some(version),
                status: None,
                code: None,
                params: serde_json::Map::new(),
            },
            Err(err) => {
                if err.status().is_server_error() {
                    tracing::error!(error = %err, activity = item.id, "a bulk decision failed on one activity");
                }
                let problem = err.problem();
                BulkOutcome {
                    id: item.id,
                    done: false,
                    version: None,
                    status: Some(problem.status),
                    code: Some(problem.code),
                    params: problem.params,
                }
            }
        };
        outcomes.push(outcome);
    }
    let done = outcomes.iter().filter(|o| o.done).count();
    Ok(BulkResult {
        action: request.action,
        done: u64::try_from(done).unwrap_or_default(),
        refused: u64::try_from(outcomes.len() - done).unwrap_or_default(),
        outcomes,
    })
}
