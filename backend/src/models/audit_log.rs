//! Reading the audit log: a party's administrators see the joint entries and
//! their own party's, never the other party's private history.

use concord_shared::api::{AuditEntry, HistoryChange, HistoryEntry, Page};
use concord_shared::rules::{Action, Scope};
use sea_orm::{ColumnTrait, Condition, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::auth::AuthUser;
use crate::entities::audit_log::{self, Column, Entity};
use crate::error::AppError;
use crate::state::AppState;

fn view(row: audit_log::Model) -> AuditEntry {
    AuditEntry {
        id: i64::from(row.id),
        at: row.at,
        actor: row.actor_label,
        party: row.party,
        action: row.action,
        entity_type: row.entity_type,
        entity_id: row.entity_id,
        before: row.before.and_then(|t| serde_json::from_str(&t).ok()),
        after: row.after.and_then(|t| serde_json::from_str(&t).ok()),
        request_id: row.request_id,
    }
}

/// A page of the entries the caller may read, newest first.
pub async fn list(caller: &AuthUser, state: &AppState, offset: u64, limit: u64) -> Result<Page<AuditEntry>, AppError> {
    caller.require(Action::ReadAudit, Scope::Private(caller.party))?;
    let limit = limit.clamp(1, 200);
    let visible = Entity::find().filter(
        Condition::any()
            .add(Column::Scope.eq(Scope::Joint))
            .add(Column::Scope.eq(Scope::Private(caller.party))),
    );
    let total = visible.clone().count(&state.db).await?;
    let rows = visible
        .order_by_desc(Column::Id)
        .offset(offset)
        .limit(limit)
        .all(&state.db)
        .await?;
    Ok(Page {
        items: rows.into_iter().map(view).collect(),
        total,
        offset,
        limit,
    })
}

/// Fields of an activity that change with every write and say nothing by themselves.
const NOISE: [&str; 3] = ["version", "updated_at", "created_at"];

/// The fields that differ between two JSON objects, a nested object's fields
/// as `outer.inner`, sorted by name.
pub fn changed_fields(before: &serde_json::Value, after: &serde_json::Value) -> Vec<HistoryChange> {
    fn walk(prefix: &str, before: &serde_json::Value, after: &serde_json::Value, out: &mut Vec<HistoryChange>) {
        let (Some(b), Some(a)) = (before.as_object(), after.as_object()) else {
            if before != after {
                out.push(HistoryChange {
                    field: prefix.to_owned(),
                    before: before.clone(),
                    after: after.clone(),
                });
            }
            return;
        };
        let null = serde_json::Value::Null;
        let keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)));
        for key in keys {
            if prefix.is_empty() && NOISE.contains(&key.as_str()) {
                continue;
            }
            let field = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            walk(&field, b.get(key).unwrap_or(&null), a.get(key).unwrap_or(&null), out);
        }
    }
    let mut out = Vec::new();
    if before.is_object() && after.is_object() {
        walk("", before, after, &mut out);
    }
    out
}

/// A page of one activity's history, newest first: the entries recorded with
/// the activity as their entity whose scope the caller's party may read
/// (joint, or its own party's private scope). Another party's draft is 404,
/// as everywhere; no before/after text leaves the server, only the changed
/// fields of entries the caller may read.
pub async fn activity_history(
    caller: &AuthUser,
    state: &AppState,
    id: i64,
    offset: u64,
    limit: u64,
) -> Result<Page<HistoryEntry>, AppError> {
    let (row, _) = crate::models::activities::load(&state.db, caller, id).await?;
    let limit = limit.clamp(1, 200);
    let visible = Entity::find()
        .filter(Column::EntityType.eq("activity"))
        .filter(Column::EntityId.eq(row.public_id.to_string()))
        .filter(
            Condition::any()
                .add(Column::Scope.eq(Scope::Joint))
                .add(Column::Scope.eq(Scope::Private(caller.party))),
        );
    let total = visible.clone().count(&state.db).await?;
    let rows = visible
        .order_by_desc(Column::Id)
        .offset(offset)
        .limit(limit)
        .all(&state.db)
        .await?;
    let items = rows
        .into_iter()
        .map(|row| {
            let parse = |t: &Option<String>| t.as_deref().and_then(|t| serde_json::from_str(t).ok());
            let changes = match (parse(&row.before), parse(&row.after)) {
                (Some(before), Some(after)) => changed_fields(&before, &after),
                _ => Vec::new(),
            };
            HistoryEntry {
                id: i64::from(row.id),
                at: row.at,
                actor: row.actor_label,
                party: row.party,
                action: row.action,
                changes,
            }
        })
        .collect();
    Ok(Page {
        items,
        total,
        offset,
        limit,
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::changed_fields;

    #[test]
    fn changed_fields_lists_only_real_changes_and_flattens_sides() {
        let before = json!({"title": "A", "version": 1, "az": {"responsible_unit": "", "participants": null}, "location": "Baku"});
        let after = json!({"title": "B", "version": 2, "az": {"responsible_unit": "J7", "participants": null}, "location": "Baku"});
        let changes = changed_fields(&before, &after);
        let fields: Vec<_> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["az.responsible_unit", "title"]);
        assert_eq!(changes[1].before, json!("A"));
        assert_eq!(changes[0].after, json!("J7"));
        assert!(changed_fields(&json!(null), &after).is_empty());
    }
}
