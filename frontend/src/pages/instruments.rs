//! The instruments register: the list with search and filters (kind, status,
//! year), an instrument's page (fields, each party's signatory and internal
//! procedures, the timeline of its dates, related instruments, documents)
//! and the record/edit form for coordinators.

use chrono::NaiveDate;
use concord_client::{Client, InstrumentFilter, Versioned};
use concord_shared::Party;
use concord_shared::api::{
    DocumentOwner, Instrument, InstrumentInput, InstrumentKind, InstrumentSide, InstrumentStatus,
};
use concord_shared::rules::Scope;
use concord_shared::rules::register::{may_attach, may_record_instruments};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::auth::Auth;
use crate::i18n::{I18n, Key, format_iso_date};
use crate::ui::dates::{date_text, iso, parse_iso};
use crate::ui::documents::Documents;
use crate::ui::feedback::LoadError;
use crate::ui::labels::kind_key;
use crate::ui::options::Choice;
use crate::ui::paper::DownloadList;
use crate::ui::{Field, FieldErrors, Loader, Message, MessageView, Pager, error_of, field_errors_of, header_row};

const STATUSES: [InstrumentStatus; 4] = [
    InstrumentStatus::Unsigned,
    InstrumentStatus::Signed,
    InstrumentStatus::InForce,
    InstrumentStatus::Terminated,
];

fn status_key(status: InstrumentStatus) -> Key {
    match status {
        InstrumentStatus::Unsigned => Key::RegStatusUnsigned,
        InstrumentStatus::Signed => Key::RegStatusSigned,
        InstrumentStatus::InForce => Key::RegStatusInForce,
        InstrumentStatus::Terminated => Key::RegStatusTerminated,
    }
}

fn status_code(status: InstrumentStatus) -> &'static str {
    match status {
        InstrumentStatus::Unsigned => "unsigned",
        InstrumentStatus::Signed => "signed",
        InstrumentStatus::InForce => "in_force",
        InstrumentStatus::Terminated => "terminated",
    }
}

fn status_badge(status: InstrumentStatus) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <span class="badge" class:ok=status == InstrumentStatus::InForce class:off=status != InstrumentStatus::InForce data-status=status_code(status)>
            {i18n.tr(status_key(status))}
        </span>
    }
}

/// Instruments per page of the register.
const PAGE_SIZE: u64 = 20;

/// The register's list page: filtered and paged by the server.
#[component]
pub fn InstrumentsPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let search = RwSignal::new(String::new());
    let kind = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let year = RwSignal::new(String::new());
    let offset = RwSignal::new(0_u64);
    // Another filter starts again from the first page.
    Effect::new(move |_| {
        search.track();
        kind.track();
        status.track();
        year.track();
        if offset.get_untracked() != 0 {
            offset.set(0);
        }
    });
    // The filters alone: the downloads take every page.
    let filters = move || InstrumentFilter {
        q: Some(search.get().trim().to_owned()).filter(|q| !q.is_empty()),
        kind: InstrumentKind::from_code(&kind.get()),
        status: STATUSES.into_iter().find(|s| status_code(*s) == status.get()),
        year: year.get().parse().ok(),
        ..Default::default()
    };
    let list = LocalResource::new(move || {
        let client = client.clone();
        let filter = InstrumentFilter {
            offset: Some(offset.get()),
            limit: Some(PAGE_SIZE),
            ..filters()
        };
        async move { auth.call(client.instruments(&filter)).await }
    });
    let may_record = move || auth.actor().is_some_and(|a| may_record_instruments(a).is_ok());
    // Nothing is signed before the Agreement (2023).
    let this_year = web_sys::js_sys::Date::new_0().get_full_year();
    let years: Vec<String> = (2023..=this_year.max(2023)).rev().map(|y| y.to_string()).collect();

    view! {
        <h1 id="register-heading">{i18n.tr(Key::RegHeading)}</h1>
        <p class="lead">{i18n.tr(Key::RegIntro)}</p>
        {move || {
            may_record()
                .then(|| {
                    view! {
                        <p>
                            <A href="/instruments/new" attr:class="button primary" attr:data-testid="record-instrument">
                                {i18n.tr(Key::RegRecord)}
                            </A>
                        </p>
                    }
                })
        }}
        <form class="card filters" role="search" aria-label=i18n.tr(Key::RegFilters) on:submit=|ev: SubmitEvent| ev.prevent_default()>
            <div class="form-grid">
                <Field id="register-search" label=Key::RegSearch value=search error=Signal::derive(|| None) kind="search" />
                <Choice
                    id="register-kind"
                    label=Key::RegKind
                    value=kind
                    any=Key::RegAny
                    options=InstrumentKind::ALL.iter().map(|k| (k.code().to_owned(), kind_key(*k))).collect()
                />
                <Choice
                    id="register-status"
                    label=Key::Status
                    value=status
                    any=Key::RegAny
                    options=STATUSES.iter().map(|s| (status_code(*s).to_owned(), status_key(*s))).collect()
                />
                <Choice id="register-year" label=Key::RegYear value=year any=Key::RegAny options=Vec::new() extra=years />
            </div>
        </form>
        <DownloadList
            base=Signal::derive(|| "/api/v1/instruments".to_owned())
            query=Signal::derive(move || filters().query_string())
            name="instruments"
        />
        <Loader content=std::sync::Arc::new(move || {
            list.get()
                .map(|result| match result {
                    Ok(page) if page.items.is_empty() => {
                        view! { <p class="empty card" data-testid="no-instruments">{i18n.tr(Key::RegNoMatch)}</p> }.into_any()
                    }
                    Ok(page) => view! {
                        <InstrumentTable rows=page.items />
                        <Pager offset size=PAGE_SIZE at=page.offset total=page.total text=Key::RegPageOfInstruments name="instruments" />
                    }
                    .into_any(),
                    Err(problem) => view! { <LoadError problem on_retry=move |_| list.refetch() /> }.into_any(),
                })
        }) />
    }
    .into_any()
}

/// The whole register (up to the API's page limit), for related instruments.
fn whole_register() -> InstrumentFilter {
    InstrumentFilter {
        limit: Some(500),
        ..Default::default()
    }
}

#[component]
fn InstrumentTable(rows: Vec<Instrument>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let rows = rows
        .into_iter()
        .map(|i| {
            let signed = i.signed_on;
            view! {
                <tr data-instrument=i.id>
                    <td class="wrap">
                        <A href=format!("/instruments/{}", i.id)>{i.title.clone()}</A>
                    </td>
                    <td>{i.number.clone().unwrap_or_default()}</td>
                    <td>{i18n.tr(kind_key(i.kind))}</td>
                    <td>{move || date_text(signed, i18n)}</td>
                    <td>{status_badge(i.status)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="register-heading">
            <table class="data" aria-labelledby="register-heading" data-testid="instruments">
                {header_row(i18n, &[Key::RegTitle, Key::RegNumber, Key::RegKind, Key::RegSignedOn, Key::Status])}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn route_id() -> Memo<Option<i64>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse().ok())))
}

/// The instrument and the whole register (for the related instruments' titles).
type Loaded = Result<(Versioned<Instrument>, Vec<Instrument>), concord_shared::Problem>;

fn load_instrument(id: Memo<Option<i64>>) -> LocalResource<Loaded> {
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    LocalResource::new(move || {
        let client = client.clone();
        let id = id.get();
        async move {
            let Some(id) = id else {
                return Err(concord_shared::Problem::new(404, "Not Found"));
            };
            let one = auth.call(client.instrument(id)).await?;
            let all = auth.call(client.instruments(&whole_register())).await?.items;
            Ok((one, all))
        }
    })
}

/// One instrument.
#[component]
pub fn InstrumentPage() -> impl IntoView {
    let id = route_id();
    let loaded = load_instrument(id);
    view! {
        <Loader content=std::sync::Arc::new(move || {
            loaded
                .get()
                .map(|result| match result {
                    Ok((one, all)) => view! { <InstrumentView instrument=one.value all /> }.into_any(),
                    Err(problem) => view! { <LoadError problem on_retry=move |_| loaded.refetch() /> }.into_any(),
                })
        }) />
    }
}

#[component]
fn InstrumentView(instrument: Instrument, all: Vec<Instrument>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let may_record = auth.actor().is_some_and(|a| may_record_instruments(a).is_ok());
    let may_upload = auth
        .actor()
        .is_some_and(|actor| may_attach(actor, DocumentOwner::Instrument, Scope::Joint, None).is_ok());
    let Instrument {
        id,
        kind,
        title,
        number,
        signed_on,
        signed_at,
        az,
        ge,
        in_force_on,
        terminated_on,
        status,
        related,
        ..
    } = instrument;

    // The timeline: every recorded date, in order.
    let mut timeline: Vec<(NaiveDate, Key, Option<Party>)> = Vec::new();
    timeline.extend(signed_on.map(|d| (d, Key::RegEventSigned, None)));
    timeline.extend(
        az.procedures_completed_on
            .map(|d| (d, Key::RegEventProcedures, Some(Party::Az))),
    );
    timeline.extend(
        ge.procedures_completed_on
            .map(|d| (d, Key::RegEventProcedures, Some(Party::Ge))),
    );
    timeline.extend(in_force_on.map(|d| (d, Key::RegEventInForce, None)));
    timeline.extend(terminated_on.map(|d| (d, Key::RegEventTerminated, None)));
    timeline.sort_by_key(|(d, _, _)| *d);

    let related: Vec<(i64, String)> = related
        .into_iter()
        .map(|rid| {
            let title = all
                .iter()
                .find(|i| i.id == rid)
                .map_or_else(|| format!("#{rid}"), |i| i.title.clone());
            (rid, title)
        })
        .collect();
    let sides = [(Party::Az, az), (Party::Ge, ge)]
        .into_iter()
        .map(|(party, side)| {
            let completed = side.procedures_completed_on;
            view! {
                <tr data-party=party.code()>
                    <th scope="row">
                        <span class="party-code">{party.short()}</span>
                        {move || party.label(i18n.lang())}
                    </th>
                    <td>{side.signatory.unwrap_or_default()}</td>
                    <td>{side.signatory_position.unwrap_or_default()}</td>
                    <td class="wrap">{side.procedures.unwrap_or_default()}</td>
                    <td>{move || date_text(completed, i18n)}</td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <p>
            <A href="/instruments">{i18n.tr(Key::RegBack)}</A>
        </p>
        <h1 data-testid="instrument-title">{title}</h1>
        <dl class="facts card">
            <dt>{i18n.tr(Key::RegKind)}</dt>
            <dd data-testid="instrument-kind">{i18n.tr(kind_key(kind))}</dd>
            <dt>{i18n.tr(Key::Status)}</dt>
            <dd>{status_badge(status)}</dd>
            <dt>{i18n.tr(Key::RegNumber)}</dt>
            <dd>{number.unwrap_or_else(|| "—".to_owned())}</dd>
            <dt>{i18n.tr(Key::RegSignedOn)}</dt>
            <dd>{move || date_text(signed_on, i18n)}</dd>
            <dt>{i18n.tr(Key::RegSignedAt)}</dt>
            <dd>{signed_at.unwrap_or_else(|| "—".to_owned())}</dd>
            <dt>{i18n.tr(Key::RegInForceOn)}</dt>
            <dd>{move || date_text(in_force_on, i18n)}</dd>
            <dt>{i18n.tr(Key::RegTerminatedOn)}</dt>
            <dd>{move || date_text(terminated_on, i18n)}</dd>
        </dl>
        {may_record
            .then(|| {
                view! {
                    <p>
                        <A href=format!("/instruments/{id}/edit") attr:class="button secondary" attr:data-testid="edit-instrument">
                            {i18n.tr(Key::RegEdit)}
                        </A>
                    </p>
                }
            })}

        <h2 id="sides-heading">{i18n.tr(Key::RegSides)}</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="sides-heading">
            <table class="data" aria-labelledby="sides-heading" data-testid="sides">
                {header_row(i18n, &[Key::RegParty, Key::RegSignatory, Key::RegPosition, Key::RegProcedures, Key::RegProceduresOn])}
                <tbody>{sides}</tbody>
            </table>
        </div>

        <h2 id="timeline-heading">{i18n.tr(Key::RegTimeline)}</h2>
        {if timeline.is_empty() {
            view! { <p class="empty card">{i18n.tr(Key::RegNoDates)}</p> }.into_any()
        } else {
            view! {
                <ol class="numbered" aria-labelledby="timeline-heading" data-testid="timeline">
                    {timeline
                        .into_iter()
                        .map(|(date, key, party)| {
                            view! {
                                <li>
                                    <strong>{move || format_iso_date(&iso(date), i18n.lang())}</strong>
                                    " — "
                                    {party.map(|p| view! { <span class="party-code">{p.short()}</span> })}
                                    {i18n.tr(key)}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            }
                .into_any()
        }}

        <h2 id="related-heading">{i18n.tr(Key::RegRelated)}</h2>
        {if related.is_empty() {
            view! { <p class="empty card">{i18n.tr(Key::RegNoRelated)}</p> }.into_any()
        } else {
            view! {
                <ul class="card" aria-labelledby="related-heading" data-testid="related">
                    {related
                        .into_iter()
                        .map(|(rid, title)| view! { <li><A href=format!("/instruments/{rid}")>{title}</A></li> })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}

        <Documents owner=DocumentOwner::Instrument owner_id=id may_upload />
    }
    .into_any()
}

/// One party's side of the form.
#[derive(Clone, Copy)]
struct SideFields {
    signatory: RwSignal<String>,
    position: RwSignal<String>,
    procedures: RwSignal<String>,
    completed_on: RwSignal<String>,
}

impl SideFields {
    fn new(side: &InstrumentSide) -> SideFields {
        SideFields {
            signatory: RwSignal::new(side.signatory.clone().unwrap_or_default()),
            position: RwSignal::new(side.signatory_position.clone().unwrap_or_default()),
            procedures: RwSignal::new(side.procedures.clone().unwrap_or_default()),
            completed_on: RwSignal::new(side.procedures_completed_on.map(iso).unwrap_or_default()),
        }
    }
}

fn text_of(value: RwSignal<String>) -> Option<String> {
    let text = value.get_untracked().trim().to_owned();
    (!text.is_empty()).then_some(text)
}

/// Reads a date field; a wrong one is noted under `field`.
fn date_of(value: RwSignal<String>, field: &str, errors: &mut Vec<(String, Key)>) -> Option<NaiveDate> {
    let text = text_of(value)?;
    let parsed = parse_iso(&text);
    if parsed.is_none() {
        errors.push((field.to_owned(), Key::ErrInvalid));
    }
    parsed
}

/// Recording a new instrument.
#[component]
pub fn NewInstrumentPage() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let register = LocalResource::new(move || {
        let client = client.clone();
        async move {
            auth.call(client.instruments(&whole_register()))
                .await
                .map(|page| page.items)
        }
    });
    view! {
        <Loader content=std::sync::Arc::new(move || {
            register
                .get()
                .map(|result| match result {
                    Ok(all) => view! { <InstrumentForm current=None all on_reload=move |_| register.refetch() /> }.into_any(),
                    Err(problem) => view! { <LoadError problem on_retry=move |_| register.refetch() /> }.into_any(),
                })
        }) />
    }
}

/// Editing an instrument.
#[component]
pub fn EditInstrumentPage() -> impl IntoView {
    let id = route_id();
    let loaded = load_instrument(id);
    view! {
        <Loader content=std::sync::Arc::new(move || {
            loaded
                .get()
                .map(|result| match result {
                    Ok((one, all)) => view! { <InstrumentForm current=Some(one) all on_reload=move |_| loaded.refetch() /> }.into_any(),
                    Err(problem) => view! { <LoadError problem on_retry=move |_| loaded.refetch() /> }.into_any(),
                })
        }) />
    }
}

/// The record/edit form. `current` is the instrument as read (with its
/// version for `If-Match`); `None` records a new one.
#[component]
fn InstrumentForm(
    current: Option<Versioned<Instrument>>,
    all: Vec<Instrument>,
    #[prop(into)] on_reload: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let navigate = use_navigate();
    if auth.actor().is_none_or(|a| may_record_instruments(a).is_err()) {
        return view! { <p class="notice failure" role="alert">{i18n.tr(Key::Forbidden)}</p> }.into_any();
    }
    let editing = current.as_ref().map(|c| (c.value.id, c.version));
    let base = current.map(|c| c.value);
    let fixed_kind = base.as_ref().map(|b| b.kind).filter(|k| !k.recorded_by_hand());
    let get = |f: fn(&Instrument) -> Option<String>| RwSignal::new(base.as_ref().and_then(f).unwrap_or_default());
    let kind = RwSignal::new(
        base.as_ref()
            .map_or(InstrumentKind::AdditionalAgreement, |b| b.kind)
            .code()
            .to_owned(),
    );
    let title = get(|b| Some(b.title.clone()));
    let number = get(|b| b.number.clone());
    let signed_on = get(|b| b.signed_on.map(iso));
    let signed_at = get(|b| b.signed_at.clone());
    let in_force_on = get(|b| b.in_force_on.map(iso));
    let terminated_on = get(|b| b.terminated_on.map(iso));
    let az = SideFields::new(&base.as_ref().map(|b| b.az.clone()).unwrap_or_default());
    let ge = SideFields::new(&base.as_ref().map(|b| b.ge.clone()).unwrap_or_default());
    let related = RwSignal::new(base.as_ref().map(|b| b.related.clone()).unwrap_or_default());
    let errors: FieldErrors = RwSignal::new(Vec::new());
    let message = RwSignal::new(None::<Message>);
    let stale = RwSignal::new(false);
    let pending = RwSignal::new(false);

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let mut found = Vec::new();
        let Some(kind) = InstrumentKind::from_code(&kind.get_untracked()) else {
            return;
        };
        if text_of(title).is_none() {
            found.push(("title".to_owned(), Key::ErrRequired));
        }
        let side = |s: SideFields, party: &str, found: &mut Vec<(String, Key)>| InstrumentSide {
            signatory: text_of(s.signatory),
            signatory_position: text_of(s.position),
            procedures: text_of(s.procedures),
            procedures_completed_on: date_of(s.completed_on, &format!("{party}.procedures_completed_on"), found),
        };
        let input = InstrumentInput {
            kind,
            title: title.get_untracked().trim().to_owned(),
            number: text_of(number),
            signed_on: date_of(signed_on, "signed_on", &mut found),
            signed_at: text_of(signed_at),
            az: side(az, "az", &mut found),
            ge: side(ge, "ge", &mut found),
            in_force_on: date_of(in_force_on, "in_force_on", &mut found),
            terminated_on: date_of(terminated_on, "terminated_on", &mut found),
            related: related.get_untracked(),
        };
        errors.set(found);
        message.set(None);
        if !errors.with_untracked(Vec::is_empty) {
            message.set(Some(Message::Failed(concord_shared::Problem::new(422, "Invalid"))));
            return;
        }
        pending.set(true);
        let client = client.clone();
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = match editing {
                Some((id, version)) => auth.call(client.update_instrument(id, version, &input)).await,
                None => auth.call(client.create_instrument(&input)).await,
            };
            pending.set(false);
            match result {
                Ok(saved) => navigate(&format!("/instruments/{}", saved.value.id), Default::default()),
                Err(problem) if problem.status == 412 => stale.set(true),
                Err(problem) => {
                    errors.set(field_errors_of(&problem));
                    message.set(Some(Message::Failed(problem)));
                }
            }
        });
    };

    let kinds: Vec<(String, Key)> = match fixed_kind {
        Some(k) => vec![(k.code().to_owned(), kind_key(k))],
        None => InstrumentKind::ALL
            .iter()
            .filter(|k| k.recorded_by_hand())
            .map(|k| (k.code().to_owned(), kind_key(*k)))
            .collect(),
    };
    let own_id = editing.map(|(id, _)| id);
    let choices = all
        .into_iter()
        .filter(|i| Some(i.id) != own_id)
        .map(|i| {
            let rid = i.id;
            let box_id = format!("related-{rid}");
            view! {
                <li>
                    <input
                        type="checkbox"
                        id=box_id.clone()
                        prop:checked=move || related.with(|r| r.contains(&rid))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            related.update(|r| {
                                r.retain(|x| *x != rid);
                                if on {
                                    r.push(rid);
                                }
                            });
                        }
                    />
                    <label for=box_id>{i.title}</label>
                </li>
            }
        })
        .collect_view();
    let side_view = |party: Party, s: SideFields| {
        let p = party.code();
        view! {
            <fieldset class="card side" data-party=p>
                <legend>
                    <span class="party-code">{party.short()}</span>
                    {move || party.label(i18n.lang())}
                </legend>
                <div class="form-grid">
                    <Field id=format!("{p}-signatory") label=Key::RegSignatory value=s.signatory error=error_of(errors, if party == Party::Az { "az.signatory" } else { "ge.signatory" }) />
                    <Field id=format!("{p}-position") label=Key::RegPosition value=s.position error=error_of(errors, if party == Party::Az { "az.signatory_position" } else { "ge.signatory_position" }) />
                    <Field id=format!("{p}-procedures") label=Key::RegProcedures value=s.procedures error=error_of(errors, if party == Party::Az { "az.procedures" } else { "ge.procedures" }) />
                    <Field id=format!("{p}-procedures-on") label=Key::RegProceduresOn value=s.completed_on kind="date" error=error_of(errors, if party == Party::Az { "az.procedures_completed_on" } else { "ge.procedures_completed_on" }) />
                </div>
            </fieldset>
        }
    };

    view! {
        <h1 id="instrument-form-heading">{i18n.tr(if editing.is_some() { Key::RegEditHeading } else { Key::RegRecordHeading })}</h1>
        {move || {
            stale
                .get()
                .then(|| {
                    view! {
                        <div class="notice failure" role="alert" data-testid="stale">
                            <p>{i18n.tr(Key::RegStale)}</p>
                            <button type="button" class="secondary" on:click=move |_| on_reload.run(())>{i18n.tr(Key::RegReload)}</button>
                        </div>
                    }
                })
        }}
        <form class="form" aria-labelledby="instrument-form-heading" novalidate=true on:submit=on_submit data-testid="instrument-form">
            <div class="card form-grid">
                <Choice id="instrument-kind" label=Key::RegKind value=kind options=kinds />
                <Field id="instrument-title" label=Key::RegTitle value=title error=error_of(errors, "title") required=true />
                <Field id="instrument-number" label=Key::RegNumber value=number error=error_of(errors, "number") />
                <Field id="instrument-signed-on" label=Key::RegSignedOn value=signed_on kind="date" error=error_of(errors, "signed_on") />
                <Field id="instrument-signed-at" label=Key::RegSignedAt value=signed_at error=error_of(errors, "signed_at") />
                <Field id="instrument-in-force-on" label=Key::RegInForceOn value=in_force_on kind="date" error=error_of(errors, "in_force_on") />
                <Field id="instrument-terminated-on" label=Key::RegTerminatedOn value=terminated_on kind="date" error=error_of(errors, "terminated_on") />
            </div>
            {side_view(Party::Az, az)}
            {side_view(Party::Ge, ge)}
            <fieldset class="card">
                <legend>{i18n.tr(Key::RegRelated)}</legend>
                {move || {
                    errors
                        .with(|all| all.iter().find(|(f, _)| f.starts_with("related")).map(|(_, key)| *key))
                        .map(|key| view! { <p class="field-error" data-field-error="related">{i18n.tr(key)}</p> })
                }}
                <ul class="checks">{choices}</ul>
            </fieldset>
            <MessageView message />
            <div class="form-actions">
                <button type="submit" class="primary" data-testid="save-instrument" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(Key::Saving) } else { i18n.t(Key::RegSave) }}
                </button>
                <A href=editing.map_or_else(|| "/instruments".to_owned(), |(id, _)| format!("/instruments/{id}"))>{i18n.tr(Key::RegCancel)}</A>
            </div>
        </form>
    }
    .into_any()
}
