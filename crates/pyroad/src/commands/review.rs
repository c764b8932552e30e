//! Spaced repetition (issue 7): `pyroad review`, `pyroad review rate`, and
//! `pyroad quiz` feeding the same memory model. Scheduling is FSRS from
//! `pyroad_content::review`; which cards are in the queue comes from the
//! curriculum topics the active roadmap's done nodes studied
//! (`pyroad_content::deck`); memory states and the review log live in the
//! store. The clock is `crate::clock` (`PYROAD_NOW` in tests).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::BufRead;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use jiff::{Timestamp, Zoned};
use pyroad_content::deck::{self, Item};
use pyroad_content::review::{Memory, Rating, Scheduler};
use pyroad_content::{Curriculum, Topic};
use pyroad_store::{CardState, NewReview, ReviewRating, ReviewSource, Store, StoredRoadmap};
use std::hash::{Hash, Hasher};

use pyroad_store::Progress;
use serde::{Deserialize, Serialize};

use super::content::{ask, curriculum, quiz_selection};
use super::store::ME;
use super::topics::Tracker;
use crate::cli::QuizArgs;
use crate::output::print;
use pyroad_store::Status;

#[derive(Debug, Args)]
pub struct ReviewArgs {
    #[command(subcommand)]
    pub action: Option<ReviewAction>,
    /// Only cards of this curriculum topic (id, title or alias).
    #[arg(long)]
    pub topic: Option<String>,
    /// At most this many cards.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// The roadmap whose done topics fill the queue [default: the active one].
    #[arg(long, short)]
    pub roadmap: Option<String>,
    /// List the due cards as JSON instead of asking them.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ReviewAction {
    /// Rate one card without the interactive session (for scripts).
    Rate {
        /// The card id, as `pyroad review --json` lists it (`lists#2`).
        card: String,
        /// again, hard, good or easy (or 1-4).
        rating: String,
        #[arg(long)]
        json: bool,
    },
}

/// A review item that is due now.
#[derive(Debug, Serialize)]
pub struct Due {
    pub id: String,
    pub topic: String,
    /// Never reviewed yet.
    pub new: bool,
    /// When it fell due (`None` for a new card).
    pub due: Option<Timestamp>,
}

/// Retention of one curriculum topic the roadmap studied.
#[derive(Debug, Serialize)]
pub struct TopicRetention {
    pub id: String,
    pub title: String,
    pub cards: usize,
    /// Items of the topic (cards and questions) reviewed at least once.
    pub reviewed: usize,
    pub due: usize,
    /// Mean current recall probability of the reviewed items (0-1).
    pub retention: Option<f32>,
}

/// What `status`, `next` and `show` say about reviews.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Due items, reviewed ones (oldest due first) before new cards.
    pub due: Vec<Due>,
    pub topics: Vec<TopicRetention>,
}

impl Summary {
    /// Mean retention over the studied topics that have one.
    pub fn retention(&self) -> Option<f32> {
        let known: Vec<f32> = self.topics.iter().filter_map(|t| t.retention).collect();
        #[allow(clippy::cast_precision_loss)] // a handful of topics
        (!known.is_empty()).then(|| known.iter().sum::<f32>() / known.len() as f32)
    }
}

fn scheduler() -> Result<Scheduler> {
    Scheduler::new().context("cannot set up the FSRS scheduler")
}

fn memory(state: &CardState) -> Memory {
    // FSRS works in f32; the store keeps the same values widened to f64.
    #[allow(clippy::cast_possible_truncation)]
    Memory {
        stability: state.stability as f32,
        difficulty: state.difficulty as f32,
        last_review: state.last_review.as_second(),
        due: state.due.as_second(),
    }
}

fn stored_rating(rating: Rating) -> ReviewRating {
    match rating {
        Rating::Again => ReviewRating::Again,
        Rating::Hard => ReviewRating::Hard,
        Rating::Good => ReviewRating::Good,
        Rating::Easy => ReviewRating::Easy,
    }
}

fn now() -> Result<Zoned> {
    crate::clock::now()
}

/// Schedules `item` after `rating` at `now` and stores it with its log line.
pub async fn record<S: Store>(
    store: &S,
    item: &str,
    rating: Rating,
    source: ReviewSource,
    now: Timestamp,
) -> Result<CardState> {
    let states = store.card_states(ME).await?;
    let current = states.iter().find(|s| s.card == item);
    let next = scheduler()?.review(current.map(memory).as_ref(), rating, now.as_second())?;
    let due = Timestamp::from_second(next.due).context("the next due date is out of range")?;
    let review = NewReview {
        card: item.to_string(),
        rating: stored_rating(rating),
        source,
        reviewed_at: now,
        stability: f64::from(next.stability),
        difficulty: f64::from(next.difficulty),
        due,
        previous: current.map(|s| s.last_review),
    };
    Ok(store.record_review(ME, &review).await?)
}

/// The curriculum topics `roadmap`'s done nodes studied.
fn studied<'c>(curriculum: &'c Curriculum, stored: &StoredRoadmap, tracker: &Tracker<'_>) -> Vec<&'c Topic> {
    deck::studied_topics(curriculum, &stored.roadmap, |id| tracker.status(id) == Status::Done)
}

/// A studied curriculum topic: all `summarise` needs of it, small enough
/// to cache in a setting.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Studied {
    pub id: String,
    pub title: String,
    pub cards: usize,
}

impl Studied {
    fn of(topic: &Topic) -> Studied {
        Studied { id: topic.id.clone(), title: topic.title.clone(), cards: topic.cards.len() }
    }
}

/// Due items and per-topic retention for `studied` topics at `now`.
pub fn summarise(studied: &[Studied], states: &[CardState], now: Timestamp) -> Result<Summary> {
    let scheduler = scheduler()?;
    let by_id: HashMap<&str, &CardState> = states.iter().map(|s| (s.card.as_str(), s)).collect();
    let mut due: Vec<Due> = states
        .iter()
        .filter(|s| s.due <= now)
        .map(|s| Due { id: s.card.clone(), topic: deck::topic_of(&s.card).to_string(), new: false, due: Some(s.due) })
        .collect();
    for topic in studied {
        for id in (1..=topic.cards).map(|n| deck::card_id(&topic.id, n)) {
            if !by_id.contains_key(id.as_str()) {
                due.push(Due { id, topic: topic.id.clone(), new: true, due: None });
            }
        }
    }
    let topics = studied
        .iter()
        .map(|t| {
            let mine: Vec<&CardState> = states.iter().filter(|s| deck::topic_of(&s.card) == t.id).collect();
            let recall: Vec<f32> = mine.iter().map(|s| scheduler.retrievability(&memory(s), now.as_second())).collect();
            #[allow(clippy::cast_precision_loss)] // a handful of cards
            let retention = (!recall.is_empty()).then(|| recall.iter().sum::<f32>() / recall.len() as f32);
            TopicRetention {
                id: t.id.clone(),
                title: t.title.clone(),
                cards: t.cards,
                reviewed: mine.len(),
                due: due.iter().filter(|d| d.topic == t.id).count(),
                retention,
            }
        })
        .collect();
    Ok(Summary { due, topics })
}

/// The cached studied topics of a roadmap, valid while `stamp` matches.
#[derive(Debug, Serialize, Deserialize)]
struct StudiedCache {
    stamp: String,
    topics: Vec<Studied>,
}

/// What the studied topics depend on: this binary (its curriculum), the
/// roadmap's version and every progress row's status.
fn stamp(stored: &StoredRoadmap, progress: &[Progress]) -> String {
    let mut rows: Vec<(&str, &str)> = progress.iter().map(|p| (p.topic.as_str(), p.status.as_str())).collect();
    rows.sort_unstable();
    let mut hasher = std::hash::DefaultHasher::new();
    rows.hash(&mut hasher);
    format!("{}|{}|{:016x}", env!("CARGO_PKG_VERSION"), stored.updated_at, hasher.finish())
}

/// The studied topics of a roadmap. Parsing the curriculum and matching
/// done nodes costs tens of milliseconds, so the result is kept in a
/// setting and recomputed only when the roadmap or its progress changed.
async fn studied_cached<S: Store>(
    store: &S,
    stored: &StoredRoadmap,
    progress: &[Progress],
    tracker: &Tracker<'_>,
) -> Result<Vec<Studied>> {
    let key = format!("review_topics/{}", stored.id.0);
    let stamp = stamp(stored, progress);
    if let Some(text) = store.setting(ME, &key).await?
        && let Ok(cache) = serde_json::from_str::<StudiedCache>(&text)
        && cache.stamp == stamp
    {
        return Ok(cache.topics);
    }
    let curriculum = curriculum()?;
    let topics: Vec<Studied> = studied(&curriculum, stored, tracker).into_iter().map(Studied::of).collect();
    let cache = StudiedCache { stamp, topics };
    let text = serde_json::to_string(&cache).context("cannot encode the review cache")?;
    store.set_setting(ME, &key, Some(&text)).await?;
    Ok(cache.topics)
}

/// The review summary of a roadmap now, for `status`, `next` and `show`.
pub async fn summary<S: Store>(
    store: &S,
    stored: &StoredRoadmap,
    progress: &[Progress],
    tracker: &Tracker<'_>,
) -> Result<Summary> {
    let now = now()?.timestamp();
    let states = store.card_states(ME).await?;
    if !progress.iter().any(|p| p.status == Status::Done) && states.is_empty() {
        // Nothing to review: no need to load the curriculum.
        return Ok(Summary { due: Vec::new(), topics: Vec::new() });
    }
    let topics = studied_cached(store, stored, progress, tracker).await?;
    summarise(&topics, &states, now)
}

/// Retention of the curriculum topics one node stands for, for `show`.
pub async fn node_retention<S: Store>(store: &S, stored: &StoredRoadmap, node: &str) -> Result<Vec<TopicRetention>> {
    let curriculum = curriculum()?;
    let topics = deck::topics_of_node(&curriculum, &stored.roadmap, node);
    if topics.is_empty() {
        return Ok(Vec::new());
    }
    let states = store.card_states(ME).await?;
    let now = now()?.timestamp();
    let topics: Vec<Studied> = topics.into_iter().map(Studied::of).collect();
    let mut summary = summarise(&topics, &states, now)?;
    // New cards are due only once their node is done.
    let progress = store.progress(ME, stored.id).await?;
    if Tracker::new(&stored.roadmap, &progress).status(node) != Status::Done {
        for t in &mut summary.topics {
            t.due = states.iter().filter(|s| deck::topic_of(&s.card) == t.id && s.due <= now).count();
        }
    }
    Ok(summary.topics)
}

/// "87%", or "new" when nothing of it was reviewed yet.
pub fn percent(retention: Option<f32>) -> String {
    retention.map_or_else(|| "new".to_string(), |r| format!("{:.0}%", r * 100.0))
}

pub async fn run<S: Store>(store: &S, args: ReviewArgs) -> Result<ExitCode> {
    let curriculum = curriculum()?;
    if let Some(ReviewAction::Rate { card, rating, json }) = &args.action {
        return rate(store, &curriculum, card, rating, *json).await;
    }
    let stored = match &args.roadmap {
        Some(name) => Some(store.roadmap(ME, name).await?),
        None => store.active_roadmap(ME).await?,
    };
    let progress = match &stored {
        Some(s) => store.progress(ME, s.id).await?,
        None => Vec::new(),
    };
    let topics = match &stored {
        Some(s) => studied_cached(store, s, &progress, &Tracker::new(&s.roadmap, &progress)).await?,
        None => Vec::new(),
    };
    let only = match &args.topic {
        Some(key) => Some(curriculum.find(key).with_context(|| format!("no curriculum topic `{key}`"))?.id.clone()),
        None => None,
    };
    let now = now()?;
    let states = store.card_states(ME).await?;
    let summary = summarise(&topics, &states, now.timestamp())?;
    let due: Vec<(&Due, Item<'_>)> = summary
        .due
        .iter()
        .filter(|d| only.as_ref().is_none_or(|t| *t == d.topic))
        // Items the curriculum no longer has cannot be shown.
        .filter_map(|d| deck::lookup(&curriculum, &d.id).map(|item| (d, item)))
        .take(args.limit)
        .collect();
    if args.json {
        let cards: Vec<_> = due
            .iter()
            .map(|(d, item)| {
                serde_json::json!({
                    "id": d.id, "topic": d.topic, "new": d.new, "due": d.due,
                    "front": item.front(), "back": item.back(),
                })
            })
            .collect();
        let value = serde_json::json!({ "now": now.timestamp(), "due": summary.due.len(), "cards": cards });
        print(&(serde_json::to_string_pretty(&value).context("cannot encode the queue")? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    if due.is_empty() {
        print("nothing to review now: mark topics done to add their cards, or come back later\n")?;
        return Ok(ExitCode::SUCCESS);
    }
    session(store, &due, now.timestamp()).await
}

/// Asks each due card: front, Enter, back, then a rating.
async fn session<S: Store>(store: &S, due: &[(&Due, Item<'_>)], now: Timestamp) -> Result<ExitCode> {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut done = 0;
    for (i, (d, item)) in due.iter().enumerate() {
        print(&format!(
            "\n[{}/{}] {}  ({})\n{}\n(Enter shows the answer) ",
            i + 1,
            due.len(),
            item.topic.title,
            d.id,
            item.front()
        ))?;
        if lines.next().transpose().context("cannot read from standard input")?.is_none() {
            break;
        }
        print(&format!("\n{}\n", item.back()))?;
        let rating = loop {
            print("How well did you recall it? 1 again, 2 hard, 3 good, 4 easy (q stops): ")?;
            let Some(line) = lines.next().transpose().context("cannot read from standard input")? else {
                return finish(done);
            };
            if line.trim().eq_ignore_ascii_case("q") {
                return finish(done);
            }
            match Rating::parse(&line) {
                Some(r) => break r,
                None => print(&format!("{:?} is not a rating.\n", line.trim()))?,
            }
        };
        let state = record(store, &d.id, rating, ReviewSource::Review, now).await?;
        print(&format!("{}: next {}\n", rating.as_str(), when(state.due, now)))?;
        done += 1;
    }
    finish(done)
}

fn finish(done: usize) -> Result<ExitCode> {
    print(&format!("\n{done} reviewed\n"))?;
    Ok(ExitCode::SUCCESS)
}

/// "in 2.3 days (2026-12-03 16:19 UTC)".
fn when(due: Timestamp, now: Timestamp) -> String {
    #[allow(clippy::cast_precision_loss)] // seconds of a century at most
    let days = (due.as_second() - now.as_second()) as f64 / 86_400.0;
    let at = due.strftime("%Y-%m-%d %H:%M UTC");
    if days < 1.0 { format!("in {:.0} minutes ({at})", days * 1440.0) } else { format!("in {days:.1} days ({at})") }
}

async fn rate<S: Store>(store: &S, curriculum: &Curriculum, card: &str, rating: &str, json: bool) -> Result<ExitCode> {
    let Some(item) = deck::lookup(curriculum, card) else {
        bail!("no review card {card:?} (see `pyroad review --json` for the due ones)");
    };
    let Some(rating) = Rating::parse(rating) else {
        bail!("{rating:?} is not a rating: give again, hard, good or easy (or 1-4)");
    };
    let now = now()?.timestamp();
    let state = record(store, &item.id, rating, ReviewSource::Review, now).await?;
    if json {
        print(&(serde_json::to_string_pretty(&state).context("cannot encode the card")? + "\n"))?;
    } else {
        print(&format!("{} {}: next {}\n", item.id, rating.as_str(), when(state.due, now)))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `pyroad quiz [TOPIC]`: each answer is a review of that question
/// (right = good, wrong = again), logged with source quiz.
pub async fn quiz<S: Store>(store: &S, args: &QuizArgs) -> Result<ExitCode> {
    let curriculum = curriculum()?;
    let selection = quiz_selection(&curriculum, args)?;
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut right = 0;
    for (topic, index) in &selection {
        let correct = ask(&mut lines, topic, &topic.questions[*index])?;
        right += usize::from(correct);
        let rating = Rating::from_attempt(correct, true);
        let id = deck::question_id(&topic.id, index + 1);
        record(store, &id, rating, ReviewSource::Quiz, now()?.timestamp()).await?;
    }
    let mut text = String::new();
    let _ = writeln!(text, "\n{right} of {} right", selection.len());
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}
