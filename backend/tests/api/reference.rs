use concord_shared::{CooperationArea, CooperationForm, Lang, Party, Role};

use crate::helpers::spawn_app;

#[tokio::test]
async fn reference_lists_the_fourteen_areas_and_seven_forms_in_the_agreements_order() {
    let app = spawn_app().await;

    let client = app.login_as(Party::Ge, Role::Viewer).await;

    let reference = client.reference().await.expect("reference answers");

    let areas: Vec<_> = reference.areas.iter().map(|a| a.code).collect();
    assert_eq!(areas, CooperationArea::ALL);
    let forms: Vec<_> = reference.forms.iter().map(|f| f.code).collect();
    assert_eq!(forms, CooperationForm::ALL);
    assert_eq!(reference.areas[12].label.get(Lang::Ka), "ჰუმანიტარული განაღმვა");
    assert_eq!(
        reference.areas[3].label.get(Lang::Az),
        "NATO-nun \"Sülh naminə tərəfdaşlıq\" proqramı çərçivəsində əməkdaşlıq"
    );
    assert_eq!(
        reference.forms[1].label.get(Lang::En),
        "bilateral negotiations, consultations and exchange of experience"
    );
    assert!(reference.areas[13].needs_specification);
    assert!(reference.forms[6].needs_specification);
}

#[tokio::test]
async fn reference_names_both_parties_and_their_competent_authorities_from_the_database() {
    let app = spawn_app().await;

    let client = app.login_as(Party::Ge, Role::Viewer).await;

    let reference = client.reference().await.expect("reference answers");

    let parties: Vec<_> = reference.parties.iter().map(|p| p.code).collect();
    assert_eq!(parties, vec![Party::Az, Party::Ge]);
    assert_eq!(
        reference.parties[0].competent_authority.get(Lang::En),
        "Ministry of Defence of the Republic of Azerbaijan"
    );
    assert_eq!(
        reference.parties[1].competent_authority.get(Lang::Ka),
        "საქართველოს თავდაცვის სამინისტრო"
    );
    assert_eq!(reference.parties[1].name.get(Lang::Az), "Gürcüstan");
    assert_eq!(reference.parties[0].authority_since, "2023-04-24");
    assert_eq!(reference.agreement.signed_on, "2023-04-24");
}

#[tokio::test]
async fn reference_needs_a_signed_in_user() {
    let app = spawn_app().await;

    let problem = app.anonymous().reference().await.expect_err("refused");

    assert_eq!(problem.status, 401);
}
