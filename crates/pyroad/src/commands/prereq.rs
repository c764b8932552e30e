//! Prerequisites of a stored roadmap's topics, from the built-in
//! curriculum's compiled topic index (`pyroad_content::index`), so `status`
//! and `next` never parse the curriculum for them.

use pyroad_content::index;
use pyroad_model::Roadmap;

use super::topics::trackable;

/// Node id -> ids of the nodes it needs done first.
pub use pyroad_progress::Prerequisites;

pub fn of(roadmap: &Roadmap) -> Prerequisites {
    index::prerequisites(roadmap, trackable)
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
