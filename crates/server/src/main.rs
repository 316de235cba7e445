//! `baeum-server`: parses arguments, binds the address, serves [`baeum_server::app`] until
//! Ctrl-C or SIGTERM, then drains open requests. `baeum-server admin …` manages accounts on
//! the command line instead (see [`baeum_server::account_admin`]).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use baeum_server::limits::{Rate, RateLimits};
use baeum_server::store::DailyLimits;
use baeum_server::{app, AppState, Config, Transport};
use tracing_subscriber::EnvFilter;

/// mimalloc rather than the C library's allocator: see its line in Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str =
    "usage: baeum-server [--addr HOST:PORT] [--dist DIR] [--content DIR] [--data DIR]
                    [--database postgres://USER:PASSWORD@HOST:PORT/DB]
       baeum-server admin (create USERNAME | reset-password USERNAME | invite-teacher) …
       baeum-server site (set ID … | list | remove ID) …   (`site help` says more)
       baeum-server backup FILE [--data DIR] [--force]

  --addr     address to listen on (default 127.0.0.1:8080, or $BAEUM_ADDR)
  --dist     the built client (default ./dist)
  --content  the built content packs (default ./target/content)
  --data     where the SQLite database is kept (default ./data)
  --database keep everything in this PostgreSQL database instead of SQLite (or
             $BAEUM_DATABASE_URL; `admin` reads $BAEUM_DATABASE_URL too). The server creates
             and migrates its tables; the database and its user must exist
  --seed-demo  create the demo accounts (demo-learner, demo-teacher, whose passwords are
             public) if missing; refused on a network address unless also given
             --seed-demo-on-network-i-understand-anyone-can-sign-in
  --tls-cert FILE, --tls-key FILE
             serve https with this PEM certificate chain and private key (or $BAEUM_TLS_CERT
             and $BAEUM_TLS_KEY). Devices on a network need https, with a certificate they
             trust, to start the app offline; localhost does not
  --trusted-proxy ADDRESS
             a reverse proxy in front of this server (repeat for several): requests from it
             are counted against the client address in the last entry of its
             X-Forwarded-For header, which the proxy must set (nginx:
             `proxy_set_header X-Forwarded-For $remote_addr;`). From anyone else the header
             is ignored
  --forward-to URL
             forward every statement stored from now on to this xAPI endpoint (another
             learning record store, like the province's: its base URL such as
             https://lrs.example/xapi/), in stored order, each once, retrying while it is
             down (or $BAEUM_FORWARD_TO). Every learner's statements go there. Give every
             server instance on one database the same forwarding options
  --forward-credential-file FILE
             the file holding the endpoint's credential, one line: USERNAME:PASSWORD (HTTP
             Basic) or `Bearer TOKEN` (or the line itself in $BAEUM_FORWARD_CREDENTIAL)
  --daily-statement-limit N, --daily-statement-bytes N
             how many statements, and how many bytes of them, one account may store per UTC
             day (default 10000 and 33554432); past that the server answers 429 until the
             next UTC day, so one account cannot fill the disk

  Limits on guessing, each N/PERIOD (PERIOD like 90s, 10m, 1h; the defaults in brackets):
  --password-attempts-per-address RATE       [120/2m] sign-ins, sign-ups, HTTP Basic
  --password-attempts-per-account-and-address RATE  [10/10m]
  --password-attempts-per-account RATE       [60/1h] from all addresses together
  --sign-ups-per-address RATE                [60/1h]
  --join-attempts-per-account RATE           [10/10m]
  --join-attempts-per-address RATE           [120/10m]
  --record-requests-per-account RATE         [120/10m] certificates, applications

       baeum-server backup FILE [--data DIR] [--force]

  Writes a consistent copy of the SQLite database to FILE while the server runs (a snapshot
  of one moment: every statement acknowledged before it started is in it). Refuses to replace
  an existing FILE unless --force is given. Restore by stopping the server and putting the
  copy in place of DIR/baeum.sqlite3 (removing DIR/baeum.sqlite3-wal and -shm). A PostgreSQL
  database is backed up with PostgreSQL's tools (pg_dump).";

/// The flag that allows demo accounts (public passwords) on a network address.
const SEED_DEMO_ON_NETWORK: &str = "--seed-demo-on-network-i-understand-anyone-can-sign-in";

struct Arguments {
    address: String,
    /// A PostgreSQL URL, or `None` for SQLite in the data directory.
    database_url: Option<String>,
    config: Config,
    seed_demo: bool,
    seed_demo_on_network: bool,
    rate_limits: RateLimits,
    tls: Option<TlsFiles>,
    daily_limits: DailyLimits,
    trusted_proxies: Vec<std::net::IpAddr>,
    /// Where to forward statements, if anywhere.
    forward: Option<baeum_server::forward::ForwardSettings>,
}

/// The PEM files of the certificate chain and private key to serve https with.
struct TlsFiles {
    certificate: PathBuf,
    private_key: PathBuf,
}

fn parse_arguments() -> Result<Arguments, String> {
    let mut address = std::env::var("BAEUM_ADDR").unwrap_or_else(|_| "127.0.0.1:8080".into());
    let mut config = Config {
        dist_dir: PathBuf::from("dist"),
        content_dir: PathBuf::from("target/content"),
        data_dir: PathBuf::from("data"),
        transport: Transport::LoopbackHttp,
    };
    let mut database_url = std::env::var("BAEUM_DATABASE_URL").ok();
    let mut seed_demo = false;
    let mut daily_limits = DailyLimits::default();
    let mut seed_demo_on_network = false;
    let mut rate_limits = RateLimits::default();
    let mut trusted_proxies = Vec::new();
    let mut forward_to = std::env::var("BAEUM_FORWARD_TO").ok();
    let mut forward_credential_file: Option<PathBuf> = None;
    let mut tls_certificate = std::env::var_os("BAEUM_TLS_CERT").map(PathBuf::from);
    let mut tls_private_key = std::env::var_os("BAEUM_TLS_KEY").map(PathBuf::from);
    let mut arguments = std::env::args().skip(1);
    while let Some(flag) = arguments.next() {
        if flag == "--help" || flag == "-h" {
            return Err(USAGE.to_owned());
        }
        if flag == "--seed-demo" {
            seed_demo = true;
            continue;
        }
        if flag == SEED_DEMO_ON_NETWORK {
            seed_demo_on_network = true;
            continue;
        }
        let value = arguments
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n\n{USAGE}"))?;
        match flag.as_str() {
            "--addr" => address = value,
            "--dist" => config.dist_dir = value.into(),
            "--content" => config.content_dir = value.into(),
            "--data" => config.data_dir = value.into(),
            "--database" => database_url = Some(value),
            "--forward-to" => forward_to = Some(value),
            "--forward-credential-file" => forward_credential_file = Some(value.into()),
            "--trusted-proxy" => trusted_proxies.push(value.parse().map_err(|_| {
                format!("--trusted-proxy needs an IP address like 127.0.0.1, not {value:?}")
            })?),
            "--tls-cert" => tls_certificate = Some(value.into()),
            "--tls-key" => tls_private_key = Some(value.into()),
            "--daily-statement-limit" => daily_limits.statements = positive(&flag, &value)?,
            "--daily-statement-bytes" => daily_limits.bytes = positive(&flag, &value)?,
            "--password-attempts-per-address" => {
                rate_limits.password_per_address = rate(&flag, &value)?
            }
            "--password-attempts-per-account-and-address" => {
                rate_limits.password_per_account_and_address = rate(&flag, &value)?
            }
            "--password-attempts-per-account" => {
                rate_limits.password_per_account = rate(&flag, &value)?
            }
            "--sign-ups-per-address" => rate_limits.sign_ups_per_address = rate(&flag, &value)?,
            "--join-attempts-per-account" => rate_limits.join_per_account = rate(&flag, &value)?,
            "--record-requests-per-account" => {
                rate_limits.records_per_account = rate(&flag, &value)?
            }
            "--join-attempts-per-address" => rate_limits.join_per_address = rate(&flag, &value)?,
            other => return Err(format!("unknown argument {other}\n\n{USAGE}")),
        }
    }
    let tls = match (tls_certificate, tls_private_key) {
        (Some(certificate), Some(private_key)) => Some(TlsFiles {
            certificate,
            private_key,
        }),
        (None, None) => None,
        _ => {
            return Err(format!(
                "https needs both --tls-cert and --tls-key (or BAEUM_TLS_CERT and BAEUM_TLS_KEY)\n\n{USAGE}"
            ))
        }
    };
    let forward = forward_settings(forward_to, forward_credential_file)?;
    Ok(Arguments {
        forward,
        address,
        database_url,
        config,
        seed_demo,
        seed_demo_on_network,
        rate_limits,
        tls,
        daily_limits,
        trusted_proxies,
    })
}

/// The forwarding settings, from the flags or their variables; the credential never comes
/// from the command line.
fn forward_settings(
    endpoint: Option<String>,
    credential_file: Option<PathBuf>,
) -> Result<Option<baeum_server::forward::ForwardSettings>, String> {
    use baeum_server::forward::{Credential, ForwardSettings};
    let credential_variable = std::env::var("BAEUM_FORWARD_CREDENTIAL").ok();
    let Some(endpoint) = endpoint.filter(|endpoint| !endpoint.is_empty()) else {
        if credential_file.is_some() {
            return Err(format!(
                "--forward-credential-file needs --forward-to (or BAEUM_FORWARD_TO)\n\n{USAGE}"
            ));
        }
        return Ok(None);
    };
    let credential = match (credential_file, credential_variable) {
        (Some(file), _) => Credential::from_file(&file),
        (None, Some(text)) => Credential::parse(&text),
        (None, None) => {
            return Err(format!(
                "--forward-to needs the endpoint's credential: --forward-credential-file FILE \
                 (or BAEUM_FORWARD_CREDENTIAL)\n\n{USAGE}"
            ))
        }
    }
    .map_err(|error| error.to_string())?;
    ForwardSettings::new(&endpoint, credential)
        .map(Some)
        .map_err(|error| error.to_string())
}

/// A positive whole number given for `flag`.
fn positive(flag: &str, value: &str) -> Result<u64, String> {
    match value.parse::<u64>() {
        Ok(number) if number > 0 => Ok(number),
        _ => Err(format!(
            "{flag} needs a positive whole number, not {value:?}"
        )),
    }
}

/// `baeum-server backup FILE [--data DIR] [--force]`.
fn backup(arguments: &[String]) -> ExitCode {
    let mut data_dir = PathBuf::from("data");
    let mut target: Option<PathBuf> = None;
    let mut force = false;
    let mut rest = arguments.iter();
    while let Some(argument) = rest.next() {
        match argument.as_str() {
            "--help" | "-h" => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
            "--force" => force = true,
            "--data" => match rest.next() {
                Some(value) => data_dir = value.into(),
                None => {
                    eprintln!("--data needs a value\n\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            other if other.starts_with("--") || target.is_some() => {
                eprintln!("unknown argument {other}\n\n{USAGE}");
                return ExitCode::from(2);
            }
            file => target = Some(file.into()),
        }
    }
    let Some(target) = target else {
        eprintln!("backup needs the FILE to write\n\n{USAGE}");
        return ExitCode::from(2);
    };
    if std::env::var_os("BAEUM_DATABASE_URL").is_some() {
        // The variable makes the server use PostgreSQL; copying the SQLite file in --data would
        // look like a backup of it and hold nothing.
        eprintln!(
            "baeum-server: BAEUM_DATABASE_URL names a PostgreSQL database; back it up with \
             PostgreSQL's own tools (pg_dump, or the server's replication). `backup` copies the \
             SQLite database of --data"
        );
        return ExitCode::from(2);
    }
    match baeum_server::store::backup_database(&data_dir, &target, force) {
        Ok(summary) => {
            println!(
                "baeum-server: backed up {} statements ({} bytes) to {}",
                summary.statements,
                summary.bytes,
                target.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("baeum-server: backup failed: {error}");
            ExitCode::from(1)
        }
    }
}

fn rate(flag: &str, value: &str) -> Result<Rate, String> {
    Rate::parse(value).map_err(|message| format!("{flag}: {message}"))
}

/// `baeum-server admin …`: opens the database, runs the command, prints its result.
async fn admin(arguments: &[String]) -> ExitCode {
    let (command, data) = match baeum_server::account_admin::parse_admin_arguments(arguments) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let content = PathBuf::from("target/content");
    with_database("admin", data, content, |state| async move {
        baeum_server::account_admin::run_admin_command(&state, command).await
    })
    .await
}

/// `baeum-server site …`: opens the database, runs the command, prints its result.
async fn site(arguments: &[String]) -> ExitCode {
    let parsed = match baeum_server::site_admin::parse_site_arguments(arguments) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let content = parsed
        .content
        .unwrap_or_else(|| PathBuf::from("target/content"));
    let content_dir = content.clone();
    with_database("site", parsed.data, content, |state| async move {
        baeum_server::site_admin::run_site_command(&state, parsed.command, &content_dir).await
    })
    .await
}

/// Opens the database a command-line tool works on (the data directory's SQLite, or
/// `$BAEUM_DATABASE_URL`), runs `run` and prints what it said.
async fn with_database<F, Fut>(
    name: &str,
    data: Option<PathBuf>,
    content_dir: PathBuf,
    run: F,
) -> ExitCode
where
    F: FnOnce(AppState) -> Fut,
    Fut: std::future::Future<Output = Result<String, String>>,
{
    let config = Config {
        dist_dir: PathBuf::from("dist"),
        content_dir,
        data_dir: data.unwrap_or_else(|| PathBuf::from("data")),
        transport: Transport::LoopbackHttp,
    };
    let database_url = std::env::var("BAEUM_DATABASE_URL").ok();
    let state = match AppState::open_database(config, database_url.as_deref()) {
        Ok(state) => state,
        Err(error) => {
            eprintln!("baeum-server: cannot open the database: {error}");
            return ExitCode::from(1);
        }
    };
    match run(state).await {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("baeum-server {name}: {message}");
            ExitCode::from(1)
        }
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let raw: Vec<String> = std::env::args().skip(1).collect();
    if raw.first().map(String::as_str) == Some("backup") {
        return backup(&raw[1..]);
    }
    if raw.first().map(String::as_str) == Some("admin") {
        return admin(&raw[1..]).await;
    }
    if raw.first().map(String::as_str) == Some("site") {
        return site(&raw[1..]).await;
    }
    let arguments = match parse_arguments() {
        Ok(arguments) => arguments,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let address: SocketAddr = match arguments.address.parse() {
        Ok(address) => address,
        Err(_) => {
            eprintln!(
                "baeum-server: {:?} is not an address like 127.0.0.1:8080",
                arguments.address
            );
            return ExitCode::from(2);
        }
    };
    if arguments.seed_demo && !address.ip().is_loopback() && !arguments.seed_demo_on_network {
        eprintln!(
            "baeum-server: refusing --seed-demo on the network address {address}: the demo \
             accounts' passwords are printed in the README, so anyone on the network could sign \
             in as the demo teacher. Serve a school without demo accounts (make its first admin \
             with `baeum-server admin create USERNAME`), or, for a demo on a network you \
             control, add {SEED_DEMO_ON_NETWORK}"
        );
        return ExitCode::from(2);
    }
    if !baeum_server::static_files::has_client(&arguments.config.dist_dir) {
        tracing::warn!(
            dist = %arguments.config.dist_dir.display(),
            "no built client found; run `cargo xtask serve` to build it"
        );
    }
    let mut config = arguments.config;
    config.transport = match (&arguments.tls, address.ip().is_loopback()) {
        (Some(_), _) => Transport::Https,
        (None, true) => Transport::LoopbackHttp,
        (None, false) => Transport::NetworkHttp,
    };
    let state = match AppState::open_database(config, arguments.database_url.as_deref()) {
        Ok(state) => state
            .with_daily_limits(arguments.daily_limits)
            .with_rate_limits(arguments.rate_limits)
            .with_trusted_proxies(&arguments.trusted_proxies),
        Err(error) => {
            eprintln!("baeum-server: cannot open the database: {error}");
            return ExitCode::from(1);
        }
    };
    if !address.ip().is_loopback() && !arguments.seed_demo_on_network {
        match baeum_server::accounts::accounts_with_published_passwords(&state).await {
            Ok(open) if open.is_empty() => {}
            Ok(open) => {
                let names: Vec<String> = open
                    .iter()
                    .map(|(username, role)| format!("{username} ({})", role.as_str()))
                    .collect();
                eprintln!(
                    "baeum-server: refusing to serve the network address {address}: {} still \
                     sign in with the demo password printed in the README, so anyone on the \
                     network could sign in as them. Give each a new password with \
                     `baeum-server admin reset-password USERNAME --data DIR` (or, for a demo on \
                     a network you control, add {SEED_DEMO_ON_NETWORK})",
                    names.join(", ")
                );
                return ExitCode::from(2);
            }
            Err(error) => {
                eprintln!("baeum-server: cannot check the accounts: {error}");
                return ExitCode::from(1);
            }
        }
    }
    if arguments.seed_demo {
        if let Err(error) = baeum_server::accounts::seed_demo(&state).await {
            eprintln!("baeum-server: cannot create the demo accounts: {error}");
            return ExitCode::from(1);
        }
    }
    let forwarder = match start_forwarding(&state, arguments.forward).await {
        Ok(forwarder) => forwarder,
        Err(message) => {
            eprintln!("baeum-server: {message}");
            return ExitCode::from(1);
        }
    };
    let listener = match tokio::net::TcpListener::bind(address).await {
        Ok(listener) => listener,
        Err(error) if error.kind() == std::io::ErrorKind::AddrInUse => {
            eprintln!(
                "baeum-server: {address} is already in use (is another baeum-server running?); \
                 stop it or choose another address with --addr or BAEUM_ADDR"
            );
            return ExitCode::from(1);
        }
        Err(error) => {
            eprintln!("baeum-server: cannot listen on {address}: {error}");
            return ExitCode::from(1);
        }
    };
    let shutdown = shutdown_signal();
    // The peer address feeds the per-address rate limits.
    let service = app(state).into_make_service_with_connect_info::<SocketAddr>();
    let served = match arguments.tls {
        None => {
            if !address.ip().is_loopback() {
                eprintln!(
                    "baeum-server: WARNING: serving plain http on a network address. Passwords \
                     cross the network readable by anyone on it (sign-ins, sign-ups), so HTTP \
                     Basic credentials are refused. Browsers also start the app offline (the \
                     service worker) only over https. Give --tls-cert and --tls-key (see the \
                     README, \"At a school\")"
                );
            }
            println!("baeum is running on http://{address}/");
            axum::serve(listener, service)
                .with_graceful_shutdown(shutdown)
                .await
        }
        Some(tls) => {
            let tls_config = match load_tls(&tls).await {
                Ok(tls_config) => tls_config,
                Err(message) => {
                    eprintln!("baeum-server: {message}");
                    return ExitCode::from(1);
                }
            };
            serve_https(listener, tls_config, service, shutdown, address).await
        }
    };
    if let Some(forwarder) = forwarder {
        // Gives the lease up, so a restarted server (or another instance) resumes at once.
        forwarder.stop().await;
    }
    match served {
        Ok(()) => {
            tracing::info!("stopped");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("baeum-server: {error}");
            ExitCode::from(1)
        }
    }
}

/// Writes the forwarding endpoint (or none) into the database, which switches the outbox on or
/// off, and starts the forwarder.
async fn start_forwarding(
    state: &AppState,
    settings: Option<baeum_server::forward::ForwardSettings>,
) -> Result<Option<baeum_server::forward::Forwarder>, String> {
    let endpoint = settings
        .as_ref()
        .map(|settings| settings.statements_url.to_string());
    let pending = baeum_server::store::run_blocking(&state.store, move |store| {
        store.configure_forwarding(endpoint.as_deref())
    })
    .await
    .map_err(|error| format!("cannot configure forwarding: {error}"))?;
    match settings {
        Some(settings) => {
            tracing::info!(
                endpoint = %settings.statements_url,
                pending,
                "forwarding every stored statement"
            );
            baeum_server::forward::spawn(state.store.clone(), settings)
                .map(Some)
                .map_err(|error| error.to_string())
        }
        None => {
            if pending > 0 {
                tracing::warn!(
                    pending,
                    "forwarding is off (no --forward-to): statements queued earlier wait \
                     unsent, and statements stored from now on are not queued"
                );
            }
            Ok(None)
        }
    }
}

/// Reads the certificate chain and key, with an error that names the file at fault.
async fn load_tls(tls: &TlsFiles) -> Result<axum_server::tls_rustls::RustlsConfig, String> {
    // One process-wide crypto provider; installing it twice is harmless, so the result is
    // ignored.
    let _ = rustls::crypto::ring::default_provider().install_default();
    for (what, path) in [
        ("certificate", &tls.certificate),
        ("private key", &tls.private_key),
    ] {
        if let Err(error) = std::fs::metadata(path) {
            return Err(format!(
                "cannot read the tls {what} {}: {error}",
                path.display()
            ));
        }
    }
    axum_server::tls_rustls::RustlsConfig::from_pem_file(&tls.certificate, &tls.private_key)
        .await
        .map_err(|error| {
            format!(
                "the tls certificate {} and key {} cannot be used: {error}",
                tls.certificate.display(),
                tls.private_key.display()
            )
        })
}

/// Serves https on `listener` until `shutdown`, then drains open requests for up to ten
/// seconds.
async fn serve_https(
    listener: tokio::net::TcpListener,
    tls_config: axum_server::tls_rustls::RustlsConfig,
    service: axum::extract::connect_info::IntoMakeServiceWithConnectInfo<axum::Router, SocketAddr>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    address: SocketAddr,
) -> std::io::Result<()> {
    let listener = listener.into_std()?;
    let handle = axum_server::Handle::new();
    let handle_for_shutdown = handle.clone();
    tokio::spawn(async move {
        shutdown.await;
        handle_for_shutdown.graceful_shutdown(Some(std::time::Duration::from_secs(10)));
    });
    let server = axum_server::from_tcp_rustls(listener, tls_config)?.handle(handle);
    println!("baeum is running on https://{address}/");
    server.serve(service).await
}

/// Resolves on Ctrl-C or SIGTERM, so open requests are drained before the process exits.
///
/// The signal handlers are installed when this is called, not when the future is first
/// polled, so a SIGTERM that arrives right after the server announced itself is not lost to
/// the default action (which would kill the process mid-request).
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate());
    #[cfg(unix)]
    let interrupt = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt());
    async move {
        #[cfg(unix)]
        {
            let wait_for = |listener: std::io::Result<tokio::signal::unix::Signal>, name| async move {
                match listener {
                    Ok(mut signal) => {
                        signal.recv().await;
                    }
                    Err(error) => {
                        tracing::error!(%error, "cannot listen for {name}");
                        std::future::pending::<()>().await;
                    }
                }
            };
            tokio::select! {
                () = wait_for(interrupt, "ctrl-c") => {},
                () = wait_for(terminate, "sigterm") => {},
            }
        }
        #[cfg(not(unix))]
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for ctrl-c");
            std::future::pending::<()>().await;
        }
        tracing::info!("shutting down, draining open requests");
    }
}
