//! The plan page's lifecycle sections after agreement: each party's
//! signature (and the form recording the caller's own party's), the signed
//! version with its SHA-256, an amendment in progress (or the button that
//! opens one), and carrying activities not held into next year's draft.
//! Every control is gated by the shared plan policy; the server decides again.

use concord_client::{ActivityFilter, Client};
use concord_shared::api::{Activity, NewSignature, Plan, Signature};
use concord_shared::plan::{ConsentState, PlanState};
use concord_shared::rules::activities::{may_carry_from, may_carry_over};
use concord_shared::rules::plan::open_for_work;
use concord_shared::rules::signatures::{may_open_amendment, may_sign};
use concord_shared::{Party, Problem};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::auth::Auth;
use crate::i18n::{I18n, Key, format_datetime, format_iso_date};
use crate::ui::dates::{iso, parse_iso, today_iso};
use crate::ui::feedback::{Failure, LoadError};
use crate::ui::labels::execution_key;
use crate::ui::{Content, Field, FieldErrors, Loader, error_of, field_error_key};

/// The field error text of a signature's field error code.
fn signature_error_key(field: &str, code: &str) -> Key {
    match code {
        "in_future" => Key::LcErrInFuture,
        "too_early" => Key::LcErrTooEarly,
        _ => field_error_key(field, code),
    }
}

/// The lifecycle sections of one plan.
#[component]
pub fn Lifecycle(plan: Plan, version: i64, #[prop(into)] on_change: Callback<()>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let year = plan.year;
    let state = plan.state;
    let actor = auth.actor();
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<Problem>);
    let amending = plan.amendment > 0 && open_for_work(state).is_ok();
    let signed_version = plan.signed_version;
    let open = {
        let client = client.clone();
        move |_| {
            busy.set(true);
            failure.set(None);
            let client = client.clone();
            spawn_local(async move {
                let result = auth.call(client.open_amendment(year, version)).await;
                busy.set(false);
                match result {
                    Ok(_) => on_change.run(()),
                    Err(problem) => failure.set(Some(problem)),
                }
            });
        }
    };
    let can_amend = actor.is_some_and(|a| may_open_amendment(a, state).is_ok());
    let show_signatures = state == PlanState::Agreed || !plan.signatures.is_empty();
    let carry = actor.is_some_and(|a| may_carry_from(a, state, signed_version.is_some()).is_ok());
    view! {
        {amending.then(|| {
            let n = plan.amendment;
            let base = signed_version.unwrap_or(n);
            view! {
                <section class="notice info" data-testid="amendment" aria-labelledby="amendment-heading">
                    <h2 id="amendment-heading">{move || i18n.t(Key::LcAmendmentHeading).replace("{n}", &n.to_string())}</h2>
                    <p>{move || i18n.t(Key::LcAmendmentText).replace("{n}", &base.to_string()).replace("{next}", &(n + 1).to_string())}</p>
                    <p>
                        <A href=format!("/plans/{year}/versions/{base}") attr:data-testid="amended-version">{move || i18n.t(Key::LcSeeVersion).replace("{n}", &base.to_string())}</A>
                        " · "
                        <A href=format!("/plans/{year}/versions/compare?from={base}&to={}", n + 1) attr:data-testid="amendment-compare">{move || i18n.t(Key::LcCompareWithSigned).replace("{n}", &base.to_string())}</A>
                    </p>
                </section>
            }
        })}
        {show_signatures.then(|| view! { <Signatures plan=plan.clone() version on_change /> })}
        {signed_version.map(|n| view! { <SignedVersion year number=n /> })}
        <Failure problem=failure on_reload=on_change />
        {can_amend.then(|| view! {
            <p class="hint">{i18n.tr(Key::LcAmendHint)}</p>
            <button type="button" class="secondary" data-testid="open-amendment" disabled=move || busy.get() on:click=open.clone()>
                {move || if busy.get() { i18n.t(Key::LcWorking) } else { i18n.t(Key::LcOpenAmendment) }}
            </button>
        })}
        {carry.then(|| view! { <CarryOver year /> })}
    }
}

/// Both parties' signatures on the version being signed (or signed), and the
/// form recording the caller's party's own.
#[component]
fn Signatures(plan: Plan, version: i64, #[prop(into)] on_change: Callback<()>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let year = plan.year;
    let signed: Vec<Party> = plan.signatures.iter().map(|s| s.party).collect();
    let can_sign = auth.actor().is_some_and(|a| may_sign(a, plan.state, &signed).is_ok());
    let rows = Party::ALL
        .iter()
        .map(|party| {
            let party = *party;
            let found = plan.signatures.iter().find(|s| s.party == party).cloned();
            let is_signed = found.is_some().to_string();
            view! {
                <dt>{move || party.label(i18n.lang())}</dt>
                <dd data-testid=format!("signature-{}", party.code()) data-signed=is_signed>
                    {match found {
                        Some(s) => signature_text(i18n, s).into_any(),
                        None => view! { <span class="muted">{i18n.tr(Key::LcNotSigned)}</span> }.into_any(),
                    }}
                </dd>
            }
        })
        .collect_view();
    let signatory = RwSignal::new(String::new());
    let position = RwSignal::new(String::new());
    let signed_on = RwSignal::new(today_iso());
    let place = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<Problem>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        for (field, value) in [("signatory", signatory), ("position", position), ("place", place)] {
            if value.get_untracked().trim().is_empty() {
                found.push((field.to_owned(), Key::ErrRequired));
            }
        }
        let typed = signed_on.get_untracked();
        let date = parse_iso(typed.trim());
        if date.is_none() {
            let key = if typed.trim().is_empty() {
                Key::ErrRequired
            } else {
                Key::ImpNotADate
            };
            found.push(("signed_on".to_owned(), key));
        }
        errors.set(found);
        let Some(signed_on) = date.filter(|_| errors.with_untracked(Vec::is_empty)) else {
            return;
        };
        let new = NewSignature {
            signatory: signatory.get_untracked().trim().to_owned(),
            position: position.get_untracked().trim().to_owned(),
            signed_on,
            place: place.get_untracked().trim().to_owned(),
        };
        busy.set(true);
        failure.set(None);
        let client = client.clone();
        spawn_local(async move {
            let result = auth.call(client.sign_plan(year, version, &new)).await;
            busy.set(false);
            match result {
                Ok(_) => on_change.run(()),
                Err(problem) => {
                    if problem.status == 422 {
                        errors.set(
                            problem
                                .errors
                                .iter()
                                .map(|e| (e.field.clone(), signature_error_key(&e.field, &e.code)))
                                .collect(),
                        );
                    }
                    failure.set(Some(problem));
                }
            }
        });
    };
    view! {
        <section class="card" data-testid="signatures" aria-labelledby="signatures-heading">
            <h2 id="signatures-heading">{i18n.tr(Key::LcSignaturesHeading)}</h2>
            <dl class="facts">{rows}</dl>
            {can_sign.then(|| view! {
                <form class="form" data-testid="sign-form" on:submit=submit novalidate=true>
                    <h3>{i18n.tr(Key::LcSignHeading)}</h3>
                    <p class="hint">{i18n.tr(Key::LcSignHint)}</p>
                    <Failure problem=failure on_reload=on_change />
                    <Field id="signatory" label=Key::LcSignatory value=signatory error=error_of(errors, "signatory") required=true />
                    <Field id="position" label=Key::LcPosition value=position error=error_of(errors, "position") required=true />
                    <Field id="signed_on" label=Key::LcSignedOn value=signed_on error=error_of(errors, "signed_on") kind="date" required=true />
                    <Field id="place" label=Key::LcPlace value=place error=error_of(errors, "place") required=true />
                    <div class="form-actions">
                        <button type="submit" class="primary" data-testid="sign" disabled=move || busy.get()>
                            {move || if busy.get() { i18n.t(Key::LcWorking) } else { i18n.t(Key::LcSign) }}
                        </button>
                    </div>
                </form>
            })}
        </section>
    }
}

/// "Name, position — signed in place on date (recorded by …)".
fn signature_text(i18n: I18n, s: Signature) -> impl IntoView {
    let date = iso(s.signed_on);
    move || {
        let lang = i18n.lang();
        i18n.t(Key::LcSignatureText)
            .replace("{name}", &s.signatory)
            .replace("{position}", &s.position)
            .replace("{place}", &s.place)
            .replace("{date}", &format_iso_date(&date, lang))
            .replace("{by}", &s.recorded_by)
    }
}

/// The signed version in force: number, when it was frozen, its SHA-256 and links.
#[component]
fn SignedVersion(year: i32, number: i32) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let versions = LocalResource::new(move || {
        let client = client.clone();
        async move { auth.call(client.plan_versions(year)).await }
    });
    let content: Content = std::sync::Arc::new(move || {
        versions.get().map(|result| match result {
            Ok(list) => match list.into_iter().find(|v| v.number == number) {
                Some(v) => {
                    let when = v.created_at.timestamp_millis();
                    view! {
                        <dl class="facts">
                            <dt>{i18n.tr(Key::LcVersionNumber)}</dt>
                            <dd data-testid="signed-version-number">{number}</dd>
                            <dt>{i18n.tr(Key::LcFrozenAt)}</dt>
                            <dd>{move || format_datetime(when, i18n.lang())}</dd>
                            <dt>"SHA-256"</dt>
                            <dd><code class="hash" data-testid="signed-version-hash">{v.sha256}</code></dd>
                        </dl>
                        <p>
                            <A href=format!("/plans/{year}/versions/{number}") attr:data-testid="signed-version-link">{move || i18n.t(Key::LcSeeVersion).replace("{n}", &number.to_string())}</A>
                            " · "
                            <A href=format!("/plans/{year}/versions") attr:data-testid="versions-link">{i18n.tr(Key::LcAllVersions)}</A>
                            {(number > 1).then(|| view! {
                                " · "
                                <A href=format!("/plans/{year}/versions/compare?from={}&to={number}", number - 1) attr:data-testid="compare-previous">
                                    {move || i18n.t(Key::LcComparePrevious).replace("{n}", &(number - 1).to_string())}
                                </A>
                            })}
                        </p>
                    }
                    .into_any()
                }
                None => view! { <p class="empty">{i18n.tr(Key::LcNoVersions)}</p> }.into_any(),
            },
            Err(problem) => view! { <LoadError problem on_retry=move |_| versions.refetch() /> }.into_any(),
        })
    });
    view! {
        <section class="card" data-testid="signed-version" aria-labelledby="signed-version-heading">
            <h2 id="signed-version-heading">{move || i18n.t(Key::LcSignedVersionHeading).replace("{n}", &number.to_string())}</h2>
            <Loader content />
        </section>
    }
}

/// The caller's party's activities of a signed plan that were not held, to
/// carry into next year's draft; the drafts made, with links.
#[component]
fn CarryOver(year: i32) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let Some(actor) = auth.actor() else {
        return ().into_any();
    };
    let list = {
        let client = client.clone();
        LocalResource::new(move || {
            let client = client.clone();
            let filter = ActivityFilter {
                consent: Some(ConsentState::Accepted),
                proposer: Some(actor.party),
                sort: Some("reference".to_owned()),
                limit: Some(500),
                ..Default::default()
            };
            async move { auth.call(client.activities(year, &filter)).await }
        })
    };
    let chosen = RwSignal::new(Vec::<i64>::new());
    let errors: FieldErrors = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<Problem>);
    let made = RwSignal::new(None::<Vec<Activity>>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ids = chosen.get_untracked();
        if ids.is_empty() {
            errors.set(vec![("activities".to_owned(), Key::LcChooseActivities)]);
            return;
        }
        errors.set(Vec::new());
        busy.set(true);
        failure.set(None);
        let client = client.clone();
        spawn_local(async move {
            let result = auth.call(client.carry_over(year, ids.clone())).await;
            busy.set(false);
            match result {
                Ok(created) => {
                    chosen.set(Vec::new());
                    made.set(Some(created));
                    list.refetch();
                }
                Err(problem) => {
                    // `activities[i]` names the i-th chosen activity: show it on its row.
                    errors.set(
                        problem
                            .errors
                            .iter()
                            .map(|e| {
                                let field = e
                                    .field
                                    .strip_prefix("activities[")
                                    .and_then(|rest| rest.strip_suffix(']'))
                                    .and_then(|i| i.parse::<usize>().ok())
                                    .and_then(|i| ids.get(i))
                                    .map_or_else(|| e.field.clone(), |id| format!("carry-{id}"));
                                let key = match e.code.as_str() {
                                    "carried" => Key::LcErrCarried,
                                    "not_carriable" => Key::LcErrNotCarriable,
                                    "not_yours" => Key::Forbidden,
                                    code => field_error_key(&e.field, code),
                                };
                                (field, key)
                            })
                            .collect(),
                    );
                    failure.set(Some(problem));
                }
            }
        });
    };
    let content: Content = std::sync::Arc::new(move || {
        list.get().map(|result| match result {
            Ok(page) => {
                let rows: Vec<Activity> = page
                    .items
                    .into_iter()
                    .filter(|a| may_carry_over(actor, a.proposing_party, a.consent, a.execution, false).is_ok())
                    .collect();
                if rows.is_empty() {
                    return view! { <p class="empty" data-testid="carry-empty">{i18n.tr(Key::LcNothingToCarry)}</p> }.into_any();
                }
                view! {
                    <fieldset class="carry-list" aria-describedby="carry-hint">
                        <legend>{i18n.tr(Key::LcCarryChoose)}</legend>
                        {rows.into_iter().map(|a| carry_row(i18n, a, chosen, errors)).collect_view()}
                    </fieldset>
                    {move || error_of(errors, "activities").get().map(|k| view! { <p class="field-error" data-field-error="activities">{i18n.tr(k)}</p> })}
                    <div class="form-actions">
                        <button type="submit" class="primary" data-testid="carry-over" disabled=move || busy.get()>
                            {move || if busy.get() { i18n.t(Key::LcWorking).to_owned() } else { i18n.t(Key::LcCarrySubmit).replace("{year}", &(year + 1).to_string()) }}
                        </button>
                    </div>
                }
                .into_any()
            }
            Err(problem) => view! { <LoadError problem on_retry=move |_| list.refetch() /> }.into_any(),
        })
    });
    view! {
        <section class="card" data-testid="carry" aria-labelledby="carry-heading">
            <h2 id="carry-heading">{move || i18n.t(Key::LcCarryHeading).replace("{year}", &(year + 1).to_string())}</h2>
            <p class="hint" id="carry-hint">{move || i18n.t(Key::LcCarryHint).replace("{year}", &(year + 1).to_string())}</p>
            <Failure problem=failure on_reload=move |_| list.refetch() />
            {move || made.get().map(|created| {
                let n = created.len().to_string();
                let links = created
                    .into_iter()
                    .map(|a| {
                        let (href, id) = (format!("/activities/{}", a.id), a.id.to_string());
                        view! { <li><A href=href attr:data-carried-id=id>{a.title}</A></li> }
                    })
                    .collect_view();
                view! {
                    <div class="notice success" role="status" data-testid="carried">
                        <p>{move || i18n.t(Key::LcCarried).replace("{n}", &n).replace("{year}", &(year + 1).to_string())}</p>
                        <ul>{links}</ul>
                    </div>
                }
            })}
            <form class="form" on:submit=submit>
                <Loader content />
            </form>
        </section>
    }
    .into_any()
}

/// One activity that may be carried over: its checkbox, reference, title,
/// execution status and any error about it.
fn carry_row(i18n: I18n, a: Activity, chosen: RwSignal<Vec<i64>>, errors: FieldErrors) -> AnyView {
    let id = a.id;
    let input_id = format!("carry-{id}");
    let error = error_of_owned(errors, input_id.clone());
    let status = a.execution;
    view! {
        <div class="choice-row" data-carry-row=id.to_string()>
            <label for=input_id.clone() class="choice">
                <input type="checkbox" id=input_id.clone() data-carry=id.to_string()
                    prop:checked=move || chosen.with(|c| c.contains(&id))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        chosen.update(|c| { c.retain(|x| *x != id); if on { c.push(id); } });
                    } />
                {a.reference.clone().map(|r| view! { <span class="ref">{r}</span> " " })}
                {a.title.clone()}
                " (" {move || i18n.t(execution_key(status))} ")"
            </label>
            {move || error.get().map(|k| view! { <p class="field-error" data-field-error=format!("carry-{id}")>{i18n.tr(k)}</p> })}
        </div>
    }
    .into_any()
}

fn error_of_owned(errors: FieldErrors, field: String) -> Signal<Option<Key>> {
    Signal::derive(move || errors.with(|all| all.iter().find(|(f, _)| *f == field).map(|(_, key)| *key)))
}
