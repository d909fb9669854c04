//! What the parties' texts still lack before a plan can be agreed: the
//! counts of accepted activities without a text, or with an outdated one,
//! in each party's language, as a refusal and as the plan's blockers. Apart
//! from [`super::texts`] so that the plan's rules ask it without depending
//! on the activities' rules.

use super::{Reason, Refusal};
use crate::api::Blocker;
use crate::domain::Party;

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
    /// Counts one accepted activity: `az` and `ka` say whether its text in
    /// that language is present, and if so whether it is outdated.
    pub fn add(&mut self, az: Option<bool>, ka: Option<bool>) {
        match az {
            None => self.missing_az += 1,
            Some(true) => self.outdated_az += 1,
            Some(false) => {}
        }
        match ka {
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
