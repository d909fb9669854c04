//! Serialized pages of activity lists, kept per plan revision.
//!
//! A list is what the board and the table ask for most, and building a page
//! of a few hundred activities costs far more in the database driver than in
//! anything else (docs/performance.md, "Baseline"). The key holds the plan's change
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

impl PageKey {
    /// The entity tag of the page made from this key: the same key always
    /// makes the same bytes (which is what lets the cache keep them), so a
    /// client holding the page of this tag holds the current one.
    pub fn etag(&self) -> String {
        use sha2::Digest;
        let query = sha2::Sha256::digest(self.query.as_bytes());
        let short: String = query.iter().take(8).map(|b| format!("{b:02x}")).collect();
        format!("\"p{}.r{}.{}.{short}\"", self.plan_id, self.revision, self.party.code())
    }
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

/// How long a checked session or token is believed without asking the
/// database again. Changes made through this server (sign-out, revocation,
/// disabling, a new role or password) take effect at once; a change made
/// elsewhere (another instance, `concord user disable`) is audited, and the
/// audit log's tail task of every instance (`crate::events`, woken by
/// `NOTIFY` on PostgreSQL) forgets every entry when it reads one. This
/// bound is only the last resort should that task fall behind.
pub const SESSION_TTL: std::time::Duration = std::time::Duration::from_secs(2);

/// Recently checked sessions and API tokens, by the SHA-256 of their secret
/// (a session's and a token's under keys of their own, so that neither is
/// ever taken for the other): the check every request makes costs no query
/// while the entry is fresh.
pub struct SessionCache {
    entries: quick_cache::sync::Cache<String, (crate::auth::caller::AuthUser, std::time::Instant)>,
    // Bumped on every invalidation; a check that began before it may not
    // store what it read (it may have read the state before the change).
    generation: std::sync::atomic::AtomicU64,
}

impl SessionCache {
    /// An empty cache for up to `sessions` entries.
    pub fn new(sessions: usize) -> SessionCache {
        SessionCache {
            entries: quick_cache::sync::Cache::new(sessions),
            generation: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// The generation a check starts in.
    pub fn generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::Acquire)
    }

    /// The caller behind a session hash, when checked less than [`SESSION_TTL`] ago.
    pub fn get(&self, hash: &str) -> Option<crate::auth::caller::AuthUser> {
        let (user, at) = self.entries.get(hash)?;
        (at.elapsed() < SESSION_TTL).then_some(user)
    }

    /// Keeps a checked session, unless an invalidation happened since `generation`.
    pub fn insert(&self, hash: String, user: crate::auth::caller::AuthUser, generation: u64) {
        if self.generation() == generation {
            self.entries.insert(hash, (user, std::time::Instant::now()));
        }
    }

    /// Forgets every session: called after any change of sessions or users commits.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, std::sync::atomic::Ordering::AcqRel);
        self.entries.clear();
    }
}
