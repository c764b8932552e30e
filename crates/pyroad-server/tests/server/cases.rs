//! The cases, generic over the store backend.

use pyroad_store::{LearnerId, Status, Store};
use serde_json::json;

use crate::app::{App, csrf_in, seed};
pub use crate::fresh::{writes_behind_the_apps_back_show_within_the_freshness_bound, writes_show_on_the_next_get};
pub use crate::plan::*;
pub use crate::practice::*;

pub const SMALL: &str = "# Python start\n\nFirst steps.\n\n## Basics (2 weeks)\n\n- [ ] Variables (2h)\n- [ ] Lists\n- [x] Install Python\n\n## Web\n\n- [ ] Flask basics\n";

pub async fn health_and_security_headers<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let r = app.get("/healthz").await;
    assert_eq!((r.status.as_u16(), r.body.as_str()), (200, "ok"));
    let csp = r.header("content-security-policy");
    assert!(csp.contains("script-src 'self'") && csp.contains("object-src 'none'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("base-uri 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"), "{csp}");
    assert_eq!(r.header("x-content-type-options"), "nosniff");
    assert_eq!(r.header("referrer-policy"), "same-origin");
    assert_eq!(r.header("x-request-id").len(), 36, "a generated UUID request id");
    // A client's own request id is kept and echoed.
    let request = axum::http::Request::get("/")
        .header("x-request-id", "abc-123")
        .body(axum::body::Body::empty())
        .expect("a valid request");
    let r = app.send(request).await;
    assert_eq!(r.header("x-request-id"), "abc-123");
    assert_eq!(r.header("cache-control"), "no-store");
}

pub async fn pages_render_without_a_roadmap<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let home = app.get("/").await;
    assert_eq!(home.status, 200, "{}", home.body);
    assert!(home.body.contains("No roadmap yet") && home.body.contains("0 days"), "{}", home.body);
    assert!(app.get("/roadmaps").await.body.contains("No roadmaps yet"));
    assert!(app.get("/log").await.body.contains("Nothing logged yet"));
    let map = app.get("/roadmap").await;
    assert_eq!(map.status, 404);
    assert!(map.body.contains("no active roadmap yet") && map.header("content-type").starts_with("text/html"));
    let nowhere = app.get("/no/such/page").await;
    assert_eq!(nowhere.status, 404);
    assert!(nowhere.body.contains("<h1>404 Not Found</h1>"), "{}", nowhere.body);
}

pub async fn roadmap_flow_through_the_forms<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let csrf = app.csrf().await;
    let text = seed("001_");
    // Preview: the parsed tree and the lint findings, nothing stored yet.
    let preview = app.post_form("/roadmaps/preview", &[("csrf", &csrf), ("name", "python"), ("markdown", &text)]).await;
    assert_eq!(preview.status, 200, "{}", preview.body);
    assert!(preview.body.contains("Parsed tree") && preview.body.contains("class=\"tree\""));
    assert!(preview.body.contains("Lint findings") || preview.body.contains("No lint findings"));
    assert!(app.state.store.list_roadmaps(LearnerId::LOCAL).await.expect("list").is_empty());
    // Save it from the preview's own form (its hidden fields).
    let saved = app
        .post_form(
            "/roadmaps",
            &[("csrf", &csrf_in(&preview.body)), ("name", "python"), ("markdown", &text), ("activate", "1")],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(saved.header("location"), "/roadmaps");
    let stored = app.state.store.active_roadmap(LearnerId::LOCAL).await.expect("read").expect("it is active");
    assert_eq!(stored.name, "python");
    let list = app.get("/roadmaps").await;
    assert!(list.body.contains("<td>python</td>") && list.body.contains("<strong>active</strong>"), "{}", list.body);

    // Dashboard and map show the roadmap and link its next topics.
    let home = app.get("/").await;
    let first = pyroad_model::Roadmap::walk(&stored.roadmap)
        .find(|n| n.kind == pyroad_model::NodeKind::Topic && n.checked != Some(true))
        .expect("seed 001 has an open topic")
        .clone();
    assert!(home.body.contains("Next up in"), "{}", home.body);
    assert!(home.body.contains(&format!("href=\"/topic/{}\"", pyroad_server_path(&first.id))), "{}", home.body);
    let map = app.get("/roadmap").await;
    assert_eq!(map.status, 200);
    assert!(map.body.matches("<progress").count() > 3, "per-section progress bars");
    assert!(map.body.contains("status-todo"));

    // Topic page, then mark it done and add a note through the forms.
    let topic_url = format!("/topic/{}", pyroad_server_path(&first.id));
    let page = app.get(&topic_url).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("<strong>todo</strong>") && page.body.contains("No notes yet"));
    let done = app.post_form("/status", &[("csrf", &csrf), ("topic", &first.id), ("status", "done")]).await;
    assert_eq!((done.status.as_u16(), done.header("location")), (303, topic_url.as_str()));
    let progress = app.state.store.progress(LearnerId::LOCAL, stored.id).await.expect("progress");
    assert!(progress.iter().any(|p| p.topic == first.id && p.status == Status::Done));
    let noted =
        app.post_form("/notes", &[("csrf", &csrf), ("topic", &first.id), ("body", "range stops before the end")]).await;
    assert_eq!(noted.status, 303);
    let page = app.get(&topic_url).await;
    assert!(page.body.contains("<strong>done</strong>") && page.body.contains("range stops before the end"));
    assert!(page.body.contains("done 2026-11-23"), "{}", page.body);
    // A topic that is not in the roadmap.
    assert_eq!(app.get("/topic/not-a-topic").await.status, 404);
    let bad = app.post_form("/status", &[("csrf", &csrf), ("topic", "not-a-topic"), ("status", "done")]).await;
    assert_eq!(bad.status, 404);
    let bad = app.post_form("/status", &[("csrf", &csrf), ("topic", &first.id), ("status", "finished")]).await;
    assert_eq!(bad.status, 422);

    // Exports round-trip through the importer.
    let md = app.get("/roadmaps/python/export/markdown").await;
    assert_eq!(md.status, 200);
    assert!(md.header("content-disposition").contains("python.md"));
    let again = pyroad_import::import_str(&md.body, &pyroad_import::Options::default());
    assert_eq!(again.roadmap.len(), stored.roadmap.len());
    let js = app.get("/roadmaps/python/export/json").await;
    let tree: pyroad_model::Roadmap = serde_json::from_str(&js.body).expect("the JSON contract");
    assert_eq!(tree.title, stored.roadmap.title);
    assert_eq!(app.get("/roadmaps/python/export/pdf").await.status, 404);
    assert_eq!(app.get("/roadmaps/nope/export/json").await.status, 404);

    // A second roadmap, then switch the active one with the form.
    let saved = app.post_form("/roadmaps", &[("csrf", &csrf), ("name", "small"), ("markdown", SMALL)]).await;
    assert_eq!(saved.status, 303);
    assert_eq!(active_name(&app).await, "python", "saving without `activate` keeps the active one");
    let switched = app.post_form("/roadmaps/active", &[("csrf", &csrf), ("name", "small")]).await;
    assert_eq!(switched.status, 303);
    assert_eq!(active_name(&app).await, "small");
    let dup = app.post_form("/roadmaps", &[("csrf", &csrf), ("name", "small"), ("markdown", SMALL)]).await;
    assert_eq!(dup.status, 409);
    assert!(dup.body.contains("already exists"));
}

async fn active_name<S: Store + 'static>(app: &App<S>) -> String {
    app.state.store.active_roadmap(LearnerId::LOCAL).await.expect("read").expect("an active roadmap").name
}

/// Ids are slugs; the pages percent-encode anything else.
fn pyroad_server_path(id: &str) -> String {
    assert!(id.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./~".contains(&b)), "{id}");
    id.to_owned()
}

pub async fn form_posts_need_the_csrf_token<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let csrf = app.csrf().await;
    let stored = app.state.store.add_roadmap(LearnerId::LOCAL, "small", &import(SMALL)).await.expect("add");
    let topic = "variables";
    assert!(stored.roadmap.find(topic).is_some());
    // The real token with its last digit changed (never equal to it).
    let last = if csrf.ends_with('0') { '1' } else { '0' };
    let wrong = format!("{}{last}", &csrf[..63]);
    for token in [None, Some(""), Some(wrong.as_str()), Some("not hex")] {
        let mut fields = vec![("topic", topic), ("status", "done")];
        if let Some(t) = token {
            fields.push(("csrf", t));
        }
        let r = app.post_form("/status", &fields).await;
        assert_eq!(r.status, 403, "token {token:?}: {}", r.body);
        assert!(r.body.contains("CSRF token"), "{}", r.body);
        let r = app.post_form("/log", &[("duration", "30m"), ("csrf", token.unwrap_or(""))]).await;
        assert_eq!(r.status, 403);
    }
    let rows = app.state.store.progress(LearnerId::LOCAL, stored.id).await.expect("progress");
    assert!(!rows.iter().any(|p| p.topic == topic), "{rows:?}");
    assert!(app.state.store.log_entries(LearnerId::LOCAL, None).await.expect("log").is_empty());
    // The right token works; GET never changes anything.
    let ok = app.post_form("/status", &[("csrf", &csrf), ("topic", topic), ("status", "learning")]).await;
    assert_eq!(ok.status, 303);
    assert_eq!(app.get("/status").await.status, 405);
    // Cross-site writes are refused even with a valid token, forms and API alike.
    for (name, value) in [("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")] {
        let body = serde_urlencoded::to_string([("csrf", csrf.as_str()), ("duration", "30m")]).expect("encode");
        let request = axum::http::Request::post("/log")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("host", "127.0.0.1:7878")
            .header(name, value)
            .body(axum::body::Body::from(body))
            .expect("a valid request");
        let r = app.send(request).await;
        assert_eq!(r.status, 403, "{name}: {}", r.body);
        let request = axum::http::Request::post("/api/v1/log")
            .header("content-type", "application/json")
            .header("host", "127.0.0.1:7878")
            .header(name, value)
            .body(axum::body::Body::from(r#"{"minutes": 30}"#))
            .expect("a valid request");
        let r = app.send(request).await;
        assert_eq!((r.status.as_u16(), r.error_code()), (403, "cross_origin".into()));
    }
    // The same origin passes.
    let body = serde_urlencoded::to_string([("csrf", csrf.as_str()), ("duration", "30m")]).expect("encode");
    let request = axum::http::Request::post("/log")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("host", "127.0.0.1:7878")
        .header("origin", "http://127.0.0.1:7878")
        .header("sec-fetch-site", "same-origin")
        .body(axum::body::Body::from(body))
        .expect("a valid request");
    assert_eq!(app.send(request).await.status, 303);
    assert_eq!(app.state.store.log_entries(LearnerId::LOCAL, None).await.expect("log").len(), 1);
    // A form posted as another content type is refused before any change.
    let r = app.post_raw("/log", "text/plain", format!("csrf={csrf}&duration=30m")).await;
    assert_eq!(r.status, 415);
    assert_eq!(app.state.store.log_entries(LearnerId::LOCAL, None).await.expect("log").len(), 1);
}

pub fn import(text: &str) -> pyroad_model::Roadmap {
    pyroad_import::import_str(text, &pyroad_import::Options::default()).roadmap
}

pub async fn log_form_and_chart<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let csrf = app.csrf().await;
    app.state.store.add_roadmap(LearnerId::LOCAL, "small", &import(SMALL)).await.expect("add");
    let r = app
        .post_form(
            "/log",
            &[("csrf", &csrf), ("duration", "1h30m"), ("date", ""), ("topic", "lists"), ("note", "slicing")],
        )
        .await;
    assert_eq!((r.status.as_u16(), r.header("location")), (303, "/log"), "{}", r.body);
    let r = app.post_form("/log", &[("csrf", &csrf), ("duration", "45m"), ("date", "2026-11-16")]).await;
    assert_eq!(r.status, 303);
    for (duration, date) in [("0m", ""), ("soon", ""), ("30m", "2026-12-01"), ("30m", "11/20/2026")] {
        let r = app.post_form("/log", &[("csrf", &csrf), ("duration", duration), ("date", date)]).await;
        assert_eq!(r.status, 422, "{duration} {date}: {}", r.body);
    }
    let r = app.post_form("/log", &[("csrf", &csrf), ("duration", "30m"), ("topic", "nope")]).await;
    assert_eq!(r.status, 404);
    let page = app.get("/log").await;
    assert!(page.body.contains("<svg") && page.body.contains("Hours per week"), "{}", page.body);
    assert_eq!(page.body.matches("<rect class=\"bar\"").count(), 12, "twelve weeks of bars");
    assert!(page.body.contains(">1.5</text>") && page.body.contains(">0.8</text>"), "this and last week's hours");
    assert!(page.body.contains("1h 30m") && page.body.contains("slicing") && page.body.contains("2h 15m logged"));
    let home = app.get("/").await;
    assert!(home.body.contains("1h 30m"), "this week's time on the dashboard");
    assert!(home.body.contains("1 day"), "{}", home.body);
}

pub async fn api_crud<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let r = app.post_json("/api/v1/roadmaps", &json!({"name": "python", "markdown": seed("004_")})).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let added = r.json();
    assert_eq!(added["name"], "python");
    assert_eq!(added["active"], true, "the first roadmap becomes active");
    assert!(added["nodes"].as_u64().is_some_and(|n| n > 50), "{added}");
    assert!(added["warnings"].is_array());
    let r = app.post_json("/api/v1/roadmaps", &json!({"name": "small", "markdown": SMALL})).await;
    assert_eq!((r.status.as_u16(), r.json()["active"].as_bool()), (201, Some(false)));

    let list = app.get("/api/v1/roadmaps").await.json();
    let names: Vec<&str> = list.as_array().expect("a list").iter().filter_map(|r| r["name"].as_str()).collect();
    assert_eq!(names.len(), 2);
    assert!(names.contains(&"python") && names.contains(&"small"));
    let small = app.get("/api/v1/roadmaps/small").await.json();
    assert_eq!(small["roadmap"]["title"], "Python start");
    assert_eq!(small["active"], false);
    assert_eq!(app.post_json("/api/v1/roadmaps/small/activate", &json!({})).await.status, 204);
    assert_eq!(app.get("/api/v1/roadmaps/small").await.json()["active"], true);

    // Progress: "install-python" was checked in the file, so it starts done.
    let rows = app.get("/api/v1/roadmaps/small/progress").await.json();
    assert_eq!(rows.as_array().map(Vec::len), Some(1), "{rows}");
    assert_eq!(rows[0]["topic"], "install-python");
    let r = app.post_json("/api/v1/roadmaps/small/progress", &json!({"topic": "variables", "status": "done"})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["status"], "done");
    assert!(r.json()["done_at"].is_string());

    let r = app.post_json("/api/v1/roadmaps/small/notes", &json!({"topic": "lists", "body": "copy with [:]"})).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let notes = app.get("/api/v1/roadmaps/small/notes?topic=lists").await.json();
    assert_eq!(notes[0]["body"], "copy with [:]");
    assert_eq!(app.get("/api/v1/roadmaps/small/notes?topic=variables").await.json(), json!([]));

    let r = app.post_json("/api/v1/log", &json!({"minutes": 50, "topic": "lists", "note": "practice"})).await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.json()["date"], "2026-11-23");
    let log = app.get("/api/v1/log").await.json();
    assert_eq!((log[0]["minutes"].as_u64(), log[0]["topic"].as_str()), (Some(50), Some("lists")));

    let status = app.get("/api/v1/status").await.json();
    assert_eq!(status["roadmap"], "small");
    assert_eq!(status["tally"]["done"], 2);
    assert_eq!(status["tally"]["total"], 4);
    assert_eq!(status["percent"], 50);
    assert_eq!(status["week_minutes"], 50);
    assert_eq!(status["streak"]["current"], 1);
    let next: Vec<&str> = status["next"].as_array().expect("next").iter().filter_map(|n| n["id"].as_str()).collect();
    assert_eq!(next, ["lists", "flask-basics"]);
}

pub async fn api_errors_have_one_shape<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let r = app.post_raw("/api/v1/roadmaps", "application/json", "{\"name\": ").await;
    assert_eq!((r.status.as_u16(), r.error_code()), (400, "bad_request".into()), "{}", r.body);
    let r = app.post_json("/api/v1/roadmaps", &json!({"name": 5, "markdown": SMALL})).await;
    assert_eq!((r.status.as_u16(), r.error_code()), (422, "invalid".into()), "{}", r.body);
    let r = app.post_json("/api/v1/roadmaps", &json!({"name": "x", "markdown": SMALL, "extra": 1})).await;
    assert_eq!(r.status, 422);
    let r = app.post_raw("/api/v1/roadmaps", "text/plain", "{}").await;
    assert_eq!((r.status.as_u16(), r.error_code()), (415, "unsupported_media_type".into()));
    let r = app.post_json("/api/v1/roadmaps", &json!({"name": " padded ", "markdown": SMALL})).await;
    assert_eq!((r.status.as_u16(), r.error_code()), (422, "invalid".into()));
    let r = app.post_json("/api/v1/roadmaps", &json!({"name": "empty", "markdown": ""})).await;
    assert_eq!(r.status, 422);

    let r = app.get("/api/v1/roadmaps/nope").await;
    assert_eq!((r.status.as_u16(), r.error_code()), (404, "not_found".into()));
    assert!(r.json()["error"]["message"].as_str().is_some_and(|m| m.contains("nope")));
    assert_eq!(app.get("/api/v1/roadmaps/nope/progress").await.error_code(), "not_found");
    assert_eq!(app.get("/api/v1/nothing/here").await.error_code(), "not_found");

    assert_eq!(app.post_json("/api/v1/roadmaps", &json!({"name": "small", "markdown": SMALL})).await.status, 201);
    let r = app.post_json("/api/v1/roadmaps", &json!({"name": "small", "markdown": SMALL})).await;
    assert_eq!((r.status.as_u16(), r.error_code()), (409, "conflict".into()));
    let r = app.post_json("/api/v1/roadmaps/small/progress", &json!({"topic": "nope", "status": "done"})).await;
    assert_eq!((r.status.as_u16(), r.error_code()), (404, "not_found".into()));
    let r = app.post_json("/api/v1/roadmaps/small/progress", &json!({"topic": "lists", "status": "finished"})).await;
    assert_eq!((r.status.as_u16(), r.error_code()), (422, "invalid".into()));
    let r = app.post_json("/api/v1/log", &json!({"minutes": 0})).await;
    assert_eq!((r.status.as_u16(), r.error_code()), (422, "invalid".into()));
    let r = app.post_json("/api/v1/log", &json!({"minutes": 30, "date": "2027-01-01"})).await;
    assert_eq!(r.status, 422);
    let r = app.post_json("/api/v1/log", &json!({"minutes": "thirty"})).await;
    assert_eq!(r.status, 422);
    let r = app.post_json("/api/v1/log", &json!({"minutes": 30, "topic": "nope"})).await;
    assert_eq!(r.status, 404);
    assert!(app.state.store.log_entries(LearnerId::LOCAL, None).await.expect("log").is_empty());
}

pub async fn oversized_bodies_get_413<S: Store + 'static>(store: S) {
    let app = App::new(store);
    // A 5 MB roadmap: refused whole, with the API's error shape.
    let line = "- [ ] a topic that repeats to make the file large\n";
    let big = format!("# Big\n\n{}", line.repeat(5 * 1024 * 1024 / line.len()));
    assert!(big.len() >= 5 * 1024 * 1024 - line.len());
    let r = app.post_json("/api/v1/roadmaps", &json!({"name": "big", "markdown": big})).await;
    assert_eq!((r.status.as_u16(), r.error_code()), (413, "too_large".into()), "{}", &r.body[..r.body.len().min(300)]);
    let csrf = app.csrf().await;
    let r = app.post_form("/roadmaps/preview", &[("csrf", &csrf), ("name", "big"), ("markdown", &big)]).await;
    assert_eq!(r.status, 413);
    assert!(r.body.contains("larger than"), "{}", r.body);
    assert!(app.state.store.list_roadmaps(LearnerId::LOCAL).await.expect("list").is_empty());
}

/// A roadmap built in code, so the hostile text reaches the store exactly
/// (the importer already drops inline HTML from titles).
fn hostile_roadmap() -> pyroad_model::Roadmap {
    use pyroad_model::{Node, NodeKind, Roadmap};
    let mut r = Roadmap::new("<script>alert(1)</script>");
    r.description = Some("<img src=x onerror=alert(2)>".into());
    let mut section = Node::new(NodeKind::Section, "<b>bold</b> section", 1);
    let mut click = Node::new(NodeKind::Topic, "Click \"me\" <script>alert(3)</script>", 2);
    click.url = Some("javascript:alert(4)".into());
    click.description = Some("<script>alert(5)</script>".into());
    click.code = Some("</code><script>alert(6)</script>".into());
    let mut upper = Node::new(NodeKind::Topic, "Upper", 3);
    upper.url = Some(" JAVASCRIPT:alert(7)".into());
    let mut safe = Node::new(NodeKind::Topic, "Safe", 4);
    safe.url = Some("https://docs.python.org/3/".into());
    section.children.extend([click, upper, safe]);
    r.children.push(section);
    pyroad_model::ids::assign(&mut r);
    r
}

pub async fn imported_text_renders_inert<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let stored = app.state.store.add_roadmap(LearnerId::LOCAL, "<script>", &hostile_roadmap()).await.expect("add");
    // The same kind of text through the importer (markdown with raw HTML and
    // `javascript:` links), via the API and the preview form.
    let hostile_md = "# <script>alert(1)</script>\n\n\
                      ## <img src=x onerror=alert(2)> Basics\n\n\
                      - [ ] [Click me](javascript:alert(3))\n\
                      - [ ] [Docs](JAVASCRIPT:alert(4)) - a <b>bold</b> description\n";
    let r = app.post_json("/api/v1/roadmaps", &json!({"name": "md", "markdown": hostile_md})).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let csrf = app.csrf().await;
    let preview =
        app.post_form("/roadmaps/preview", &[("csrf", &csrf), ("name", "again"), ("markdown", hostile_md)]).await;
    let mut pages = vec![("preview".to_owned(), preview)];
    for uri in ["/", "/roadmap", "/roadmaps", "/log"] {
        pages.push((uri.to_owned(), app.get(uri).await));
    }
    for node in stored.roadmap.walk() {
        let uri = format!("/topic/{}", node.id);
        pages.push((uri.clone(), app.get(&uri).await));
    }
    for (uri, page) in &pages {
        assert_eq!(page.status, 200, "{uri}: {}", page.body);
        let lower = page.body.to_lowercase();
        assert!(!lower.contains("<script>alert"), "{uri} has a live script: {}", page.body);
        assert!(!lower.contains("<img src=x"), "{uri} has a live img: {}", page.body);
        assert!(
            !lower.contains("href=\"javascript:") && !lower.contains("href=\" javascript:"),
            "{uri}: {}",
            page.body
        );
        assert!(!lower.contains("<b>bold"), "{uri} renders imported html");
    }
    let map = &pages.iter().find(|(u, _)| u == "/roadmap").expect("the map").1;
    assert!(map.body.contains("&lt;script&gt;alert(1)&lt;"), "{}", map.body);
    assert!(
        map.body.contains("href=\"https:&#x2f;&#x2f;docs.python.org&#x2f;3&#x2f;\""),
        "web links stay links: {}",
        map.body
    );
    let roadmaps = &pages.iter().find(|(u, _)| u == "/roadmaps").expect("the list").1;
    assert!(roadmaps.body.contains("/roadmaps/%3Cscript%3E/export/json"), "{}", roadmaps.body);
    // The export is a download of data, not a page: served as an attachment.
    let export = app.get("/roadmaps/%3Cscript%3E/export/markdown").await;
    assert_eq!(export.status, 200);
    assert!(export.header("content-disposition").starts_with("attachment; filename=\"_script_.md\""));
}

pub async fn openapi_document_lists_the_paths<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let r = app.get("/api/v1/openapi.json").await;
    assert_eq!(r.status, 200);
    let doc = r.json();
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.1")), "{}", doc["openapi"]);
    let mut lines = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("a path item").keys() {
            lines.push(format!("{method:6} {path}"));
        }
    }
    lines.sort();
    insta::assert_snapshot!("openapi_paths", lines.join("\n"));
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
}

pub async fn static_assets_are_fingerprinted_and_cached<S: Store + 'static>(store: S) {
    let app = App::new(store);
    let home = app.get("/").await;
    let start = home.body.find("href=\"/static/app.").expect("the stylesheet link") + "href=\"".len();
    let end = home.body[start..].find('"').expect("closing quote") + start;
    let css_url = &home.body[start..end];
    assert!(css_url.len() > "/static/app.css".len(), "fingerprinted: {css_url}");
    let css = app.get(css_url).await;
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").starts_with("text/css"));
    assert!(css.header("cache-control").contains("immutable"), "{}", css.header("cache-control"));
    assert!(home.body.contains("<script src=\"/static/app.") && !home.body.contains("<script>"));
    let request = axum::http::Request::get(css_url)
        .header("accept-encoding", "gzip")
        .body(axum::body::Body::empty())
        .expect("a valid request");
    let gz = app.send(request).await;
    assert_eq!(gz.header("content-encoding"), "gzip");
    assert_eq!(app.get("/static/other.css").await.status, 404);
}

async fn plan_setting<S: Store + 'static>(app: &App<S>) -> Option<String> {
    app.state.store.setting(LearnerId::LOCAL, "plan.settings").await.expect("read the plan setting")
}

pub async fn plan_page_and_calendar<S: Store + 'static>(store: S) {
    let app = App::new(store);
    assert_eq!(app.get("/plan").await.status, 404, "no roadmap, no plan");
    let stored = app.state.store.add_roadmap(LearnerId::LOCAL, "small", &import(SMALL)).await.expect("add");
    app.state.store.set_status(LearnerId::LOCAL, stored.id, "variables", Status::Done).await.expect("mark");
    let page = app.get("/plan?hours=3&start=2026-11-23").await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Week by week") && page.body.contains("2026-W48"), "{}", page.body);
    assert!(page.body.contains("href=\"/topic/lists\""), "{}", page.body);
    assert!(!page.body.contains("href=\"/topic/variables\""), "done topics are not planned again: {}", page.body);
    assert!(page.body.contains("plan.ics?hours=3&amp;start=2026-11-23\">Download"), "{}", page.body);
    let ics = app.get("/plan.ics?hours=3&start=2026-11-23").await;
    assert_eq!(ics.status, 200);
    assert!(ics.header("content-type").starts_with("text/calendar"));
    assert!(ics.header("content-disposition").starts_with("attachment"));
    assert!(ics.body.starts_with("BEGIN:VCALENDAR") && ics.body.contains("BEGIN:VEVENT"), "{}", ics.body);
    assert!(ics.body.contains("DTSTART:20261123T180000"), "{}", ics.body);
    // Keeping the plan (a CSRF form) makes the dashboard measure against it:
    // planned from eight weeks ago with one topic done, the learner is behind.
    assert!(app.get("/").await.body.contains("No plan kept yet"));
    let csrf = app.csrf().await;
    assert_eq!(app.post_form("/plan", &[("hours", "3"), ("start", "2026-09-28")]).await.status, 403);
    let kept = app.post_form("/plan", &[("csrf", &csrf), ("hours", "3"), ("start", "2026-09-28")]).await;
    assert_eq!((kept.status.as_u16(), kept.header("location")), (303, "/"), "{}", kept.body);
    let home = app.get("/").await;
    assert!(home.body.contains("days behind, projected finish"), "{}", home.body);
    assert!(home.body.contains("plan: 3 h a week from 2026-09-28"), "{}", home.body);
    // The kept plan is the CLI's one `plan.settings` setting: a plan saved
    // by `pyroad plan set` shows here, and keeping one leaves its other values.
    assert_eq!(plan_setting(&app).await.as_deref(), Some(r#"{"hours_per_week":3.0,"start":"2026-09-28"}"#));
    let from_cli = r#"{"hours_per_week":5.0,"start":"2026-10-05","days_off":"sat,sun"}"#;
    app.state.store.set_setting(LearnerId::LOCAL, "plan.settings", Some(from_cli)).await.expect("save as the CLI does");
    // Another process's write shows within `FRESH_FOR` (see `fresh`); the
    // test says so at once instead of waiting.
    app.state.invalidate(LearnerId::LOCAL);
    let home = app.get("/").await;
    assert!(home.body.contains("plan: 5 h a week from 2026-10-05"), "{}", home.body);
    let kept = app.post_form("/plan", &[("csrf", &csrf), ("hours", "4"), ("start", "2026-10-12")]).await;
    assert_eq!(kept.status.as_u16(), 303, "{}", kept.body);
    assert_eq!(
        plan_setting(&app).await.as_deref(),
        Some(r#"{"hours_per_week":4.0,"start":"2026-10-12","days_off":"sat,sun"}"#)
    );
    let r = app.post_form("/plan", &[("csrf", &csrf), ("hours", ""), ("start", "2026-11-16")]).await;
    assert_eq!(r.status, 422);
    let json = app.get("/api/v1/plan?hours=3&start=2026-11-23").await;
    assert_eq!(json.status, 200, "{}", json.body);
    let plan = json.json();
    assert_eq!(plan["weeks"][0]["label"], "2026-W48");
    assert_eq!(plan["weeks"][0]["topics"][0]["id"], "lists");
    assert_eq!(app.get("/api/v1/plan?hours=zero").await.error_code(), "invalid");
    for bad in ["/plan?hours=-1", "/plan?hours=many", "/plan?start=tomorrow", "/plan.ics?hours=0"] {
        let r = app.get(bad).await;
        assert_eq!(r.status, 422, "{bad}: {}", r.body);
    }
}

/// The dashboard and `/api/v1/status` offer a topic only once its
/// curriculum prerequisites in the same roadmap are done, like `pyroad next`.
pub async fn next_topics_wait_for_their_prerequisites<S: Store + 'static>(store: S) {
    let app = App::new(store);
    // "Comments" needs "Basic syntax" first (the curriculum says so).
    let markdown = "# Order\n\n- [ ] Comments\n- [ ] Basic syntax\n- [ ] Knitting\n";
    let r = app.post_json("/api/v1/roadmaps", &json!({"name": "order", "markdown": markdown})).await;
    assert_eq!(r.status, 201, "{}", r.body);
    let next = |status: serde_json::Value| -> Vec<String> {
        status["next"].as_array().into_iter().flatten().filter_map(|n| n["id"].as_str().map(String::from)).collect()
    };
    assert_eq!(next(app.get("/api/v1/status").await.json()), ["basic-syntax", "knitting"]);
    let home = app.get("/").await.body;
    let list = &home[home.find("<ol class=\"next\">").expect("the next list")..];
    assert!(list.find("Basic syntax") < list.find("Knitting") && !list.contains(">Comments<"), "{list}");

    let done =
        app.post_json("/api/v1/roadmaps/order/progress", &json!({"topic": "basic-syntax", "status": "done"})).await;
    assert!(done.status.is_success(), "{}", done.body);
    assert_eq!(next(app.get("/api/v1/status").await.json()), ["comments", "knitting"]);
    assert!(app.get("/").await.body.contains(">Comments</a>"), "the dashboard offers it once its prerequisite is done");
}
