//! `pyroad plan`: a dated plan for a roadmap. The planning itself is
//! `pyroad_plan`; this module turns flags into a `PlanInput`, prints, and
//! writes the calendar file.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use jiff::civil::{Date, Time};
use pyroad_model::Roadmap;
use pyroad_plan::input::{parse_date, parse_vacation, parse_weekdays};
use pyroad_plan::markdown::hours;
use pyroad_plan::{IcsOptions, Plan, PlanInput};

use crate::cli::PlanArgs;
use crate::output::print;

/// Larger inputs are not roadmaps; refuse before reading them whole.
const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

pub fn run(args: &PlanArgs) -> Result<ExitCode> {
    let roadmap = read_roadmap(&args.roadmap)?;
    let now = jiff::Zoned::now();
    plan_roadmap(&roadmap, args, now.date(), now.timestamp())?;
    Ok(ExitCode::SUCCESS)
}

/// The whole command for a roadmap already in memory, so it can later plan
/// the store's active roadmap. `today` and `now` are passed in for tests.
pub fn plan_roadmap(roadmap: &Roadmap, args: &PlanArgs, today: Date, now: jiff::Timestamp) -> Result<()> {
    let input = plan_input(args, today)?;
    let plan = pyroad_plan::plan(roadmap, &input)?;
    if let Some(path) = &args.ics {
        let at: Time = args.at.parse().with_context(|| format!("--at `{}` is not a time like 18:00", args.at))?;
        let ics = pyroad_plan::to_ics(&plan, &IcsOptions { start_time: at, stamp: now });
        write_atomic(path, ics.as_bytes())?;
    }
    if args.json {
        print(&(serde_json::to_string_pretty(&plan).context("cannot encode the plan")? + "\n"))?;
    } else if args.markdown {
        print(&pyroad_plan::markdown::render(&plan))?;
    } else {
        for w in &plan.warnings {
            eprintln!("warning: {w}");
        }
        print(&summary(&plan))?;
    }
    Ok(())
}

fn plan_input(args: &PlanArgs, today: Date) -> Result<PlanInput> {
    let start = args.start.as_deref().map(parse_date).transpose()?.unwrap_or(today);
    let mut input = PlanInput::new(start);
    input.today = Some(today);
    input.hours_per_week = args.hours_per_week;
    input.path.clone_from(&args.path);
    if let Some(days) = &args.days_off {
        input.days_off = parse_weekdays(days)?;
    }
    input.vacations = args.vacations.iter().map(|v| parse_vacation(v)).collect::<Result<_, _>>()?;
    Ok(input)
}

/// The terminal view: sections with end dates, milestones, one line a week.
fn summary(plan: &Plan) -> String {
    let mut o = String::new();
    let finish = plan.finish.map_or("nothing left to plan".to_owned(), |d| d.to_string());
    let _ = writeln!(
        o,
        "{}: {} weeks, {} hours, finish {finish}",
        plan.roadmap,
        plan.weeks.len(),
        hours(plan.remaining_hours)
    );
    if let Some(p) = &plan.path {
        let stated = p
            .stated_months
            .map_or("no length stated".to_owned(), |m| format!("stated {:.0}-{:.0} months", m.min, m.max));
        let _ = writeln!(
            o,
            "path {}: {stated}; its hours give {:.1}-{:.1} months; this plan {:.1} months",
            p.name, p.computed_months.min, p.computed_months.max, p.planned_months
        );
    }
    for s in &plan.sections {
        let _ = writeln!(o, "  {} .. {}  {}", s.start, s.end, s.title);
    }
    for m in &plan.milestones {
        let _ = writeln!(o, "  {}  milestone: {}", m.date, m.title);
    }
    for w in &plan.weeks {
        let first = w.topics.first().map_or("(no study)", |t| t.title.as_str());
        let more = if w.topics.len() > 1 { format!(" (+{} more)", w.topics.len() - 1) } else { String::new() };
        let _ = writeln!(o, "{} {} {:>5} h  {first}{more}", w.label, w.monday, hours(w.hours));
    }
    o
}

fn read_roadmap(path: &Path) -> Result<Roadmap> {
    let meta = std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
    anyhow::ensure!(meta.len() <= MAX_INPUT_BYTES, "{} is larger than 64 MB: not a roadmap", path.display());
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(pyroad_import::import(&bytes, &pyroad_import::Options::default()).roadmap)
}

/// Writes to a temporary file beside `path`, then renames it over `path`:
/// a reader never sees a half-written calendar.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).with_context(|| format!("cannot write in {}", dir.display()))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
