//! Import speed: the five seeds (target: all five under 5 ms together), and
//! growth with size up to a 10 MB roadmap (target: linear).
//!
//! Every group also measures a baseline on the same bytes in the same run,
//! so the report reads as a ratio that does not depend on the machine:
//! `pulldown-cmark` walking its events (the parse every markdown import
//! has to pay) for markdown.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use pyroad_import::{Options, import};

// The allocator the `pyroad` binary uses, so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn seeds() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds"));
    let mut seeds: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("the seeds must be at {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| {
            let path = e.path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            (name, bytes)
        })
        .collect();
    seeds.sort();
    assert_eq!(seeds.len(), 5, "expected the five seeds in {}", dir.display());
    seeds
}

/// The baseline: what pulldown-cmark alone costs on the same bytes.
fn events_only(bytes: &[u8]) -> usize {
    let text = String::from_utf8_lossy(bytes);
    let mut options = pulldown_cmark::Options::empty();
    options.insert(pulldown_cmark::Options::ENABLE_TABLES);
    options.insert(pulldown_cmark::Options::ENABLE_TASKLISTS);
    pulldown_cmark::Parser::new_ext(&text, options).into_offset_iter().count()
}

fn all_seeds(c: &mut Criterion) {
    let seeds = seeds();
    let total: usize = seeds.iter().map(|(_, b)| b.len()).sum();
    let mut group = c.benchmark_group("seeds");
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("import all five", |b| {
        b.iter(|| {
            for (_, bytes) in &seeds {
                black_box(import(black_box(bytes), &Options::default()));
            }
        });
    });
    group.bench_function("baseline: pulldown-cmark events", |b| {
        b.iter(|| {
            for (_, bytes) in &seeds {
                black_box(events_only(black_box(bytes)));
            }
        });
    });
    group.finish();
}

/// A roadmap of about `size` bytes in the shapes real ones use: phases,
/// numbered sections, task lists with estimates, labels, a table.
fn synthetic(size: usize) -> Vec<u8> {
    let mut out = String::from("# Synthetic roadmap\n\nGenerated for the benchmark.\n\n");
    let mut phase = 0;
    while out.len() < size {
        phase += 1;
        out.push_str(&format!("## Phase {phase}: Part {phase} (4-6 weeks)\n\n"));
        for section in 1..=5 {
            out.push_str(&format!("### {section}. Section {phase}.{section}\n\n"));
            for item in 1..=8 {
                out.push_str(&format!("- [ ] Topic {phase}.{section}.{item} with some words (2h)\n"));
                if item % 3 == 0 {
                    out.push_str(&format!("  - Detail of **topic** {item}, see [docs](https://example.org/{item})\n"));
                }
            }
            out.push_str("\n**Project Ideas:**\n- Build a small tool\n- Write a report\n\n");
        }
        out.push_str("| Week | Topic | Hours |\n|---|---|---|\n| 1 | Basics | 6 |\n| 2-3 | More | 8 |\n\n");
    }
    out.into_bytes()
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    for size in [100_000usize, 1_000_000, 10_000_000] {
        let doc = synthetic(size);
        group.throughput(Throughput::Bytes(doc.len() as u64));
        group.bench_with_input(BenchmarkId::new("import", size), &doc, |b, doc| {
            b.iter(|| black_box(import(black_box(doc), &Options::default())));
        });
        group.bench_with_input(BenchmarkId::new("baseline: pulldown-cmark events", size), &doc, |b, doc| {
            b.iter(|| black_box(events_only(black_box(doc))));
        });
    }
    group.finish();
}

criterion_group!(benches, all_seeds, scaling);
criterion_main!(benches);
