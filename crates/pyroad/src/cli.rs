//! The command-line interface, as clap definitions only.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "pyroad", version, about = "Learn Python along a real roadmap: plan it, track it, prove it")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read, check and convert roadmap files.
    #[command(subcommand)]
    Roadmap(RoadmapCommand),
}

#[derive(Debug, Subcommand)]
pub enum RoadmapCommand {
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
