//! What every handler shares. Cloning is cheap (everything sits behind `Arc`).

use std::path::PathBuf;
use std::sync::Arc;

use jiff::Zoned;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use minijinja::Environment;
use pyroad_content::Curriculum;
use pyroad_store::{LearnerId, Store};

use crate::assets::Assets;
use crate::csrf::CsrfKey;
use crate::marks::TopicIndex;
use crate::practice::Practice;
use crate::reviews::StudiedIndex;
use crate::view_cache::{FRESH_FOR, ViewCache};

/// Where "now" comes from: the system clock, or a fixed moment for tests.
#[derive(Debug, Clone)]
pub enum Clock {
    System,
    Fixed(Zoned),
}

impl Clock {
    pub fn now(&self) -> Zoned {
        match self {
            Clock::System => Zoned::now(),
            Clock::Fixed(z) => z.clone(),
        }
    }

    pub fn today(&self) -> Date {
        self.now().date()
    }

    /// The learner's local day of a stored moment.
    pub fn day_of(&self, t: jiff::Timestamp) -> Date {
        match self {
            Clock::System => t.to_zoned(TimeZone::system()).date(),
            Clock::Fixed(z) => t.to_zoned(z.time_zone().clone()).date(),
        }
    }
}

/// The app's shared state, generic over the store backend.
pub struct AppState<S> {
    pub store: Arc<S>,
    pub(crate) templates: Arc<Environment<'static>>,
    pub(crate) csrf: Arc<CsrfKey>,
    pub(crate) curriculum: Arc<Curriculum>,
    pub(crate) assets: Arc<Assets>,
    pub(crate) practice: Arc<Practice>,
    pub(crate) topic_index: Arc<TopicIndex>,
    pub(crate) studied_index: Arc<StudiedIndex>,
    /// Rendered dashboard and map per learner (see `view_cache`).
    pub(crate) views: Arc<ViewCache>,
    /// Page builds running at once (one per core; see `pages::track`).
    pub(crate) builds: Arc<tokio::sync::Semaphore>,
    pub clock: Clock,
}

// Derived Clone would demand `S: Clone`; the store is shared through `Arc`.
impl<S> Clone for AppState<S> {
    fn clone(&self) -> Self {
        AppState {
            store: Arc::clone(&self.store),
            templates: Arc::clone(&self.templates),
            csrf: Arc::clone(&self.csrf),
            curriculum: Arc::clone(&self.curriculum),
            assets: Arc::clone(&self.assets),
            practice: Arc::clone(&self.practice),
            topic_index: Arc::clone(&self.topic_index),
            studied_index: Arc::clone(&self.studied_index),
            views: Arc::clone(&self.views),
            builds: Arc::clone(&self.builds),
            clock: self.clock.clone(),
        }
    }
}

impl<S: Store> AppState<S> {
    /// Builds the state: loads the templates and the built-in curriculum and
    /// draws a fresh CSRF secret for this process.
    pub fn new(store: S, clock: Clock) -> anyhow::Result<Self> {
        let assets = Assets::new();
        let templates = crate::templates::environment(&assets)?;
        let curriculum =
            Curriculum::builtin().map_err(|e| anyhow::anyhow!("the built-in curriculum does not load: {e}"))?;
        Ok(AppState {
            store: Arc::new(store),
            templates: Arc::new(templates),
            csrf: Arc::new(CsrfKey::random()?),
            curriculum: Arc::new(curriculum),
            assets: Arc::new(assets),
            practice: Arc::new(Practice::new(None, None)),
            topic_index: Arc::default(),
            studied_index: Arc::default(),
            views: Arc::new(ViewCache::new(FRESH_FOR)),
            builds: Arc::new(tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get),
            )),
            clock,
        })
    }

    /// Practice in `folder` (the CLI's `<data dir>/exercises`), checked with
    /// `python` (`None`: found like the CLI finds it). Without this, exercise
    /// pages show but checks are refused.
    pub fn with_practice(mut self, folder: PathBuf, python: Option<PathBuf>) -> Self {
        self.practice = Arc::new(Practice::new(Some(folder), python));
        self
    }

    /// Drops `learner`'s rendered pages. Writes through the router do this
    /// themselves; call it after writing to the store behind the app's back
    /// in the same process; handlers call it after their own writes too
    /// (otherwise the change shows within
    /// [`FRESH_FOR`](crate::view_cache::FRESH_FOR)).
    pub fn invalidate(&self, learner: LearnerId) {
        self.views.invalidate(learner);
    }

    /// The same app building the dashboard and map on every request, as it
    /// did before they were kept: the load bench's before/after.
    pub fn without_page_cache(mut self) -> Self {
        self.views = Arc::new(ViewCache::off());
        self
    }
}
