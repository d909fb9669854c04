//! "Changed by … just now": a quiet note when someone else's change reaches
//! the live stream, in a polite live region so screen readers hear it too.

use std::time::Duration;

use concord_shared::api::Change;
use leptos::prelude::*;

use crate::auth::Auth;
use crate::i18n::{I18n, Key};
use crate::live::Live;

/// The sentence for a change: who, of which party.
pub fn changed_by(i18n: I18n, change: &Change) -> String {
    let party = change.party.map(|p| p.label(i18n.lang())).unwrap_or_default();
    i18n.t(Key::LiveChangedBy)
        .replace("{name}", &change.actor)
        .replace("{party}", party)
}

/// Whether the change was made by someone other than the signed-in user.
pub fn by_someone_else(auth: Auth, change: &Change) -> bool {
    auth.me()
        .is_none_or(|me| change.party != Some(me.party) || change.actor != me.display_name)
}

/// The note under the header; it fades after a few seconds.
#[component]
pub fn LiveNote() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let live = expect_context::<Live>();
    let shown = RwSignal::new(None::<Change>);
    Effect::new(move |_| {
        if let Some(change) = live.last()
            && by_someone_else(auth, &change)
        {
            let id = change.id;
            shown.set(Some(change));
            set_timeout(
                move || {
                    if shown.get_untracked().is_some_and(|c| c.id == id) {
                        shown.set(None);
                    }
                },
                Duration::from_secs(8),
            );
        }
    });
    view! {
        <div class="live-note" role="status" aria-live="polite" data-testid="live-note">
            {move || shown.get().map(|change| view! { <p>{changed_by(i18n, &change)}</p> })}
        </div>
    }
}
