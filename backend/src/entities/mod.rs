//! SeaORM entities, one module per table.

pub mod activity;
pub mod activity_consent;
pub mod activity_execution;
pub mod activity_side;
pub mod activity_text;
pub mod alert;
pub mod api_token;
pub mod audit_log;
pub mod calendar_feed;
pub mod comment;
pub mod competent_authority;
pub mod document;
pub mod document_blob;
pub mod instrument;
pub mod instrument_side;
pub mod joint_entry;
pub mod login_failure;
pub mod notification;
pub mod notification_receipt;
pub mod plan;
pub mod plan_signature;
pub mod plan_version;
pub mod session;
pub mod user;
pub mod webhook;
