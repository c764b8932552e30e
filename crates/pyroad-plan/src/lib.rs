//! The planner: from a roadmap and what a learner asks for (hours per week
//! or a learning path, a start date, days off, vacations), a dated
//! week-by-week plan; from the learning log, the pace and a re-plan.
//!
//! Pure and deterministic: no I/O, no clock (today is an input), no
//! database, no async. Dates are civil dates ([`jiff`]), weeks are ISO weeks.
//!
//! ```
//! use pyroad_model::{Node, NodeKind, Roadmap};
//! use pyroad_plan::{PlanInput, plan};
//!
//! let mut roadmap = Roadmap::new("Tiny");
//! let mut basics = Node::new(NodeKind::Section, "Basics", 1);
//! basics.children.push(Node::new(NodeKind::Topic, "Variables", 2));
//! roadmap.children.push(basics);
//! pyroad_model::ids::assign(&mut roadmap);
//!
//! let mut input = PlanInput::new(jiff::civil::date(2026, 12, 1));
//! input.hours_per_week = Some(7.0); // one hour a day
//! let plan = plan(&roadmap, &input).unwrap();
//! // A topic defaults to 2 hours: Tuesday and Wednesday.
//! assert_eq!(plan.finish, Some(jiff::civil::date(2026, 12, 2)));
//! ```

/// The crate's error and the warnings a plan carries.
mod error;
/// Unit estimates and where they come from.
pub mod estimate;
/// RFC 5545 export.
pub mod ics;
/// Plan input and its command-line forms.
pub mod input;
/// Markdown rendering.
pub mod markdown;
/// Pace, re-planning and on-track status.
pub mod pace;
/// Learning paths and their stated vs computed lengths.
pub mod paths;
/// The dated plan itself.
pub mod schedule;

pub use error::{PlanError, Warning};
pub use estimate::{EstimateSource, Range, TopicEstimate};
pub use ics::{IcsOptions, to_ics};
pub use input::{DateRange, LogEntry, PlanInput};
pub use pace::{Pace, Replan, Standing, Status, pace, replan, standing};
pub use paths::{Finding, HoursFrom, LearningPath, learning_paths, path_disagreements};
pub use schedule::{Mode, Plan, plan};
