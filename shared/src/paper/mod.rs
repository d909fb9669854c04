//! The wording of the plan on paper (the signature-ready PDF, the execution
//! report and the exported lists) in English, Azerbaijani and Georgian, and
//! the month names and dates both the web app and the documents write. The
//! web app uses the same table for its download buttons, so a document and
//! the page it comes from never word a thing differently.

use crate::api::{CostArrangement, ExecutionStatus};
use crate::i18n::Lang;

pub mod lists;

/// A text of the documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Text {
    /// The plan's title; `{year}` is replaced.
    PlanTitle,
    /// The base agreement cited under the title.
    AgreementCited,
    /// Heading of the table of accepted activities.
    ActivitiesHeading,
    /// "This document is a draft" line shown on every page while unsigned.
    DraftNotice,
    /// The watermark word of a draft.
    DraftMark,
    /// Version `{n}`.
    VersionN,
    /// Version `{n}`, amending version `{prev}` signed on `{date}`.
    Amends,
    /// The footer's page number: page `{x}` of `{y}`.
    PageXofY,
    /// The SHA-256 label of the footer.
    Sha256,
    /// Explains what the SHA-256 of a draft is.
    DraftSha256,
    /// Table column: running number.
    ColNo,
    /// Table column: reference code.
    ColReference,
    /// Table column: the activity's title.
    ColActivity,
    /// Table column: area of co-operation.
    ColArea,
    /// Table column: form of co-operation.
    ColForm,
    /// Table column: dates or tentative month.
    ColDates,
    /// Table column: place.
    ColPlace,
    /// Table column: host party.
    ColHost,
    /// Table column: participants of each party.
    ColParticipants,
    /// Table column: responsible units of each party.
    ColUnits,
    /// Table column: cost arrangement.
    ColCost,
    /// Table column: execution status.
    ColStatus,
    /// Export column: first day.
    ColStart,
    /// Export column: last day.
    ColEnd,
    /// Export column: tentative month (1–12).
    ColMonth,
    /// Export column: consent state.
    ColConsent,
    /// Export column: the language of the title and description shown (a
    /// code other than the file's marks a fallback: not yet translated).
    ColTextLang,
    /// A tentative month: `{month}` is replaced.
    TentativeMonth,
    /// No activity was accepted.
    NoActivities,
    /// Heading of the signature blocks.
    Signatures,
    /// For the party: `{party}`.
    ForParty,
    /// Signatory.
    Signatory,
    /// Position.
    Position,
    /// Place of signature.
    Place,
    /// Date of signature.
    Date,
    /// The execution report's title; `{year}` and `{version}` are replaced.
    ReportTitle,
    /// The report is final (the plan is closed).
    ReportFinal,
    /// The report is still running.
    ReportOngoing,
    /// Execution rate line: `{rate}`, `{held}`, `{total}`.
    ReportRate,
    /// Section: execution per area.
    ReportByArea,
    /// Section: execution per form.
    ReportByForm,
    /// Section: execution per proposing party.
    ReportByParty,
    /// Section: reciprocity.
    ReportReciprocity,
    /// Total.
    Total,
    /// Not yet held.
    Open,
    /// Activities hosted.
    Hosted,
    /// Delegations sent.
    Sent,
    /// Download button of a PDF.
    DownloadPdf,
    /// Download button of a CSV file.
    DownloadCsv,
    /// Download button of an XLSX file.
    DownloadXlsx,
    /// Label of the language choice for a download.
    DocumentLanguage,
}

impl Text {
    /// The text in one language.
    pub fn get(self, lang: Lang) -> &'static str {
        let [en, az, ka] = self.all();
        match lang {
            Lang::En => en,
            Lang::Az => az,
            Lang::Ka => ka,
        }
    }

    fn all(self) -> [&'static str; 3] {
        use Text::*;
        match self {
            PlanTitle => [
                "Annual plan of co-operation between the Ministry of Defence of the Republic of Azerbaijan and the Ministry of Defence of Georgia for {year}",
                "Azərbaycan Respublikasının Müdafiə Nazirliyi ilə Gürcüstanın Müdafiə Nazirliyi arasında {year}-cü il üçün illik əməkdaşlıq planı",
                "აზერბაიჯანის რესპუბლიკის თავდაცვის სამინისტროსა და საქართველოს თავდაცვის სამინისტროს შორის თანამშრომლობის {year} წლის გეგმა",
            ],
            AgreementCited => [
                "In accordance with the Agreement on cooperation in the field of defence (Baku, 24 April 2023).",
                "Müdafiə sahəsində əməkdaşlıq haqqında Sazişə (Bakı, 24 aprel 2023) uyğun olaraq.",
                "თავდაცვის სფეროში თანამშრომლობის შესახებ შეთანხმების (ბაქო, 2023 წლის 24 აპრილი) შესაბამისად.",
            ],
            ActivitiesHeading => ["Activities", "Tədbirlər", "ღონისძიებები"],
            DraftNotice => [
                "DRAFT: not signed; the text may still change.",
                "LAYİHƏ: imzalanmayıb; mətn hələ dəyişə bilər.",
                "პროექტი: ხელმოწერილი არ არის; ტექსტი შეიძლება შეიცვალოს.",
            ],
            DraftMark => ["DRAFT", "LAYİHƏ", "პროექტი"],
            VersionN => ["Version {n}", "Versiya {n}", "ვერსია {n}"],
            Amends => [
                "Version {n}: amendment of version {prev} (signed {date})",
                "Versiya {n}: {prev} versiyasına dəyişiklik ({date} imzalanıb)",
                "ვერსია {n}: ვერსია {prev}-ის ცვლილება (ხელმოწერილია {date})",
            ],
            PageXofY => ["Page {x} of {y}", "Səhifə {x} / {y}", "გვერდი {x} / {y}"],
            Sha256 => ["SHA-256", "SHA-256", "SHA-256"],
            DraftSha256 => [
                "SHA-256 of this draft",
                "Bu layihənin SHA-256 cəmi",
                "ამ პროექტის SHA-256",
            ],
            ColNo => ["No.", "№", "№"],
            ColReference => ["Reference", "İstinad kodu", "საცნობარო კოდი"],
            ColActivity => ["Activity", "Tədbir", "ღონისძიება"],
            ColArea => ["Area of co-operation", "Əməkdaşlıq sahəsi", "თანამშრომლობის სფერო"],
            ColForm => ["Form of co-operation", "Əməkdaşlıq forması", "თანამშრომლობის ფორმა"],
            ColDates => ["Dates", "Tarixlər", "თარიღები"],
            ColPlace => ["Place", "Yer", "ადგილი"],
            ColHost => ["Host party", "Qəbul edən tərəf", "მასპინძელი მხარე"],
            ColParticipants => ["Participants", "İştirakçılar", "მონაწილეები"],
            ColUnits => ["Responsible unit", "Məsul bölmə", "პასუხისმგებელი ქვედანაყოფი"],
            ColCost => ["Cost arrangement", "Xərclərin ödənilməsi", "ხარჯების დაფარვა"],
            ColStatus => ["Status", "Status", "სტატუსი"],
            ColStart => ["First day", "Başlama tarixi", "დაწყების თარიღი"],
            ColEnd => ["Last day", "Bitmə tarixi", "დასრულების თარიღი"],
            ColMonth => ["Month", "Ay", "თვე"],
            ColConsent => ["Consent", "Razılıq", "თანხმობა"],
            ColTextLang => ["Language of the text", "Mətnin dili", "ტექსტის ენა"],
            TentativeMonth => ["{month} (tentative)", "{month} (təxmini)", "{month} (სავარაუდო)"],
            NoActivities => [
                "No activity has been accepted by both parties.",
                "Hər iki tərəfin qəbul etdiyi tədbir yoxdur.",
                "ორივე მხარის მიერ მიღებული ღონისძიება არ არის.",
            ],
            Signatures => ["Signatures", "İmzalar", "ხელმოწერები"],
            ForParty => ["For the {party}", "{party} adından", "{party} სახელით"],
            Signatory => ["Signatory", "İmzalayan şəxs", "ხელმომწერი"],
            Position => ["Position", "Vəzifə", "თანამდებობა"],
            Place => ["Place of signature", "İmzalanma yeri", "ხელმოწერის ადგილი"],
            Date => ["Date of signature", "İmzalanma tarixi", "ხელმოწერის თარიღი"],
            ReportTitle => [
                "Execution report of the {year} plan, signed version {version}",
                "{year}-cü il planının icra hesabatı, imzalanmış {version} versiyası",
                "{year} წლის გეგმის შესრულების ანგარიში, ხელმოწერილი ვერსია {version}",
            ],
            ReportFinal => [
                "Final: the plan is closed.",
                "Yekun: plan bağlanıb.",
                "საბოლოო: გეგმა დახურულია.",
            ],
            ReportOngoing => [
                "Execution so far: the plan is not closed yet.",
                "İndiyədək icra: plan hələ bağlanmayıb.",
                "შესრულება ამ დრომდე: გეგმა ჯერ არ დახურულა.",
            ],
            ReportRate => [
                "Execution rate: {rate}% held ({held} of {total} activities)",
                "İcra səviyyəsi: {rate}% keçirilib ({total} tədbirdən {held})",
                "შესრულების მაჩვენებელი: {rate}% ჩატარდა ({total} ღონისძიებიდან {held})",
            ],
            ReportByArea => [
                "Execution per area of co-operation",
                "Əməkdaşlıq sahələrinə görə icra",
                "შესრულება თანამშრომლობის სფეროების მიხედვით",
            ],
            ReportByForm => [
                "Execution per form of co-operation",
                "Əməkdaşlıq formalarına görə icra",
                "შესრულება თანამშრომლობის ფორმების მიხედვით",
            ],
            ReportByParty => [
                "Execution per proposing party",
                "Təklif edən tərəfə görə icra",
                "შესრულება შემომთავაზებელი მხარის მიხედვით",
            ],
            ReportReciprocity => [
                "Reciprocity in the signed plan",
                "İmzalanmış planda qarşılıqlılıq",
                "ორმხრივობა ხელმოწერილ გეგმაში",
            ],
            Total => ["Total", "Cəmi", "სულ"],
            Open => ["not yet held", "hələ keçirilməyib", "ჯერ არ ჩატარებულა"],
            Hosted => ["hosted", "qəbul edib", "უმასპინძლა"],
            Sent => ["sent", "göndərib", "გაგზავნა"],
            DownloadPdf => ["Download PDF", "PDF yükləyin", "PDF-ის ჩამოტვირთვა"],
            DownloadCsv => ["Download CSV", "CSV yükləyin", "CSV-ის ჩამოტვირთვა"],
            DownloadXlsx => ["Download XLSX", "XLSX yükləyin", "XLSX-ის ჩამოტვირთვა"],
            DocumentLanguage => ["Language of the document", "Sənədin dili", "დოკუმენტის ენა"],
        }
    }

    /// The text in one language with `{name}` placeholders replaced.
    pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
        let mut text = self.get(lang).to_owned();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

/// Month names, January first.
pub fn months(lang: Lang) -> [&'static str; 12] {
    match lang {
        Lang::En => [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        Lang::Az => [
            "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr",
            "dekabr",
        ],
        Lang::Ka => [
            "იანვარი",
            "თებერვალი",
            "მარტი",
            "აპრილი",
            "მაისი",
            "ივნისი",
            "ივლისი",
            "აგვისტო",
            "სექტემბერი",
            "ოქტომბერი",
            "ნოემბერი",
            "დეკემბერი",
        ],
    }
}

/// The name of month `m` (1–12) in `lang`; empty for anything else.
pub fn month_name(lang: Lang, m: u32) -> &'static str {
    months(lang)
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or_default()
}

/// A date the way each language writes it ("24 April 2023", "24 aprel 2023", "24 აპრილი 2023").
pub fn format_date(date: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    format!("{} {} {}", date.day(), month_name(lang, date.month()), date.year())
}

/// A cost arrangement in words.
pub fn cost_label(cost: CostArrangement, lang: Lang) -> &'static str {
    let [en, az, ka] = match cost {
        CostArrangement::SendingPartyPays => [
            "sending party pays",
            "göndərən tərəf ödəyir",
            "ხარჯებს ფარავს გამგზავნი მხარე",
        ],
        CostArrangement::HostPartyPays => [
            "host party pays",
            "qəbul edən tərəf ödəyir",
            "ხარჯებს ფარავს მასპინძელი მხარე",
        ],
        CostArrangement::Shared => ["shared", "birgə", "გაზიარებული"],
        CostArrangement::ThirdParty => [
            "funded by a third party",
            "üçüncü tərəf maliyyələşdirir",
            "აფინანსებს მესამე მხარე",
        ],
    };
    pick(lang, en, az, ka)
}

/// An execution status in words.
pub fn status_label(status: ExecutionStatus, lang: Lang) -> &'static str {
    let [en, az, ka] = match status {
        ExecutionStatus::Planned => ["planned", "planlaşdırılıb", "დაგეგმილი"],
        ExecutionStatus::Confirmed => ["confirmed", "təsdiqlənib", "დადასტურებული"],
        ExecutionStatus::Held => ["held", "keçirilib", "ჩატარებული"],
        ExecutionStatus::Postponed => ["postponed", "təxirə salınıb", "გადადებული"],
        ExecutionStatus::Cancelled => ["cancelled", "ləğv edilib", "გაუქმებული"],
    };
    pick(lang, en, az, ka)
}

pub(crate) fn pick(lang: Lang, en: &'static str, az: &'static str, ka: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Az => az,
        Lang::Ka => ka,
    }
}

/// The languages of a document: one, or two for a parallel text (`az,ka`,
/// `az,en`, `ka,en`: the parties' languages first, English second).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocLangs {
    /// The first (left-hand) language.
    pub first: Lang,
    /// The second (right-hand) language of a parallel text.
    pub second: Option<Lang>,
}

impl DocLangs {
    /// Every accepted value of `?lang=`, in the order a choice offers them.
    pub const CODES: [&'static str; 6] = ["en", "az", "ka", "az,ka", "az,en", "ka,en"];

    /// Parses `en`, `az`, `ka`, `az,ka`, `az,en` or `ka,en`.
    pub fn parse(code: &str) -> Option<DocLangs> {
        if !Self::CODES.contains(&code) {
            return None;
        }
        let mut parts = code.split(',');
        let first = Lang::from_code(parts.next()?)?;
        let second = match parts.next() {
            Some(c) => Some(Lang::from_code(c)?),
            None => None,
        };
        Some(DocLangs { first, second })
    }

    /// The languages in order.
    pub fn all(self) -> Vec<Lang> {
        std::iter::once(self.first).chain(self.second).collect()
    }

    /// The code as `?lang=` takes it.
    pub fn code(self) -> String {
        self.all().iter().map(|l| l.code()).collect::<Vec<_>>().join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_languages_parse() {
        for code in DocLangs::CODES {
            assert_eq!(DocLangs::parse(code).map(DocLangs::code).as_deref(), Some(code));
        }
        assert_eq!(DocLangs::parse("ka,az"), None);
        assert_eq!(DocLangs::parse("en,en"), None);
        assert_eq!(DocLangs::parse("ru"), None);
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(Text::PageXofY.fill(Lang::En, &[("x", "2"), ("y", "7")]), "Page 2 of 7");
        let date = chrono::NaiveDate::from_ymd_opt(2023, 4, 24).expect("date");
        assert_eq!(format_date(date, Lang::Ka), "24 აპრილი 2023");
    }
}
