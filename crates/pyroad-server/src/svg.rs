//! Charts drawn on the server as SVG: readable without JavaScript, and
//! allowed by the CSP (no inline script or style; presentation attributes only).

use std::fmt::Write as _;

use jiff::civil::Date;

use crate::views::minutes_text;

/// Bars of hours per week, oldest left; the label under each bar is the
/// week's Monday.
pub fn hours_per_week(weeks: &[(Date, u32)]) -> String {
    let (bar, gap, height, top, bottom) = (28.0, 8.0, 120.0, 18.0, 22.0);
    let width = weeks.len() as f64 * (bar + gap) + gap;
    let max = weeks.iter().map(|w| w.1).max().unwrap_or(0).max(60) as f64;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" role="img" aria-label="Hours per week" viewBox="0 0 {width} {total}" width="{width}" height="{total}" xmlns="http://www.w3.org/2000/svg">"#,
        total = top + height + bottom
    );
    for (i, (start, minutes)) in weeks.iter().enumerate() {
        let x = gap + i as f64 * (bar + gap);
        let h = (f64::from(*minutes) / max * height).round();
        let y = top + height - h;
        let _ = write!(
            svg,
            r#"<g><title>week of {start}: {text}</title><rect class="bar" x="{x}" y="{y}" width="{bar}" height="{h}"/>"#,
            text = minutes_text(*minutes)
        );
        if *minutes > 0 {
            let _ = write!(
                svg,
                r#"<text class="value" x="{cx}" y="{ty}" text-anchor="middle">{hours:.1}</text>"#,
                cx = x + bar / 2.0,
                ty = y - 4.0,
                hours = f64::from(*minutes) / 60.0
            );
        }
        let _ = write!(
            svg,
            r#"<text class="label" x="{cx}" y="{ly}" text-anchor="middle">{m:02}-{d:02}</text></g>"#,
            cx = x + bar / 2.0,
            ly = top + height + 15.0,
            m = start.month(),
            d = start.day()
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_busiest_week() {
        let d = |day| Date::new(2026, 11, day).expect("valid date");
        let svg = hours_per_week(&[(d(2), 0), (d(9), 60), (d(16), 120)]);
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains(r#"height="0""#), "{svg}");
        assert!(svg.contains(r#"height="60""#) && svg.contains(r#"height="120""#), "{svg}");
        assert!(svg.contains(">2.0</text>") && svg.contains("11-16"), "{svg}");
    }
}
