//! Building blocks the pages share: labelled form fields with their errors,
//! problems in plain words, messages.

pub mod activity_form;
pub mod alert_bell;
pub mod board;
pub mod bulk;
pub mod bulk_table;
pub mod calendar_feeds;
pub mod clipboard;
pub mod confirm;
pub mod dates;
pub mod documents;
pub mod feedback;
pub mod filters;
pub mod focus;
pub mod import;
pub mod inbox_count;
pub mod labels;
pub mod live_note;
pub mod options;
pub mod paper;
pub mod plan_nav;
pub mod print;
pub mod refusal;
pub mod texts;

use concord_shared::Problem;
use leptos::prelude::*;

use crate::i18n::{I18n, Key};
pub use refusal::field_error_key;

/// Field errors of a form: the field's wire name and the text to show.
pub type FieldErrors = RwSignal<Vec<(String, Key)>>;

/// The field errors a 422 problem names.
pub fn field_errors_of(problem: &Problem) -> Vec<(String, Key)> {
    problem
        .errors
        .iter()
        .map(|e| (e.field.clone(), field_error_key(&e.field, &e.code)))
        .collect()
}

/// The error of one field (tracked).
pub fn error_of(errors: FieldErrors, field: &'static str) -> Signal<Option<Key>> {
    Signal::derive(move || errors.with(|all| all.iter().find(|(f, _)| f == field).map(|(_, key)| *key)))
}

/// A reload signal in context, one per marker type `K`: a view that reads
/// something tracks it, and anything that changed that something bumps it
/// (the header's alert and queue counts).
pub struct Reload<K: 'static> {
    bump: RwSignal<u64>,
    kind: std::marker::PhantomData<fn() -> K>,
}

impl<K: 'static> Clone for Reload<K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: 'static> Copy for Reload<K> {}

impl<K: 'static> Reload<K> {
    /// Puts the signal in context.
    pub fn init() -> Reload<K> {
        let reload = Reload {
            bump: RwSignal::new(0),
            kind: std::marker::PhantomData,
        };
        provide_context(reload);
        reload
    }

    /// Makes the caller (a resource, an effect) run again on [`Reload::reload`].
    pub fn track(self) {
        self.bump.track();
    }

    /// Reads again what tracks this signal.
    pub fn reload(self) {
        self.bump.update(|n| *n += 1);
    }
}

/// A failed request in plain words (tracked: follows the language), from
/// the app's own translations of its code (see [`refusal`]).
pub fn problem_text(i18n: I18n, problem: &Problem) -> String {
    refusal::problem_text_in(i18n.lang(), problem)
}

/// An outcome to announce above a form or table.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// Done: the text, with `{name}` filled in.
    Done(Key, String),
    /// Failed.
    Failed(Problem),
}

/// Shows a [`Message`], announced to screen readers.
#[component]
pub fn MessageView(message: RwSignal<Option<Message>>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    move || {
        message.get().map(|message| match message {
            Message::Done(key, name) => view! {
                <p class="notice success" role="status" data-testid="message">
                    {move || i18n.t(key).replace("{name}", &name)}
                </p>
            }
            .into_any(),
            Message::Failed(problem) => view! {
                <p class="notice failure" role="alert" data-testid="message">
                    {move || problem_text(i18n, &problem)}
                </p>
            }
            .into_any(),
        })
    }
}

/// What a date field accepts: `YYYY-MM-DD`, whatever the browser's locale.
pub const DATE_PATTERN: &str = r"\d{4}-\d{2}-\d{2}";

/// A labelled input with an optional hint and its error next to it.
#[component]
pub fn Field(
    /// The element id (unique on the page).
    #[prop(into)]
    id: String,
    /// The label's text.
    label: Key,
    /// The value, both ways.
    value: RwSignal<String>,
    /// The error to show, if any.
    error: Signal<Option<Key>>,
    /// `type` of the input; `"date"` is a text input for `YYYY-MM-DD`
    /// (see [`DATE_PATTERN`]).
    #[prop(default = "text")]
    kind: &'static str,
    /// A hint under the label.
    #[prop(optional)]
    hint: Option<Key>,
    /// `autocomplete` of the input.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// Whether the field must be filled in.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    // A browser's date input shows and reads dates the way its locale
    // writes them (a German Chromium wants 31.12.2027) and gives an empty
    // value for an impossible date, which a form cannot tell from "none".
    // A text input for ISO dates reads the same everywhere and keeps what
    // was typed, so the form can say what is wrong with it.
    let date = kind == "date";
    let input_type = if date { "text" } else { kind };
    let described = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{move || i18n.t(label)}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{move || i18n.t(hint)}</p> })}
            <input
                id=id.clone()
                name=id.clone()
                type=input_type
                autocomplete=autocomplete
                pattern=date.then_some(DATE_PATTERN)
                placeholder=move || date.then(|| i18n.t(Key::DateFormat))
                maxlength=date.then_some("10")
                spellcheck=date.then_some("false")
                data-date=date.then_some("iso")
                required=required
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {move || {
                error
                    .get()
                    .map(|key| {
                        view! {
                            <p class="field-error" id=error_id.clone() data-field-error=id.clone()>
                                {move || i18n.t(key)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// The "loading" line shown while a fetch is under way.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! { <p class="status loading" role="status">{i18n.tr(Key::Loading)}</p> }
}

/// The header row of a data table, one column per key.
pub fn header_row(i18n: I18n, keys: &'static [Key]) -> impl IntoView {
    let cells = keys
        .iter()
        .map(|key| view! { <th scope="col">{i18n.tr(*key)}</th> })
        .collect_view();
    view! {
        <thead>
            <tr>{cells}</tr>
        </thead>
    }
}

/// What a [`Loader`] shows once its resources are read.
pub type Content = std::sync::Arc<dyn Fn() -> Option<AnyView> + Send + Sync>;

/// A `<Transition>` with the loading line as its fallback: shows `content`
/// (which reads the page's resources) once loaded, the old content while
/// reloading. One instance for every page keeps the wasm small.
#[component]
pub fn Loader(content: Content) -> impl IntoView {
    view! { <Transition fallback=Loading>{move || content()}</Transition> }
}

/// Options of a [`SelectField`]: wire code and label, in a language.
pub type Options = fn(concord_shared::Lang) -> Vec<(&'static str, &'static str)>;

/// A labelled select; `any` adds a first, empty option ("all", "choose").
#[component]
pub fn SelectField(
    /// The element id (unique on the page).
    id: &'static str,
    /// The label's text.
    label: Key,
    /// The selected wire code ("" for none), both ways.
    value: RwSignal<String>,
    /// The choices.
    options: Options,
    /// The text of an empty first option, if any.
    #[prop(optional)]
    any: Option<Key>,
    /// The error to show, if any.
    #[prop(optional, into)]
    error: Option<Signal<Option<Key>>>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id>{i18n.tr(label)}</label>
            <select
                id=id
                name=id
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby={
                    let error_id = error_id.clone();
                    move || error.get().map(|_| error_id.clone())
                }
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                {move || {
                    let lang = i18n.lang();
                    let current = value.get();
                    let mut list: Vec<(&'static str, &'static str)> = any.map(|k| ("", i18n.t(k))).into_iter().collect();
                    list.extend(options(lang));
                    list.into_iter()
                        .map(|(code, text)| {
                            view! {
                                <option value=code selected=current == code>
                                    {text}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            {move || error.get().map(|key| view! { <p class="field-error" id=error_id.clone() data-field-error=id>{move || i18n.t(key)}</p> })}
        </div>
    }
}

/// A labelled multi-line text field with its error.
#[component]
pub fn TextAreaField(
    /// The element id (unique on the page).
    id: &'static str,
    /// The label's text.
    label: Key,
    /// The value, both ways.
    value: RwSignal<String>,
    /// The error to show, if any.
    #[prop(optional, into)]
    error: Option<Signal<Option<Key>>>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let error = error.unwrap_or_else(|| Signal::derive(|| None));
    let error_id = format!("{id}-error");
    view! {
        <div class="field wide" class:invalid=move || error.get().is_some()>
            <label for=id>{i18n.tr(label)}</label>
            <textarea
                id=id
                name=id
                rows="4"
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby={
                    let error_id = error_id.clone();
                    move || error.get().map(|_| error_id.clone())
                }
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
            {move || error.get().map(|key| view! { <p class="field-error" id=error_id.clone() data-field-error=id>{move || i18n.t(key)}</p> })}
        </div>
    }
}

/// A whole number the way each language groups digits: 1,200 / 1 200 / 1 200.
pub fn format_number(n: u64, lang: concord_shared::Lang) -> String {
    let digits = n.to_string();
    let sep = match lang {
        concord_shared::Lang::En => ',',
        _ => '\u{a0}',
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Where a paged list stands: "Page 1 of 3 (45 …)" in `text` (with `{page}`,
/// `{pages}` and `{n}`) and the previous/next buttons, which move `offset` by
/// `size`. Test ids are `{name}-page`, `{name}-previous` and `{name}-next`.
#[component]
pub fn Pager(
    /// The offset the list is read at, both ways.
    offset: RwSignal<u64>,
    /// Items per page.
    size: u64,
    /// The offset of the page shown, as the server answered.
    at: u64,
    /// How many items match in all.
    total: u64,
    /// The caption's text.
    text: Key,
    /// The test ids' prefix.
    name: &'static str,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let pages = total.div_ceil(size).max(1);
    let current = at / size + 1;
    view! {
        <p class="muted" data-testid=format!("{name}-page")>
            {move || {
                i18n.t(text)
                    .replace("{page}", &current.to_string())
                    .replace("{pages}", &pages.to_string())
                    .replace("{n}", &format_number(total, i18n.lang()))
            }}
        </p>
        <div class="form-actions pager">
            <button type="button" class="secondary" data-testid=format!("{name}-previous") disabled={current <= 1} on:click=move |_| offset.set((current - 2) * size)>
                {i18n.tr(Key::PreviousPage)}
            </button>
            <button type="button" class="secondary" data-testid=format!("{name}-next") disabled={current >= pages} on:click=move |_| offset.set(current * size)>
                {i18n.tr(Key::NextPage)}
            </button>
        </div>
    }
}
