//! The activity page's execution section, on plans with a signed version:
//! the status and its reason; for the host party's planners and
//! coordinators the next statuses the rules allow (a reason required for
//! postponed and cancelled); both parties' after-action summaries once held,
//! each party writing its own. Whoever the rules refuse is told why instead.

use concord_client::{Client, Versioned};
use concord_shared::api::{Activity, ExecutionUpdate};
use concord_shared::plan::ConsentState;
use concord_shared::rules::activities::{execution_steps, may_report_execution, may_write_summary, needs_reason};
use concord_shared::{Party, Problem};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::auth::Auth;
use crate::i18n::{I18n, Key};
use crate::ui::feedback::{Failure, WhyNot};
use crate::ui::labels::execution_key;
use crate::ui::{FieldErrors, TextAreaField, error_of, field_errors_of};

/// The execution section of an activity of a signed plan (nothing otherwise).
#[component]
pub fn ExecutionPanel(current: RwSignal<Versioned<Activity>>, #[prop(into)] on_reload: Callback<()>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let year = current.with_untracked(|c| c.value.year);
    let accepted = current.with_untracked(|c| c.value.consent == ConsentState::Accepted);
    // The plan says whether a signed version is in force and whether it is closed.
    let plan = LocalResource::new(move || {
        let client = client.clone();
        async move {
            if accepted {
                auth.call(client.plan(year)).await.ok().map(|p| p.value)
            } else {
                None
            }
        }
    });
    move || {
        plan.get()
            .flatten()
            .filter(|p| p.signed_version.is_some())
            .map(|p| view! { <ExecutionView current on_reload state=p.state /> })
    }
}

#[component]
fn ExecutionView(
    current: RwSignal<Versioned<Activity>>,
    #[prop(into)] on_reload: Callback<()>,
    state: concord_shared::plan::PlanState,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let actor = auth.actor();
    let status = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<Problem>);
    let done = RwSignal::new(false);
    let submit = {
        let client = client.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Versioned { value, version } = current.get_untracked();
            let chosen = execution_steps(value.execution)
                .iter()
                .copied()
                .find(|s| s.code() == status.get_untracked());
            let Some(chosen) = chosen else {
                errors.set(vec![("status".to_owned(), Key::LcChooseStatus)]);
                return;
            };
            let text = reason.get_untracked().trim().to_owned();
            if needs_reason(chosen) && text.is_empty() {
                errors.set(vec![("reason".to_owned(), Key::ErrRequired)]);
                return;
            }
            errors.set(Vec::new());
            busy.set(true);
            failure.set(None);
            done.set(false);
            let client = client.clone();
            spawn_local(async move {
                let update = ExecutionUpdate {
                    status: chosen,
                    reason: needs_reason(chosen).then_some(text),
                };
                let result = auth.call(client.set_execution(value.id, version, &update)).await;
                busy.set(false);
                match result {
                    Ok(saved) => {
                        status.set(String::new());
                        reason.set(String::new());
                        done.set(true);
                        current.set(saved);
                    }
                    Err(problem) => {
                        errors.set(field_errors_of(&problem));
                        failure.set(Some(problem));
                    }
                }
            });
        }
    };
    // Why the caller may not report (the rule's refusal), if they may not.
    let refused = move || {
        let a = current.get().value;
        actor.and_then(|x| may_report_execution(x, a.host_party, a.consent, state, true).err())
    };
    let reporter = move || actor.is_some() && refused().is_none();
    let steps_view = move || {
        let a = current.get().value;
        let steps = execution_steps(a.execution);
        if !reporter() {
            return None;
        }
        if steps.is_empty() {
            return Some(
                view! { <p class="hint" data-testid="execution-final">{i18n.tr(Key::LcExecutionFinal)}</p> }.into_any(),
            );
        }
        let status_error = error_of(errors, "status");
        let reason_error = error_of(errors, "reason");
        let choices = steps
            .iter()
            .map(|s| {
                let code = s.code();
                let key = execution_key(*s);
                let id = format!("execution-{code}");
                let for_id = id.clone();
                view! {
                    <label for=for_id class="choice">
                        <input type="radio" name="execution" id=id value=code data-execution=code
                            prop:checked=move || status.get() == code
                            on:change=move |_| status.set(code.to_owned()) />
                        {i18n.tr(key)}
                    </label>
                }
            })
            .collect_view();
        let submit = submit.clone();
        Some(
            view! {
                <form class="form" data-testid="execution-form" on:submit=submit novalidate=true>
                    <fieldset class="inline">
                        <legend>{i18n.tr(Key::LcNewStatus)}</legend>
                        {choices}
                    </fieldset>
                    {move || status_error.get().map(|k| view! { <p class="field-error" id="execution-status-error" data-field-error="status">{i18n.tr(k)}</p> })}
                    <p class="hint">{i18n.tr(Key::LcReasonHint)}</p>
                    <TextAreaField id="execution-reason" label=Key::FieldExecutionReason value=reason error=reason_error />
                    <div class="form-actions">
                        <button type="submit" class="primary" data-testid="set-execution" disabled=move || busy.get()>
                            {move || if busy.get() { i18n.t(Key::LcWorking) } else { i18n.t(Key::LcSetStatus) }}
                        </button>
                    </div>
                </form>
            }
            .into_any(),
        )
    };
    view! {
        <section class="card" data-testid="execution" aria-labelledby="execution-heading">
            <h2 id="execution-heading">{i18n.tr(Key::LcExecutionHeading)}</h2>
            {move || {
                let a = current.get().value;
                let code = a.execution.code();
                let key = execution_key(a.execution);
                view! {
                    <dl class="facts">
                        <dt>{i18n.tr(Key::FieldExecution)}</dt>
                        <dd><span class="badge ok" data-testid="execution-status" data-status=code>{i18n.tr(key)}</span></dd>
                        {a.execution_reason.clone().map(|r| view! {
                            <dt>{i18n.tr(Key::FieldExecutionReason)}</dt>
                            <dd data-testid="execution-reason">{r}</dd>
                        })}
                    </dl>
                }
            }}
            {move || done.get().then(|| view! { <p class="notice success" role="status" data-testid="execution-saved">{i18n.tr(Key::LcStatusSaved)}</p> })}
            <Failure problem=failure on_reload />
            {steps_view}
            {move || refused().map(|refusal| view! { <WhyNot id="execution-why" name="execution-refusal" refusal /> })}
            <Summaries current on_reload />
        </section>
    }
}

/// Both parties' after-action summaries; the caller's party writes its own once held.
#[component]
fn Summaries(current: RwSignal<Versioned<Activity>>, #[prop(into)] on_reload: Callback<()>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let actor = auth.actor();
    let own = |a: &Activity, party: Party| match party {
        Party::Az => a.az_summary.clone(),
        Party::Ge => a.ge_summary.clone(),
    };
    let text = RwSignal::new(
        actor
            .and_then(|x| own(&current.get_untracked().value, x.party))
            .unwrap_or_default(),
    );
    let errors: FieldErrors = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<Problem>);
    let saved_note = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let body = text.get_untracked().trim().to_owned();
        if body.is_empty() {
            errors.set(vec![("summary".to_owned(), Key::ErrRequired)]);
            return;
        }
        errors.set(Vec::new());
        busy.set(true);
        failure.set(None);
        saved_note.set(false);
        let Versioned { value, version } = current.get_untracked();
        let client = client.clone();
        spawn_local(async move {
            let result = auth.call(client.set_summary(value.id, version, &body)).await;
            busy.set(false);
            match result {
                Ok(saved) => {
                    saved_note.set(true);
                    current.set(saved);
                }
                Err(problem) => {
                    errors.set(field_errors_of(&problem));
                    failure.set(Some(problem));
                }
            }
        });
    };
    let rows = move || {
        let a = current.get().value;
        Party::ALL
            .iter()
            .filter_map(|p| {
                let p = *p;
                own(&a, p).map(|s| {
                    view! {
                        <dt>{move || i18n.t(Key::LcSummaryOf).replace("{party}", p.label(i18n.lang()))}</dt>
                        <dd class="prose" data-testid=format!("summary-{}", p.code())>{s}</dd>
                    }
                })
            })
            .collect_view()
    };
    let refused = move || {
        let a = current.get().value;
        actor.and_then(|x| may_write_summary(x, a.execution).err())
    };
    let writer = move || actor.is_some() && refused().is_none();
    view! {
        <h3>{i18n.tr(Key::FieldSummary)}</h3>
        <dl class="facts">{rows}</dl>
        {move || writer().then(|| {
            let submit = submit.clone();
            view! {
                <form class="form" data-testid="summary-form" on:submit=submit novalidate=true>
                    <Failure problem=failure on_reload />
                    {move || saved_note.get().then(|| view! { <p class="notice success" role="status" data-testid="summary-saved">{i18n.tr(Key::LcSummarySaved)}</p> })}
                    <TextAreaField id="summary" label=Key::LcOwnSummary value=text error=error_of(errors, "summary") />
                    <div class="form-actions">
                        <button type="submit" class="primary" data-testid="save-summary" disabled=move || busy.get()>
                            {move || if busy.get() { i18n.t(Key::LcWorking) } else { i18n.t(Key::LcSaveSummary) }}
                        </button>
                    </div>
                </form>
            }
        })}
        {move || refused().map(|refusal| view! { <WhyNot id="summary-why" name="summary-refusal" refusal /> })}
    }
}
