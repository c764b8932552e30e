//! One topic file: TOML front matter between `+++` lines, then a markdown
//! lesson. The format is documented in `docs/content.md`.

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

use crate::ContentError;

/// A link to official documentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Doc {
    pub title: String,
    pub url: String,
}

/// A review card: a question and its answer (plain or code-reading).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    #[serde(alias = "question")]
    pub q: String,
    #[serde(alias = "answer")]
    pub a: String,
}

/// A predict-the-output question: a snippet and what it prints, computed by
/// running it (and re-checked by `verify`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub code: String,
    pub output: String,
    pub explain: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    title: String,
    track: String,
    order: u32,
    summary: String,
    estimate_hours: f32,
    #[serde(default)]
    prerequisites: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    subtopics: Vec<String>,
    #[serde(default)]
    docs: Vec<Doc>,
    #[serde(default)]
    cards: Vec<Card>,
    #[serde(default)]
    questions: Vec<Question>,
}

/// How an example in a lesson is checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "packages")]
pub enum Check {
    /// ```` ```python ```` followed by ```` ```output ````: run with `python3`.
    Run,
    /// ```` ```python requires=a,b ````: run where those distributions are
    /// installed, otherwise skipped with the reason printed.
    Requires(Vec<String>),
    /// ```` ```python norun ````: shown, never run (fragments, servers,
    /// code that reads input).
    NoRun,
}

/// A python block of a lesson with its expected output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Example {
    pub code: String,
    /// `None` only for [`Check::NoRun`].
    pub output: Option<String>,
    pub check: Check,
    /// 1-based line of the opening fence in the topic file.
    pub line: usize,
}

/// One topic of the curriculum.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Topic {
    pub id: String,
    pub title: String,
    pub track: String,
    pub order: u32,
    pub summary: String,
    pub estimate_hours: f32,
    pub prerequisites: Vec<String>,
    pub aliases: Vec<String>,
    pub subtopics: Vec<String>,
    pub docs: Vec<Doc>,
    pub cards: Vec<Card>,
    pub questions: Vec<Question>,
    /// The markdown lesson, after the front matter.
    pub lesson: String,
    pub examples: Vec<Example>,
    /// Where the topic came from, relative to the curriculum root.
    pub path: String,
}

impl Topic {
    /// Words of the lesson's prose, code excluded (a rough length measure).
    pub fn lesson_words(&self) -> usize {
        let mut in_code = false;
        let mut words = 0;
        for line in self.lesson.lines() {
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
            } else if !in_code {
                words += line.split_whitespace().count();
            }
        }
        words
    }
}

/// Parses one topic file. `path` is only used in messages and [`Topic::path`].
pub fn parse_topic(path: &str, text: &str) -> Result<Topic, ContentError> {
    let err = |line: usize, message: String| ContentError::Parse { path: path.to_owned(), line, message };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    match lines.next() {
        Some(first) if first.trim_end() == "+++" => {}
        _ => return Err(err(1, "a topic file starts with a `+++` line".into())),
    }
    let mut front = String::new();
    let mut closed_at = None;
    for (i, line) in lines.by_ref().enumerate() {
        if line.trim_end() == "+++" {
            closed_at = Some(i + 2);
            break;
        }
        front.push_str(line);
    }
    let Some(closing_line) = closed_at else {
        return Err(err(1, "the front matter is not closed by a `+++` line".into()));
    };
    let lesson: String = lines.collect();
    let meta: FrontMatter = toml::from_str(&front).map_err(|e| {
        let line = e.span().map(|s| 2 + front[..s.start.min(front.len())].matches('\n').count()).unwrap_or(1);
        err(line, e.message().to_owned())
    })?;
    let examples = examples(&lesson, closing_line).map_err(|(line, message)| err(line, message))?;
    Ok(Topic {
        id: meta.id,
        title: meta.title,
        track: meta.track,
        order: meta.order,
        summary: meta.summary,
        estimate_hours: meta.estimate_hours,
        prerequisites: meta.prerequisites,
        aliases: meta.aliases,
        subtopics: meta.subtopics,
        docs: meta.docs,
        cards: meta.cards,
        questions: meta.questions,
        lesson,
        examples,
        path: path.to_owned(),
    })
}

struct Fence {
    info: String,
    code: String,
    line: usize,
}

/// The fenced code blocks of a lesson, with 1-based file lines.
fn fences(lesson: &str, line_offset: usize) -> Vec<Fence> {
    let mut out = Vec::new();
    let mut current: Option<Fence> = None;
    for (event, range) in Parser::new(lesson).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let line = line_offset + 1 + lesson[..range.start].matches('\n').count();
                current = Some(Fence { info: info.trim().to_owned(), code: String::new(), line });
            }
            Event::Text(text) => {
                if let Some(fence) = current.as_mut() {
                    fence.code.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

/// Pairs every ```` ```python ```` block with the ```` ```output ```` block
/// right after it. A runnable block without output is an error: nothing is
/// silently unchecked.
fn examples(lesson: &str, line_offset: usize) -> Result<Vec<Example>, (usize, String)> {
    let fences = fences(lesson, line_offset);
    let mut out = Vec::new();
    let mut i = 0;
    while i < fences.len() {
        let fence = &fences[i];
        let mut words = fence.info.split_whitespace();
        let lang = words.next().unwrap_or("");
        i += 1;
        if lang == "output" {
            return Err((fence.line, "an `output` block must follow a `python` block".into()));
        }
        if lang != "python" {
            continue;
        }
        let mut check = Check::Run;
        for word in words {
            if word == "norun" {
                check = Check::NoRun;
            } else if let Some(list) = word.strip_prefix("requires=") {
                let packages: Vec<String> =
                    list.split(',').map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect();
                if packages.is_empty() {
                    return Err((fence.line, "`requires=` names no package".into()));
                }
                check = Check::Requires(packages);
            } else {
                return Err((fence.line, format!("unknown python block attribute `{word}`")));
            }
        }
        let output = match fences.get(i) {
            Some(next) if next.info == "output" => {
                i += 1;
                Some(next.code.clone())
            }
            _ => None,
        };
        match (&check, &output) {
            (Check::NoRun, Some(_)) => {
                return Err((fence.line, "a `python norun` block has an `output` block".into()));
            }
            (Check::Run | Check::Requires(_), None) => {
                return Err((
                    fence.line,
                    "a runnable `python` block needs an `output` block right after it (or mark it `norun`)".into(),
                ));
            }
            _ => {}
        }
        out.push(Example { code: fence.code.clone(), output, check, line: fence.line });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOPIC: &str = "+++\nid = \"t\"\ntitle = \"T\"\ntrack = \"fundamentals\"\norder = 1\nsummary = \"S\"\nestimate_hours = 1\n[[cards]]\nq = \"Q\"\na = \"A\"\n+++\n# T\n\n```python\nprint(1)\n```\n```output\n1\n```\n\n```python norun\nx = input()\n```\n";

    #[test]
    fn parses_front_matter_and_pairs_examples_with_output() {
        let topic = parse_topic("f/t.md", TOPIC).expect("valid topic");
        assert_eq!(topic.id, "t");
        assert_eq!(topic.cards.len(), 1);
        assert_eq!(topic.examples.len(), 2);
        assert_eq!(topic.examples[0].output.as_deref(), Some("1\n"));
        assert_eq!(topic.examples[0].line, 14);
        assert_eq!(topic.examples[1].check, Check::NoRun);
    }

    #[test]
    fn runnable_block_without_output_is_an_error() {
        let text = TOPIC.replace("```output\n1\n```\n", "");
        let e = parse_topic("f/t.md", &text).expect_err("missing output must fail");
        assert!(e.to_string().contains("f/t.md:14"), "{e}");
    }

    #[test]
    fn unknown_field_and_unclosed_front_matter_are_errors() {
        let typo = TOPIC.replace("summary", "sumary");
        assert!(parse_topic("x", &typo).is_err());
        assert!(parse_topic("x", "+++\nid = \"t\"\n").is_err());
        assert!(parse_topic("x", "").is_err());
    }

    #[test]
    fn requires_lists_packages() {
        let text = TOPIC.replace("```python\nprint(1)", "```python requires=flask, httpx\nprint(1)");
        let topic = parse_topic("x", &text);
        // "requires=flask," then a stray word: the list ends at whitespace.
        assert!(topic.is_err());
        let text = TOPIC.replace("```python\nprint(1)", "```python requires=flask,httpx\nprint(1)");
        let topic = parse_topic("x", &text).expect("valid requires");
        assert_eq!(topic.examples[0].check, Check::Requires(vec!["flask".into(), "httpx".into()]));
    }
}
