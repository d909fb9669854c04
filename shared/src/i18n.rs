//! Languages of the product and labels in each of them.

use serde::{Deserialize, Serialize};

/// A language of the user interface: English, Azerbaijani (Latin script) or Georgian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "db", derive(sea_orm::DeriveValueType), sea_orm(value_type = "String"))]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Azerbaijani, Latin script.
    Az,
    /// Georgian.
    Ka,
}

impl Lang {
    /// Every language, in the order the language switcher shows them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Az, Lang::Ka];

    /// The BCP 47 code (`en`, `az`, `ka`), as used in `<html lang>` and on the wire.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Az => "az",
            Lang::Ka => "ka",
        }
    }

    /// Parses a language code; unknown codes give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "az" => Some(Lang::Az),
            "ka" => Some(Lang::Ka),
            _ => None,
        }
    }

    /// The language's name in itself, for the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Az => "Azərbaycanca",
            Lang::Ka => "ქართული",
        }
    }
}

crate::domain::code_text!(Lang);

/// One text in the three languages of the product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Labels {
    /// English.
    #[cfg_attr(feature = "openapi", schema(min_length = 1))]
    pub en: String,
    /// Azerbaijani (Latin script).
    #[cfg_attr(feature = "openapi", schema(min_length = 1))]
    pub az: String,
    /// Georgian.
    #[cfg_attr(feature = "openapi", schema(min_length = 1))]
    pub ka: String,
}

impl Labels {
    /// Builds labels from three static texts.
    pub fn new(en: &str, az: &str, ka: &str) -> Labels {
        Labels {
            en: en.to_owned(),
            az: az.to_owned(),
            ka: ka.to_owned(),
        }
    }

    /// The text in one language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Az => &self.az,
            Lang::Ka => &self.ka,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("ru"), None);
    }
}
