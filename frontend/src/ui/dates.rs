//! Dates as the web app reads and writes them: `YYYY-MM-DD` for inputs and
//! the API, the language's own way for people.

use chrono::{Datelike, NaiveDate};

use crate::i18n::{I18n, format_iso_date};

/// `YYYY-MM-DD`, written by hand: chrono's formatting machinery would add
/// kilobytes to the wasm.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// Parses `YYYY-MM-DD` (what a date input gives), by hand for the same reason.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let mut parts = text.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A date the way the language writes it; "—" when there is none.
pub fn date_text(date: Option<NaiveDate>, i18n: I18n) -> String {
    date.map_or_else(|| "—".to_owned(), |d| format_iso_date(&iso(d), i18n.lang()))
}

/// Today in the browser's calendar, as the date input's `YYYY-MM-DD`.
pub fn today_iso() -> String {
    let now = web_sys::js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// The current year in the browser's calendar.
pub fn this_year() -> i32 {
    i32::try_from(web_sys::js_sys::Date::new_0().get_full_year()).unwrap_or(0)
}
