//! A throw-away PostgreSQL cluster for running the server's tests on its second engine: Debian's
//! `postgresql` (installed when missing), a data directory of its own in the temporary directory, a free
//! loopback port (never 5432, so a PostgreSQL the machine already runs is left alone), no Unix
//! socket, and stopped and deleted when the [`TestCluster`] is dropped, whether the tests
//! passed or not. Debian's `nginx` is installed too when missing, for the suite's test of two
//! server instances behind a proxy.
//!
//! PostgreSQL refuses to run as root, so when xtask runs as root (a CI container) the cluster
//! belongs to Debian's `postgres` user and its commands run through `runuser -u postgres --`.
//! Durability is switched off (`fsync`, `synchronous_commit`): nothing in it outlives the run.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};

/// Where Debian installs each PostgreSQL major version's programs.
const DEBIAN_POSTGRESQL: &str = "/usr/lib/postgresql";

/// A running cluster; dropping it stops it and deletes its data.
pub struct TestCluster {
    bin: PathBuf,
    directory: PathBuf,
    port: u16,
    as_postgres_user: bool,
}

impl TestCluster {
    /// The URL the server's tests take in `BAEUM_TEST_DATABASE_URL`: the superuser on the
    /// maintenance database, from which each test creates a database of its own.
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// The cluster's processes: the postmaster (named in `postmaster.pid`) and its children,
    /// the connections' backends among them.
    pub fn processes(&self) -> Vec<u32> {
        let Some(postmaster) = std::fs::read_to_string(self.data().join("postmaster.pid"))
            .ok()
            .and_then(|text| text.lines().next()?.trim().parse::<u32>().ok())
        else {
            return Vec::new();
        };
        let mut pids = vec![postmaster];
        for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|name| name.parse::<u32>().ok())
            else {
                continue;
            };
            let parent = std::fs::read_to_string(entry.path().join("stat"))
                .ok()
                .and_then(|stat| {
                    // After the command name: the state, then the parent's id.
                    stat.rsplit_once(')')?
                        .1
                        .split_whitespace()
                        .nth(1)?
                        .parse::<u32>()
                        .ok()
                });
            if parent == Some(postmaster) {
                pids.push(pid);
            }
        }
        pids
    }

    fn data(&self) -> PathBuf {
        self.directory.join("data")
    }

    fn pg_ctl(&self) -> Command {
        tool_command(&self.bin, "pg_ctl", self.as_postgres_user)
    }
}

impl Drop for TestCluster {
    fn drop(&mut self) {
        let stopped = self
            .pg_ctl()
            .arg("-D")
            .arg(self.data())
            .args(["-m", "immediate", "-w", "stop"])
            .status();
        if !stopped.is_ok_and(|status| status.success()) {
            eprintln!(
                "xtask: could not stop the test PostgreSQL in {} (see its log there)",
                self.directory.display()
            );
            return;
        }
        if let Err(error) = std::fs::remove_dir_all(&self.directory) {
            eprintln!("xtask: cannot remove {}: {error}", self.directory.display());
        }
    }
}

/// Installs PostgreSQL if needed and starts a fresh cluster.
pub fn start() -> Result<TestCluster> {
    let bin = ensure_postgresql()?;
    let as_postgres_user = running_as_root();
    let directory = cluster_directory();
    stop_leftover(&bin, &directory, as_postgres_user);
    if directory.exists() {
        std::fs::remove_dir_all(&directory)
            .with_context(|| format!("cannot remove {}", directory.display()))?;
    }
    std::fs::create_dir_all(&directory)
        .with_context(|| format!("cannot create {}", directory.display()))?;
    if as_postgres_user {
        crate::tools::run(
            Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(&directory),
        )?;
        let reachable = Command::new("runuser")
            .args(["-u", "postgres", "--", "test", "-w"])
            .arg(&directory)
            .status()
            .is_ok_and(|status| status.success());
        if !reachable {
            bail!(
                "the postgres user cannot reach {} (a parent directory is closed to other \
                 users); set TMPDIR to a directory other users can enter",
                directory.display()
            );
        }
    }
    let port = free_loopback_port()?;
    let cluster = TestCluster {
        bin,
        directory,
        port,
        as_postgres_user,
    };
    crate::tools::run(
        tool_command(&cluster.bin, "initdb", as_postgres_user)
            .arg("-D")
            .arg(cluster.data())
            .args([
                "--username=postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--no-locale",
                "--no-sync",
            ])
            .stdout(std::process::Stdio::null()),
    )?;
    let options = format!(
        "-c port={port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' \
         -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
    );
    // From here on, dropping `cluster` stops the server.
    crate::tools::run(
        cluster
            .pg_ctl()
            .arg("-D")
            .arg(cluster.data())
            .arg("-l")
            .arg(cluster.directory.join("postgresql.log"))
            .args(["-w", "-t", "60", "-o", &options, "start"]),
    )?;
    Ok(cluster)
}

/// Runs the server's test suite against a fresh cluster, and says how long it took. The
/// suite's two-instances test (`instances_behind_a_proxy.rs`) puts nginx in front of two
/// servers on the cluster, so nginx is installed here too and named in `BAEUM_TEST_NGINX`.
///
/// The executables are the ones `cargo test --workspace` builds, run as cargo runs them (from
/// the server's folder). `cargo test -p baeum-server` would unify the dependencies' features
/// for that one package and so compile some forty crates and every test binary a second time:
/// 77 s of a CI run. With `quiet`, a passing executable's output is not shown (the step then
/// runs beside another that prints), a failing one's is, whole.
pub fn test_server(quiet: bool) -> Result<()> {
    let nginx = ensure_nginx()?;
    let executables = server_test_executables()?;
    let cluster = start()?;
    println!("xtask: PostgreSQL test cluster on {}", cluster.url());
    let started = Instant::now();
    let server_folder = crate::tools::repo_root().join("crates").join("server");
    let mut failed = Vec::new();
    for executable in &executables {
        let mut test = Command::new(executable);
        test.current_dir(&server_folder)
            .env("CARGO_MANIFEST_DIR", &server_folder)
            .env("BAEUM_TEST_DATABASE_URL", cluster.url())
            .env("BAEUM_TEST_NGINX", &nginx);
        let name = executable
            .file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
        let passed = if quiet {
            let output = test
                .output()
                .with_context(|| format!("cannot start {}", executable.display()))?;
            if !output.status.success() {
                eprintln!("xtask: {name} on PostgreSQL failed; what it printed:");
                eprintln!("{}", String::from_utf8_lossy(&output.stdout));
                eprintln!("{}", String::from_utf8_lossy(&output.stderr));
            }
            output.status.success()
        } else {
            println!("xtask: running {name} on PostgreSQL");
            test.status()
                .with_context(|| format!("cannot start {}", executable.display()))?
                .success()
        };
        if !passed {
            failed.push(name);
        }
    }
    if !failed.is_empty() {
        bail!(
            "the server's tests failed on PostgreSQL in {}",
            failed.join(", ")
        );
    }
    println!(
        "xtask: the server's {} test executables passed on PostgreSQL in {:.0} s",
        executables.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The server's test executables (its unit tests and every file of `tests/`), built by
/// `cargo test --workspace --no-run`: nothing new when the native tests ran before.
fn server_test_executables() -> Result<Vec<PathBuf>> {
    let server_manifest = crate::tools::repo_root()
        .join("crates")
        .join("server")
        .join("Cargo.toml");
    let output = Command::new("cargo")
        .args([
            "test",
            "--workspace",
            "--no-run",
            "--message-format=json-render-diagnostics",
        ])
        .current_dir(crate::tools::repo_root())
        .stderr(std::process::Stdio::inherit())
        .output()
        .context("cannot start cargo test --no-run")?;
    if !output.status.success() {
        bail!(
            "cargo test --workspace --no-run failed with {}",
            output.status
        );
    }
    let mut executables = Vec::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let is_server_test = message["reason"] == "compiler-artifact"
            && message["profile"]["test"] == true
            && message["manifest_path"].as_str().map(Path::new) == Some(server_manifest.as_path());
        if let (true, Some(executable)) = (is_server_test, message["executable"].as_str()) {
            executables.push(PathBuf::from(executable));
        }
    }
    if executables.is_empty() {
        bail!("cargo test --no-run named no test executable of the server");
    }
    Ok(executables)
}

/// The newest installed major version's `bin/`, installing Debian's `postgresql` when there is
/// none.
fn ensure_postgresql() -> Result<PathBuf> {
    if let Some(bin) = installed_bin() {
        return Ok(bin);
    }
    println!("xtask: installing Debian's postgresql");
    crate::tools::run(Command::new("apt-get").arg("update"))?;
    crate::tools::run(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", "postgresql"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    installed_bin().with_context(|| {
        format!("no {DEBIAN_POSTGRESQL}/*/bin/initdb after `apt-get install postgresql`")
    })
}

/// Where Debian installs nginx.
const DEBIAN_NGINX: &str = "/usr/sbin/nginx";

/// Debian's nginx, installed when missing. The test runs it with a configuration, prefix and
/// port of its own; the package's own service is not used (where the package starts it, it
/// serves Debian's default site and is left as the package set it up).
fn ensure_nginx() -> Result<PathBuf> {
    let nginx = PathBuf::from(DEBIAN_NGINX);
    if nginx.is_file() {
        return Ok(nginx);
    }
    println!("xtask: installing Debian's nginx");
    crate::tools::run(Command::new("apt-get").arg("update"))?;
    crate::tools::run(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", "nginx"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    if !nginx.is_file() {
        bail!("no {DEBIAN_NGINX} after `apt-get install nginx`");
    }
    Ok(nginx)
}

fn installed_bin() -> Option<PathBuf> {
    let versions = std::fs::read_dir(DEBIAN_POSTGRESQL).ok()?;
    versions
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let major: u32 = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((major, bin))
        })
        .max_by_key(|(major, _)| *major)
        .map(|(_, bin)| bin)
}

fn running_as_root() -> bool {
    crate::tools::output_of("id", &["-u"]).as_deref() == Some("0")
}

/// `bin/tool`, run as the `postgres` user when xtask is root.
fn tool_command(bin: &Path, tool: &str, as_postgres_user: bool) -> Command {
    if as_postgres_user {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(bin.join(tool));
        command
    } else {
        Command::new(bin.join(tool))
    }
}

/// Stops a cluster an interrupted run left behind, so its directory can be reused.
fn stop_leftover(bin: &Path, directory: &Path, as_postgres_user: bool) {
    let data = directory.join("data");
    if data.join("postmaster.pid").exists() {
        let _ = tool_command(bin, "pg_ctl", as_postgres_user)
            .arg("-D")
            .arg(&data)
            .args(["-m", "immediate", "-w", "stop"])
            .status();
    }
}

/// The cluster's directory: in the temporary directory rather than the checkout, because the
/// `postgres` user must be able to enter it and a checkout under a closed home directory (root's
/// `/root` is 0700) is out of its reach; one name per checkout, so a run interrupted before its
/// guard ran is found and stopped by the next run of the same checkout.
fn cluster_directory() -> PathBuf {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    crate::tools::repo_root().hash(&mut hasher);
    std::env::temp_dir().join(format!("baeum-postgres-test-{:016x}", hasher.finish()))
}

/// A loopback port nothing listens on now (the kernel's choice).
fn free_loopback_port() -> Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")
        .context("cannot find a free loopback port for the test PostgreSQL")?;
    Ok(listener.local_addr()?.port())
}
