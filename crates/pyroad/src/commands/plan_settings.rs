//! Saved plan settings and the learner's own estimates. Each is one JSON
//! value under one store setting, so every write is one transaction:
//! `plan.settings` (per learner) and `plan.estimates.<roadmap id>` (per
//! learner and roadmap). The settings type, keys and how they become a
//! `PlanInput` with each value's provenance live in `pyroad-progress`,
//! shared with the web app; the flags and `pyroad plan set` are the CLI's.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use jiff::civil::Date;
use pyroad_plan::PlanError;
use pyroad_plan::input::{parse_date, parse_vacation, parse_weekdays};
pub use pyroad_progress::{Chosen, Origin, SETTINGS_KEY, SavedSettings, estimates_key};
use pyroad_progress::{PlanOverrides, ProgressError, parse_estimates, weekday_list};
use pyroad_store::{RoadmapId, Store};

use super::store::ME;
use crate::cli::PlanSettingsArgs;
use crate::output::print;

pub async fn load<S: Store>(store: &S) -> Result<SavedSettings> {
    let text = store.setting(ME, SETTINGS_KEY).await?;
    SavedSettings::from_setting(text.as_deref()).map_err(|e| anyhow::anyhow!("{e}; run `pyroad plan set --clear`"))
}

pub async fn load_estimates<S: Store>(store: &S, roadmap: RoadmapId) -> Result<BTreeMap<String, f64>> {
    let key = estimates_key(roadmap);
    let text = store.setting(ME, &key).await?;
    parse_estimates(&key, text.as_deref()).map_err(|e| match e {
        ProgressError::UnreadableEstimates { key, reason } => {
            anyhow::anyhow!(
                "your saved estimates ({key}) are unreadable; clear them with set-estimate --clear: {reason}"
            )
        }
        other => other.into(),
    })
}

pub async fn save_estimates<S: Store>(store: &S, roadmap: RoadmapId, map: &BTreeMap<String, f64>) -> Result<()> {
    let key = estimates_key(roadmap);
    let text = if map.is_empty() { None } else { Some(serde_json::to_string(map).context("cannot encode estimates")?) };
    store.set_setting(ME, &key, text.as_deref()).await?;
    Ok(())
}

/// The flags, as the values asked for over the saved settings.
impl From<&PlanSettingsArgs> for PlanOverrides {
    fn from(flags: &PlanSettingsArgs) -> Self {
        PlanOverrides {
            hours_per_week: flags.hours_per_week,
            start: flags.start.clone(),
            days_off: flags.days_off.clone(),
            vacations: flags.vacations.clone(),
            path: flags.path.clone(),
        }
    }
}

/// The plan input from flags, then saved settings, then defaults
/// (`pyroad_progress::choose`, which the web app plans through too).
pub fn choose(flags: &PlanSettingsArgs, saved: &SavedSettings, today: Date) -> Result<Chosen> {
    Ok(pyroad_progress::choose(&flags.into(), saved, today)?)
}

/// `pyroad plan set`: checks every value as the planner would, then saves
/// them all in one write. A plan without a start date starts today, so
/// `pyroad status` has a plan to compare progress with.
pub async fn set<S: Store>(store: &S, flags: &PlanSettingsArgs, clear: bool, today: Date) -> Result<ExitCode> {
    let no_flags = flags.hours_per_week.is_none()
        && flags.start.is_none()
        && flags.days_off.is_none()
        && flags.vacations.is_empty()
        && flags.path.is_none();
    if clear && no_flags {
        // Forgetting everything leaves no plan for `pyroad status` to compare with.
        store.set_setting(ME, SETTINGS_KEY, None).await?;
        print("forgot the saved plan settings\n")?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut saved = if clear { SavedSettings::default() } else { load(store).await? };
    if let Some(h) = flags.hours_per_week {
        if !(h.is_finite() && h > 0.0) {
            return Err(PlanError::InvalidHours(h).into());
        }
        if h > 7.0 * 24.0 {
            return Err(PlanError::HoursExceedWeek { hours: h, study_days: 7 }.into());
        }
        saved.hours_per_week = Some(h);
    }
    if let Some(s) = &flags.start {
        saved.start = Some(parse_date(s)?);
    }
    if let Some(d) = &flags.days_off {
        let days = parse_weekdays(d)?;
        if days.len() == 7 {
            return Err(PlanError::NoStudyDays.into());
        }
        saved.days_off = Some(weekday_list(&days)).filter(|s| s != "none").or(Some(String::new()));
    }
    if !flags.vacations.is_empty() {
        saved.vacations = flags
            .vacations
            .iter()
            .map(|v| parse_vacation(v).map(|r| format!("{}..{}", r.start, r.end)))
            .collect::<Result<_, _>>()?;
    }
    if let Some(p) = &flags.path {
        let p = p.trim();
        if p.is_empty() {
            saved.path = None;
        } else {
            // Checked against the active roadmap when there is one: the
            // mistake is cheaper to fix now than at every `pyroad plan`.
            if let Some(active) = store.active_roadmap(ME).await? {
                pyroad_plan::paths::find_path(&active.roadmap, p)
                    .with_context(|| format!("roadmap {:?}", active.name))?;
            }
            saved.path = Some(p.to_owned());
        }
    }
    if saved.start.is_none() {
        saved.start = Some(today);
    }
    store.set_setting(ME, SETTINGS_KEY, Some(&saved.to_setting())).await?;
    let chosen = choose(&PlanSettingsArgs::default(), &saved, today)?;
    let mut out = String::from("saved plan settings:\n");
    for l in &chosen.lines {
        let _ = writeln!(out, "  {:<11} {}", l.name, l.value);
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// "3h", "90m", "1h30m", "2.5" (hours) -> hours; 0 to 10,000.
pub fn parse_hours(text: &str) -> Result<f64> {
    let bad = || anyhow::anyhow!("{text:?} is not an estimate: write 3h, 90m, 1h30m or 2.5 (hours)");
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Err(bad());
    }
    let (mut total, mut number, mut saw_unit) = (0.0f64, String::new(), false);
    for c in t.chars() {
        match c {
            '0'..='9' | '.' => number.push(c),
            'h' | 'm' => {
                let n: f64 = number.parse().map_err(|_| bad())?;
                total += if c == 'h' { n } else { n / 60.0 };
                number.clear();
                saw_unit = true;
            }
            _ => return Err(bad()),
        }
    }
    if !number.is_empty() {
        if saw_unit {
            return Err(bad());
        }
        total += number.parse::<f64>().map_err(|_| bad())?;
    }
    if !(total.is_finite() && (0.0..=10_000.0).contains(&total)) {
        bail!("{text:?} is not a usable estimate: give 0 to 10,000 hours");
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::Weekday;

    #[test]
    fn parses_estimates_in_hours_and_minutes() {
        assert_eq!(parse_hours("3h").unwrap(), 3.0);
        assert_eq!(parse_hours("90m").unwrap(), 1.5);
        assert_eq!(parse_hours("1h30m").unwrap(), 1.5);
        assert_eq!(parse_hours("2.5").unwrap(), 2.5);
        assert_eq!(parse_hours("40h").unwrap(), 40.0);
        for bad in ["", "-3h", "3x", "1h30", "20000h", "h"] {
            assert!(parse_hours(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn flags_win_over_saved_values_and_say_so() {
        let saved = SavedSettings {
            hours_per_week: Some(10.0),
            start: Some(jiff::civil::date(2026, 11, 2)),
            days_off: Some("sat,sun".into()),
            vacations: vec!["2026-12-24..2027-01-02".into()],
            path: None,
        };
        let flags = PlanSettingsArgs { hours_per_week: Some(6.0), ..Default::default() };
        let c = choose(&flags, &saved, jiff::civil::date(2026, 11, 23)).unwrap();
        assert_eq!(c.input.hours_per_week, Some(6.0));
        assert_eq!(c.input.start, jiff::civil::date(2026, 11, 2));
        assert_eq!(c.input.days_off, vec![Weekday::Saturday, Weekday::Sunday]);
        assert_eq!(c.start_from, Origin::Saved);
        assert_eq!(
            c.header(),
            "settings: hours/week 6 (flag) · start 2026-11-02 (saved) · days off sat,sun (saved) · \
             vacations 2026-12-24..2027-01-02 (saved) · path none (default)"
        );
    }
}
