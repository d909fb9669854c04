//! The alert operations (`/api/v1/alerts`, `/api/v1/me/alert-preferences`).

use concord_shared::api::{Alert, AlertPreferences, Page, UnreadAlerts};

use super::http::Method;
use super::{Client, ClientError, json};

impl Client {
    /// `HTTP GET /api/v1/alerts`: a page of the caller's alerts, newest first.
    pub async fn alerts(&self, offset: u64, limit: u64) -> Result<Page<Alert>, ClientError> {
        json(
            self.request(Method::GET, &format!("/api/v1/alerts?offset={offset}&limit={limit}"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP GET /api/v1/alerts/unread`: how many alerts are unread.
    pub async fn unread_alerts(&self) -> Result<UnreadAlerts, ClientError> {
        json(self.request(Method::GET, "/api/v1/alerts/unread").send().await).await
    }

    /// `HTTP POST /api/v1/alerts/{id}/read`: marks one alert read.
    pub async fn read_alert(&self, id: i64) -> Result<Alert, ClientError> {
        json(
            self.request(Method::POST, &format!("/api/v1/alerts/{id}/read"))
                .send()
                .await,
        )
        .await
    }

    /// `HTTP POST /api/v1/alerts/read`: marks every alert read.
    pub async fn read_all_alerts(&self) -> Result<UnreadAlerts, ClientError> {
        json(self.request(Method::POST, "/api/v1/alerts/read").send().await).await
    }

    /// `HTTP GET /api/v1/me/alert-preferences`.
    pub async fn alert_preferences(&self) -> Result<AlertPreferences, ClientError> {
        json(self.request(Method::GET, "/api/v1/me/alert-preferences").send().await).await
    }

    /// `HTTP PUT /api/v1/me/alert-preferences`: replaces them.
    pub async fn set_alert_preferences(&self, new: &AlertPreferences) -> Result<AlertPreferences, ClientError> {
        json(
            self.request(Method::PUT, "/api/v1/me/alert-preferences")
                .json(new)
                .send()
                .await,
        )
        .await
    }
}
