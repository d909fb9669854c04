//! A planner's spreadsheet in: the template (XLSX with the columns, lists
//! to choose area, form, host party and cost from, and a sheet explaining
//! each column) and the reading of a filled-in file into new activities,
//! every fault named by row and column. Whole-file faults (not a
//! spreadsheet, formulas, unknown columns, too many or duplicate rows) refuse
//! the file at once. Nothing here writes: see `models::imports`.

use std::collections::HashSet;
use std::io::Cursor;

use calamine::{Data, DataType, Reader, Xlsx, open_workbook_from_rs};
use chrono::NaiveDate;
use concord_shared::api::{CostArrangement, ImportError, ImportRow, NewActivity, SideInput};
use concord_shared::paper::lists::ListText;
use concord_shared::paper::{Text, cost_label};
use concord_shared::{CooperationArea, CooperationForm, Lang, Party};
use rust_xlsxwriter::{DataValidation, Format, Workbook, XlsxError};

use crate::error::AppError;
use crate::models::Check;

/// What a missing cell reads as.
static EMPTY: Data = Data::Empty;

/// The most rows a file may hold.
pub const MAX_ROWS: usize = 2_000;

/// The columns, in the template's order: header and explanation.
const COLUMNS: [(Header, [&str; 3]); 12] = [
    (
        Header::T(Text::ColActivity),
        [
            "Required. The activity's title.",
            "Məcburidir. Tədbirin adı.",
            "სავალდებულოა. ღონისძიების სახელწოდება.",
        ],
    ),
    (
        Header::L(ListText::Description),
        [
            "What the activity is about.",
            "Tədbirin məzmunu.",
            "ღონისძიების შინაარსი.",
        ],
    ),
    (
        Header::T(Text::ColArea),
        [
            "Required. Choose from the list.",
            "Məcburidir. Siyahıdan seçin.",
            "სავალდებულოა. აირჩიეთ სიიდან.",
        ],
    ),
    (
        Header::T(Text::ColForm),
        [
            "Required. Choose from the list.",
            "Məcburidir. Siyahıdan seçin.",
            "სავალდებულოა. აირჩიეთ სიიდან.",
        ],
    ),
    (
        Header::T(Text::ColHost),
        [
            "Required. Choose from the list.",
            "Məcburidir. Siyahıdan seçin.",
            "სავალდებულოა. აირჩიეთ სიიდან.",
        ],
    ),
    (
        Header::T(Text::ColPlace),
        [
            "Required. City or unit.",
            "Məcburidir. Şəhər və ya hərbi hissə.",
            "სავალდებულოა. ქალაქი ან ქვედანაყოფი.",
        ],
    ),
    (
        Header::T(Text::ColStart),
        [
            "A date in the plan's year, or leave empty and give the month.",
            "Planın ilinə aid tarix; və ya boş saxlayıb ayı göstərin.",
            "თარიღი გეგმის წელს, ან დატოვეთ ცარიელი და მიუთითეთ თვე.",
        ],
    ),
    (
        Header::T(Text::ColEnd),
        [
            "A date, not before the first day (optional).",
            "Başlama tarixindən əvvəl olmayan tarix (istəyə bağlı).",
            "თარიღი, არა უადრეს დაწყებისა (არასავალდებულო).",
        ],
    ),
    (
        Header::T(Text::ColMonth),
        [
            "1 to 12, when the dates are not known yet.",
            "Tarixlər hələ məlum deyilsə, 1-dən 12-yə qədər.",
            "1-დან 12-მდე, როცა თარიღები ჯერ უცნობია.",
        ],
    ),
    (
        Header::T(Text::ColCost),
        [
            "Required. Choose from the list.",
            "Məcburidir. Siyahıdan seçin.",
            "სავალდებულოა. აირჩიეთ სიიდან.",
        ],
    ),
    (
        Header::T(Text::ColParticipants),
        [
            "Your party's participants, 0 to 10,000 (optional).",
            "Tərəfinizin iştirakçıları, 0-dan 10 000-ə qədər (istəyə bağlı).",
            "თქვენი მხარის მონაწილეები, 0-დან 10 000-მდე (არასავალდებულო).",
        ],
    ),
    (
        Header::T(Text::ColUnits),
        [
            "Your party's responsible unit (optional).",
            "Tərəfinizin məsul bölməsi (istəyə bağlı).",
            "თქვენი მხარის პასუხისმგებელი ქვედანაყოფი (არასავალდებულო).",
        ],
    ),
];

#[derive(Clone, Copy)]
enum Header {
    T(Text),
    L(ListText),
}

impl Header {
    fn get(self, lang: Lang) -> &'static str {
        match self {
            Header::T(t) => t.get(lang),
            Header::L(t) => t.get(lang),
        }
    }
}

const COSTS: [CostArrangement; 4] = [
    CostArrangement::SendingPartyPays,
    CostArrangement::HostPartyPays,
    CostArrangement::Shared,
    CostArrangement::ThirdParty,
];

/// A cost arrangement's wire code.
fn cost_code(cost: CostArrangement) -> &'static str {
    match cost {
        CostArrangement::SendingPartyPays => "sending_party_pays",
        CostArrangement::HostPartyPays => "host_party_pays",
        CostArrangement::Shared => "shared",
        CostArrangement::ThirdParty => "third_party",
    }
}

fn failed(e: XlsxError) -> AppError {
    AppError::Internal(anyhow::anyhow!("writing the import template: {e}"))
}

/// The template in `lang`: the header row, a list to choose from under each
/// closed column, and a second sheet explaining each column.
pub fn template(lang: Lang) -> Result<Vec<u8>, AppError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(ListText::SheetActivities.get(lang)).map_err(failed)?;
    for (c, (header, _)) in COLUMNS.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or_default();
        sheet
            .write_string_with_format(0, c, header.get(lang), &bold)
            .map_err(failed)?;
        sheet.set_column_width(c, 24).map_err(failed)?;
    }
    let lists: [(u16, Vec<&str>); 4] = [
        (2, CooperationArea::ALL.iter().map(|a| a.label(lang)).collect()),
        (3, CooperationForm::ALL.iter().map(|f| f.label(lang)).collect()),
        (4, Party::ALL.iter().map(|p| p.label(lang)).collect()),
        (9, COSTS.iter().map(|c| cost_label(*c, lang)).collect()),
    ];
    // Lists too long for an inline list (255 characters) refer to a range.
    let help = book.add_worksheet();
    help.set_name(ListText::SheetHelp.get(lang)).map_err(failed)?;
    help.write_string_with_format(0, 0, ListText::Title.get(lang), &bold)
        .map_err(failed)?;
    help.write_string_with_format(0, 1, ListText::Meaning.get(lang), &bold)
        .map_err(failed)?;
    help.set_column_width(0, 30).map_err(failed)?;
    help.set_column_width(1, 80).map_err(failed)?;
    for (r, (header, meaning)) in COLUMNS.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or_default();
        help.write_string(r, 0, header.get(lang)).map_err(failed)?;
        let text = match lang {
            Lang::En => meaning[0],
            Lang::Az => meaning[1],
            Lang::Ka => meaning[2],
        };
        help.write_string(r, 1, text).map_err(failed)?;
    }
    let help_name = ListText::SheetHelp.get(lang).replace('\'', "''");
    let mut validations = Vec::new();
    for (i, (col, values)) in lists.iter().enumerate() {
        let list_col = u16::try_from(3 + i).unwrap_or_default();
        for (r, v) in values.iter().enumerate() {
            help.write_string(u32::try_from(r).unwrap_or_default(), list_col, *v)
                .map_err(failed)?;
        }
        let letter = char::from(b'A' + u8::try_from(list_col).unwrap_or_default());
        let range = format!("='{help_name}'!${letter}$1:${letter}${}", values.len());
        validations.push((*col, DataValidation::new().allow_list_formula(range.as_str().into())));
    }
    let sheet = book.worksheet_from_index(0).map_err(failed)?;
    let last = u32::try_from(MAX_ROWS).unwrap_or_default();
    for (col, validation) in &validations {
        sheet
            .add_data_validation(1, *col, last, *col, validation)
            .map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

fn file_error(code: &str, message: impl Into<String>) -> AppError {
    Check::error("file", code, message)
}

/// A cell as text (numbers without a fraction as whole numbers).
fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.trim().to_owned(),
        Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
        Data::Empty => String::new(),
        other => other.to_string().trim().to_owned(),
    }
}

/// The closed-list value whose code or label (in any language) is `value`.
fn pick<T: Copy>(all: &[T], value: &str, code: fn(T) -> &'static str, label: fn(T, Lang) -> &'static str) -> Option<T> {
    let wanted = value.trim().to_lowercase();
    all.iter()
        .copied()
        .find(|v| code(*v) == wanted || Lang::ALL.iter().any(|l| label(*v, *l).to_lowercase() == wanted))
}

fn date(cell: &Data) -> Result<Option<NaiveDate>, String> {
    if matches!(cell, Data::DateTime(_) | Data::DateTimeIso(_)) {
        return cell.as_date().map(Some).ok_or_else(|| cell.to_string());
    }
    let t = text(cell);
    if t.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(&t, "%Y-%m-%d").map(Some).map_err(|_| t)
}

fn not_a_spreadsheet() -> AppError {
    AppError::UnsupportedType(concord_shared::problem::FieldError {
        field: "file".into(),
        code: "not_a_spreadsheet".into(),
        message: "the file is neither an XLSX workbook nor a UTF-8 CSV file".into(),
    })
}

/// A CSV file's records as cells: UTF-8 (a byte order mark is skipped),
/// RFC 4180 quoting, separated by commas, semicolons (as spreadsheet
/// programs write CSV where the comma is the decimal sign) or tabs,
/// whichever the header line uses most.
fn csv_rows(bytes: &[u8]) -> Result<Vec<Vec<Data>>, AppError> {
    let text = std::str::from_utf8(bytes).map_err(|_| not_a_spreadsheet())?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // Text, not a binary file that happens to be valid UTF-8.
    if text.contains('\0') {
        return Err(not_a_spreadsheet());
    }
    let first = text.lines().next().unwrap_or_default();
    let separator = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|s| first.bytes().filter(|b| b == s).count())
        .unwrap_or(b',');
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| file_error("unreadable", format!("the CSV cannot be read: {e}")))?;
        rows.push(record.iter().map(|v| Data::String(v.to_owned())).collect());
        if rows.len() > MAX_ROWS + 1 {
            return Err(file_error("too_many_rows", format!("at most {MAX_ROWS} rows")));
        }
    }
    Ok(rows)
}

/// The first sheet of an XLSX workbook as cells; formulas refused.
fn xlsx_rows(bytes: &[u8]) -> Result<Vec<Vec<Data>>, AppError> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| not_a_spreadsheet())?;
    let first = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| file_error("empty", "the workbook has no sheet"))?;
    let range = book
        .worksheet_range(&first)
        .map_err(|_| file_error("unreadable", "the first sheet cannot be read"))?;
    if book
        .worksheet_formula(&first)
        .is_ok_and(|f| f.used_cells().any(|(_, _, f)| !f.is_empty()))
    {
        return Err(file_error("formula", "the sheet holds formulas: enter values only"));
    }
    Ok(range.rows().map(<[Data]>::to_vec).collect())
}

/// The file's rows as new activities, and the faults of each row named by
/// row and column (headers in any of the three languages; messages name
/// the columns in `lang`). An XLSX workbook (its first sheet) or a CSV file
/// with the template's columns. Whole-file faults are a 415 or 422 on `file`.
pub fn read(bytes: &[u8], lang: Lang) -> Result<(Vec<ImportRow>, Vec<ImportError>), AppError> {
    // An XLSX file is a ZIP archive; anything else is read as CSV.
    let all = if bytes.starts_with(b"PK\x03\x04") {
        xlsx_rows(bytes)?
    } else {
        csv_rows(bytes)?
    };
    let mut rows = all.iter().map(Vec::as_slice);
    let header = rows.next().ok_or_else(|| file_error("empty", "the sheet is empty"))?;
    let mut columns = Vec::new();
    for cell in header {
        let name = text(cell);
        let found = COLUMNS
            .iter()
            .position(|(h, _)| Lang::ALL.iter().any(|l| h.get(*l) == name));
        match found {
            Some(i) => columns.push(i),
            None if name.is_empty() => columns.push(usize::MAX),
            None => return Err(file_error("unknown_column", format!("unknown column {name:?}"))),
        }
    }
    let data: Vec<&[Data]> = rows.filter(|r| r.iter().any(|c| !text(c).is_empty())).collect();
    if data.len() > MAX_ROWS {
        return Err(file_error("too_many_rows", format!("at most {MAX_ROWS} rows")));
    }
    let mut seen = HashSet::new();
    let (mut out, mut errors) = (Vec::new(), Vec::new());
    for (i, cells) in data.iter().enumerate() {
        let row = u32::try_from(i + 2).unwrap_or(u32::MAX);
        let key: Vec<String> = cells.iter().map(text).collect();
        if !seen.insert(key) {
            return Err(file_error("duplicate_row", format!("row {row} repeats an earlier row")));
        }
        let cell = |col: usize| {
            columns
                .iter()
                .position(|c| *c == col)
                .and_then(|p| cells.get(p))
                .unwrap_or(&EMPTY)
        };
        let faults_before = errors.len();
        let mut fault = |col: usize, code: &str, value: String, message: String| {
            errors.push(ImportError {
                row,
                column: COLUMNS[col].0.get(lang).to_owned(),
                field: FIELDS[col].to_owned(),
                code: code.to_owned(),
                value: Some(value),
                message,
            });
        };
        let mut closed = |col: usize, found: Option<()>| {
            if found.is_none() {
                let value = text(cell(col));
                let message = format!("{value:?} is not one of the list");
                fault(col, "not_in_list", value, message);
            }
        };
        let area = pick(
            CooperationArea::ALL,
            &text(cell(2)),
            CooperationArea::code,
            CooperationArea::label,
        );
        let form = pick(
            CooperationForm::ALL,
            &text(cell(3)),
            CooperationForm::code,
            CooperationForm::label,
        );
        let host = pick(Party::ALL, &text(cell(4)), Party::code, Party::label);
        let cost = pick(&COSTS, &text(cell(9)), cost_code, cost_label);
        closed(2, area.map(|_| ()));
        closed(3, form.map(|_| ()));
        closed(4, host.map(|_| ()));
        closed(9, cost.map(|_| ()));
        let start = date(cell(6)).unwrap_or_else(|t| {
            fault(6, "not_a_date", t.clone(), format!("{t} is not a date"));
            None
        });
        let end = date(cell(7)).unwrap_or_else(|t| {
            fault(7, "not_a_date", t.clone(), format!("{t} is not a date"));
            None
        });
        let month = match text(cell(8)) {
            t if t.is_empty() => None,
            t => t.parse::<u32>().ok().or_else(|| {
                fault(8, "not_a_month", t.clone(), format!("{t} is not a month number"));
                None
            }),
        };
        let participants = match text(cell(10)) {
            t if t.is_empty() => None,
            t => t.parse::<i64>().ok().or_else(|| {
                fault(10, "not_a_number", t.clone(), format!("{t} is not a whole number"));
                None
            }),
        };
        // A row with a fault of its own is not tried further (its other
        // faults would only echo this one).
        if errors.len() > faults_before {
            continue;
        }
        if let (Some(area), Some(form), Some(host_party), Some(cost)) = (area, form, host, cost) {
            out.push(ImportRow {
                row,
                activity: NewActivity {
                    title: text(cell(0)),
                    description: text(cell(1)),
                    lang: None,
                    area,
                    area_other: None,
                    form,
                    form_other: None,
                    host_party,
                    location: text(cell(5)),
                    start_date: start,
                    end_date: end,
                    month,
                    cost,
                    own_side: Some(SideInput {
                        participants,
                        responsible_unit: text(cell(11)),
                        point_of_contact: String::new(),
                    }),
                },
            });
        }
    }
    Ok((out, errors))
}

/// The template's column headers in `lang`, in order (a file may name them
/// in any of the three languages).
pub fn headers(lang: Lang) -> Vec<String> {
    COLUMNS.iter().map(|(h, _)| h.get(lang).to_owned()).collect()
}

/// The field of `NewActivity` each column fills, in the columns' order.
const FIELDS: [&str; 12] = [
    "title",
    "description",
    "area",
    "form",
    "host_party",
    "location",
    "start_date",
    "end_date",
    "month",
    "cost",
    "own_side.participants",
    "own_side.responsible_unit",
];

/// The column a field of `NewActivity` is entered in, named in `lang`.
pub fn column_of(field: &str, lang: Lang) -> String {
    let col = match field {
        "title" => 0,
        "description" => 1,
        "area" | "area_other" => 2,
        "form" | "form_other" => 3,
        "host_party" => 4,
        "location" => 5,
        "start_date" => 6,
        "end_date" => 7,
        "month" => 8,
        "cost" => 9,
        "own_side.participants" => 10,
        "own_side.responsible_unit" => 11,
        other => return other.to_owned(),
    };
    COLUMNS[col].0.get(lang).to_owned()
}
