//! The texts of the lazily loaded pages: every [`Key`] but the shell's.
//!
//! In the split release build the table is reached only through
//! `page_table`, a split point of its own, so wasm-split moves the three
//! languages' tables (code and strings) out of the main module. Each lazily
//! loaded route awaits [`load_page_texts`] beside its page group's module
//! before it renders (`group_loader!` in `app.rs`). Without the `split`
//! feature the table is called directly.

use concord_shared::Lang;

use super::Key;

/// The whole table, in every language.
fn table(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::En => super::en::text(key),
        Lang::Az => super::az::text(key),
        Lang::Ka => super::ka::text(key),
    }
}

/// A page text in `lang`.
#[cfg(not(feature = "split"))]
pub fn text(lang: Lang, key: Key) -> &'static str {
    table(lang, key)
}

#[cfg(feature = "split")]
pub use split::{load_page_texts, text};

#[cfg(feature = "split")]
mod split {
    use std::cell::Cell;

    use concord_shared::Lang;
    use leptos::prelude::*;

    use super::Key;

    /// Looks up a page text.
    type Table = fn(Lang, Key) -> &'static str;

    /// The split point: its module holds the table.
    #[leptos::lazy]
    fn page_table() -> Table {
        super::table
    }

    thread_local! {
        /// The table, once its module is loaded.
        static LOADED: Cell<Option<Table>> = const { Cell::new(None) };
        /// Notified when the table arrives.
        static ARRIVED: ArcTrigger = ArcTrigger::new();
    }

    /// A page text in `lang`. Asked before any lazily loaded page brought
    /// the table (shell code naming a page's text, a mistake the size
    /// budget would show), it is empty until the table arrives and the
    /// caller, if reactive, runs again.
    pub fn text(lang: Lang, key: Key) -> &'static str {
        if let Some(table) = LOADED.get() {
            return table(lang, key);
        }
        ARRIVED.with(ArcTrigger::track);
        leptos::task::spawn_local(load_page_texts());
        ""
    }

    /// Loads the page texts' module, once (concurrent callers share the load).
    pub async fn load_page_texts() {
        if LOADED.get().is_none() {
            let table = page_table().await;
            LOADED.set(Some(table));
            ARRIVED.with(ArcTrigger::notify);
        }
    }
}
