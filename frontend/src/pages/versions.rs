//! A plan's signed versions: the list (number, signatures and their dates,
//! SHA-256), one frozen version read-only, and the side-by-side comparison
//! of any two (or of the signed version with an amendment in progress),
//! addressable as `/plans/{year}/versions/compare?from=&to=`.

use std::collections::BTreeMap;

use concord_client::Client;
use concord_shared::api::{PlanVersionInfo, Signature, VersionComparison};
use concord_shared::plan::PlanState;
use concord_shared::{Lang, Problem};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use serde_json::{Map, Value};

use crate::auth::Auth;
use crate::i18n::{I18n, Key, format_datetime, format_iso_date, month_name};
use crate::ui::feedback::LoadError;
use crate::ui::labels::{field_label, value_text};
use crate::ui::paper::DownloadPdf;
use crate::ui::plan_nav::{PlanHeader, route_year};
use crate::ui::{Content, Loader};

/// The fields of a snapshot's activity line, in the order shown; a party's
/// side is shown field by field.
const FIELDS: [&str; 19] = [
    "title",
    "description",
    "area",
    "area_other",
    "form",
    "form_other",
    "proposing_party",
    "host_party",
    "location",
    "start_date",
    "end_date",
    "month",
    "cost",
    "az.participants",
    "az.responsible_unit",
    "az.point_of_contact",
    "ge.participants",
    "ge.responsible_unit",
    "ge.point_of_contact",
];

/// A snapshot's activities by reference, each its fields.
type Lines = BTreeMap<String, Map<String, Value>>;

/// Reads the activities of a canonical snapshot.
fn lines_of(snapshot: &str) -> Lines {
    let value: Value = serde_json::from_str(snapshot).unwrap_or(Value::Null);
    let mut out = Lines::new();
    if let Some(items) = value.get("activities").and_then(Value::as_array) {
        for item in items {
            if let (Some(reference), Some(fields)) = (item.get("reference").and_then(Value::as_str), item.as_object()) {
                out.insert(reference.to_owned(), fields.clone());
            }
        }
    }
    out
}

/// One field of a line, `az.participants` looked up inside the side.
fn field_of<'a>(line: &'a Map<String, Value>, field: &str) -> &'a Value {
    match field.split_once('.') {
        Some((side, name)) => line.get(side).and_then(|s| s.get(name)).unwrap_or(&Value::Null),
        None => line.get(field).unwrap_or(&Value::Null),
    }
}

/// The title of a line.
fn title_of(line: &Map<String, Value>) -> String {
    field_of(line, "title").as_str().unwrap_or_default().to_owned()
}

/// When a line takes place, in words.
fn when_of(line: &Map<String, Value>, lang: Lang) -> String {
    match (
        field_of(line, "start_date").as_str(),
        field_of(line, "end_date").as_str(),
    ) {
        (Some(start), Some(end)) if start != end => {
            format!("{} – {}", format_iso_date(start, lang), format_iso_date(end, lang))
        }
        (Some(start), _) => format_iso_date(start, lang),
        _ => field_of(line, "month")
            .as_u64()
            .map(|m| month_name(lang, u32::try_from(m).unwrap_or(0)).to_owned())
            .unwrap_or_default(),
    }
}

/// "Version {n}" in a language.
fn version_n(lang: Lang, n: i32) -> String {
    crate::i18n::text(lang, Key::LcVersionN).replace("{n}", &n.to_string())
}

/// "AZ: 20 November 2026 · GE: 21 November 2026".
fn signed_dates(signatures: &[Signature], lang: Lang) -> String {
    signatures
        .iter()
        .map(|s| {
            format!(
                "{}: {}",
                s.party.short(),
                format_iso_date(&crate::ui::dates::iso(s.signed_on), lang)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// `/plans/{year}/versions`: the signed versions and the comparison picker.
#[component]
pub fn VersionsPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let year = route_year();
    let versions = LocalResource::new(move || {
        let client = client.clone();
        let year = year.get();
        async move { auth.call(client.plan_versions(year)).await }
    });
    let content: Content = std::sync::Arc::new(move || {
        versions.get().map(|result| match result {
            Ok(list) if list.is_empty() => {
                view! { <p class="empty card" data-testid="no-versions">{i18n.tr(Key::LcNoVersions)}</p> }.into_any()
            }
            Ok(list) => {
                let y = year.get_untracked();
                let numbers: Vec<i32> = list.iter().map(|v| v.number).collect();
                let rows = list.into_iter().map(|v| version_row(i18n, y, v)).collect_view();
                view! {
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="versions-caption">
                        <table class="data" data-testid="versions">
                            <caption id="versions-caption">{i18n.tr(Key::LcVersionsCaption)}</caption>
                            <thead><tr>
                                <th scope="col">{i18n.tr(Key::LcVersionNumber)}</th>
                                <th scope="col">{i18n.tr(Key::LcSignedDates)}</th>
                                <th scope="col">{i18n.tr(Key::LcFrozenAt)}</th>
                                <th scope="col">"SHA-256"</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    <ComparePicker year=y numbers from=None to=None in_progress=None />
                }
                .into_any()
            }
            Err(problem) => view! { <LoadError problem on_retry=move |_| versions.refetch() /> }.into_any(),
        })
    });
    view! {
        {move || view! { <PlanHeader year=year.get() /> }}
        <h2>{i18n.tr(Key::LcVersionsHeading)}</h2>
        <Loader content />
    }
}

fn version_row(i18n: I18n, year: i32, v: PlanVersionInfo) -> AnyView {
    let n = v.number;
    let when = v.created_at.timestamp_millis();
    // Read inside the page's content: a new language renders the rows again.
    let lang = i18n.lang();
    view! {
        <tr data-version=n.to_string()>
            <td><A href=format!("/plans/{year}/versions/{n}")>{version_n(lang, n)}</A></td>
            <td>{signed_dates(&v.signatures, lang)}</td>
            <td>{format_datetime(when, lang)}</td>
            <td class="wrap"><code class="hash">{v.sha256}</code></td>
        </tr>
    }
    .into_any()
}

/// Two selects (from, to) and a button opening the comparison's address.
/// `in_progress` adds the version an amendment is negotiating.
#[component]
fn ComparePicker(
    year: i32,
    numbers: Vec<i32>,
    from: Option<i32>,
    to: Option<i32>,
    in_progress: Option<i32>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let navigate = use_navigate();
    let first = numbers.first().copied().unwrap_or(1);
    let last = in_progress.or(numbers.last().copied()).unwrap_or(1);
    let from_value = RwSignal::new(from.unwrap_or(first).to_string());
    let to_value = RwSignal::new(to.unwrap_or(last).to_string());
    let mut choices: Vec<(i32, bool)> = numbers.into_iter().map(|n| (n, false)).collect();
    if let Some(n) = in_progress {
        choices.push((n, true));
    }
    let options = move |value: RwSignal<String>| {
        choices
            .iter()
            .map(|(n, draft)| {
                let (n, draft) = (*n, *draft);
                view! {
                    <option value=n.to_string() selected=move || value.get() == n.to_string()>
                        {move || i18n.t(if draft { Key::LcVersionInProgress } else { Key::LcVersionN }).replace("{n}", &n.to_string())}
                    </option>
                }
            })
            .collect_view()
    };
    let from_options = options.clone()(from_value);
    let to_options = options(to_value);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(
            &format!(
                "/plans/{year}/versions/compare?from={}&to={}",
                from_value.get_untracked(),
                to_value.get_untracked()
            ),
            Default::default(),
        );
    };
    view! {
        <form class="form card compare-picker" data-testid="compare-picker" on:submit=submit>
            <h2>{i18n.tr(Key::LcCompareHeading)}</h2>
            <div class="field">
                <label for="compare-from">{i18n.tr(Key::LcCompareFrom)}</label>
                <select id="compare-from" on:change=move |ev| from_value.set(event_target_value(&ev))>{from_options}</select>
            </div>
            <div class="field">
                <label for="compare-to">{i18n.tr(Key::LcCompareTo)}</label>
                <select id="compare-to" on:change=move |ev| to_value.set(event_target_value(&ev))>{to_options}</select>
            </div>
            <div class="form-actions">
                <button type="submit" class="primary" data-testid="compare">{i18n.tr(Key::LcCompare)}</button>
            </div>
        </form>
    }
}

/// `/plans/{year}/versions/{n}`: one frozen version, read-only.
#[component]
pub fn VersionPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let year = route_year();
    let params = use_params_map();
    let number = Memo::new(move |_| params.with(|p| p.get("n").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0)));
    let detail = LocalResource::new(move || {
        let client = client.clone();
        let (year, number) = (year.get(), number.get());
        async move { auth.call(client.plan_version(year, number)).await }
    });
    let content: Content = std::sync::Arc::new(move || {
        detail.get().map(|result| match result {
            Ok(detail) => {
                let y = year.get_untracked();
                let n = detail.info.number;
                let when = detail.info.created_at.timestamp_millis();
                let lines = lines_of(&detail.snapshot);
                let count = lines.len();
                let lang = i18n.lang();
                let signed = signed_dates(&detail.info.signatures, lang);
                let rows = lines.into_values().map(|line| snapshot_row(lang, line)).collect_view();
                view! {
                    <dl class="facts">
                        <dt>{i18n.tr(Key::LcVersionNumber)}</dt>
                        <dd data-testid="version-number">{n}</dd>
                        <dt>{i18n.tr(Key::LcSignedDates)}</dt>
                        <dd>{signed}</dd>
                        <dt>{i18n.tr(Key::LcFrozenAt)}</dt>
                        <dd>{format_datetime(when, lang)}</dd>
                        <dt>"SHA-256"</dt>
                        <dd><code class="hash" data-testid="version-hash">{detail.info.sha256.clone()}</code></dd>
                    </dl>
                    <p>
                        <A href=format!("/plans/{y}/versions")>{i18n.tr(Key::LcAllVersions)}</A>
                        {(n > 1).then(|| view! {
                            " · "
                            <A href=format!("/plans/{y}/versions/compare?from={}&to={n}", n - 1)>{i18n.t(Key::LcComparePrevious).replace("{n}", &(n - 1).to_string())}</A>
                        })}
                    </p>
                    <DownloadPdf path=format!("/api/v1/plans/{y}/versions/{n}/document.pdf") name="version" />
                    <div class="table-scroll" tabindex="0" role="region" aria-labelledby="snapshot-caption">
                        <table class="data" data-testid="snapshot">
                            <caption id="snapshot-caption">{i18n.t(Key::LcSnapshotCaption).replace("{n}", &count.to_string())}</caption>
                            <thead><tr>
                                <th scope="col">{i18n.tr(Key::Reference)}</th>
                                <th scope="col">{i18n.tr(Key::Title)}</th>
                                <th scope="col">{i18n.tr(Key::Area)}</th>
                                <th scope="col">{i18n.tr(Key::Form)}</th>
                                <th scope="col">{i18n.tr(Key::HostParty)}</th>
                                <th scope="col">{i18n.tr(Key::When)}</th>
                                <th scope="col">{i18n.tr(Key::Cost)}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            }
            Err(problem) => view! { <LoadError problem on_retry=move |_| detail.refetch() /> }.into_any(),
        })
    });
    view! {
        {move || view! { <PlanHeader year=year.get() version=number.get() /> }}
        <h2>{move || i18n.t(Key::LcVersionN).replace("{n}", &number.get().to_string())}</h2>
        <p class="lead">{i18n.tr(Key::LcFrozenHint)}</p>
        <Loader content />
    }
}

fn snapshot_row(lang: Lang, line: Map<String, Value>) -> AnyView {
    let reference = field_of(&line, "reference").as_str().unwrap_or_default().to_owned();
    let data_ref = reference.clone();
    view! {
        <tr data-reference=data_ref>
            <td>{reference}</td>
            <td>{title_of(&line)}</td>
            {
                [
                    value_text("area", field_of(&line, "area"), lang),
                    value_text("form", field_of(&line, "form"), lang),
                    value_text("host_party", field_of(&line, "host_party"), lang),
                    when_of(&line, lang),
                    value_text("cost", field_of(&line, "cost"), lang),
                ]
                .into_iter()
                .map(|text| view! { <td>{text}</td> })
                .collect_view()
            }
        </tr>
    }
    .into_any()
}

/// Everything the comparison shows.
#[derive(Clone)]
struct Compared {
    comparison: VersionComparison,
    old: Lines,
    numbers: Vec<i32>,
    in_progress: Option<i32>,
}

async fn load_comparison(client: Client, auth: Auth, year: i32, from: i32, to: i32) -> Result<Compared, Problem> {
    let comparison = auth.call(client.compare_versions(year, from, to)).await?;
    let versions = auth.call(client.plan_versions(year)).await?;
    let plan = auth.call(client.plan(year)).await?.value;
    let old = lines_of(&auth.call(client.plan_version(year, from)).await?.snapshot);
    let numbers: Vec<i32> = versions.iter().map(|v| v.number).collect();
    let in_progress = (plan.amendment > 0 && !matches!(plan.state, PlanState::Signed | PlanState::Closed))
        .then_some(plan.amendment + 1);
    Ok(Compared {
        comparison,
        old,
        numbers,
        in_progress,
    })
}

/// `/plans/{year}/versions/compare?from=&to=`: the side-by-side comparison.
#[component]
pub fn ComparePage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let auth = expect_context::<Auth>();
    let client = expect_context::<Client>();
    let year = route_year();
    let query = use_query_map();
    let from = Memo::new(move |_| query.with(|q| q.get("from").and_then(|v| v.parse::<i32>().ok()).unwrap_or(1)));
    let to = Memo::new(move |_| query.with(|q| q.get("to").and_then(|v| v.parse::<i32>().ok()).unwrap_or(2)));
    let data = LocalResource::new(move || {
        let client = client.clone();
        load_comparison(client, auth, year.get(), from.get(), to.get())
    });
    let content: Content = std::sync::Arc::new(move || {
        data.get().map(|result| match result {
            Ok(c) => compared_view(i18n, year.get_untracked(), c),
            Err(problem) => view! { <LoadError problem on_retry=move |_| data.refetch() /> }.into_any(),
        })
    });
    view! {
        {move || view! { <PlanHeader year=year.get() /> }}
        <h2 data-testid="compare-heading">{move || i18n.t(Key::LcCompareTitle).replace("{from}", &from.get().to_string()).replace("{to}", &to.get().to_string())}</h2>
        <Loader content />
    }
}

fn compared_view(i18n: I18n, year: i32, c: Compared) -> AnyView {
    let Compared {
        comparison,
        old,
        numbers,
        in_progress,
    } = c;
    let (from, to) = (comparison.from, comparison.to);
    let draft = in_progress == Some(to);
    let lang = i18n.lang();
    // The newer lines: the older ones with every changed field replaced.
    let mut changed: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    for change in &comparison.changed {
        if let Some(line) = old.get(&change.reference) {
            changed
                .entry(change.reference.clone())
                .or_insert_with(|| line.clone())
                .insert(change.field.clone(), change.to.clone());
        }
    }
    let counts = (comparison.added.len(), comparison.removed.len(), changed.len());
    let added_list = comparison
        .added
        .iter()
        .map(|r| {
            let title = comparison.added_titles.get(r).cloned().unwrap_or_default();
            view! {
                <li data-added=r.clone()><strong class="marker">{i18n.tr(Key::LcMarkAdded)}</strong> " " <span class="ref">{r.clone()}</span> " " {title}</li>
            }
        })
        .collect_view();
    let removed_list = comparison
        .removed
        .iter()
        .map(|r| {
            let title = old.get(r).map(title_of).unwrap_or_default();
            view! {
                <li data-removed=r.clone()><strong class="marker">{i18n.tr(Key::LcMarkRemoved)}</strong> " " <span class="ref">{r.clone()}</span> " " {title}</li>
            }
        })
        .collect_view();
    let tables = changed
        .into_iter()
        .map(|(reference, new)| {
            let before = old.get(&reference).cloned().unwrap_or_default();
            changed_table(i18n, lang, reference, before, new, from, to)
        })
        .collect_view();
    view! {
        {draft.then(|| view! { <p class="notice info" data-testid="compare-draft">{i18n.t(Key::LcCompareDraftHint).replace("{n}", &to.to_string())}</p> })}
        <p data-testid="compare-summary" role="status">
            {i18n.t(Key::LcCompareSummary)
                .replace("{added}", &counts.0.to_string())
                .replace("{removed}", &counts.1.to_string())
                .replace("{changed}", &counts.2.to_string())}
        </p>
        <section aria-labelledby="added-heading" data-testid="compare-added">
            <h3 id="added-heading">{i18n.tr(Key::LcAddedHeading)}</h3>
            {if counts.0 == 0 { view! { <p class="empty">{i18n.tr(Key::LcNone)}</p> }.into_any() } else { view! { <ul>{added_list}</ul> }.into_any() }}
        </section>
        <section aria-labelledby="removed-heading" data-testid="compare-removed">
            <h3 id="removed-heading">{i18n.tr(Key::LcRemovedHeading)}</h3>
            {if counts.1 == 0 { view! { <p class="empty">{i18n.tr(Key::LcNone)}</p> }.into_any() } else { view! { <ul>{removed_list}</ul> }.into_any() }}
        </section>
        <section aria-labelledby="changed-heading" data-testid="compare-changed">
            <h3 id="changed-heading">{i18n.tr(Key::LcChangedHeading)}</h3>
            {if counts.2 == 0 { view! { <p class="empty">{i18n.tr(Key::LcNone)}</p> }.into_any() } else { tables.into_any() }}
        </section>
        <ComparePicker year numbers from=Some(from) to=Some(to) in_progress />
    }
    .into_any()
}

/// One changed activity side by side: every field in both versions, the
/// changed ones marked in words (not only by colour).
fn changed_table(
    i18n: I18n,
    lang: Lang,
    reference: String,
    before: Map<String, Value>,
    after: Map<String, Value>,
    from: i32,
    to: i32,
) -> AnyView {
    let title = title_of(&after);
    let rows = FIELDS
        .iter()
        .map(|field| {
            let field = *field;
            let (a, b) = (field_of(&before, field).clone(), field_of(&after, field).clone());
            let differs = a != b;
            view! {
                <tr class:changed=differs data-field=field data-changed=differs.to_string()>
                    <th scope="row">{field_label(field, lang)}</th>
                    <td>{value_text(field, &a, lang)}</td>
                    <td>{value_text(field, &b, lang)}</td>
                    <td>{differs.then(|| view! { <strong class="marker">{i18n.tr(Key::LcMarkChanged)}</strong> })}</td>
                </tr>
            }
        })
        .collect_view();
    let data_ref = reference.clone();
    let caption_id = format!("changed-{reference}");
    let labelled_by = caption_id.clone();
    view! {
        <div class="table-scroll compare" tabindex="0" role="region" aria-labelledby=labelled_by data-changed-ref=data_ref>
            <table class="data">
                <caption id=caption_id><span class="ref">{reference}</span> " " {title}</caption>
                <thead><tr>
                    <th scope="col">{i18n.tr(Key::LcField)}</th>
                    <th scope="col">{version_n(lang, from)}</th>
                    <th scope="col">{version_n(lang, to)}</th>
                    <th scope="col">{i18n.tr(Key::LcChange)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
