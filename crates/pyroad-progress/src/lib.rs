//! Progress views shared by the CLI (`pyroad`) and the web server
//! (`pyroad-server`): which nodes count, their effective status and tallies
//! ([`Tracker`], [`Tally`]), learning streaks ([`Streak`]), the durations
//! and dates a learner types ([`parse_minutes`], [`parse_date`]) and the
//! saved plan settings both front ends read and write ([`SavedSettings`])
//! and how they, with what a front end asks for, become the planner's input
//! ([`choose`]).
//!
//! Pure: no I/O, no clock (callers pass today and how a stored moment maps
//! to a local day), no async runtime, web framework or database driver.

mod plan_input;
mod settings;
mod streak;
mod text;
mod tracker;

pub use plan_input::{
    Chosen, Origin, PlanOverrides, SettingLine, choose, finished, log_hours, parse_estimates, weekday_list,
};
pub use settings::{SETTINGS_KEY, SavedSettings, estimates_key};
pub use streak::{Streak, streak_of, week_start};
pub use text::{minutes_text, parse_date, parse_minutes};
pub use tracker::{Prerequisites, Tally, Tracker, hours, section_hours, trackable};

/// What a learner typed (a duration or a date) or a stored setting that
/// cannot be used; the message names the text and how to write it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProgressError {
    #[error("{0:?} is not a duration: write 45m, 1h, 1h30m, 1.5h or plain minutes")]
    BadDuration(String),
    #[error("{0:?} is not a day's learning: give 1 minute to 24 hours")]
    DurationOutOfRange(String),
    #[error("{0:?} is not a date: write YYYY-MM-DD")]
    BadDate(String),
    #[error("no day before today")]
    NoYesterday,
    #[error("{0} is in the future: log time you have spent")]
    FutureDate(jiff::civil::Date),
    #[error("the saved plan settings ({key}) are unreadable: {reason}")]
    UnreadableSettings { key: &'static str, reason: String },
    #[error("your saved estimates ({key}) are unreadable: {reason}")]
    UnreadableEstimates { key: String, reason: String },
}
