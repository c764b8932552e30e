//! Integration tests of the planner: one binary, one module per concern.

mod calendar;
mod common;
mod errors;
mod estimates;
mod ics;
mod pace;
mod props;
mod seeds;
mod snapshots;
