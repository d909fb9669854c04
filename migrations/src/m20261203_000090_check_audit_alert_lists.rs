//! The last closed lists stored as text are enforced by the database too,
//! as `m20261202_000020_check_closed_lists` does for the others: the audit
//! log's party and scope, an alert's acting party and a contact's language
//! (an alert's kind and delivery are checked since their table was made).
//! Frozen as written; a test checks they are still the shared enums' codes.

use sea_orm_migration::prelude::*;

use crate::m20261202_000020_check_closed_lists::{PARTY, add_checks, drop_checks};

/// Adds the checks.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261203_000090_check_audit_alert_lists"
    }
}

const SCOPE: &[&str] = &["joint", "az", "ge"];
const LANG: &[&str] = &["en", "az", "ka"];

const CHECKS: &[(&str, &str, &[&str])] = &[
    ("audit_log", "party", PARTY),
    ("audit_log", "scope", SCOPE),
    ("alerts", "actor_party", PARTY),
    ("alert_contacts", "language", LANG),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add_checks(manager, CHECKS).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_checks(manager, CHECKS).await
    }
}

#[cfg(test)]
mod tests {
    use concord_shared::rules::Scope;
    use concord_shared::{Lang, Party};

    use super::*;

    /// A new variant of one of these lists needs a new migration widening its check.
    #[test]
    fn the_frozen_lists_are_the_shared_enums_codes() {
        let langs: Vec<_> = Lang::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(LANG, langs);
        let private = Party::ALL.iter().map(|p| Scope::Private(*p));
        let scopes: Vec<_> = std::iter::once(Scope::Joint).chain(private).map(Scope::code).collect();
        assert_eq!(SCOPE, scopes);
    }
}
