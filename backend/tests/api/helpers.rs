//! The test harness: `spawn_app()`.

use std::sync::atomic::{AtomicU32, Ordering};

use concord_backend::entities::user;
use concord_backend::{AppState, Application, Settings};
use concord_client::Client;
use concord_shared::Lang;
use concord_shared::api::{CostArrangement, NewActivity, TextInput, UserView};
use concord_shared::{CooperationArea, CooperationForm, Party, Role};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, Database, EntityTrait, QueryFilter, Set};
use tokio::sync::OnceCell;

/// The password of every user the tests create.
pub const PASSWORD: &str = "correct horse battery staple";

/// A running application and what a test needs to talk to it.
pub struct TestApp {
    /// The base URL, e.g. `http://127.0.0.1:40123`.
    pub address: String,
    /// The typed client, pointed at the app.
    pub client: Client,
    /// A plain HTTP client for checks below the typed client (headers, raw bodies).
    pub http: reqwest::Client,
    /// Which database this app runs on: `sqlite` or `postgres`.
    pub database: &'static str,
    /// The app's state: its database and settings, for arranging and inspecting.
    pub state: AppState,
    /// `http://127.0.0.1:PORT` of the metrics address, when `CONCORD_METRICS_BIND` was given.
    pub metrics_address: Option<String>,
    /// Kept alive for the app's lifetime; removed when dropped.
    _dir: tempfile::TempDir,
    postgres: Option<PostgresDatabase>,
}

/// A PostgreSQL database made for one test and dropped after it.
struct PostgresDatabase {
    server: String,
    name: String,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(pg) = self.postgres.take() {
            // Drop runs inside the test's runtime: do the async clean-up on a
            // thread of its own.
            let _ = std::thread::spawn(move || {
                let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else {
                    return;
                };
                rt.block_on(async {
                    if let Ok(admin) = Database::connect(format!("{}/postgres", pg.server)).await {
                        let _ = admin
                            .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", pg.name))
                            .await;
                        let _ = admin.close().await;
                    }
                });
            })
            .join();
        }
    }
}

/// Whether this test run targets PostgreSQL (`CONCORD_TEST_DATABASE=postgres`).
pub fn on_postgres() -> bool {
    std::env::var("CONCORD_TEST_DATABASE").is_ok_and(|v| v == "postgres")
}

fn unique_name() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!(
        "concord_test_{}_{}_{}",
        std::process::id(),
        nanos % 1_000_000_000,
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// The index.html the SPA tests see: one inline start-up script, like trunk's.
pub const TEST_INDEX_HTML: &str = "<!doctype html><html><head><script type=\"module\">import init from '/app.js';init();</script></head><body></body></html>";

/// Spawns the application on a free port with a fresh database and an
/// empty-but-present SPA directory.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// Like [`spawn_app`], with some settings overridden (`CONCORD_*` names).
pub async fn spawn_app_with(overrides: &[(&str, &str)]) -> TestApp {
    let overrides: Vec<(String, String)> = overrides
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let dir = tempfile::tempdir().expect("a temp dir");
    let static_dir = dir.path().join("dist");
    std::fs::create_dir_all(&static_dir).expect("static dir");
    std::fs::write(static_dir.join("index.html"), TEST_INDEX_HTML).expect("index.html");
    std::fs::write(static_dir.join("app.js"), "export default function init() {}").expect("app.js");

    let (database_url, postgres, database) = if on_postgres() {
        let server = std::env::var("CONCORD_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned())
            .trim_end_matches('/')
            .to_owned();
        let name = unique_name();
        let admin = Database::connect(format!("{server}/postgres"))
            .await
            .expect("PostgreSQL must answer");
        admin
            .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .expect("create test database");
        admin.close().await.expect("close admin connection");
        (
            format!("{server}/{name}"),
            Some(PostgresDatabase { server, name }),
            "postgres",
        )
    } else {
        (
            format!("sqlite://{}?mode=rwc", dir.path().join("concord.sqlite3").display()),
            None,
            "sqlite",
        )
    };

    let data_dir = dir.path().join("data");
    let settings = Settings::from_lookup(|key| match key {
        _ if overrides.iter().any(|(k, _)| k == key) => {
            overrides.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
        }
        "CONCORD_BIND" => Some("127.0.0.1:0".to_owned()),
        "CONCORD_DATABASE_URL" => Some(database_url.clone()),
        "CONCORD_DATA_DIR" => Some(data_dir.display().to_string()),
        "CONCORD_STATIC_DIR" => Some(static_dir.display().to_string()),
        _ => None,
    })
    .expect("test settings");
    let app = Application::build(settings).await.expect("the app builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let state = app.state().clone();
    let metrics_address = app.metrics_port().map(|port| format!("http://127.0.0.1:{port}"));
    tokio::spawn(app.run_until(std::future::pending()));
    TestApp {
        state,
        metrics_address,
        client: Client::new(address.clone()),
        http: reqwest::Client::new(),
        address,
        database,
        _dir: dir,
        postgres,
    }
}

/// One argon2 hash of [`PASSWORD`] per test process: users are inserted with
/// it directly, so arranging a test costs no hashing.
async fn password_hash() -> &'static str {
    static HASH: OnceCell<String> = OnceCell::const_new();
    HASH.get_or_init(|| async {
        concord_backend::auth::password::hash(PASSWORD.to_owned())
            .await
            .expect("hash")
    })
    .await
}

impl TestApp {
    /// The user `<party>.<role>` (created on first use), with [`PASSWORD`].
    pub async fn user(&self, party: Party, role: Role) -> UserView {
        self.named_user(&format!("{}.{}", party.code(), role.code()), party, role)
            .await
    }

    /// A user with a given name (created on first use), with [`PASSWORD`].
    pub async fn named_user(&self, username: &str, party: Party, role: Role) -> UserView {
        if let Some(row) = user::Entity::find()
            .filter(user::Column::Username.eq(username))
            .one(&self.state.db)
            .await
            .expect("query")
        {
            return concord_backend::models::users::view(&row);
        }
        let now = chrono::Utc::now();
        let row = user::ActiveModel {
            party: Set(party),
            role: Set(role),
            username: Set(username.to_owned()),
            display_name: Set(format!("{} {}", party.short(), role.code())),
            position: Set("Officer".to_owned()),
            password_hash: Set(password_hash().await.to_owned()),
            disabled: Set(false),
            version: Set(1),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&self.state.db)
        .await
        .expect("insert user");
        concord_backend::models::users::view(&row)
    }

    /// A fresh client signed in as `<party>.<role>`.
    pub async fn login_as(&self, party: Party, role: Role) -> Client {
        let user = self.user(party, role).await;
        self.login_named(&user.username).await
    }

    /// A fresh client signed in as an existing user.
    pub async fn login_named(&self, username: &str) -> Client {
        let client = Client::new(self.address.clone());
        client.login(username, PASSWORD).await.expect("login");
        client
    }

    /// A client that is not signed in.
    pub fn anonymous(&self) -> Client {
        Client::new(self.address.clone())
    }
}

// Fixtures of the plan tests, shared by every file that needs a plan.

/// The year of the plans these tests negotiate.
pub const YEAR: i32 = 2027;

/// A valid new activity with a tentative month.
pub fn draft(title: &str) -> NewActivity {
    NewActivity {
        title: title.to_owned(),
        description: "Staff talks on the annual exercise programme.".to_owned(),
        lang: None,
        area: CooperationArea::MilitaryEducationTrainingExercises,
        area_other: None,
        form: CooperationForm::OfficialVisitsStaffMeetings,
        form_other: None,
        host_party: Party::Az,
        location: "Baku".to_owned(),
        start_date: None,
        end_date: None,
        month: Some(5),
        cost: CostArrangement::SendingPartyPays,
        own_side: None,
    }
}

/// The clients of one test: a coordinator and a planner per party.
pub struct Board {
    /// AZ coordinator.
    pub az_coord: Client,
    /// GE coordinator.
    pub ge_coord: Client,
    /// AZ planner.
    pub az_planner: Client,
    /// GE planner.
    pub ge_planner: Client,
}

/// Signs in the board's four users and creates the plan for [`YEAR`].
pub async fn board(app: &TestApp) -> Board {
    let board = Board {
        az_coord: app.login_as(Party::Az, Role::Coordinator).await,
        ge_coord: app.login_as(Party::Ge, Role::Coordinator).await,
        az_planner: app.login_as(Party::Az, Role::Planner).await,
        ge_planner: app.login_as(Party::Ge, Role::Planner).await,
    };
    board.az_coord.create_plan(YEAR).await.expect("plan created");
    board
}

/// Both parties write (or rewrite, bringing it up to date) their own
/// language's text of a shared activity, as agreement needs: AZ the
/// Azerbaijani one, GE the Georgian one (unless it is the original).
pub async fn translate(az: &Client, ge: &Client, id: i64) {
    let original = az.activity(id).await.expect("activity").value.text_lang;
    for (client, lang, title) in [
        (az, Lang::Az, "Qərargah danışıqları"),
        (ge, Lang::Ka, "საშტაბო მოლაპარაკებები"),
    ] {
        // The original is the proposer's text, not a translation.
        if lang == original {
            continue;
        }
        let text = TextInput {
            title: title.to_owned(),
            description: String::new(),
        };
        client
            .put_activity_text(id, lang, concord_client::NEW_TEXT, &text)
            .await
            .expect("translated");
    }
}

/// Drafts and shares an activity; returns its id.
pub async fn shared(client: &Client, title: &str) -> i64 {
    let created = client.create_activity(YEAR, &draft(title)).await.expect("drafted");
    client
        .share_activity(created.value.id, created.version)
        .await
        .expect("shared")
        .value
        .id
}

/// Rolls the schema back to just before the migration `name` (its down
/// step and every later one's run), as a test of a down step does.
pub async fn back_before(db: &sea_orm::DatabaseConnection, name: &str) {
    use concord_migrations::MigratorTrait;
    let all = concord_migrations::Migrator::migrations();
    let at = all
        .iter()
        .position(|m| m.name() == name)
        .expect("a migration of that name");
    let steps = u32::try_from(all.len() - at).expect("a few steps");
    concord_migrations::Migrator::down(db, Some(steps)).await.expect("down");
}
