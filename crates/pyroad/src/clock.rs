//! The one place the binary reads the clock.
//!
//! `PYROAD_NOW` (an RFC 3339 timestamp such as `2026-12-01T09:00:00Z`, or a
//! zoned `2026-12-01T09:00:00+01:00[Europe/Paris]`) fixes "now" so tests of
//! dates, streaks, plans and review schedules are deterministic. It is for
//! tests and demos; a learner never needs it.

use anyhow::{Context, Result};
use jiff::civil::Date;
use jiff::{Timestamp, Zoned};

pub const NOW_VAR: &str = "PYROAD_NOW";

/// The current moment in the learner's time zone (or `PYROAD_NOW`).
pub fn now() -> Result<Zoned> {
    match std::env::var(NOW_VAR) {
        Ok(text) => parse_now(&text).with_context(|| format!("{NOW_VAR}={text:?}")),
        Err(_) => Ok(Zoned::now()),
    }
}

/// Today's date in the learner's time zone (or `PYROAD_NOW`'s date).
pub fn today() -> Result<Date> {
    now().map(|z| z.date())
}

fn parse_now(text: &str) -> Result<Zoned> {
    if let Ok(zoned) = text.parse::<Zoned>() {
        return Ok(zoned);
    }
    let ts: Timestamp =
        text.parse().map_err(|_| anyhow::anyhow!("not a timestamp; write e.g. 2026-12-01T09:00:00Z"))?;
    Ok(ts.to_zoned(jiff::tz::TimeZone::UTC))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_utc_and_zoned_forms() {
        let utc = parse_now("2026-12-01T23:30:00Z").unwrap();
        assert_eq!(utc.date(), jiff::civil::date(2026, 12, 1));
        let paris = parse_now("2026-12-01T23:30:00+01:00[Europe/Paris]").unwrap();
        assert_eq!(paris.date(), jiff::civil::date(2026, 12, 1));
        assert!(parse_now("yesterday").is_err());
    }
}
