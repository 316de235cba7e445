//! The server binary as an operator runs it: a busy port is a clear error, SIGTERM stops it
//! cleanly, and with a certificate and key it serves https (which devices on a school network
//! need for the offline app), refusing unusable key files with a clear error.

mod xapi_support;

use std::io::Read;
use std::net::TcpListener;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use xapi_support::engine::Reopenable;

thread_local! {
    /// Each test's database: SQLite in its data directory, or PostgreSQL named by
    /// `--database`.
    static DATABASE: Reopenable = Reopenable::new();
}

fn server_command(address: &str, data: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_baeum-server"));
    command
        .env_remove("BAEUM_DATABASE_URL")
        .args(DATABASE.with(Reopenable::arguments))
        .args([
            "--addr",
            address,
            "--dist",
            "no-client-here",
            "--content",
            "no-content-here",
        ])
        .arg("--data")
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

#[test]
fn a_busy_port_is_a_clear_error() {
    let occupied = TcpListener::bind("127.0.0.1:0").expect("bind a port");
    let address = occupied.local_addr().expect("an address").to_string();
    let data = tempfile::tempdir().expect("a data folder");
    let output = server_command(&address, data.path())
        .output()
        .expect("run the server");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("already in use"),
        "the message names the problem: {stderr}"
    );
}

fn free_address() -> String {
    let free = TcpListener::bind("127.0.0.1:0").expect("find a free port");
    free.local_addr().expect("an address").to_string()
}

/// Reads the server's standard output until it prints the URL it serves, and returns that.
fn wait_until_listening(child: &mut std::process::Child) -> String {
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
    String::from_utf8_lossy(&printed).into_owned()
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_server_cleanly() {
    let address = free_address();
    let data = tempfile::tempdir().expect("a data folder");
    let mut child = server_command(&address, data.path())
        .spawn()
        .expect("start the server");
    let printed = wait_until_listening(&mut child);
    assert!(printed.contains(&format!("http://{address}/")), "{printed}");
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("send SIGTERM");
    assert!(status.success());
    let exit = child.wait().expect("wait for the server");
    assert!(exit.success(), "a graceful stop exits with 0, got {exit}");
}

/// A self-signed certificate for `localhost`, written as PEM files in `folder`.
fn self_signed_certificate(
    folder: &std::path::Path,
) -> (std::path::PathBuf, std::path::PathBuf, Vec<u8>) {
    let generated =
        rcgen::generate_simple_self_signed(vec!["localhost".to_owned()]).expect("a certificate");
    let certificate = folder.join("school.crt");
    let private_key = folder.join("school.key");
    std::fs::write(&certificate, generated.cert.pem()).expect("write the certificate");
    std::fs::write(&private_key, generated.key_pair.serialize_pem()).expect("write the key");
    (certificate, private_key, generated.cert.der().to_vec())
}

#[test]
fn with_a_certificate_and_key_it_serves_https() {
    let address = free_address();
    let data = tempfile::tempdir().expect("a data folder");
    let (certificate, private_key, certificate_der) = self_signed_certificate(data.path());
    let mut child = server_command(&address, data.path())
        .arg("--tls-cert")
        .arg(&certificate)
        .arg("--tls-key")
        .arg(&private_key)
        .spawn()
        .expect("start the server");
    let printed = wait_until_listening(&mut child);
    assert!(
        printed.contains(&format!("https://{address}/")),
        "{printed}"
    );

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let response = runtime.block_on(async {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut roots = rustls::RootCertStore::empty();
        roots
            .add(rustls::pki_types::CertificateDer::from(certificate_der))
            .expect("trust the school's certificate");
        let config = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .expect("protocol versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
        let connector = tokio_rustls::TlsConnector::from(std::sync::Arc::new(config));
        let tcp = tokio::net::TcpStream::connect(&address)
            .await
            .expect("connect");
        let server_name =
            rustls::pki_types::ServerName::try_from("localhost").expect("a server name");
        let mut tls = connector
            .connect(server_name, tcp)
            .await
            .expect("a tls handshake the certificate verifies");
        tls.write_all(b"GET /xapi/about HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            .await
            .expect("send a request");
        let mut response = Vec::new();
        let _ = tls.read_to_end(&mut response).await;
        String::from_utf8_lossy(&response).into_owned()
    });
    let _ = child.kill();
    let _ = child.wait();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        response.contains("2.0.0"),
        "the about resource answers: {response}"
    );
}

#[test]
fn an_unusable_key_or_a_missing_half_is_a_clear_error() {
    let data = tempfile::tempdir().expect("a data folder");
    let (certificate, _private_key, _) = self_signed_certificate(data.path());
    let not_a_key = data.path().join("not-a-key.pem");
    std::fs::write(&not_a_key, "this is not a key").expect("write");
    let output = server_command(&free_address(), data.path())
        .arg("--tls-cert")
        .arg(&certificate)
        .arg("--tls-key")
        .arg(&not_a_key)
        .output()
        .expect("run the server");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot be used"), "{stderr}");

    let output = server_command(&free_address(), data.path())
        .arg("--tls-cert")
        .arg(&certificate)
        .output()
        .expect("run the server");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("needs both --tls-cert and --tls-key"));
}
