//! Durations and dates as a learner types and reads them.

use jiff::civil::Date;

use crate::ProgressError;

/// "45m", "1h", "1h30m", "1h 30m", "1.5h", "90" (minutes) -> minutes, 1 to 1440.
pub fn parse_minutes(text: &str) -> Result<u32, ProgressError> {
    let bad = || ProgressError::BadDuration(text.to_owned());
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Err(bad());
    }
    let mut total = 0.0f64;
    let mut number = String::new();
    let mut saw_unit = false;
    for c in t.chars() {
        if c.is_ascii_digit() || c == '.' {
            number.push(c);
        } else if c == 'h' || c == 'm' {
            let n: f64 = number.parse().map_err(|_| bad())?;
            total += if c == 'h' { n * 60.0 } else { n };
            number.clear();
            saw_unit = true;
        } else if !c.is_whitespace() {
            // Spaces between parts are fine: `minutes_text` writes "1h 30m".
            return Err(bad());
        }
    }
    if !number.is_empty() {
        if saw_unit {
            return Err(bad());
        }
        total += number.parse::<f64>().map_err(|_| bad())?;
    }
    let minutes = total.round();
    if !(1.0..=1440.0).contains(&minutes) {
        return Err(ProgressError::DurationOutOfRange(text.to_owned()));
    }
    Ok(minutes as u32)
}

/// "YYYY-MM-DD", "today" or "yesterday" (absent or empty: today); never in
/// the future.
pub fn parse_date(text: Option<&str>, today: Date) -> Result<Date, ProgressError> {
    let day = match text.map(str::trim) {
        None | Some("" | "today") => today,
        Some("yesterday") => today.yesterday().map_err(|_| ProgressError::NoYesterday)?,
        Some(t) => t.parse::<Date>().map_err(|_| ProgressError::BadDate(t.to_owned()))?,
    };
    if day > today {
        return Err(ProgressError::FutureDate(day));
    }
    Ok(day)
}

/// "45m", "1h", "1h 30m".
pub fn minutes_text(m: u32) -> String {
    match (m / 60, m % 60) {
        (0, m) => format!("{m}m"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h {m}m"),
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn durations() -> Result<(), ProgressError> {
        assert_eq!(parse_minutes("45m")?, 45);
        assert_eq!(parse_minutes("1h30m")?, 90);
        assert_eq!(parse_minutes("1h 30m")?, 90);
        assert_eq!(parse_minutes("1.5h")?, 90);
        assert_eq!(parse_minutes("20")?, 20);
        for bad in ["45x", "", "h", "0m", "25h", "1h30", "abc"] {
            assert!(parse_minutes(bad).is_err(), "{bad}");
        }
        assert_eq!(
            parse_minutes("25h").map_err(|e| e.to_string()),
            Err("\"25h\" is not a day's learning: give 1 minute to 24 hours".to_owned())
        );
        Ok(())
    }

    #[test]
    fn written_minutes_read_back() -> Result<(), ProgressError> {
        for m in [5, 60, 90, 1440] {
            assert_eq!(parse_minutes(&minutes_text(m))?, m);
        }
        Ok(())
    }

    #[test]
    fn dates() -> Result<(), ProgressError> {
        let today = date(2026, 11, 25);
        assert_eq!(parse_date(None, today)?, today);
        assert_eq!(parse_date(Some(" "), today)?, today);
        assert_eq!(parse_date(Some("yesterday"), today)?, date(2026, 11, 24));
        assert_eq!(parse_date(Some("2026-11-01"), today)?, date(2026, 11, 1));
        assert_eq!(parse_date(Some("2026-11-26"), today), Err(ProgressError::FutureDate(date(2026, 11, 26))));
        assert!(matches!(parse_date(Some("11/20/2026"), today), Err(ProgressError::BadDate(_))));
        Ok(())
    }
}
