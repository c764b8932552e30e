//! The saved plan settings: one JSON value under one store setting, which
//! the CLI's `pyroad plan set` and the web Plan page both write and the
//! status views measure progress against.

use jiff::civil::Date;
use pyroad_store::RoadmapId;
use serde::{Deserialize, Serialize};

use crate::ProgressError;

/// The setting holding [`SavedSettings`] as JSON (per learner).
pub const SETTINGS_KEY: &str = "plan.settings";

/// The setting holding a roadmap's estimate overrides (`{"topic-id": hours}`).
pub fn estimates_key(roadmap: RoadmapId) -> String {
    format!("plan.estimates.{}", roadmap.0)
}

/// The plan a learner keeps. Text fields hold the CLI's normalised flag
/// forms, so they are parsed the same way as flags.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SavedSettings {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_week: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_off: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vacations: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

impl SavedSettings {
    /// A saved start date is what makes a plan to measure progress against.
    pub fn has_baseline(&self) -> bool {
        self.start.is_some()
    }

    /// The settings from the stored [`SETTINGS_KEY`] value (none saved:
    /// the defaults).
    pub fn from_setting(text: Option<&str>) -> Result<Self, ProgressError> {
        match text {
            None => Ok(Self::default()),
            Some(t) => serde_json::from_str(t)
                .map_err(|e| ProgressError::UnreadableSettings { key: SETTINGS_KEY, reason: e.to_string() }),
        }
    }

    /// The value to store under [`SETTINGS_KEY`].
    pub fn to_setting(&self) -> String {
        // Every field is a number, a date or text: encoding cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_leave_out_what_is_unset() -> Result<(), ProgressError> {
        let s = SavedSettings {
            hours_per_week: Some(7.5),
            start: Some(jiff::civil::date(2026, 11, 2)),
            ..SavedSettings::default()
        };
        let text = s.to_setting();
        assert_eq!(text, r#"{"hours_per_week":7.5,"start":"2026-11-02"}"#);
        assert_eq!(SavedSettings::from_setting(Some(&text))?, s);
        assert_eq!(SavedSettings::from_setting(None)?, SavedSettings::default());
        assert!(!SavedSettings::default().has_baseline());
        Ok(())
    }

    #[test]
    fn unreadable_settings_name_their_key() {
        let err = SavedSettings::from_setting(Some("{not json")).expect_err("broken JSON is refused");
        assert!(err.to_string().starts_with("the saved plan settings (plan.settings) are unreadable"), "{err}");
    }

    #[test]
    fn estimates_are_kept_per_roadmap() {
        assert_eq!(estimates_key(RoadmapId(3)), "plan.estimates.3");
    }
}
