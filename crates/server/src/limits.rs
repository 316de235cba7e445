//! Limits on attempts that could guess a secret: passwords (sign-in, sign-up, HTTP Basic,
//! the current password asked before changing or deleting an account), sign-ups and class join
//! codes. Each is a keyed token bucket (`governor`, GCRA): a bucket holds `burst` attempts and
//! refills one every `period / burst`; an empty bucket answers 429 with `Retry-After`.
//!
//! Password attempts are counted three ways, checked in this order so that an attempt refused
//! by a narrower bucket does not use up a wider one:
//! 1. per client address: lenient, because a whole school shares one address behind its router
//!    (thirty pupils signing in at once, some mistyping, must all get in);
//! 2. per account *and* address: strict, the limit a guesser at one address meets; because it
//!    is per address, a flood against one learner's name does not lock that learner out
//!    elsewhere;
//! 3. per account from every address: the limit a guesser spread over many addresses meets.
//!
//! The client address is the one the socket saw. `X-Forwarded-For` is believed only from a
//! reverse proxy the operator named (`--trusted-proxy`, see [`ClientAddress`]): anyone can
//! write it, and a guesser would simply vary it.
//!
//! Where the counts live: in the database (`store/buckets.rs`), so that several server
//! instances on one database (a province behind a proxy) allow a guesser the limit once, not
//! once per instance, and a restart forgets nothing. A bucket is stored under an HMAC of the
//! limit's name and its key (address, username, account id) with a random key kept in the
//! database, so the table holds no address or name in plain text; a row lives no longer than
//! its bucket takes to refill and is then deleted.
//!
//! In front of the database, each process keeps the same buckets in memory (`governor`) as a
//! first filter: an attempt it refuses never reaches the database, so a flood from one address
//! costs one write per allowed attempt, not one per request. The filter cannot let through
//! what the database would refuse, because the database is asked after it; and it refuses
//! nothing the database would allow while one instance serves a client, because it has seen
//! the same attempts. With several instances it can be stricter only toward a client the
//! database already refused (it counted attempts the database did not), which errs on the safe
//! side for a client over its limit.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use chrono::Utc;
use governor::clock::{Clock, DefaultClock};
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use tokio::sync::OnceCell;
use uuid::Uuid;

use crate::error::ServerError;
use crate::store::{run_blocking, BucketTake, Store, TakeOutcome};
use crate::AppState;

/// How many attempts a bucket holds and how long it takes to refill completely: "120 per 2
/// minutes" lets 120 through at once, then one every second.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub burst: NonZeroU32,
    pub period: Duration,
}

impl Rate {
    /// `burst` attempts per `seconds`.
    pub const fn per_seconds(burst: NonZeroU32, seconds: u64) -> Self {
        Self {
            burst,
            period: Duration::from_secs(seconds),
        }
    }

    /// Parses `N/PERIOD` with a period like `90s`, `10m` or `1h` (as the command line takes
    /// it).
    pub fn parse(text: &str) -> Result<Self, String> {
        let malformed = || format!("{text:?} is not a rate like 10/10m (10 per ten minutes)");
        let (burst, period) = text.split_once('/').ok_or_else(malformed)?;
        let burst: NonZeroU32 = burst.trim().parse().map_err(|_| malformed())?;
        let period = period.trim();
        let split = period
            .find(|character: char| !character.is_ascii_digit())
            .ok_or_else(malformed)?;
        let (amount, unit) = period.split_at(split);
        let amount: u64 = amount.parse().map_err(|_| malformed())?;
        let seconds = match unit {
            "s" => amount,
            "m" => amount.saturating_mul(60),
            "h" => amount.saturating_mul(3600),
            _ => return Err(malformed()),
        };
        if seconds == 0 {
            return Err(malformed());
        }
        Ok(Self::per_seconds(burst, seconds))
    }

    /// The time one attempt takes to come back (GCRA's emission interval), as `governor`
    /// reckons it, so the buckets in memory and in the database refill alike.
    fn interval(self) -> Duration {
        (self.period / self.burst.get()).max(Duration::from_millis(1))
    }

    fn quota(self) -> Quota {
        // `with_period` is `None` only for a zero period, which `interval` rules out.
        Quota::with_period(self.interval())
            .unwrap_or_else(|| Quota::per_second(NonZeroU32::MIN))
            .allow_burst(self.burst)
    }
}

const fn nonzero(value: u32) -> NonZeroU32 {
    match NonZeroU32::new(value) {
        Some(value) => value,
        None => NonZeroU32::MIN,
    }
}

/// The limits a server enforces; `baeum-server --help` names the flag for each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimits {
    /// Password checks from one client address, whatever the account (`--password-attempts-per-address`).
    pub password_per_address: Rate,
    /// Password checks for one account from one address (`--password-attempts-per-account-and-address`).
    pub password_per_account_and_address: Rate,
    /// Password checks for one account from all addresses together (`--password-attempts-per-account`).
    pub password_per_account: Rate,
    /// Accounts created from one client address (`--sign-ups-per-address`).
    pub sign_ups_per_address: Rate,
    /// Join-code attempts by one account (`--join-attempts-per-account`).
    pub join_per_account: Rate,
    /// Join-code attempts from one client address (`--join-attempts-per-address`).
    pub join_per_address: Rate,
    /// Requests of one account that read its record or sign (asking for a certificate, the
    /// standing toward them, applying, withdrawing; `--record-requests-per-account`).
    pub records_per_account: Rate,
}

/// Join-code attempts one account may make at once; then one every minute.
pub const JOIN_FAILURES_PER_ACCOUNT: usize = 10;
/// Join-code attempts one client address may make at once; then one every five seconds.
pub const JOIN_FAILURES_PER_ADDRESS: usize = 120;

impl Default for RateLimits {
    /// The numbers and why (also in the README's school section):
    /// - 120 password checks per 2 minutes per address: a class of 30 behind one school
    ///   address signing in at once, each mistyping up to three times, fits in the burst; one
    ///   machine spraying guesses over many accounts gets one a second.
    /// - 10 per 10 minutes per account and address: a learner who mistypes ten times waits a
    ///   minute per further try; a guesser at one address gets 1,440 guesses a day on one name.
    /// - 60 per hour per account, all addresses: a guesser spread over many addresses gets 60
    ///   an hour on one name, and a flood from one address can take only 10 of them.
    /// - 60 sign-ups per hour per address: a whole class creating accounts on the first morning.
    /// - join codes 10 per 10 minutes per account and 120 per 10 minutes per address: four
    ///   classes joining on the same morning through one address; 8-character codes from a
    ///   31-letter alphabet stay out of reach.
    /// - 120 record requests per 10 minutes per account: a learner opening *My certificates*
    ///   twenty times in a row; a script asking in a loop gets one every five seconds, each
    ///   reading at most 50 manifests and one learner's progress.
    fn default() -> Self {
        Self {
            password_per_address: Rate::per_seconds(nonzero(120), 120),
            password_per_account_and_address: Rate::per_seconds(nonzero(10), 600),
            password_per_account: Rate::per_seconds(nonzero(60), 3600),
            sign_ups_per_address: Rate::per_seconds(nonzero(60), 3600),
            join_per_account: Rate::per_seconds(nonzero(JOIN_FAILURES_PER_ACCOUNT as u32), 600),
            join_per_address: Rate::per_seconds(nonzero(JOIN_FAILURES_PER_ADDRESS as u32), 600),
            records_per_account: Rate::per_seconds(nonzero(120), 600),
        }
    }
}

type Keyed<K> = RateLimiter<K, DefaultKeyedStateStore<K>, DefaultClock>;

/// Beyond this many keys in one in-process limiter, keys whose bucket is full again are
/// dropped, so a stream of distinct names or addresses cannot grow memory without bound.
const KEYS_BEFORE_PRUNING: usize = 10_000;

/// The limits, each naming its buckets in the database.
#[derive(Debug, Clone, Copy)]
enum Limit {
    PasswordAddress,
    PasswordAccountAddress,
    PasswordAccount,
    SignUpAddress,
    JoinAccount,
    JoinAddress,
    RecordsAccount,
}

impl Limit {
    /// Part of every bucket id, so that the same key counted by two limits is two buckets.
    fn name(self) -> &'static str {
        match self {
            Limit::PasswordAddress => "password/address",
            Limit::PasswordAccountAddress => "password/account+address",
            Limit::PasswordAccount => "password/account",
            Limit::SignUpAddress => "sign-up/address",
            Limit::JoinAccount => "join/account",
            Limit::JoinAddress => "join/address",
            Limit::RecordsAccount => "records/account",
        }
    }

    fn rate(self, limits: &RateLimits) -> Rate {
        match self {
            Limit::PasswordAddress => limits.password_per_address,
            Limit::PasswordAccountAddress => limits.password_per_account_and_address,
            Limit::PasswordAccount => limits.password_per_account,
            Limit::SignUpAddress => limits.sign_ups_per_address,
            Limit::JoinAccount => limits.join_per_account,
            Limit::JoinAddress => limits.join_per_address,
            Limit::RecordsAccount => limits.records_per_account,
        }
    }
}

/// The buckets of every limit: in this process (the first filter) and in the database (the
/// count every instance shares).
pub struct Limiters {
    pub limits: RateLimits,
    password_address: Keyed<IpAddr>,
    password_account_address: Keyed<(String, IpAddr)>,
    password_account: Keyed<String>,
    sign_up_address: Keyed<IpAddr>,
    join_account: Keyed<Uuid>,
    join_address: Keyed<IpAddr>,
    records_account: Keyed<Uuid>,
    /// The database's key for bucket ids, read on first use.
    bucket_key: OnceCell<[u8; 32]>,
}

impl Default for Limiters {
    fn default() -> Self {
        Self::new(RateLimits::default())
    }
}

impl Limiters {
    pub fn new(limits: RateLimits) -> Self {
        Self {
            limits,
            password_address: RateLimiter::keyed(limits.password_per_address.quota()),
            password_account_address: RateLimiter::keyed(
                limits.password_per_account_and_address.quota(),
            ),
            password_account: RateLimiter::keyed(limits.password_per_account.quota()),
            sign_up_address: RateLimiter::keyed(limits.sign_ups_per_address.quota()),
            join_account: RateLimiter::keyed(limits.join_per_account.quota()),
            join_address: RateLimiter::keyed(limits.join_per_address.quota()),
            records_account: RateLimiter::keyed(limits.records_per_account.quota()),
            bucket_key: OnceCell::new(),
        }
    }

    /// Counts one password check for `username` (normalized) from `address`, or refuses it.
    pub async fn password_attempt(
        &self,
        store: &Arc<dyn Store>,
        username: &str,
        address: Option<IpAddr>,
    ) -> Result<(), ServerError> {
        let refused = |wait| too_many("too many sign-in attempts; wait before trying again", wait);
        if let Some(address) = address {
            take(&self.password_address, &address).map_err(refused)?;
            take(
                &self.password_account_address,
                &(username.to_owned(), address),
            )
            .map_err(refused)?;
        }
        take(&self.password_account, &username.to_owned()).map_err(refused)?;
        let address = address.map(|address| address.to_string());
        let mut shared = Vec::with_capacity(3);
        if let Some(address) = &address {
            shared.push((Limit::PasswordAddress, vec![address.as_str()]));
            shared.push((Limit::PasswordAccountAddress, vec![username, address]));
        }
        shared.push((Limit::PasswordAccount, vec![username]));
        self.take_shared(store, &shared).await?.map_err(refused)
    }

    /// Counts one account creation from `address`, or refuses it.
    pub async fn sign_up(
        &self,
        store: &Arc<dyn Store>,
        address: Option<IpAddr>,
    ) -> Result<(), ServerError> {
        let Some(address) = address else {
            return Ok(());
        };
        let refused = |wait| {
            too_many(
                "too many accounts were created from this address; wait before trying again",
                wait,
            )
        };
        take(&self.sign_up_address, &address).map_err(refused)?;
        let address = address.to_string();
        self.take_shared(store, &[(Limit::SignUpAddress, vec![address.as_str()])])
            .await?
            .map_err(refused)
    }

    /// Counts one join-code attempt, or refuses it.
    pub async fn join_attempt(
        &self,
        store: &Arc<dyn Store>,
        account_id: Uuid,
        address: Option<IpAddr>,
    ) -> Result<(), ServerError> {
        let refused = |wait| {
            too_many(
                "too many join-code attempts; wait before trying again",
                wait,
            )
        };
        let address =
            address.map(|address| take(&self.join_address, &address).map(|()| address.to_string()));
        let address = address.transpose().map_err(refused)?;
        take(&self.join_account, &account_id).map_err(refused)?;
        let account = account_id.to_string();
        let mut shared = Vec::with_capacity(2);
        if let Some(address) = &address {
            shared.push((Limit::JoinAddress, vec![address.as_str()]));
        }
        shared.push((Limit::JoinAccount, vec![account.as_str()]));
        self.take_shared(store, &shared).await?.map_err(refused)
    }

    /// Counts one record request of the account (`RateLimits::records_per_account`), or
    /// refuses it.
    pub async fn records_request(
        &self,
        store: &Arc<dyn Store>,
        account_id: Uuid,
    ) -> Result<(), ServerError> {
        let refused = |wait| too_many("too many requests for your records; wait a little", wait);
        take(&self.records_account, &account_id).map_err(refused)?;
        let account = account_id.to_string();
        self.take_shared(store, &[(Limit::RecordsAccount, vec![account.as_str()])])
            .await?
            .map_err(refused)
    }

    /// Takes one attempt from each limit's bucket in the database, in order, stopping at the
    /// first empty one: `Ok(Err(wait))` when one was.
    async fn take_shared(
        &self,
        store: &Arc<dyn Store>,
        buckets: &[(Limit, Vec<&str>)],
    ) -> Result<Result<(), Duration>, ServerError> {
        let key = *self
            .bucket_key
            .get_or_try_init(|| run_blocking(store, |store| store.rate_limit_key()))
            .await?;
        let takes: Vec<BucketTake> = buckets
            .iter()
            .map(|(limit, parts)| bucket_take(&key, *limit, parts, limit.rate(&self.limits)))
            .collect();
        let outcome = run_blocking(store, move |store| {
            store.take_rate_tokens(&takes, Utc::now())
        })
        .await?;
        Ok(match outcome {
            TakeOutcome::Allowed => Ok(()),
            TakeOutcome::Refused { wait, .. } => Err(wait),
        })
    }
}

/// One attempt from the bucket of `limit` for the key made of `parts`: its id is
/// HMAC-SHA-256 under the database's key of the limit's name and the parts, each ended by a
/// zero byte (which no address, name or id contains), so the database holds no address or
/// name and two keys cannot run together into one.
fn bucket_take(key: &[u8; 32], limit: Limit, parts: &[&str], rate: Rate) -> BucketTake {
    // HMAC takes a key of any length, so `new_from_slice` cannot fail on 32 bytes.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts a 32-byte key"));
    mac.update(limit.name().as_bytes());
    mac.update(&[0]);
    for part in parts {
        mac.update(part.as_bytes());
        mac.update(&[0]);
    }
    let interval = rate.interval();
    let interval_micros = i64::try_from(interval.as_micros()).unwrap_or(i64::MAX);
    BucketTake {
        bucket: mac.finalize().into_bytes().into(),
        interval_micros,
        tolerance_micros: interval_micros
            .saturating_mul(i64::from(rate.burst.get() - 1))
            .saturating_add(CLOCK_SLACK_MICROS.min(interval_micros / 10)),
    }
}

/// How much earlier than the attempt that last moved a bucket another attempt may have read
/// its clock and still get the burst's last place. Concurrent requests read `now` before they
/// reach the database and are taken in the database's order, not theirs, and instances' clocks
/// differ by milliseconds: without it, a burst of ten concurrent guesses was now and then
/// allowed nine. It moves the refill earlier once, by at most a tenth of an interval, and
/// leaves the rate as it is.
const CLOCK_SLACK_MICROS: i64 = 100_000;

/// Takes one attempt from `key`'s bucket, or says how long until one is there.
fn take<K>(limiter: &Keyed<K>, key: &K) -> Result<(), Duration>
where
    K: Clone + Eq + std::hash::Hash,
{
    if limiter.len() > KEYS_BEFORE_PRUNING {
        limiter.retain_recent();
    }
    limiter
        .check_key(key)
        .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
}

fn too_many(message: &str, wait: Duration) -> ServerError {
    ServerError::TooManyRequests {
        message: message.to_owned(),
        // Rounded up, and at least one second: a client that waits this long finds a token,
        // and zero would invite an immediate retry loop.
        retry_after_seconds: (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).max(1),
    }
}

/// The address of the client: the one the listener saw (when the server was started with
/// connection info, `into_make_service_with_connect_info`), or, when that is a reverse proxy
/// named with `--trusted-proxy`, the last address in its `X-Forwarded-For` header, which that
/// proxy wrote. The header is never believed from anyone else: anyone can write it, and a
/// guesser would simply vary it.
pub struct ClientAddress(pub Option<IpAddr>);

impl ClientAddress {
    /// The client's address for a request, given the proxies whose `X-Forwarded-For` is
    /// believed.
    pub fn of(parts: &Parts, trusted_proxies: &[IpAddr]) -> Option<IpAddr> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(address)| address.ip())?;
        if !trusted_proxies.contains(&peer) {
            return Some(peer);
        }
        // The last entry is the one the trusted proxy added (earlier ones came from the
        // client); a proxy that sent none, or nonsense, is counted as itself.
        let forwarded = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .next_back()
            .and_then(|last| last.trim().parse().ok());
        Some(forwarded.unwrap_or(peer))
    }
}

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(Self::of(parts, &state.trusted_proxies)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::SqliteStore;

    fn store() -> Arc<dyn Store> {
        Arc::new(SqliteStore::open_in_memory().expect("an in-memory database"))
    }

    #[test]
    fn rates_parse_from_the_command_line_form() {
        assert_eq!(
            Rate::parse("10/10m"),
            Ok(Rate::per_seconds(nonzero(10), 600))
        );
        assert_eq!(
            Rate::parse("120/90s"),
            Ok(Rate::per_seconds(nonzero(120), 90))
        );
        assert_eq!(Rate::parse("5/1h"), Ok(Rate::per_seconds(nonzero(5), 3600)));
        for bad in ["", "10", "0/1m", "10/", "10/m", "10/0s", "10/5d", "x/1m"] {
            assert!(Rate::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[tokio::test]
    async fn a_flood_at_one_address_leaves_the_account_open_elsewhere() {
        let store = store();
        let limiters = Limiters::default();
        let attacker = Some(IpAddr::from([203, 0, 113, 5]));
        let school = Some(IpAddr::from([198, 51, 100, 1]));
        let mut refused = 0;
        for _ in 0..100 {
            if limiters
                .password_attempt(&store, "min-jun", attacker)
                .await
                .is_err()
            {
                refused += 1;
            }
        }
        assert_eq!(refused, 100 - 10);
        assert!(limiters
            .password_attempt(&store, "min-jun", school)
            .await
            .is_ok());
    }

    #[tokio::test]
    async fn a_school_address_lets_a_class_sign_in_at_once() {
        let store = store();
        let limiters = Limiters::default();
        let school = Some(IpAddr::from([198, 51, 100, 1]));
        for pupil in 0..30 {
            for _ in 0..3 {
                limiters
                    .password_attempt(&store, &format!("pupil-{pupil}"), school)
                    .await
                    .expect("a class behind one address gets in");
            }
        }
    }

    #[tokio::test]
    async fn two_processes_on_one_database_share_each_bucket() {
        // Two `Limiters` are two server processes: their buckets in memory are their own, the
        // database's are shared.
        let store = store();
        let first = Limiters::default();
        let second = Limiters::default();
        let learner = Uuid::new_v4();
        let address = Some(IpAddr::from([198, 51, 100, 7]));
        for attempt in 0..JOIN_FAILURES_PER_ACCOUNT {
            let instance = if attempt % 2 == 0 { &first } else { &second };
            instance
                .join_attempt(&store, learner, address)
                .await
                .expect("within the burst");
        }
        for instance in [&first, &second] {
            match instance.join_attempt(&store, learner, address).await {
                Err(ServerError::TooManyRequests {
                    retry_after_seconds,
                    ..
                }) => {
                    // One attempt comes back every 600 s / 10 = 60 s.
                    assert!(
                        (59..=60).contains(&retry_after_seconds),
                        "{retry_after_seconds}"
                    );
                }
                other => panic!("the shared burst is spent, got {other:?}"),
            }
        }
    }

    #[test]
    fn bucket_ids_differ_by_limit_and_by_key_and_hold_neither() {
        let key = [7_u8; 32];
        let rate = RateLimits::default().password_per_address;
        let address = bucket_take(&key, Limit::PasswordAddress, &["198.51.100.1"], rate);
        let sign_up = bucket_take(&key, Limit::SignUpAddress, &["198.51.100.1"], rate);
        let other = bucket_take(&key, Limit::PasswordAddress, &["198.51.100.2"], rate);
        // The parts are kept apart: "ab" + "c" is not "a" + "bc".
        let split_one = bucket_take(&key, Limit::PasswordAccountAddress, &["ab", "c"], rate);
        let split_two = bucket_take(&key, Limit::PasswordAccountAddress, &["a", "bc"], rate);
        assert_ne!(address.bucket, sign_up.bucket);
        assert_ne!(address.bucket, other.bucket);
        assert_ne!(split_one.bucket, split_two.bucket);
        assert!(!address
            .bucket
            .windows(4)
            .any(|window| window == [198, 51, 100, 1]));
        // 120 per 2 minutes: one a second, 119 seconds of burst, as governor reckons it, and
        // a tenth of a second for clocks read out of order.
        assert_eq!(address.interval_micros, 1_000_000);
        assert_eq!(address.tolerance_micros, 119_100_000);
    }
}
