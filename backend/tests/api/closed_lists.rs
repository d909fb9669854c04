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
