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
        Err(_) => Ok(Timestamp::now().to_zoned(local_zone())),
    }
}

/// The system time zone. jiff's own lookup (`TimeZone::system`) first builds
/// its zone database by walking all of `/usr/share/zoneinfo` (some 2,000
/// files, a third of a `pyroad status`'s work before this); when `TZ` is
/// unset and `/etc/localtime` links into the zone database (whose path
/// names the zone), reading that one file gives the same zone. Anything
/// else goes through jiff. Read once per process.
pub fn local_zone() -> jiff::tz::TimeZone {
    static ZONE: std::sync::OnceLock<jiff::tz::TimeZone> = std::sync::OnceLock::new();
    ZONE.get_or_init(read_local_zone).clone()
}

fn read_local_zone() -> jiff::tz::TimeZone {
    const LOCALTIME: &str = "/etc/localtime";
    if cfg!(unix) && std::env::var_os("TZ").is_none() {
        let name = std::fs::read_link(LOCALTIME).ok().and_then(|target| {
            let target = target.to_str()?;
            target.rfind("zoneinfo/").map(|at| target[at + "zoneinfo/".len()..].to_string())
        });
        if let Some(name) = name
            && let Ok(data) = std::fs::read(LOCALTIME)
            && let Ok(zone) = jiff::tz::TimeZone::tzif(&name, &data)
        {
            return zone;
        }
    }
    jiff::tz::TimeZone::system()
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
    fn the_local_zone_is_the_one_jiff_finds() {
        let ours = read_local_zone();
        let jiffs = jiff::tz::TimeZone::system();
        let now = Timestamp::now();
        assert_eq!(ours.iana_name(), jiffs.iana_name());
        for days in [0, 90, 180, 270] {
            let at = now + jiff::SignedDuration::from_hours(24 * days);
            assert_eq!(ours.to_offset(at), jiffs.to_offset(at), "{days} days from now");
        }
    }

    #[test]
    fn parses_utc_and_zoned_forms() {
        let utc = parse_now("2026-12-01T23:30:00Z").unwrap();
        assert_eq!(utc.date(), jiff::civil::date(2026, 12, 1));
        let paris = parse_now("2026-12-01T23:30:00+01:00[Europe/Paris]").unwrap();
        assert_eq!(paris.date(), jiff::civil::date(2026, 12, 1));
        assert!(parse_now("yesterday").is_err());
    }
}
