//! Answers computed from one version of a stored roadmap (which curriculum
//! topics each node stands for): a coverage pass over the whole tree is
//! seconds in a debug build on seed 001, so it is kept per roadmap version
//! for the life of the process. A new version (`updated_at`) is a new key.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use jiff::Timestamp;
use pyroad_store::{RoadmapId, StoredRoadmap};

use crate::error::ApiError;
use crate::practice::blocking;

/// Roadmap versions kept; more are rare (a few roadmaps per learner).
const KEEP: usize = 16;

pub struct RoadmapMemo<T> {
    cached: Mutex<HashMap<(RoadmapId, Timestamp), Arc<T>>>,
}

impl<T> Default for RoadmapMemo<T> {
    fn default() -> Self {
        RoadmapMemo { cached: Mutex::new(HashMap::new()) }
    }
}

impl<T: Send + Sync + 'static> RoadmapMemo<T> {
    /// The kept answer for this version of `stored`, or `compute`'s, run on
    /// the blocking pool (it is CPU work) and kept.
    pub async fn get_or_compute(
        &self,
        stored: &StoredRoadmap,
        compute: impl FnOnce() -> T + Send + 'static,
    ) -> Result<Arc<T>, ApiError> {
        let key = (stored.id, stored.updated_at);
        // A poisoned lock only means a panic elsewhere; the map is still whole.
        if let Some(found) = self.cached.lock().unwrap_or_else(PoisonError::into_inner).get(&key) {
            return Ok(Arc::clone(found));
        }
        let value = blocking(move || Ok(Arc::new(compute()))).await?;
        let mut cached = self.cached.lock().unwrap_or_else(PoisonError::into_inner);
        if cached.len() >= KEEP {
            cached.clear();
        }
        cached.insert(key, Arc::clone(&value));
        Ok(value)
    }
}
