//! The command-line interface, as clap definitions only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

mod track;
pub use track::*;

#[derive(Debug, Parser)]
#[command(name = "pyroad", version, about = "Learn Python along a real roadmap: plan it, track it, prove it")]
pub struct Cli {
    /// No command: `pyroad status`.
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read, check and convert roadmap files.
    #[command(subcommand)]
    Roadmap(RoadmapCommand),
    /// Check and count the built-in curriculum.
    #[command(subcommand)]
    Content(ContentCommand),
    /// Show a built-in lesson in the terminal.
    Learn(LearnArgs),
    /// Predict-the-output questions: type what a snippet prints.
    Quiz(QuizArgs),
    /// A dated week-by-week plan from hours per week, or the roadmap's own durations.
    Plan(Box<PlanArgs>),
    /// Start the next practice exercise (of a topic or roadmap item, or one exercise): copies it into your practice folder.
    Practice(crate::commands::practice::PracticeArgs),
    /// Check your solution of an exercise with your own Python.
    Check(crate::commands::practice::CheckArgs),
    /// Re-check the current exercise every time you save it.
    Watch(crate::commands::practice::WatchArgs),
    /// Show the next hint for the current exercise.
    Hint(crate::commands::practice::ExerciseArgs),
    /// Show the reference solution (after a pass, or with --reveal).
    Solution(crate::commands::practice::SolutionArgs),
    /// Put an exercise's starter file back (your version is kept as .bak).
    Reset(crate::commands::practice::ResetArgs),
    /// Tools for exercise authors.
    #[command(subcommand)]
    Exercises(crate::commands::practice::ExercisesCommand),
    #[command(flatten)]
    Track(TrackCommand),
    /// Spaced repetition: due cards of the topics you marked done (FSRS).
    Review(crate::commands::review::ReviewArgs),
    /// Serve the web app and JSON API on this machine (loopback only).
    Serve(crate::commands::serve::ServeArgs),
}

#[derive(Debug, Subcommand)]
pub enum RoadmapCommand {
    #[command(flatten)]
    Stored(StoredRoadmapCommand),
    /// Print the tree a roadmap file imports to; stores nothing.
    Parse {
        #[command(flatten)]
        input: Input,
        /// Print the JSON contract instead of the tree view.
        #[arg(long)]
        json: bool,
        /// Also list the source lines that made no node, and why.
        #[arg(long)]
        explain: bool,
    },
    /// Report what a roadmap author should fix, with line numbers.
    Lint {
        #[command(flatten)]
        input: Input,
        #[arg(long)]
        json: bool,
    },
    /// Write a roadmap back out as markdown or JSON.
    Export {
        #[command(flatten)]
        input: Input,
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Match every learnable item to the built-in topics that teach it.
    Coverage {
        #[command(flatten)]
        input: Input,
        /// Print `{"total", "matched", "items": [...]}` as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct Input {
    /// The roadmap file (markdown or plain text, whatever its extension).
    pub path: PathBuf,
    /// Read the file as this format instead of detecting it.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// Keep mis-encoded text (mojibake) as it is instead of repairing it.
    #[arg(long)]
    pub raw_encoding: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputFormat {
    Markdown,
    Plain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum ContentCommand {
    /// Check the curriculum and run every example and question with Python.
    Verify {
        /// Check topic files in this folder instead of the built-in ones.
        #[arg(long)]
        dir: Option<PathBuf>,
        /// The interpreter for examples and questions.
        #[arg(long, env = "PYROAD_PYTHON")]
        python: Option<PathBuf>,
        /// A virtual environment with the packages `requires=` examples need.
        #[arg(long, env = "PYROAD_CONTENT_VENV")]
        venv: Option<PathBuf>,
        /// Only these topics (by id); repeatable.
        #[arg(long)]
        topic: Vec<String>,
        /// Seconds each snippet may run.
        #[arg(long, default_value_t = 10)]
        timeout: u32,
        #[arg(long)]
        json: bool,
    },
    /// Count topics, cards, questions, examples and exercises.
    Stats {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct LearnArgs {
    /// A topic id, title or alias (`lists`, "list comprehensions"), or an
    /// item of the active roadmap (the lessons of the topics it stands for).
    pub topic: String,
    /// Print instead of paging, even on a terminal.
    #[arg(long)]
    pub no_pager: bool,
}

#[derive(Debug, Args)]
pub struct QuizArgs {
    /// A topic id, title or alias; all topics when absent.
    pub topic: Option<String>,
    /// How many questions to ask.
    #[arg(long, default_value_t = 5)]
    pub count: usize,
    /// Start at this question number (0-based) of the selection.
    #[arg(long)]
    pub start: Option<usize>,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PlanArgs {
    #[command(subcommand)]
    pub action: Option<PlanCommand>,
    /// Plan this roadmap file instead of a stored roadmap (flags only: saved settings and progress are not used).
    #[arg(long, conflicts_with_all = ["name", "replan"])]
    pub roadmap: Option<PathBuf>,
    /// The stored roadmap to plan [default: the active one].
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub settings: PlanSettingsArgs,
    /// Re-plan the remaining work at your measured pace (logged hours, finished topics).
    #[arg(long)]
    pub replan: bool,
    /// List every topic's estimate and where it comes from.
    #[arg(long)]
    pub estimates: bool,
    /// Print the plan as JSON.
    #[arg(long, conflicts_with = "markdown")]
    pub json: bool,
    /// Print the plan as markdown.
    #[arg(long)]
    pub markdown: bool,
    /// Also write the plan as an iCalendar file (one event per study day).
    #[arg(long, value_name = "FILE")]
    pub ics: Option<PathBuf>,
    /// When study blocks start in the calendar, local time HH:MM.
    #[arg(long, default_value = "18:00")]
    pub at: String,
}

/// What a plan is made from; `pyroad plan set` saves the same flags.
#[derive(Debug, Clone, Default, Args)]
pub struct PlanSettingsArgs {
    /// Hours of study per week; without it, the roadmap's own stated weekly hours.
    #[arg(long)]
    pub hours_per_week: Option<f64>,
    /// First day of the plan, YYYY-MM-DD (default: today).
    #[arg(long)]
    pub start: Option<String>,
    /// Weekdays without study, comma-separated: `sat,sun` (`""` for none).
    #[arg(long)]
    pub days_off: Option<String>,
    /// A vacation, `2026-12-24..2027-01-02` (inclusive); repeatable.
    #[arg(long = "vacation")]
    pub vacations: Vec<String>,
    /// A learning path the roadmap states, by name (`accelerated`).
    #[arg(long)]
    pub path: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Save plan settings, used whenever the flags are absent.
    Set {
        #[command(flatten)]
        settings: PlanSettingsArgs,
        /// Forget every saved plan setting first (alone: forget the plan).
        #[arg(long)]
        clear: bool,
    },
    /// Your own estimate for a topic, e.g. `pyroad plan set-estimate decorators 3h`.
    SetEstimate {
        /// A topic id, a unique title prefix, or words of its title.
        topic: String,
        /// How long: 3h, 90m, 1h30m, 2.5 (hours).
        #[arg(required_unless_present = "clear")]
        duration: Option<String>,
        /// Forget your estimate for the topic.
        #[arg(long, conflicts_with = "duration")]
        clear: bool,
        /// The stored roadmap [default: the active one].
        #[arg(long)]
        name: Option<String>,
    },
}
