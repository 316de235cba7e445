//! The server binary's storage options as an operator uses them: `--daily-statement-limit`
//! stops an account with 429, and `baeum-server backup` copies the database while that server
//! runs (issue 15, items 13 and 14).

mod xapi_support;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use baeum_server::accounts::create_account;
use baeum_server::store::{Role, SqliteStore};
use baeum_server::{AppState, Config};
use serde_json::{json, Value};

/// Stops the server when the test ends, however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_address() -> String {
    let free = TcpListener::bind("127.0.0.1:0").expect("find a free port");
    free.local_addr().expect("an address").to_string()
}

/// Starts the binary and waits until it prints the URL it serves.
fn start(address: &str, data: &std::path::Path, extra: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_baeum-server"))
        .args([
            "--addr",
            address,
            "--dist",
            "no-client",
            "--content",
            "no-content",
        ])
        .arg("--data")
        .arg(data)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the server");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut printed = Vec::new();
    let mut buffer = [0_u8; 256];
    let deadline = Instant::now() + Duration::from_secs(30);
    while !String::from_utf8_lossy(&printed).contains("://") {
        assert!(Instant::now() < deadline, "the server did not start");
        let read = stdout.read(&mut buffer).expect("read stdout");
        assert!(read > 0, "the server exited before listening");
        printed.extend_from_slice(&buffer[..read]);
    }
    Server(child)
}

/// One HTTP/1.1 POST of JSON to `/xapi/statements`: (status, whole response text).
fn push(address: &str, authorization: &str, body: &Value) -> (u16, String) {
    let body = body.to_string();
    let mut stream = TcpStream::connect(address).expect("connect");
    write!(
        stream,
        "POST /xapi/statements HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\
         Authorization: {authorization}\r\nX-Experience-API-Version: 2.0.0\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .expect("send");
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    (status, response)
}

#[test]
fn the_limit_flags_apply_and_a_backup_is_taken_while_the_server_runs() {
    let data = tempfile::tempdir().expect("a data folder");
    // The account exists before the server starts, in the database it will open.
    let learner = {
        let store = Arc::new(SqliteStore::open(data.path()).expect("the database opens"));
        let config = Config {
            dist_dir: "/nonexistent".into(),
            content_dir: "/nonexistent".into(),
            data_dir: data.path().to_owned(),
            transport: Default::default(),
        };
        let cheap = argon2::Params::new(argon2::Params::MIN_M_COST, 1, 1, None).expect("params");
        let state = AppState::with_store(config, store, cheap);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime
            .block_on(create_account(
                &state,
                "learner",
                "learner-password",
                Role::Learner,
            ))
            .expect("the account is made")
    };
    let actor = json!({ "objectType": "Agent", "account": {
        "homePage": baeum_server::DEFAULT_ACCOUNT_HOME_PAGE, "name": learner.id.to_string() } });
    let authorization = xapi_support::basic("learner", "learner-password");
    let address = free_address();
    let _server = start(&address, data.path(), &["--daily-statement-limit", "3"]);

    let statements: Vec<Value> = (0..4)
        .map(|number| {
            let mut body = xapi_support::statement(&actor, "hangul-1");
            body["id"] = json!(format!("0190f0a4-7b1c-7d2e-8f30-{number:012x}"));
            body
        })
        .collect();
    let (status, response) = push(&address, &authorization, &json!(statements[..3]));
    assert_eq!(status, 200, "{response}");
    let (status, response) = push(&address, &authorization, &statements[3]);
    assert_eq!(status, 429, "{response}");
    assert!(
        response.to_ascii_lowercase().contains("retry-after:"),
        "{response}"
    );

    // The server is still running while the backup is made.
    let target = data.path().join("copy.sqlite3");
    let backup = Command::new(env!("CARGO_BIN_EXE_baeum-server"))
        .arg("backup")
        .arg(&target)
        .arg("--data")
        .arg(data.path())
        .output()
        .expect("run the backup");
    assert!(
        backup.status.success(),
        "{}",
        String::from_utf8_lossy(&backup.stderr)
    );
    assert!(
        String::from_utf8_lossy(&backup.stdout).contains("backed up 3 statements"),
        "{}",
        String::from_utf8_lossy(&backup.stdout)
    );
    // And it still answers afterwards.
    let (status, _) = push(&address, &authorization, &json!(statements[..3]));
    assert_eq!(status, 200, "a retry of stored statements is acknowledged");
}
