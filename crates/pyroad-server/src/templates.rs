//! The minijinja environment: templates embedded with `include_str!`,
//! auto-escaping on (every template name ends in `.html`), so imported text
//! is always data.

use minijinja::{Environment, Value};

use crate::assets::Assets;

const TEMPLATES: [(&str, &str); 12] = [
    ("base.html", include_str!("../templates/base.html")),
    ("dashboard.html", include_str!("../templates/dashboard.html")),
    ("roadmap.html", include_str!("../templates/roadmap.html")),
    ("topic.html", include_str!("../templates/topic.html")),
    ("roadmaps.html", include_str!("../templates/roadmaps.html")),
    ("preview.html", include_str!("../templates/preview.html")),
    ("log.html", include_str!("../templates/log.html")),
    ("tree.html", include_str!("../templates/tree.html")),
    ("plan.html", include_str!("../templates/plan.html")),
    ("exercise.html", include_str!("../templates/exercise.html")),
    ("exercises.html", include_str!("../templates/exercises.html")),
    ("review.html", include_str!("../templates/review.html")),
];

pub fn environment(assets: &Assets) -> anyhow::Result<Environment<'static>> {
    let mut env = Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    for (name, source) in TEMPLATES {
        env.add_template(name, source).map_err(|e| anyhow::anyhow!("template {name} does not parse: {e}"))?;
    }
    // `encode_path` emits only letters, digits, `-_.~/` and `%XX`: nothing
    // HTML gives meaning to, so it needs no further escaping.
    env.add_filter("path", |id: &str| Value::from_safe_string(crate::pages::encode_path(id)));
    env.add_global("css_path", Value::from_safe_string(format!("/static/{}", assets.css)));
    env.add_global("js_path", Value::from_safe_string(format!("/static/{}", assets.js)));
    Ok(env)
}
