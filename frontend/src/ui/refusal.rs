//! A refused request in the user's language. Every code the API answers
//! with (a rule's reason with its parameters, a problem code, a field error
//! code, a plan's blocker; `concord_shared::codes` lists them) is worded
//! here from the app's own translations, never from the server's English
//! `detail`; a code this build does not know gets a generic text in the
//! user's language.

use concord_shared::api::ExecutionStatus;
use concord_shared::plan::{ConsentState, PlanState};
use concord_shared::rules::Reason;
use concord_shared::{Lang, Party, Problem};

use crate::i18n::{Key, text};
use crate::ui::format_number;
use crate::ui::labels::{consent_key, execution_key};

/// A rule's reason in words, its parameters filled in.
pub fn reason_text(lang: Lang, reason: &Reason) -> String {
    let t = |key| text(lang, key).to_owned();
    let year = |key, year: &i32| text(lang, key).replace("{year}", &year.to_string());
    let plan_state = |code: &str| PlanState::from_code(code).map_or_else(|| code.to_owned(), |s| s.label(lang).into());
    let consent = |code: &str| ConsentState::from_code(code).map_or_else(|| code.to_owned(), |s| t(consent_key(s)));
    let execution =
        |code: &str| ExecutionStatus::from_code(code).map_or_else(|| code.to_owned(), |s| t(execution_key(s)));
    match reason {
        Reason::RoleTooLow => t(Key::RfRoleTooLow),
        Reason::RoleAboveOwn => t(Key::RfRoleAboveOwn),
        Reason::CrossSiteRequest => t(Key::RfCrossSite),
        Reason::UsernameTaken => t(Key::ErrTaken),
        Reason::LastAdministrator => t(Key::RfLastAdministrator),
        Reason::SessionRequired => t(Key::RfSessionRequired),
        Reason::TokenHasNoPassword => t(Key::RfTokenHasNoPassword),
        Reason::PlanExists { year: y } => year(Key::RfPlanExists, y),
        Reason::NoStepProposed => t(Key::RfNoStepProposed),
        Reason::StepAlreadyProposed => t(Key::RfStepAlreadyProposed),
        Reason::OwnProposal => t(Key::RfOwnProposal),
        Reason::OthersProposal => t(Key::RfOthersProposal),
        Reason::PlanState { state } => t(Key::RfPlanState).replace("{state}", &plan_state(state)),
        Reason::PlanNotAgreeable {
            awaiting_az,
            awaiting_ge,
            changes_requested,
            accepted,
        } => {
            // The same words as the plan page's blockers.
            let mut words = vec![t(Key::RfPlanNotAgreeable)];
            for (party, n) in [(Party::Az, awaiting_az), (Party::Ge, awaiting_ge)] {
                if *n > 0 {
                    words.push(awaiting(lang, party, u64::from(*n)));
                }
            }
            if *changes_requested > 0 {
                words.push(
                    t(Key::BlockChangesRequested).replace("{n}", &format_number(u64::from(*changes_requested), lang)),
                );
            }
            if *accepted == 0 {
                words.push(t(Key::BlockNoAccepted));
            }
            words.join(" ")
        }
        Reason::TranslationsIncomplete {
            missing_az,
            missing_ka,
            outdated_az,
            outdated_ka,
        } => {
            // The same words as the plan page's blockers.
            let mut words = vec![t(Key::RfPlanNotAgreeable)];
            for (key, party, n) in [
                (Key::BlockTranslationsMissing, Party::Az, missing_az),
                (Key::BlockTranslationsMissing, Party::Ge, missing_ka),
                (Key::BlockTranslationsOutdated, Party::Az, outdated_az),
                (Key::BlockTranslationsOutdated, Party::Ge, outdated_ka),
            ] {
                if *n > 0 {
                    words.push(
                        t(key)
                            .replace("{party}", text(lang, language_adjective(party)))
                            .replace("{n}", &format_number(u64::from(*n), lang)),
                    );
                }
            }
            words.join(" ")
        }
        Reason::TextNotOutdated => t(Key::RfTextNotOutdated),
        Reason::NotYourField { owner } => t(Key::RfNotYourField).replace("{party}", owner.label(lang)),
        Reason::AlreadyShared => t(Key::RfAlreadyShared),
        Reason::ActivityState { state } => t(Key::RfActivityState).replace("{state}", &consent(state)),
        Reason::AlreadySigned => t(Key::RfAlreadySigned),
        Reason::YearNotOver { year: y } => year(Key::RfYearNotOver, y),
        Reason::ExecutionStep { from, to } => t(Key::RfExecutionStep)
            .replace("{from}", &execution(from))
            .replace("{to}", &execution(to)),
        Reason::NotHost => t(Key::RfNotHost),
        Reason::NextPlanMissing { year: y } => year(Key::RfNextPlanMissing, y),
        Reason::AlreadyCarriedOver => t(Key::LcErrCarried),
        Reason::NotHeld => t(Key::RfNotHeld),
        Reason::AlreadyHeld => t(Key::RfAlreadyHeld),
        Reason::NotReceiver => t(Key::RfNotReceiver),
        Reason::OtherPartysAuthority => t(Key::RfOtherPartysAuthority),
        Reason::AlreadyNotified => t(Key::RfAlreadyNotified),
        Reason::AlreadyExists => t(Key::RfAlreadyExists),
        Reason::Other => t(Key::RfOther),
    }
}

/// A party's language as the translation blockers name it.
fn language_adjective(party: Party) -> Key {
    match party {
        Party::Az => Key::LangAdjAz,
        Party::Ge => Key::LangAdjKa,
    }
}

/// What fills `{party}` in a blocker's words: the party's name, or for the
/// translation blockers its language.
pub fn blocker_party(lang: Lang, blocker: &concord_shared::api::Blocker) -> String {
    match (blocker.code.as_str(), blocker.party) {
        ("translations_missing" | "translations_outdated", Some(p)) => text(lang, language_adjective(p)).to_owned(),
        (_, Some(p)) => p.label(lang).to_owned(),
        (_, None) => String::new(),
    }
}

fn awaiting(lang: Lang, party: Party, n: u64) -> String {
    text(lang, Key::BlockAwaitingConsent)
        .replace("{party}", party.label(lang))
        .replace("{n}", &format_number(n, lang))
}

/// The text of a problem code that is not a rule's reason (`None` for a
/// code this build does not know).
pub fn problem_code_text(lang: Lang, problem: &Problem) -> Option<String> {
    let key = match problem.code.as_str() {
        "not_found" => Key::PbNotFound,
        "method_not_allowed" | "bad_request" | "malformed_json" | "malformed_if_match" | "body_unreadable"
        | "if_match_required" => Key::PbBadRequest,
        "payload_too_large" => Key::PbTooLarge,
        "too_large" => Key::FeTooLarge,
        "invalid_input" => Key::FormHasErrors,
        "unauthenticated" => Key::SessionEnded,
        "wrong_credentials" => Key::LoginWrong,
        "stale_version" => Key::PbStale,
        "too_many_attempts" => {
            let minutes = problem.retry_after.unwrap_or(60).div_ceil(60).max(1);
            return Some(if minutes == 1 {
                text(lang, Key::LoginRateLimitedOne).to_owned()
            } else {
                text(lang, Key::LoginRateLimited).replace("{n}", &format_number(minutes, lang))
            });
        }
        "unsupported_media_type" => Key::RegWrongType,
        "document_damaged" => Key::PbDocumentDamaged,
        "unavailable" => {
            let seconds = problem.retry_after.unwrap_or(5);
            return Some(text(lang, Key::PbUnavailable).replace("{n}", &format_number(seconds, lang)));
        }
        "storage_full" => Key::PbStorageFull,
        "other_party_node" | "foreign_row" => {
            let key = if problem.code == "foreign_row" {
                Key::PbForeignRow
            } else {
                Key::PbOtherPartyNode
            };
            let party = problem
                .params
                .get("party")
                .and_then(|p| p.as_str())
                .and_then(Party::from_code)
                .map_or("", |p| p.label(lang));
            return Some(text(lang, key).replace("{party}", party));
        }
        "storage_unavailable" => {
            let seconds = problem.retry_after.unwrap_or(30);
            return Some(text(lang, Key::PbStorageUnavailable).replace("{n}", &format_number(seconds, lang)));
        }
        "internal" | "migrations_pending" => Key::ServerError,
        _ => return None,
    };
    Some(text(lang, key).to_owned())
}

/// A failed request in words, in `lang`: its reason, else its code, else a
/// generic text by status.
pub fn problem_text_in(lang: Lang, problem: &Problem) -> String {
    if problem.status == 0 {
        return text(lang, Key::ServerUnreachable).to_owned();
    }
    if let Some(reason) = problem.reason() {
        let words = reason_text(lang, &reason);
        return if problem.status == 409 {
            format!("{} {words}", text(lang, Key::Conflict))
        } else {
            words
        };
    }
    if let Some(words) = problem_code_text(lang, problem) {
        return words;
    }
    match problem.status {
        403 => text(lang, Key::Forbidden).to_owned(),
        422 => text(lang, Key::FormHasErrors).to_owned(),
        500.. => text(lang, Key::ServerError).to_owned(),
        status => text(lang, Key::RfUnknown).replace("{status}", &status.to_string()),
    }
}

/// The error text shown beside a field for a server field error.
pub fn field_error_key(field: &str, code: &str) -> Key {
    match code {
        "required" => Key::ErrRequired,
        "too_short" if field.contains("password") => Key::PasswordTooShort,
        "too_short" => Key::ErrTooShort,
        "too_long" => Key::ErrTooLong,
        "length" => Key::FeLength,
        "invalid" | "unknown_field" => Key::ErrInvalid,
        "unknown" => Key::FeUnknown,
        "control_character" | "bidi_control" => Key::FeControl,
        "taken" if field == "username" => Key::ErrTaken,
        "taken" => Key::FeTaken,
        "wrong" => Key::ErrWrongCurrent,
        "in_past" => Key::ErrInPast,
        "in_future" => Key::LcErrInFuture,
        "too_early" => Key::FeTooEarly,
        "outside_year" => Key::ErrOutsideYear,
        "before_start" => Key::ErrBeforeStart,
        "before_sent" => Key::FeBeforeSent,
        "before_signature" => Key::FeBeforeSignature,
        "needs_signature" => Key::FeNeedsSignature,
        "out_of_range" if field.contains("participants") => Key::ErrOutOfRange,
        "out_of_range" => Key::FeOutOfRange,
        "conflict" => Key::FeConflict,
        "duplicate" => Key::FeDuplicate,
        "fixed" => Key::FeFixed,
        "not_pending" => Key::FeNotPending,
        "not_recorded_by_hand" => Key::FeNotByHand,
        "not_yours" => Key::Forbidden,
        "carried" => Key::LcErrCarried,
        "not_carriable" => Key::LcErrNotCarriable,
        "too_large" => Key::FeTooLarge,
        "unsupported_media_type" | "unsupported_type" => Key::RegWrongType,
        "type_mismatch" => Key::RegTypeMismatch,
        "not_a_spreadsheet" => Key::ImpNotSpreadsheet,
        "empty" => Key::ImpEmpty,
        "unreadable" => Key::ImpUnreadable,
        "formula" => Key::ImpFormula,
        "unknown_column" => Key::ImpUnknownColumn,
        "too_many_rows" => Key::ImpTooManyRows,
        "duplicate_row" => Key::ImpDuplicateRow,
        "insecure_url" => Key::FeInsecureUrl,
        "not_a_date" => Key::ImpNotADate,
        "not_a_month" => Key::ImpNotAMonth,
        "not_a_number" => Key::ImpNotANumber,
        "not_in_list" => Key::ImpNotInList,
        _ => Key::ErrOther,
    }
}

/// The text of what blocks a plan's next step (`None` for a code this
/// build does not know).
pub fn blocker_key(code: &str) -> Option<Key> {
    Some(match code {
        "awaiting_consent" => Key::BlockAwaitingConsent,
        "changes_requested" => Key::BlockChangesRequested,
        "no_accepted_activity" => Key::BlockNoAccepted,
        "year_not_over" => Key::BlockYearNotOver,
        "awaiting_confirmation" => Key::BlockAwaitingConfirmation,
        "needs_proposal" => Key::BlockNeedsProposal,
        "translations_missing" => Key::BlockTranslationsMissing,
        "translations_outdated" => Key::BlockTranslationsOutdated,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use concord_shared::codes::{BLOCKER_CODES, FIELD_CODES, PROBLEM_CODES};

    use super::*;

    const LANGS: [Lang; 3] = [Lang::En, Lang::Az, Lang::Ka];

    fn refused(reason: &Reason, status: u16) -> Problem {
        Problem::new(status, "Conflict")
            .with_reason(reason)
            .with_detail(reason.describe())
    }

    /// Filled in, and in the language: Azerbaijani and Georgian texts are
    /// never the English one, and nothing of the server's English leaks.
    fn assert_worded(lang: Lang, words: &str, english: &str, what: &str) {
        assert!(!words.trim().is_empty(), "{what} has no text in {lang:?}");
        assert!(
            !words.contains('{') && !words.contains('}'),
            "{what} left a parameter in {lang:?}: {words}"
        );
        if lang != Lang::En {
            assert_ne!(words, english, "{what} is not translated into {lang:?}");
            // Azerbaijani is written in Latin letters too: look for words
            // only an English sentence has (the browser test's list).
            let english_word = words
                .split(|c: char| !c.is_alphabetic())
                .map(str::to_lowercase)
                .find(|w| ENGLISH_WORDS.contains(&w.as_str()));
            assert!(english_word.is_none(), "{what} has English in {lang:?}: {words}");
        }
    }

    const ENGLISH_WORDS: &[&str] = &[
        "the",
        "cannot",
        "await",
        "activities",
        "someone",
        "changed",
        "while",
        "editing",
        "taken",
        "already",
        "exists",
        "refused",
        "request",
        "please",
        "must",
        "only",
        "this",
        "field",
        "with",
    ];

    #[test]
    fn every_reason_is_worded_in_every_language_with_its_parameters() {
        for reason in Reason::examples() {
            let problem = refused(&reason, 409);
            let english = problem_text_in(Lang::En, &problem);
            for lang in LANGS {
                let words = problem_text_in(lang, &problem);
                assert_worded(lang, &words, &english, &reason.code());
                assert!(
                    lang == Lang::En || !words.contains(&reason.describe()),
                    "the server's English detail shows for {} in {lang:?}",
                    reason.code()
                );
            }
        }
        let numbers = Reason::PlanNotAgreeable {
            awaiting_az: 2,
            awaiting_ge: 0,
            changes_requested: 0,
            accepted: 1,
        };
        let words = reason_text(Lang::Az, &numbers);
        assert!(words.contains("2 tədbir Azərbaycan Respublikası"), "{words}");
        assert!(!words.contains("Gürcüstan"), "{words}");
        assert!(reason_text(Lang::Ka, &Reason::PlanExists { year: 2031 }).contains("2031"));
    }

    #[test]
    fn every_problem_code_is_worded_in_every_language() {
        for code in PROBLEM_CODES {
            let mut problem = Problem::new(400, "Bad Request")
                .with_code(*code)
                .with_detail("English words");
            problem.retry_after = Some(120);
            assert!(
                problem_code_text(Lang::En, &problem).is_some(),
                "no text for problem code {code}"
            );
            let english = problem_text_in(Lang::En, &problem);
            for lang in LANGS {
                assert_worded(lang, &problem_text_in(lang, &problem), &english, code);
            }
        }
    }

    #[test]
    fn every_field_code_and_blocker_is_worded_in_every_language() {
        for code in FIELD_CODES {
            let key = field_error_key("title", code);
            assert_ne!(key, Key::ErrOther, "field code {code} has no text of its own");
            for lang in LANGS {
                assert_worded(lang, text(lang, key), text(Lang::En, key), code);
            }
        }
        for code in BLOCKER_CODES {
            let key = blocker_key(code).unwrap_or_else(|| panic!("blocker {code} has no text"));
            for lang in LANGS {
                let words = text(lang, key).replace("{n}", "2").replace("{party}", "X");
                assert_worded(lang, &words, text(Lang::En, key), code);
            }
        }
    }

    #[test]
    fn an_unknown_code_gets_a_generic_text_in_the_users_language() {
        let problem = Problem::new(409, "Conflict")
            .with_code("brand_new_code")
            .with_detail("A sentence in English.");
        let english = problem_text_in(Lang::En, &problem);
        for lang in LANGS {
            let words = problem_text_in(lang, &problem);
            assert_worded(lang, &words, &english, "an unknown code");
            assert!(!words.contains("English"), "{words}");
            assert!(words.contains("409"), "{words}");
        }
    }
}
