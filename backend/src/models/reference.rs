//! The agreement's reference data: parties with their competent authorities,
//! areas and forms of co-operation.

use anyhow::Context;
use chrono::NaiveDate;
use concord_shared::api::{AgreementInfo, AreaInfo, FormInfo, PartyInfo, Reference};
use concord_shared::domain::agreement_title;
use concord_shared::{CooperationArea, CooperationForm, Labels, Party};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::competent_authority::{self, Column};

/// The reference data as of `today`: each party's authority in force that day.
pub async fn load(db: &DatabaseConnection, today: NaiveDate) -> anyhow::Result<Reference> {
    let rows = competent_authority::Entity::find()
        .filter(Column::ValidFrom.lte(today))
        // A pending change is its party's private business until notified.
        .filter(Column::Pending.eq(false))
        .order_by_asc(Column::ValidFrom)
        .all(db)
        .await
        .context("loading the competent authorities")?;
    let mut parties = Vec::with_capacity(2);
    for party in Party::ALL {
        // The latest authority that started by today and has not ended.
        let current = rows
            .iter()
            .rfind(|r| r.party == *party && r.valid_to.is_none_or(|end| end > today));
        let (authority, since) = match current {
            Some(row) => (
                Labels {
                    en: row.name_en.clone(),
                    az: row.name_az.clone(),
                    ka: row.name_ka.clone(),
                },
                row.valid_from.to_string(),
            ),
            None => (party.authority_at_signature(), "2023-04-24".to_owned()),
        };
        parties.push(PartyInfo {
            code: *party,
            name: party.labels(),
            competent_authority: authority,
            authority_since: since,
        });
    }
    Ok(Reference {
        agreement: AgreementInfo {
            title: agreement_title(),
            signed_at_place: Labels::new("Baku", "Bakı", "ბაქო"),
            signed_on: "2023-04-24".to_owned(),
        },
        parties,
        areas: CooperationArea::ALL.iter().map(|a| AreaInfo::of(*a)).collect(),
        forms: CooperationForm::ALL.iter().map(|f| FormInfo::of(*f)).collect(),
    })
}
