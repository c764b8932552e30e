//! Prerequisites of a stored roadmap's topics, taken from the built-in
//! curriculum: a node whose title (or id) is a curriculum topic's id, title
//! or alias gets that topic's prerequisites, as the ids of the nodes of the
//! same roadmap that stand for them. Prerequisites the roadmap does not
//! hold are left out (the learner cannot mark them here). Looked up in the
//! compiled topic index (`pyroad_content::index`), so `status` and `next`
//! never parse the curriculum for it.

use std::collections::HashMap;

use pyroad_content::index;
use pyroad_model::Roadmap;

use super::topics::trackable;

/// Node id -> ids of the nodes it needs done first.
pub use pyroad_progress::Prerequisites;

pub fn of(roadmap: &Roadmap) -> Prerequisites {
    // Curriculum topic id -> the first node standing for it.
    let mut node_of: HashMap<&str, &str> = HashMap::new();
    let mut topic_of = Vec::new();
    for node in roadmap.walk().filter(|n| trackable(n)) {
        if let Some(topic) = index::find(&node.title).or_else(|| index::find(&node.id)) {
            node_of.entry(topic.id).or_insert(node.id.as_str());
            topic_of.push((node.id.as_str(), topic));
        }
    }
    let mut out = Prerequisites::new();
    for (node, topic) in topic_of {
        let needs: Vec<String> = topic
            .prerequisites
            .iter()
            .filter_map(|p| node_of.get(p))
            .filter(|&&n| n != node)
            .map(|n| n.to_string())
            .collect();
        if !needs.is_empty() {
            out.insert(node.to_string(), needs);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use pyroad_model::{Node, NodeKind};

    use super::*;

    #[test]
    fn titles_and_aliases_find_curriculum_prerequisites() {
        let mut r = Roadmap::new("t");
        for title in ["Comments", "Variables and data types", "Basic syntax", "Knitting"] {
            r.children.push(Node::new(NodeKind::Topic, title, 1));
        }
        pyroad_model::ids::assign(&mut r);
        let prereqs = of(&r);
        let needs = |id: &str| prereqs.get(id).cloned().unwrap_or_default();
        assert_eq!(needs("comments"), ["basic-syntax"]);
        assert_eq!(needs("variables-and-data-types"), ["basic-syntax"]);
        assert!(needs("basic-syntax").is_empty(), "its own prerequisite is not in this roadmap");
        assert!(needs("knitting").is_empty());
    }
}
