//! One module per command group.

mod content;
mod plan;
mod plan_settings;
mod roadmap;
// Progress store (issue 4).
mod backup;
mod habits;
mod library;
mod mark;
mod prereq;
mod status;
mod store;
mod topics;
mod track;
// Practice exercises (issue 6).
mod exercise_results;
pub mod practice;
// Spaced repetition (issue 7).
pub mod review;
mod review_summary;
mod verified;
// Built-in material on imported roadmaps (issue 7).
mod attached;
// Web app (issue 8).
pub mod serve;

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command, RoadmapCommand, StatusArgs, TrackCommand};

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        None => store::run(&cli.store, store::Action::Track(TrackCommand::Status(StatusArgs::default()))),
        Some(Command::Track(cmd)) => store::run(&cli.store, store::Action::Track(cmd)),
        Some(Command::Roadmap(RoadmapCommand::Stored(cmd))) => store::run(&cli.store, store::Action::Roadmap(cmd)),
        Some(Command::Roadmap(cmd)) => roadmap::run(cmd),
        Some(Command::Content(cmd)) => content::run(cmd),
        Some(Command::Learn(args)) => content::learn(&args, &cli.store),
        Some(Command::Quiz(args)) => store::run(&cli.store, store::Action::Quiz(args)),
        Some(Command::Plan(args)) => plan::run(&cli.store, args),
        Some(Command::Practice(args)) => practice::practice(&args, &cli.store),
        Some(Command::Check(args)) => practice::check(&args, &cli.store),
        Some(Command::Watch(args)) => practice::watch(&args, &cli.store),
        Some(Command::Hint(args)) => practice::hint(&args, cli.store.data_dir.as_deref()),
        Some(Command::Solution(args)) => practice::solution(&args, cli.store.data_dir.as_deref()),
        Some(Command::Reset(args)) => practice::reset(&args, cli.store.data_dir.as_deref()),
        Some(Command::Review(args)) => store::run(&cli.store, store::Action::Review(args)),
        Some(Command::Exercises(cmd)) => practice::exercises(cmd, cli.store.data_dir.as_deref()),
        Some(Command::Serve(args)) => serve::run(&cli.store, &args),
    }
}
