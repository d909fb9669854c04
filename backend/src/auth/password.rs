//! argon2id password hashing (the `argon2` crate's defaults: m=19 MiB, t=2,
//! p=1), run off the async threads. Hashing happens at login and password
//! changes only, never per request.
//!
//! Each hash takes 19 MiB and a core for a moment, so at most one per core
//! runs at once ([`slot`]); a few more wait their turn briefly, and beyond
//! that the answer is a quick 503 with `Retry-After`, so a flood of sign-ins
//! costs neither memory nor the other requests' time.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::Context;
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use tokio::sync::{Semaphore, SemaphorePermit};

use crate::error::AppError;

/// How many may wait for a hashing slot, per slot.
const WAITING_PER_SLOT: usize = 8;
/// How long one waits for a slot at most.
const MAX_WAIT: Duration = Duration::from_secs(5);
/// What a refused caller is told to wait, in seconds.
const RETRY_AFTER_SECONDS: u64 = 1;

fn slots() -> &'static (Semaphore, usize) {
    static SLOTS: OnceLock<(Semaphore, usize)> = OnceLock::new();
    SLOTS.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
        (Semaphore::new(cores), cores)
    })
}

static WAITING: AtomicUsize = AtomicUsize::new(0);

/// Counts a waiter for as long as it waits, also when its request is dropped.
struct Waiting;

impl Drop for Waiting {
    fn drop(&mut self) {
        WAITING.fetch_sub(1, Ordering::SeqCst);
    }
}

/// A hashing slot: one free now, or one freed within [`MAX_WAIT`] while
/// few others wait; else 503.
async fn slot() -> Result<SemaphorePermit<'static>, AppError> {
    let (semaphore, cores) = slots();
    if let Ok(permit) = semaphore.try_acquire() {
        return Ok(permit);
    }
    let busy = AppError::Unavailable {
        retry_after: RETRY_AFTER_SECONDS,
    };
    let waiting = Waiting;
    if WAITING.fetch_add(1, Ordering::SeqCst) >= cores * WAITING_PER_SLOT {
        return Err(busy);
    }
    let permit = tokio::time::timeout(MAX_WAIT, semaphore.acquire()).await;
    drop(waiting);
    match permit {
        Ok(Ok(permit)) => Ok(permit),
        _ => Err(busy),
    }
}

/// Hashes a password into a PHC string (503 when too many hash at once).
pub async fn hash(password: String) -> Result<String, AppError> {
    let hashed = run(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
    })
    .await??;
    Ok(hashed)
}

/// Checks a password against a PHC string. With `None` (no such user) it
/// checks against a fixed dummy hash, so both cases take the same time.
/// 503 when too many hash at once.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, AppError> {
    run(move || {
        let stored = stored.unwrap_or_else(|| dummy_hash().to_owned());
        let user_exists = !is_dummy(&stored);
        let Ok(parsed) = PasswordHash::new(&stored) else {
            return false;
        };
        let ok = Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok();
        ok && user_exists
    })
    .await
}

/// A job for the hashing threads.
type Job = Box<dyn FnOnce() + Send>;

/// The hashing threads, one per slot, started on first use. Hashes run only
/// there: each thread reuses its own 19 MiB, where the runtime's blocking
/// pool would spread them over many threads, each keeping its allocator's
/// memory.
fn workers() -> &'static std::sync::mpsc::Sender<Job> {
    static WORKERS: OnceLock<std::sync::mpsc::Sender<Job>> = OnceLock::new();
    WORKERS.get_or_init(|| {
        let (sender, receiver) = std::sync::mpsc::channel::<Job>();
        let receiver = std::sync::Arc::new(std::sync::Mutex::new(receiver));
        for n in 0..slots().1 {
            let receiver = receiver.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("concord-hash-{n}"))
                .spawn(move || {
                    loop {
                        let job = match receiver.lock() {
                            Ok(queue) => queue.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(),
                            Err(_) => return,
                        }
                    }
                });
            if let Err(err) = spawned {
                tracing::error!(error = %err, "could not start a password hashing thread");
            }
        }
        sender
    })
}

/// Runs `work` on a hashing thread once a slot is free (503 otherwise). The
/// slot is held until the work is done, even if the request is gone.
async fn run<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
    let permit = slot().await?;
    let (done, result) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _permit = permit;
        let _ = done.send(work());
    });
    workers()
        .send(job)
        .map_err(|_| AppError::Internal(anyhow::anyhow!("the password hashing threads are gone")))?;
    result
        .await
        .context("a password hashing job failed")
        .map_err(AppError::Internal)
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(b"no user has this password, it only spends time", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

fn is_dummy(stored: &str) -> bool {
    stored == dummy_hash()
}
