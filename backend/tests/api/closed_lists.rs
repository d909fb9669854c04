//! The database refuses a row naming a party, role, state or status outside
//! its closed list (CHECK constraints on PostgreSQL, check triggers on SQLite).

use concord_shared::{Party, Role};
use sea_orm::ConnectionTrait;

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_database_refuses_codes_outside_the_closed_lists() {
    let app = spawn_app().await;
    let user = app.user(Party::Az, Role::Planner).await;
    let db = &app.state.db;
    for (sql, what) in [
        (
            format!("UPDATE users SET party = 'xx' WHERE username = '{}'", user.username),
            "party",
        ),
        (
            format!("UPDATE users SET role = 'root' WHERE username = '{}'", user.username),
            "role",
        ),
    ] {
        let refused = db.execute_unprepared(&sql).await;
        assert!(refused.is_err(), "{what}: {refused:?}");
    }
    let fine = format!("UPDATE users SET role = 'viewer' WHERE username = '{}'", user.username);
    db.execute_unprepared(&fine).await.expect("a listed code passes");
    let plan = "INSERT INTO plans (year, state, seq_az, seq_ge, demo, version, created_at, updated_at, amendment, revision) \
                VALUES (2050, 'limbo', 0, 0, false, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, 0)";
    assert!(db.execute_unprepared(plan).await.is_err(), "plan state");
    let good = plan.replace("'limbo'", "'drafting'");
    db.execute_unprepared(&good).await.expect("a drafting plan");
    assert!(
        db.execute_unprepared("UPDATE plans SET proposal_party = 'xx' WHERE year = 2050")
            .await
            .is_err(),
        "a nullable party column"
    );
}

/// The audit log's party and scope, an alert's acting party and a contact's
/// language are closed lists too (`m20261203_000090`): each refusal names
/// its check, so it is the check that refused and not a missing column.
#[tokio::test]
async fn the_audit_log_and_alerts_refuse_codes_outside_their_lists() {
    let app = spawn_app().await;
    let user = app.user(Party::Ge, Role::Planner).await;
    let db = &app.state.db;
    let id = user.id;
    let audit = |party: &str, scope: &str| {
        let tag = party.replace('\'', "");
        format!(
            "INSERT INTO audit_log (id, at, actor_label, party, scope, action, entity_type, prev_hash, hash) \
             VALUES (900000, CURRENT_TIMESTAMP, 'probe', {party}, '{scope}', 'probe', 'probe', 'x', 'probe-{tag}-{scope}')"
        )
    };
    let alert = |party: &str| {
        format!(
            "INSERT INTO alerts (user_id, audit_id, kind, action, entity_type, actor_label, actor_party, created_at, mail) \
             VALUES ({id}, 1, 'mention', 'probe', 'probe', 'probe', {party}, CURRENT_TIMESTAMP, 'app')"
        )
    };
    for (sql, check) in [
        (audit("'ge'", "world"), "ck_audit_log_scope"),
        (audit("'xx'", "joint"), "ck_audit_log_party"),
        (alert("'xx'"), "ck_alerts_actor_party"),
        (
            format!("INSERT INTO alert_contacts (user_id, email, language) VALUES ({id}, NULL, 'fr')"),
            "ck_alert_contacts_language",
        ),
    ] {
        let refused = db.execute_unprepared(&sql).await.expect_err(check);
        assert!(refused.to_string().contains(check), "{check}: {refused}");
    }
    for fine in [
        alert("'ge'"),
        format!("INSERT INTO alert_contacts (user_id, email, language) VALUES ({id}, NULL, 'ka')"),
        audit("NULL", "ge"),
    ] {
        db.execute_unprepared(&fine).await.expect("listed codes pass");
    }
}
