//! The server binary's account commands as a school's IT person runs them: the first admin
//! made on the command line (password from a file, never an argument), a password reset, a
//! teacher invitation; and demo accounts refused on a network address.

mod xapi_support;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use baeum_server::{AppState, Config};
use serde_json::json;
use xapi_support::engine::Reopenable;
use xapi_support::{api, send};

thread_local! {
    /// Each test's database (SQLite in its data directory, or PostgreSQL), shared by the
    /// commands it runs and the state it opens to check them.
    static DATABASE: Reopenable = Reopenable::new();
}

fn admin(data: &Path, arguments: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_baeum-server"));
    DATABASE.with(|database| database.for_command(&mut command));
    command
        .arg("admin")
        .args(arguments)
        .arg("--data")
        .arg(data)
        .stdin(Stdio::null())
        .output()
        .expect("run baeum-server admin")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn open(data: &Path) -> AppState {
    let config = Config {
        dist_dir: data.join("no-dist"),
        content_dir: data.join("no-content"),
        data_dir: data.to_owned(),
        transport: Default::default(),
    };
    DATABASE.with(|database| database.open(config))
}

async fn sign_in_status(state: &AppState, username: &str, password: &str) -> (u16, String) {
    let reply = send(
        state,
        api(
            "POST",
            "/api/sessions",
            None,
            Some(&json!({ "username": username, "password": password })),
        ),
    )
    .await;
    (
        reply.status.as_u16(),
        reply.body["account"]["role"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    )
}

#[tokio::test]
async fn the_first_admin_is_made_on_the_command_line() {
    let folder = tempfile::tempdir().unwrap();
    let data = folder.path().join("data");
    let password_file = folder.path().join("password.txt");
    std::fs::write(&password_file, "head teacher's secret\n").unwrap();
    let made = admin(
        &data,
        &[
            "create",
            "Head",
            "--password-file",
            password_file.to_str().unwrap(),
        ],
    );
    assert!(made.status.success(), "{}", text(&made.stderr));
    assert!(text(&made.stdout).contains("administrator head created"));

    let taken = admin(
        &data,
        &[
            "create",
            "head",
            "--password-file",
            password_file.to_str().unwrap(),
        ],
    );
    assert_eq!(taken.status.code(), Some(1));
    assert!(
        text(&taken.stderr).contains("already taken"),
        "{}",
        text(&taken.stderr)
    );

    let weak_file = folder.path().join("weak.txt");
    std::fs::write(&weak_file, "short\n").unwrap();
    let weak = admin(
        &data,
        &[
            "create",
            "second",
            "--password-file",
            weak_file.to_str().unwrap(),
        ],
    );
    assert_eq!(weak.status.code(), Some(1));
    assert!(
        text(&weak.stderr).contains("at least 8"),
        "{}",
        text(&weak.stderr)
    );

    let missing = admin(
        &data,
        &[
            "create",
            "second",
            "--password-file",
            "/nonexistent/password",
        ],
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        text(&missing.stderr).contains("cannot read the password file"),
        "{}",
        text(&missing.stderr)
    );

    let as_argument = admin(&data, &["create", "second", "--password", "visible-to-ps"]);
    assert_eq!(as_argument.status.code(), Some(2));
    // Without a terminal and without a file there is nothing to read a password from.
    let no_terminal = admin(&data, &["create", "second"]);
    assert_eq!(no_terminal.status.code(), Some(1));
    assert!(
        text(&no_terminal.stderr).contains("--password-file"),
        "{}",
        text(&no_terminal.stderr)
    );

    let invited = admin(&data, &["invite-teacher", "--days", "3"]);
    assert!(invited.status.success(), "{}", text(&invited.stderr));
    let code = text(&invited.stdout)
        .split_whitespace()
        .find(|word| word.len() == 19 && word.matches('-').count() == 3)
        .expect("the printed code")
        .to_owned();

    let state = open(&data);
    assert_eq!(
        sign_in_status(&state, "head", "head teacher's secret").await,
        (200, "admin".to_owned())
    );
    let teacher = send(
        &state,
        api(
            "POST",
            "/api/accounts",
            None,
            Some(&json!({ "username": "ms-kim", "password": "a teacher's secret", "invitation": code })),
        ),
    )
    .await;
    assert_eq!(teacher.status, 201, "{:?}", teacher.body);
    assert_eq!(teacher.body["role"], "teacher");
    drop(state);

    let new_file = folder.path().join("new.txt");
    std::fs::write(&new_file, "a replacement secret\n").unwrap();
    let reset = admin(
        &data,
        &[
            "reset-password",
            "ms-kim",
            "--password-file",
            new_file.to_str().unwrap(),
        ],
    );
    assert!(reset.status.success(), "{}", text(&reset.stderr));
    let state = open(&data);
    assert_eq!(
        sign_in_status(&state, "ms-kim", "a teacher's secret")
            .await
            .0,
        401
    );
    assert_eq!(
        sign_in_status(&state, "ms-kim", "a replacement secret").await,
        (200, "teacher".to_owned())
    );
}

#[test]
fn demo_accounts_are_refused_on_a_network_address() {
    let folder = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_baeum-server"))
        .env_remove("BAEUM_DATABASE_URL")
        .args(DATABASE.with(Reopenable::arguments))
        .args([
            "--addr",
            "0.0.0.0:0",
            "--seed-demo",
            "--dist",
            "none",
            "--content",
            "none",
        ])
        .arg("--data")
        .arg(folder.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the server");
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server served demo accounts on 0.0.0.0");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("refusing --seed-demo"), "{stderr}");
    assert!(
        stderr.contains("--seed-demo-on-network-i-understand-anyone-can-sign-in"),
        "{stderr}"
    );
    if DATABASE.with(Reopenable::is_sqlite) {
        assert!(
            !folder.path().join("baeum.sqlite3").exists(),
            "no database, no accounts"
        );
    }
}

#[test]
fn plain_http_on_a_network_address_warns_that_passwords_are_readable() {
    let folder = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_baeum-server"))
        .env_remove("BAEUM_DATABASE_URL")
        .args(DATABASE.with(Reopenable::arguments))
        .args(["--addr", "0.0.0.0:0", "--dist", "none", "--content", "none"])
        .arg("--data")
        .arg(folder.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the server");
    let stderr = child.stderr.take().expect("stderr");
    let (lines, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if lines.send(line).is_err() {
                return;
            }
        }
    });
    let warning = loop {
        match received.recv_timeout(Duration::from_secs(30)) {
            Ok(line) if line.contains("plain http") => break line,
            Ok(_) => continue,
            Err(_) => {
                let _ = child.kill();
                panic!("no warning about plain http");
            }
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        warning.contains("Passwords cross the network readable by anyone on it"),
        "{warning}"
    );
    assert!(
        warning.contains("HTTP Basic credentials are refused"),
        "{warning}"
    );
}

/// A school that followed an older README has `demo-admin` / `baeum-admin` in its database.
/// After upgrading, the server refuses to serve a network until that password is changed.
#[tokio::test]
async fn a_published_demo_password_left_in_the_database_is_refused_on_a_network() {
    let folder = tempfile::tempdir().unwrap();
    let data = folder.path().join("data");
    {
        let state = open(&data);
        baeum_server::accounts::create_account(
            &state,
            "demo-admin",
            "baeum-admin",
            baeum_server::store::Role::Admin,
        )
        .await
        .expect("the old seeding's admin");
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_baeum-server"))
        .env_remove("BAEUM_DATABASE_URL")
        .args(DATABASE.with(Reopenable::arguments))
        .args(["--addr", "0.0.0.0:0", "--dist", "none", "--content", "none"])
        .arg("--data")
        .arg(&data)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the server");
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server served a network with demo-admin's published password");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("demo-admin (admin)"), "{stderr}");
    assert!(stderr.contains("admin reset-password"), "{stderr}");

    let password_file = folder.path().join("new-password.txt");
    std::fs::write(&password_file, "a password nobody printed\n").unwrap();
    let reset = admin(
        &data,
        &[
            "reset-password",
            "demo-admin",
            "--password-file",
            password_file.to_str().unwrap(),
        ],
    );
    assert!(reset.status.success(), "{}", text(&reset.stderr));
    let state = open(&data);
    assert!(
        baeum_server::accounts::accounts_with_published_passwords(&state)
            .await
            .unwrap()
            .is_empty(),
        "the new password is not a published one"
    );
}
