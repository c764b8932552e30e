//! What kind of block a heading or label opens, from the words in its title.
//!
//! Roadmaps name their special blocks in a handful of ways ("Project Ideas",
//! "Learning Resources", "Milestone Checklist", "Tips for Success",
//! "Timeline Summary", "Learning Paths"). These are general English words,
//! not per-document tables; a block's kind is inherited by what it holds
//! unless a nested heading names another special kind.

use pyroad_model::NodeKind;

use crate::text::key;

/// The special kind a heading or label title names, if any.
pub(crate) fn special_kind(title: &str) -> Option<NodeKind> {
    let key = key(title);
    let words: Vec<&str> = key.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let has = |w: &str| words.contains(&w);
    let phrase = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);

    if has("projects")
        || has("capstone")
        || phrase("project", "ideas")
        || phrase("project", "idea")
        || phrase("project", "path")
        || words == ["project"]
    {
        return Some(NodeKind::Project);
    }
    if has("milestone")
        || has("milestones")
        || has("checklist")
        || has("checkpoints")
        || phrase("must", "know")
        || phrase("self", "assessment")
    {
        return Some(NodeKind::Milestone);
    }
    if has("paths") || has("path") || phrase("learning", "tracks") {
        return Some(NodeKind::Path);
    }
    if has("timeline")
        || has("schedule")
        || has("monthly")
        || phrase("week", "by")
        || phrase("study", "plan")
        || phrase("learning", "order")
        || phrase("weekly", "plan")
    {
        return Some(NodeKind::Timeline);
    }
    if has("resources")
        || has("references")
        || has("books")
        || has("courses")
        || has("podcasts")
        || has("bibliography")
        || phrase("further", "reading")
        || phrase("reading", "list")
        || phrase("useful", "links")
        || words == ["links"]
    {
        return Some(NodeKind::Resource);
    }
    if has("tips") || has("advice") || has("pitfalls") || phrase("final", "thoughts") || phrase("common", "mistakes") {
        return Some(NodeKind::Tip);
    }
    None
}

/// A label like "Week 3" or "Weeks 3-4" as a week range.
pub(crate) fn week_label(label: &str) -> Option<[u32; 2]> {
    let lower = label.trim().to_lowercase();
    let rest = ["weeks", "week", "wk"].iter().find_map(|w| lower.strip_prefix(w))?.trim();
    week_range(rest)
}

/// "3", "3-4", "3–4", "Week 3", "3 - 4" as an inclusive range of weeks.
pub(crate) fn week_range(text: &str) -> Option<[u32; 2]> {
    let lower = text.trim().to_lowercase();
    let text = ["weeks", "week", "wk"].iter().find_map(|w| lower.strip_prefix(w)).unwrap_or(&lower).trim();
    let mut parts = text.split(['-', '–', '—']).map(str::trim);
    let first: u32 = parts.next()?.parse().ok()?;
    let last: u32 = match parts.next() {
        Some(p) => p.parse().ok()?,
        None => first,
    };
    if parts.next().is_some() || last < first || first == 0 {
        return None;
    }
    Some([first, last])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_blocks_by_title() {
        let cases = [
            ("**Project Ideas:**", Some(NodeKind::Project)),
            ("📌 Suggested Project Path (Very Important)", Some(NodeKind::Project)),
            ("Practice Projects by Level", Some(NodeKind::Project)),
            ("Project Management and Tools", None),
            ("Learning Resources", Some(NodeKind::Resource)),
            ("Documentation & References", Some(NodeKind::Resource)),
            ("Milestone Checklist", Some(NodeKind::Milestone)),
            ("🏆 Professional Developer Checklist", Some(NodeKind::Milestone)),
            ("Beginner Must-Know", Some(NodeKind::Milestone)),
            ("Tips for Success", Some(NodeKind::Tip)),
            ("Common Pitfalls to Avoid", Some(NodeKind::Tip)),
            ("Timeline Summary", Some(NodeKind::Timeline)),
            ("Monthly Goals Template", Some(NodeKind::Timeline)),
            ("⏳ Recommended Learning Order", Some(NodeKind::Timeline)),
            ("Flexible Learning Paths", Some(NodeKind::Path)),
            ("Path 1: Accelerated", Some(NodeKind::Path)),
            ("Security Best Practices", None),
            ("Data Structures", None),
            ("Python Fundamentals", None),
        ];
        for (title, kind) in cases {
            assert_eq!(special_kind(title), kind, "{title}");
        }
    }

    #[test]
    fn week_labels() {
        assert_eq!(week_label("Week 1"), Some([1, 1]));
        assert_eq!(week_label("Week 1-2"), Some([1, 2]));
        assert_eq!(week_label("Weeks 3–4"), Some([3, 4]));
        assert_eq!(week_label("Week 4-2"), None);
        assert_eq!(week_label("Weekend"), None);
        assert_eq!(week_range("5"), Some([5, 5]));
        assert_eq!(week_range("x"), None);
    }
}
