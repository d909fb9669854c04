//! Competent authorities and diplomatic notifications: each party's
//! authority over time; the pending changes of the user's own party (the
//! server shows them to that party only) with the way to record the
//! notification that makes one effective; the notification log of both
//! parties.

use chrono::NaiveDate;
use concord_client::Client;
use concord_shared::api::{Authority, AuthorityChange, DocumentOwner, NewNotification, Notification};
use concord_shared::i18n::Labels;
use concord_shared::policy::may_change_authority;
use concord_shared::{Party, Problem};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::auth::Auth;
use crate::i18n::{I18n, Key};
use crate::pages::agreement::LoadError;
use crate::pages::register::{date_text, parse_iso};
use crate::ui::{Field, FieldErrors, Loader, Message, MessageView, error_of, field_errors_of, header_row};

/// The authorities page.
#[component]
pub fn AuthoritiesPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let loaded = LocalResource::new(move || {
        let client = client.clone();
        async move {
            let authorities = auth.call(client.authorities()).await?;
            let notifications = auth.call(client.notifications()).await?;
            Ok::<_, Problem>((authorities, notifications))
        }
    });
    let message = RwSignal::new(None::<Message>);
    let reload = Callback::new(move |_| loaded.refetch());
    view! {
        <h1>{i18n.tr(Key::RegAuthHeading)}</h1>
        <p class="lead">{i18n.tr(Key::RegAuthIntro)}</p>
        <MessageView message />
        <Loader content=std::sync::Arc::new(move || {
            loaded
                .get()
                .map(|result| match result {
                    Ok((authorities, notifications)) => {
                        view! { <AuthoritiesView authorities notifications message reload /> }.into_any()
                    }
                    Err(problem) => view! { <LoadError problem on_retry=move |_| loaded.refetch() /> }.into_any(),
                })
        }) />
    }
    .into_any()
}

#[component]
fn AuthoritiesView(
    authorities: Vec<Authority>,
    notifications: Vec<Notification>,
    message: RwSignal<Option<Message>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let actor = auth.actor();
    let history = [Party::Az, Party::Ge]
        .into_iter()
        .map(|party| {
            let mut entries: Vec<&Authority> = authorities.iter().filter(|a| a.party == party && !a.pending).collect();
            entries.sort_by_key(|a| a.valid_from);
            let rows = entries
                .into_iter()
                .map(|a| {
                    let name = a.name.clone();
                    let (from, to) = (a.valid_from, a.valid_to);
                    view! {
                        <tr data-authority=a.id>
                            <td class="wrap">{move || name.get(i18n.lang()).to_owned()}</td>
                            <td>{move || date_text(Some(from), i18n)}</td>
                            <td>{move || date_text(to, i18n)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let heading = format!("history-{}", party.code());
            let (region_label, table_label) = (heading.clone(), heading.clone());
            view! {
                <section class="history" data-party=party.code()>
                    <h3 id=heading>
                        <span class="party-code">{party.short()}</span>
                        {move || party.label(i18n.lang())}
                    </h3>
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby=region_label>
                        <table class="data" aria-labelledby=table_label data-testid=format!("history-{}", party.code())>
                            {header_row(i18n, &[Key::RegAuthName, Key::RegValidFrom, Key::RegValidTo])}
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                </section>
            }
        })
        .collect_view();

    let pending: Vec<Authority> = authorities.iter().filter(|a| a.pending).cloned().collect();
    let may_change = actor.is_some_and(|a| may_change_authority(a, a.party));
    let pending_view = (!pending.is_empty() || may_change).then(|| {
        let rows = pending
            .into_iter()
            .map(|a| {
                let name = a.name.clone();
                let shown = a.name.clone();
                let from = a.valid_from;
                let allowed = actor.is_some_and(|actor| may_change_authority(actor, a.party));
                view! {
                    <li class="card" data-pending=a.id>
                        <p>
                            <span class="party-code">{a.party.short()}</span>
                            <strong data-testid="pending-name">{move || shown.get(i18n.lang()).to_owned()}</strong>
                        </p>
                        <p class="muted">{move || i18n.t(Key::RegProposedFrom).replace("{date}", &date_text(Some(from), i18n))}</p>
                        {allowed.then(|| view! { <RecordNotification authority=a.id name message reload /> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2 id="pending-heading">{i18n.tr(Key::RegPendingHeading)}</h2>
            <p class="muted">{i18n.tr(Key::RegPendingIntro)}</p>
            <ul class="plain" aria-labelledby="pending-heading" data-testid="pending">{rows}</ul>
            {may_change.then(|| view! { <ProposeChange message reload /> })}
        }
    });

    let log = notifications
        .into_iter()
        .map(|n| {
            let (sent, received, acked) = (n.sent_on, n.received_on, n.acknowledged_on);
            let acknowledgement = n.acknowledgement.clone().unwrap_or_default();
            view! {
                <tr data-notification=n.id>
                    <td>
                        <span class="party-code">{n.sending_party.short()}</span>
                    </td>
                    <td>{n.note_number.clone()}</td>
                    <td class="wrap">{n.subject.clone()}</td>
                    <td>{move || date_text(Some(sent), i18n)}</td>
                    <td>{move || date_text(received, i18n)}</td>
                    <td>
                        {move || date_text(acked, i18n)}
                        " "
                        {acknowledgement.clone()}
                    </td>
                    <td class="wrap">
                        <NoteDocuments id=n.id />
                    </td>
                </tr>
            }
        })
        .collect_view();

    view! {
        <h2>{i18n.tr(Key::RegHistoryHeading)}</h2>
        <div class="parties">{history}</div>
        {pending_view}
        <h2 id="log-heading">{i18n.tr(Key::RegLogHeading)}</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="log-heading">
            <table class="data" aria-labelledby="log-heading" data-testid="notifications">
                {header_row(
                    i18n,
                    &[Key::RegSendingParty, Key::RegNoteNumber, Key::RegSubject, Key::RegSentOn, Key::RegReceivedOn, Key::RegAcknowledged, Key::RegDocuments],
                )}
                <tbody>{log}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The download links of a notification's documents.
#[component]
fn NoteDocuments(id: i64) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let docs = LocalResource::new(move || {
        let client = client.clone();
        async move { auth.call(client.documents(DocumentOwner::Notification, id)).await }
    });
    move || {
        docs.get().map(|result| match result {
            Ok(list) if !list.is_empty() => list
                .into_iter()
                .map(|d| {
                    view! {
                        <a href=format!("/api/v1/documents/{}/content", d.id) download=d.filename.clone() title=d.sha256>
                            {d.filename.clone()}
                        </a>
                        " "
                    }
                })
                .collect_view()
                .into_any(),
            _ => "—".into_any(),
        })
    }
}

fn text_of(value: RwSignal<String>) -> Option<String> {
    let text = value.get_untracked().trim().to_owned();
    (!text.is_empty()).then_some(text)
}

fn date_of(value: RwSignal<String>, field: &str, errors: &mut Vec<(String, Key)>, required: bool) -> Option<NaiveDate> {
    let Some(text) = text_of(value) else {
        if required {
            errors.push((field.to_owned(), Key::ErrRequired));
        }
        return None;
    };
    let parsed = parse_iso(&text);
    if parsed.is_none() {
        errors.push((field.to_owned(), Key::ErrInvalid));
    }
    parsed
}

/// Today in the browser, as `YYYY-MM-DD`.
fn today() -> String {
    let now = web_sys::js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Entering a pending change of the user's own party's authority.
#[component]
fn ProposeChange(message: RwSignal<Option<Message>>, reload: Callback<()>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let (en, az, ka) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let from = RwSignal::new(String::new());
    let errors: FieldErrors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let mut found = Vec::new();
        for (signal, field) in [(en, "name.en"), (az, "name.az"), (ka, "name.ka")] {
            if text_of(signal).is_none() {
                found.push((field.to_owned(), Key::ErrRequired));
            }
        }
        let valid_from = date_of(from, "valid_from", &mut found, true);
        errors.set(found);
        let (Some(valid_from), true) = (valid_from, errors.with_untracked(Vec::is_empty)) else {
            return;
        };
        let change = AuthorityChange {
            name: Labels {
                en: en.get_untracked().trim().to_owned(),
                az: az.get_untracked().trim().to_owned(),
                ka: ka.get_untracked().trim().to_owned(),
            },
            valid_from,
        };
        pending.set(true);
        let client = client.clone();
        spawn_local(async move {
            let result = auth.call(client.propose_authority(&change)).await;
            pending.set(false);
            match result {
                Ok(saved) => {
                    message.set(Some(Message::Done(Key::RegChangeEntered, saved.value.name.en)));
                    reload.run(());
                }
                Err(problem) => {
                    errors.set(field_errors_of(&problem));
                    message.set(Some(Message::Failed(problem)));
                }
            }
        });
    };
    view! {
        <h3 id="propose-heading">{i18n.tr(Key::RegProposeHeading)}</h3>
        <form class="form card" aria-labelledby="propose-heading" novalidate=true on:submit=on_submit data-testid="propose-authority">
            <div class="form-grid">
                <Field id="authority-en" label=Key::RegNameEn value=en error=error_of(errors, "name.en") required=true />
                <Field id="authority-az" label=Key::RegNameAz value=az error=error_of(errors, "name.az") required=true />
                <Field id="authority-ka" label=Key::RegNameKa value=ka error=error_of(errors, "name.ka") required=true />
                <Field id="authority-from" label=Key::RegValidFrom value=from kind="date" error=error_of(errors, "valid_from") required=true />
            </div>
            <div class="form-actions">
                <button type="submit" class="primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(Key::Saving) } else { i18n.t(Key::RegEnterChange) }}
                </button>
            </div>
        </form>
    }
}

/// Recording the diplomatic notification that announces a pending change.
#[component]
fn RecordNotification(
    authority: i64,
    name: Labels,
    message: RwSignal<Option<Message>>,
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let open = RwSignal::new(false);
    let note = RwSignal::new(String::new());
    let subject = RwSignal::new(String::new());
    let sent = RwSignal::new(today());
    let received = RwSignal::new(String::new());
    let effective = RwSignal::new(today());
    let errors: FieldErrors = RwSignal::new(Vec::new());
    let form_message = RwSignal::new(None::<Message>);
    let pending = RwSignal::new(false);
    let prefix = format!("note-{authority}");
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let mut found = Vec::new();
        for (signal, field) in [(note, "note_number"), (subject, "subject")] {
            if text_of(signal).is_none() {
                found.push((field.to_owned(), Key::ErrRequired));
            }
        }
        let sent_on = date_of(sent, "sent_on", &mut found, true);
        let received_on = date_of(received, "received_on", &mut found, false);
        let effective_on = date_of(effective, "effective_on", &mut found, true);
        errors.set(found);
        let (Some(sent_on), true) = (sent_on, errors.with_untracked(Vec::is_empty)) else {
            return;
        };
        let new = NewNotification {
            note_number: note.get_untracked().trim().to_owned(),
            subject: subject.get_untracked().trim().to_owned(),
            sent_on,
            received_on,
            acknowledged_on: None,
            acknowledgement: None,
            authority: Some(authority),
            effective_on,
        };
        pending.set(true);
        let client = client.clone();
        spawn_local(async move {
            let result = auth.call(client.record_notification(&new)).await;
            pending.set(false);
            match result {
                Ok(saved) => {
                    message.set(Some(Message::Done(
                        Key::RegNotificationRecorded,
                        saved.value.note_number,
                    )));
                    reload.run(());
                }
                Err(problem) => {
                    errors.set(field_errors_of(&problem));
                    form_message.set(Some(Message::Failed(problem)));
                }
            }
        });
    };
    let heading = format!("{prefix}-heading");
    view! {
        {move || {
            if !open.get() {
                return view! {
                    <button type="button" class="secondary" data-testid="open-notification" on:click=move |_| open.set(true)>
                        {i18n.tr(Key::RegRecordNotification)}
                    </button>
                }
                    .into_any();
            }
            let prefix = prefix.clone();
            view! {
            <form class="form inline-form" aria-labelledby=heading.clone() novalidate=true on:submit=on_submit.clone() data-testid="record-notification">
                <h4 id=heading.clone()>
                    {
                        let name = name.clone();
                        move || i18n.t(Key::RegNotificationFor).replace("{name}", name.get(i18n.lang()))
                    }
                </h4>
                <div class="form-grid">
                    <Field id=format!("{prefix}-number") label=Key::RegNoteNumber value=note error=error_of(errors, "note_number") required=true />
                    <Field id=format!("{prefix}-subject") label=Key::RegSubject value=subject error=error_of(errors, "subject") required=true />
                    <Field id=format!("{prefix}-sent") label=Key::RegSentOn value=sent kind="date" error=error_of(errors, "sent_on") required=true />
                    <Field id=format!("{prefix}-received") label=Key::RegReceivedOn value=received kind="date" error=error_of(errors, "received_on") />
                    <Field
                        id=format!("{prefix}-effective")
                        label=Key::RegEffectiveOn
                        value=effective
                        kind="date"
                        hint=Key::RegEffectiveHint
                        error=error_of(errors, "effective_on")
                        required=true
                    />
                </div>
                <MessageView message=form_message />
                <div class="form-actions">
                    <button type="submit" class="primary" data-testid="save-notification" disabled=move || pending.get()>
                        {move || if pending.get() { i18n.t(Key::Saving) } else { i18n.t(Key::RegRecordNotification) }}
                    </button>
                    <button type="button" class="secondary" on:click=move |_| open.set(false)>
                        {i18n.tr(Key::RegCancel)}
                    </button>
                </div>
            </form>
            }
                .into_any()
        }}
    }
}
