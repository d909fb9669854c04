//! The audit log: what is recorded, who may read it, the chain and its triggers.

use concord_backend::audit::{self, Verification};
use concord_shared::api::NewToken;
use concord_shared::{Party, Role};
use sea_orm::{ConnectionTrait, DbBackend};

use crate::helpers::{PASSWORD, spawn_app};

#[tokio::test]
async fn logins_logouts_and_changes_are_recorded_each_party_seeing_only_its_own() {
    let app = spawn_app().await;
    app.user(Party::Az, Role::Viewer).await;
    app.anonymous()
        .login("az.viewer", "not the password")
        .await
        .expect_err("failed login");
    let viewer = app.login_named("az.viewer").await;
    viewer.logout().await.expect("logout");
    let az_admin = app.login_as(Party::Az, Role::Administrator).await;
    az_admin
        .create_token(&NewToken {
            name: "feed".into(),
            role: Role::Viewer,
            expires_at: None,
        })
        .await
        .expect("token");
    let ge_admin = app.login_as(Party::Ge, Role::Administrator).await;

    let az_log = az_admin.audit(0, 100).await.expect("az audit");
    let actions: Vec<_> = az_log.items.iter().map(|e| e.action.as_str()).collect();
    for expected in ["auth.login_failed", "auth.login", "auth.logout", "token.create"] {
        assert!(actions.contains(&expected), "{expected} in {actions:?}");
    }
    let ge_log = ge_admin.audit(0, 100).await.expect("ge audit");
    assert!(
        ge_log.items.iter().all(|e| e.party != Some(Party::Az)),
        "GE never sees AZ's private history"
    );
    assert!(!ge_log.items.iter().any(|e| e.action == "token.create"));
    assert_eq!(
        app.login_as(Party::Az, Role::Coordinator)
            .await
            .audit(0, 10)
            .await
            .expect_err("403")
            .status,
        403
    );
}

#[tokio::test]
async fn the_chain_verifies_then_fails_at_the_first_tampered_entry() {
    let app = spawn_app().await;
    let admin = app.login_as(Party::Az, Role::Administrator).await;
    for name in ["one", "two", "three"] {
        admin
            .create_token(&NewToken {
                name: name.into(),
                role: Role::Viewer,
                expires_at: None,
            })
            .await
            .expect("token");
    }
    let Verification::Intact { entries } = audit::verify(&app.state.db).await.expect("verify") else {
        panic!("the chain should be intact")
    };
    assert!(entries >= 4);

    // Someone with database rights bypasses the trigger and edits entry 2.
    let db = &app.state.db;
    match db.get_database_backend() {
        DbBackend::Postgres => {
            db.execute_unprepared("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")
                .await
                .expect("disable");
            db.execute_unprepared("UPDATE audit_log SET actor_label = 'someone else' WHERE id = 2")
                .await
                .expect("tamper");
        }
        _ => {
            db.execute_unprepared("DROP TRIGGER audit_log_no_update")
                .await
                .expect("drop");
            db.execute_unprepared("UPDATE audit_log SET actor_label = 'someone else' WHERE id = 2")
                .await
                .expect("tamper");
        }
    }

    let verdict = audit::verify(&app.state.db).await.expect("verify");
    assert!(matches!(verdict, Verification::Broken { id: 2, .. }), "{verdict:?}");
}

#[tokio::test]
async fn the_database_refuses_to_update_or_delete_audit_entries() {
    let app = spawn_app().await;
    app.anonymous()
        .login("nobody", PASSWORD)
        .await
        .expect_err("an audited failure");
    let db = &app.state.db;

    let update = db
        .execute_unprepared("UPDATE audit_log SET action = 'nothing' WHERE id = 1")
        .await;
    let delete = db.execute_unprepared("DELETE FROM audit_log").await;

    assert!(update.is_err(), "UPDATE refused");
    assert!(delete.is_err(), "DELETE refused");
    assert!(update.expect_err("refused").to_string().contains("append-only"));
}
