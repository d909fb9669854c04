//! The plans list and one plan's page: its state, what blocks the next step
//! (in words), the two-party step proposal waiting for confirmation with
//! the buttons the caller's role allows, and the way to the board, the
//! table, the inbox and a new activity.

/// The plan's lifecycle: signatures, signed versions, amendments, carry-over.
pub mod lifecycle;

use concord_client::{ActivityFilter, Client, Versioned};
use concord_shared::Party;
use concord_shared::api::{Blocker, Plan, TransitionAction, TransitionRequest};
use concord_shared::plan::PlanState;
use concord_shared::rules::plan::{
    closable, may_confirm, may_create_plan, may_propose, may_withdraw_proposal, next_by_confirmation, proposal_blocked,
    year_to_open,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use self::lifecycle::Lifecycle;
use crate::auth::Auth;
use crate::i18n::{I18n, Key, format_datetime};
use crate::live::Live;
use crate::ui::dates::this_year;
use crate::ui::feedback::{LoadError, WhyNot};
use crate::ui::labels::{amending_attr, shown_plan_state, shown_state_text};
use crate::ui::paper::DownloadPdf;
use crate::ui::plan_nav::{PlanHeader, route_year};
use crate::ui::{Content, Loader, Message, MessageView, format_number};

/// Whether the actor may draft activities in a plan in `state` (the rules decide).
pub fn may_draft(auth: Auth, state: PlanState) -> bool {
    auth.actor()
        .is_some_and(|actor| concord_shared::rules::activities::may_draft(actor, state).is_ok())
}

/// The plans, newest year first; a coordinator opens this or next year's
/// plan from here (the rules decide who and which year).
#[component]
pub fn PlansPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let plans = LocalResource::new(move || {
        let client = client.clone();
        async move { auth.call(client.plans()).await }
    });
    let message = RwSignal::new(None::<Message>);
    let content: Content = std::sync::Arc::new(move || {
        plans.get().map(|result| match result {
            Ok(list) => {
                let years: Vec<i32> = list.iter().map(|p| p.year).collect();
                let open = view! { <OpenPlan years message /> };
                let listed = if list.is_empty() {
                    view! { <p class="empty card">{i18n.tr(Key::NoPlans)}</p> }.into_any()
                } else {
                    view! { <PlanList list /> }.into_any()
                };
                view! { {open} {listed} }.into_any()
            }
            Err(problem) => view! { <LoadError problem on_retry=move |_| plans.refetch() /> }.into_any(),
        })
    });
    view! {
        <h1>{i18n.tr(Key::PlansHeading)}</h1>
        <p class="lead">{i18n.tr(Key::PlansIntro)}</p>
        <MessageView message />
        <Loader content />
    }
}

/// The plans as links, each with its state and what its count counts;
/// titles follow the language at once.
#[component]
fn PlanList(list: Vec<Plan>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <ul class="plan-list" data-testid="plans">
            {list
                .into_iter()
                .map(|plan| {
                    let year = plan.year;
                    let shown = shown_plan_state(&plan);
                    let count = plan.activity_count;
                    view! {
                        <li class="card" data-year=year>
                            <A href=format!("/plans/{year}")>{move || i18n.t(Key::PlanOfYear).replace("{year}", &year.to_string())}</A>
                            " "
                            <span class="badge ok" data-state=plan.state.code() data-amending=amending_attr(shown)>{move || shown_state_text(i18n, shown)}</span>
                            " "
                            <span class="muted" title=i18n.tr(Key::ActivitiesInPlanHint)>
                                {move || i18n.t(Key::PlanListCount).replace("{n}", &format_number(count, i18n.lang()))}
                            </span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The button opening the plan of the year the rules offer (this year's if
/// missing, else next year's), for those the rules allow; then to that plan.
#[component]
fn OpenPlan(years: Vec<i32>, message: RwSignal<Option<Message>>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let client = expect_context::<Client>();
    let auth = expect_context::<Auth>();
    let navigate = use_navigate();
    let allowed = auth.actor().is_some_and(|actor| may_create_plan(actor).is_ok());
    let year = year_to_open(&years, this_year()).filter(|_| allowed);
    let busy = RwSignal::new(false);
    let open = move |year: i32| {
        busy.set(true);
        message.set(None);
        let client = client.clone();
        let navigate = navigate.clone();
        spawn_local(async move {
            match auth.call(client.create_plan(year)).await {
                Ok(_) => navigate(&format!("/plans/{year}"), Default::default()),
                Err(problem) => {
                    busy.set(false);
                    message.set(Some(Message::Failed(problem)));
                }
            }
        });
    };
    year.map(|year| {
        view! {
            <p>
                <button type="button" class="primary" data-testid="open-plan" data-year=year disabled=move || busy.get() on:click=move |_| open(year)>
                    {move || i18n.t(Key::OpenPlan).replace("{year}", &year.to_string())}
                </button>
            </p>
        }
    })
}

/// One plan: state, blockers in words, the step proposal and its buttons.
#[component]
pub fn PlanPage() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let year = route_year();
    let live = expect_context::<Live>();
    let plan = LocalResource::new(move || {
        live.tick();
        let client = client.clone();
        let year = year.get();
        async move { auth.call(client.plan(year)).await }
    });
    let content: Content = std::sync::Arc::new(move || {
        plan.get().map(|result| match result {
            Ok(plan_v) => view! { <PlanView plan=plan_v on_change=move |_| plan.refetch() /> }.into_any(),
            Err(problem) => view! {
                <PlanHeader year=year.get_untracked() />
                <LoadError problem on_retry=move |_| plan.refetch() />
            }
            .into_any(),
        })
    });
    view! { <Loader content /> }
}

/// A blocker in words.
pub fn blocker_text(i18n: I18n, blocker: &Blocker) -> String {
    let key = crate::ui::refusal::blocker_key(&blocker.code).unwrap_or(Key::BlockOther);
    let lang = i18n.lang();
    i18n.t(key)
        .replace("{party}", &crate::ui::refusal::blocker_party(lang, blocker))
        .replace("{n}", &format_number(blocker.count.unwrap_or_default(), lang))
}

#[component]
fn PlanView(plan: Versioned<Plan>, #[prop(into)] on_change: Callback<()>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let Versioned { value: plan, version } = plan;
    let lifecycle_plan = plan.clone();
    let year = plan.year;
    let state = plan.state;
    let shown = shown_plan_state(&plan);
    // Everything the caller sees (drafts, rejected and withdrawn included):
    // the list's total, one item asked for.
    let seen_client = client.clone();
    let seen = LocalResource::new(move || {
        let client = seen_client.clone();
        let filter = ActivityFilter {
            limit: Some(1),
            ..Default::default()
        };
        async move {
            auth.call(client.activities(year, &filter))
                .await
                .ok()
                .map(|page| page.total)
        }
    });
    let seen = Signal::derive(move || seen.get().flatten());
    let message = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let reason_missing = RwSignal::new(false);
    let act = move |action: TransitionAction, to: Option<PlanState>| {
        let reason_text = reason.get_untracked();
        if action == TransitionAction::Decline && reason_text.trim().is_empty() {
            reason_missing.set(true);
            return;
        }
        reason_missing.set(false);
        busy.set(true);
        let client = client.clone();
        spawn_local(async move {
            let request = TransitionRequest {
                action,
                to,
                reason: (action == TransitionAction::Decline).then_some(reason_text),
            };
            let result = auth.call(client.transition(year, version, &request)).await;
            busy.set(false);
            match result {
                Ok(_) => on_change.run(()),
                Err(problem) => message.set(Some(Message::Failed(problem))),
            }
        });
    };
    let actor = auth.actor();
    let can_propose = actor.is_some_and(|a| may_propose(a, state, plan.proposal.is_some()).is_ok());
    let next = next_by_confirmation(state);
    let proposal = plan.proposal.clone();
    let blockers = plan.blockers.clone();
    let step_blockers = plan.blockers.clone();
    let act_propose = act.clone();
    let proposal_view = proposal.map(|p| {
        let to = p.to;
        let proposer: Party = p.proposed_by_party;
        let can_confirm = actor.is_some_and(|a| may_confirm(a, Some(proposer)).is_ok());
        let own = actor.is_some_and(|a| may_withdraw_proposal(a, Some(proposer)).is_ok());
        let when = p.proposed_at.timestamp_millis();
        let by = p.proposed_by.clone();
        let act_confirm = act.clone();
        let act_decline = act.clone();
        let act_withdraw = act.clone();
        view! {
            <section class="card proposal" data-testid="proposal" aria-labelledby="proposal-heading">
                <h2 id="proposal-heading">{i18n.tr(Key::ProposalHeading)}</h2>
                <p>
                    {move || {
                        let lang = i18n.lang();
                        i18n.t(Key::ProposalText)
                            .replace("{party}", proposer.label(lang))
                            .replace("{name}", &by)
                            .replace("{state}", to.label(lang))
                            .replace("{date}", &format_datetime(when, lang))
                    }}
                </p>
                {can_confirm
                    .then(|| {
                        view! {
                            <p class="muted">{i18n.tr(Key::ConfirmHint)}</p>
                            <div class="field">
                                <label for="decline-reason">{i18n.tr(Key::DeclineReason)}</label>
                                <input id="decline-reason" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
                                {move || reason_missing.get().then(|| view! { <p class="field-error">{i18n.tr(Key::ErrRequired)}</p> })}
                            </div>
                            <div class="form-actions">
                                <button type="button" class="primary" data-testid="confirm-step" disabled=move || busy.get() on:click=move |_| act_confirm(TransitionAction::Confirm, None)>
                                    {i18n.tr(Key::ConfirmStep)}
                                </button>
                                <button type="button" class="secondary" data-testid="decline-step" disabled=move || busy.get() on:click=move |_| act_decline(TransitionAction::Decline, None)>
                                    {i18n.tr(Key::DeclineStep)}
                                </button>
                            </div>
                        }
                    })}
                {own
                    .then(|| {
                        view! {
                            <p class="muted">{move || i18n.t(Key::AwaitingOther).replace("{party}", proposer.other().label(i18n.lang()))}</p>
                            <button type="button" class="secondary" data-testid="withdraw-step" disabled=move || busy.get() on:click=move |_| act_withdraw(TransitionAction::Withdraw, None)>
                                {i18n.tr(Key::WithdrawStep)}
                            </button>
                        }
                    })}
            </section>
        }
    });
    let draft_link = may_draft(auth, state).then(|| {
        view! {
            <A href=format!("/plans/{year}/new") attr:class="button primary" attr:data-testid="new-activity">
                {i18n.tr(Key::NewActivity)}
            </A>
        }
    });
    view! {
        <PlanHeader year plan=plan.clone() />
        <MessageView message />
        <dl class="facts">
            <dt>{i18n.tr(Key::PlanState)}</dt>
            <dd>{move || shown_state_text(i18n, shown)}</dd>
            <dt>{i18n.tr(Key::ActivitiesInPlan)}</dt>
            <dd data-testid="activity-count">
                {move || format_number(plan.activity_count, i18n.lang())}
                " "
                <span class="muted">{i18n.tr(Key::ActivitiesInPlanHint)}</span>
            </dd>
            <dt>{i18n.tr(Key::ActivitiesYouSee)}</dt>
            <dd data-testid="visible-count">
                {move || seen.get().map(|n| format_number(n, i18n.lang())).unwrap_or_default()}
                " "
                <span class="muted">{i18n.tr(Key::ActivitiesYouSeeHint)}</span>
            </dd>
        </dl>
        <DownloadPdf path=format!("/api/v1/plans/{year}/document.pdf") name="plan" />
        {draft_link}
        <h2>{i18n.tr(Key::NextStepHeading)}</h2>
        {if blockers.is_empty() {
            view! { <p data-testid="no-blockers">{i18n.tr(Key::NothingBlocks)}</p> }.into_any()
        } else {
            view! {
                <ul class="blockers" data-testid="blockers">
                    {blockers
                        .into_iter()
                        .map(|b| {
                            let code = b.code.clone();
                            view! { <li data-blocker=code>{move || blocker_text(i18n, &b)}</li> }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
        {proposal_view}
        // Closing waits for the plan's 31 December; until then say so instead of offering it.
        {(can_propose && next == Some(PlanState::Closed) && !closable(year, this_year()))
            .then(|| view! { <p class="hint" data-testid="close-after">{move || i18n.t(Key::LcCloseAfter).replace("{year}", &year.to_string())}</p> })}
        {(can_propose && next.is_some() && (next != Some(PlanState::Closed) || closable(year, this_year())))
            .then(|| {
                let to = next;
                // Offered, but disabled with the server's own reason while the
                // step's conditions (the blockers above) would refuse it.
                let blocked = to.and_then(|to| proposal_blocked(year, to, &step_blockers).err());
                let is_blocked = blocked.is_some();
                view! {
                    <button type="button" class="primary" data-testid="propose-step"
                        aria-describedby=is_blocked.then_some("propose-reason")
                        disabled=move || is_blocked || busy.get() on:click=move |_| act_propose(TransitionAction::Propose, to)>
                        {move || i18n.t(Key::ProposeStep).replace("{state}", to.map(|s| s.label(i18n.lang())).unwrap_or_default())}
                    </button>
                    {blocked.map(|refusal| view! { <WhyNot id="propose-reason" name="propose-reason" refusal /> })}
                }
            })}
        <Lifecycle plan=lifecycle_plan version on_change />
    }
}
