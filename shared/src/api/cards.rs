//! An activity as a list shows it: the board's card, the table's row, the
//! plan's work queue. It carries what those draw and no more: a whole
//! [`Activity`] also carries its description, its texts in up to three
//! languages and both parties' sides, which are most of its bytes and most
//! of what the web app spends reading a list of hundreds (issue 17).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{Activity, PickedText, TitleText, pick_from};
use crate::domain::{CooperationArea, CooperationForm, Party};
use crate::i18n::Lang;
use crate::plan::{ConsentState, PartyConsent};

/// `GET /api/v1/plans/{year}/activities/cards`: an activity as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActivityCard {
    /// Id.
    pub id: i64,
    /// The plan's year.
    pub year: i32,
    /// Reference code such as `2027-AZ-017`, assigned when first shared.
    pub reference: Option<String>,
    /// Title, in the original language (`text_lang`).
    pub title: String,
    /// The language of `title`.
    pub text_lang: Lang,
    /// The title in every language written so far, the original included
    /// (pick one with [`ActivityCard::title_in`]).
    pub titles: Vec<TitleText>,
    /// Area of co-operation.
    pub area: CooperationArea,
    /// Form of co-operation.
    pub form: CooperationForm,
    /// The proposing party.
    pub proposing_party: Party,
    /// The host party.
    pub host_party: Party,
    /// First day (exact dates).
    pub start_date: Option<NaiveDate>,
    /// Last day (exact dates).
    pub end_date: Option<NaiveDate>,
    /// Month (1–12) while the dates are tentative.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 12))]
    pub month: Option<u32>,
    /// Azerbaijan's consent.
    pub consent_az: PartyConsent,
    /// Georgia's consent.
    pub consent_ge: PartyConsent,
    /// The shared consent state.
    pub consent: ConsentState,
    /// Version (the `ETag` a decision on it needs).
    pub version: i64,
    /// Last changed.
    pub updated_at: DateTime<Utc>,
}

impl ActivityCard {
    /// The card of `activity`.
    pub fn of(activity: &Activity) -> ActivityCard {
        ActivityCard {
            id: activity.id,
            year: activity.year,
            reference: activity.reference.clone(),
            title: activity.title.clone(),
            text_lang: activity.text_lang,
            titles: activity
                .texts
                .iter()
                .map(|t| TitleText {
                    lang: t.lang,
                    title: t.title.clone(),
                    outdated: t.outdated,
                })
                .collect(),
            area: activity.area,
            form: activity.form,
            proposing_party: activity.proposing_party,
            host_party: activity.host_party,
            start_date: activity.start_date,
            end_date: activity.end_date,
            month: activity.month,
            consent_az: activity.consent_az,
            consent_ge: activity.consent_ge,
            consent: activity.consent,
            version: activity.version,
            updated_at: activity.updated_at,
        }
    }

    /// The title to show in `lang`, picked as [`Activity::text_in`] picks
    /// (the description is empty: a card has none).
    pub fn title_in(&self, lang: Lang) -> PickedText<'_> {
        let titles = self.titles.iter().map(|t| (t.lang, t.title.as_str(), "", t.outdated));
        pick_from(titles, (&self.title, "", self.text_lang), lang)
    }

    /// When it takes place.
    pub fn when(&self) -> When {
        When {
            year: self.year,
            start_date: self.start_date,
            end_date: self.end_date,
            month: self.month,
        }
    }
}

impl Activity {
    /// When it takes place.
    pub fn when(&self) -> When {
        When {
            year: self.year,
            start_date: self.start_date,
            end_date: self.end_date,
            month: self.month,
        }
    }
}

/// When an activity takes place: exact dates, or a tentative month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    /// The plan's year (a tentative month is of it).
    pub year: i32,
    /// First day (exact dates).
    pub start_date: Option<NaiveDate>,
    /// Last day (exact dates).
    pub end_date: Option<NaiveDate>,
    /// Month (1–12) while the dates are tentative.
    pub month: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_carries_what_a_list_draws_and_picks_titles_as_the_activity_does() {
        let activity: Activity = serde_json::from_value(serde_json::json!({
            "id": 7, "year": 2027, "reference": "2027-AZ-001",
            "title": "Qərargah danışıqları", "description": "Uzun təsvir", "text_lang": "az",
            "texts": [
                {"lang": "az", "title": "Qərargah danışıqları", "description": "Uzun təsvir", "party": "az",
                 "outdated": false, "written_by": "A", "written_at": "2026-12-03T10:00:00Z", "version": 1},
                {"lang": "en", "title": "Staff talks", "description": "A long description", "party": "az",
                 "outdated": true, "written_by": "A", "written_at": "2026-12-03T10:00:00Z", "version": 1}
            ],
            "area": "military_education_training_exercises", "area_other": null, "form": "official_visits_staff_meetings", "form_other": null,
            "proposing_party": "az", "host_party": "ge", "location": "Tbilisi",
            "start_date": null, "end_date": null, "month": 5, "cost": "shared",
            "az": {"participants": 3, "responsible_unit": "Unit", "point_of_contact": "Someone"},
            "ge": {"participants": null, "responsible_unit": "", "point_of_contact": ""},
            "consent_az": "accepted", "consent_ge": "pending", "consent": "pending",
            "execution": "planned", "execution_reason": null, "az_summary": null, "ge_summary": null,
            "carried_from": null, "version": 4,
            "created_at": "2026-12-03T10:00:00Z", "updated_at": "2026-12-03T11:00:00Z"
        }))
        .expect("an activity");
        let card = ActivityCard::of(&activity);
        let json = serde_json::to_string(&card).expect("json");
        assert!(!json.contains("description") && !json.contains("Unit"), "{json}");
        assert_eq!(card.when(), activity.when());
        for lang in Lang::ALL {
            let (whole, slim) = (activity.text_in(lang), card.title_in(lang));
            assert_eq!(
                (whole.title, whole.lang, whole.fallback, whole.outdated),
                (slim.title, slim.lang, slim.fallback, slim.outdated),
                "{lang:?}"
            );
        }
    }
}
