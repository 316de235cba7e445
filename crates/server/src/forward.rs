//! Forwarding every accepted statement to another learning record store (a province's, a
//! university's): a task of its own that sends the store's outbox (`store/forward.rs`) to the
//! endpoint's `statements` resource in stored order, in batches, and removes what was sent
//! only after a 2xx.
//!
//! Why it is shaped so:
//! - The outbox is filled by a trigger in the insert's transaction, so ingest does nothing
//!   more than one extra row per statement and never waits for the network.
//! - Sending is idempotent: statements carry their ids, and an LRS answers a statement it
//!   already holds, unchanged, with success. A crash between the endpoint's 2xx and the outbox
//!   delete sends the batch again; nothing is doubled.
//! - A 409 means the endpoint holds a *different* statement under an id we send. Skipping it
//!   would lose a statement silently, so forwarding stops on it (retrying at the backoff cap,
//!   the error in the log and the admin's status) until someone resolves it at the endpoint.
//!   Any other 4xx but 408 and 429 is a configuration error (wrong credential, wrong URL, an
//!   account not allowed to write others' statements) and is handled the same way.
//! - The endpoint being down, a 5xx, 408 or 429: exponential backoff with jitter, capped, and
//!   at least the endpoint's `Retry-After` seconds.
//! - One sender across several instances on one database: a lease row with an expiry, renewed
//!   before every batch; an instance whose lease ran out does not remove outbox rows.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rand::Rng;
use reqwest::header::{HeaderValue, AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER};
use reqwest::StatusCode;
use uuid::Uuid;

use crate::auth::Authenticated;
use crate::error::ServerError;
use crate::store::{run_blocking, ForwardStatus, OutboxEntry, Role, Store, StoreError};
use crate::AppState;

/// The longest `Retry-After` honoured; a larger one (or a mistake) waits this long.
const LONGEST_RETRY_AFTER: Duration = Duration::from_secs(3600);
/// How much of an endpoint's refusal is kept in the log and the status.
const ERROR_EXCERPT_CHARS: usize = 500;

/// What can be wrong with the forwarding configuration; each stops the server at start.
#[derive(Debug, thiserror::Error)]
pub enum ForwardError {
    #[error("cannot read the forwarding credential file {path}: {source}")]
    CredentialFile {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "the forwarding credential must be one line `USERNAME:PASSWORD` (HTTP Basic) or \
         `Bearer TOKEN`"
    )]
    CredentialFormat,
    #[error("--forward-to needs an http:// or https:// URL of an xAPI endpoint, not {0:?}")]
    EndpointUrl(String),
    #[error("cannot build the forwarding HTTP client: {0}")]
    Client(#[from] reqwest::Error),
}

/// How the forwarder signs in at the endpoint. The text is never logged.
#[derive(Clone)]
pub struct Credential(HeaderValue);

impl std::fmt::Debug for Credential {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("Credential(***)")
    }
}

impl Credential {
    /// `USERNAME:PASSWORD` for HTTP Basic, or `Bearer TOKEN`; surrounding whitespace and a
    /// trailing newline are ignored.
    pub fn parse(text: &str) -> Result<Self, ForwardError> {
        use base64::Engine;
        let text = text.trim();
        if text.is_empty() || text.contains('\n') {
            return Err(ForwardError::CredentialFormat);
        }
        let header = match text.strip_prefix("Bearer ") {
            Some(token) if !token.trim().is_empty() => format!("Bearer {}", token.trim()),
            Some(_) => return Err(ForwardError::CredentialFormat),
            None => match text.split_once(':') {
                Some((username, _)) if !username.is_empty() => format!(
                    "Basic {}",
                    base64::engine::general_purpose::STANDARD.encode(text)
                ),
                _ => return Err(ForwardError::CredentialFormat),
            },
        };
        let mut value =
            HeaderValue::from_str(&header).map_err(|_| ForwardError::CredentialFormat)?;
        value.set_sensitive(true);
        Ok(Self(value))
    }

    /// Reads the credential from a file (never from the command line, where other users of
    /// the machine could read it).
    pub fn from_file(path: &Path) -> Result<Self, ForwardError> {
        let text =
            std::fs::read_to_string(path).map_err(|source| ForwardError::CredentialFile {
                path: path.display().to_string(),
                source,
            })?;
        Self::parse(&text)
    }
}

/// Where and how to forward, and how patiently.
#[derive(Debug, Clone)]
pub struct ForwardSettings {
    /// The endpoint's `statements` resource.
    pub statements_url: reqwest::Url,
    pub credential: Credential,
    /// Statements per request.
    pub batch_size: usize,
    /// How long to wait before looking at an empty outbox again.
    pub idle_poll: Duration,
    /// The first wait after a failure; it doubles with each failure in a row.
    pub backoff_start: Duration,
    /// The longest wait between attempts (also how often a stopped forwarder tries again).
    pub backoff_cap: Duration,
    /// How long a lease lasts unless renewed; longer than one request may take.
    pub lease: Duration,
    /// How long one request may take.
    pub request_timeout: Duration,
}

impl ForwardSettings {
    /// Settings for `endpoint`, the xAPI endpoint (its base, like `https://lrs.example/xapi/`,
    /// or its `statements` resource itself), with the defaults a deployment uses.
    pub fn new(endpoint: &str, credential: Credential) -> Result<Self, ForwardError> {
        Ok(Self {
            statements_url: statements_url(endpoint)?,
            credential,
            batch_size: 100,
            idle_poll: Duration::from_secs(1),
            backoff_start: Duration::from_secs(1),
            backoff_cap: Duration::from_secs(300),
            lease: Duration::from_secs(60),
            request_timeout: Duration::from_secs(30),
        })
    }

    /// The wait after `failures` failures in a row: doubling from the start, capped, and
    /// jittered down to as little as half, so instances and schools do not retry in step.
    pub fn backoff(&self, failures: u32) -> Duration {
        let doubled = self
            .backoff_start
            .saturating_mul(1_u32 << failures.saturating_sub(1).min(20));
        let capped = doubled.min(self.backoff_cap);
        capped.mul_f64(rand::thread_rng().gen_range(0.5..=1.0))
    }
}

/// The `statements` resource of an endpoint given as its base or as the resource itself.
fn statements_url(endpoint: &str) -> Result<reqwest::Url, ForwardError> {
    let refused = || ForwardError::EndpointUrl(endpoint.to_owned());
    let mut url = reqwest::Url::parse(endpoint).map_err(|_| refused())?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(refused());
    }
    if !url.username().is_empty() || url.password().is_some() {
        // A password in the URL would show in `ps` and the logs; it belongs in the file.
        return Err(refused());
    }
    let path = url.path().trim_end_matches('/').to_owned();
    if !path.ends_with("/statements") {
        url.set_path(&format!("{path}/statements"));
    }
    Ok(url)
}

/// `GET /api/admin/forwarding`: the admin's view of forwarding (endpoint, how many wait,
/// the last success and the last error).
pub fn router() -> axum::Router<AppState> {
    axum::Router::new().route("/api/admin/forwarding", axum::routing::get(status))
}

async fn status(
    axum::extract::State(state): axum::extract::State<AppState>,
    caller: Authenticated,
) -> Result<axum::Json<ForwardStatus>, ServerError> {
    if caller.account.role != Role::Admin {
        return Err(ServerError::Forbidden(
            "only an administrator can see forwarding".into(),
        ));
    }
    let status = run_blocking(&state.store, |store| store.forward_status()).await?;
    Ok(axum::Json(status))
}

/// What one round of the loop did, deciding how long to wait before the next.
enum Round {
    /// A batch was accepted: go on at once.
    Sent,
    /// Nothing queued, or another instance holds the lease.
    Idle,
    /// The endpoint (or the database) failed in a way that passes: back off.
    Retry {
        message: String,
        retry_after: Option<Duration>,
    },
    /// The endpoint refused in a way only a person can fix: wait at the cap.
    Stopped { message: String },
}

/// A running forwarder. Dropping it leaves the task running until the process ends; a
/// process that ends without [`Forwarder::stop`] leaves its lease to run out (at most
/// [`ForwardSettings::lease`]) before another process takes over.
pub struct Forwarder {
    task: tokio::task::JoinHandle<()>,
    holder: Uuid,
    store: Arc<dyn Store>,
}

impl Forwarder {
    /// Stops sending (a batch in flight is abandoned and sent again later) and gives the
    /// lease up, so a restarted server or another instance resumes at once.
    pub async fn stop(self) {
        self.task.abort();
        let _ = self.task.await;
        let holder = self.holder;
        let now = chrono::Utc::now().timestamp_micros();
        // Renewing the lease to end now releases it if this process still holds it.
        if let Err(error) = run_blocking(&self.store, move |store| {
            store.take_forward_lease(holder, now, 0)
        })
        .await
        {
            tracing::warn!(%error, "forwarding: cannot give the lease up; it runs out by itself");
        }
    }
}

/// Starts forwarding on the current tokio runtime. The outbox must have been switched on with
/// [`Store::configure_forwarding`] for statements to be queued.
pub fn spawn(store: Arc<dyn Store>, settings: ForwardSettings) -> Result<Forwarder, ForwardError> {
    let client = reqwest::Client::builder()
        .timeout(settings.request_timeout)
        .user_agent(concat!("baeum-server/", env!("CARGO_PKG_VERSION")))
        .build()?;
    let holder = Uuid::new_v4();
    let task = tokio::spawn(run(store.clone(), client, settings, holder));
    Ok(Forwarder {
        task,
        holder,
        store,
    })
}

async fn run(
    store: Arc<dyn Store>,
    client: reqwest::Client,
    settings: ForwardSettings,
    holder: Uuid,
) {
    let mut failures: u32 = 0;
    let mut lease = Lease {
        holder,
        renewed: None,
    };
    loop {
        let wait = match round(&store, &client, &settings, &mut lease).await {
            Round::Sent => {
                failures = 0;
                Duration::ZERO
            }
            Round::Idle => {
                failures = 0;
                settings.idle_poll
            }
            Round::Retry {
                message,
                retry_after,
            } => {
                failures = failures.saturating_add(1);
                let wait = settings
                    .backoff(failures)
                    .max(retry_after.unwrap_or_default().min(LONGEST_RETRY_AFTER));
                tracing::warn!(%message, retry_in = ?wait, "forwarding: will retry");
                record_failure(&store, message).await;
                wait
            }
            Round::Stopped { message } => {
                failures = failures.saturating_add(1);
                tracing::error!(%message, retry_in = ?settings.backoff_cap, "forwarding stopped");
                record_failure(&store, message).await;
                settings.backoff_cap
            }
        };
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
    }
}

async fn record_failure(store: &Arc<dyn Store>, message: String) {
    let now = chrono::Utc::now().timestamp_micros();
    if let Err(error) = run_blocking(store, move |store| store.forward_failed(&message, now)).await
    {
        tracing::warn!(%error, "forwarding: cannot record the failure in the status");
    }
}

fn database_failure(error: StoreError) -> Round {
    Round::Retry {
        message: format!("the database failed: {error}"),
        retry_after: None,
    }
}

/// The lease this process holds: renewed when a third of it has passed, not on every round,
/// so an idle forwarder does not write to the database every second (on SQLite each write is
/// a synced commit).
struct Lease {
    holder: Uuid,
    renewed: Option<std::time::Instant>,
}

/// Takes the lease, sends the next batch and removes it from the outbox after a 2xx.
async fn round(
    store: &Arc<dyn Store>,
    client: &reqwest::Client,
    settings: &ForwardSettings,
    lease: &mut Lease,
) -> Round {
    let holder = lease.holder;
    let fresh = lease
        .renewed
        .is_some_and(|renewed| renewed.elapsed() < settings.lease / 3);
    if !fresh {
        let renewing = std::time::Instant::now();
        let now = chrono::Utc::now().timestamp_micros();
        let until = now.saturating_add(settings.lease.as_micros().try_into().unwrap_or(i64::MAX));
        match run_blocking(store, move |store| {
            store.take_forward_lease(holder, now, until)
        })
        .await
        {
            Ok(true) => lease.renewed = Some(renewing),
            Ok(false) => {
                lease.renewed = None;
                return Round::Idle;
            }
            Err(error) => {
                lease.renewed = None;
                return database_failure(error);
            }
        }
    }
    let limit = settings.batch_size;
    let batch = match run_blocking(store, move |store| store.forward_outbox(limit)).await {
        Ok(batch) if batch.is_empty() => return Round::Idle,
        Ok(batch) => batch,
        Err(error) => return database_failure(error),
    };
    if let Some(failed) = send(client, settings, &batch).await {
        return failed;
    }
    let sequences: Vec<i64> = batch.iter().map(|entry| entry.sequence).collect();
    let now = chrono::Utc::now().timestamp_micros();
    match run_blocking(store, move |store| store.forwarded(holder, &sequences, now)).await {
        Ok(true) => {
            tracing::debug!(statements = batch.len(), "forwarded");
            Round::Sent
        }
        // Another instance took the lease over (this one was too slow); it sends the batch
        // again, which the endpoint accepts as the same statements.
        Ok(false) => {
            lease.renewed = None;
            Round::Idle
        }
        Err(error) => database_failure(error),
    }
}

/// POSTs the batch as one JSON array of the stored statements; `None` on a 2xx.
async fn send(
    client: &reqwest::Client,
    settings: &ForwardSettings,
    batch: &[OutboxEntry],
) -> Option<Round> {
    let mut body = String::with_capacity(batch.iter().map(|entry| entry.body.len() + 1).sum());
    body.push('[');
    for (index, entry) in batch.iter().enumerate() {
        if index > 0 {
            body.push(',');
        }
        body.push_str(&entry.body);
    }
    body.push(']');
    let response = client
        .post(settings.statements_url.clone())
        .header("X-Experience-API-Version", "2.0.0")
        .header(CONTENT_TYPE, "application/json")
        .header(AUTHORIZATION, settings.credential.0.clone())
        .body(body)
        .send()
        .await;
    let response = match response {
        Ok(response) => response,
        Err(error) => {
            return Some(Round::Retry {
                message: format!("cannot reach {}: {error}", settings.statements_url),
                retry_after: None,
            })
        }
    };
    let status = response.status();
    if status.is_success() {
        return None;
    }
    let retry_after = response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let excerpt: String = response
        .text()
        .await
        .unwrap_or_default()
        .chars()
        .take(ERROR_EXCERPT_CHARS)
        .collect();
    let first = batch
        .first()
        .map(|entry| entry.sequence)
        .unwrap_or_default();
    let message = format!(
        "{} answered {status} to {} statements from stored sequence {first}: {excerpt}",
        settings.statements_url,
        batch.len()
    );
    Some(classify(status, message, retry_after))
}

/// Whether a refusal passes by itself (retry with backoff) or needs a person (stop).
fn classify(status: StatusCode, message: String, retry_after: Option<Duration>) -> Round {
    if status.is_server_error()
        || status == StatusCode::TOO_MANY_REQUESTS
        || status == StatusCode::REQUEST_TIMEOUT
    {
        Round::Retry {
            message,
            retry_after,
        }
    } else if status == StatusCode::CONFLICT {
        Round::Stopped {
            message: format!(
                "the endpoint holds a different statement under an id being forwarded, so \
                 forwarding waits until that is resolved there ({message})"
            ),
        }
    } else {
        Round::Stopped {
            message: format!("the endpoint refuses what is forwarded; check --forward-to and the credential ({message})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endpoint_base_and_its_statements_resource_name_the_same_resource() {
        for endpoint in [
            "https://lrs.example/xapi",
            "https://lrs.example/xapi/",
            "https://lrs.example/xapi/statements",
        ] {
            assert_eq!(
                statements_url(endpoint).map(|url| url.to_string()).ok(),
                Some("https://lrs.example/xapi/statements".to_owned()),
                "{endpoint}"
            );
        }
    }

    #[test]
    fn an_endpoint_with_a_password_or_another_scheme_is_refused() {
        for endpoint in [
            "https://user:secret@lrs.example/xapi",
            "ftp://lrs.example/xapi",
            "lrs.example/xapi",
        ] {
            assert!(
                matches!(statements_url(endpoint), Err(ForwardError::EndpointUrl(_))),
                "{endpoint}"
            );
        }
    }

    #[test]
    fn credentials_are_basic_pairs_or_bearer_tokens() {
        let basic = Credential::parse("province:secret\n").expect("a basic pair");
        assert_eq!(
            basic.0.to_str().ok(),
            Some("Basic cHJvdmluY2U6c2VjcmV0"),
            "base64 of province:secret"
        );
        let bearer = Credential::parse("Bearer abc").expect("a token");
        assert_eq!(bearer.0.to_str().ok(), Some("Bearer abc"));
        for wrong in ["", "no-colon", ":password-only", "Bearer ", "a:b\nc:d"] {
            assert!(
                matches!(
                    Credential::parse(wrong),
                    Err(ForwardError::CredentialFormat)
                ),
                "{wrong:?}"
            );
        }
        assert_eq!(format!("{basic:?}"), "Credential(***)");
    }

    #[test]
    fn backoff_doubles_up_to_the_cap_with_jitter_below() {
        let mut settings = ForwardSettings::new(
            "http://127.0.0.1:1/xapi",
            Credential::parse("a:b").expect("a credential"),
        )
        .expect("settings");
        settings.backoff_start = Duration::from_millis(100);
        settings.backoff_cap = Duration::from_millis(1000);
        for (failures, full) in [
            (1, 100),
            (2, 200),
            (3, 400),
            (4, 800),
            (5, 1000),
            (40, 1000),
        ] {
            let wait = settings.backoff(failures);
            assert!(
                wait <= Duration::from_millis(full) && wait >= Duration::from_millis(full / 2),
                "{failures} failures: {wait:?}"
            );
        }
    }

    #[test]
    fn refusals_that_pass_are_retried_and_the_rest_stop() {
        for status in [500, 502, 503, 429, 408] {
            let status = StatusCode::from_u16(status).expect("a status");
            assert!(matches!(
                classify(status, String::new(), None),
                Round::Retry { .. }
            ));
        }
        for status in [400, 401, 403, 404, 409, 413] {
            let status = StatusCode::from_u16(status).expect("a status");
            assert!(matches!(
                classify(status, String::new(), None),
                Round::Stopped { .. }
            ));
        }
    }
}
