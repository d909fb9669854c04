//! Georgian.

use super::Key;

pub(super) const MONTHS: [&str; 12] = [
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
];

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::Tagline => "აზერბაიჯან–საქართველოს თავდაცვითი თანამშრომლობის დაფა",
        Key::SkipToContent => "შინაარსზე გადასვლა",
        Key::MainNavigation => "მთავარი ნავიგაცია",
        Key::Language => "ენა",
        Key::NavAgreement => "შეთანხმება",
        Key::Footer => "აზერბაიჯანის რესპუბლიკისა და საქართველოს თავდაცვის სამინისტროების ერთობლივი დაგეგმვის დაფა",
        Key::Loading => "იტვირთება…",
        Key::LoadFailedTitle => "ამ გვერდის ჩატვირთვა ვერ მოხერხდა",
        Key::ServerUnreachable => "Concord-ის სერვერმა არ უპასუხა. შეამოწმეთ ქსელთან კავშირი და სცადეთ ხელახლა.",
        Key::ServerError => {
            "Concord-ის სერვერმა პრობლემის შესახებ შეგვატყობინა. სცადეთ ხელახლა; თუ პრობლემა გაგრძელდა, მიმართეთ ადმინისტრატორს."
        }
        Key::TryAgain => "ხელახლა ცდა",
        Key::AgreementHeading => "შეთანხმება",
        Key::SignedInOn => "ხელმოწერილია {date}, ქ. {place}.",
        Key::PartiesHeading => "მხარეები და უფლებამოსილი ორგანოები",
        Key::CompetentAuthority => "უფლებამოსილი ორგანო",
        Key::InForceSince => "ძალაშია {date}-დან",
        Key::AreasHeading => "თანამშრომლობის სფეროები",
        Key::FormsHeading => "თანამშრომლობის ფორმები",
        Key::NeedsSpecification => "დასაზუსტებელია",
        Key::NotFoundTitle => "გვერდი ვერ მოიძებნა",
        Key::NotFoundBody => {
            "ამ მისამართზე გვერდი არ არის. გამოიყენეთ ზემოთ მოცემული ნავიგაცია ან გადადით შეთანხმებაზე."
        }
    }
}
