//! Comparing a value the learner's code returned (tagged JSON with exact
//! Python types, see `_encode_value` in `py/child.py`) with the expected
//! value from `cases.toml`. Comparison happens here, never by calling `==`
//! on the learner's objects.
//!
//! Rules: booleans only equal booleans (`True` is not `1`); an expected
//! integer needs an `int`; an expected float accepts an `int` or a `float`
//! within 1e-9 (relative) or 1e-9 (absolute); an array matches a `list` or a
//! `tuple` element by element; a table matches a `dict` with string keys.

use serde_json::Value as Json;

fn tag(got: &Json) -> Option<(&str, &Json)> {
    let obj = got.as_object()?;
    if obj.len() > 2 {
        return None;
    }
    obj.iter().next().map(|(k, v)| (k.as_str(), v))
}

fn close(a: f64, b: f64) -> bool {
    a == b || (a - b).abs() <= 1e-9_f64.max(1e-9 * a.abs().max(b.abs()))
}

pub fn value_matches(expected: &toml::Value, got: &Json) -> bool {
    let Some((kind, inner)) = tag(got) else {
        return false;
    };
    match expected {
        toml::Value::Boolean(b) => kind == "bool" && inner.as_bool() == Some(*b),
        toml::Value::Integer(i) => kind == "int" && inner.as_str() == Some(i.to_string().as_str()),
        toml::Value::Float(f) => match kind {
            "float" => inner.as_str().and_then(parse_py_float).is_some_and(|g| close(*f, g)),
            "int" => inner.as_str().and_then(|s| s.parse::<f64>().ok()).is_some_and(|g| close(*f, g)),
            _ => false,
        },
        toml::Value::String(s) => kind == "str" && inner.as_str() == Some(s.as_str()),
        toml::Value::Array(items) => {
            (kind == "list" || kind == "tuple")
                && inner.as_array().is_some_and(|got| {
                    got.len() == items.len() && items.iter().zip(got).all(|(e, g)| value_matches(e, g))
                })
        }
        toml::Value::Table(table) => {
            let Some(pairs) = inner.as_array().filter(|_| kind == "dict") else {
                return false;
            };
            if pairs.len() != table.len() {
                return false;
            }
            pairs.iter().all(|pair| {
                let Some([k, v]) = pair.as_array().map(Vec::as_slice) else {
                    return false;
                };
                let Some(("str", key)) = tag(k) else {
                    return false;
                };
                key.as_str().and_then(|key| table.get(key)).is_some_and(|e| value_matches(e, v))
            })
        }
        toml::Value::Datetime(_) => false,
    }
}

fn parse_py_float(s: &str) -> Option<f64> {
    match s {
        "inf" => Some(f64::INFINITY),
        "-inf" => Some(f64::NEG_INFINITY),
        "nan" => Some(f64::NAN),
        _ => s.parse().ok(),
    }
}

fn py_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::from(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn py_float(f: f64) -> String {
    if f.fract() == 0.0 && f.is_finite() && f.abs() < 1e16 { format!("{f:.1}") } else { format!("{f}") }
}

/// An expected value, written as Python would print it.
pub fn show_expected(v: &toml::Value) -> String {
    match v {
        toml::Value::Boolean(true) => "True".into(),
        toml::Value::Boolean(false) => "False".into(),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => py_float(*f),
        toml::Value::String(s) => py_str(s),
        toml::Value::Array(items) => format!("[{}]", items.iter().map(show_expected).collect::<Vec<_>>().join(", ")),
        toml::Value::Table(t) => format!(
            "{{{}}}",
            t.iter().map(|(k, v)| format!("{}: {}", py_str(k), show_expected(v))).collect::<Vec<_>>().join(", ")
        ),
        toml::Value::Datetime(d) => d.to_string(),
    }
}

/// A returned value, written as Python would print it, with its type when
/// that is what differs (`28.0 (a float)`).
pub fn show_tagged(got: &Json) -> String {
    let Some((kind, inner)) = tag(got) else {
        return "?".into();
    };
    let list = |open: &str, close: &str| {
        let items = inner.as_array().map(|a| a.iter().map(show_tagged).collect::<Vec<_>>()).unwrap_or_default();
        if open == "(" && items.len() == 1 {
            format!("({},)", items[0])
        } else {
            format!("{open}{}{close}", items.join(", "))
        }
    };
    match kind {
        "none" => "None".into(),
        "bool" => {
            if inner.as_bool() == Some(true) {
                "True".into()
            } else {
                "False".into()
            }
        }
        "int" | "float" => inner.as_str().unwrap_or("?").to_owned(),
        "str" => py_str(inner.as_str().unwrap_or("")),
        "list" => list("[", "]"),
        "tuple" => list("(", ")"),
        "set" => list("{", "}"),
        "dict" => {
            let pairs = inner.as_array().cloned().unwrap_or_default();
            let shown: Vec<String> = pairs
                .iter()
                .filter_map(|p| {
                    p.as_array()
                        .filter(|a| a.len() == 2)
                        .map(|a| format!("{}: {}", show_tagged(&a[0]), show_tagged(&a[1])))
                })
                .collect();
            format!("{{{}}}", shown.join(", "))
        }
        _ => format!(
            "{} (an object of type {})",
            got.get("repr").and_then(Json::as_str).unwrap_or("?"),
            inner.as_str().unwrap_or("?")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn t(s: &str) -> toml::Value {
        toml::from_str::<toml::Table>(&format!("v = {s}"))
            .map(|mut t| t.remove("v"))
            .ok()
            .flatten()
            .unwrap_or(toml::Value::Boolean(false))
    }

    #[test]
    fn booleans_never_equal_integers() {
        assert!(value_matches(&t("true"), &json!({"bool": true})));
        assert!(!value_matches(&t("1"), &json!({"bool": true})));
        assert!(!value_matches(&t("true"), &json!({"int": "1"})));
    }

    #[test]
    fn expected_int_needs_an_int_but_floats_are_close_enough() {
        assert!(value_matches(&t("29"), &json!({"int": "29"})));
        assert!(!value_matches(&t("29"), &json!({"float": "29.0"})));
        assert!(value_matches(&t("98.6"), &json!({"float": "98.60000000000001"})));
        assert!(value_matches(&t("212.0"), &json!({"int": "212"})));
        assert!(!value_matches(&t("98.6"), &json!({"float": "98.7"})));
    }

    #[test]
    fn arrays_match_lists_and_tuples_tables_match_str_dicts() {
        let got = json!({"list": [{"tuple": [{"str": "y"}, {"int": "3"}]}]});
        assert!(value_matches(&t("[[\"y\", 3]]"), &got));
        let dict = json!({"dict": [[{"str": "tea"}, {"int": "3"}]]});
        assert!(value_matches(&t("{ tea = 3 }"), &dict));
        assert!(!value_matches(&t("{ tea = 3, milk = 1 }"), &dict));
        assert!(!value_matches(&t("[1]"), &json!({"other": "Fake", "repr": "[1]"})));
    }

    #[test]
    fn values_are_shown_the_way_python_prints_them() {
        assert_eq!(show_tagged(&json!({"tuple": [{"int": "1"}]})), "(1,)");
        assert_eq!(show_tagged(&json!({"dict": [[{"str": "a"}, {"bool": false}]]})), "{'a': False}");
        assert_eq!(show_expected(&t("[1.0, \"x\"]")), "[1.0, 'x']");
    }
}
