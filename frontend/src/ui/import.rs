//! "Import from a spreadsheet" on the table view: the template in the
//! interface's language, a filled-in XLSX checked by the server (every fault
//! named by row and column, nothing written), then, when there is none,
//! every row created as the party's private draft at once.

use concord_client::Client;
use concord_shared::api::ImportPreview;
use concord_shared::rules::activities::may_draft;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::auth::Auth;
use crate::i18n::{I18n, Key};
use crate::ui::documents::read_file;
use crate::ui::refusal::field_error_key;
use crate::ui::{Message, MessageView};

/// The import, for those who may draft in the plan of `year`; `on_done`
/// runs once drafts were created.
#[component]
pub fn ImportSheet(year: Memo<i32>, #[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let plan = LocalResource::new({
        let client = client.clone();
        move || {
            let client = client.clone();
            let year = year.get();
            async move { auth.call(client.plan(year)).await }
        }
    });
    let allowed = move || {
        plan.get()
            .and_then(|p| p.ok())
            .is_some_and(|p| auth.actor().is_some_and(|a| may_draft(a, p.value.state).is_ok()))
    };
    let input = NodeRef::<leptos::html::Input>::new();
    let bytes = RwSignal::new(None::<Vec<u8>>);
    let preview = RwSignal::new(None::<ImportPreview>);
    let message = RwSignal::new(None::<Message>);
    let busy = RwSignal::new(false);
    let check = {
        let client = client.clone();
        move |_| {
            let Some(file) = input.get_untracked().and_then(|i| i.files()).and_then(|f| f.get(0)) else {
                return;
            };
            let client = client.clone();
            busy.set(true);
            message.set(None);
            preview.set(None);
            spawn_local(async move {
                if let Ok((_, _, data)) = read_file(file).await {
                    let lang = i18n.lang().code();
                    match auth
                        .call(client.import_preview(year.get_untracked(), lang, data.clone()))
                        .await
                    {
                        Ok(p) => {
                            bytes.set(Some(data));
                            preview.set(Some(p));
                        }
                        Err(problem) => message.set(Some(Message::Failed(problem))),
                    }
                }
                busy.set(false);
            });
        }
    };
    let confirm = move |_| {
        let Some(data) = bytes.get_untracked() else {
            return;
        };
        let client = client.clone();
        busy.set(true);
        spawn_local(async move {
            let lang = i18n.lang().code();
            match auth
                .call(client.import_activities(year.get_untracked(), lang, data))
                .await
            {
                Ok(done) => {
                    message.set(Some(Message::Done(Key::ImportDone, done.created.len().to_string())));
                    preview.set(None);
                    bytes.set(None);
                    on_done.run(());
                }
                Err(problem) => message.set(Some(Message::Failed(problem))),
            }
            busy.set(false);
        });
    };
    let template = move || {
        format!(
            "/api/v1/plans/{}/import/template.xlsx?lang={}",
            year.get(),
            i18n.lang().code()
        )
    };
    let outcome = move || {
        preview.get().map(|p| {
            if p.errors.is_empty() {
                let count = p.rows.len().to_string();
                view! {
                    <p role="status">{move || i18n.t(Key::ImportReady).replace("{name}", &count)}</p>
                    <button type="button" class="primary" disabled=move || busy.get() on:click=confirm.clone() data-testid="import-confirm">
                        {i18n.tr(Key::ImportConfirm)}
                    </button>
                }
                .into_any()
            } else {
                let faults = p
                    .errors
                    .iter()
                    .map(|e| {
                        // Worded from the code in the page's language; the
                        // cell as found, where the fault is about it.
                        let what = i18n.t(field_error_key(&e.field, &e.code));
                        let what = match &e.value {
                            Some(value) => format!("{what} ({value})"),
                            None => what.to_string(),
                        };
                        view! { <li>{format!("{} {}, {}: {what}", i18n.t(Key::ImportRow), e.row, e.column)}</li> }
                    })
                    .collect_view();
                view! {
                    <p class="notice failure" role="alert">{i18n.tr(Key::ImportFaults)}</p>
                    <ul data-testid="import-faults">{faults}</ul>
                }
                .into_any()
            }
        })
    };
    view! {
        <Show when=allowed>
            <details class="import card" data-testid="import">
                <summary>{i18n.tr(Key::ImportHeading)}</summary>
                <p>{i18n.tr(Key::ImportIntro)}</p>
                <p>
                    <a class="button secondary" href=template download="" data-testid="import-template">
                        {i18n.tr(Key::ImportTemplate)}
                    </a>
                </p>
                <label for="import-file">{i18n.tr(Key::ImportFile)}</label>
                <input id="import-file" type="file" accept=".xlsx,.csv,text/csv" node_ref=input />
                " "
                <button type="button" disabled=move || busy.get() on:click=check.clone() data-testid="import-check">
                    {i18n.tr(Key::ImportCheck)}
                </button>
                {outcome.clone()}
                <MessageView message />
            </details>
        </Show>
    }
}
