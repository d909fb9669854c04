//! The work queue and bulk decisions (`/api/v1/inbox`, `/api/v1/plans/{year}/activities/bulk`).

use concord_shared::api::{BulkRequest, BulkResult, Inbox, InboxCounts};

use super::http::Method;
use super::{Client, ClientError, json};

impl Client {
    /// `HTTP GET /api/v1/inbox`: everything that awaits the caller's party and role.
    pub async fn inbox(&self) -> Result<Inbox, ClientError> {
        json(self.request(Method::GET, "/api/v1/inbox").send().await).await
    }

    /// `HTTP GET /api/v1/inbox/count`: how many items await, in all and per kind.
    pub async fn inbox_count(&self) -> Result<InboxCounts, ClientError> {
        json(self.request(Method::GET, "/api/v1/inbox/count").send().await).await
    }

    /// `HTTP POST /api/v1/plans/{year}/activities/bulk`: one decision on several
    /// activities, answered per activity (explicitly partial).
    pub async fn bulk_decide(&self, year: i32, request: &BulkRequest) -> Result<BulkResult, ClientError> {
        json(
            self.request(Method::POST, &format!("/api/v1/plans/{year}/activities/bulk"))
                .json(request)
                .send()
                .await,
        )
        .await
    }
}
