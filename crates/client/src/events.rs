//! The live stream of changes (`GET /api/v1/events`), read natively. The web
//! app uses the browser's `EventSource` instead.

use concord_shared::Problem;
use concord_shared::api::Change;

use crate::{Client, ClientError, Method, problem_of, transport};

/// One Server-Sent Event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamEvent {
    /// `ready`, `change` or `reset`.
    pub event: String,
    /// The event id (the change's sequence number).
    pub id: Option<i64>,
    /// The data lines, joined.
    pub data: String,
}

impl StreamEvent {
    /// The change this event carries (`None` for `ready` and `reset`).
    pub fn change(&self) -> Option<Change> {
        match self.event.as_str() {
            "change" => serde_json::from_str(&self.data).ok(),
            _ => None,
        }
    }
}

/// An open stream of events.
pub struct EventStream {
    response: reqwest::Response,
    buffer: String,
}

impl EventStream {
    /// The next event; `None` when the server ended the stream.
    pub async fn next(&mut self) -> Result<Option<StreamEvent>, ClientError> {
        loop {
            if let Some(end) = self.buffer.find("\n\n") {
                let block: String = self.buffer.drain(..end + 2).collect();
                if let Some(event) = parse(&block) {
                    return Ok(Some(event));
                }
                continue;
            }
            match self.response.chunk().await.map_err(transport)? {
                Some(bytes) => self
                    .buffer
                    .push_str(&String::from_utf8_lossy(&bytes).replace("\r\n", "\n")),
                None => return Ok(None),
            }
        }
    }
}

/// One event block; `None` for a comment (a heartbeat).
fn parse(block: &str) -> Option<StreamEvent> {
    let mut event = String::from("message");
    let mut id = None;
    let mut data: Vec<&str> = Vec::new();
    for line in block.lines() {
        let (field, value) = line
            .split_once(':')
            .map_or((line, ""), |(f, v)| (f, v.strip_prefix(' ').unwrap_or(v)));
        match field {
            "event" => event = value.to_owned(),
            "id" => id = value.parse().ok(),
            "data" => data.push(value),
            _ => {}
        }
    }
    if data.is_empty() && id.is_none() {
        return None;
    }
    Some(StreamEvent {
        event,
        id,
        data: data.join("\n"),
    })
}

impl Client {
    /// `HTTP GET /api/v1/events`: the live stream of changes the caller may
    /// see, resumed after `last_event_id` when given (sent as `Last-Event-ID`).
    pub async fn events(&self, last_event_id: Option<i64>) -> Result<EventStream, ClientError> {
        let mut req = self
            .request(Method::GET, "/api/v1/events")
            .header("accept", "text/event-stream");
        if let Some(id) = last_event_id {
            req = req.header("last-event-id", id.to_string());
        }
        let response = req.send().await.map_err(transport)?;
        if !response.status().is_success() {
            return Err(problem_of(response).await);
        }
        let is_stream = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/event-stream"));
        if !is_stream {
            return Err(Problem::new(response.status().as_u16(), "Not an event stream"));
        }
        Ok(EventStream {
            response,
            buffer: String::new(),
        })
    }
}
