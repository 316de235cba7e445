//! Sites (issue 19): kept whole by the store on both engines, one host one site, and served
//! by Host: a site's catalogue lists its courses only, its pages name it, and its first
//! screen lists its courses, while every other host (and a hostile one) is served as a server
//! without sites.

mod xapi_support;

use std::io::Read;
use std::path::Path;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use baeum_core::content::{
    ByteSize, CatalogCourse, CatalogIndex, Language, Level, LocalizedText, Subject, PACK_FORMAT,
};
use baeum_core::site::{CourseSelection, FIRST_SCREEN_BRAND_NAME, FIRST_SCREEN_CARD_START};
use baeum_server::store::{SiteRecord, StoreError};
use baeum_server::{app, AppState, Config};
use http_body_util::BodyExt;
use tower::ServiceExt;

fn course(id: &str) -> CatalogCourse {
    CatalogCourse {
        id: id.to_owned(),
        version: 1,
        subject: Subject::Korean,
        level: Level::Beginner,
        title: LocalizedText::from_pairs([(Language::En, id)]),
        description: LocalizedText::default(),
        manifest: format!("{}.json", "ab".repeat(32)),
        size: ByteSize::default(),
        units: Vec::new(),
        sites: Vec::new(),
    }
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folder");
    std::fs::write(path, bytes).expect("write fixture");
}

/// A built client whose first screen lists two courses, and their catalogue.
fn fixture() -> (tempfile::TempDir, Config) {
    let root = tempfile::tempdir().expect("temporary folder");
    let dist = root.path().join("dist");
    let content = root.path().join("content");
    let page = format!(
        "<!doctype html><head></head><header>{FIRST_SCREEN_BRAND_NAME}</header><ul>\
         {FIRST_SCREEN_CARD_START}hangul\"><a href=\"/courses/hangul\">Hangul</a></li>\
         {FIRST_SCREEN_CARD_START}math-4\"><a href=\"/courses/math-4\">Maths</a></li></ul>"
    );
    write(&dist.join("index.html"), page.as_bytes());
    write(&dist.join("app-0123456789abcdef.js"), b"console.log('app')");
    write(
        &dist.join("teach/index.html"),
        b"<!doctype html><head><title>teaching</title></head>",
    );
    let catalog = CatalogIndex {
        format: PACK_FORMAT,
        courses: vec![course("hangul"), course("math-4")],
    };
    write(
        &content.join("catalog.json"),
        &serde_json::to_vec(&catalog).expect("catalog serializes"),
    );
    let config = Config {
        dist_dir: dist,
        content_dir: content,
        data_dir: root.path().join("data"),
        transport: Default::default(),
    };
    (root, config)
}

fn naju() -> SiteRecord {
    SiteRecord {
        id: "naju".into(),
        name: LocalizedText::from_pairs([(Language::Ko, "나주"), (Language::En, "Naju")]),
        hosts: vec!["naju.localhost".into(), "naju.example.kr".into()],
        courses: CourseSelection::Only(["math-4".to_owned()].into()),
        featured: Vec::new(),
    }
}

fn almaty() -> SiteRecord {
    SiteRecord {
        id: "almaty".into(),
        name: LocalizedText::from_pairs([(Language::Ru, "Алматы")]),
        hosts: vec!["almaty.localhost".into()],
        courses: CourseSelection::All,
        featured: Vec::new(),
    }
}

async fn get(state: &AppState, host: &str, path: &str, headers: &[(&str, &str)]) -> Response {
    let mut request = Request::get(path).header(header::HOST, host);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = app(state.clone())
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("infallible service");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    Response {
        status,
        headers,
        bytes,
    }
}

struct Response {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    bytes: Vec<u8>,
}

impl Response {
    fn header(&self, name: header::HeaderName) -> &str {
        self.headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or("")
    }

    /// The body, gunzipped when it was sent compressed.
    fn text(&self) -> String {
        if self.header(header::CONTENT_ENCODING) == "gzip" {
            let mut text = String::new();
            flate2::read::GzDecoder::new(&self.bytes[..])
                .read_to_string(&mut text)
                .expect("gzip");
            text
        } else {
            String::from_utf8(self.bytes.clone()).expect("utf-8")
        }
    }

    fn catalog(&self) -> CatalogIndex {
        serde_json::from_str(&self.text()).expect("a catalogue")
    }
}

fn state_with_sites(config: Config) -> AppState {
    let state = xapi_support::engine::state(config);
    state.store.put_site(&naju()).expect("naju is stored");
    state.store.put_site(&almaty()).expect("almaty is stored");
    state
}

#[test]
fn a_site_is_kept_whole_and_a_host_is_one_sites() {
    let store = xapi_support::engine::store();
    assert_eq!(store.sites().expect("sites"), []);
    store.put_site(&naju()).expect("naju is stored");
    store.put_site(&almaty()).expect("almaty is stored");
    let mut stored_naju = naju();
    stored_naju.hosts.sort();
    assert_eq!(store.sites().expect("sites"), [almaty(), stored_naju]);

    // Another site may not take a host that is naju's: nothing of the change is kept.
    let mut greedy = almaty();
    greedy.hosts.push("naju.localhost".into());
    greedy.courses = CourseSelection::Only(["hangul".to_owned()].into());
    match store.put_site(&greedy) {
        Err(StoreError::HostTaken { host, site }) => {
            assert_eq!((host.as_str(), site.as_str()), ("naju.localhost", "naju"));
        }
        other => panic!("expected HostTaken, got {other:?}"),
    }
    let sites = store.sites().expect("sites");
    assert_eq!(sites[0], almaty());

    // Setting a site again replaces its hosts and courses.
    let mut moved = naju();
    moved.hosts = vec!["naju.go.kr".into()];
    moved.courses = CourseSelection::All;
    store.put_site(&moved).expect("naju is replaced");
    assert_eq!(store.sites().expect("sites")[1], moved);

    assert!(store.delete_site("naju").expect("deleted"));
    assert!(!store.delete_site("naju").expect("already gone"));
    assert_eq!(store.sites().expect("sites"), [almaty()]);
}

#[tokio::test]
async fn a_sites_catalogue_lists_its_courses_only() {
    let (_root, config) = fixture();
    let state = state_with_sites(config);

    let naju_catalog = get(&state, "Naju.localhost:8080", "/content/catalog.json", &[]).await;
    assert_eq!(naju_catalog.status, StatusCode::OK);
    assert_eq!(naju_catalog.header(header::CACHE_CONTROL), "no-cache");
    let catalog = naju_catalog.catalog();
    let ids: Vec<&str> = catalog.courses.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["math-4"]);

    // Compressed when the browser takes it, the same catalogue.
    let compressed = get(
        &state,
        "naju.localhost",
        "/content/catalog.json",
        &[("accept-encoding", "gzip, br")],
    )
    .await;
    assert_eq!(compressed.header(header::CONTENT_ENCODING), "gzip");
    assert_eq!(compressed.catalog().courses.len(), 1);

    // The browser's copy is revalidated by its tag: 304 with no body.
    let etag = naju_catalog.header(header::ETAG).to_owned();
    assert!(etag.starts_with('"'), "{etag}");
    let again = get(
        &state,
        "naju.localhost",
        "/content/catalog.json",
        &[("if-none-match", &etag)],
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.bytes.is_empty());

    let every = get(&state, "almaty.localhost", "/content/catalog.json", &[]).await;
    assert_eq!(every.catalog().courses.len(), 2);
    assert_ne!(every.header(header::ETAG), etag);

    // A host that is no site's, and a hostile one, get the catalogue as built.
    for host in ["127.0.0.1:8080", "naju.localhost.evil", "naju.localhost/x"] {
        let plain = get(&state, host, "/content/catalog.json", &[]).await;
        assert_eq!(plain.status, StatusCode::OK, "{host}");
        assert_eq!(plain.catalog().courses.len(), 2, "{host}");
        assert_eq!(
            plain.header(header::ETAG),
            "",
            "{host}: the file's own answer"
        );
    }
}

#[tokio::test]
async fn a_sites_first_page_lists_its_courses_and_other_files_pass_through() {
    let (_root, config) = fixture();
    let state = state_with_sites(config);

    for path in ["/", "/index.html", "/courses/math-4", "/me"] {
        let page = get(&state, "naju.localhost", path, &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert_eq!(
            page.header(header::CONTENT_TYPE),
            "text/html; charset=utf-8"
        );
        let html = page.text();
        assert!(
            html.contains("data-testid=\"site-name\">Naju</span>"),
            "{path}: {html}"
        );
        assert!(
            html.contains("math-4") && !html.contains("hangul"),
            "{path}: {html}"
        );
    }

    // The browser's copy of the file on disk says nothing of the site's page.
    let on_disk = get(&state, "127.0.0.1", "/", &[]).await;
    let disk_tag = on_disk.header(header::ETAG).to_owned();
    let last_modified = on_disk.header(header::LAST_MODIFIED).to_owned();
    assert!(on_disk.text().contains("hangul") && !on_disk.text().contains("site-name"));
    let page = get(
        &state,
        "naju.localhost",
        "/",
        &[
            ("if-none-match", &disk_tag),
            ("if-modified-since", &last_modified),
        ],
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("site-name"));
    let own_tag = page.header(header::ETAG).to_owned();
    let again = get(
        &state,
        "naju.localhost",
        "/",
        &[("if-none-match", &own_tag)],
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);

    // The teachers' app is named too; scripts and a missing file are served as they are.
    let teach = get(&state, "naju.localhost", "/teach/classes", &[]).await;
    assert!(teach.text().contains("teaching"));
    assert!(teach
        .text()
        .contains("name=\"baeum-site\" content=\"Naju\""));
    let platform_teach = get(&state, "127.0.0.1", "/teach/classes", &[]).await;
    assert!(!platform_teach.text().contains("baeum-site"));
    let script = get(&state, "naju.localhost", "/app-0123456789abcdef.js", &[]).await;
    assert_eq!(script.text(), "console.log('app')");
    let missing = get(&state, "naju.localhost", "/content/nothing.json", &[]).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_changed_site_is_served_once_the_sites_are_read_again() {
    let (_root, config) = fixture();
    let state = state_with_sites(config);
    let before = get(&state, "naju.localhost", "/content/catalog.json", &[]).await;
    assert_eq!(before.catalog().courses.len(), 1);

    let mut changed = naju();
    changed.courses = CourseSelection::All;
    state.store.put_site(&changed).expect("changed");
    // Until the sites are read again (at most `REFRESH_EVERY` later) the last ones are used.
    let cached = get(&state, "naju.localhost", "/content/catalog.json", &[]).await;
    assert_eq!(cached.catalog().courses.len(), 1);
    state.sites.invalidate();
    let after = get(&state, "naju.localhost", "/content/catalog.json", &[]).await;
    assert_eq!(after.catalog().courses.len(), 2);

    // A rebuilt client is served on the site's host once the sites are read again.
    let rebuilt = format!(
        "<!doctype html><head><title>rebuilt</title></head><header>{FIRST_SCREEN_BRAND_NAME}</header>"
    );
    write(
        &state.config.dist_dir.join("index.html"),
        rebuilt.as_bytes(),
    );
    state.sites.invalidate();
    let page = get(&state, "naju.localhost", "/", &[]).await;
    assert!(page.text().contains("rebuilt") && page.text().contains("site-name"));

    state.store.delete_site("naju").expect("closed");
    state.sites.invalidate();
    let closed = get(&state, "naju.localhost", "/", &[]).await;
    assert!(!closed.text().contains("baeum-site"));
}

/// The ids of a catalogue search's page, and how many match over every page.
fn search_ids(response: &Response) -> (Vec<String>, u64) {
    let page: serde_json::Value = serde_json::from_str(&response.text()).expect("json");
    let ids = page["courses"]
        .as_array()
        .expect("courses")
        .iter()
        .map(|card| card["id"].as_str().unwrap_or_default().to_owned())
        .collect();
    (ids, page["total"].as_u64().unwrap_or(0))
}

#[tokio::test]
async fn a_catalogue_search_lists_the_sites_courses_page_by_page() {
    let (_root, config) = fixture();
    let state = state_with_sites(config);
    // At an address that is no site's, every course; at Naju, only Naju's.
    let everywhere = get(&state, "127.0.0.1:8080", "/api/catalog", &[]).await;
    assert_eq!(everywhere.status, StatusCode::OK);
    assert_eq!(everywhere.headers[header::CACHE_CONTROL], "no-cache");
    assert_eq!(
        search_ids(&everywhere),
        (vec!["hangul".into(), "math-4".into()], 2)
    );
    let at_naju = get(&state, "naju.localhost", "/api/catalog", &[]).await;
    assert_eq!(search_ids(&at_naju), (vec!["math-4".into()], 1));
    let words = get(
        &state,
        "almaty.localhost",
        "/api/catalog?q=HANG&level=beginner",
        &[],
    )
    .await;
    assert_eq!(search_ids(&words), (vec!["hangul".into()], 1));
    let past = get(&state, "almaty.localhost", "/api/catalog?page=3", &[]).await;
    assert_eq!(search_ids(&past), (vec![], 2));

    // A site's new choice of courses is searched at once.
    let mut changed = naju();
    changed.courses = CourseSelection::All;
    state.store.put_site(&changed).expect("naju changed");
    state.sites.invalidate();
    let at_naju = get(&state, "naju.localhost", "/api/catalog", &[]).await;
    assert_eq!(search_ids(&at_naju).1, 2);

    // A malformed search is refused with what is wrong.
    for bad in [
        "/api/catalog?subject=cooking",
        "/api/catalog?page=x",
        "/api/catalog?sort=1",
        "/api/catalog?q=%FF",
    ] {
        let refused = get(&state, "naju.localhost", bad, &[]).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{bad}");
    }
}

#[tokio::test]
async fn home_lists_the_sites_first_courses_and_the_learners_own_it_offers() {
    let (_root, config) = fixture();
    let state = state_with_sites(config);
    let ids = |response: &Response| -> Vec<String> {
        let catalog: baeum_core::content::CatalogIndex =
            serde_json::from_str(&response.text()).expect("a catalogue");
        catalog
            .courses
            .into_iter()
            .map(|course| course.id)
            .collect()
    };
    let everywhere = get(&state, "127.0.0.1:8080", "/api/catalog/home", &[]).await;
    assert_eq!(everywhere.status, StatusCode::OK);
    assert_eq!(everywhere.headers[header::CACHE_CONTROL], "no-cache");
    assert_eq!(ids(&everywhere), ["hangul", "math-4"]);
    // Full entries, units and manifest included, as the whole file lists them.
    let catalog: serde_json::Value = serde_json::from_str(&everywhere.text()).expect("json");
    assert!(catalog["courses"][0]["manifest"].is_string());
    assert!(catalog["courses"][0]["units"].is_array());
    // At Naju, a course Naju does not offer is not given, even when asked for by id.
    let at_naju = get(
        &state,
        "naju.localhost",
        "/api/catalog/home?with=hangul",
        &[],
    )
    .await;
    assert_eq!(ids(&at_naju), ["math-4"]);
    let unknown = get(
        &state,
        "naju.localhost",
        "/api/catalog/home?with=nothing-here",
        &[],
    )
    .await;
    assert_eq!(ids(&unknown), ["math-4"]);

    let many: Vec<String> = (0..=baeum_core::content::home::MAXIMUM_OWN_COURSES)
        .map(|number| format!("c{number}"))
        .collect();
    for bad in [
        "/api/catalog/home?with=../catalog.json".to_owned(),
        "/api/catalog/home?with=Hangul".to_owned(),
        "/api/catalog/home?q=hangul".to_owned(),
        format!("/api/catalog/home?with={}", many.join(",")),
    ] {
        let refused = get(&state, "naju.localhost", &bad, &[]).await;
        assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{bad}");
    }
}

#[tokio::test]
async fn a_sites_own_course_is_served_at_that_site_only() {
    let (_root, config) = fixture();
    let mut own = course("naju-history");
    own.sites = vec!["naju".to_owned()];
    let catalog = CatalogIndex {
        format: PACK_FORMAT,
        courses: vec![course("hangul"), own, course("math-4")],
    };
    write(
        &config.content_dir.join("catalog.json"),
        &serde_json::to_vec(&catalog).expect("catalog serializes"),
    );
    let state = state_with_sites(config);
    let ids = |response: &Response| -> Vec<String> {
        let catalog: CatalogIndex = serde_json::from_str(&response.text()).expect("a catalogue");
        catalog
            .courses
            .into_iter()
            .map(|course| course.id)
            .collect()
    };
    // Naju chose only maths, and offers its own course besides; Almaty chose every course,
    // which is not another site's own; the platform's address offers the shared ones.
    for (host, expected) in [
        ("naju.localhost", vec!["naju-history", "math-4"]),
        ("almaty.localhost", vec!["hangul", "math-4"]),
        ("127.0.0.1:8080", vec!["hangul", "math-4"]),
    ] {
        for path in [
            "/content/catalog.json",
            "/api/catalog/home?with=naju-history",
        ] {
            let served = get(&state, host, path, &[]).await;
            assert_eq!(served.status, StatusCode::OK, "{host}{path}");
            assert_eq!(ids(&served), expected, "{host}{path}");
        }
        let searched = get(&state, host, "/api/catalog?q=naju", &[]).await;
        assert_eq!(
            search_ids(&searched).1,
            u64::from(host.starts_with("naju")),
            "{host}"
        );
    }
}
