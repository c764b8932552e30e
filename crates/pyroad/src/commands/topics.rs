//! Finding a topic from what the learner typed. Which nodes count, their
//! effective status, tallies and hours live in `pyroad-progress` (shared
//! with the web server) and are re-exported here for the commands.

use anyhow::{Result, bail};
use pyroad_model::{Node, Roadmap};
pub use pyroad_progress::{Tally, Tracker, hours, trackable};

/// Finds the node the learner means by `query`: an id, an exact title, a
/// unique title (or id) prefix, or a unique fuzzy match. Ambiguity is an
/// error that lists the candidates.
pub fn resolve<'a>(roadmap: &'a Roadmap, query: &str) -> Result<&'a Node> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        bail!("give a topic: an id, the start of its title, or words from it");
    }
    if let Some(n) = roadmap.find(query.trim()) {
        return Ok(n);
    }
    let nodes: Vec<&Node> = roadmap.walk().collect();
    let stages: [&dyn Fn(&Node) -> bool; 4] = [
        &|n| n.title.to_lowercase() == q,
        &|n| n.title.to_lowercase().starts_with(&q) || n.id.starts_with(&q),
        &|n| n.title.to_lowercase().contains(&q),
        &|n| fuzzy(&n.title.to_lowercase(), &q) || fuzzy(&n.id, &q),
    ];
    for matches in stages {
        let found: Vec<&Node> = nodes.iter().copied().filter(|n| matches(n)).collect();
        match found.len() {
            0 => continue,
            1 => return Ok(found[0]),
            _ => {
                // Prefer the checkable items when sections share the words.
                let tracked: Vec<&Node> = found.iter().copied().filter(|n| trackable(n)).collect();
                if tracked.len() == 1 {
                    return Ok(tracked[0]);
                }
                let list: Vec<String> = found.iter().take(8).map(|n| format!("{} ({})", n.id, n.title)).collect();
                let more = if found.len() > 8 { format!(", and {} more", found.len() - 8) } else { String::new() };
                bail!(
                    "{query:?} matches {} topics: {}{more}; give more of the title or the id",
                    found.len(),
                    list.join(", ")
                );
            }
        }
    }
    bail!("no topic matches {query:?} (see `pyroad status` or `pyroad next` for ids)")
}

/// Every word of `query` is in `text`, in order, each as a subsequence of
/// letters ("flsk bas" finds "Flask basics").
fn fuzzy(text: &str, query: &str) -> bool {
    let mut rest = text;
    for word in query.split_whitespace() {
        let mut chars = rest.char_indices();
        let mut end = None;
        for q in word.chars() {
            match chars.find(|&(_, c)| c == q) {
                Some((i, c)) => end = Some(i + c.len_utf8()),
                None => return false,
            }
        }
        rest = end.map_or(rest, |e| &rest[e..]);
    }
    true
}

#[cfg(test)]
mod tests {
    use pyroad_model::NodeKind;

    use super::*;

    fn roadmap() -> Roadmap {
        let mut r = Roadmap::new("t");
        let mut s = Node::new(NodeKind::Section, "Web", 1);
        for t in ["Flask basics", "Flask templates", "Django"] {
            s.children.push(Node::new(NodeKind::Topic, t, 2));
        }
        r.children.push(s);
        pyroad_model::ids::assign(&mut r);
        r
    }

    #[test]
    fn resolves_ids_prefixes_and_fuzzy_words() -> Result<()> {
        let r = roadmap();
        assert_eq!(resolve(&r, "django")?.title, "Django");
        assert_eq!(resolve(&r, "Flask b")?.title, "Flask basics");
        assert_eq!(resolve(&r, "templ")?.title, "Flask templates");
        assert_eq!(resolve(&r, "flsk tmp")?.title, "Flask templates");
        let err = resolve(&r, "flask").expect_err("two topics start with flask").to_string();
        assert!(err.contains("flask-basics") && err.contains("flask-templates"), "{err}");
        assert!(resolve(&r, "rust").is_err());
        Ok(())
    }
}
