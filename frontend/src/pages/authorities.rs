//! Competent authorities and diplomatic notifications: each party's
//! authority over time; the pending changes of the user's own party (the
//! server shows them to that party only) with the way to record the
//! notification that makes one effective (with its document), edit it or
//! withdraw it before; the notification log of both parties, paged, where a
//! note's documents are attached and its receipt recorded by the party that
//! received it.

use chrono::NaiveDate;
use concord_client::Client;
use concord_shared::Party;
use concord_shared::api::{
    Authority, AuthorityChange, DocumentOwner, NewNotification, Notification, NotificationReceipt,
};
use concord_shared::i18n::Labels;
use concord_shared::rules::Scope;
use concord_shared::rules::register::{may_attach, may_change_authority, may_record_receipt};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::auth::Auth;
use crate::i18n::{I18n, Key};
use crate::ui::dates::{date_text, iso, parse_iso};
use crate::ui::documents::{ACCEPT, Documents, Refusal, read_file};
use crate::ui::feedback::LoadError;
use crate::ui::paper::DownloadList;
use crate::ui::{Field, FieldErrors, Loader, Message, MessageView, Pager, error_of, field_errors_of, header_row};

/// Notifications per page of the log.
const NOTE_PAGE: u64 = 20;

/// A message naming an authority: the name follows a language switch.
type Named = RwSignal<Option<(Key, Labels)>>;

/// The authorities page.
#[component]
pub fn AuthoritiesPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let list_client = client.clone();
    let authorities = LocalResource::new(move || {
        let client = list_client.clone();
        async move { auth.call(client.authorities()).await }
    });
    let offset = RwSignal::new(0_u64);
    let notes = LocalResource::new(move || {
        let client = client.clone();
        let offset = offset.get();
        async move { auth.call(client.notifications(offset, NOTE_PAGE)).await }
    });
    let message = RwSignal::new(None::<Message>);
    let named: Named = RwSignal::new(None);
    let selected = RwSignal::new(None::<i64>);
    let refusal = RwSignal::new(None::<Refusal>);
    let reload = Callback::new(move |_| {
        authorities.refetch();
        notes.refetch();
    });
    let page = Page {
        message,
        named,
        selected,
        refusal,
        reload,
    };
    view! {
        <h1>{i18n.tr(Key::RegAuthHeading)}</h1>
        <p class="lead">{i18n.tr(Key::RegAuthIntro)}</p>
        <MessageView message />
        {move || {
            named.get().map(|(key, name)| view! {
                <p class="notice success" role="status" data-testid="message">
                    {move || i18n.t(key).replace("{name}", name.get(i18n.lang()))}
                </p>
            })
        }}
        {move || {
            refusal.get().map(|refusal| view! {
                <p class="notice failure" role="alert" data-testid="note-file-message">
                    {move || i18n.t(Key::RegNoteFileRefused).replace("{reason}", &refusal.text(i18n))}
                </p>
            })
        }}
        <Loader content=std::sync::Arc::new(move || {
            authorities
                .get()
                .map(|result| match result {
                    Ok(authorities) => view! { <AuthoritiesView authorities page /> }.into_any(),
                    Err(problem) => view! { <LoadError problem on_retry=move |_| authorities.refetch() /> }.into_any(),
                })
        }) />
        <h2 id="log-heading">{i18n.tr(Key::RegLogHeading)}</h2>
        <DownloadList
            base=Signal::derive(|| "/api/v1/notifications".to_owned())
            query=Signal::derive(String::new)
            name="notifications"
        />
        <Loader content=std::sync::Arc::new(move || {
            notes
                .get()
                .map(|result| match result {
                    Ok(list) => view! { <NotificationLog list offset page /> }.into_any(),
                    Err(problem) => view! { <LoadError problem on_retry=move |_| notes.refetch() /> }.into_any(),
                })
        }) />
    }
    .into_any()
}

/// What the parts of the page share.
#[derive(Clone, Copy)]
struct Page {
    message: RwSignal<Option<Message>>,
    named: Named,
    /// The notification whose documents and receipt are open.
    selected: RwSignal<Option<i64>>,
    /// Why a note's document was not attached when it was recorded.
    refusal: RwSignal<Option<Refusal>>,
    reload: Callback<()>,
}

impl Page {
    fn clear(self) {
        self.message.set(None);
        self.named.set(None);
        self.refusal.set(None);
    }
}

#[component]
fn AuthoritiesView(authorities: Vec<Authority>, page: Page) -> impl IntoView {
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
    let may_change = actor.is_some_and(|a| may_change_authority(a, a.party, true).is_ok());
    let pending_view = (!pending.is_empty() || may_change).then(|| {
        let rows = pending
            .into_iter()
            .map(|a| view! { <PendingChange change=a page /> })
            .collect_view();
        view! {
            <h2 id="pending-heading">{i18n.tr(Key::RegPendingHeading)}</h2>
            <p class="muted">{i18n.tr(Key::RegPendingIntro)}</p>
            <ul class="plain" aria-labelledby="pending-heading" data-testid="pending">{rows}</ul>
            {may_change.then(|| view! { <ChangeForm editing=None page /> })}
        }
    });

    view! {
        <h2>{i18n.tr(Key::RegHistoryHeading)}</h2>
        <div class="parties">{history}</div>
        {pending_view}
    }
    .into_any()
}

/// A pending change of the user's own party: what it is, and (for its
/// coordinators) editing it, withdrawing it, or recording its notification.
#[component]
fn PendingChange(change: Authority, page: Page) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    // What is open: nothing, the edit form, or the question before withdrawing.
    let mode = RwSignal::new(0_u8);
    let busy = RwSignal::new(false);
    let allowed = auth
        .actor()
        .is_some_and(|actor| may_change_authority(actor, change.party, change.pending).is_ok());
    let shown = change.name.clone();
    let from = change.valid_from;
    let (id, version) = (change.id, change.version);
    let withdraw = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        page.clear();
        let client = client.clone();
        let name = shown.clone();
        spawn_local(async move {
            let result = auth.call(client.delete_authority(id, version)).await;
            busy.set(false);
            match result {
                Ok(()) => page.named.set(Some((Key::RegChangeWithdrawn, name))),
                Err(problem) if problem.status == 412 => page
                    .message
                    .set(Some(Message::Done(Key::RegChangedMeanwhile, String::new()))),
                Err(problem) => page.message.set(Some(Message::Failed(problem))),
            }
            page.reload.run(());
        });
    };
    let name = change.name.clone();
    let label = change.name.clone();
    view! {
        <li class="card" data-pending=change.id>
            <p>
                <span class="party-code">{change.party.short()}</span>
                <strong data-testid="pending-name">{move || label.get(i18n.lang()).to_owned()}</strong>
            </p>
            <p class="muted">{move || i18n.t(Key::RegProposedFrom).replace("{date}", &date_text(Some(from), i18n))}</p>
            {allowed.then(|| {
                let change = change.clone();
                let withdraw = withdraw.clone();
                move || match mode.get() {
                    1 => view! { <ChangeForm editing=Some(change.clone()) page on_close=move |_| mode.set(0) /> }.into_any(),
                    2 => {
                        let withdraw = withdraw.clone();
                        view! {
                            <div class="card notice" role="group" aria-label=i18n.tr(Key::RegWithdrawChange) data-testid="withdraw-question">
                                <p>{i18n.tr(Key::RegWithdrawQuestion)}</p>
                                <div class="form-actions">
                                    <button type="button" class="primary" data-testid="confirm-withdraw" disabled=move || busy.get() on:click=withdraw>
                                        {i18n.tr(Key::RegConfirmWithdraw)}
                                    </button>
                                    <button type="button" class="secondary" on:click=move |_| mode.set(0)>{i18n.tr(Key::RegCancel)}</button>
                                </div>
                            </div>
                        }
                        .into_any()
                    }
                    _ => view! {
                        <div class="form-actions">
                            <button type="button" class="secondary" data-testid="edit-change" on:click=move |_| mode.set(1)>
                                {i18n.tr(Key::RegEditChange)}
                            </button>
                            <button type="button" class="secondary" data-testid="withdraw-change" on:click=move |_| mode.set(2)>
                                {i18n.tr(Key::RegWithdrawChange)}
                            </button>
                        </div>
                    }
                    .into_any(),
                }
            })}
            {allowed.then(|| view! { <RecordNotification authority=id name page /> })}
        </li>
    }
}

/// The notification log: a page of notes of both parties, newest first, and
/// the documents and receipt of the one opened.
#[component]
fn NotificationLog(list: concord_shared::api::Page<Notification>, offset: RwSignal<u64>, page: Page) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let rows = list
        .items
        .iter()
        .map(|n| {
            let (sent, received, acked) = (n.sent_on, n.received_on, n.acknowledged_on);
            let acknowledgement = n.acknowledgement.clone().unwrap_or_default();
            let id = n.id;
            view! {
                <tr data-notification=n.id>
                    <td>
                        <span class="party-code">{n.sending_party.short()}</span>
                    </td>
                    <td>{n.note_number.clone()}</td>
                    <td class="wrap">{n.subject.clone()}</td>
                    <td>{move || date_text(Some(sent), i18n)}</td>
                    <td data-testid="received-on">{move || date_text(received, i18n)}</td>
                    <td data-testid="acknowledged">
                        {move || date_text(acked, i18n)}
                        " "
                        {acknowledgement.clone()}
                    </td>
                    <td>
                        <button
                            type="button"
                            class="secondary"
                            data-testid="open-note"
                            aria-expanded=move || (page.selected.get() == Some(id)).to_string()
                            on:click=move |_| page.selected.set(if page.selected.get_untracked() == Some(id) { None } else { Some(id) })
                        >
                            {i18n.tr(Key::RegOpenNote)}
                        </button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let (at, total) = (list.offset, list.total);
    let items = list.items;
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="log-heading">
            <table class="data" aria-labelledby="log-heading" data-testid="notifications">
                {header_row(
                    i18n,
                    &[Key::RegSendingParty, Key::RegNoteNumber, Key::RegSubject, Key::RegSentOn, Key::RegReceivedOn, Key::RegAcknowledged, Key::RegNoteDetails],
                )}
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pager offset size=NOTE_PAGE at total text=Key::RegPageOfNotes name="notes" />
        {move || {
            let id = page.selected.get()?;
            let note = items.iter().find(|n| n.id == id)?.clone();
            Some(view! { <NotePanel note page /> })
        }}
    }
    .into_any()
}

/// One notification opened from the log: its documents (attached by
/// coordinators) and, for the party that received it, its receipt.
#[component]
fn NotePanel(note: Notification, page: Page) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let actor = auth.actor();
    let may_upload = actor.is_some_and(|a| may_attach(a, DocumentOwner::Notification, Scope::Joint, None).is_ok());
    let receiver = actor.is_some_and(|a| may_record_receipt(a, note.sending_party).is_ok());
    let number = note.note_number.clone();
    let id = note.id;
    view! {
        <section class="card note-panel" aria-labelledby="note-panel-heading" data-testid="note-panel" data-notification=id>
            <h3 id="note-panel-heading">{move || i18n.t(Key::RegNoteHeading).replace("{number}", &number)}</h3>
            <Documents owner=DocumentOwner::Notification owner_id=id may_upload prefix="note-document" />
            <h4 id="receipt-heading">{i18n.tr(Key::RegReceiptHeading)}</h4>
            {if receiver {
                view! { <ReceiptForm note page /> }.into_any()
            } else {
                view! { <p class="muted">{i18n.tr(Key::RegReceiptByReceiver)}</p> }.into_any()
            }}
            <div class="form-actions">
                <button type="button" class="secondary" data-testid="close-note" on:click=move |_| page.selected.set(None)>
                    {i18n.tr(Key::RegClose)}
                </button>
            </div>
        </section>
    }
}

/// Recording, later, when a note was received and acknowledged.
#[component]
fn ReceiptForm(note: Notification, page: Page) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let iso_of = |d: Option<NaiveDate>| d.map(iso).unwrap_or_default();
    let received = RwSignal::new(if note.received_on.is_some() {
        iso_of(note.received_on)
    } else {
        today()
    });
    let acked = RwSignal::new(iso_of(note.acknowledged_on));
    let text = RwSignal::new(note.acknowledgement.clone().unwrap_or_default());
    let errors: FieldErrors = RwSignal::new(Vec::new());
    let form_message = RwSignal::new(None::<Message>);
    let pending = RwSignal::new(false);
    let (id, version) = (note.id, note.version);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let mut found = Vec::new();
        let received_on = date_of(received, "received_on", &mut found, false);
        let acknowledged_on = date_of(acked, "acknowledged_on", &mut found, false);
        errors.set(found);
        if errors.with_untracked(|e| !e.is_empty()) {
            return;
        }
        let receipt = NotificationReceipt {
            received_on,
            acknowledged_on,
            acknowledgement: text_of(text),
        };
        pending.set(true);
        page.clear();
        let client = client.clone();
        spawn_local(async move {
            let result = auth.call(client.record_receipt(id, version, &receipt)).await;
            pending.set(false);
            match result {
                Ok(saved) => {
                    page.message
                        .set(Some(Message::Done(Key::RegReceiptSaved, saved.value.note_number)));
                    page.reload.run(());
                }
                Err(problem) if problem.status == 412 => {
                    form_message.set(Some(Message::Done(Key::RegChangedMeanwhile, String::new())));
                    page.reload.run(());
                }
                Err(problem) => {
                    errors.set(field_errors_of(&problem));
                    form_message.set(Some(Message::Failed(problem)));
                }
            }
        });
    };
    view! {
        <form class="form" aria-labelledby="receipt-heading" novalidate=true on:submit=on_submit data-testid="receipt-form">
            <div class="form-grid">
                <Field id="receipt-received" label=Key::RegReceivedOn value=received kind="date" error=error_of(errors, "received_on") />
                <Field id="receipt-acknowledged" label=Key::RegAcknowledgedOn value=acked kind="date" error=error_of(errors, "acknowledged_on") />
                <Field id="receipt-text" label=Key::RegAckText value=text error=error_of(errors, "acknowledgement") />
            </div>
            <MessageView message=form_message />
            <div class="form-actions">
                <button type="submit" class="primary" data-testid="save-receipt" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(Key::Saving) } else { i18n.t(Key::RegSaveReceipt) }}
                </button>
            </div>
        </form>
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

/// The four fields of a change of authority, their values and errors.
#[derive(Clone, Copy)]
struct ChangeFields {
    en: RwSignal<String>,
    az: RwSignal<String>,
    ka: RwSignal<String>,
    from: RwSignal<String>,
    errors: FieldErrors,
}

impl ChangeFields {
    fn new(name: &Labels, from: String) -> Self {
        ChangeFields {
            en: RwSignal::new(name.en.clone()),
            az: RwSignal::new(name.az.clone()),
            ka: RwSignal::new(name.ka.clone()),
            from: RwSignal::new(from),
            errors: RwSignal::new(Vec::new()),
        }
    }

    /// The change, or `None` with the errors shown next to their fields.
    fn change(self) -> Option<AuthorityChange> {
        let mut found = Vec::new();
        for (signal, field) in [(self.en, "name.en"), (self.az, "name.az"), (self.ka, "name.ka")] {
            if text_of(signal).is_none() {
                found.push((field.to_owned(), Key::ErrRequired));
            }
        }
        let valid_from = date_of(self.from, "valid_from", &mut found, true);
        let ok = found.is_empty();
        self.errors.set(found);
        Some(AuthorityChange {
            name: Labels {
                en: self.en.get_untracked().trim().to_owned(),
                az: self.az.get_untracked().trim().to_owned(),
                ka: self.ka.get_untracked().trim().to_owned(),
            },
            valid_from: valid_from.filter(|_| ok)?,
        })
    }

    /// The fields, with ids starting with `prefix`.
    fn view(self, prefix: &str) -> impl IntoView + use<> {
        let errors = self.errors;
        view! {
            <div class="form-grid">
                <Field id=format!("{prefix}-en") label=Key::RegNameEn value=self.en error=error_of(errors, "name.en") required=true />
                <Field id=format!("{prefix}-az") label=Key::RegNameAz value=self.az error=error_of(errors, "name.az") required=true />
                <Field id=format!("{prefix}-ka") label=Key::RegNameKa value=self.ka error=error_of(errors, "name.ka") required=true />
                <Field id=format!("{prefix}-from") label=Key::RegValidFrom value=self.from kind="date" error=error_of(errors, "valid_from") required=true />
            </div>
        }
    }
}

/// Entering a pending change of the user's own party's authority
/// (`editing` is `None`), or changing one at the version read.
#[component]
fn ChangeForm(
    editing: Option<Authority>,
    page: Page,
    #[prop(optional, into)] on_close: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let target = editing.as_ref().map(|a| (a.id, a.version));
    let fields = match &editing {
        Some(a) => ChangeFields::new(&a.name, iso(a.valid_from)),
        None => ChangeFields::new(&Labels::new("", "", ""), String::new()),
    };
    let form_message = RwSignal::new(None::<Message>);
    let pending = RwSignal::new(false);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let Some(change) = fields.change() else {
            return;
        };
        pending.set(true);
        page.clear();
        let client = client.clone();
        spawn_local(async move {
            let result = match target {
                Some((id, version)) => auth.call(client.update_authority(id, version, &change)).await,
                None => auth.call(client.propose_authority(&change)).await,
            };
            pending.set(false);
            let done = if target.is_some() {
                Key::RegChangeSaved
            } else {
                Key::RegChangeEntered
            };
            match result {
                Ok(saved) => {
                    page.named.set(Some((done, saved.value.name)));
                    page.reload.run(());
                }
                Err(problem) if problem.status == 412 => {
                    page.message
                        .set(Some(Message::Done(Key::RegChangedMeanwhile, String::new())));
                    page.reload.run(());
                }
                Err(problem) => {
                    fields.errors.set(field_errors_of(&problem));
                    form_message.set(Some(Message::Failed(problem)));
                }
            }
        });
    };
    let prefix = target.map_or_else(|| "authority".to_owned(), |(id, _)| format!("change-{id}"));
    let heading = format!("{prefix}-heading");
    let labelled_by = heading.clone();
    let (title, save, testid) = if target.is_some() {
        (Key::RegEditChange, Key::RegSaveChange, "edit-change-form")
    } else {
        (Key::RegProposeHeading, Key::RegEnterChange, "propose-authority")
    };
    view! {
        <h3 id=heading>{i18n.tr(title)}</h3>
        <form class="form card" aria-labelledby=labelled_by novalidate=true on:submit=on_submit data-testid=testid>
            {fields.view(&prefix)}
            <MessageView message=form_message />
            <div class="form-actions">
                <button type="submit" class="primary" data-testid="save-change" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(Key::Saving) } else { i18n.t(save) }}
                </button>
                {on_close.map(|close| view! {
                    <button type="button" class="secondary" on:click=move |_| close.run(())>
                        {i18n.tr(Key::RegCancel)}
                    </button>
                })}
            </div>
        </form>
    }
}

/// Recording the diplomatic notification that announces a pending change.
#[component]
fn RecordNotification(authority: i64, name: Labels, page: Page) -> impl IntoView {
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
    let file_input = NodeRef::<leptos::html::Input>::new();
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
        page.clear();
        let file = file_input
            .get_untracked()
            .and_then(|el| el.files())
            .and_then(|files| files.get(0));
        let client = client.clone();
        spawn_local(async move {
            let result = auth.call(client.record_notification(&new)).await;
            match result {
                Ok(saved) => {
                    let id = saved.value.id;
                    // The note's document goes with it; if it is refused, the
                    // note stays recorded and the reason shows with the log's
                    // panel for it opened, where it can be attached again.
                    if let Some(file) = file {
                        let sent = match read_file(file).await {
                            Ok((name, declared, bytes)) => auth
                                .call(client.upload_document(DocumentOwner::Notification, id, &name, &declared, bytes))
                                .await
                                .map(drop)
                                .map_err(Refusal::Refused),
                            Err(refusal) => Err(refusal),
                        };
                        if let Err(refusal) = sent {
                            page.refusal.set(Some(refusal));
                            page.selected.set(Some(id));
                        }
                    }
                    pending.set(false);
                    page.message.set(Some(Message::Done(
                        Key::RegNotificationRecorded,
                        saved.value.note_number,
                    )));
                    page.reload.run(());
                }
                Err(problem) => {
                    pending.set(false);
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
                <div class="field">
                    <label for=format!("{prefix}-file")>{i18n.tr(Key::RegNoteFile)}</label>
                    <p class="hint" id=format!("{prefix}-file-hint")>{i18n.tr(Key::RegUploadHint)}</p>
                    <input id=format!("{prefix}-file") type="file" node_ref=file_input aria-describedby=format!("{prefix}-file-hint") accept=ACCEPT />
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
