//! `GET /api/v1/events`: the live stream of changes as Server-Sent Events
//! (see [`crate::events`]).

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::sse::{Event, KeepAlive, Sse};
use concord_shared::Problem;
use futures_util::Stream;
use serde::Deserialize;
use tokio::sync::{broadcast, watch};

use crate::auth::AuthUser;
use crate::error::AppError;
use crate::events::{Entry, Hub, REPLAY_LIMIT};
use crate::extract::ApiQuery;
use crate::state::AppState;

/// Where to resume.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct Resume {
    /// The last event id received, for clients that cannot send the
    /// `Last-Event-ID` header (the header wins when both are present).
    pub last_event_id: Option<i64>,
}

/// One event of the stream as Server-Sent Events frame it (comments, the
/// heartbeats, are no events). OpenAPI 3.1 describes a `text/event-stream`
/// by the schema of each event.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)] // Documentation only: axum's `Event` writes the frames.
pub struct StreamEvent {
    /// `ready` (first, `data` the cursor), `change` (`data` a `Change` as
    /// JSON) or `reset` (reload everything; `data` the cursor).
    #[schema(pattern = "^(ready|change|reset)$")]
    event: String,
    /// The audit entry's sequence number: what `Last-Event-ID` resumes after.
    #[schema(pattern = "^[0-9]+$")]
    id: String,
    /// The event's payload.
    data: String,
}

/// How often the stream checks that its session or token is still valid.
const RECHECK: Duration = Duration::from_secs(15);

/// The changes the caller may see, as they are committed: one `change`
/// event per change (`id:` its sequence number, `data:` a `Change` whose
/// `action` says what happened), a `ready` event first, `reset` when the client must reload
/// everything (it fell too far behind), comments as heartbeats. Resumes after
/// `Last-Event-ID`.
#[utoipa::path(get, path = "/api/v1/events", tag = "events", security(("session" = []), ("token" = [])),
    params(Resume),
    responses(
        (status = 200, description = "A stream of `Change` events (text/event-stream)", content_type = "text/event-stream", body = StreamEvent),
        (status = 400, description = "A malformed `Last-Event-ID`", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A `last_event_id` that is no event id, or an unknown parameter", body = Problem, content_type = "application/problem+json")))]
pub async fn stream(
    caller: AuthUser,
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiQuery(resume): ApiQuery<Resume>,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, AppError> {
    let header = match headers.get("last-event-id") {
        Some(value) => Some(
            value
                .to_str()
                .ok()
                .and_then(|v| v.trim().parse::<i64>().ok())
                .filter(|v| *v >= 0)
                .ok_or_else(|| AppError::BadRequest("Last-Event-ID must be an event id".into()))?,
        ),
        None => None,
    };
    // Subscribe before reading the log, so nothing falls between the two.
    let receiver = state.events.subscribe();
    let newest = Hub::newest(&state.db).await?;
    let mut queue = VecDeque::new();
    let cursor = match header.or(resume.last_event_id) {
        None => newest,
        Some(after) => {
            let missed = Hub::since(&state.db, after, REPLAY_LIMIT + 1).await?;
            if missed.read as u64 > REPLAY_LIMIT {
                queue.push_back(Item::Reset(newest));
                newest
            } else {
                queue.extend(
                    missed
                        .entries
                        .into_iter()
                        .filter(|e| e.visible_to(&caller))
                        .map(|e| Item::Change(Arc::new(e))),
                );
                missed.last.max(after)
            }
        }
    };
    queue.push_front(Item::Ready(cursor));
    let tail = Tail {
        caller,
        state: state.clone(),
        receiver,
        closing: state.events.closing(),
        _counted: state.metrics.stream_opened(),
        queue,
        cursor,
        recheck: tokio::time::Instant::now() + RECHECK,
        done: false,
    };
    let events = futures_util::stream::unfold(tail, |mut tail| async move {
        let event = tail.next().await?;
        Some((Ok(event), tail))
    });
    Ok(Sse::new(events).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

enum Item {
    Ready(i64),
    Reset(i64),
    Change(Arc<Entry>),
}

struct Tail {
    caller: AuthUser,
    state: AppState,
    receiver: broadcast::Receiver<Arc<Entry>>,
    closing: watch::Receiver<bool>,
    // Counts this stream in the metrics until it ends.
    _counted: crate::metrics::StreamGuard,
    queue: VecDeque<Item>,
    cursor: i64,
    recheck: tokio::time::Instant,
    done: bool,
}

impl Tail {
    /// The next event to send; `None` ends the stream.
    async fn next(&mut self) -> Option<Event> {
        loop {
            if let Some(item) = self.queue.pop_front() {
                return Some(render(item));
            }
            if self.done || *self.closing.borrow() {
                return None;
            }
            tokio::select! {
                received = self.receiver.recv() => match received {
                    Ok(entry) => {
                        if entry.change.id > self.cursor {
                            self.cursor = entry.change.id;
                            if entry.visible_to(&self.caller) {
                                self.queue.push_back(Item::Change(entry));
                            }
                        }
                    }
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        let newest = Hub::newest(&self.state.db).await.unwrap_or(self.cursor);
                        self.cursor = newest;
                        self.queue.push_back(Item::Reset(newest));
                    }
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
                () = tokio::time::sleep_until(self.recheck) => {
                    self.recheck = tokio::time::Instant::now() + RECHECK;
                    // A session signed out, a token revoked or a user disabled
                    // ends the stream at the next check.
                    if !crate::auth::still_valid(&self.state, &self.caller).await {
                        self.done = true;
                    }
                }
                _ = self.closing.changed() => return None,
            }
        }
    }
}

fn render(item: Item) -> Event {
    match item {
        Item::Ready(cursor) => Event::default()
            .event("ready")
            .id(cursor.to_string())
            .data(cursor.to_string()),
        Item::Reset(cursor) => Event::default()
            .event("reset")
            .id(cursor.to_string())
            .data(cursor.to_string()),
        Item::Change(entry) => Event::default()
            .event("change")
            .id(entry.change.id.to_string())
            .json_data(&entry.change)
            .unwrap_or_else(|_| Event::default().comment("unserialisable change")),
    }
}
