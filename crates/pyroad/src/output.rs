//! Writing to standard output without panicking on a closed pipe.

use std::io::{self, Write};

use anyhow::{Context, Result};

/// Writes `text` to stdout. A reader that went away (`| head`) is not an error.
pub fn print(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
}
