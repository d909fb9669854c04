//! One activity: every field; the edit form (only the fields the caller's
//! party may edit); sharing and withdrawal for the proposer; the consent
//! panel for coordinators; comments of both parties; the caller's party's
//! internal notes, marked as such; its documents. Also the page that drafts
//! a new one.

/// The activity's execution report and summaries.
pub mod execution;
pub mod texts;

use concord_client::{Client, Versioned};
use concord_shared::api::DocumentOwner;
use concord_shared::api::{Activity, Comment, ConsentDecision, ConsentRequest, HistoryChange, HistoryEntry, Side};
use concord_shared::plan::{ConsentState, PlanState};
use concord_shared::rules::Refusal;
use concord_shared::rules::activities::{
    FieldOwner, may_consent, may_delete, may_edit, may_edit_field, may_share, may_withdraw,
};
use concord_shared::rules::plan::open_for_work;
use concord_shared::rules::register::may_attach;
use concord_shared::rules::roles::decide;
use concord_shared::rules::{Action, Scope};
use concord_shared::{Party, Problem};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use self::execution::ExecutionPanel;
use self::texts::TextsPanel;
use crate::auth::Auth;
use crate::i18n::{I18n, Key, format_datetime};
use crate::live::Live;
use crate::ui::activity_form::ActivityForm;
use crate::ui::confirm::{Asking, ConfirmButton};
use crate::ui::documents::Documents;
use crate::ui::feedback::{LoadError, refusal_text};
use crate::ui::filters::saved_filters;
use crate::ui::focus::focus_heading;
use crate::ui::labels::{ConsentPair, consent_key, cost_key, field_label, schedule_text, value_text};
use crate::ui::live_note::{by_someone_else, changed_by};
use crate::ui::plan_nav::{PlanTabs, route_year};
use crate::ui::texts::{FallbackMark, LocalTitle};
use crate::ui::{Content, Loader, Message, MessageView, field_error_key, format_number};

/// Withdrawing an activity from the plan asks first.
const WITHDRAW: Asking = Asking {
    label: Key::Withdraw,
    question: Key::WithdrawQuestion,
    confirm: Key::ConfirmWithdraw,
    keep: Key::KeepActivity,
};

/// Deleting a never-shared draft asks first.
const DELETE_DRAFT: Asking = Asking {
    label: Key::DeleteDraft,
    question: Key::DeleteDraftQuestion,
    confirm: Key::ConfirmDeleteDraft,
    keep: Key::KeepActivity,
};

/// The page that drafts a new activity in a plan.
#[component]
pub fn NewActivityPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let year = route_year().get_untracked();
    let navigate = use_navigate();
    let back = use_navigate();
    view! {
        <h1>{move || i18n.t(Key::NewActivityIn).replace("{year}", &year.to_string())}</h1>
        <PlanTabs year />
        <p class="lead">{i18n.tr(Key::NewActivityIntro)}</p>
        <ActivityForm
            year
            on_saved={move |saved: Versioned<Activity>| navigate(&format!("/activities/{}", saved.value.id), Default::default())}
            on_cancel={move |_| back(&format!("/plans/{year}"), Default::default())}
        />
    }
}

/// The activity page.
#[component]
pub fn ActivityPage() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()).unwrap_or(0)));
    let activity = LocalResource::new(move || {
        let client = client.clone();
        let id = id.get();
        async move { auth.call(client.activity(id)).await }
    });
    let content: Content = std::sync::Arc::new(move || {
        activity.get().map(|result| match result {
            Ok(loaded) => view! { <ActivityView loaded on_reload=move |_| activity.refetch() /> }.into_any(),
            Err(problem) => view! { <LoadError problem on_retry=move |_| activity.refetch() /> }.into_any(),
        })
    });
    view! { <Loader content /> }
}

#[component]
fn ActivityView(loaded: Versioned<Activity>, #[prop(into)] on_reload: Callback<()>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let current = RwSignal::new(loaded);
    let editing = RwSignal::new(false);
    let message = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let Some(actor) = auth.actor() else {
        return ().into_any();
    };
    let first = current.get_untracked().value;
    let year = first.year;
    let id = first.id;
    let proposer = first.proposing_party;
    // The plan's state decides with the rules what is offered: a signed
    // plan's activities change only through an amendment.
    let plan_state = RwSignal::new(None::<PlanState>);
    {
        let client = client.clone();
        spawn_local(async move {
            if let Ok(plan) = auth.call(client.plan(year)).await {
                plan_state.set(Some(plan.value.state));
            }
        });
    }
    let may_change = move || {
        plan_state.get().is_some_and(|s| {
            may_edit(actor, s, proposer, FieldOwner::Substance).is_ok()
                || may_edit(actor, s, proposer, FieldOwner::Side(actor.party)).is_ok()
        })
    };
    // Whoever sees the activity sees its documents; attaching follows the
    // shared policy (planners; a draft is its party's alone until shared).
    let scope = if first.reference.is_some() {
        Scope::Joint
    } else {
        Scope::Private(proposer)
    };
    let may_upload = may_attach(actor, DocumentOwner::Activity, scope, None).is_ok();

    // Deleting a draft nobody else has seen; the plan's board is where one goes next.
    let delete = {
        let client = client.clone();
        let navigate = use_navigate();
        move || {
            let client = client.clone();
            let navigate = navigate.clone();
            let version = current.get_untracked().version;
            busy.set(true);
            spawn_local(async move {
                let result = auth.call(client.delete_activity(id, version)).await;
                busy.set(false);
                match result {
                    Ok(()) => navigate(&format!("/plans/{year}/board"), Default::default()),
                    Err(problem) if problem.status == 412 => on_reload.run(()),
                    Err(problem) => message.set(Some(Message::Failed(problem))),
                }
            });
        }
    };

    let step = move |share: bool| {
        let client = client.clone();
        let version = current.get_untracked().version;
        busy.set(true);
        spawn_local(async move {
            let result = if share {
                auth.call(client.share_activity(id, version)).await
            } else {
                auth.call(client.withdraw_activity(id, version)).await
            };
            busy.set(false);
            match result {
                Ok(saved) => {
                    current.set(saved);
                    message.set(Some(Message::Done(
                        if share { Key::Shared } else { Key::Withdrawn },
                        String::new(),
                    )));
                    focus_heading();
                }
                Err(problem) if problem.status == 412 => on_reload.run(()),
                Err(problem) => message.set(Some(Message::Failed(problem))),
            }
        });
    };
    let share = step.clone();
    let withdraw = step;
    let actions = move || {
        let a = current.get().value;
        let state = plan_state.get();
        let can_share = state.is_some_and(|s| may_share(actor, s, proposer, a.consent).is_ok());
        let can_withdraw = state.is_some_and(|s| may_withdraw(actor, s, proposer, a.consent).is_ok());
        let can_delete = may_delete(actor, proposer, a.consent, a.reference.is_some()).is_ok();
        let share = share.clone();
        let withdraw = withdraw.clone();
        // A planner who could edit were the plan open is told why not (a
        // signed plan changes only through an amendment), not shown buttons
        // every submit would refuse.
        let closed = state
            .filter(|_| may_edit_field(actor, proposer, FieldOwner::Side(actor.party)).is_ok())
            .and_then(|s| open_for_work(s).err());
        let delete = delete.clone();
        (!editing.get()).then(|| {
            view! {
                {closed.map(|refusal| view! {
                    <p class="hint reason" data-testid="edit-reason">{move || refusal_text(i18n.lang(), &refusal)}</p>
                })}
                <div class="form-actions toolbar">
                    {may_change().then(|| view! {
                        <button type="button" class="primary" data-testid="edit" on:click=move |_| { message.set(None); editing.set(true) }>{i18n.tr(Key::Edit)}</button>
                    })}
                    {can_share.then(|| view! {
                        <button type="button" class="secondary" data-testid="share" disabled=move || busy.get() on:click=move |_| share(true)>{i18n.tr(Key::Share)}</button>
                    })}
                    {can_withdraw.then(|| view! {
                        <ConfirmButton name="withdraw" words=WITHDRAW busy on_confirm=move |()| withdraw(false) />
                    })}
                    {can_delete.then(|| view! {
                        <ConfirmButton name="delete-draft" words=DELETE_DRAFT busy on_confirm=move |()| delete() danger=true />
                    })}
                </div>
            }
        })
    };

    view! {
        <p class="crumbs"><A href=format!("/plans/{year}/board{}", saved_filters())>{move || i18n.t(Key::BackToBoard).replace("{year}", &year.to_string())}</A></p>
        {move || {
            let a = current.get().value;
            let state = a.consent;
            view! {
                <h1 data-testid="activity-title">
                    {a.reference.clone().map(|r| view! { <span class="ref" data-testid="reference">{r}</span> " " })}
                    <LocalTitle activity=a.clone() unmarked=true />
                </h1>
                <FallbackMark activity=a.clone() />
                <p class="inline">
                    <span class="badge ok" data-testid="consent-state" data-state=state.code()>{i18n.tr(consent_key(state))}</span>
                    <ConsentPair activity=a />
                </p>
            }
        }}
        <MessageView message />
        <ChangedElsewhere id current editing on_reload />
        {actions}
        {move || if editing.get() {
            view! {
                <h2>{i18n.tr(Key::EditActivity)}</h2>
                <ActivityForm
                    year
                    editing=current.get_untracked()
                    on_saved=move |saved| {
                        current.set(saved);
                        editing.set(false);
                        message.set(Some(Message::Done(Key::ActivitySaved, String::new())));
                        focus_heading();
                    }
                    on_cancel=move |_| editing.set(false)
                    on_reload=on_reload
                />
            }.into_any()
        } else {
            view! { <Details activity=current.get().value /> }.into_any()
        }}
        <TextsPanel current plan_state on_reload />
        <section class="activity-documents" data-testid="activity-documents">
            <Documents owner=DocumentOwner::Activity owner_id=id may_upload />
        </section>
        <ConsentPanel current on_reload plan_state />
        <ExecutionPanel current on_reload />
        <Discussion id notes=false />
        <Discussion id notes=true />
        <History id current />
    }
    .into_any()
}

/// Someone else changed this activity after it was loaded: shown at once,
/// before a save would meet a 412; without an edit in progress the page
/// simply reloads.
#[component]
fn ChangedElsewhere(
    id: i64,
    current: RwSignal<Versioned<Activity>>,
    editing: RwSignal<bool>,
    #[prop(into)] on_reload: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let live = expect_context::<Live>();
    let newer = Memo::new(move |_| {
        live.last().filter(|c| {
            c.entity_type == "activity"
                && c.entity_id.as_deref() == Some(id.to_string().as_str())
                && c.version.is_some_and(|v| v > current.with(|a| a.version))
                && by_someone_else(auth, c)
        })
    });
    Effect::new(move |_| {
        if newer.get().is_some() && !editing.get_untracked() {
            on_reload.run(());
        }
    });
    move || {
        newer.get().filter(|_| editing.get()).map(|change| {
            view! {
                <div class="notice failure" role="alert" data-testid="changed-elsewhere">
                    <p>{changed_by(i18n, &change)} " " {i18n.tr(Key::LiveEditStale)}</p>
                    <button type="button" class="secondary" on:click=move |_| on_reload.run(())>{i18n.tr(Key::LiveShowNew)}</button>
                </div>
            }
        })
    }
}

/// Every field of the activity.
#[component]
fn Details(activity: Activity) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let a = activity;
    let lang = move || i18n.lang();
    let side = move |side: Side| {
        view! {
            <dd>
                {side.participants.map(|n| view! { <span>{move || i18n.t(Key::ParticipantsN).replace("{n}", &format_number(u64::from(n), lang()))}</span><br/> })}
                {(!side.responsible_unit.is_empty()).then(|| view! { <span>{side.responsible_unit.clone()}</span><br/> })}
                {(!side.point_of_contact.is_empty()).then(|| view! { <span>{side.point_of_contact.clone()}</span> })}
            </dd>
        }
    };
    let a1 = a.clone();
    let a2 = a.clone();
    view! {
        <dl class="facts details" data-testid="details">
            <dt>{i18n.tr(Key::Reference)}</dt>
            <dd>{a.reference.clone().unwrap_or_default()}{a.reference.is_none().then(|| view! { <span class="muted">{i18n.tr(Key::NotShared)}</span> })}</dd>
            <dt>{i18n.tr(Key::Description)}</dt>
            <dd class="prose" data-testid="description">{
                let a = a.clone();
                move || {
                    let text = a.text_in(lang());
                    view! { <span lang=text.lang.code()>{text.description.to_owned()}</span> }
                }
            }</dd>
            <dt>{i18n.tr(Key::Area)}</dt>
            <dd>{move || a1.area.label(lang())}{a1.area_other.clone().map(|o| format!(": {o}"))}</dd>
            <dt>{i18n.tr(Key::Form)}</dt>
            <dd>{move || a2.form.label(lang())}{a2.form_other.clone().map(|o| format!(": {o}"))}</dd>
            <dt>{i18n.tr(Key::ProposingParty)}</dt>
            <dd>{move || a.proposing_party.label(lang())}</dd>
            <dt>{i18n.tr(Key::HostParty)}</dt>
            <dd>{move || a.host_party.label(lang())}</dd>
            <dt>{i18n.tr(Key::Location)}</dt>
            <dd data-testid="location">{a.location.clone()}</dd>
            <dt>{i18n.tr(Key::When)}</dt>
            <dd data-testid="when">{
                let a = a.clone();
                move || schedule_text(a.when(), lang())
            }</dd>
            <dt>{i18n.tr(Key::Cost)}</dt>
            <dd>{i18n.tr(cost_key(a.cost))}</dd>
            <dt>{move || i18n.t(Key::SideOf).replace("{party}", Party::Az.label(lang()))}</dt>
            {side(a.az.clone())}
            <dt>{move || i18n.t(Key::SideOf).replace("{party}", Party::Ge.label(lang()))}</dt>
            {side(a.ge.clone())}
            <dt>{i18n.tr(Key::Updated)}</dt>
            <dd>{move || format_datetime(a.updated_at.timestamp_millis(), lang())}</dd>
        </dl>
    }
}

/// The caller's party's decision on a shared activity (coordinators).
#[component]
fn ConsentPanel(
    current: RwSignal<Versioned<Activity>>,
    #[prop(into)] on_reload: Callback<()>,
    plan_state: RwSignal<Option<PlanState>>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let decision = RwSignal::new(String::new());
    let comment = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Key>);
    let message = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let actor = auth.actor();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let decision = match decision.get_untracked().as_str() {
            "accept" => ConsentDecision::Accept,
            "reject" => ConsentDecision::Reject,
            "request_changes" => ConsentDecision::RequestChanges,
            _ => {
                error.set(Some(Key::ChooseDecision));
                return;
            }
        };
        let text = comment.get_untracked().trim().to_owned();
        if decision != ConsentDecision::Accept && text.is_empty() {
            error.set(Some(Key::CommentNeeded));
            return;
        }
        error.set(None);
        busy.set(true);
        let client = client.clone();
        let Versioned { value, version } = current.get_untracked();
        spawn_local(async move {
            let request = ConsentRequest {
                decision,
                comment: text,
            };
            let result = auth.call(client.consent(value.id, version, &request)).await;
            busy.set(false);
            match result {
                Ok(saved) => {
                    comment.set(String::new());
                    current.set(saved);
                    message.set(Some(Message::Done(Key::DecisionRecorded, String::new())));
                    // The comment joins the discussion: show it.
                    on_reload.run(());
                }
                Err(problem) if problem.status == 412 => on_reload.run(()),
                Err(problem) => message.set(Some(Message::Failed(problem))),
            }
        });
    };
    move || {
        let a = current.get().value;
        let verdict = actor.zip(plan_state.get()).map(|(x, s)| may_consent(x, s, a.consent));
        match verdict {
            Some(Err(refusal)) => return consent_refused(i18n, refusal, a.consent),
            None => return None,
            Some(Ok(())) => {}
        }
        Some({
            let options = [
                ("accept", Key::Accept),
                ("request_changes", Key::RequestChanges),
                ("reject", Key::Reject),
            ];
            view! {
                <section class="card consent-panel" aria-labelledby="consent-heading" data-testid="consent-panel">
                    <h2 id="consent-heading">{i18n.tr(Key::ConsentHeading)}</h2>
                    <MessageView message />
                    <form class="form" on:submit=submit.clone()>
                        <fieldset class="inline">
                            <legend>{i18n.tr(Key::YourDecision)}</legend>
                            {options.into_iter().map(|(code, key)| {
                                let id = format!("decision-{code}");
                                view! {
                                    <label for=id.clone() class="choice">
                                        <input type="radio" name="decision" id=id.clone() value=code data-decision=code
                                            prop:checked=move || decision.get() == code
                                            on:change=move |_| decision.set(code.to_owned()) />
                                        {i18n.tr(key)}
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                        <div class="field" class:invalid=move || error.get().is_some()>
                            <label for="consent-comment">{i18n.tr(Key::Comment)}</label>
                            <p class="hint" id="consent-comment-hint">{i18n.tr(Key::CommentHint)}</p>
                            <textarea id="consent-comment" rows="3" aria-describedby="consent-comment-hint"
                                prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                            {move || error.get().map(|k| view! { <p class="field-error" role="alert">{i18n.tr(k)}</p> })}
                        </div>
                        <div class="form-actions">
                            <button type="submit" class="primary" data-testid="send-decision" disabled=move || busy.get()>{i18n.tr(Key::SendDecision)}</button>
                        </div>
                    </form>
                </section>
            }
            .into_any()
        })
    }
}

/// Where the consent form would be but the rules refuse it: a coordinator
/// is told why (the plan's state); a planner, on a shared activity, who
/// decides and where to read it (the "Who does what" page).
fn consent_refused(i18n: I18n, refusal: Refusal, consent: ConsentState) -> Option<AnyView> {
    match refusal {
        Refusal::Forbidden(_) if !matches!(consent, ConsentState::Draft | ConsentState::Withdrawn) => Some(
            view! {
                <p class="hint reason" data-testid="who-decides">
                    {i18n.tr(Key::WhoDecidesConsent)} " "
                    <a href="/who">{i18n.tr(Key::NavWho)}</a>
                </p>
            }
            .into_any(),
        ),
        Refusal::Conflict(concord_shared::rules::Reason::PlanState { .. }) => Some(
            view! { <p class="hint reason" data-testid="consent-reason">{move || refusal_text(i18n.lang(), &refusal)}</p> }
                .into_any(),
        ),
        _ => None,
    }
}

/// Comments of both parties, or the caller's party's internal notes.
#[component]
fn Discussion(id: i64, notes: bool) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let c2 = client.clone();
    let live = expect_context::<Live>();
    let list = LocalResource::new(move || {
        live.tick();
        let client = c2.clone();
        async move {
            if notes {
                auth.call(client.notes(id)).await
            } else {
                auth.call(client.comments(id)).await
            }
        }
    });
    let body = RwSignal::new(String::new());
    let error = RwSignal::new(None::<Key>);
    let message = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let actor = auth.actor();
    let may_write = actor.is_some_and(|a| decide(a, Action::Plan, Scope::Private(a.party)).is_ok());
    let party = actor.map_or(Party::Az, |a| a.party);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = body.get_untracked().trim().to_owned();
        if text.is_empty() {
            error.set(Some(Key::ErrRequired));
            return;
        }
        error.set(None);
        busy.set(true);
        let client = client.clone();
        spawn_local(async move {
            let result: Result<Comment, Problem> = if notes {
                auth.call(client.add_note(id, &text)).await
            } else {
                auth.call(client.add_comment(id, &text)).await
            };
            busy.set(false);
            match result {
                Ok(_) => {
                    body.set(String::new());
                    message.set(None);
                    list.refetch();
                }
                Err(problem) => {
                    // A refused text (too long, control characters) is said next to the field too.
                    error.set(problem.errors.first().map(|e| field_error_key(&e.field, &e.code)));
                    message.set(Some(Message::Failed(problem)));
                }
            }
        });
    };
    let (heading, testid, field) = if notes {
        (Key::NotesHeading, "notes", "note-body")
    } else {
        (Key::CommentsHeading, "comments", "comment-body")
    };
    let content: Content = std::sync::Arc::new(move || {
        list.get().map(|result| match result {
            Ok(items) if items.is_empty() => view! {
                <p class="empty">{i18n.tr(if notes { Key::NoNotes } else { Key::NoComments })}</p>
            }
            .into_any(),
            Ok(items) => view! {
                <ol class="comments">
                    {items.into_iter().map(|c| {
                        let when = c.created_at.timestamp_millis();
                        let kind = match c.kind.as_str() {
                            "accept" => Some(Key::Accept),
                            "reject" => Some(Key::Reject),
                            "request_changes" => Some(Key::RequestChanges),
                            _ => None,
                        };
                        view! {
                            <li class="comment" data-party=c.party.code() data-kind=c.kind.clone()>
                                <p class="meta">
                                    <span class="party-code">{c.party.short()}</span>
                                    <strong>{c.author.clone()}</strong>
                                    {(!c.position.is_empty()).then(|| format!(", {}", c.position))}
                                    " · " {move || format_datetime(when, i18n.lang())}
                                    {kind.map(|k| view! { " · " <span class="badge off">{i18n.tr(k)}</span> })}
                                </p>
                                <p class="prose">{c.body.clone()}</p>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }
            .into_any(),
            Err(problem) => view! { <LoadError problem on_retry=move |_| list.refetch() /> }.into_any(),
        })
    });
    view! {
        <section class=if notes { "card discussion internal" } else { "card discussion" } data-testid=testid aria-labelledby=format!("{testid}-heading")>
            <h2 id=format!("{testid}-heading")>{i18n.tr(heading)}</h2>
            {notes.then(|| view! {
                <p class="internal-mark" data-testid="internal-mark">
                    {move || i18n.t(Key::NotesOnlyFor).replace("{authority}", party.authority_at_signature().get(i18n.lang()))}
                </p>
            })}
            <Loader content />
            <MessageView message />
            {may_write.then(|| view! {
                <form class="form" on:submit=submit.clone()>
                    <div class="field" class:invalid=move || error.get().is_some()>
                        <label for=field>{i18n.tr(if notes { Key::AddNote } else { Key::AddComment })}</label>
                        <textarea id=field rows="3" aria-invalid=move || error.get().is_some().then_some("true") prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                        {move || error.get().map(|k| view! { <p class="field-error" role="alert">{i18n.tr(k)}</p> })}
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="primary" data-testid=format!("{testid}-send") disabled=move || busy.get()>
                            {i18n.tr(if notes { Key::SaveNote } else { Key::SendComment })}
                        </button>
                    </div>
                </form>
            })}
        </section>
    }
}

/// The most recent history entries shown.
const HISTORY_LIMIT: u64 = 100;

/// What an audit action says, or `None` for one this page does not know.
fn action_key(action: &str) -> Option<Key> {
    Some(match action {
        "activity.create" => Key::HistCreated,
        "activity.update" => Key::HistUpdated,
        "activity.share" => Key::HistShared,
        "activity.withdraw" => Key::HistWithdrawn,
        "activity.consent" => Key::HistConsent,
        "activity.execution" => Key::HistExecution,
        "activity.summary" => Key::HistSummary,
        "activity.comment" => Key::HistComment,
        "activity.note" => Key::HistNote,
        "activity.text" => Key::HistText,
        "activity.text_confirm" => Key::HistTextConfirm,
        "activity.replicated" => Key::HistReplicated,
        _ => return None,
    })
}

/// One changed field: its label, before → after.
fn change_view(change: HistoryChange, i18n: I18n) -> AnyView {
    let field = change.field.clone();
    view! {
        <li data-field=change.field.clone()>
            {move || {
                let lang = i18n.lang();
                format!(
                    "{}: {} → {}",
                    field_label(&field, lang),
                    value_text(&field, &change.before, lang),
                    value_text(&field, &change.after, lang)
                )
            }}
        </li>
    }
    .into_any()
}

/// One history entry: who, what, when, and the changed fields.
fn entry_view(entry: HistoryEntry, i18n: I18n) -> AnyView {
    let when = entry.at.timestamp_millis();
    let action = entry.action.clone();
    let changes = entry.changes;
    view! {
        <li class="comment" data-action=entry.action.clone()>
            <p class="meta">
                {entry.party.map(|p| view! { <span class="party-code">{p.short()}</span> })}
                // A change that arrived from the other node is recorded by
                // no user of this one: named in the reader's language.
                <strong>{match entry.action.as_str() {
                    "activity.replicated" => view! { {move || i18n.t(Key::HistPeerServer)} }.into_any(),
                    _ => entry.actor.into_any(),
                }}</strong>
                " " {move || action_key(&action).map_or_else(|| action.clone(), |k| i18n.t(k).to_owned())}
                " · " {move || format_datetime(when, i18n.lang())}
            </p>
            {(!changes.is_empty()).then(|| view! {
                <ul class="changes">{changes.into_iter().map(|c| change_view(c, i18n)).collect_view()}</ul>
            })}
        </li>
    }
    .into_any()
}

/// The activity's history from the audit log, newest first, as the caller's
/// party may read it; loaded again with every new version of the activity.
#[component]
fn History(id: i64, current: RwSignal<Versioned<Activity>>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let live = expect_context::<Live>();
    let list = LocalResource::new(move || {
        live.tick();
        let client = client.clone();
        current.with(|c| c.version);
        async move { auth.call(client.history(id, 0, HISTORY_LIMIT)).await }
    });
    let content: Content = std::sync::Arc::new(move || {
        list.get().map(|result| match result {
            Ok(page) if page.items.is_empty() => {
                view! { <p class="empty">{i18n.tr(Key::NoHistory)}</p> }.into_any()
            }
            Ok(page) => {
                let (shown, total) = (page.items.len() as u64, page.total);
                view! {
                    {(total > shown).then(|| view! {
                        <p class="hint">{move || i18n.t(Key::HistoryLatest).replace("{n}", &shown.to_string()).replace("{total}", &total.to_string())}</p>
                    })}
                    <ol class="comments history">{page.items.into_iter().map(|e| entry_view(e, i18n)).collect_view()}</ol>
                }
                .into_any()
            }
            Err(problem) => view! { <LoadError problem on_retry=move |_| list.refetch() /> }.into_any(),
        })
    });
    view! {
        <section class="card discussion" data-testid="history" aria-labelledby="history-heading">
            <h2 id="history-heading">{i18n.tr(Key::HistoryHeading)}</h2>
            <Loader content />
        </section>
    }
}
