//! Random inputs: the planner answers (a plan or an error), never panics,
//! never runs past its length limit, and schedules all remaining work on
//! study days only.

use jiff::civil::{Date, Weekday, date};
use proptest::prelude::*;
use pyroad_model::{Duration, Estimate, Node, NodeKind, Roadmap, TimeUnit};
use pyroad_plan::schedule::MAX_YEARS;
use pyroad_plan::{DateRange, PlanInput, plan};

/// A topic: its own estimate in hours, and how many subtopics it has.
type TopicSpec = (Option<f64>, usize);
/// A section: maybe a duration (min weeks, extra weeks, weekly hours), and its topics.
type SectionSpec = (Option<(f64, f64, Option<f64>)>, Vec<TopicSpec>);

fn roadmap(sections: Vec<SectionSpec>) -> Roadmap {
    let mut r = Roadmap::new("Random");
    for (i, (duration, topics)) in sections.into_iter().enumerate() {
        let mut s = Node::new(NodeKind::Section, format!("Phase {i}"), 1);
        s.duration = duration.map(|(lo, span, rate)| Duration {
            min_weeks: lo,
            max_weeks: lo + span,
            hours_per_week_min: rate,
            hours_per_week_max: rate,
        });
        for (j, (est, subs)) in topics.into_iter().enumerate() {
            let mut t = Node::new(NodeKind::Topic, format!("Topic {i}.{j}"), 2);
            t.estimate = est.map(|h| Estimate { raw: format!("{h}h"), min: h, max: h, unit: TimeUnit::Hours });
            t.children = (0..subs).map(|k| Node::new(NodeKind::Topic, format!("Sub {i}.{j}.{k}"), 3)).collect();
            s.children.push(t);
        }
        r.children.push(s);
    }
    pyroad_model::ids::assign(&mut r);
    r
}

fn day(offset: i64) -> Date {
    date(2026, 1, 1).checked_add(jiff::Span::new().days(offset)).expect("small offsets")
}

prop_compose! {
    fn inputs()(
        hours in prop_oneof![Just(None), (-2.0..120.0f64).prop_map(Some), Just(Some(0.0))],
        start in 0i64..2000,
        off in 0u8..128,
        vacations in prop::collection::vec((0i64..2400, 0i64..60), 0..4),
    ) -> PlanInput {
        let mut i = PlanInput::new(day(start));
        i.hours_per_week = hours;
        i.days_off = (0..7).filter(|b| off & (1 << b) != 0).map(|b| Weekday::from_monday_zero_offset(b).expect("0..7")).collect();
        i.vacations = vacations.into_iter().map(|(s, len)| DateRange { start: day(s), end: day(s + len) }).collect();
        i
    }
}

fn sections() -> impl Strategy<Value = Vec<SectionSpec>> {
    let duration = prop::option::of((0.0..12.0f64, 0.0..4.0f64, prop::option::of(0.5..40.0f64)));
    let topic = (prop::option::of(0.0..30.0f64), 0usize..4);
    prop::collection::vec((duration, prop::collection::vec(topic, 0..12)), 0..6)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn plans_are_bounded_complete_and_on_study_days_only(sections in sections(), input in inputs()) {
        let r = roadmap(sections);
        if let Ok(p) = plan(&r, &input) {
            prop_assert!(p.weeks.len() <= MAX_YEARS as usize * 53 + 2, "{} weeks", p.weeks.len());
            let scheduled: f64 = p.days.iter().map(|d| d.hours).sum();
            prop_assert!((scheduled - p.remaining_hours).abs() <= 1e-6 * p.remaining_hours.max(1.0));
            for d in &p.days {
                prop_assert!(d.date >= p.start);
                prop_assert!(!input.days_off.contains(&d.date.weekday()), "{} is a day off", d.date);
                prop_assert!(!input.vacations.iter().any(|v| v.contains(d.date)), "{} is vacation", d.date);
                prop_assert!(d.hours <= 24.0 + 1e-9);
            }
            for s in &p.sections {
                prop_assert!(s.start <= s.end);
            }
        }
    }
}
