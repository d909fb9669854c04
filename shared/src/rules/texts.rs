//! An activity's texts in the parties' languages: who writes which, when a
//! translation is outdated, and what missing or outdated texts keep a plan
//! from agreement. Each party writes the text in its own language as part
//! of its side (so it resets no consent); the proposer writes the original
//! (its own language or English) as part of the substance, and a change of
//! the original makes the other texts outdated until their party confirms
//! or updates them. Every text row has one owning party (issue 18).

use super::activities::{FieldOwner, may_edit};
use super::{Reason, Refusal};
use crate::domain::Party;
use crate::i18n::Lang;
use crate::plan::PlanState;

/// The party that writes the text in `lang` of an activity proposed by
/// `proposer`: Azerbaijani is AZ's, Georgian GE's, English the proposer's.
pub fn owner(lang: Lang, proposer: Party) -> Party {
    match lang {
        Lang::Az => Party::Az,
        Lang::Ka => Party::Ge,
        Lang::En => proposer,
    }
}

/// A party's own language.
pub fn language_of(party: Party) -> Lang {
    match party {
        Party::Az => Lang::Az,
        Party::Ge => Lang::Ka,
    }
}

/// May the proposer write the original text in `lang` (its own language or English)?
pub fn original_allowed(proposer: Party, lang: Lang) -> bool {
    lang == Lang::En || lang == language_of(proposer)
}

/// The language an original text of `proposer` is stored as when its
/// language was not given: what its letters say if the proposer may write
/// in it, else English.
pub fn original_lang(proposer: Party, given: Option<Lang>, title: &str, description: &str) -> Lang {
    given.unwrap_or_else(|| {
        let guessed = crate::text::detect_lang(&format!("{title} {description}"));
        if original_allowed(proposer, guessed) {
            guessed
        } else {
            Lang::En
        }
    })
}

/// May `actor` write the text in `lang` of an activity proposed by
/// `proposer` whose original is in `original` (the plan in `plan` state)?
/// The owning party's planners and coordinators, while the plan is open
/// (a signed plan changes only through an amendment). The original is the
/// substance; any other text is its party's side.
pub fn may_write(
    actor: super::Actor,
    plan: PlanState,
    proposer: Party,
    original: Lang,
    lang: Lang,
) -> Result<(), Refusal> {
    let field = if lang == original {
        FieldOwner::Substance
    } else {
        FieldOwner::Side(owner(lang, proposer))
    };
    may_edit(actor, plan, proposer, field)
}

/// Whether `actor` may write its own party's language in some activity of
/// a plan in state `plan` (the other party's original aside): the work
/// queue reads the texts only for those who may ([`may_write`] decides for
/// each activity).
pub fn may_write_own_language(actor: super::Actor, plan: PlanState) -> Result<(), Refusal> {
    may_edit(actor, plan, actor.party, FieldOwner::Side(actor.party))
}

/// Whether writing the text in `lang` is a substantive change (it resets
/// consent and outdates the translations): only the original's.
pub fn is_substantive(original: Lang, lang: Lang) -> bool {
    lang == original
}

/// Whether a text written against the original's revision `translates` is
/// outdated now that the original is at `revision` (the original itself never is).
pub fn is_outdated(lang: Lang, original: Lang, translates: i64, revision: i64) -> bool {
    lang != original && translates < revision
}

/// May `actor` confirm that its outdated translation in `lang` is still
/// correct? Whoever may write it, and only while it is outdated.
pub fn may_confirm(
    actor: super::Actor,
    plan: PlanState,
    proposer: Party,
    original: Lang,
    lang: Lang,
    outdated: bool,
) -> Result<(), Refusal> {
    may_write(actor, plan, proposer, original, lang)?;
    if outdated {
        Ok(())
    } else {
        Err(Refusal::Conflict(Reason::TextNotOutdated))
    }
}

pub use super::translations::{TextStates, TranslationGaps, translation_blockers, translations_complete, wants_texts};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;
    use crate::rules::Actor;

    fn actor(party: Party, role: Role) -> Actor {
        Actor { party, role }
    }

    #[test]
    fn each_party_writes_its_own_language_and_the_proposer_english_and_the_original() {
        assert_eq!(owner(Lang::Az, Party::Ge), Party::Az);
        assert_eq!(owner(Lang::Ka, Party::Az), Party::Ge);
        assert_eq!(owner(Lang::En, Party::Ge), Party::Ge);
        let open = PlanState::Negotiation;
        let ge = actor(Party::Ge, Role::Planner);
        assert!(may_write(ge, open, Party::Az, Lang::Az, Lang::Ka).is_ok());
        assert!(may_write(actor(Party::Ge, Role::Coordinator), open, Party::Az, Lang::Az, Lang::Ka).is_ok());
        assert_eq!(
            may_write(ge, open, Party::Az, Lang::Az, Lang::En),
            Err(Refusal::Forbidden(Reason::NotYourField { owner: Party::Az }))
        );
        assert!(may_write(actor(Party::Ge, Role::Viewer), open, Party::Az, Lang::Az, Lang::Ka).is_err());
        assert!(
            may_write(ge, PlanState::Signed, Party::Az, Lang::Az, Lang::Ka).is_err(),
            "a signed plan changes through an amendment"
        );
        assert!(original_allowed(Party::Az, Lang::En) && !original_allowed(Party::Az, Lang::Ka));
        assert_eq!(original_lang(Party::Az, None, "Qərargah danışıqları", ""), Lang::Az);
        assert_eq!(original_lang(Party::Az, None, "სამთო", ""), Lang::En);
        assert_eq!(original_lang(Party::Ge, None, "სამთო", ""), Lang::Ka);
    }

    #[test]
    fn a_translation_is_outdated_once_the_original_moved_on_and_only_then_confirmed() {
        assert!(is_outdated(Lang::Ka, Lang::Az, 1, 2));
        assert!(!is_outdated(Lang::Az, Lang::Az, 1, 2), "the original never is");
        assert!(!is_outdated(Lang::Ka, Lang::Az, 2, 2));
        let ge = actor(Party::Ge, Role::Planner);
        let open = PlanState::Agreed;
        assert!(may_confirm(ge, open, Party::Az, Lang::Az, Lang::Ka, true).is_ok());
        assert_eq!(
            may_confirm(ge, open, Party::Az, Lang::Az, Lang::Ka, false),
            Err(Refusal::Conflict(Reason::TextNotOutdated))
        );
    }

    #[test]
    fn missing_or_outdated_texts_block_agreement_with_their_counts() {
        let mut gaps = TranslationGaps::default();
        assert!(translations_complete(&gaps).is_ok());
        let states = |az, ka| TextStates { az, ka };
        gaps.add(states(Some(false), None));
        gaps.add(states(Some(false), Some(true)));
        gaps.add(states(None, Some(false)));
        assert_eq!(
            translations_complete(&gaps),
            Err(Refusal::Conflict(Reason::TranslationsIncomplete {
                missing_az: 1,
                missing_ka: 1,
                outdated_az: 0,
                outdated_ka: 1
            }))
        );
        let codes: Vec<_> = translation_blockers(&gaps)
            .into_iter()
            .map(|b| (b.code, b.party, b.count))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("translations_missing".to_owned(), Some(Party::Az), Some(1)),
                ("translations_missing".to_owned(), Some(Party::Ge), Some(1)),
                ("translations_outdated".to_owned(), Some(Party::Ge), Some(1)),
            ]
        );
    }
}
