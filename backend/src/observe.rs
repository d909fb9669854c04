//! The outermost layer every request passes: it gives the request its id
//! (see [`crate::request_id`]), settles the client's real address when a
//! trusted proxy forwarded it, and counts the answer in the metrics.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use ipnet::IpNet;

use crate::metrics::Metrics;
use crate::request_id::{self, RequestId};

/// The client's address as Concord believes it: the peer's, or the one a
/// trusted proxy forwarded. Rate limits and the audit log use this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

/// What the layer needs.
#[derive(Clone)]
pub struct Observer {
    /// Where requests are counted.
    pub metrics: Arc<Metrics>,
    /// Proxies whose `X-Forwarded-For` and `X-Request-Id` are believed
    /// (`CONCORD_TRUSTED_PROXIES`).
    pub trusted: Arc<Vec<IpNet>>,
}

/// The client behind a chain of proxies: walking `X-Forwarded-For` from the
/// right (the hop nearest to us), the first address that is not one of our
/// trusted proxies. Anything an outsider wrote further left is never reached
/// while a trusted hop vouches for the one after it.
pub fn client_address(peer: IpAddr, forwarded_for: Option<&HeaderValue>, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let Some(list) = forwarded_for.and_then(|v| v.to_str().ok()) else {
        return peer;
    };
    let mut client = peer;
    for hop in list.rsplit(',') {
        match hop.trim().parse::<IpAddr>() {
            Ok(ip) => {
                client = ip;
                if !is_trusted(&ip) {
                    break;
                }
            }
            // A hop we cannot read: stop at the last one we could.
            Err(_) => break,
        }
    }
    client
}

/// The layer itself.
pub async fn observe(State(observer): State<Observer>, mut request: Request, next: Next) -> Response {
    let started = Instant::now();
    let peer = request.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    let from_trusted = peer.is_some_and(|ip| observer.trusted.iter().any(|net| net.contains(&ip)));
    if let Some(peer) = peer {
        let client = client_address(peer, request.headers().get("x-forwarded-for"), &observer.trusted);
        request.extensions_mut().insert(ClientAddr(client));
    }
    // A proxy's id is kept so its access log and ours share it; anyone
    // else's is replaced, so nobody can plant ids in our logs.
    let id = request
        .headers()
        .get(request_id::HEADER)
        .filter(|_| from_trusted)
        .and_then(RequestId::from_header)
        .unwrap_or_else(RequestId::fresh);
    request.extensions_mut().insert(id.clone());
    let method = request.method().as_str().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| unmatched(request.uri().path()), |p| p.as_str().to_owned());
    let header = HeaderValue::from_str(&id.0).ok();
    let mut response = id.scope(next.run(request)).await;
    observer
        .metrics
        .record(&method, &route, response.status().as_u16(), started.elapsed());
    if let Some(header) = header {
        response.headers_mut().insert(request_id::HEADER, header);
    }
    response
}

/// A request no route matched: one series for the API, one for the web app.
fn unmatched(path: &str) -> String {
    if path.starts_with("/api/") {
        "/api/(unknown)".to_owned()
    } else {
        "(web app)".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| n.parse().expect("net")).collect()
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("ip")
    }

    #[test]
    fn a_forwarded_address_is_believed_only_from_a_trusted_proxy() {
        let trusted = nets(&["127.0.0.1/32", "10.0.0.0/8"]);
        let header = HeaderValue::from_static("203.0.113.9");
        // An outsider's own header is ignored.
        assert_eq!(
            client_address(ip("198.51.100.7"), Some(&header), &trusted),
            ip("198.51.100.7")
        );
        // Through the proxy, the address it saw.
        assert_eq!(
            client_address(ip("127.0.0.1"), Some(&header), &trusted),
            ip("203.0.113.9")
        );
        // A forged hop written by the client stays to the left of the real one.
        let forged = HeaderValue::from_static("1.2.3.4, 203.0.113.9");
        assert_eq!(
            client_address(ip("127.0.0.1"), Some(&forged), &trusted),
            ip("203.0.113.9")
        );
        // Through two of our proxies.
        let chain = HeaderValue::from_static("203.0.113.9, 10.1.2.3");
        assert_eq!(
            client_address(ip("127.0.0.1"), Some(&chain), &trusted),
            ip("203.0.113.9")
        );
        // Nothing trusted: the peer.
        assert_eq!(client_address(ip("127.0.0.1"), Some(&header), &[]), ip("127.0.0.1"));
        // Garbage: the last readable hop.
        let junk = HeaderValue::from_static("nonsense");
        assert_eq!(client_address(ip("127.0.0.1"), Some(&junk), &trusted), ip("127.0.0.1"));
    }
}
