//! The typed client of Concord's HTTP API. One method per operation; every
//! error comes back as the shared [`Problem`] type, whether the server sent
//! one or the request failed on the way. Works natively and in the browser
//! (wasm32, through `fetch`).

use concord_shared::Problem;
use concord_shared::api::{Health, Reference};
use concord_shared::problem::PROBLEM_CONTENT_TYPE;
use reqwest::{Method, RequestBuilder, Response};
use serde::de::DeserializeOwned;

/// An error from the client: the server's problem, or a transport failure
/// reported in the same shape (status 0).
pub type ClientError = Problem;

/// A client of one Concord server.
#[derive(Clone, Debug)]
pub struct Client {
    http: reqwest::Client,
    base: String,
}

impl Client {
    /// A client of the server at `base_url` (e.g. `http://127.0.0.1:8080`).
    pub fn new(base_url: impl Into<String>) -> Client {
        Client {
            http: reqwest::Client::new(),
            base: base_url.into().trim_end_matches('/').to_owned(),
        }
    }

    /// The server's base URL.
    pub fn base_url(&self) -> &str {
        &self.base
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.http
            .request(method, format!("{}{}", self.base, path))
            .header("accept", "application/json")
    }

    /// `HTTP GET /api/v1/health`: whether the service and its database answer.
    pub async fn health(&self) -> Result<Health, ClientError> {
        json(self.request(Method::GET, "/api/v1/health").send().await).await
    }

    /// `HTTP GET /api/v1/reference`: the agreement, parties, areas and forms with their labels.
    pub async fn reference(&self) -> Result<Reference, ClientError> {
        json(self.request(Method::GET, "/api/v1/reference").send().await).await
    }
}

/// Reads a JSON body on success, the problem otherwise.
async fn json<T: DeserializeOwned>(sent: reqwest::Result<Response>) -> Result<T, ClientError> {
    let response = sent.map_err(transport)?;
    let status = response.status();
    if status.is_success() {
        return response.json::<T>().await.map_err(|e| {
            Problem::new(status.as_u16(), "Unreadable response").with_detail(e.to_string())
        });
    }
    Err(problem_of(response).await)
}

/// The problem a failed response carries, or one made from its status.
async fn problem_of(response: Response) -> Problem {
    let status = response.status();
    let is_problem = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_CONTENT_TYPE) || v.starts_with("application/json"));
    if is_problem && let Ok(problem) = response.json::<Problem>().await {
        return problem;
    }
    Problem::new(
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error"),
    )
}

fn transport(err: reqwest::Error) -> Problem {
    Problem::new(0, "The server could not be reached").with_detail(err.to_string())
}
