//! The closed lists (party, role, plan state, consent, execution status,
//! cost arrangement, area, form, instrument kind) are enforced by the
//! database itself: a row naming anything else is refused, whichever code
//! path writes it. PostgreSQL gets `CHECK` constraints; SQLite cannot add a
//! `CHECK` to an existing table without rebuilding it (and its triggers and
//! indexes), so it gets `BEFORE INSERT` / `BEFORE UPDATE OF` triggers that
//! abort the statement, which refuse exactly the same rows.
//!
//! The lists are frozen here as they were when this migration was written;
//! a test checks they still are the shared enums' codes, so a new variant
//! comes with a new migration.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

/// Adds the checks.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261202_000020_check_closed_lists"
    }
}

pub(crate) const PARTY: &[&str] = &["az", "ge"];
const ROLE: &[&str] = &["viewer", "planner", "coordinator", "administrator"];
const PLAN_STATE: &[&str] = &["drafting", "negotiation", "agreed", "signed", "closed"];
const PARTY_CONSENT: &[&str] = &["pending", "accepted", "rejected", "changes_requested"];
const CONSENT_STATE: &[&str] = &[
    "draft",
    "pending",
    "changes_requested",
    "accepted_by_az",
    "accepted_by_ge",
    "accepted",
    "rejected",
    "withdrawn",
];
const EXECUTION: &[&str] = &["planned", "confirmed", "held", "postponed", "cancelled"];
const COST: &[&str] = &["sending_party_pays", "host_party_pays", "shared", "third_party"];
const AREA: &[&str] = &[
    "military_education_training_exercises",
    "defence_security_policy",
    "peacekeeping_humanitarian_operations",
    "nato_partnership_for_peace",
    "arms_control_disarmament",
    "military_legislation",
    "logistics",
    "civil_military_cooperation",
    "defence_cyber_security",
    "military_cartography",
    "military_medical_services",
    "social_sporting_cultural",
    "humanitarian_demining",
    "other_area",
];
const FORM: &[&str] = &[
    "official_visits_staff_meetings",
    "negotiations_consultations_experience",
    "training_educational_events",
    "information_exchange",
    "conferences_seminars",
    "cultural_sporting_events",
    "other_form",
];
const INSTRUMENT_KIND: &[&str] = &[
    "base_agreement",
    "additional_agreement",
    "annual_plan",
    "plan_amendment",
    "protocol",
    "minutes",
];

/// Every checked column: table, column, the codes it may hold (a NULL in a
/// nullable column passes, as SQL's `CHECK` lets it).
const CHECKS: &[(&str, &str, &[&str])] = &[
    ("users", "party", PARTY),
    ("users", "role", ROLE),
    ("api_tokens", "party", PARTY),
    ("api_tokens", "role", ROLE),
    ("plans", "state", PLAN_STATE),
    ("plans", "proposal_to", PLAN_STATE),
    ("plans", "proposal_party", PARTY),
    ("plan_signatures", "party", PARTY),
    ("activities", "proposing_party", PARTY),
    ("activities", "host_party", PARTY),
    ("activities", "consent_az", PARTY_CONSENT),
    ("activities", "consent_ge", PARTY_CONSENT),
    ("activities", "consent", CONSENT_STATE),
    ("activities", "execution", EXECUTION),
    ("activities", "cost", COST),
    ("activities", "area", AREA),
    ("activities", "form", FORM),
    ("comments", "party", PARTY),
    ("competent_authorities", "party", PARTY),
    ("notifications", "sending_party", PARTY),
    ("instruments", "kind", INSTRUMENT_KIND),
];

fn list(codes: &[&str]) -> String {
    codes.iter().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(", ")
}

fn name(table: &str, column: &str) -> String {
    format!("ck_{table}_{column}")
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add_checks(manager, CHECKS).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_checks(manager, CHECKS).await
    }
}

/// Adds a check per (table, column, codes): a `CHECK` constraint on
/// PostgreSQL, insert and update triggers on SQLite.
pub(crate) async fn add_checks(manager: &SchemaManager<'_>, checks: &[(&str, &str, &[&str])]) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let backend = manager.get_database_backend();
    for (table, column, codes) in checks {
        let (name, codes) = (name(table, column), list(codes));
        match backend {
            DbBackend::Sqlite => {
                for (event, suffix) in [("INSERT", "ins"), (&format!("UPDATE OF {column}"), "upd")] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER {name}_{suffix} BEFORE {event} ON {table} \
                         WHEN NEW.{column} NOT IN ({codes}) \
                         BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: {name}'); END"
                    ))
                    .await?;
                }
            }
            _ => {
                db.execute_unprepared(&format!(
                    "ALTER TABLE {table} ADD CONSTRAINT {name} CHECK ({column} IN ({codes}))"
                ))
                .await?;
            }
        }
    }
    Ok(())
}

/// Drops what [`add_checks`] added.
pub(crate) async fn drop_checks(manager: &SchemaManager<'_>, checks: &[(&str, &str, &[&str])]) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let backend = manager.get_database_backend();
    for (table, column, _) in checks {
        let name = name(table, column);
        match backend {
            DbBackend::Sqlite => {
                for suffix in ["ins", "upd"] {
                    db.execute_unprepared(&format!("DROP TRIGGER IF EXISTS {name}_{suffix}"))
                        .await?;
                }
            }
            _ => {
                db.execute_unprepared(&format!("ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {name}"))
                    .await?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use concord_shared::api::{ExecutionStatus, InstrumentKind};
    use concord_shared::plan::{ConsentState, PartyConsent, PlanState};
    use concord_shared::{CooperationArea, CooperationForm, Party, Role};

    use super::*;

    fn codes<T: Copy>(all: &[T], code: impl Fn(T) -> &'static str) -> Vec<&'static str> {
        all.iter().map(|v| code(*v)).collect()
    }

    /// A new variant of a closed list needs a new migration widening its check.
    #[test]
    fn the_frozen_lists_are_the_shared_enums_codes() {
        assert_eq!(PARTY, codes(Party::ALL, Party::code));
        assert_eq!(ROLE, codes(Role::ALL, Role::code));
        assert_eq!(AREA, codes(CooperationArea::ALL, CooperationArea::code));
        assert_eq!(FORM, codes(CooperationForm::ALL, CooperationForm::code));
        assert_eq!(CONSENT_STATE, codes(&ConsentState::ALL, ConsentState::code));
        assert_eq!(INSTRUMENT_KIND, codes(&InstrumentKind::ALL, InstrumentKind::code));
        use PlanState::*;
        assert_eq!(
            PLAN_STATE,
            codes(&[Drafting, Negotiation, Agreed, Signed, Closed], PlanState::code)
        );
        use PartyConsent as C;
        let consents = [C::Pending, C::Accepted, C::Rejected, C::ChangesRequested];
        assert_eq!(PARTY_CONSENT, codes(&consents, PartyConsent::code));
        use ExecutionStatus as E;
        let statuses = [E::Planned, E::Confirmed, E::Held, E::Postponed, E::Cancelled];
        assert_eq!(EXECUTION, codes(&statuses, ExecutionStatus::code));
        for code in COST {
            let value: concord_shared::api::CostArrangement =
                serde_json::from_value(serde_json::Value::String((*code).to_owned())).expect("a cost code");
            assert_eq!(serde_json::to_value(value).expect("json"), *code);
        }
    }
}
