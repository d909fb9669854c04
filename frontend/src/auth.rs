//! Who is signed in, in context, and the one place that notices an ended
//! session: every API call of a page goes through [`Auth::call`], which on a
//! 401 (while the app believed it was signed in) forgets the user; the shell
//! then sends the browser to `/login?next=<where the user was>`.

use std::future::Future;

use concord_client::Client;
use concord_shared::api::{AuthKind, Me};
use concord_shared::rules::Actor;
use concord_shared::{Lang, Problem};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::I18n;

/// Local-storage key remembering that this browser had signed in (so a 401
/// after a reload still reads as "your session has ended").
const SIGNED_IN_KEY: &str = "concord.signed-in";

/// Where the app stands on who the user is.
#[derive(Debug, Clone, PartialEq)]
pub enum Boot {
    /// Asking the server (`GET /api/v1/me`).
    Checking,
    /// The answer came (signed in or not).
    Ready,
    /// The server could not be asked.
    Failed(Problem),
}

/// Why the user is on the login page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The session ended (expired or revoked): say so and come back after.
    SessionEnded,
    /// The user signed out.
    SignedOut,
}

/// The signed-in user and the session's state, in context.
#[derive(Clone, Copy)]
pub struct Auth {
    me: RwSignal<Option<Me>>,
    boot: RwSignal<Boot>,
    notice: RwSignal<Option<Notice>>,
    i18n: I18n,
}

impl Auth {
    /// Puts a fresh `Auth` in context and asks the server who the user is.
    pub fn init(client: Client) -> Auth {
        let auth = Auth {
            me: RwSignal::new(None),
            boot: RwSignal::new(Boot::Checking),
            notice: RwSignal::new(None),
            i18n: expect_context::<I18n>(),
        };
        provide_context(auth);
        auth.check(client);
        auth
    }

    /// Asks the server who the user is (again).
    pub fn check(self, client: Client) {
        self.boot.set(Boot::Checking);
        spawn_local(async move {
            match client.me().await {
                Ok(me) => self.signed_in(me, client),
                Err(problem) if problem.status == 401 => {
                    if take_signed_in_mark() {
                        self.notice.set(Some(Notice::SessionEnded));
                    }
                    self.boot.set(Boot::Ready);
                }
                Err(problem) => self.boot.set(Boot::Failed(problem)),
            }
        });
    }

    /// The signed-in user (tracked).
    pub fn me(&self) -> Option<Me> {
        self.me.get()
    }

    /// Whether someone is signed in (tracked).
    pub fn is_signed_in(&self) -> bool {
        self.me.with(Option::is_some)
    }

    /// The signed-in user as the policy sees them (tracked).
    pub fn actor(&self) -> Option<Actor> {
        self.me.with(|me| {
            me.as_ref().map(|me| Actor {
                party: me.party,
                role: me.role,
            })
        })
    }

    /// The start-up state (tracked).
    pub fn boot(&self) -> Boot {
        self.boot.get()
    }

    /// Why the login page shows (tracked).
    pub fn notice(&self) -> Option<Notice> {
        self.notice.get()
    }

    /// Records a successful sign-in. The user's stored language wins over
    /// this browser's; a user with none yet (the first sign-in) stores the
    /// language the page shows: the browser's preferred one (az for `az-*`,
    /// ka for `ka-*`, else en) unless they chose another on this machine.
    pub fn signed_in(&self, me: Me, client: Client) {
        match me.language {
            Some(lang) => self.i18n.set_lang(lang),
            None if me.auth == AuthKind::Session => {
                let lang = self.i18n.lang_untracked();
                // Best effort: a failure leaves it unstored, to try at the next sign-in.
                spawn_local(async move {
                    let _ = client.set_language(lang).await;
                });
            }
            None => {}
        }
        set_signed_in_mark(true);
        self.notice.set(None);
        self.me.set(Some(me));
        self.boot.set(Boot::Ready);
    }

    /// Forgets the user after signing out.
    pub fn signed_out(&self) {
        set_signed_in_mark(false);
        self.notice.set(Some(Notice::SignedOut));
        self.me.set(None);
    }

    /// Switches the language of the interface and, for a signed-in user,
    /// stores it on the server so it follows them to another machine.
    pub fn choose_language(self, lang: Lang, client: Client) {
        self.i18n.set_lang(lang);
        let is_session = self
            .me
            .with_untracked(|me| me.as_ref().is_some_and(|me| me.auth == AuthKind::Session));
        if is_session {
            spawn_local(async move {
                let _ = self.call(client.set_language(lang)).await;
            });
        }
    }

    /// Awaits an API call; a 401 while signed in means the session has ended.
    pub async fn call<T>(self, request: impl Future<Output = Result<T, Problem>>) -> Result<T, Problem> {
        let result = request.await;
        if let Err(problem) = &result
            && problem.status == 401
            && self.me.with_untracked(Option::is_some)
        {
            set_signed_in_mark(false);
            self.notice.set(Some(Notice::SessionEnded));
            self.me.set(None);
        }
        result
    }
}

fn set_signed_in_mark(on: bool) {
    if let Ok(Some(storage)) = window().local_storage() {
        let _ = if on {
            storage.set_item(SIGNED_IN_KEY, "1")
        } else {
            storage.remove_item(SIGNED_IN_KEY)
        };
    }
}

/// Whether the mark was set; clears it.
fn take_signed_in_mark() -> bool {
    let Ok(Some(storage)) = window().local_storage() else {
        return false;
    };
    let was = storage.get_item(SIGNED_IN_KEY).ok().flatten().is_some();
    let _ = storage.remove_item(SIGNED_IN_KEY);
    was
}

/// A same-app path to return to after signing in; anything else (an absolute
/// URL, `//host`, the login page itself) gives `None`.
pub fn safe_next(next: &str) -> Option<String> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.contains("://")
        && !next.chars().any(char::is_control)
        && !(next == "/login" || next.starts_with("/login?") || next.starts_with("/login/"));
    ok.then(|| next.to_owned())
}
