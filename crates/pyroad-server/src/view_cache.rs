//! Rendered pages kept per learner until that learner's data changes.
//!
//! The dashboard and the roadmap map are read far more often than the data
//! behind them changes, and building them (the stored roadmap's JSON, the
//! tracker, every section's tally, the template) costs milliseconds. So the
//! finished HTML is kept per (learner, page) and served as shared bytes
//! until one of these happens:
//!
//! - a write through this app for that learner: every request with an
//!   unsafe method (POST, and any PUT/PATCH/DELETE a later page adds) bumps
//!   the learner's generation when it finishes or is dropped
//!   ([`invalidate_after_writes`]), so the next GET rebuilds from the store;
//! - the day changes (streaks, "this week" and the pace depend on today);
//! - [`FRESH_FOR`] has passed, for writes this process cannot see (the CLI
//!   on the same SQLite file, another server on the same PostgreSQL): the
//!   first request after that rebuilds while concurrent ones are still
//!   served the previous page, so a refresh never stalls a crowd.
//!
//! Each page is kept as HTML and gzipped once, so a browser (which always
//! asks for gzip) costs no compression per request either.
//!
//! A page is built once per generation however many requests ask for it at
//! the same moment (they all await the same build). A build that started
//! before a write finished is handed to the requests that waited for it but
//! never kept. The CSRF token in the cached forms is the learner's own (an
//! HMAC of the learner id under this process's key), so it is the same in
//! every copy of that learner's pages.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use std::io::Write;

use axum::body::Bytes;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use pyroad_store::LearnerId;
use tokio::sync::OnceCell;

use crate::learner::Learner;

/// How long a kept page is served before it is rebuilt, at the latest:
/// the delay before a write by another process shows.
pub const FRESH_FOR: Duration = Duration::from_secs(1);

/// More learners than this with kept pages and the cache starts over: a
/// bound on memory for a group server (a 1,400-node map is about 280 KB
/// with its gzip, so about 75 MB at most); a single learner never reaches it.
const MAX_LEARNERS: usize = 256;

/// A built page: its HTML and the same gzipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageBody {
    pub html: Bytes,
    pub gzip: Bytes,
}

impl PageBody {
    pub fn new(html: String) -> Self {
        let mut encoder =
            flate2::write::GzEncoder::new(Vec::with_capacity(html.len() / 4), flate2::Compression::default());
        // Writing into a `Vec` never fails, so neither does the encoder.
        encoder.write_all(html.as_bytes()).expect("gzip into a Vec cannot fail");
        let gzip = encoder.finish().expect("gzip into a Vec cannot fail");
        PageBody { html: Bytes::from(html), gzip: Bytes::from(gzip) }
    }

    /// The page as an HTML response: gzipped when the request accepts gzip
    /// (the compression layer leaves an encoded response alone).
    pub fn response(&self, request: &HeaderMap) -> Response {
        let html = HeaderValue::from_static("text/html; charset=utf-8");
        let vary = HeaderValue::from_static("accept-encoding");
        if accepts_gzip(request) {
            let gzip = HeaderValue::from_static("gzip");
            ([(header::CONTENT_TYPE, html), (header::VARY, vary), (header::CONTENT_ENCODING, gzip)], self.gzip.clone())
                .into_response()
        } else {
            ([(header::CONTENT_TYPE, html), (header::VARY, vary)], self.html.clone()).into_response()
        }
    }
}

/// Whether `Accept-Encoding` lists gzip (or `*`) without `q=0`.
fn accepts_gzip(request: &HeaderMap) -> bool {
    request.get_all(header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')).any(
        |coding| {
            let mut parts = coding.split(';');
            let name = parts.next().unwrap_or("").trim();
            let refused = parts.any(|p| {
                p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()).is_some_and(|q| q <= 0.0)
            });
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        },
    )
}

/// The pages that are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Dashboard,
    Roadmap,
}

/// A built page and when its build started (its data is at least that fresh).
#[derive(Clone)]
struct Built {
    body: PageBody,
    started: Instant,
}

/// One page of one learner for one (generation, day).
struct Slot {
    generation: u64,
    today: Date,
    built: Arc<OnceCell<Built>>,
    /// A request is rebuilding an expired page; others keep the old one.
    refreshing: bool,
}

impl Slot {
    fn new(generation: u64, today: Date) -> Self {
        Slot { generation, today, built: Arc::new(OnceCell::new()), refreshing: false }
    }
}

#[derive(Default)]
struct LearnerPages {
    generation: u64,
    pages: HashMap<Page, Slot>,
}

/// The kept pages of every learner. Cheap to share (`Arc` inside `AppState`).
pub struct ViewCache {
    /// `false` builds every page per request (to measure what keeping saves).
    keep: bool,
    fresh_for: Duration,
    learners: Mutex<HashMap<LearnerId, LearnerPages>>,
}

/// What a lookup decided, with the map's lock released.
enum Lookup {
    Serve(PageBody),
    Build(Arc<OnceCell<Built>>),
    Refresh(u64),
}

impl ViewCache {
    pub fn new(fresh_for: Duration) -> Self {
        ViewCache { keep: true, fresh_for, learners: Mutex::new(HashMap::new()) }
    }

    /// A cache that keeps nothing: every request builds its page.
    pub fn off() -> Self {
        ViewCache { keep: false, fresh_for: Duration::ZERO, learners: Mutex::new(HashMap::new()) }
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<LearnerId, LearnerPages>> {
        // A panic while holding the lock leaves only plain data behind
        // (every update is a single assignment), so a poisoned map is fine.
        self.learners.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Forgets `learner`'s kept pages: the next request builds them anew.
    pub fn invalidate(&self, learner: LearnerId) {
        if let Some(entry) = self.lock().get_mut(&learner) {
            entry.generation += 1;
            entry.pages.clear();
        }
    }

    /// `learner`'s `page` for `today`: the kept bytes, or `build`'s, kept.
    pub async fn get<E, F>(
        &self,
        learner: LearnerId,
        page: Page,
        today: Date,
        build: impl FnOnce() -> F,
    ) -> Result<PageBody, E>
    where
        F: Future<Output = Result<PageBody, E>>,
    {
        if !self.keep {
            return build().await;
        }
        let next = {
            let mut learners = self.lock();
            if learners.len() >= MAX_LEARNERS && !learners.contains_key(&learner) {
                learners.clear();
            }
            let entry = learners.entry(learner).or_default();
            let generation = entry.generation;
            let slot = entry.pages.entry(page).or_insert_with(|| Slot::new(generation, today));
            if slot.today != today {
                *slot = Slot::new(generation, today);
            }
            match slot.built.get() {
                Some(built) if built.started.elapsed() < self.fresh_for || slot.refreshing => {
                    Lookup::Serve(built.body.clone())
                }
                Some(_) => {
                    slot.refreshing = true;
                    Lookup::Refresh(generation)
                }
                None => Lookup::Build(Arc::clone(&slot.built)),
            }
        };
        match next {
            Lookup::Serve(body) => Ok(body),
            Lookup::Build(cell) => {
                let built = cell.get_or_try_init(|| timed(build())).await?;
                Ok(built.body.clone())
            }
            Lookup::Refresh(generation) => {
                // Clears `refreshing` however this ends (an error, or the
                // request dropped mid-build), so the page never stays stale.
                let mut guard = RefreshGuard { cache: self, learner, page, generation, built: None };
                let built = timed(build()).await?;
                guard.built = Some(built.clone());
                Ok(built.body)
            }
        }
    }
}

async fn timed<E>(build: impl Future<Output = Result<PageBody, E>>) -> Result<Built, E> {
    let started = Instant::now();
    Ok(Built { body: build.await?, started })
}

struct RefreshGuard<'c> {
    cache: &'c ViewCache,
    learner: LearnerId,
    page: Page,
    generation: u64,
    built: Option<Built>,
}

impl Drop for RefreshGuard<'_> {
    fn drop(&mut self) {
        let mut learners = self.cache.lock();
        let Some(entry) = learners.get_mut(&self.learner) else { return };
        let Some(slot) = entry.pages.get_mut(&self.page) else { return };
        // A write since the refresh began replaced the slot: keep nothing.
        if slot.generation != self.generation || entry.generation != self.generation {
            return;
        }
        slot.refreshing = false;
        if let Some(built) = self.built.take() {
            slot.built = Arc::new(OnceCell::new_with(Some(built)));
        }
    }
}

/// Middleware: after any request that may write (not GET, HEAD or OPTIONS)
/// the learner's kept pages are dropped, also when the request is
/// cancelled after its transaction committed.
pub async fn invalidate_after_writes(
    axum::extract::State(cache): axum::extract::State<Arc<ViewCache>>,
    request: Request,
    next: Next,
) -> Response {
    if request.method().is_safe() {
        return next.run(request).await;
    }
    let learner = request.extensions().get::<Learner>().copied();
    let _guard = learner.map(|Learner(id)| InvalidateOnDrop { cache, learner: id });
    next.run(request).await
}

struct InvalidateOnDrop {
    cache: Arc<ViewCache>,
    learner: LearnerId,
}

impl Drop for InvalidateOnDrop {
    fn drop(&mut self) {
        self.cache.invalidate(self.learner);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    const DAY: Date = jiff::civil::date(2026, 11, 23);

    async fn page(cache: &ViewCache, builds: &AtomicUsize, text: &'static str) -> Bytes {
        cache
            .get::<(), _>(LearnerId::LOCAL, Page::Dashboard, DAY, || async {
                builds.fetch_add(1, Ordering::SeqCst);
                tokio::task::yield_now().await;
                Ok(PageBody::new(text.into()))
            })
            .await
            .expect("the build succeeds")
            .html
    }

    #[tokio::test]
    async fn kept_until_invalidated_and_built_once_for_a_crowd() {
        let cache = Arc::new(ViewCache::new(Duration::from_secs(3600)));
        let builds = Arc::new(AtomicUsize::new(0));
        let mut crowd = tokio::task::JoinSet::new();
        for _ in 0..8 {
            let (cache, builds) = (Arc::clone(&cache), Arc::clone(&builds));
            crowd.spawn(async move { page(&cache, &builds, "one").await });
        }
        while let Some(body) = crowd.join_next().await {
            assert_eq!(body.expect("no task panics"), "one");
        }
        assert_eq!(builds.load(Ordering::SeqCst), 1, "eight concurrent requests share one build");
        assert_eq!(page(&cache, &builds, "two").await, "one");
        cache.invalidate(LearnerId(2));
        assert_eq!(page(&cache, &builds, "two").await, "one", "another learner's write changes nothing here");
        cache.invalidate(LearnerId::LOCAL);
        assert_eq!(page(&cache, &builds, "two").await, "two");
        assert_eq!(builds.load(Ordering::SeqCst), 2);
        let tomorrow = DAY.tomorrow().expect("a valid day");
        let next_day = cache
            .get::<(), _>(LearnerId::LOCAL, Page::Dashboard, tomorrow, || async { Ok(PageBody::new("three".into())) })
            .await;
        assert_eq!(next_day.map(|b| b.html), Ok(Bytes::from_static(b"three")), "a new day rebuilds");
    }

    #[tokio::test]
    async fn an_expired_page_is_rebuilt_by_one_request_and_errors_are_not_kept() {
        let cache = ViewCache::new(Duration::from_millis(20));
        let builds = AtomicUsize::new(0);
        assert_eq!(page(&cache, &builds, "old").await, "old");
        tokio::time::sleep(Duration::from_millis(30)).await;
        assert_eq!(page(&cache, &builds, "new").await, "new", "the first request after expiry rebuilds");
        assert_eq!(page(&cache, &builds, "newer").await, "new", "and keeps what it built");
        let failed =
            cache.get(LearnerId::LOCAL, Page::Roadmap, DAY, || async { Err::<PageBody, _>("no roadmap") }).await;
        assert_eq!(failed, Err("no roadmap"));
        let later = cache
            .get::<(), _>(LearnerId::LOCAL, Page::Roadmap, DAY, || async { Ok(PageBody::new("map".into())) })
            .await;
        assert_eq!(later.map(|b| b.html), Ok(Bytes::from_static(b"map")), "a failed build is not kept");
    }

    #[tokio::test]
    async fn too_many_learners_start_the_cache_over() {
        let cache = ViewCache::new(Duration::from_secs(3600));
        let builds = AtomicUsize::new(0);
        let page_of = |learner: i64| {
            let (cache, builds) = (&cache, &builds);
            async move {
                cache
                    .get::<(), _>(LearnerId(learner), Page::Roadmap, DAY, || async {
                        builds.fetch_add(1, Ordering::SeqCst);
                        Ok(PageBody::new(format!("map of {learner}")))
                    })
                    .await
                    .expect("the build succeeds")
            }
        };
        for learner in 0..MAX_LEARNERS as i64 {
            page_of(learner).await;
        }
        page_of(0).await;
        assert_eq!(builds.load(Ordering::SeqCst), MAX_LEARNERS, "all kept so far");
        page_of(MAX_LEARNERS as i64).await;
        page_of(0).await;
        assert_eq!(builds.load(Ordering::SeqCst), MAX_LEARNERS + 2, "one learner more dropped them all");
        assert_eq!(cache.lock().len(), 2);
    }

    #[test]
    fn gzip_is_sent_only_when_accepted() {
        let body = PageBody::new("<p>hello</p>".repeat(100));
        let mut decoded = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&body.gzip[..]), &mut decoded)
            .expect("the kept gzip decodes");
        assert_eq!(decoded.as_bytes(), &body.html[..]);
        let ask = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(value).expect("a valid header"));
            headers
        };
        for (accept, gzip) in [
            ("gzip, deflate, br, zstd", true),
            ("br;q=1.0, GZIP;q=0.5", true),
            ("*", true),
            ("gzip;q=0", false),
            ("identity", false),
            ("br", false),
        ] {
            let response = body.response(&ask(accept));
            assert_eq!(response.headers().contains_key(header::CONTENT_ENCODING), gzip, "{accept}");
            assert_eq!(response.headers()[header::VARY], "accept-encoding");
        }
        assert!(!body.response(&HeaderMap::new()).headers().contains_key(header::CONTENT_ENCODING));
    }
}
