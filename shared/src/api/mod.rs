//! Request and response bodies of the HTTP API (`/api/v1`).

use serde::{Deserialize, Serialize};

use crate::domain::{CooperationArea, CooperationForm, Party};
use crate::i18n::Labels;

/// `GET /api/v1/health`: the service and its database answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// `ok` when the database answered.
    pub status: String,
    /// The backend's version (`CARGO_PKG_VERSION`).
    pub version: String,
    /// The database backend in use: `sqlite` or `postgres`.
    pub database: String,
}

/// `GET /api/v1/ready`: this instance can serve: its database answers and
/// its schema is current. A load balancer sends traffic only to ready ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Readiness {
    /// `ready`.
    pub status: String,
    /// How many migrations this build knows and has applied.
    pub migrations: u32,
}

/// `GET /api/v1/reference`: the agreement and its fixed lists, with labels in every language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reference {
    /// The agreement the board serves.
    pub agreement: AgreementInfo,
    /// The two parties, with their current competent authorities.
    pub parties: Vec<PartyInfo>,
    /// The 14 areas of co-operation, in the agreement's order.
    pub areas: Vec<AreaInfo>,
    /// The 7 forms of co-operation, in the agreement's order.
    pub forms: Vec<FormInfo>,
}

/// The base agreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgreementInfo {
    /// Its full title.
    pub title: Labels,
    /// Place of signature.
    pub signed_at_place: Labels,
    /// Date of signature (ISO 8601).
    pub signed_on: String,
}

/// A party and its competent authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartyInfo {
    /// The party's wire code.
    pub code: Party,
    /// The party's name.
    pub name: Labels,
    /// The party's competent authority in force today.
    pub competent_authority: Labels,
    /// Since when that authority is in force (ISO 8601 date).
    pub authority_since: String,
}

/// An area of co-operation with its labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AreaInfo {
    /// The area's wire code.
    pub code: CooperationArea,
    /// Its agreed labels.
    pub label: Labels,
    /// Whether activities in it need a free-text specification.
    pub needs_specification: bool,
}

/// A form of co-operation with its labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormInfo {
    /// The form's wire code.
    pub code: CooperationForm,
    /// Its agreed labels.
    pub label: Labels,
    /// Whether activities in it need a free-text specification.
    pub needs_specification: bool,
}

impl AreaInfo {
    /// The reference entry of one area.
    pub fn of(area: CooperationArea) -> AreaInfo {
        AreaInfo {
            code: area,
            label: area.labels(),
            needs_specification: area.needs_specification(),
        }
    }
}

impl FormInfo {
    /// The reference entry of one form.
    pub fn of(form: CooperationForm) -> FormInfo {
        FormInfo {
            code: form,
            label: form.labels(),
            needs_specification: form.needs_specification(),
        }
    }
}

mod identity;
pub use identity::*;

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// How many items match in all.
    pub total: u64,
    /// How many items were skipped before this page.
    pub offset: u64,
    /// The most items a page holds.
    pub limit: u64,
}

mod plans;
pub use plans::*;

mod texts;
pub use texts::*;

mod cards;
pub use cards::*;

mod webhooks;
pub use webhooks::*;

mod authorities;
pub use authorities::*;

mod changes;
pub use changes::*;

mod alerts;
pub use alerts::*;

mod documents;
pub use documents::*;

mod feeds;
pub use feeds::*;

mod imports;
pub use imports::*;

mod inbox;
pub use inbox::*;

mod instruments;
pub use instruments::*;
