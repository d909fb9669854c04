//! A plan's activities by date and in figures: the calendar (a month grid,
//! tentative activities listed under their month), the timeline (one row per
//! area of co-operation over the year) and the dashboard (counts per consent
//! state, area and form, reciprocity and, once signed, the execution report)
//! as inline SVG bar charts, each with its figures as a table. The calendar
//! and the timeline take the board's filters from the URL.

use chrono::{Datelike, NaiveDate};
use concord_client::Client;
use concord_shared::api::{Activity, ActivityCounts, ExecutionFigures, ExecutionReport, Page};
use concord_shared::plan::ConsentState;
use concord_shared::{CooperationArea, CooperationForm, Party, Problem};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::auth::Auth;
use crate::i18n::{I18n, Key, month_name};
use crate::live::Live;
use crate::ui::feedback::LoadError;
use crate::ui::filters::{FilterBar, QueryNav, filter_from_query};
use crate::ui::labels::{consent_key, schedule_text};
use crate::ui::paper::DownloadPdf;
use crate::ui::plan_nav::{PlanHeader, route_year};
use crate::ui::texts::{LocalTitle, title_in};
use crate::ui::{Content, Loader, format_number};

/// Every activity of `year` the URL's filters select, all pages in one. The
/// calendar drops the month filter: its month is the one it shows. (A page,
/// as the board's resource, so that the wasm carries one resource type.)
fn all_activities(year: Memo<i32>, keep_month: bool) -> LocalResource<Result<Page<Activity>, Problem>> {
    let client = expect_context::<Client>();
    let auth = expect_context::<Auth>();
    let query = filter_from_query();
    // A memo, so that paging through the calendar's months fetches nothing.
    let filter = Memo::new(move |_| {
        let mut f = query.get();
        if !keep_month {
            f.month = None;
        }
        f.sort = Some("start".to_owned());
        f.limit = Some(500);
        f.offset = None;
        f
    });
    let live = expect_context::<Live>();
    LocalResource::new(move || {
        live.tick();
        let client = client.clone();
        let mut filter = filter.get();
        let year = year.get();
        async move {
            let mut all = auth.call(client.activities(year, &filter)).await?;
            while (all.items.len() as u64) < all.total {
                filter.offset = Some(all.items.len() as u64);
                let page = auth.call(client.activities(year, &filter)).await?;
                if page.items.is_empty() {
                    break;
                }
                all.items.extend(page.items);
            }
            Ok(all)
        }
    })
}

/// The first and last day of an activity: its dates, or its tentative month whole.
fn span(a: &Activity) -> Option<(NaiveDate, NaiveDate)> {
    match (a.start_date, a.month) {
        (Some(start), _) => Some((start, a.end_date.unwrap_or(start).max(start))),
        (None, Some(m)) => {
            let first = NaiveDate::from_ymd_opt(a.year, m, 1)?;
            Some((first, last_of_month(a.year, m)))
        }
        _ => None,
    }
}

fn last_of_month(year: i32, month: u32) -> NaiveDate {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).unwrap_or_default()
}

/// A link to an activity, its reference before the title (in the user's language).
fn activity_link(a: &Activity, class: &'static str) -> impl IntoView + use<> {
    let reference = a.reference.clone().map(|r| format!("{r} "));
    let titled = a.clone();
    view! { <a href=format!("/activities/{}", a.id) class=class data-activity=a.id>{reference}<LocalTitle activity=titled /></a> }
}

/// The calendar: one month's grid (the board's filters apply), the month's
/// tentative activities under it; the month is `?month=` (the filter bar's).
#[component]
pub fn CalendarPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let year = route_year();
    let query = use_query_map();
    let nav = QueryNav::new();
    let list = all_activities(year, false);
    let month = Memo::new(move |_| {
        query
            .with(|q| q.get("month").and_then(|m| m.parse::<u32>().ok()))
            .filter(|m| (1..=12).contains(m))
            .unwrap_or_else(|| {
                // This month in this year's plan, else January.
                let today = web_sys::js_sys::Date::new_0();
                if today.get_full_year() as i32 == year.get() {
                    today.get_month() + 1
                } else {
                    1
                }
            })
    });
    let content: Content = std::sync::Arc::new(move || {
        list.get().map(|result| match result {
            Ok(page) => month_grid(i18n, year.get(), month.get(), &page.items).into_any(),
            Err(problem) => view! { <LoadError problem on_retry=move |_| list.refetch() /> }.into_any(),
        })
    });
    let step = move |by: i32| {
        let m = month.get_untracked() as i32 + by;
        nav.set("month", m.clamp(1, 12).to_string());
    };
    view! {
        <PlanHeader year=year.get_untracked() />
        <FilterBar />
        <nav class="form-actions month-nav" aria-label=i18n.tr(Key::ViewsMonthNav)>
            <button type="button" class="secondary" data-testid="prev-month" disabled={move || month.get() <= 1} on:click=move |_| step(-1)>
                {i18n.tr(Key::ViewsPrevMonth)}
            </button>
            <button type="button" class="secondary" data-testid="next-month" disabled={move || month.get() >= 12} on:click=move |_| step(1)>
                {i18n.tr(Key::ViewsNextMonth)}
            </button>
        </nav>
        <Loader content />
    }
}

fn month_grid(i18n: I18n, year: i32, month: u32, items: &[Activity]) -> impl IntoView + use<> {
    let lang = i18n.lang();
    let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default();
    let last = last_of_month(year, month);
    let lead = first.weekday().num_days_from_monday();
    let days = last.day();
    let weekdays: Vec<&str> = i18n.t(Key::ViewsWeekdays).split(',').collect();
    let dated: Vec<(&Activity, NaiveDate, NaiveDate)> = items
        .iter()
        .filter(|a| a.start_date.is_some())
        .filter_map(|a| span(a).map(|(s, e)| (a, s, e)))
        .filter(|(_, s, e)| *s <= last && *e >= first)
        .collect();
    let weeks = (lead + days).div_ceil(7);
    let rows = (0..weeks)
        .map(|w| {
            let cells = (0..7)
                .map(|d| {
                    let n = (w * 7 + d) as i64 - i64::from(lead) + 1;
                    let Some(date) = u32::try_from(n)
                        .ok()
                        .filter(|n| (1..=days).contains(n))
                        .and_then(|n| first.with_day(n))
                    else {
                        return view! { <td class="cal-off"></td> }.into_any();
                    };
                    let entries = dated
                        .iter()
                        .filter(|(_, s, e)| *s <= date && date <= *e)
                        .map(|(a, s, e)| {
                            let class = if s == e { "cal-entry" } else { "cal-entry spans" };
                            // The link where it begins (or where the week or month does);
                            // a marked continuation on the other days it spans.
                            if *s == date || d == 0 || date == first {
                                activity_link(a, class).into_any()
                            } else {
                                let title = title_in(a, lang);
                                view! { <span class="cal-cont" data-activity=a.id>{"↳ "}{title}</span> }.into_any()
                            }
                        })
                        .collect_view();
                    view! {
                        <td data-date=crate::ui::dates::iso(date)>
                            <span class="cal-day">{date.day()}</span>
                            {entries}
                        </td>
                    }
                    .into_any()
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    let tentative: Vec<&Activity> = items
        .iter()
        .filter(|a| a.start_date.is_none() && a.month == Some(month))
        .collect();
    let empty = dated.is_empty() && tentative.is_empty();
    let title = format!("{} {year}", month_name(lang, month));
    view! {
        <h2 id="cal-title">{title.clone()}</h2>
        <div class="table-scroll">
            <table class="calendar" data-testid="calendar" data-month=month aria-labelledby="cal-title">
                <thead><tr>{weekdays.into_iter().map(|w| view! { <th scope="col">{w.to_owned()}</th> }).collect_view()}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {empty.then(|| view! { <p class="empty card" data-testid="empty">{i18n.t(Key::ViewsNothingThisMonth)}</p> })}
        {(!tentative.is_empty()).then(|| view! {
            <section class="card" data-testid="tentative" aria-labelledby="cal-tentative">
                <h2 id="cal-tentative">{i18n.t(Key::ViewsTentativeIn).replace("{month}", &title)}</h2>
                <ul>{tentative.into_iter().map(|a| view! { <li>{activity_link(a, "tentative")}</li> }).collect_view()}</ul>
            </section>
        })}
    }
}

/// The timeline: the year, one row per area of co-operation, each activity a
/// bar from its first to its last day (a tentative month spans the month,
/// marked); the same as a table below for reading in order.
#[component]
pub fn TimelinePage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let year = route_year();
    let list = all_activities(year, true);
    let content: Content = std::sync::Arc::new(move || {
        list.get().map(|result| match result {
            Ok(page) => timeline(i18n, year.get(), page.items).into_any(),
            Err(problem) => view! { <LoadError problem on_retry=move |_| list.refetch() /> }.into_any(),
        })
    });
    view! {
        <PlanHeader year=year.get_untracked() />
        <FilterBar />
        <Loader content />
    }
}

fn timeline(i18n: I18n, year: i32, items: Vec<Activity>) -> impl IntoView {
    let lang = i18n.lang();
    let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    // Positions in hundredths of a per cent: integer arithmetic only, so the
    // wasm carries no float formatting.
    let length = (last_of_month(year, 12) - first).num_days() + 1;
    let at = |date: NaiveDate| (date - first).num_days() * 10_000 / length;
    // In the server's order (by start); no sort here, which keeps the wasm small.
    let placed: Vec<(Activity, NaiveDate, NaiveDate)> = items
        .into_iter()
        .filter_map(|a| span(&a).map(|(s, e)| (a, s, e)))
        .collect();
    let months = (1..=12u32)
        .map(|m| view! { <span>{month_name(lang, m).chars().take(3).collect::<String>()}</span> })
        .collect_view();
    let rows = CooperationArea::ALL
        .iter()
        .map(|area| {
            // Overlapping bars go on separate lanes: the first lane where the bar
            // overlaps nothing (whatever order the bars come in).
            let mut lanes: Vec<Vec<(NaiveDate, NaiveDate)>> = Vec::new();
            let bars = placed
                .iter()
                .filter(|(a, ..)| a.area == *area)
                .map(|(a, s, e)| {
                    let free = |lane: &Vec<(NaiveDate, NaiveDate)>| lane.iter().all(|(ls, le)| le < s || e < ls);
                    let lane = lanes.iter().position(free).unwrap_or(lanes.len());
                    if lane == lanes.len() {
                        lanes.push(Vec::new());
                    }
                    lanes[lane].push((*s, *e));
                    let tentative = a.start_date.is_none();
                    let left = at(*s);
                    let width = (at(*e + chrono::Days::new(1)) - left).max(80);
                    // Set through the CSSOM (`style:`), which the CSP allows; a style attribute it blocks.
                    let percent = |v: i64| format!("{}.{:02}%", v / 100, v % 100);
                    let (left, width, top) = (percent(left), percent(width), format!("{}px", lane * 30));
                    let title = title_in(a, lang);
                    let text = if tentative { format!("~ {title}") } else { title.clone() };
                    let hidden = format!(
                        " — {}{}",
                        schedule_text(a.when(), lang),
                        if tentative { format!(", {}", i18n.t(Key::ViewsTentative)) } else { String::new() }
                    );
                    view! {
                        <a href=format!("/activities/{}", a.id) class="tl-bar" class:tentative=tentative style:left=left style:width=width style:top=top data-activity=a.id title=title>
                            {text}<span class="vh">{hidden}</span>
                        </a>
                    }
                })
                .collect_view();
            let height = format!("height:{}px", lanes.len().max(1) * 30);
            let label_id = format!("tl-{}", area.code());
            let labelled = label_id.clone();
            view! {
                <div class="tl-row" role="group" aria-labelledby=labelled data-area=area.code()>
                    <span class="tl-label" id=label_id>{area.label(lang)}</span>
                    <div class="tl-track" style:height=height>{bars}</div>
                </div>
            }
        })
        .collect_view();
    let table_rows = CooperationArea::ALL
        .iter()
        .flat_map(|area| placed.iter().filter(move |(a, ..)| a.area == *area))
        .map(|(a, ..)| {
            view! {
                <tr>
                    <td>{a.area.label(lang)}</td>
                    <td>{activity_link(a, "")}</td>
                    <td>{schedule_text(a.when(), lang)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="timeline" data-testid="timeline">
            <div class="tl-row tl-head" aria-hidden="true"><span class="tl-label"></span><div class="tl-months">{months}</div></div>
            {rows}
        </div>
        {placed.is_empty().then(|| view! { <p class="empty card" data-testid="empty">{i18n.t(Key::NoActivitiesMatch)}</p> })}
        <details class="card">
            <summary>{i18n.t(Key::ViewsAsTable)}</summary>
            <table class="data">
                <thead><tr><th scope="col">{i18n.t(Key::Area)}</th><th scope="col">{i18n.t(Key::Title)}</th><th scope="col">{i18n.t(Key::When)}</th></tr></thead>
                <tbody>{table_rows}</tbody>
            </table>
        </details>
    }
}

/// One row of a [`BarChart`]: wire code, label, value.
type Bar = (&'static str, String, u64);

/// A horizontal bar chart in inline SVG (`role="img"`, every figure in its
/// label) with the same figures as a table: the one chart of the dashboard.
#[component]
fn BarChart(
    /// Names the chart in tests (`data-chart`).
    name: &'static str,
    /// The caption.
    caption: String,
    /// The heading of the table's first column.
    head: Key,
    /// The bars, in order.
    bars: Vec<Bar>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let lang = i18n.lang();
    let max = bars.iter().map(|b| b.2).max().unwrap_or(0).max(1);
    let summary: Vec<String> = bars
        .iter()
        .map(|(_, l, v)| format!("{l}: {}", format_number(*v, lang)))
        .collect();
    let label = format!("{caption}. {}", summary.join("; "));
    let height = bars.len() * 30 + 4;
    let marks = bars
        .iter()
        .enumerate()
        .map(|(i, (_, l, v))| {
            let y = i * 30;
            let width = (*v * 500 / max).max(u64::from(*v > 0));
            view! {
                <text x="0" y={y + 12}>{l.clone()}</text>
                <rect x="0" y={y + 16} width=width height="10" rx="2" />
                <text x={width + 6} y={y + 26} class="value">{format_number(*v, lang)}</text>
            }
        })
        .collect_view();
    let rows = bars
        .into_iter()
        .map(|(code, l, v)| view! { <tr data-key=code><th scope="row">{l}</th><td data-value=v>{format_number(v, lang)}</td></tr> })
        .collect_view();
    view! {
        <figure class="chart card" data-chart=name>
            <figcaption>{caption}</figcaption>
            <svg role="img" aria-label=label viewBox=format!("0 0 600 {height}") width="100%">{marks}</svg>
            <details>
                <summary>{i18n.t(Key::ViewsAsTable)}</summary>
                <table class="data">
                    <thead><tr><th scope="col">{i18n.t(head)}</th><th scope="col">{i18n.t(Key::ViewsCount)}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}

/// What the dashboard shows: the plan's counts and, once signed, its report.
type Figures = (ActivityCounts, Option<ExecutionReport>);

/// The dashboard: counts per consent state, area and form, reciprocity, and
/// for a signed plan the execution rate and report (final once closed).
#[component]
pub fn DashboardPage() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let client = expect_context::<Client>();
    let auth = expect_context::<Auth>();
    let year = route_year();
    // The counts follow the same filters as the other views.
    let filter = filter_from_query();
    let data = LocalResource::new(move || {
        let client = client.clone();
        let year = year.get();
        let filter = filter.get();
        async move {
            let plan = auth.call(client.plan(year)).await?.value;
            let counts = auth.call(client.activity_counts(year, &filter)).await?;
            let report = match plan.signed_version {
                Some(_) => Some(auth.call(client.report(year)).await?),
                None => None,
            };
            Ok::<Figures, Problem>((counts, report))
        }
    });
    let content: Content = std::sync::Arc::new(move || {
        data.get().map(|result| match result {
            Ok((counts, report)) => dashboard(i18n, counts, report).into_any(),
            Err(problem) => view! { <LoadError problem on_retry=move |_| data.refetch() /> }.into_any(),
        })
    });
    view! {
        <PlanHeader year=year.get_untracked() />
        <FilterBar />
        <Loader content />
    }
}

/// Hosted versus sent per party, from how many activities each party hosts.
fn reciprocity(i18n: I18n, hosted: &dyn Fn(Party) -> u64) -> Vec<Bar> {
    let lang = i18n.lang();
    Party::ALL
        .iter()
        .flat_map(|p| {
            let hosts = i18n.t(Key::ViewsHosts).replace("{party}", p.label(lang));
            let sends = i18n.t(Key::ViewsSends).replace("{party}", p.label(lang));
            let (h, s) = if *p == Party::Az {
                ("az_hosted", "az_sent")
            } else {
                ("ge_hosted", "ge_sent")
            };
            [(h, hosts, hosted(*p)), (s, sends, hosted(p.other()))]
        })
        .collect()
}

fn dashboard(i18n: I18n, counts: ActivityCounts, report: Option<ExecutionReport>) -> impl IntoView {
    let lang = i18n.lang();
    let count_of = |list: &[(Party, u64)], p: Party| list.iter().find(|(q, _)| *q == p).map_or(0, |(_, n)| *n);
    let consent: Vec<Bar> = ConsentState::ALL
        .iter()
        .map(|s| {
            let n = counts.by_consent.iter().find(|(c, _)| c == s).map_or(0, |(_, n)| *n);
            (s.code(), i18n.t(consent_key(*s)).to_owned(), n)
        })
        .collect();
    let areas: Vec<Bar> = CooperationArea::ALL
        .iter()
        .map(|a| {
            (
                a.code(),
                a.label(lang).to_owned(),
                counts.by_area.iter().find(|(c, _)| c == a).map_or(0, |(_, n)| *n),
            )
        })
        .collect();
    let forms: Vec<Bar> = CooperationForm::ALL
        .iter()
        .map(|f| {
            (
                f.code(),
                f.label(lang).to_owned(),
                counts.by_form.iter().find(|(c, _)| c == f).map_or(0, |(_, n)| *n),
            )
        })
        .collect();
    let by_host = counts.by_host.clone();
    let reciprocal = reciprocity(i18n, &|p| count_of(&by_host, p));
    view! {
        <p class="lead" data-testid="total" data-value=counts.total>
            {i18n.t(Key::ViewsTotal).replace("{n}", &format_number(counts.total, lang))}
        </p>
        <div class="charts">
            <BarChart name="consent" caption=i18n.t(Key::ViewsByConsent).to_owned() head=Key::Consent bars=consent />
            <BarChart name="reciprocity" caption=i18n.t(Key::ViewsReciprocity).to_owned() head=Key::Party bars=reciprocal />
            <BarChart name="area" caption=i18n.t(Key::ViewsByArea).to_owned() head=Key::Area bars=areas />
            <BarChart name="form" caption=i18n.t(Key::ViewsByForm).to_owned() head=Key::Form bars=forms />
        </div>
        {report.map(|r| execution(i18n, r))}
    }
}

fn execution(i18n: I18n, r: ExecutionReport) -> impl IntoView {
    let lang = i18n.lang();
    let o = &r.overall;
    let rate = percent(o);
    let statuses: Vec<Bar> = vec![
        ("held", i18n.t(Key::ExecHeld).to_owned(), o.held),
        ("postponed", i18n.t(Key::ExecPostponed).to_owned(), o.postponed),
        ("cancelled", i18n.t(Key::ExecCancelled).to_owned(), o.cancelled),
        ("open", i18n.t(Key::ViewsOpen).to_owned(), o.open),
    ];
    let reciprocal = {
        let list = r.reciprocity.clone();
        reciprocity(i18n, &|p| list.iter().find(|x| x.party == p).map_or(0, |x| x.hosted))
    };
    let heading = i18n
        .t(if r.closed {
            Key::ViewsReportFinal
        } else {
            Key::ViewsReportOngoing
        })
        .replace("{version}", &r.version.to_string());
    let rate_text = i18n
        .t(Key::ViewsRate)
        .replace("{rate}", &rate.to_string())
        .replace("{held}", &format_number(o.held, lang))
        .replace("{total}", &format_number(o.total, lang));
    let area_label =
        |code: &str| CooperationArea::from_code(code).map_or(code.to_owned(), |a| a.label(lang).to_owned());
    let form_label =
        |code: &str| CooperationForm::from_code(code).map_or(code.to_owned(), |f| f.label(lang).to_owned());
    let party_label = |code: &str| {
        code.parse::<Party>()
            .map_or(code.to_owned(), |p| p.label(lang).to_owned())
    };
    view! {
        <section class="report" data-testid="report" data-closed=r.closed.to_string() aria-labelledby="report-heading">
            <h2 id="report-heading">{heading}</h2>
            <p class="lead" data-testid="rate" data-value=rate>{rate_text}</p>
            <DownloadPdf path=format!("/api/v1/plans/{}/report.pdf", r.year) name="report" />
            <div class="charts">
                <BarChart name="execution" caption=i18n.t(Key::FieldExecution).to_owned() head=Key::FieldExecution bars=statuses />
                <BarChart name="signed-reciprocity" caption=i18n.t(Key::ViewsSignedReciprocity).to_owned() head=Key::Party bars=reciprocal />
            </div>
            {report_table(i18n, "report-area", Key::Area, r.by_area.iter().map(|f| (area_label(&f.key), f)).collect())}
            {report_table(i18n, "report-form", Key::Form, r.by_form.iter().map(|f| (form_label(&f.key), f)).collect())}
            {report_table(i18n, "report-party", Key::ProposingParty, r.by_party.iter().map(|f| (party_label(&f.key), f)).collect())}
        </section>
    }
}

/// The share held, in whole per cent (rounded half up; 0 of nothing).
fn percent(f: &ExecutionFigures) -> u64 {
    (f.held * 100 + f.total / 2).checked_div(f.total).unwrap_or(0)
}

/// The execution report's figures per area, form or party.
fn report_table(
    i18n: I18n,
    name: &'static str,
    head: Key,
    rows: Vec<(String, &ExecutionFigures)>,
) -> impl IntoView + use<> {
    let lang = i18n.lang();
    let n = move |v: u64| view! { <td data-value=v>{format_number(v, lang)}</td> };
    let body = rows
        .into_iter()
        .map(|(label, f)| {
            let share = percent(f);
            view! {
                <tr data-key=f.key.clone()>
                    <th scope="row">{label}</th>
                    {n(f.total)}{n(f.held)}{n(f.postponed)}{n(f.cancelled)}{n(f.open)}
                    <td>{format!("{share}%")}</td>
                </tr>
            }
        })
        .collect_view();
    let cols = [
        head,
        Key::ViewsCount,
        Key::ExecHeld,
        Key::ExecPostponed,
        Key::ExecCancelled,
        Key::ViewsOpen,
        Key::ViewsShareHeld,
    ];
    view! {
        // Focusable, so that a keyboard can scroll it when it is wider than the page.
        <div class="table-scroll" tabindex="0" role="region" aria-label=i18n.t(head)>
            <table class="data" data-testid=name>
                <caption class="muted">{i18n.t(head)}</caption>
                <thead><tr>{cols.into_iter().map(|k| view! { <th scope="col">{i18n.t(k)}</th> }).collect_view()}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
