//! Azerbaijani (Latin script).

use super::Key;

pub(super) const MONTHS: [&str; 12] = [
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr",
];

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::Tagline => "Azərbaycan–Gürcüstan müdafiə əməkdaşlığı lövhəsi",
        Key::SkipToContent => "Məzmuna keçin",
        Key::MainNavigation => "Əsas naviqasiya",
        Key::Language => "Dil",
        Key::NavAgreement => "Saziş",
        Key::Footer => "Azərbaycan Respublikası və Gürcüstan Müdafiə Nazirliklərinin birgə planlaşdırma lövhəsi",
        Key::Loading => "Yüklənir…",
        Key::LoadFailedTitle => "Bu səhifəni yükləmək mümkün olmadı",
        Key::ServerUnreachable => "Concord serveri cavab vermədi. Şəbəkə bağlantınızı yoxlayın və yenidən cəhd edin.",
        Key::ServerError => {
            "Concord serveri problem barədə məlumat verdi. Yenidən cəhd edin; problem davam edərsə, administratorunuza bildirin."
        }
        Key::TryAgain => "Yenidən cəhd edin",
        Key::AgreementHeading => "Saziş",
        Key::SignedInOn => "{date} tarixində {place} şəhərində imzalanmışdır.",
        Key::PartiesHeading => "Tərəflər və səlahiyyətli orqanlar",
        Key::CompetentAuthority => "Səlahiyyətli orqan",
        Key::InForceSince => "{date} tarixindən qüvvədədir",
        Key::AreasHeading => "Əməkdaşlıq sahələri",
        Key::FormsHeading => "Əməkdaşlıq formaları",
        Key::NeedsSpecification => "dəqiqləşdirilməlidir",
        Key::NotFoundTitle => "Səhifə tapılmadı",
        Key::NotFoundBody => "Bu ünvanda səhifə yoxdur. Yuxarıdakı naviqasiyadan istifadə edin və ya Sazişə keçin.",
    }
}
