//! One delivery over the wire: the signature, and a single HTTP/1.1 POST
//! (TLS for `https://`) that never follows a redirect and gives up after the
//! timeout.

use std::sync::Arc;
use std::time::Duration;

use hmac::{Hmac, KeyInit, Mac};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::header::{CONTENT_TYPE, HOST, HeaderValue, USER_AGENT};
use hyper::{Request, Uri};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

/// The longest answer body read (and then dropped).
const MAX_ANSWER_BYTES: usize = 64 * 1024;

/// `X-Concord-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.
pub fn signature(secret: &str, unix: i64, body: &[u8]) -> String {
    let mut mac = Hmac::<sha2_11::Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(unix.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    let code = mac.finalize().into_bytes();
    let hex: String = code.iter().map(|b| format!("{b:02x}")).collect();
    format!("t={unix},v1={hex}")
}

/// What an endpoint answered: its status, or why there was none.
pub type Outcome = Result<u16, String>;

/// The TLS settings of every delivery: the system's roots, ring.
pub fn tls() -> anyhow::Result<Arc<rustls::ClientConfig>> {
    let mut roots = rustls::RootCertStore::empty();
    let found = rustls_native_certs::load_native_certs();
    for cert in found.certs {
        // A certificate the store cannot use is skipped, as browsers do.
        let _ = roots.add(cert);
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// POSTs `body` to `url` with `headers`, within `timeout`.
pub async fn post(
    tls: &Arc<rustls::ClientConfig>,
    url: &str,
    headers: &[(&'static str, String)],
    body: Vec<u8>,
    timeout: Duration,
) -> Outcome {
    match tokio::time::timeout(timeout, attempt(tls, url, headers, body)).await {
        Ok(outcome) => outcome,
        Err(_) => Err(format!("no answer within {} ms", timeout.as_millis())),
    }
}

async fn attempt(
    tls: &Arc<rustls::ClientConfig>,
    url: &str,
    headers: &[(&'static str, String)],
    body: Vec<u8>,
) -> Outcome {
    let uri: Uri = url.parse().map_err(|e| format!("the URL cannot be read: {e}"))?;
    let secure = match uri.scheme_str() {
        Some("https") => true,
        Some("http") => false,
        _ => return Err("the URL is neither https nor http".to_owned()),
    };
    let host = uri.host().ok_or("the URL has no host")?.to_owned();
    let port = uri.port_u16().unwrap_or(if secure { 443 } else { 80 });
    let path = uri.path_and_query().map_or("/", |p| p.as_str()).to_owned();
    let bare = host.trim_start_matches('[').trim_end_matches(']').to_owned();
    let tcp = TcpStream::connect((bare.as_str(), port))
        .await
        .map_err(|e| format!("connecting: {e}"))?;
    let authority = uri.authority().map_or(host.clone(), |a| a.as_str().to_owned());
    let mut request = Request::post(path)
        .header(HOST, authority)
        .header(CONTENT_TYPE, "application/json")
        .header(USER_AGENT, concat!("Concord-Webhooks/", env!("CARGO_PKG_VERSION")));
    for (name, value) in headers {
        request = request.header(*name, HeaderValue::from_str(value).map_err(|e| e.to_string())?);
    }
    let request = request.body(Full::new(Bytes::from(body))).map_err(|e| e.to_string())?;
    if secure {
        let name = rustls::pki_types::ServerName::try_from(bare).map_err(|e| format!("the host name: {e}"))?;
        let stream = tokio_rustls::TlsConnector::from(Arc::clone(tls))
            .connect(name, tcp)
            .await
            .map_err(|e| format!("TLS: {e}"))?;
        exchange(TokioIo::new(stream), request).await
    } else {
        exchange(TokioIo::new(tcp), request).await
    }
}

async fn exchange<IO>(io: IO, request: Request<Full<Bytes>>) -> Outcome
where
    IO: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let (mut sender, connection) = hyper::client::conn::http1::handshake(io)
        .await
        .map_err(|e| format!("HTTP: {e}"))?;
    let driver = tokio::spawn(connection);
    let answer = sender.send_request(request).await.map_err(|e| format!("HTTP: {e}"));
    let outcome = match answer {
        Ok(response) => {
            let status = response.status().as_u16();
            // Read a little of the body so the endpoint sees its answer taken;
            // what it says does not matter.
            let mut body = response.into_body();
            let mut read = 0;
            while read < MAX_ANSWER_BYTES {
                match body.frame().await {
                    Some(Ok(frame)) => read += frame.data_ref().map_or(0, |d| d.len()),
                    _ => break,
                }
            }
            Ok(status)
        }
        Err(e) => Err(e),
    };
    driver.abort();
    outcome
}
