//! The board's parts: a colour and an icon per consent state, the cards
//! (plain views: nothing on a card is reactive, the whole board is drawn
//! again when the list, the language or the lanes change), the columns in
//! one row, optional swimlanes, and the view's own choices (lanes, density,
//! the column a phone shows).
//!
//! Rendering 500 cards is the board's cost (issue 17's benchmark): one pass
//! groups the list, no card owns a signal, an effect or a router link, and
//! the first frame draws only what a screen shows ([`Later`]).

use std::sync::Arc;

use concord_shared::api::{ActivityCard, Page};
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
pub fn title_link(activity: &ActivityCard, lang: Lang) -> impl IntoView + use<> {
    // A plain anchor: the router handles its click; no memo per card.
    let shown = activity.title_in(lang);
    let code = shown.lang.code();
    let badge = shown.fallback.then(|| {
        view! { " " <small class="badge lang-fallback" data-testid="text-fallback" data-lang=code>{text(lang, in_language(shown.lang))}</small> }
    });
    // The language on the link itself: one element a title, not two
    // (building the cards' elements is most of the board's first frame).
    view! {
        <a href=format!("/activities/{}", activity.id) class="title" lang=code data-text-lang=code>
            {shown.title.to_owned()}
        </a>
        {badge}
    }
}

/// Both parties' decisions, as words (not reactive: drawn in `lang`).
fn consent_pair(activity: &ActivityCard, lang: Lang) -> impl IntoView + use<> {
    // The party's code is text of the decision's element, not an element
    // of its own (the card's element count is its cost).
    let one = |party: Party, consent: PartyConsent| {
        view! {
            <span class="consent" data-consent=consent.code() data-party=party.code()>
                {format!("{} {}", party.short(), text(lang, party_consent_key(consent)))}
            </span>
        }
    };
    view! { <span class="consent-pair">{one(Party::Az, activity.consent_az)} " " {one(Party::Ge, activity.consent_ge)}</span> }
}

/// A card of the board and the inbox, drawn in `lang`.
pub fn card(activity: &ActivityCard, lang: Lang) -> impl IntoView + use<> {
    let state = activity.consent;
    let reference = match &activity.reference {
        Some(r) => r.clone().into_any(),
        None => view! { <span class="muted">{text(lang, Key::NotShared)}</span> }.into_any(),
    };
    let meta = format!(
        "{} · {} · {} · {}",
        activity.area.label(lang),
        activity.form.label(lang),
        schedule_text(activity.when(), lang),
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

/// The board's list, shared by the cards drawn after the first frame.
pub type List = Arc<Page<ActivityCard>>;

/// The most cards one column draws in the board's first frame: what a
/// column shows of a screen. Measured at 1440×900 (2026-12-03): a card is
/// about 195 px high and the board starts about 445 px down, so each of
/// the five columns in view shows two or three cards; four cover a screen
/// 1,080 px high. Compact cards are about a third as high.
const FIRST_PER_COLUMN: usize = 4;
/// [`FIRST_PER_COLUMN`] in the compact density.
const FIRST_PER_COLUMN_COMPACT: usize = 10;

/// The most cards the whole first frame draws: the eight columns' first
/// screenful (columns of later lanes get what the first lanes left).
fn first_frame_budget(per_column: usize) -> usize {
    per_column * ConsentState::ALL.len()
}

/// The cards the first frame leaves out, drawn in the frame after it.
///
/// Building a card's elements is most of the board's cost (measured, see
/// docs/performance.md): the first frame draws what a screen shows, the
/// rest follow once that frame is painted. The board is `aria-busy` until
/// then.
#[derive(Clone, Copy)]
pub struct Later {
    /// Whether the rest are drawn.
    drawn: RwSignal<bool>,
}

impl Later {
    /// Whether cards are still to be drawn (for `aria-busy`).
    pub fn pending(self) -> bool {
        !self.drawn.get()
    }
}

/// How many of a column's `len` cards the first frame draws, out of what
/// is left of the frame's `budget` (which it takes them from).
fn drawn_first(len: usize, per_column: usize, budget: &mut usize) -> usize {
    let now = len.min(per_column).min(*budget);
    *budget -= now;
    now
}

/// The activities of one lane, by consent column (one pass over the list):
/// their indices in `items`.
fn by_state<'a>(items: impl Iterator<Item = (usize, &'a ActivityCard)>) -> [Vec<usize>; 8] {
    let mut columns: [Vec<usize>; 8] = Default::default();
    for (i, a) in items {
        let c = ConsentState::ALL.iter().position(|s| *s == a.consent).unwrap_or(0);
        columns[c].push(i);
    }
    columns
}

/// What drawing the board needs besides the cards of a column.
struct Draw<'a> {
    list: &'a List,
    lang: Lang,
    later: Later,
    /// Cards a column draws in the first frame.
    per_column: usize,
    /// Cards the first frame may still draw.
    budget: usize,
    /// Whether some card is left for later.
    deferred: bool,
}

impl Draw<'_> {
    /// A column's cards: as many as the budget allows now, the rest later.
    fn cards(&mut self, cards: &[usize]) -> impl IntoView + use<> {
        let now = drawn_first(cards.len(), self.per_column, &mut self.budget);
        self.deferred |= now < cards.len();
        let lang = self.lang;
        let first = cards[..now]
            .iter()
            .map(|&i| card(&self.list.items[i], lang))
            .collect_view();
        let rest = (now < cards.len()).then(|| {
            let list = Arc::clone(self.list);
            let rest = cards[now..].to_vec();
            let drawn = self.later.drawn;
            move || {
                drawn
                    .get()
                    .then(|| rest.iter().map(|&i| card(&list.items[i], lang)).collect_view())
            }
        });
        view! { <ul>{first}{rest}</ul> }
    }

    /// One row of the eight columns; `level` is the heading level of a column
    /// (2 on a board without lanes, 3 inside a lane), `lane` names the row.
    fn columns_row(&mut self, columns: &[Vec<usize>; 8], level: u8, lane: &str) -> impl IntoView + use<> {
        let lang = self.lang;
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
                        {self.cards(cards)}
                    </section>
                }
            })
            .collect_view()
    }

    /// One swimlane (none for an empty one).
    fn lane(&mut self, columns: [Vec<usize>; 8], code: &str, label: &str) -> Option<AnyView> {
        let n: usize = columns.iter().map(Vec::len).sum();
        (n > 0).then(|| {
            let id = format!("lane-{code}");
            let lang = self.lang;
            view! {
                <section class="lane" data-lane=code.to_owned() aria-labelledby=id.clone()>
                    <h2 id=id.clone() class="lane-head">{label.to_owned()} " " <span class="count">{format_number(n as u64, lang)}</span></h2>
                    <div class="board-row">{self.columns_row(&columns, 3, code)}</div>
                </section>
            }
            .into_any()
        })
    }
}

/// The board's columns, in one row or in swimlanes, and the [`Later`] that
/// draws the cards beyond the first frame's (once that frame is painted);
/// `compact`: the density the first frame is drawn for.
pub fn columns(list: &List, lang: Lang, lanes: Lanes, compact: bool) -> (AnyView, Later) {
    let later = Later {
        drawn: RwSignal::new(false),
    };
    let per_column = if compact {
        FIRST_PER_COLUMN_COMPACT
    } else {
        FIRST_PER_COLUMN
    };
    let mut draw = Draw {
        list,
        lang,
        later,
        per_column,
        budget: first_frame_budget(per_column),
        deferred: false,
    };
    let items = list.items.iter().enumerate();
    let view = match lanes {
        Lanes::None => {
            let columns = by_state(items);
            view! { <div class="board-row">{draw.columns_row(&columns, 2, "")}</div> }.into_any()
        }
        Lanes::Area => CooperationArea::ALL
            .iter()
            .filter_map(|area| {
                let columns = by_state(items.clone().filter(|(_, a)| a.area == *area));
                draw.lane(columns, area.code(), area.label(lang))
            })
            .collect_view()
            .into_any(),
        Lanes::Host => [Party::Az, Party::Ge]
            .into_iter()
            .filter_map(|party| {
                let columns = by_state(items.clone().filter(|(_, a)| a.host_party == party));
                let label = text(lang, Key::HostedBy).replace("{party}", party.label(lang));
                draw.lane(columns, party.code(), &label)
            })
            .collect_view()
            .into_any(),
    };
    if !draw.deferred {
        later.drawn.set(true);
    } else {
        // In the frame after the first painted one: an animation frame
        // callback runs just before its frame's paint, so the second one
        // runs once the first frame (the first screen's cards) is painted.
        request_animation_frame(move || {
            request_animation_frame(move || {
                later.drawn.try_set(true);
            });
        });
    }
    (view, later)
}

/// How many cards each column has (for the phone's column switcher).
pub fn counts(items: &[ActivityCard]) -> [usize; 8] {
    let mut n = [0; 8];
    for a in items {
        if let Some(i) = ConsentState::ALL.iter().position(|s| *s == a.consent) {
            n[i] += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What each column draws first, in order, from one frame's budget.
    fn first_frame(columns: &[usize]) -> Vec<usize> {
        let mut budget = FIRST_FRAME;
        columns
            .iter()
            .map(|&n| drawn_first(n, FIRST_PER_COLUMN, &mut budget))
            .collect()
    }

    const FIRST_FRAME: usize = FIRST_PER_COLUMN * 8;

    #[test]
    fn the_compact_density_draws_more_cards_first() {
        assert_eq!(first_frame_budget(FIRST_PER_COLUMN), 32);
        assert_eq!(first_frame_budget(FIRST_PER_COLUMN_COMPACT), 80);
    }

    #[test]
    fn a_board_that_fits_a_screen_is_drawn_at_once() {
        assert_eq!(first_frame(&[3, 0, 4, 2, 1, 2, 0, 4]), vec![3, 0, 4, 2, 1, 2, 0, 4]);
    }

    #[test]
    fn the_first_frame_draws_a_screen_of_each_column_and_no_more_than_its_budget() {
        // The benchmark's board: 450 cards in eight columns.
        let first = first_frame(&[45, 90, 45, 45, 45, 90, 45, 45]);
        assert_eq!(first, vec![FIRST_PER_COLUMN; 8]);
        // Swimlanes: the later lanes get what the first ones left.
        let lanes = first_frame(&[20; 24]);
        assert_eq!(lanes.iter().sum::<usize>(), FIRST_FRAME);
        assert_eq!(lanes[..8], [FIRST_PER_COLUMN; 8]);
        assert_eq!(lanes[8..], [0; 16]);
    }
}
