//! One decision on several selected activities (issue 17): the action bar
//! with the actions the shared rules offer, one comment for all, and the
//! summary of what was done and what was refused and why, worded from the
//! app's own translations by each refusal's code. Used by the work queue;
//! any list of activities with checkboxes can hold one.

use std::collections::BTreeMap;

use concord_client::Client;
use concord_shared::BulkAction;
use concord_shared::api::{BulkItem, BulkOutcome, BulkRequest};
use concord_shared::rules::inbox::bulk_needs_comment;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::auth::Auth;
use crate::i18n::{I18n, Key};
use crate::ui::{TextAreaField, format_number, problem_text};

/// A selected activity: its plan, id, the version read and its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picked {
    /// The plan's year (the bulk operation is per plan).
    pub year: i32,
    /// The activity's id.
    pub id: i64,
    /// The version read.
    pub version: i64,
    /// Its title, to name it in the summary.
    pub title: String,
}

fn action_key(action: BulkAction) -> Key {
    match action {
        BulkAction::Accept => Key::Accept,
        BulkAction::RequestChanges => Key::RequestChanges,
        BulkAction::Reject => Key::Reject,
        BulkAction::Share => Key::Share,
        BulkAction::Withdraw => Key::Withdraw,
    }
}

/// What the last decision did: how many done, and each refused one's title and problem.
#[derive(Debug, Clone, Default)]
struct Summary {
    done: u64,
    refused: Vec<(String, concord_shared::Problem)>,
}

/// Sends `action` on `picked`, one request per plan; outcomes merged in order.
async fn send(
    auth: Auth,
    client: Client,
    action: BulkAction,
    comment: String,
    picked: Vec<Picked>,
) -> Result<Summary, concord_shared::Problem> {
    let mut by_year: BTreeMap<i32, Vec<&Picked>> = BTreeMap::new();
    for p in &picked {
        by_year.entry(p.year).or_default().push(p);
    }
    let mut summary = Summary::default();
    for (year, items) in by_year {
        let request = BulkRequest {
            action,
            comment: comment.clone(),
            items: items
                .iter()
                .map(|p| BulkItem {
                    id: p.id,
                    version: p.version,
                })
                .collect(),
        };
        let result = auth.call(client.bulk_decide(year, &request)).await?;
        summary.done += result.done;
        for outcome in result.outcomes.iter().filter(|o| !o.done) {
            let title = title_of(&picked, outcome);
            if let Some(problem) = outcome.problem() {
                summary.refused.push((title, problem));
            }
        }
    }
    Ok(summary)
}

fn title_of(picked: &[Picked], outcome: &BulkOutcome) -> String {
    picked
        .iter()
        .find(|p| p.id == outcome.id)
        .map_or_else(|| outcome.id.to_string(), |p| p.title.clone())
}

/// The action bar over a selection: one button per offered action, a
/// comment for all, and the result read out in a live region.
#[component]
pub fn BulkBar(
    /// The selected activities, emptied after a decision.
    picked: RwSignal<Vec<Picked>>,
    /// The actions the rules offer the user here.
    #[prop(into)]
    actions: Signal<Vec<BulkAction>>,
    /// Called after a decision, to reload what was decided.
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let comment = RwSignal::new(String::new());
    let comment_error = RwSignal::new(None::<Key>);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<String>);
    let summary = RwSignal::new(None::<Summary>);
    let run = move |action: BulkAction, client: Client| {
        failure.set(None);
        comment_error.set(None);
        let chosen = picked.get_untracked();
        if chosen.is_empty() {
            failure.set(Some(i18n.t(Key::BulkNoneSelected).to_owned()));
            return;
        }
        let text = comment.get_untracked();
        if bulk_needs_comment(action) && text.trim().is_empty() {
            comment_error.set(Some(Key::BulkCommentNeeded));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            match send(auth, client, action, text, chosen).await {
                Ok(result) => {
                    summary.set(Some(result));
                    picked.set(Vec::new());
                    comment.set(String::new());
                }
                Err(problem) => failure.set(Some(problem_text(i18n, &problem))),
            }
            busy.set(false);
            on_done.run(());
        });
    };
    let buttons = move || {
        actions
            .get()
            .into_iter()
            .map(|action| {
                let client = client.clone();
                view! {
                    <button
                        type="button"
                        class=if action == BulkAction::Accept { "primary" } else { "secondary" }
                        data-testid=format!("bulk-{}", action.code())
                        disabled=move || busy.get() || picked.with(Vec::is_empty)
                        on:click=move |_| run(action, client.clone())
                    >
                        {i18n.tr(action_key(action))}
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="bulk-bar card" data-testid="bulk-bar">
            <legend>{i18n.tr(Key::BulkLegend)}</legend>
            <p class="muted" aria-live="polite" data-testid="bulk-selected">
                {move || i18n.t(Key::BulkSelected).replace("{n}", &format_number(picked.with(Vec::len) as u64, i18n.lang()))}
            </p>
            <TextAreaField id="bulk-comment" label=Key::BulkComment value=comment error=Signal::derive(move || comment_error.get()) />
            <div class="form-actions">{buttons}</div>
            <div role="status" aria-live="polite" data-testid="bulk-result">
                {move || busy.get().then(|| view! { <p class="status loading">{i18n.tr(Key::BulkWorking)}</p> })}
                {move || failure.get().map(|text| view! { <p class="notice failure" role="alert">{text}</p> })}
                {move || summary.get().map(|s| summary_view(i18n, s))}
            </div>
        </fieldset>
    }
}

fn summary_view(i18n: I18n, s: Summary) -> impl IntoView {
    let done = s.done;
    let refused_n = s.refused.len() as u64;
    view! {
        <p class="notice success" data-testid="bulk-done">
            {move || i18n.t(Key::BulkDone).replace("{n}", &format_number(done, i18n.lang()))}
        </p>
        {(!s.refused.is_empty()).then(|| {
            let rows = s
                .refused
                .into_iter()
                .map(|(title, problem)| {
                    let code = problem.code.clone();
                    view! {
                        <li data-testid="bulk-refused-item" data-code=code>
                            <strong>{title}</strong>
                            ": "
                            {move || problem_text(i18n, &problem)}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="notice failure" data-testid="bulk-refused">
                    <p>{move || i18n.t(Key::BulkRefused).replace("{n}", &format_number(refused_n, i18n.lang()))}</p>
                    <ul>{rows}</ul>
                </div>
            }
        })}
    }
}

/// A checkbox that adds `me` to the selection or takes it out.
#[component]
pub fn PickBox(
    /// The activity this box selects.
    me: Picked,
    /// The selection.
    picked: RwSignal<Vec<Picked>>,
    /// The `data-testid` of the box.
    testid: &'static str,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let id = me.id;
    let label = me.title.clone();
    view! {
        <input
            type="checkbox"
            data-testid=testid
            aria-label=move || i18n.t(Key::QueueSelect).replace("{title}", &label)
            prop:checked=move || picked.with(|p| p.iter().any(|x| x.id == id))
            on:change=move |ev| {
                let on = event_target_checked(&ev);
                picked.update(|p| {
                    p.retain(|x| x.id != id);
                    if on {
                        p.push(me.clone());
                    }
                });
            }
        />
    }
}

/// A checkbox that selects all of `all` or none of them; nothing when `all` is empty.
#[component]
pub fn PickAll(
    /// What it selects.
    all: Vec<Picked>,
    /// The selection.
    picked: RwSignal<Vec<Picked>>,
    /// The `data-testid` of the box.
    testid: &'static str,
    /// Its accessible name.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let ids: Vec<i64> = all.iter().map(|p| p.id).collect();
    let any = !ids.is_empty();
    let all_in = {
        let ids = ids.clone();
        move || any && picked.with(|p| ids.iter().all(|id| p.iter().any(|x| x.id == *id)))
    };
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        picked.update(|p| {
            p.retain(|x| !ids.contains(&x.id));
            if on {
                p.extend(all.iter().cloned());
            }
        });
    };
    any.then(|| {
        view! { <input type="checkbox" data-testid=testid aria-label=label prop:checked=all_in on:change=toggle /> }
    })
}
