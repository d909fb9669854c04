//! Documents attached to an instrument, a notification or an activity: the
//! list with each file's SHA-256 and a download link, and (for those the
//! policy allows) an upload that sends the file's raw bytes as the request
//! body. Several may share a page: `prefix` keeps their element ids apart.

use concord_client::Client;
use concord_shared::Problem;
use concord_shared::api::{Document, DocumentOwner};
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::js_sys;

use crate::auth::Auth;
use crate::i18n::{I18n, Key, format_datetime};
use crate::ui::feedback::LoadError;
use crate::ui::{Loader, problem_text};

/// The documents of one owner, and the upload when `may_upload`. Element ids
/// start with `prefix` (`document` unless given: `document-file`, `documents-heading`).
#[component]
pub fn Documents(
    owner: DocumentOwner,
    owner_id: i64,
    may_upload: bool,
    #[prop(optional, into)] prefix: Option<String>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let prefix = prefix.unwrap_or_else(|| "document".to_owned());
    let heading = format!("{prefix}s-heading");
    let table_heading = heading.clone();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let docs = LocalResource::new(move || {
        let client = client.clone();
        async move { auth.call(client.documents(owner, owner_id)).await }
    });
    view! {
        <h2 id=heading>{i18n.tr(Key::RegDocuments)}</h2>
        <Loader content=std::sync::Arc::new(move || {
            docs.get()
                .map(|result| match result {
                    Ok(list) if list.is_empty() => {
                        view! { <p class="empty card" data-testid="no-documents">{i18n.tr(Key::RegNoDocuments)}</p> }
                            .into_any()
                    }
                    Ok(list) => view! { <DocumentTable list heading=table_heading.clone() /> }.into_any(),
                    Err(problem) => view! { <LoadError problem on_retry=move |_| docs.refetch() /> }.into_any(),
                })
        }) />
        {may_upload.then(|| view! { <Upload owner owner_id prefix on_done=move |_| docs.refetch() /> })}
    }
    .into_any()
}

/// A size in bytes, readable, with one decimal (integer arithmetic: float
/// formatting would add kilobytes to the wasm).
fn size_text(size: u64) -> String {
    let (unit, scale) = match size {
        0..1024 => return format!("{size} B"),
        1024..1_048_576 => ("KB", 1024),
        _ => ("MB", 1_048_576),
    };
    let tenths = (size * 10 + scale / 2) / scale;
    format!("{}.{} {unit}", tenths / 10, tenths % 10)
}

#[component]
fn DocumentTable(list: Vec<Document>, heading: String) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let rows = list
        .into_iter()
        .map(|doc| {
            let at = doc.uploaded_at.timestamp_millis();
            view! {
                <tr data-document=doc.id>
                    <td class="wrap">
                        <a href=format!("/api/v1/documents/{}/content", doc.id) download=doc.filename.clone() data-testid="download">
                            {doc.filename.clone()}
                        </a>
                    </td>
                    <td>{size_text(doc.size)}</td>
                    <td class="wrap">
                        <code class="checksum" data-testid="sha256">{doc.sha256.clone()}</code>
                    </td>
                    <td>{doc.uploaded_by.clone()}" ("{doc.uploaded_by_party.short()}")"</td>
                    <td>{move || format_datetime(at, i18n.lang())}</td>
                </tr>
            }
        })
        .collect_view();
    let region_label = heading.clone();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby=region_label>
            <table class="data" aria-labelledby=heading data-testid="documents">
                {crate::ui::header_row(i18n, &[Key::RegFile, Key::RegSize, Key::RegSha256, Key::RegUploadedBy, Key::RegUploadedAt])}
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Why an upload did not happen. Kept as data, not text, so the words follow
/// a language switch while they are shown.
#[derive(Clone)]
pub enum Refusal {
    /// No file was chosen.
    NoFile,
    /// The browser could not read the file.
    Unreadable,
    /// The server refused it.
    Refused(Problem),
}

impl Refusal {
    /// The reason in plain words, in the current language.
    pub fn text(&self, i18n: I18n) -> String {
        match self {
            Refusal::NoFile => i18n.t(Key::RegChooseFile).to_owned(),
            Refusal::Unreadable => i18n.t(Key::RegUnreadable).to_owned(),
            Refusal::Refused(problem) => upload_error(i18n, problem),
        }
    }
}

/// Reads a chosen file's name, declared type and bytes.
pub async fn read_file(file: web_sys::File) -> Result<(String, String, Vec<u8>), Refusal> {
    let name = file.name();
    let declared = match file.type_() {
        t if t.is_empty() => "application/octet-stream".to_owned(),
        t => t,
    };
    match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Ok((name, declared, js_sys::Uint8Array::new(&buffer).to_vec())),
        Err(_) => Err(Refusal::Unreadable),
    }
}

/// Why an upload was refused, in plain words.
fn upload_error(i18n: I18n, problem: &Problem) -> String {
    let field = problem.errors.first();
    match (problem.status, field.map(|f| f.code.as_str())) {
        (413, _) => {
            // The server names its limit ("at most 25 MB"); show the number.
            let mb = field
                .and_then(|f| f.message.split_whitespace().find_map(|w| w.parse::<u64>().ok()))
                .map(|n| n.to_string())
                .unwrap_or_else(|| "25".to_owned());
            i18n.t(Key::RegTooLarge).replace("{mb}", &mb)
        }
        (415, _) if field.is_some_and(|f| f.field == "content_type") => i18n.t(Key::RegTypeMismatch).to_owned(),
        (415, _) => i18n.t(Key::RegWrongType).to_owned(),
        (422, Some("required")) => i18n.t(Key::RegEmptyFile).to_owned(),
        (422, _) if field.is_some_and(|f| f.field == "filename") => i18n.t(Key::RegBadFilename).to_owned(),
        _ => problem_text(i18n, problem),
    }
}

/// The file types the server accepts, for the file picker.
pub const ACCEPT: &str = ".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp";

#[component]
fn Upload(owner: DocumentOwner, owner_id: i64, prefix: String, #[prop(into)] on_done: Callback<()>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let input = NodeRef::<leptos::html::Input>::new();
    let busy = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<String, Refusal>>);
    let send = move |_| {
        let Some(file) = input
            .get_untracked()
            .and_then(|el| el.files())
            .and_then(|files| files.get(0))
        else {
            outcome.set(Some(Err(Refusal::NoFile)));
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        outcome.set(None);
        let client = client.clone();
        spawn_local(async move {
            let (name, declared, bytes) = match read_file(file).await {
                Ok(read) => read,
                Err(refusal) => {
                    busy.set(false);
                    outcome.set(Some(Err(refusal)));
                    return;
                }
            };
            let result = auth
                .call(client.upload_document(owner, owner_id, &name, &declared, bytes))
                .await;
            busy.set(false);
            match result {
                Ok(doc) => {
                    if let Some(el) = input.get_untracked() {
                        el.set_value("");
                    }
                    outcome.set(Some(Ok(doc.filename)));
                    on_done.run(());
                }
                Err(problem) => outcome.set(Some(Err(Refusal::Refused(problem)))),
            }
        });
    };
    let file_id = format!("{prefix}-file");
    let hint_id = format!("{file_id}-hint");
    view! {
        <div class="card form upload" data-testid="upload">
            <div class="field">
                <label for=file_id.clone()>{i18n.tr(Key::RegAttach)}</label>
                <p class="hint" id=hint_id.clone()>{i18n.tr(Key::RegUploadHint)}</p>
                <input id=file_id type="file" node_ref=input aria-describedby=hint_id accept=ACCEPT />
            </div>
            <div class="form-actions">
                <button type="button" class="primary" data-testid="upload-button" disabled=move || busy.get() on:click=send>
                    {move || if busy.get() { i18n.t(Key::RegUploading) } else { i18n.t(Key::RegUpload) }}
                </button>
                <span class="muted" role="status" aria-live="polite">
                    {move || busy.get().then(|| i18n.t(Key::RegUploadBusy))}
                </span>
            </div>
            {move || {
                outcome
                    .get()
                    .map(|outcome| match outcome {
                        Ok(name) => view! {
                            <p class="notice success" role="status" data-testid="upload-message">
                                {move || i18n.t(Key::RegUploaded).replace("{name}", &name)}
                            </p>
                        }
                        .into_any(),
                        Err(refusal) => view! {
                            <p class="notice failure" role="alert" data-testid="upload-message">{move || refusal.text(i18n)}</p>
                        }
                        .into_any(),
                    })
            }}
        </div>
    }
}
