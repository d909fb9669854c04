//! In the browser the client speaks through `fetch` directly: the few
//! pieces of reqwest's interface it uses, over `web-sys`. reqwest's wasm
//! build parses every URL with the `url` crate, whose international domain
//! name tables alone weigh tens of kilobytes in the web app; the browser
//! already knows how to resolve a URL.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A failed request (network, CORS, an unreadable body), in words.
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<JsValue> for Error {
    fn from(value: JsValue) -> Error {
        Error(value.as_string().unwrap_or_else(|| format!("{value:?}")))
    }
}

/// `Result` with [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// An HTTP method (the ones the client uses, named as in reqwest).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Method(&'static str);

impl Method {
    /// GET
    pub const GET: Method = Method("GET");
    /// POST
    pub const POST: Method = Method("POST");
    /// PUT
    pub const PUT: Method = Method("PUT");
    /// PATCH
    pub const PATCH: Method = Method("PATCH");
    /// DELETE
    pub const DELETE: Method = Method("DELETE");
}

/// The browser's fetch.
#[derive(Debug, Clone, Default)]
pub struct Client;

impl Client {
    /// A client.
    pub fn new() -> Client {
        Client
    }

    /// Starts a request.
    pub fn request(&self, method: Method, url: String) -> RequestBuilder {
        RequestBuilder {
            method,
            url,
            headers: Vec::new(),
            body: None,
        }
    }
}

/// A request being built.
pub struct RequestBuilder {
    method: Method,
    url: String,
    headers: Vec<(String, String)>,
    body: Option<Body>,
}

/// What a request carries.
enum Body {
    Text(String),
    Bytes(Vec<u8>),
}

impl RequestBuilder {
    /// Adds a header.
    pub fn header(mut self, name: &str, value: impl Into<String>) -> RequestBuilder {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    /// `Authorization: Bearer <token>`.
    pub fn bearer_auth(self, token: &str) -> RequestBuilder {
        self.header("authorization", format!("Bearer {token}"))
    }

    /// A JSON body.
    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> RequestBuilder {
        self.body = serde_json::to_string(body).ok().map(Body::Text);
        self.header("content-type", "application/json")
    }

    /// Raw bytes (a document's content).
    pub fn body(mut self, bytes: Vec<u8>) -> RequestBuilder {
        self.body = Some(Body::Bytes(bytes));
        self
    }

    /// Sends the request.
    pub async fn send(self) -> Result<Response> {
        let init = web_sys::RequestInit::new();
        init.set_method(self.method.0);
        let headers = web_sys::Headers::new()?;
        for (name, value) in &self.headers {
            headers.append(name, value)?;
        }
        init.set_headers(&headers);
        match &self.body {
            Some(Body::Text(text)) => init.set_body(&JsValue::from_str(text)),
            Some(Body::Bytes(bytes)) => init.set_body(&js_sys::Uint8Array::from(bytes.as_slice())),
            None => {}
        }
        let request = web_sys::Request::new_with_str_and_init(&self.url, &init)?;
        let window = web_sys::window().ok_or_else(|| Error("no window".to_owned()))?;
        let answer = JsFuture::from(window.fetch_with_request(&request)).await?;
        Ok(Response::new(answer.dyn_into()?))
    }
}

/// An answer's status.
#[derive(Debug, Clone, Copy)]
pub struct StatusCode(u16);

impl StatusCode {
    /// 2xx.
    pub fn is_success(self) -> bool {
        (200..300).contains(&self.0)
    }

    /// The number.
    pub fn as_u16(self) -> u16 {
        self.0
    }

    /// The reason phrase of the common statuses.
    pub fn canonical_reason(self) -> Option<&'static str> {
        Some(match self.0 {
            400 => "Bad Request",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            409 => "Conflict",
            412 => "Precondition Failed",
            422 => "Unprocessable Content",
            428 => "Precondition Required",
            429 => "Too Many Requests",
            500 => "Internal Server Error",
            503 => "Service Unavailable",
            _ => return None,
        })
    }
}

/// A header's value.
pub struct HeaderValue(String);

impl HeaderValue {
    /// The value as text.
    pub fn to_str(&self) -> std::result::Result<&str, std::convert::Infallible> {
        Ok(&self.0)
    }
}

/// The headers of an answer the client reads.
const READ_HEADERS: [&str; 2] = ["etag", "content-type"];

/// An answer's headers (those the client reads).
pub struct Headers(Vec<(&'static str, HeaderValue)>);

impl Headers {
    /// One header.
    pub fn get(&self, name: &str) -> Option<&HeaderValue> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// An answer.
pub struct Response {
    inner: web_sys::Response,
    headers: Headers,
}

impl Response {
    fn new(inner: web_sys::Response) -> Response {
        let all = inner.headers();
        let headers = READ_HEADERS
            .into_iter()
            .filter_map(|name| Some((name, HeaderValue(all.get(name).ok().flatten()?))))
            .collect();
        Response {
            inner,
            headers: Headers(headers),
        }
    }

    /// The status.
    pub fn status(&self) -> StatusCode {
        StatusCode(self.inner.status())
    }

    /// The headers.
    pub fn headers(&self) -> &Headers {
        &self.headers
    }

    /// The body's bytes.
    pub async fn bytes(self) -> Result<Vec<u8>> {
        let buffer = JsFuture::from(self.inner.array_buffer()?).await?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }

    /// The body as JSON.
    pub async fn json<T: DeserializeOwned>(self) -> Result<T> {
        let text = JsFuture::from(self.inner.text()?).await?;
        let text = text.as_string().unwrap_or_default();
        serde_json::from_str(&text).map_err(|e| Error(e.to_string()))
    }
}
