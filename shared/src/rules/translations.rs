//! What the parties' texts still lack before a plan can be agreed: the
//! counts of accepted activities without a text, or with an outdated one,
//! in each party's language, as a refusal and as the plan's blockers. Apart
//! from [`super::texts`] so that the plan's rules ask it without depending
//! on the activities' rules.

use super::{Reason, Refusal};
use crate::api::Blocker;
use crate::domain::Party;
use crate::i18n::Lang;
use crate::plan::ConsentState;

/// An activity's texts in the parties' languages: for Azerbaijani and
/// Georgian, `None` when not written, else whether it is outdated (the
/// original's language counts as written and current).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextStates {
    /// The Azerbaijani text.
    pub az: Option<bool>,
    /// The Georgian text.
    pub ka: Option<bool>,
}

impl TextStates {
    /// The state of the text in `lang` (English is no party's language: current).
    pub fn of(&self, lang: Lang) -> Option<bool> {
        match lang {
            Lang::Az => self.az,
            Lang::Ka => self.ka,
            Lang::En => Some(false),
        }
    }

    /// Whether the text in `lang` is missing or outdated.
    pub fn lacks(&self, lang: Lang) -> bool {
        self.of(lang) != Some(false)
    }
}

/// Whether an activity in `consent` state wants its texts in both parties'
/// languages: once shared, until it leaves the plan (rejected, withdrawn).
pub fn wants_texts(consent: ConsentState) -> bool {
    !matches!(
        consent,
        ConsentState::Draft | ConsentState::Rejected | ConsentState::Withdrawn
    )
}

/// The texts of the plan's activities accepted by both parties that keep
/// it from agreement: per party's language, how many are missing or outdated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TranslationGaps {
    /// Accepted activities without an Azerbaijani text.
    pub missing_az: u32,
    /// Accepted activities without a Georgian text.
    pub missing_ka: u32,
    /// Accepted activities whose Azerbaijani text is outdated.
    pub outdated_az: u32,
    /// Accepted activities whose Georgian text is outdated.
    pub outdated_ka: u32,
}

impl TranslationGaps {
    /// Counts one accepted activity by the states of its texts.
    pub fn add(&mut self, texts: TextStates) {
        match texts.az {
            None => self.missing_az += 1,
            Some(true) => self.outdated_az += 1,
            Some(false) => {}
        }
        match texts.ka {
            None => self.missing_ka += 1,
            Some(true) => self.outdated_ka += 1,
            Some(false) => {}
        }
    }

    /// Whether nothing is missing or outdated.
    pub fn is_empty(&self) -> bool {
        *self == TranslationGaps::default()
    }
}

/// Every accepted activity has its text in both parties' languages, up to date?
pub fn translations_complete(gaps: &TranslationGaps) -> Result<(), Refusal> {
    if gaps.is_empty() {
        return Ok(());
    }
    Err(Refusal::Conflict(Reason::TranslationsIncomplete {
        missing_az: gaps.missing_az,
        missing_ka: gaps.missing_ka,
        outdated_az: gaps.outdated_az,
        outdated_ka: gaps.outdated_ka,
    }))
}

/// The gaps as the plan's blockers: `translations_missing` and
/// `translations_outdated`, per party whose language it is, with the count.
pub fn translation_blockers(gaps: &TranslationGaps) -> Vec<Blocker> {
    let mut blockers = Vec::new();
    for (code, party, n) in [
        ("translations_missing", Party::Az, gaps.missing_az),
        ("translations_missing", Party::Ge, gaps.missing_ka),
        ("translations_outdated", Party::Az, gaps.outdated_az),
        ("translations_outdated", Party::Ge, gaps.outdated_ka),
    ] {
        if n > 0 {
            blockers.push(Blocker {
                code: code.into(),
                party: Some(party),
                count: Some(u64::from(n)),
            });
        }
    }
    blockers
}
