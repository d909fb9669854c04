//! The live stream of changes in the browser: one `EventSource` on
//! `/api/v1/events` while someone is signed in (it reconnects by itself and
//! resumes with `Last-Event-ID`). Pages read [`Live::tick`] inside their
//! resources, so the board, table, inbox, calendar and plan reload in place
//! when someone else, of either party, acts; the activity page compares [`Live::last`] with
//! what it shows instead, so an edit in progress is never thrown away.

use concord_shared::api::Change;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{EventSource, MessageEvent};

use crate::auth::Auth;

/// The live stream's state, in context.
#[derive(Clone, Copy)]
pub struct Live {
    /// Counts the changes by someone else received (and resets), for resources to track.
    tick: RwSignal<u64>,
    /// The latest change received.
    last: RwSignal<Option<Change>>,
}

impl Live {
    /// Starts following the stream whenever someone is signed in, and puts
    /// [`Live`] in context.
    pub fn init(auth: Auth) -> Live {
        let live = Live {
            tick: RwSignal::new(0),
            last: RwSignal::new(None),
        };
        provide_context(live);
        let source: StoredValue<Option<EventSource>, LocalStorage> = StoredValue::new_local(None);
        Effect::new(move |_| {
            let signed_in = auth.is_signed_in();
            source.update_value(|current| {
                if let Some(old) = current.take() {
                    old.close();
                }
                if signed_in {
                    *current = open(live, auth);
                }
            });
        });
        live
    }

    /// The number of changes by someone else so far; reading it makes a
    /// resource reload at each.
    pub fn tick(self) -> u64 {
        self.tick.get()
    }

    /// The latest change, tracked.
    pub fn last(self) -> Option<Change> {
        self.last.get()
    }
}

fn open(live: Live, auth: Auth) -> Option<EventSource> {
    let source = EventSource::new("/api/v1/events").ok()?;
    let on_change = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(data) = event.data().as_string() else {
            return;
        };
        if let Ok(change) = serde_json::from_str::<Change>(&data) {
            // The user's own changes already reload what they act on; a
            // reload on their echo would throw away what the page shows
            // after the action (a carry-over's result, say).
            let mine = auth
                .me()
                .is_some_and(|me| change.party == Some(me.party) && change.actor == me.display_name);
            live.last.set(Some(change));
            if !mine {
                live.tick.update(|n| *n += 1);
            }
        }
    });
    // After a `reset` (the stream fell too far behind) everything reloads.
    let on_reset = Closure::<dyn Fn(MessageEvent)>::new(move |_: MessageEvent| {
        live.tick.update(|n| *n += 1);
    });
    source
        .add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref())
        .ok()?;
    source
        .add_event_listener_with_callback("reset", on_reset.as_ref().unchecked_ref())
        .ok()?;
    // The listeners live as long as the page; the source is closed at sign-out.
    on_change.forget();
    on_reset.forget();
    Some(source)
}
