//! The web plan honours everything the learner keeps, as `pyroad plan`
//! does: days off, vacations, a learning path and their own estimates,
//! saved through the store's settings exactly as the CLI writes them.

use std::collections::BTreeMap;

use jiff::civil::{Date, Weekday, date};
use pyroad_plan::{DateRange, PlanInput};
use pyroad_progress::{SETTINGS_KEY, SavedSettings, estimates_key};
use pyroad_store::{LearnerId, NewLogEntry, RoadmapId, Status, Store};

use crate::app::{App, seed};
use crate::cases::{SMALL, import};

const ME: LearnerId = LearnerId::LOCAL;
/// The test clock's day (`app::clock`).
const TODAY: Date = date(2026, 11, 23);

/// Saves the settings and estimates as `pyroad plan set` and `pyroad plan
/// set-estimate` do: one JSON value under each setting.
async fn keep_as_the_cli<S: Store + 'static>(
    app: &App<S>,
    roadmap: RoadmapId,
    settings: &SavedSettings,
    estimates: &[(&str, f64)],
) {
    app.state.store.set_setting(ME, SETTINGS_KEY, Some(&settings.to_setting())).await.expect("save the settings");
    let map: BTreeMap<&str, f64> = estimates.iter().copied().collect();
    let text = serde_json::to_string(&map).expect("estimates encode");
    app.state.store.set_setting(ME, &estimates_key(roadmap), Some(&text)).await.expect("save the estimates");
    // Written behind the app's back, as another process would: drop the
    // kept pages rather than wait out the freshness bound.
    app.state.invalidate(ME);
}

fn vacation() -> DateRange {
    DateRange { start: date(2026, 11, 30), end: date(2026, 12, 6) }
}

/// Days off sat,sun, a vacation over the whole of week 49, 5 h a week and
/// the learner's own 6 hours for Lists, as the CLI would keep them.
fn kept_settings(start: Date) -> SavedSettings {
    SavedSettings {
        hours_per_week: Some(5.0),
        start: Some(start),
        days_off: Some("sat,sun".into()),
        vacations: vec!["2026-11-30..2026-12-06".into()],
        path: None,
    }
}

/// The same plan input built by hand, without the code under test.
fn kept_input(start: Date, hours: f64) -> PlanInput {
    let mut input = PlanInput::new(start);
    input.today = Some(TODAY);
    input.hours_per_week = Some(hours);
    input.days_off = vec![Weekday::Saturday, Weekday::Sunday];
    input.vacations = vec![vacation()];
    input.overrides = BTreeMap::from([("lists".to_owned(), 6.0)]);
    input
}

fn week_rows(plan: &pyroad_plan::Plan) -> Vec<String> {
    let hours = pyroad_plan::markdown::hours;
    plan.weeks
        .iter()
        .map(|w| format!("<tr><td>{}</td><td>{}</td><td>{}</td>", w.label, w.monday, hours(w.hours)))
        .collect()
}

pub async fn plan_page_honours_kept_settings_and_estimates<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let stored = app.state.store.add_roadmap(ME, "small", &import(SMALL)).await.expect("add");
    app.state.store.set_status(ME, stored.id, "variables", Status::Done).await.expect("mark");
    keep_as_the_cli(&app, stored.id, &kept_settings(TODAY), &[("lists", 6.0)]).await;
    let done = app.state.store.progress(ME, stored.id).await.expect("progress");
    let done: std::collections::BTreeSet<String> =
        done.iter().filter(|p| matches!(p.status, Status::Done | Status::Skipped)).map(|p| p.topic.clone()).collect();
    let mut input = kept_input(TODAY, 5.0);
    input.done = done.clone();
    let expected = pyroad_plan::plan(&stored.roadmap, &input).expect("the kept plan");
    let mut bare = PlanInput::new(TODAY);
    bare.today = Some(TODAY);
    bare.hours_per_week = Some(5.0);
    bare.done = done.clone();
    let bare = pyroad_plan::plan(&stored.roadmap, &bare).expect("the plan without the kept extras");
    assert_ne!(expected.finish, bare.finish, "days off, the vacation and the estimate move the finish");
    assert_ne!(week_rows(&expected), week_rows(&bare));
    let in_vacation: f64 = expected.weeks.iter().filter(|w| w.label == "2026-W49").map(|w| w.hours).sum();
    assert_eq!(in_vacation, 0.0, "no study in the vacation week: {expected:?}");

    // The API's plan is the planner's own for the same input, field for field.
    let api = app.get("/api/v1/plan").await;
    assert_eq!(api.status, 200, "{}", api.body);
    assert_eq!(api.json(), serde_json::to_value(&expected).expect("a plan encodes"));

    // The page shows the same weeks and finish, and where each setting came from.
    let page = app.get("/plan").await;
    assert_eq!(page.status, 200, "{}", page.body);
    for row in week_rows(&expected) {
        assert!(page.body.contains(&row), "{row} missing: {}", page.body);
    }
    assert_eq!(page.body.matches("<tr><td>2026-W").count(), expected.weeks.len(), "{}", page.body);
    let finish = expected.finish.expect("work is left");
    assert!(page.body.contains(&format!("finishing {finish}")), "{}", page.body);
    assert!(!page.body.contains(&format!("finishing {}", bare.finish.expect("work is left"))));
    for shown in [
        "5 <em>(saved)</em>",
        "start 2026-11-23 <em>(saved)</em>",
        "days off sat,sun <em>(saved)</em>",
        "vacations 2026-11-30..2026-12-06 <em>(saved)</em>",
        "path none <em>(default)</em>",
    ] {
        assert!(page.body.contains(shown), "{shown} missing: {}", page.body);
    }
    assert!(page.body.contains("plan.ics\">Download"), "nothing asked, the kept plan's calendar");

    // The page's own hours win over the kept ones ("this page"); the rest stays kept.
    let mut asked = kept_input(TODAY, 3.0);
    asked.done = done;
    let asked = pyroad_plan::plan(&stored.roadmap, &asked).expect("the plan at 3 h");
    let api = app.get("/api/v1/plan?hours=3").await;
    assert_eq!(api.json(), serde_json::to_value(&asked).expect("a plan encodes"));
    let page = app.get("/plan?hours=3").await;
    assert!(page.body.contains("3 <em>(this page)</em>"), "{}", page.body);
    assert!(page.body.contains("days off sat,sun <em>(saved)</em>"), "{}", page.body);
    assert!(page.body.contains("plan.ics?hours=3\">Download"), "{}", page.body);

    // The calendar holds no study block on a day off or in the vacation.
    let ics = app.get("/plan.ics").await;
    assert_eq!(ics.status, 200, "{}", ics.body);
    let days: Vec<Date> = ics
        .body
        .lines()
        .filter_map(|l| l.strip_prefix("DTSTART:"))
        .map(|v| jiff::civil::DateTime::strptime("%Y%m%dT%H%M%S", v.trim()).expect("a floating DTSTART").date())
        .collect();
    assert!(!days.is_empty(), "{}", ics.body);
    for day in days {
        assert!(!matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday), "{day} is a day off");
        assert!(!vacation().contains(day), "{day} is in the vacation");
    }

    // A kept start in the past plans the remaining work from today, saying so.
    keep_as_the_cli(&app, stored.id, &kept_settings(date(2026, 11, 2)), &[("lists", 6.0)]).await;
    let page = app.get("/plan").await;
    assert!(page.body.contains("plan started 2026-11-02; remaining work planned from today, 2026-11-23"));
    assert!(page.body.contains(&format!("finishing {finish}")), "{}", page.body);
}

pub async fn plan_page_follows_a_kept_path<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let stored = app.state.store.add_roadmap(ME, "python", &import(&seed("001_"))).await.expect("add seed 001");
    let saved = SavedSettings { start: Some(TODAY), path: Some("accelerated".into()), ..SavedSettings::default() };
    keep_as_the_cli(&app, stored.id, &saved, &[]).await;
    let done = app.state.store.progress(ME, stored.id).await.expect("progress");
    let mut input = PlanInput::new(TODAY);
    input.today = Some(TODAY);
    input.path = Some("accelerated".into());
    input.done =
        done.iter().filter(|p| matches!(p.status, Status::Done | Status::Skipped)).map(|p| p.topic.clone()).collect();
    let expected = pyroad_plan::plan(&stored.roadmap, &input).expect("the accelerated plan");
    input.path = None;
    let stated = pyroad_plan::plan(&stored.roadmap, &input).expect("the plan by stated durations");
    assert_ne!(expected.finish, stated.finish, "the accelerated path finishes at another date");
    let api = app.get("/api/v1/plan").await;
    assert_eq!(api.status, 200, "{}", api.body);
    assert_eq!(api.json(), serde_json::to_value(&expected).expect("a plan encodes"));
    let page = app.get("/plan").await;
    assert!(page.body.contains("path accelerated <em>(saved)</em>"), "{}", page.body);
    assert!(page.body.contains(&format!("finishing {}", expected.finish.expect("work is left"))));
}

pub async fn standing_and_burn_down_use_kept_settings_and_estimates<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let stored = app.state.store.add_roadmap(ME, "small", &import(SMALL)).await.expect("add");
    let start = date(2026, 10, 26);
    app.state.store.set_status(ME, stored.id, "variables", Status::Done).await.expect("mark");
    let entry = NewLogEntry {
        roadmap: Some(stored.id),
        topic: Some("variables".into()),
        minutes: 150,
        note: None,
        date: date(2026, 11, 16),
    };
    app.state.store.add_log(ME, &entry).await.expect("log");
    // A week's vacation inside the kept plan, so it moves the baseline too.
    let settings = SavedSettings { vacations: vec!["2026-11-02..2026-11-08".into()], ..kept_settings(start) };
    keep_as_the_cli(&app, stored.id, &settings, &[("lists", 6.0)]).await;
    let progress = app.state.store.progress(ME, stored.id).await.expect("progress");
    // As `pyroad status` re-plans: no "today" warning, the log in hours.
    let mut input = kept_input(start, 5.0);
    input.today = None;
    input.done = progress
        .iter()
        .filter(|p| matches!(p.status, Status::Done | Status::Skipped))
        .map(|p| p.topic.clone())
        .collect();
    input.vacations = vec![DateRange { start: date(2026, 11, 2), end: date(2026, 11, 8) }];
    input.log = vec![pyroad_plan::LogEntry { date: date(2026, 11, 16), hours: 2.5, topic: Some("variables".into()) }];
    let expected = pyroad_plan::replan(&stored.roadmap, &input, TODAY).expect("the standing");
    let mut bare = input.clone();
    bare.days_off.clear();
    bare.vacations.clear();
    bare.overrides.clear();
    let bare = pyroad_plan::replan(&stored.roadmap, &bare, TODAY).expect("the standing without the extras");
    assert_ne!(expected.status.to_string(), bare.status.to_string());
    let home = app.get("/").await;
    assert_eq!(home.status, 200, "{}", home.body);
    let standing = format!("{} (plan: 5 h a week from 2026-10-26)", expected.status);
    assert!(home.body.contains(&standing), "{standing} missing: {}", home.body);
    assert!(!home.body.contains(&bare.status.to_string()), "{}", home.body);

    // The burn-down's planned line is the same kept plan from its start,
    // nothing done: flat through the vacation week, Lists at 6 hours.
    let mut baseline = input.clone();
    baseline.done.clear();
    baseline.log.clear();
    let baseline = pyroad_plan::plan(&stored.roadmap, &baseline).expect("the baseline");
    let page = app.get("/log").await;
    let mut left = baseline.total_hours;
    for week in &baseline.weeks {
        left -= week.hours;
        let title = format!("week of {}: plan {:.1} h left", week.monday, left.max(0.0));
        assert!(page.body.contains(&title), "{title} missing: {}", page.body);
    }
    let in_vacation: f64 = baseline.weeks.iter().filter(|w| w.monday == date(2026, 11, 2)).map(|w| w.hours).sum();
    assert_eq!(in_vacation, 0.0, "{baseline:?}");
    let vacation_week = format!("week of 2026-11-02: plan {:.1} h left", {
        let before: f64 = baseline.weeks.iter().filter(|w| w.monday < date(2026, 11, 2)).map(|w| w.hours).sum();
        baseline.total_hours - before
    });
    assert!(baseline.finish.is_some_and(|f| f > date(2026, 11, 8)), "the plan runs past the vacation: {baseline:?}");
    assert!(page.body.contains(&vacation_week), "{vacation_week} missing: {}", page.body);

    // A kept plan that cannot be made says why instead of failing the page.
    let broken = SavedSettings { hours_per_week: None, path: Some("leisurely".into()), ..kept_settings(start) };
    keep_as_the_cli(&app, stored.id, &broken, &[]).await;
    let home = app.get("/").await;
    assert_eq!(home.status, 200, "{}", home.body);
    assert!(home.body.contains("your kept plan cannot be made"), "{}", home.body);
}
