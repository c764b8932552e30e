//! The built-in curriculum: `content verify|stats`, `learn`, `quiz` and
//! `roadmap coverage`.

use std::fmt::Write as _;
use std::io::{IsTerminal, Write};
use std::process::{Command, ExitCode, Stdio};

use anyhow::{Context, Result, bail};
use pyroad_content::verify::{Status, Subject};
use pyroad_content::{Curriculum, Question, Topic, VerifyOptions, coverage as cover, render, verify};
use pyroad_import::Imported;

use crate::cli::{ContentCommand, LearnArgs, QuizArgs, StoreArgs};
use crate::output::print;

pub fn curriculum() -> Result<Curriculum> {
    Curriculum::builtin().context("the built-in curriculum is broken")
}

pub fn run(cmd: ContentCommand) -> Result<ExitCode> {
    match cmd {
        ContentCommand::Stats { json } => {
            let stats = curriculum()?.stats();
            if json {
                print(&(serde_json::to_string_pretty(&stats).context("cannot encode stats")? + "\n"))?;
            } else {
                let mut text = format!(
                    "{} topics, {} cards, {} questions, {} checked examples, {} exercises, {} lesson words\n",
                    stats.topics, stats.cards, stats.questions, stats.examples, stats.exercises, stats.lesson_words
                );
                for (track, n) in &stats.tracks {
                    let _ = writeln!(text, "  {track}: {n}");
                }
                print(&text)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        ContentCommand::Verify { dir, python, venv, topic, timeout, json } => {
            let curriculum = match dir {
                Some(dir) => Curriculum::from_dir(&dir).with_context(|| format!("cannot load {}", dir.display()))?,
                None => curriculum()?,
            };
            let problems = curriculum.validate();
            for p in &problems {
                eprintln!("invalid: {p}");
            }
            let mut options = VerifyOptions { topics: topic, timeout_secs: timeout, venv, ..VerifyOptions::default() };
            if let Some(python) = python {
                options.python = python;
            }
            let report = verify(&curriculum, &options)?;
            if json {
                print(&(serde_json::to_string_pretty(&report).context("cannot encode the report")? + "\n"))?;
            } else {
                let mut text = String::new();
                for o in &report.outcomes {
                    let what = match o.subject {
                        Subject::Example => format!("{}:{} example", o.path, o.line),
                        Subject::Question => format!("{} question {}", o.path, o.line),
                    };
                    match &o.status {
                        Status::Passed => {}
                        Status::Skipped { reason } => {
                            let _ = writeln!(text, "skipped: {what}: {reason}");
                        }
                        Status::Failed { expected, actual, stderr } => {
                            let _ = writeln!(text, "FAILED: {what}\n--- expected\n{expected}\n--- actual\n{actual}");
                            if !stderr.trim().is_empty() {
                                let _ = writeln!(text, "--- stderr\n{}", stderr.trim_end());
                            }
                        }
                    }
                }
                let _ = writeln!(
                    text,
                    "{} topics checked ({} problems); {} passed, {} failed, {} skipped",
                    curriculum.topics.len(),
                    problems.len(),
                    report.passed,
                    report.failed,
                    report.skipped
                );
                print(&text)?;
            }
            Ok(if report.ok() && problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
        }
    }
}

/// `pyroad roadmap coverage PATH [--json]`.
pub fn coverage(imported: &Imported, json: bool) -> Result<ExitCode> {
    let report = cover(&curriculum()?, &imported.roadmap);
    if json {
        print(&(serde_json::to_string_pretty(&report).context("cannot encode the report")? + "\n"))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut text = String::new();
    for item in &report.items {
        match &item.how {
            Some(how) => {
                let topics: Vec<&str> = item.topics.iter().map(|t| t.id.as_str()).collect();
                let _ = writeln!(text, "{:>5}  {}  ->  {} ({how})", item.line, item.title, topics.join(", "));
            }
            None => {
                let _ = writeln!(text, "{:>5}  {}  ->  UNMATCHED", item.line, item.title);
            }
        }
    }
    let _ = writeln!(text, "{} of {} items matched", report.matched, report.total);
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// `pyroad learn TOPIC`: the lesson, paged when on a terminal. TOPIC is a
/// curriculum topic, else an item of the active roadmap: then the lessons
/// of the topics it stands for.
pub fn learn(args: &LearnArgs, store: &StoreArgs) -> Result<ExitCode> {
    let curriculum = curriculum()?;
    let (heading, topics) = match curriculum.find(&args.topic) {
        Some(topic) => (String::new(), vec![topic]),
        None => match super::attached::node_topics(store, &curriculum, &args.topic)? {
            Some((title, topics)) if !topics.is_empty() => {
                let names: Vec<String> = topics.iter().map(|t| format!("{} ({})", t.title, t.id)).collect();
                (format!("\"{title}\" is taught by: {}\n\n", names.join(", ")), topics)
            }
            Some((title, _)) => bail!("the curriculum has no lesson for \"{title}\" yet"),
            None => bail!("no topic `{}` (try `pyroad content stats` or an id such as `lists`)", args.topic),
        },
    };
    let tty = std::io::stdout().is_terminal();
    let color = tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let lessons: Vec<String> = topics.iter().map(|t| render::terminal(t, color, 88)).collect();
    let text = heading + &lessons.join("\n");
    if tty && !args.no_pager && page(&text).is_ok() {
        return Ok(ExitCode::SUCCESS);
    }
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Shows `text` through `$PAGER` (or `less -R`); an error means "print it".
fn page(text: &str) -> Result<()> {
    let pager = std::env::var("PAGER").ok().filter(|p| !p.trim().is_empty()).unwrap_or_else(|| "less -R".into());
    let mut words = pager.split_whitespace();
    let program = words.next().context("empty pager")?;
    let mut child = Command::new(program).args(words).stdin(Stdio::piped()).spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        // The reader quitting early is fine.
        let _ = stdin.write_all(text.as_bytes());
    }
    child.wait()?;
    Ok(())
}

/// The questions `pyroad quiz [TOPIC]` asks, as (topic, index in the
/// topic's questions), starting at `--start` and `--count` long.
pub fn quiz_selection<'c>(curriculum: &'c Curriculum, args: &QuizArgs) -> Result<Vec<(&'c Topic, usize)>> {
    let questions: Vec<(&Topic, usize)> = match &args.topic {
        Some(key) => {
            let Some(topic) = curriculum.find(key) else { bail!("no topic `{key}`") };
            (0..topic.questions.len()).map(|i| (topic, i)).collect()
        }
        None => curriculum.topics.iter().flat_map(|t| (0..t.questions.len()).map(move |i| (t, i))).collect(),
    };
    if questions.is_empty() {
        bail!("that topic has no predict-the-output questions yet");
    }
    let start = args.start.unwrap_or(0) % questions.len();
    let count = args.count.clamp(1, questions.len());
    Ok(questions.iter().cycle().skip(start).take(count).copied().collect())
}

/// Asks one predict-the-output question on stdin; whether the answer was right.
pub fn ask(lines: &mut impl Iterator<Item = std::io::Result<String>>, topic: &Topic, q: &Question) -> Result<bool> {
    let blank_inside = q.output.trim_end().contains("\n\n");
    let end = if blank_inside { "a line with only `.`" } else { "an empty line" };
    print(&format!("\n[{}] What does this print? (finish with {end})\n\n{}\n> ", topic.title, q.code.trim_end()))?;
    let mut answer = Vec::new();
    for line in lines.by_ref() {
        let line = line.context("cannot read the answer")?;
        if (blank_inside && line == ".") || (!blank_inside && line.trim().is_empty()) {
            break;
        }
        answer.push(line);
    }
    let given = verify::normalise(&answer.join("\n"));
    let expected = verify::normalise(&q.output);
    if given == expected {
        print("Right.\n")?;
        Ok(true)
    } else {
        print(&format!("Not quite. It prints:\n{expected}\nWhy: {}\n", q.explain.trim()))?;
        Ok(false)
    }
}
