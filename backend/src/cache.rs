//! Serialized pages of activity lists, kept per plan revision.
//!
//! A list is what the board and the table ask for most, and building a page
//! of a few hundred activities costs far more in the database driver than in
//! anything else (toolchain.md, fact 20). The key holds the plan's change
//! counter (`plans.revision`, kept by database triggers in the transaction of
//! every change of an activity), the caller's party (what may be seen) and
//! the whole query, so an entry can only ever be served for the very data it
//! was made from; entries of older revisions age out of the bounded cache.

use axum::body::Bytes;
use concord_shared::Party;

/// What a cached page was made from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageKey {
    /// The plan's row id.
    pub plan_id: i32,
    /// The plan's change counter when the page was read.
    pub revision: i64,
    /// The party whose view it is (drafts are private to a party).
    pub party: Party,
    /// The normalized query: filters, sort and paging.
    pub query: String,
}

#[derive(Clone)]
struct ByBytes;

impl quick_cache::Weighter<PageKey, Bytes> for ByBytes {
    fn weight(&self, key: &PageKey, page: &Bytes) -> u64 {
        u64::try_from(page.len() + key.query.len()).unwrap_or(u64::MAX).max(1)
    }
}

/// A bounded cache of serialized pages (least recently and least often used go first).
pub struct PageCache(quick_cache::sync::Cache<PageKey, Bytes, ByBytes>);

impl PageCache {
    /// A cache holding up to `bytes` of pages.
    pub fn new(bytes: u64) -> PageCache {
        PageCache(quick_cache::sync::Cache::with_weighter(256, bytes, ByBytes))
    }

    /// The page made for exactly this key, if still kept.
    pub fn get(&self, key: &PageKey) -> Option<Bytes> {
        self.0.get(key)
    }

    /// Keeps a page.
    pub fn insert(&self, key: PageKey, page: Bytes) {
        self.0.insert(key, page);
    }
}
