//! Schema migrations, on whichever engine the tests run on: a database is migrated once and
//! reopened as it is, and one written by a newer baeum is refused rather than misread.

mod xapi_support;

use baeum_server::error::ServerError;
use baeum_server::store::StoreError;
use baeum_server::{AppState, Config};
use xapi_support::engine::Reopenable;

fn config(directory: &std::path::Path) -> Config {
    Config {
        dist_dir: directory.join("dist"),
        content_dir: directory.join("content"),
        data_dir: directory.join("data"),
        transport: Default::default(),
    }
}

#[test]
fn a_database_from_a_newer_baeum_is_refused() {
    let directory = tempfile::tempdir().unwrap();
    let database = Reopenable::new();
    drop(database.open(config(directory.path())));
    database.set_schema_version(&config(directory.path()).data_dir, 99);
    let refused = AppState::open_database(config(directory.path()), database.url());
    match refused {
        Err(ServerError::Store(StoreError::SchemaTooNew { found: 99, known })) => {
            assert!((1..99).contains(&known), "knows up to {known}");
        }
        Err(other) => panic!("refused for another reason: {other}"),
        Ok(_) => panic!("a newer schema was opened"),
    }
}
