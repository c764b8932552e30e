//! Planning a generated 5,000-topic roadmap, beside a baseline measured in
//! the same run: a plain walk of the same tree summing default hours. The
//! ratio is what to watch (PRODUCT.md: speed targets are ratios); the
//! absolute target is under 10 ms.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pyroad_model::{Duration, Node, NodeKind, Roadmap};
use pyroad_plan::{PlanInput, plan};

/// 50 sections of 100 topics, every other section with a stated duration,
/// every fourth topic with two subtopics.
fn roadmap() -> Roadmap {
    let mut r = Roadmap::new("Generated");
    for s in 0..50 {
        let mut section = Node::new(NodeKind::Section, format!("Section {s}"), s * 200 + 1);
        if s % 2 == 0 {
            section.duration = Some(Duration {
                min_weeks: 2.0,
                max_weeks: 3.0,
                hours_per_week_min: Some(10.0),
                hours_per_week_max: Some(15.0),
            });
        }
        for t in 0..100 {
            let mut topic = Node::new(NodeKind::Topic, format!("Topic {s}.{t}"), s * 200 + t + 2);
            if t % 4 == 0 {
                topic.children = (0..2).map(|k| Node::new(NodeKind::Topic, format!("Sub {s}.{t}.{k}"), 0)).collect();
            }
            section.children.push(topic);
        }
        r.children.push(section);
    }
    pyroad_model::ids::assign(&mut r);
    r
}

fn baseline(r: &Roadmap) -> f64 {
    r.walk().filter(|n| n.kind == NodeKind::Topic).map(|n| 2.0 + 0.5 * n.children.len() as f64).sum()
}

fn bench(c: &mut Criterion) {
    let r = roadmap();
    let mut input = PlanInput::new(jiff::civil::date(2026, 12, 1));
    input.hours_per_week = Some(20.0);
    input.days_off = vec![jiff::civil::Weekday::Sunday];
    let topics = r.walk().filter(|n| n.kind == NodeKind::Topic).count();
    assert!(topics >= 5_000, "{topics} topics");
    let mut g = c.benchmark_group("plan_5000_topics");
    g.bench_function("baseline_tree_walk_sum", |b| {
        b.iter(|| baseline(black_box(&r)));
    });
    g.bench_function("plan", |b| {
        b.iter(|| plan(black_box(&r), black_box(&input)));
    });
    g.finish();
    report_ratio(&r, &input);
}

/// Criterion reports each function alone; the ratio is the number to track,
/// so it is measured here too, interleaved so both see the same machine load.
fn report_ratio(r: &Roadmap, input: &PlanInput) {
    use std::time::{Duration as Elapsed, Instant};
    let (mut walk, mut planned) = (Elapsed::ZERO, Elapsed::ZERO);
    for _ in 0..50 {
        let t = Instant::now();
        for _ in 0..20 {
            black_box(baseline(black_box(r)));
        }
        walk += t.elapsed() / 20;
        let t = Instant::now();
        let _ = black_box(plan(black_box(r), black_box(input)));
        planned += t.elapsed();
    }
    let ratio = planned.as_secs_f64() / walk.as_secs_f64();
    println!("plan_5000_topics: plan {:?} per run, tree walk {:?}: {ratio:.0}x the walk", planned / 50, walk / 50);
}

criterion_group!(benches, bench);
criterion_main!(benches);
