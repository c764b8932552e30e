//! Backend-independent work on a roadmap's nodes: the rows a store keeps per
//! node, and the difference between a stored tree and an update.

use std::collections::HashSet;

use pyroad_model::Roadmap;

/// One node as a store indexes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeRow {
    pub id: String,
    pub kind: &'static str,
    pub title: String,
    /// Document order, from 0.
    pub position: i64,
    /// The source had `[x]` on this node.
    pub checked: bool,
}

/// The node rows of a roadmap, in document order.
pub fn node_rows(roadmap: &Roadmap) -> Vec<NodeRow> {
    roadmap
        .walk()
        .enumerate()
        .map(|(i, n)| NodeRow {
            id: n.id.clone(),
            kind: n.kind.as_str(),
            title: n.title.clone(),
            position: i64::try_from(i).unwrap_or(i64::MAX),
            checked: n.checked == Some(true),
        })
        .collect()
}

/// Given the stored node ids and the update's rows: the ids that disappeared
/// (in stored order) and the rows that are new (in document order).
pub fn removed_and_added<'a>(
    stored: &[(String, String)],
    update: &'a [NodeRow],
) -> (Vec<(String, String)>, Vec<&'a NodeRow>) {
    let new_ids: HashSet<&str> = update.iter().map(|r| r.id.as_str()).collect();
    let old_ids: HashSet<&str> = stored.iter().map(|(id, _)| id.as_str()).collect();
    let removed = stored.iter().filter(|(id, _)| !new_ids.contains(id.as_str())).cloned().collect();
    let added = update.iter().filter(|r| !old_ids.contains(r.id.as_str())).collect();
    (removed, added)
}

#[cfg(test)]
mod tests {
    use pyroad_model::{Node, NodeKind};

    use super::*;

    #[test]
    fn rows_follow_document_order_and_diff_by_id() {
        let mut r = Roadmap::new("t");
        let mut s = Node::new(NodeKind::Section, "S", 1);
        let mut a = Node::new(NodeKind::Topic, "A", 2);
        a.checked = Some(true);
        s.children.push(a);
        s.children.push(Node::new(NodeKind::Topic, "B", 3));
        r.children.push(s);
        pyroad_model::ids::assign(&mut r);
        let rows = node_rows(&r);
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["s", "a", "b"]);
        assert!(rows[1].checked && !rows[2].checked);
        let stored = vec![("s".to_string(), "S".to_string()), ("gone".to_string(), "Gone".to_string())];
        let (removed, added) = removed_and_added(&stored, &rows);
        assert_eq!(removed, vec![("gone".to_string(), "Gone".to_string())]);
        assert_eq!(added.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
    }
}
