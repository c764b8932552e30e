//! Spaced repetition (issue 7): `pyroad review`, `pyroad review rate`, and
//! `pyroad quiz` feeding the same memory model (exercise checks feed it
//! through `exercise_results`). Scheduling is FSRS from
//! `pyroad_content::review`; what is due comes from `review_summary`;
//! memory states and the review log live in the store. The clock is
//! `crate::clock` (`PYROAD_NOW` in tests).

use std::fmt::Write as _;
use std::io::BufRead;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Subcommand};
use jiff::Timestamp;
use pyroad_check::exercise;
use pyroad_content::Curriculum;
use pyroad_content::deck::{self, Item};
use pyroad_content::review as fsrs_review;
use pyroad_store::{CardState, NewReview, ReviewRating, ReviewSource, Store};

use super::content::{ask, curriculum, quiz_selection};
use super::review_summary::{Due, scheduler, summary};
use super::store::ME;
use crate::cli::QuizArgs;
use crate::output::print;

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

/// Schedules `item` after `rating` at `now`: the review to store.
pub async fn next_review<S: Store>(
    store: &S,
    item: &str,
    rating: ReviewRating,
    source: ReviewSource,
    now: Timestamp,
) -> Result<NewReview> {
    let states = store.card_states(ME).await?;
    let current = states.iter().find(|s| s.card == item);
    Ok(scheduler()?.next_review(current, item, rating, source, now)?)
}

/// Schedules `item` after `rating` at `now` and stores it with its log line.
async fn record<S: Store>(
    store: &S,
    item: &str,
    rating: ReviewRating,
    source: ReviewSource,
    now: Timestamp,
) -> Result<CardState> {
    let review = next_review(store, item, rating, source, now).await?;
    Ok(store.record_review(ME, &review).await?)
}

/// A due item as the queue shows it.
enum Shown<'c> {
    /// A card or a question: asked, then rated by the learner.
    Recall(Item<'c>),
    /// A practice exercise to solve again: its next check rates it.
    Exercise { exercise: String, title: String, topic: String },
}

impl Shown<'_> {
    /// The item `id` names, if the curriculum or the exercises still have it.
    fn of<'c>(curriculum: &'c Curriculum, id: &str) -> Option<Shown<'c>> {
        if let Some(name) = deck::exercise_of(id) {
            let ex = exercise::embedded(name).ok()?;
            let topic = curriculum.topics.iter().find(|t| t.id == deck::topic_of(id));
            let topic = topic.map_or_else(|| deck::topic_of(id).to_string(), |t| t.title.clone());
            return Some(Shown::Exercise { exercise: ex.id, title: ex.title, topic });
        }
        deck::lookup(curriculum, id).map(Shown::Recall)
    }

    fn kind(&self) -> &'static str {
        match self {
            Shown::Recall(Item { prompt: deck::Prompt::Card(_), .. }) => "card",
            Shown::Recall(Item { prompt: deck::Prompt::Question(_), .. }) => "question",
            Shown::Exercise { .. } => "exercise",
        }
    }

    fn topic_title(&self) -> &str {
        match self {
            Shown::Recall(item) => &item.topic.title,
            Shown::Exercise { topic, .. } => topic,
        }
    }

    fn front(&self) -> String {
        match self {
            Shown::Recall(item) => item.front(),
            Shown::Exercise { exercise, title, .. } => {
                format!("Solve the exercise \"{title}\" ({exercise}) again, from its starter.")
            }
        }
    }

    fn back(&self) -> String {
        match self {
            Shown::Recall(item) => item.back(),
            Shown::Exercise { exercise, .. } => format!(
                "`pyroad practice {exercise}` starts it over; `pyroad check` rates this review \
                 (a pass without hints is good, with hints hard, a fail again)."
            ),
        }
    }
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
    let only = match &args.topic {
        Some(key) => Some(curriculum.find(key).with_context(|| format!("no curriculum topic `{key}`"))?.id.clone()),
        None => None,
    };
    let now = crate::clock::now()?.timestamp();
    let states = store.card_states(ME).await?;
    let summary = summary(store, stored.as_ref(), &progress, &states, now).await?;
    let due: Vec<(&Due, Shown<'_>)> = summary
        .due
        .iter()
        .filter(|d| only.as_ref().is_none_or(|t| *t == d.topic))
        // Items the curriculum or the exercises no longer have cannot be shown.
        .filter_map(|d| Shown::of(&curriculum, &d.id).map(|shown| (d, shown)))
        .take(args.limit)
        .collect();
    if args.json {
        let cards: Vec<_> = due
            .iter()
            .map(|(d, shown)| {
                serde_json::json!({
                    "id": d.id, "kind": shown.kind(), "topic": d.topic, "new": d.new, "due": d.due,
                    "front": shown.front(), "back": shown.back(),
                })
            })
            .collect();
        let value = serde_json::json!({ "now": now, "due": summary.due.len(), "cards": cards });
        print(&(serde_json::to_string_pretty(&value).context("cannot encode the queue")? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    if due.is_empty() {
        print("nothing to review now: mark topics done to add their cards, or come back later\n")?;
        return Ok(ExitCode::SUCCESS);
    }
    session(store, &due, now).await
}

/// Asks each due card: front, Enter, back, then a rating. A due exercise
/// is only announced: solving it again is its review.
async fn session<S: Store>(store: &S, due: &[(&Due, Shown<'_>)], now: Timestamp) -> Result<ExitCode> {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut done = 0;
    for (i, (d, shown)) in due.iter().enumerate() {
        let head = format!("\n[{}/{}] {}  ({})\n{}\n", i + 1, due.len(), shown.topic_title(), d.id, shown.front());
        if let Shown::Exercise { .. } = shown {
            print(&format!("{head}{}\n", shown.back()))?;
            continue;
        }
        print(&format!("{head}(Enter shows the answer) "))?;
        if lines.next().transpose().context("cannot read from standard input")?.is_none() {
            break;
        }
        print(&format!("\n{}\n", shown.back()))?;
        let rating = loop {
            print("How well did you recall it? 1 again, 2 hard, 3 good, 4 easy (q stops): ")?;
            let Some(line) = lines.next().transpose().context("cannot read from standard input")? else {
                return finish(done);
            };
            if line.trim().eq_ignore_ascii_case("q") {
                return finish(done);
            }
            match fsrs_review::parse_rating(&line) {
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
pub fn when(due: Timestamp, now: Timestamp) -> String {
    #[allow(clippy::cast_precision_loss)] // seconds of a century at most
    let days = (due.as_second() - now.as_second()) as f64 / 86_400.0;
    let at = due.strftime("%Y-%m-%d %H:%M UTC");
    if days < 1.0 { format!("in {:.0} minutes ({at})", days * 1440.0) } else { format!("in {days:.1} days ({at})") }
}

async fn rate<S: Store>(store: &S, curriculum: &Curriculum, card: &str, rating: &str, json: bool) -> Result<ExitCode> {
    if let Some(exercise) = deck::exercise_of(card) {
        bail!("{card} is an exercise: solve it again (`pyroad practice {exercise}`) and `pyroad check` rates it");
    }
    let Some(item) = deck::lookup(curriculum, card) else {
        bail!("no review card {card:?} (see `pyroad review --json` for the due ones)");
    };
    let Some(rating) = fsrs_review::parse_rating(rating) else {
        bail!("{rating:?} is not a rating: give again, hard, good or easy (or 1-4)");
    };
    let now = crate::clock::now()?.timestamp();
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
        let rating = fsrs_review::from_attempt(correct, true);
        let id = deck::question_id(&topic.id, index + 1);
        record(store, &id, rating, ReviewSource::Quiz, crate::clock::now()?.timestamp()).await?;
    }
    let mut text = String::new();
    let _ = writeln!(text, "\n{right} of {} right", selection.len());
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}
