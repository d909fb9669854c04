//! The shared vocabulary of Concord: the parties, roles, areas and forms of
//! co-operation of the Azerbaijan–Georgia defence co-operation agreement, the
//! wire types of the API and the problem+json error shape.
//!
//! This crate compiles for native targets and for `wasm32-unknown-unknown`;
//! it must never depend on anything server-side.

pub mod api;
pub mod codes;
pub mod domain;
pub mod i18n;
pub mod paper;
pub mod plan;
pub mod problem;
pub mod rules;
pub mod text;
pub mod wire;

pub use domain::{
    AlertDelivery, AlertKind, BulkAction, ChangeKind, CooperationArea, CooperationForm, InboxKind, Party, Role,
};
pub use i18n::{Labels, Lang};
pub use problem::Problem;
