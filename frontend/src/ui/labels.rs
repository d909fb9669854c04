//! The words for the closed lists and recorded changes: consent and
//! execution states, cost arrangements, instrument kinds, history fields.

use concord_shared::api::{Activity, CostArrangement, ExecutionStatus, InstrumentKind, When};
use concord_shared::plan::{ConsentState, PartyConsent, PlanState};
use concord_shared::rules::plan::{ShownState, shown_state};
use concord_shared::{CooperationArea, CooperationForm, Lang, Party};
use leptos::prelude::*;

use crate::i18n::{I18n, Key, format_iso_date, month_name};
use crate::ui::dates::iso;
use crate::ui::format_number;

/// The text of a consent state.
pub fn consent_key(state: ConsentState) -> Key {
    match state {
        ConsentState::Draft => Key::ConsentDraft,
        ConsentState::Pending => Key::ConsentPending,
        ConsentState::ChangesRequested => Key::ConsentChangesRequested,
        ConsentState::AcceptedByAz => Key::ConsentAcceptedByAz,
        ConsentState::AcceptedByGe => Key::ConsentAcceptedByGe,
        ConsentState::Accepted => Key::ConsentAccepted,
        ConsentState::Rejected => Key::ConsentRejected,
        ConsentState::Withdrawn => Key::ConsentWithdrawn,
    }
}

/// The text of one party's decision.
pub fn party_consent_key(consent: PartyConsent) -> Key {
    match consent {
        PartyConsent::Pending => Key::DecisionPending,
        PartyConsent::Accepted => Key::DecisionAccepted,
        PartyConsent::Rejected => Key::DecisionRejected,
        PartyConsent::ChangesRequested => Key::DecisionChangesRequested,
    }
}

/// When an activity takes place, in words: exact dates or a tentative month.
pub fn schedule_text(when: When, lang: Lang) -> String {
    match (when.start_date, when.end_date, when.month) {
        (Some(start), Some(end), _) if end != start => format!(
            "{} – {}",
            format_iso_date(&iso(start), lang),
            format_iso_date(&iso(end), lang)
        ),
        (Some(start), _, _) => format_iso_date(&iso(start), lang),
        (None, _, Some(month)) => format!("{} {} (~)", month_name(lang, month), when.year),
        _ => String::new(),
    }
}

/// Both parties' consent at a glance.
#[component]
pub fn ConsentPair(activity: Activity) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let one = move |party: Party, consent: PartyConsent| {
        view! {
            <span class="consent" data-consent=consent.code() data-party=party.code()>
                <span class="party-code">{party.short()}</span>
                {move || i18n.t(party_consent_key(consent))}
            </span>
        }
    };
    view! { <span class="consent-pair">{one(Party::Az, activity.consent_az)} {one(Party::Ge, activity.consent_ge)}</span> }
}

/// The cost arrangement's text.
pub fn cost_key(cost: CostArrangement) -> Key {
    match cost {
        CostArrangement::SendingPartyPays => Key::CostSending,
        CostArrangement::HostPartyPays => Key::CostHost,
        CostArrangement::Shared => Key::CostShared,
        CostArrangement::ThirdParty => Key::CostThird,
    }
}

/// The word for an execution status.
pub fn execution_key(status: ExecutionStatus) -> Key {
    match status {
        ExecutionStatus::Planned => Key::ExecPlanned,
        ExecutionStatus::Confirmed => Key::ExecConfirmed,
        ExecutionStatus::Held => Key::ExecHeld,
        ExecutionStatus::Postponed => Key::ExecPostponed,
        ExecutionStatus::Cancelled => Key::ExecCancelled,
    }
}

/// The label of a kind.
pub fn kind_key(kind: InstrumentKind) -> Key {
    match kind {
        InstrumentKind::BaseAgreement => Key::RegKindBase,
        InstrumentKind::AdditionalAgreement => Key::RegKindAdditional,
        InstrumentKind::AnnualPlan => Key::RegKindPlan,
        InstrumentKind::PlanAmendment => Key::RegKindAmendment,
        InstrumentKind::Protocol => Key::RegKindProtocol,
        InstrumentKind::Minutes => Key::RegKindMinutes,
    }
}

/// The label of a changed field (`location`, `az.responsible_unit`, `consent_ge`),
/// with the party it belongs to.
pub(crate) fn field_label(field: &str, lang: Lang) -> String {
    let (party, name) = match field.split_once('.') {
        Some((p, rest)) => (Party::from_code(p), rest),
        None => match field.rsplit_once('_') {
            Some((rest, p)) if matches!(p, "az" | "ge") => (Party::from_code(p), rest),
            _ => match field.split_once('_') {
                Some((p, "summary")) => (Party::from_code(p), "summary"),
                _ => (None, field),
            },
        },
    };
    let key = match name {
        "title" => Key::Title,
        "description" => Key::Description,
        "area" => Key::Area,
        "area_other" => Key::AreaOther,
        "form" => Key::Form,
        "form_other" => Key::FormOther,
        "proposing_party" => Key::ProposingParty,
        "host_party" => Key::HostParty,
        "location" => Key::Location,
        "start_date" => Key::StartDate,
        "end_date" => Key::EndDate,
        "month" => Key::Month,
        "cost" => Key::Cost,
        "reference" => Key::Reference,
        "consent" => Key::Consent,
        "execution" => Key::FieldExecution,
        "execution_reason" => Key::FieldExecutionReason,
        "summary" => Key::FieldSummary,
        "carried_from" => Key::FieldCarriedFrom,
        "participants" => Key::Participants,
        "responsible_unit" => Key::ResponsibleUnit,
        "point_of_contact" => Key::PointOfContact,
        _ => return field.to_owned(),
    };
    let label = crate::i18n::text(lang, key);
    match party {
        Some(p) => format!("{label} ({})", p.short()),
        None => label.to_owned(),
    }
}

/// A changed field's value in words.
pub(crate) fn value_text(field: &str, value: &serde_json::Value, lang: Lang) -> String {
    let name = field.rsplit('.').next().unwrap_or(field);
    let key = |k: Key| crate::i18n::text(lang, k).to_owned();
    if let Some(n) = value.as_u64() {
        return match name {
            "month" => month_name(lang, u32::try_from(n).unwrap_or(0)).to_owned(),
            "participants" => format_number(n, lang),
            _ => n.to_string(),
        };
    }
    // Activity fields are text, numbers or nothing (a side's fields arrive one by one).
    let Some(text) = value.as_str().filter(|t| !t.is_empty()) else {
        return "—".to_owned();
    };
    let known = match name {
        "area" => CooperationArea::from_code(text).map(|a| a.label(lang).to_owned()),
        "form" => CooperationForm::from_code(text).map(|f| f.label(lang).to_owned()),
        "host_party" | "proposing_party" => Party::from_code(text).map(|p| p.label(lang).to_owned()),
        "consent" => ConsentState::from_code(text).map(|c| key(consent_key(c))),
        "consent_az" | "consent_ge" => PartyConsent::from_code(text).map(|c| key(party_consent_key(c))),
        "start_date" | "end_date" => Some(format_iso_date(text, lang)),
        "cost" => match text {
            "sending_party_pays" => Some(Key::CostSending),
            "host_party_pays" => Some(Key::CostHost),
            "shared" => Some(Key::CostShared),
            "third_party" => Some(Key::CostThird),
            _ => None,
        }
        .map(key),
        "execution" => match text {
            "planned" => Some(Key::ExecPlanned),
            "confirmed" => Some(Key::ExecConfirmed),
            "held" => Some(Key::ExecHeld),
            "postponed" => Some(Key::ExecPostponed),
            "cancelled" => Some(Key::ExecCancelled),
            _ => None,
        }
        .map(key),
        _ => None,
    };
    known.unwrap_or_else(|| text.to_owned())
}

/// How a plan's state is shown: a signed plan whose amendment is under way
/// stays *signed*, with the amendment beside it (the rules decide).
pub fn shown_plan_state(plan: &concord_shared::api::Plan) -> ShownState {
    shown_state(plan.state, plan.signed_version, plan.amendment)
}

/// The words of a shown plan state (tracked: follows the language).
pub fn shown_state_text(i18n: I18n, shown: ShownState) -> String {
    let lang = i18n.lang();
    match shown {
        ShownState::Plain(state) => state.label(lang).to_owned(),
        ShownState::SignedAmending { amendment, state } => {
            let key = match state {
                PlanState::Drafting => Key::PlanSignedAmendingDrafting,
                PlanState::Agreed => Key::PlanSignedAmendingAgreed,
                _ => Key::PlanSignedAmendingNegotiation,
            };
            i18n.t(key).replace("{n}", &amendment.to_string())
        }
    }
}

/// What `data-amending` says of a shown plan state (tests and styles): the
/// amendment's number while a signed plan is amended, else nothing.
pub fn amending_attr(shown: ShownState) -> Option<String> {
    match shown {
        ShownState::Plain(_) => None,
        ShownState::SignedAmending { amendment, .. } => Some(amendment.to_string()),
    }
}
