//! `pyroad plan`: a dated plan for a roadmap. The planning itself is
//! `pyroad_plan`; this module turns flags into a `PlanInput`, prints, and
//! writes the calendar file.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Context, Result, bail};
use jiff::civil::{Date, Time};
use pyroad_model::Roadmap;
use pyroad_plan::markdown::hours;
use pyroad_plan::paths::fmt_range;
use pyroad_plan::{EstimateSource, HoursFrom, IcsOptions, Plan, Replan, Standing};
use pyroad_store::{Progress, Store, StoredRoadmap};

use pyroad_progress::{finished, log_hours};

use super::plan_settings::{self, Origin, SavedSettings};
use super::store::{ME, pick};
use super::topics::resolve;
use crate::cli::{PlanArgs, PlanCommand, PlanSettingsArgs, StoreArgs};
use crate::output::print;

/// Larger inputs are not roadmaps; refuse before reading them whole.
const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// `pyroad plan`: a file given with `--roadmap` is planned from flags
/// alone, without opening the store; everything else needs the store.
pub fn run(store: &StoreArgs, args: Box<PlanArgs>) -> Result<ExitCode> {
    match &args.roadmap {
        Some(path) if args.action.is_none() => {
            let roadmap = read_roadmap(path)?;
            let now = crate::clock::now()?;
            let today = now.date();
            let chosen = plan_settings::choose(&args.settings, &SavedSettings::default(), today)?;
            let plan = pyroad_plan::plan(&roadmap, &chosen.input)?;
            let offer = plan.path.is_none().then(|| paths_offer(&roadmap)).flatten();
            emit(&plan, &args, now.timestamp(), offer.as_deref(), serde_json::Map::new())?;
            Ok(ExitCode::SUCCESS)
        }
        _ => super::store::run(store, super::store::Action::Plan(args)),
    }
}

/// `pyroad plan` on a stored roadmap (the active one by default): saved
/// settings fill in absent flags, your estimates win over all others, and
/// done or skipped topics count as finished.
pub async fn run_stored<S: Store>(store: &S, args: Box<PlanArgs>) -> Result<ExitCode> {
    let now = crate::clock::now()?;
    let today = now.date();
    match &args.action {
        Some(PlanCommand::Set { settings, clear }) => return plan_settings::set(store, settings, *clear, today).await,
        Some(PlanCommand::SetEstimate { topic, duration, clear, name }) => {
            return set_estimate(store, topic, duration.as_deref(), *clear, name.as_deref()).await;
        }
        None => {}
    }
    let stored = pick(store, args.name.as_deref()).await?;
    let saved = plan_settings::load(store).await?;
    let mut chosen = plan_settings::choose(&args.settings, &saved, today)?;
    chosen.input.overrides = plan_settings::load_estimates(store, stored.id).await?;
    let progress = store.progress(ME, stored.id).await?;
    chosen.input.done = finished(&progress);
    let mut extra = serde_json::Map::new();
    extra.insert("settings".into(), serde_json::to_value(&chosen.lines).context("cannot encode settings")?);
    let mut header = chosen.header();
    if args.replan {
        chosen.input.log = log_hours(&store.log_entries(ME, None).await?, stored.id);
        let replan = pyroad_plan::replan(&stored.roadmap, &chosen.input, today)?;
        let _ = write!(header, "\n{}", pace_text(&replan, chosen.input.hours_per_week));
        extra.insert("pace".into(), serde_json::to_value(&replan.pace).context("cannot encode pace")?);
        extra.insert("factor".into(), replan.factor.into());
        extra.insert("baseline_finish".into(), serde_json::to_value(replan.baseline_finish).unwrap_or_default());
        extra.insert("standing".into(), serde_json::to_value(&replan.status).context("cannot encode status")?);
        emit(&replan.plan, &args, now.timestamp(), Some(&header), extra)?;
        return Ok(ExitCode::SUCCESS);
    }
    // A saved start in the past is when the plan began, not where the
    // remaining work goes: that starts today.
    if chosen.start_from != Origin::Flag && chosen.input.start < today {
        let _ = write!(header, "\nplan started {}; remaining work planned from today, {today}", chosen.input.start);
        chosen.input.start = today;
    }
    let plan = pyroad_plan::plan(&stored.roadmap, &chosen.input)?;
    if let Some(offer) = plan.path.is_none().then(|| paths_offer(&stored.roadmap)).flatten() {
        let _ = write!(header, "\n{offer}");
    }
    emit(&plan, &args, now.timestamp(), Some(&header), extra)?;
    Ok(ExitCode::SUCCESS)
}

/// "paths offered: Accelerated 30-40 h/week (stated 4-5 months), ...", so
/// a learner sees the names `--path` takes; `None` when the roadmap has none.
fn paths_offer(roadmap: &Roadmap) -> Option<String> {
    let paths = pyroad_plan::learning_paths(roadmap);
    if paths.is_empty() {
        return None;
    }
    let items: Vec<String> = paths
        .iter()
        .map(|p| {
            let derived = if p.hours_from == HoursFrom::DerivedFromLength { " derived" } else { "" };
            let decimals = usize::from(p.hours_from == HoursFrom::DerivedFromLength);
            let months = p.stated_months().map(|m| format!(" (stated {} months)", fmt_range(m, 0))).unwrap_or_default();
            format!("{} {} h/week{derived}{months}", p.name, fmt_range(p.hours_per_week, decimals))
        })
        .collect();
    Some(format!("paths offered (--path NAME): {}", items.join(", ")))
}

fn pace_text(r: &Replan, planned: Option<f64>) -> String {
    let p = &r.pace;
    let mut o = format!("pace: {} hours logged in {} days", hours(p.logged_hours), p.days_elapsed);
    match p.hours_per_week {
        Some(h) => {
            let _ = write!(o, ": {} h/week", hours(h));
            if let Some(planned) = planned {
                let _ = write!(o, " (planned {})", hours(planned));
            }
        }
        None => o.push_str(": too little history for a weekly pace"),
    }
    match p.accuracy {
        Some(a) => {
            let _ = write!(
                o,
                "; finished topics took {} h against {} h estimated (accuracy {a:.2}): remaining estimates x{:.2}",
                hours(p.done_logged_hours),
                hours(p.done_estimate_hours),
                r.factor
            );
        }
        None => o.push_str("; no time logged on finished topics: estimates kept"),
    }
    let baseline = r.baseline_finish.map_or("nothing".to_owned(), |d| d.to_string());
    let _ = write!(o, "\nstatus: {} (the plan finished {baseline})", r.status);
    o
}

/// `pyroad plan set-estimate TOPIC 3h`: the topic is found like `pyroad
/// mark` finds it, and must be a unit the planner schedules.
async fn set_estimate<S: Store>(
    store: &S,
    topic: &str,
    duration: Option<&str>,
    clear: bool,
    name: Option<&str>,
) -> Result<ExitCode> {
    let stored = pick(store, name).await?;
    let node = resolve(&stored.roadmap, topic)?;
    let est = pyroad_plan::estimate::resolve(
        &stored.roadmap,
        &BTreeMap::new(),
        &BTreeSet::new(),
        pyroad_plan::estimate::DEFAULT_HOURS_PER_WEEK,
    )?;
    let Some(unit) = est.units.iter().find(|u| u.id == node.id) else {
        let holder =
            est.units.iter().find(|u| stored.roadmap.find(&u.id).is_some_and(|n| n.walk().any(|d| d.id == node.id)));
        match holder {
            Some(u) => {
                bail!("{} is planned as part of {} ({}): set the estimate of {} instead", node.id, u.title, u.id, u.id)
            }
            None => bail!("{} ({}) is not a topic the plan schedules: give one of its topics", node.id, node.title),
        }
    };
    let mut map = plan_settings::load_estimates(store, stored.id).await?;
    let message = if clear {
        map.remove(&unit.id);
        format!("forgot your estimate for {}: back to {} h ({})\n", unit.id, hours(unit.hours.mid()), unit.source)
    } else {
        let text = duration.context("give a duration such as 3h, or --clear")?;
        let h = plan_settings::parse_hours(text)?;
        map.insert(unit.id.clone(), h);
        format!(
            "estimate for {} ({}): {} h, yours (was {} h, {})\n",
            unit.id,
            unit.title,
            hours(h),
            hours(unit.hours.mid()),
            unit.source
        )
    };
    plan_settings::save_estimates(store, stored.id, &map).await?;
    print(&message)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the calendar if asked, then prints the plan in the chosen form.
fn emit(
    plan: &Plan,
    args: &PlanArgs,
    now: jiff::Timestamp,
    header: Option<&str>,
    extra: serde_json::Map<String, serde_json::Value>,
) -> Result<()> {
    if let Some(path) = &args.ics {
        let at: Time = args.at.parse().with_context(|| format!("--at `{}` is not a time like 18:00", args.at))?;
        let ics = pyroad_plan::to_ics(plan, &IcsOptions { start_time: at, stamp: now });
        write_atomic(path, ics.as_bytes())?;
    }
    if args.json {
        let mut value = serde_json::to_value(plan).context("cannot encode the plan")?;
        if let Some(obj) = value.as_object_mut() {
            obj.extend(extra);
        }
        print(&(serde_json::to_string_pretty(&value).context("cannot encode the plan")? + "\n"))?;
    } else if args.markdown {
        let mut text = pyroad_plan::markdown::render(plan);
        if let Some(h) = header {
            // Below the title line: "# Plan: ...\n\n".
            let at = text.find("\n\n").map_or(0, |i| i + 2);
            text.insert_str(at, &format!("{}\n\n", h.replace('\n', "\n\n")));
        }
        print(&text)?;
    } else {
        for w in &plan.warnings {
            eprintln!("warning: {w}");
        }
        let mut text = header.map(|h| format!("{h}\n")).unwrap_or_default();
        text.push_str(&summary(plan));
        if args.estimates {
            text.push_str(&estimate_list(plan));
        }
        print(&text)?;
    }
    Ok(())
}

/// One line per unit: hours, where they come from, id and title.
fn estimate_list(plan: &Plan) -> String {
    let mut o = String::from("estimates:\n");
    for e in &plan.estimates {
        let state = if e.done { "  done" } else { "" };
        let source = match e.source {
            EstimateSource::Override => "yours".to_owned(),
            ref s => s.to_string(),
        };
        let _ = writeln!(o, "  {:>6} h  {source}  {} ({}){state}", hours(e.hours.mid()), e.id, e.title);
    }
    o
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
        if p.hours_from == HoursFrom::DerivedFromLength {
            let _ = writeln!(
                o,
                "path {}: {stated}, no weekly hours: derived {:.1}-{:.1} h/week from the content; this plan {:.1} months",
                p.name, p.hours_per_week.min, p.hours_per_week.max, p.planned_months
            );
        } else {
            let _ = writeln!(
                o,
                "path {}: {stated}; its hours give {:.1}-{:.1} months; this plan {:.1} months",
                p.name, p.computed_months.min, p.computed_months.max, p.planned_months
            );
        }
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

/// Where the learner stands against the saved plan, for `pyroad status`.
/// `None` without a saved start (no plan to compare with); a plan that
/// cannot be made is reported, not fatal, so status always shows.
pub async fn standing<S: Store>(
    store: &S,
    stored: &StoredRoadmap,
    progress: &[Progress],
    log: &[pyroad_store::LogEntry],
    today: Date,
) -> Result<Option<Result<Standing, String>>> {
    let saved = match plan_settings::load(store).await {
        Ok(s) => s,
        Err(e) => return Ok(Some(Err(format!("{e:#}")))),
    };
    if !saved.has_baseline() {
        return Ok(None);
    }
    let overrides = plan_settings::load_estimates(store, stored.id).await;
    let result = (|| -> Result<Standing> {
        let mut chosen = plan_settings::choose(&PlanSettingsArgs::default(), &saved, today)?;
        chosen.input.today = None;
        chosen.input.overrides = overrides?;
        chosen.input.done = finished(progress);
        chosen.input.log = log_hours(log, stored.id);
        Ok(pyroad_plan::standing(&stored.roadmap, &chosen.input, today)?)
    })();
    Ok(Some(result.map_err(|e| format!("{e:#}"))))
}
