//! The board's parts: a colour and an icon per consent state, the cards
//! (plain views: nothing on a card is reactive, the whole board is drawn
//! again when the list, the language or the lanes change), the columns in
//! one row, optional swimlanes, and the view's own choices (lanes, density,
//! the column a phone shows).
//!
//! Rendering 500 cards is the board's cost (issue 17's benchmark): one pass
//! groups the list, no card owns a signal, an effect or a router link.

use concord_shared::api::Activity;
use concord_shared::plan::{ConsentState, PartyConsent};
use concord_shared::{CooperationArea, Lang, Party};
use leptos::prelude::*;

use crate::i18n::{Key, text};
use crate::ui::format_number;
use crate::ui::labels::{consent_key, party_consent_key, schedule_text};
use crate::ui::texts::in_language;

/// The icon of a consent state (beside its colour, so that no state is told
/// by colour alone; rejected and withdrawn never look like accepted).
pub fn state_icon(state: ConsentState) -> &'static str {
    match state {
        ConsentState::Draft => "✎",
        ConsentState::Pending => "○",
        ConsentState::ChangesRequested => "↻",
        ConsentState::AcceptedByAz => "◐",
        ConsentState::AcceptedByGe => "◑",
        ConsentState::Accepted => "✔",
        ConsentState::Rejected => "✖",
        ConsentState::Withdrawn => "⊘",
    }
}

/// How the board groups its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lanes {
    /// One row of columns.
    None,
    /// A row per cooperation area.
    Area,
    /// A row per host party.
    Host,
}

impl Lanes {
    /// The value in the address (`?lanes=`).
    pub fn code(self) -> &'static str {
        match self {
            Lanes::None => "",
            Lanes::Area => "area",
            Lanes::Host => "host",
        }
    }

    /// From the address.
    pub fn from_code(code: &str) -> Lanes {
        match code {
            "area" => Lanes::Area,
            "host" => Lanes::Host,
            _ => Lanes::None,
        }
    }
}

/// The link to an activity with its title: the one place a card and a
/// table row show an activity's title.
/// The title is in `lang` when that text is written, else in the fallback
/// language, marked as such.
pub fn title_link(activity: &Activity, lang: Lang) -> impl IntoView + use<> {
    // A plain anchor: the router handles its click; no memo per card.
    let shown = activity.text_in(lang);
    let code = shown.lang.code();
    let badge = shown.fallback.then(|| {
        view! { " " <small class="badge lang-fallback" data-testid="text-fallback" data-lang=code>{text(lang, in_language(shown.lang))}</small> }
    });
    view! {
        <a href=format!("/activities/{}", activity.id) class="title">
            <span lang=code data-text-lang=code>{shown.title.to_owned()}</span>
        </a>
        {badge}
    }
}

/// Both parties' decisions, as words (not reactive: drawn in `lang`).
fn consent_pair(activity: &Activity, lang: Lang) -> impl IntoView + use<> {
    let one = |party: Party, consent: PartyConsent| {
        view! {
            <span class="consent" data-consent=consent.code() data-party=party.code()>
                <span class="party-code">{party.short()}</span>
                {text(lang, party_consent_key(consent))}
            </span>
        }
    };
    view! { <span class="consent-pair">{one(Party::Az, activity.consent_az)} " " {one(Party::Ge, activity.consent_ge)}</span> }
}

/// A card of the board and the inbox, drawn in `lang`.
pub fn card(activity: &Activity, lang: Lang) -> impl IntoView + use<> {
    let state = activity.consent;
    let reference = match &activity.reference {
        Some(r) => r.clone().into_any(),
        None => view! { <span class="muted">{text(lang, Key::NotShared)}</span> }.into_any(),
    };
    let meta = format!(
        "{} · {} · {} · {}",
        activity.area.label(lang),
        activity.form.label(lang),
        schedule_text(activity, lang),
        text(lang, Key::HostedBy).replace("{party}", activity.host_party.short())
    );
    view! {
        <li class="activity-card card" data-activity=activity.id data-state=state.code()
            data-reference=activity.reference.clone().unwrap_or_default()>
            <p class="ref"><span class="state-icon" aria-hidden="true">{state_icon(state)}</span> " " {reference}</p>
            {title_link(activity, lang)}
            <p class="meta">{meta}</p>
            {consent_pair(activity, lang)}
        </li>
    }
}

/// The activities of one lane, by consent column (one pass over the list).
fn by_state<'a>(items: impl Iterator<Item = &'a Activity>) -> [Vec<&'a Activity>; 8] {
    let mut columns: [Vec<&Activity>; 8] = Default::default();
    for a in items {
        let i = ConsentState::ALL.iter().position(|s| *s == a.consent).unwrap_or(0);
        columns[i].push(a);
    }
    columns
}

/// One row of the eight columns; `level` is the heading level of a column
/// (2 on a board without lanes, 3 inside a lane), `lane` names the row.
fn columns_row(columns: &[Vec<&Activity>; 8], lang: Lang, level: u8, lane: &str) -> impl IntoView + use<> {
    ConsentState::ALL
        .into_iter()
        .zip(columns.iter())
        .map(|(state, cards)| {
            let code = state.code();
            let heading = if lane.is_empty() {
                format!("col-{code}")
            } else {
                format!("col-{lane}-{code}")
            };
            let label = view! {
                <span class="state-icon" aria-hidden="true">{state_icon(state)}</span>
                " " {text(lang, consent_key(state))} " "
                <span class="count" data-count=cards.len()>{format_number(cards.len() as u64, lang)}</span>
            };
            let head = if level == 2 {
                view! { <h2 id=heading.clone() class="column-head">{label}</h2> }.into_any()
            } else {
                view! { <h3 id=heading.clone() class="column-head">{label}</h3> }.into_any()
            };
            view! {
                <section class="column" data-column=code data-state=code aria-labelledby=heading>
                    {head}
                    <ul>{cards.iter().map(|a| card(a, lang)).collect_view()}</ul>
                </section>
            }
        })
        .collect_view()
}

/// The board's columns, in one row or in swimlanes.
pub fn columns(items: &[Activity], lang: Lang, lanes: Lanes) -> AnyView {
    match lanes {
        Lanes::None => {
            let columns = by_state(items.iter());
            view! { <div class="board-row">{columns_row(&columns, lang, 2, "")}</div> }.into_any()
        }
        Lanes::Area => CooperationArea::ALL
            .iter()
            .filter_map(|area| {
                let columns = by_state(items.iter().filter(|a| a.area == *area));
                lane(columns, area.code(), area.label(lang), lang)
            })
            .collect_view()
            .into_any(),
        Lanes::Host => [Party::Az, Party::Ge]
            .into_iter()
            .filter_map(|party| {
                let columns = by_state(items.iter().filter(|a| a.host_party == party));
                let label = text(lang, Key::HostedBy).replace("{party}", party.label(lang));
                lane(columns, party.code(), &label, lang)
            })
            .collect_view()
            .into_any(),
    }
}

/// One swimlane (none for an empty one).
fn lane(columns: [Vec<&Activity>; 8], code: &str, label: &str, lang: Lang) -> Option<AnyView> {
    let n: usize = columns.iter().map(Vec::len).sum();
    (n > 0).then(|| {
        let id = format!("lane-{code}");
        view! {
            <section class="lane" data-lane=code.to_owned() aria-labelledby=id.clone()>
                <h2 id=id.clone() class="lane-head">{label.to_owned()} " " <span class="count">{format_number(n as u64, lang)}</span></h2>
                <div class="board-row">{columns_row(&columns, lang, 3, code)}</div>
            </section>
        }
        .into_any()
    })
}

/// How many cards each column has (for the phone's column switcher).
pub fn counts(items: &[Activity]) -> [usize; 8] {
    let mut n = [0; 8];
    for a in items {
        if let Some(i) = ConsentState::ALL.iter().position(|s| *s == a.consent) {
            n[i] += 1;
        }
    }
    n
}
