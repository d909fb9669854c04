//! The wording of the exported lists beyond the plan's own table: the
//! activity's consent state, the instruments register and the diplomatic
//! notification log (headers, sheet names and fixed labels). The web app's
//! pages say the same words; the files take them from here.

use super::pick;
use crate::api::{InstrumentKind, InstrumentStatus};
use crate::i18n::Lang;
use crate::plan::ConsentState;

/// A header or sheet name of an exported list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListText {
    /// Sheet name of the activity list.
    SheetActivities,
    /// Sheet name of the register.
    SheetInstruments,
    /// Sheet name of the notification log.
    SheetNotifications,
    /// Register: title.
    Title,
    /// Register: number.
    Number,
    /// Register: kind.
    Kind,
    /// Register: status as of today.
    Status,
    /// Register: date of signature.
    SignedOn,
    /// Register: place of signature.
    SignedAt,
    /// Register: entry into force.
    InForceOn,
    /// Register: termination.
    TerminatedOn,
    /// Register: one party's signatory.
    Signatory,
    /// Register: one party's internal procedures completed on.
    ProceduresOn,
    /// Log: the sending party.
    SendingParty,
    /// Log: note number.
    NoteNumber,
    /// Log: subject.
    Subject,
    /// Log: sent on.
    SentOn,
    /// Log: received on.
    ReceivedOn,
    /// Log: acknowledged on.
    AcknowledgedOn,
    /// Log: acknowledgement.
    Acknowledgement,
    /// Log: a change of competent authority takes effect on.
    EffectiveOn,
    /// Import template: the activity's description.
    Description,
    /// Import template: name of the sheet explaining the columns.
    SheetHelp,
    /// Import template: the help sheet's column of explanations.
    Meaning,
}

impl ListText {
    /// The text in one language.
    pub fn get(self, lang: Lang) -> &'static str {
        use ListText::*;
        let [en, az, ka] = match self {
            SheetActivities => ["Activities", "Tədbirlər", "ღონისძიებები"],
            SheetInstruments => ["Instruments", "Sənədlər reyestri", "ინსტრუმენტები"],
            SheetNotifications => [
                "Diplomatic notifications",
                "Diplomatik bildirişlər",
                "დიპლომატიური შეტყობინებები",
            ],
            Title => ["Title", "Ad", "სათაური"],
            Number => ["Number", "Nömrə", "ნომერი"],
            Kind => ["Kind", "Növ", "სახე"],
            Status => ["Status", "Status", "სტატუსი"],
            SignedOn => ["Date of signature", "İmza tarixi", "ხელმოწერის თარიღი"],
            SignedAt => ["Place of signature", "İmza yeri", "ხელმოწერის ადგილი"],
            InForceOn => ["Entry into force", "Qüvvəyə minmə", "ძალაში შესვლა"],
            TerminatedOn => ["Termination", "Qüvvədən düşmə", "შეწყვეტა"],
            Signatory => ["Signatory", "İmzalayan şəxs", "ხელმომწერი"],
            ProceduresOn => [
                "Procedures completed on",
                "Prosedurların başa çatma tarixi",
                "პროცედურების დასრულების თარიღი",
            ],
            SendingParty => ["Sent by", "Göndərən", "გამგზავნი"],
            NoteNumber => ["Note number", "Notanın nömrəsi", "ნოტის ნომერი"],
            Subject => ["Subject", "Mövzu", "საგანი"],
            SentOn => ["Sent on", "Göndərilmə tarixi", "გაგზავნის თარიღი"],
            ReceivedOn => ["Received on", "Alınma tarixi", "მიღების თარიღი"],
            AcknowledgedOn => ["Acknowledged on", "Təsdiq tarixi", "დადასტურების თარიღი"],
            Acknowledgement => ["Acknowledgement", "Təsdiq", "დადასტურება"],
            EffectiveOn => ["Takes effect on", "Qüvvəyə minmə tarixi", "ძალაში შესვლის თარიღი"],
            Description => ["Description", "Təsvir", "აღწერა"],
            SheetHelp => ["Columns", "Sütunlar", "სვეტები"],
            Meaning => ["What to enter", "Nə daxil edilməli", "რა შევიტანოთ"],
        };
        pick(lang, en, az, ka)
    }
}

/// A consent state in words.
pub fn consent_label(consent: ConsentState, lang: Lang) -> &'static str {
    let [en, az, ka] = match consent {
        ConsentState::Draft => ["draft", "layihə", "პროექტი"],
        ConsentState::Pending => ["awaiting consent", "razılıq gözlənilir", "თანხმობის მოლოდინში"],
        ConsentState::ChangesRequested => ["changes requested", "dəyişiklik istənilib", "მოთხოვნილია ცვლილებები"],
        ConsentState::AcceptedByAz => ["accepted by AZ", "AZ qəbul edib", "მიღებულია AZ-ის მიერ"],
        ConsentState::AcceptedByGe => ["accepted by GE", "GE qəbul edib", "მიღებულია GE-ის მიერ"],
        ConsentState::Accepted => [
            "accepted by both",
            "hər iki tərəf qəbul edib",
            "მიღებულია ორივე მხარის მიერ",
        ],
        ConsentState::Rejected => ["rejected", "rədd edilib", "უარყოფილია"],
        ConsentState::Withdrawn => ["withdrawn", "geri götürülüb", "გაწვეულია"],
    };
    pick(lang, en, az, ka)
}

/// A kind of instrument in words.
pub fn kind_label(kind: InstrumentKind, lang: Lang) -> &'static str {
    let [en, az, ka] = match kind {
        InstrumentKind::BaseAgreement => ["Agreement", "Saziş", "შეთანხმება"],
        InstrumentKind::AdditionalAgreement => ["additional agreement", "əlavə saziş", "დამატებითი შეთანხმება"],
        InstrumentKind::AnnualPlan => [
            "annual cooperation plan",
            "illik əməkdaşlıq planı",
            "თანამშრომლობის წლიური გეგმა",
        ],
        InstrumentKind::PlanAmendment => ["amendment", "dəyişiklik", "ცვლილება"],
        InstrumentKind::Protocol => ["protocol", "protokol", "ოქმი"],
        InstrumentKind::Minutes => ["minutes", "iclas qeydləri", "შეხვედრის ჩანაწერები"],
    };
    pick(lang, en, az, ka)
}

/// An instrument's status in words.
pub fn instrument_status_label(status: InstrumentStatus, lang: Lang) -> &'static str {
    let [en, az, ka] = match status {
        InstrumentStatus::Unsigned => ["not signed", "imzalanmayıb", "ხელმოუწერელი"],
        InstrumentStatus::Signed => ["signed", "imzalanıb", "ხელმოწერილი"],
        InstrumentStatus::InForce => ["in force", "qüvvədədir", "ძალაშია"],
        InstrumentStatus::Terminated => ["terminated", "qüvvədən düşüb", "შეწყვეტილი"],
    };
    pick(lang, en, az, ka)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_for_spreadsheets() {
        // A sheet name is at most 31 characters and holds none of []:*?/\.
        for t in [
            ListText::SheetActivities,
            ListText::SheetInstruments,
            ListText::SheetNotifications,
        ] {
            for lang in Lang::ALL {
                let name = t.get(lang);
                assert!(name.chars().count() <= 31, "{name}");
                assert!(!name.contains(['[', ']', ':', '*', '?', '/', '\\']), "{name}");
            }
        }
    }
}
