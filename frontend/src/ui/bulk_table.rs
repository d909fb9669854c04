//! Bulk decisions on the activity table (issue 17): a checkbox on each row
//! the user may decide (asked of `rules::inbox::bulk_actions_on` with the
//! plan's state, the rules the server enforces again per activity), one to
//! select the page, and the [`BulkBar`] offering the actions the selected
//! rows allow. A row that awaits the user (`rules::inbox::awaits`, the rule
//! the work queue is built by) is marked with what awaits.

use concord_client::Client;
use concord_shared::api::{ActivityCard, Page};
use concord_shared::plan::PlanState;
use concord_shared::rules::inbox::{Waiting, awaits, bulk_actions_on};
use concord_shared::{BulkAction, InboxKind, Problem};
use leptos::prelude::*;

use crate::auth::Auth;
use crate::i18n::{I18n, Key};
use crate::ui::bulk::{BulkBar, PickAll, PickBox, Picked};

/// The table's rows as loaded.
pub type Rows = LocalResource<Result<Page<ActivityCard>, Problem>>;

/// The table's selection: the plan's state, the rows, what is picked.
#[derive(Clone, Copy)]
pub struct TableSelection {
    year: Memo<i32>,
    rows: Rows,
    /// The plan's state: a signal, not a resource, so that the table's
    /// first frame never waits for the plan (a resource read inside the
    /// page's `Transition` would hold the rows back until it arrived).
    state: RwSignal<Option<PlanState>>,
    picked: RwSignal<Vec<Picked>>,
    decided: RwSignal<bool>,
}

impl TableSelection {
    /// A selection over `rows` of the plan of `year`.
    pub fn new(year: Memo<i32>, rows: Rows) -> TableSelection {
        let auth = expect_context::<Auth>();
        let client = expect_context::<Client>();
        let state = RwSignal::new(None);
        Effect::new(move |_| {
            let asked = year.get();
            let client = client.clone();
            leptos::task::spawn_local(async move {
                let plan = auth.call(client.plan(asked)).await.ok().map(|p| p.value.state);
                // An answer for a year no longer shown is dropped.
                if year.try_get_untracked() == Some(asked) {
                    state.try_set(plan);
                }
            });
        });
        TableSelection {
            year,
            rows,
            state,
            picked: RwSignal::new(Vec::new()),
            decided: RwSignal::new(false),
        }
    }

    /// What the user may do to `a` in bulk (nothing until the plan is read).
    fn offers(self, a: &ActivityCard) -> Vec<BulkAction> {
        let auth = expect_context::<Auth>();
        match (auth.actor(), self.state.get()) {
            (Some(actor), Some(plan)) => bulk_actions_on(actor, plan, a.proposing_party, a.consent),
            _ => Vec::new(),
        }
    }

    /// What of `a` awaits the user, as the work queue would list it.
    fn awaiting(self, a: &ActivityCard) -> Option<InboxKind> {
        let auth = expect_context::<Auth>();
        let actor = auth.actor()?;
        let plan = self.state.get()?;
        let thing = Waiting::Activity {
            plan,
            proposer: a.proposing_party,
            state: a.consent,
            consent: (a.consent_az, a.consent_ge),
        };
        awaits(actor, &thing)
    }

    fn pick(self, a: &ActivityCard) -> Picked {
        Picked {
            year: self.year.get_untracked(),
            id: a.id,
            version: a.version,
            title: a.title.clone(),
        }
    }

    /// The header cell: select every row of the page that can be decided.
    pub fn head(self, items: &[ActivityCard]) -> impl IntoView + use<> {
        let i18n = expect_context::<I18n>();
        let all: Vec<Picked> = items
            .iter()
            .filter(|a| !self.offers(a).is_empty())
            .map(|a| self.pick(a))
            .collect();
        let label = Signal::derive(move || i18n.t(Key::TableSelectAll).to_owned());
        let picked = self.picked;
        view! {
            <th scope="col" class="select">
                <PickAll all picked testid="table-select-all" label />
            </th>
        }
    }

    /// A row's cell: what of it awaits the user, and its checkbox when the
    /// user may decide it in bulk.
    pub fn cell(self, a: &ActivityCard) -> impl IntoView + use<> {
        let i18n = expect_context::<I18n>();
        let offered = !self.offers(a).is_empty();
        let me = self.pick(a);
        let picked = self.picked;
        let waiting = self.awaiting(a);
        view! {
            <td class="select">
                {waiting.map(|kind| view! {
                    <span class="badge unread" data-testid="awaits-me" data-kind=kind.code()>
                        {move || kind.label(i18n.lang())}
                    </span>
                    " "
                })}
                {offered.then(move || view! { <PickBox me picked testid="table-select" /> })}
            </td>
        }
    }

    /// The actions the picked rows allow (all rows' when none is picked).
    fn actions(self) -> Vec<BulkAction> {
        let picked: Vec<i64> = self.picked.with(|p| p.iter().map(|x| x.id).collect());
        self.rows.with(|loaded| {
            let Some(Ok(page)) = loaded else {
                return Vec::new();
            };
            let mut offered: Vec<BulkAction> = Vec::new();
            for a in page
                .items
                .iter()
                .filter(|a| picked.is_empty() || picked.contains(&a.id))
            {
                for action in self.offers(a) {
                    if !offered.contains(&action) {
                        offered.push(action);
                    }
                }
            }
            offered.sort_by_key(|a| BulkAction::ALL.iter().position(|x| x == a));
            offered
        })
    }
}

/// The action bar over the table's selection; shown once some row can be decided.
#[component]
pub fn TableBulkBar(selection: TableSelection) -> impl IntoView {
    let actions = Signal::derive(move || selection.actions());
    let on_done = Callback::new(move |()| {
        selection.decided.set(true);
        selection.rows.refetch();
    });
    let picked = selection.picked;
    view! {
        <Show when=move || selection.decided.get() || !selection.actions().is_empty()>
            <BulkBar picked actions on_done />
        </Show>
    }
}
