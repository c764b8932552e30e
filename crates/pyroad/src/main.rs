//! `pyroad`: the command line. Argument definitions live in `cli`, each
//! command group in `commands`; this file only runs one and turns errors
//! into a one-line message and an exit code.

mod cli;
mod clock;
mod commands;
mod output;

use std::process::ExitCode;

use clap::Parser;

// Importing and storing roadmaps allocate many small strings; mimalloc
// handles that pattern markedly faster than glibc's malloc (docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // One line: what failed and where (the context chain, outermost first).
            let chain: Vec<String> = err.chain().map(ToString::to_string).collect();
            eprintln!("error: {}", chain.join(": "));
            ExitCode::from(2)
        }
    }
}
