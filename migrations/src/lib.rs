//! Concord's schema. Every migration uses sea-orm-migration's schema DSL so the
//! same files run on SQLite and PostgreSQL. Tests build their schema by running
//! these migrations, never by hand.

pub use sea_orm_migration::prelude::*;

mod m20261129_000001_create_competent_authorities;
mod m20261129_000002_create_identity;
mod m20261129_000003_create_plans;
mod m20261129_000004_create_signatures_versions;
mod m20261129_000005_plan_revision;
mod m20261129_000006_create_register;
mod m20261129_000007_index_audit_entity;
mod m20261202_000008_unique_carried_from;
mod m20261202_000020_check_closed_lists;
mod m20261202_000030_create_calendar_feeds;
mod m20261202_000040_create_alerts;
mod m20261202_000060_audit_request_id;
mod m20261203_000090_check_audit_alert_lists;
mod m20261203_000100_create_webhooks;
mod m20261203_000120_user_language;
mod m20261203_000130_activity_texts;
mod m20261203_000140_translation_kinds;
mod m20261203_000150_shared_texts_documents;
mod m20261203_000160_activity_consents;
mod m20261203_000170_signature_content;
mod m20261203_000180_activity_sides_execution;
mod m20261203_000190_notification_receipts;
mod m20261203_000195_instrument_sides;
mod m20261203_000200_document_blobs;
mod m20261203_000210_joint_entries;
mod m20261203_000215_signature_node_key;

/// Runs Concord's migrations in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261129_000001_create_competent_authorities::Migration),
            Box::new(m20261129_000002_create_identity::Migration),
            Box::new(m20261129_000003_create_plans::Migration),
            Box::new(m20261129_000004_create_signatures_versions::Migration),
            Box::new(m20261129_000005_plan_revision::Migration),
            Box::new(m20261129_000006_create_register::Migration),
            Box::new(m20261129_000007_index_audit_entity::Migration),
            Box::new(m20261202_000008_unique_carried_from::Migration),
            Box::new(m20261202_000020_check_closed_lists::Migration),
            Box::new(m20261202_000030_create_calendar_feeds::Migration),
            Box::new(m20261202_000040_create_alerts::Migration),
            Box::new(m20261202_000060_audit_request_id::Migration),
            Box::new(m20261203_000090_check_audit_alert_lists::Migration),
            Box::new(m20261203_000100_create_webhooks::Migration),
            Box::new(m20261203_000120_user_language::Migration),
            Box::new(m20261203_000130_activity_texts::Migration),
            Box::new(m20261203_000140_translation_kinds::Migration),
            Box::new(m20261203_000150_shared_texts_documents::Migration),
            Box::new(m20261203_000160_activity_consents::Migration),
            Box::new(m20261203_000170_signature_content::Migration),
            Box::new(m20261203_000180_activity_sides_execution::Migration),
            Box::new(m20261203_000190_notification_receipts::Migration),
            Box::new(m20261203_000195_instrument_sides::Migration),
            Box::new(m20261203_000200_document_blobs::Migration),
            Box::new(m20261203_000210_joint_entries::Migration),
            Box::new(m20261203_000215_signature_node_key::Migration),
        ]
    }
}
