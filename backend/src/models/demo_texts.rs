//! The demo activities' titles and descriptions in Azerbaijani and Georgian,
//! written by each party for its own language, as the parties would: the
//! proposer writes the original in English, AZ the Azerbaijani text, GE the
//! Georgian one, so a Georgian page of the demo shows Georgian titles.

use concord_shared::api::{Activity, TextInput};
use concord_shared::{Lang, Party};

use super::texts;
use crate::auth::AuthUser;
use crate::error::AppError;
use crate::extract::IfMatch;
use crate::state::AppState;

/// The demo titles (the English pairs of `demo::TITLES`) in Azerbaijani.
const TITLES_AZ: [(&str, &str); 14] = [
    (
        "Dağ-atıcı bölmələrin birgə taktiki təlimi",
        "Bölük komandirləri üçün qərargah kursu",
    ),
    (
        "Regional təhlükəsizlik üzrə ikitərəfli məsləhətləşmələr",
        "Müdafiə planlaşdırması üzrə fikir mübadiləsi",
    ),
    (
        "Sülhməramlı bölmələrin yerləşdirmədən əvvəl hazırlığı",
        "Humanitar yardım təlimi",
    ),
    (
        "Sülh Naminə Tərəfdaşlıq üzrə qarşılıqlı uyğunluq seminarı",
        "Tərəfdaşlıq məqsədlərinin nəzərdən keçirilməsi üzrə görüş",
    ),
    (
        "Silahlara nəzarət üzrə inspektorların seminarı",
        "Vyana Sənədinin icrası üzrə danışıqlar",
    ),
    (
        "Hərbi qanunvericilik üzrə ekspertlərin görüşü",
        "Hərbi ədliyyə islahatı üzrə təcrübə mübadiləsi",
    ),
    (
        "Logistika zabitlərinin qarşılıqlı səfəri",
        "Yanacaq təchizatı zənciri üzrə işçi qrupu",
    ),
    (
        "Mülki-hərbi əməkdaşlıq seminarı",
        "Fəlakətlərə cavab tədbirlərinin əlaqələndirilməsi üzrə məşq",
    ),
    (
        "Müdafiə kibertəhlükəsizliyi təlimi",
        "İnsidentlərə cavab qruplarının təcrübə mübadiləsi",
    ),
    (
        "Hərbi kartoqrafiya üzrə işçi qrupu",
        "Geoməkan məlumatlarının mübadiləsi üzrə seminar",
    ),
    ("Hərbi tibb xidmətləri konfransı", "Səhra hospitalının birgə təlimi"),
    ("Hərbi idman oyunları", "Silahlı qüvvələrin mədəniyyət günləri"),
    (
        "Humanitar minatəmizləmə kursu",
        "Partlayıcı sursatları zərərsizləşdirən qrupların təcrübə mübadiləsi",
    ),
    ("Hərbi orkestrlər festivalı", "Hərbi tarix konfransı"),
];

/// The demo titles in Georgian.
const TITLES_KA: [(&str, &str); 14] = [
    (
        "მთის ქვეითი ქვედანაყოფების ერთობლივი ტაქტიკური სწავლება",
        "ასეულის მეთაურების საშტაბო კურსი",
    ),
    (
        "ორმხრივი კონსულტაციები რეგიონული უსაფრთხოების საკითხებზე",
        "აზრთა გაცვლა თავდაცვის დაგეგმვის საკითხებზე",
    ),
    (
        "სამშვიდობო ქვედანაყოფების წინასადისლოკაციო მომზადება",
        "ჰუმანიტარული დახმარების სწავლება",
    ),
    (
        "„პარტნიორობა მშვიდობისთვის“ ურთიერთთავსებადობის სემინარი",
        "პარტნიორობის მიზნების განხილვის შეხვედრა",
    ),
    (
        "შეიარაღების კონტროლის ინსპექტორების სემინარი",
        "მოლაპარაკებები ვენის დოკუმენტის განხორციელების შესახებ",
    ),
    (
        "სამხედრო კანონმდებლობის ექსპერტთა შეხვედრა",
        "გამოცდილების გაზიარება სამხედრო მართლმსაჯულების რეფორმაზე",
    ),
    (
        "ლოჯისტიკის ოფიცრების გაცვლითი ვიზიტი",
        "საწვავის მიწოდების ჯაჭვის სამუშაო ჯგუფი",
    ),
    (
        "სამოქალაქო-სამხედრო თანამშრომლობის სემინარი",
        "კატასტროფებზე რეაგირების კოორდინაციის წვრთნა",
    ),
    (
        "თავდაცვის კიბერუსაფრთხოების სწავლება",
        "ინციდენტებზე რეაგირების ჯგუფების გამოცდილების გაზიარება",
    ),
    (
        "სამხედრო კარტოგრაფიის სამუშაო ჯგუფი",
        "გეოსივრცითი მონაცემების გაცვლის სემინარი",
    ),
    (
        "სამხედრო სამედიცინო სამსახურების კონფერენცია",
        "საველე ჰოსპიტლის ერთობლივი წვრთნა",
    ),
    ("სამხედრო სპორტული თამაშები", "შეიარაღებული ძალების კულტურის დღეები"),
    (
        "ჰუმანიტარული განაღმვის კურსი",
        "ასაფეთქებელი ჭურვების განაღმვის ჯგუფების გამოცდილების გაზიარება",
    ),
    ("სამხედრო ორკესტრების ფესტივალი", "სამხედრო ისტორიის კონფერენცია"),
];

/// The i-th demo activity's text in Azerbaijani or Georgian (English is the original).
pub fn text(i: usize, year: i32, proposer: Party, lang: Lang) -> TextInput {
    let pick = |pair: (&'static str, &'static str)| if (i / 14).is_multiple_of(2) { pair.0 } else { pair.1 };
    let n = i / 14 + 1;
    let party = proposer.label(lang);
    let (title, description) = match lang {
        Lang::Az => (
            pick(TITLES_AZ[i % 14]),
            format!("İllik əməkdaşlıq planına ({year}) təklif; təşəbbüskar: {party}. Nümunə məlumatlar."),
        ),
        Lang::Ka => (
            pick(TITLES_KA[i % 14]),
            format!(
                "წინადადება წლიური თანამშრომლობის გეგმისთვის ({year}); ინიციატორი: {party}. სადემონსტრაციო მონაცემები."
            ),
        ),
        Lang::En => ("", String::new()),
    };
    TextInput {
        title: format!("{title} ({n})"),
        description,
    }
}

/// Each party writes the i-th demo activity's text in its own language:
/// the proposer always, the other party once the activity is shared.
pub async fn translate(
    state: &AppState,
    planners: [&AuthUser; 2],
    activity: &Activity,
    i: usize,
) -> Result<(), AppError> {
    for planner in planners {
        let lang = concord_shared::rules::texts::language_of(planner.party);
        if planner.party != activity.proposing_party && activity.reference.is_none() {
            continue;
        }
        let input = text(i, activity.year, activity.proposing_party, lang);
        texts::put(planner, state, activity.id, lang, IfMatch::ANY, input).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_text_is_in_its_language() {
        for i in 0..28 {
            let az = text(i, 2026, Party::Az, Lang::Az);
            let ka = text(i, 2026, Party::Ge, Lang::Ka);
            assert_eq!(concord_shared::text::detect_lang(&az.title), Lang::Az, "{}", az.title);
            assert_eq!(concord_shared::text::detect_lang(&ka.title), Lang::Ka, "{}", ka.title);
            assert!(az.title.chars().count() <= 200 && ka.title.chars().count() <= 200);
        }
    }
}
