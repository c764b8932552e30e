//! One module per command group.

mod roadmap;

use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command};

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Roadmap(cmd) => roadmap::run(cmd),
    }
}
