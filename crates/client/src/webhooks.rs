//! The webhook operations (`/api/v1/webhooks`).

use concord_shared::api::{CreatedWebhook, NewWebhook, Page, Webhook, WebhookDelivery, WebhookPatch};

use super::http::Method;
use super::{Client, ClientError, IfMatch, Versioned, empty, json, versioned};

impl Client {
    /// `HTTP GET /api/v1/webhooks`: the webhooks of the caller's party.
    pub async fn webhooks(&self) -> Result<Vec<Webhook>, ClientError> {
        json(self.request(Method::GET, "/api/v1/webhooks").send().await).await
    }

    /// `HTTP POST /api/v1/webhooks`: registers a webhook; its secret is in this answer only.
    pub async fn create_webhook(&self, new: &NewWebhook) -> Result<CreatedWebhook, ClientError> {
        json(self.request(Method::POST, "/api/v1/webhooks").json(new).send().await).await
    }

    /// `HTTP GET /api/v1/webhooks/{id}`: one webhook with its version.
    pub async fn webhook(&self, id: i64) -> Result<Versioned<Webhook>, ClientError> {
        versioned(
            self.request(Method::GET, &format!("/api/v1/webhooks/{id}"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP PATCH /api/v1/webhooks/{id}`: changes URL, kinds or enabled flag (`If-Match: version`).
    pub async fn update_webhook(
        &self,
        id: i64,
        version: i64,
        patch: &WebhookPatch,
    ) -> Result<Versioned<Webhook>, ClientError> {
        let req = self
            .request(Method::PATCH, &format!("/api/v1/webhooks/{id}"))
            .if_match(version);
        versioned(req.json(patch).send().await).await
    }

    /// `HTTP DELETE /api/v1/webhooks/{id}`: deletes a webhook and its deliveries.
    pub async fn delete_webhook(&self, id: i64) -> Result<(), ClientError> {
        empty(
            self.request(Method::DELETE, &format!("/api/v1/webhooks/{id}"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/webhooks/{id}/deliveries`: a page of its deliveries, newest first.
    pub async fn webhook_deliveries(
        &self,
        id: i64,
        offset: u64,
        limit: u64,
    ) -> Result<Page<WebhookDelivery>, ClientError> {
        json(
            self.request(
                Method::GET,
                &format!("/api/v1/webhooks/{id}/deliveries?offset={offset}&limit={limit}"),
            )
            .send()
            .await,
        )
        .await
    }

    /// `HTTP POST /api/v1/webhooks/{id}/deliveries/{delivery}/redeliver`: sends a delivery again.
    pub async fn redeliver_webhook(&self, id: i64, delivery: i64) -> Result<WebhookDelivery, ClientError> {
        json(
            self.request(
                Method::POST,
                &format!("/api/v1/webhooks/{id}/deliveries/{delivery}/redeliver"),
            )
            .send()
            .await,
        )
        .await
    }
}
