//! Clap definitions of the commands that read or write the progress store.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

use super::Input;

/// Which store to use. Given on any command.
#[derive(Debug, Clone, Default, Args)]
pub struct StoreArgs {
    /// Directory of the local SQLite database [default: the platform data directory].
    #[arg(long, global = true, env = "PYROAD_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Use the PostgreSQL database at this URL instead of the local SQLite file.
    #[arg(long, global = true, env = "DATABASE_URL", value_name = "URL", hide_env_values = true)]
    pub database_url: Option<String>,
}

/// `pyroad roadmap ...` commands on stored roadmaps.
#[derive(Debug, Subcommand)]
pub enum StoredRoadmapCommand {
    /// Store a roadmap file to track progress on it ([x] items start done).
    Add {
        #[command(flatten)]
        input: Input,
        /// The short name to refer to it by [default: from the file name].
        #[arg(long)]
        name: Option<String>,
    },
    /// List stored roadmaps (the active one is starred).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove a stored roadmap with its progress and notes.
    Remove { name: String },
    /// Make a stored roadmap the active one.
    Use { name: String },
    /// Re-import an edited roadmap file, keeping progress by topic id.
    Update {
        name: String,
        #[command(flatten)]
        input: Input,
    },
    /// List progress kept for topics that disappeared in an update.
    Archived {
        /// The roadmap [default: the active one].
        name: Option<String>,
    },
    /// Put archived progress back, on the same topic or on the one it became.
    Restore {
        /// The archived topic id.
        topic: String,
        /// The topic to restore onto [default: the same id].
        #[arg(long)]
        into: Option<String>,
        #[arg(long, short)]
        roadmap: Option<String>,
    },
}

/// The daily commands.
#[derive(Debug, Subcommand)]
pub enum TrackCommand {
    /// The active roadmap: progress per section, current topic, streak (the default command).
    Status(StatusArgs),
    /// The next topics to learn, in roadmap order.
    Next {
        /// How many.
        #[arg(short, default_value_t = 5)]
        n: usize,
        #[arg(long, short)]
        roadmap: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Set the status of topics: `pyroad mark TOPIC... STATUS` (one transaction).
    Mark {
        /// Topic ids, unique title prefixes, or words of their titles.
        #[arg(value_name = "TOPIC", num_args = 1.., required = true)]
        topics: Vec<String>,
        #[arg(value_enum)]
        status: MarkStatus,
        /// Also every topic under the named ones (`pyroad mark phase-1 done --all`).
        #[arg(long)]
        all: bool,
        #[arg(long, short)]
        roadmap: Option<String>,
    },
    /// Add a note to a topic.
    Note {
        topic: String,
        /// The note text.
        text: Option<String>,
        /// Write the note in $EDITOR.
        #[arg(long, conflicts_with = "text")]
        edit: bool,
        #[arg(long, short)]
        roadmap: Option<String>,
    },
    /// A topic: status, dates, notes, estimate, resources, children.
    Show {
        topic: String,
        #[arg(long, short)]
        roadmap: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record time spent learning: `pyroad log 45m [TOPIC]`.
    Log {
        /// How long: 45m, 1h, 1h30m, 1.5h, or plain minutes.
        duration: String,
        /// The topic worked on.
        topic: Option<String>,
        #[arg(long)]
        note: Option<String>,
        /// The day (YYYY-MM-DD, today, yesterday) [default: today].
        #[arg(long)]
        date: Option<String>,
        #[arg(long, short)]
        roadmap: Option<String>,
    },
    /// Days in a row with learning logged or topics done.
    Streak {
        #[arg(long)]
        json: bool,
    },
    /// Hours and topics per week, with a projected finish.
    Stats {
        /// How many weeks back.
        #[arg(long, default_value_t = 8)]
        weeks: u32,
        #[arg(long, short)]
        roadmap: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Export progress: markdown with [x]/[ ] and notes, or a full JSON backup.
    Export {
        #[arg(long, value_enum, default_value_t = ProgressFormat::Markdown)]
        format: ProgressFormat,
        #[arg(long, short)]
        roadmap: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Restore a JSON backup (`export --format json`) into an empty store.
    ImportProgress {
        /// The backup file.
        file: PathBuf,
    },
}

#[derive(Debug, Clone, Default, Args)]
pub struct StatusArgs {
    #[arg(long, short)]
    pub roadmap: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MarkStatus {
    Todo,
    Learning,
    Done,
    Skipped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProgressFormat {
    Markdown,
    Json,
}
