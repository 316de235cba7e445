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
//! The client address is the one the socket saw. `X-Forwarded-For` is never trusted: anyone
//! can write it, and a guesser would simply vary it. Counts live in memory: a restart forgets
//! them, which costs little (a restart is rare and visible), and guessing never makes the
//! server write to disk.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::time::Duration;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use governor::clock::{Clock, DefaultClock};
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use uuid::Uuid;

use crate::error::ServerError;

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

    fn quota(self) -> Quota {
        let replenish = (self.period / self.burst.get()).max(Duration::from_millis(1));
        // `with_period` is `None` only for a zero period, which `max` rules out.
        Quota::with_period(replenish)
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
    fn default() -> Self {
        Self {
            password_per_address: Rate::per_seconds(nonzero(120), 120),
            password_per_account_and_address: Rate::per_seconds(nonzero(10), 600),
            password_per_account: Rate::per_seconds(nonzero(60), 3600),
            sign_ups_per_address: Rate::per_seconds(nonzero(60), 3600),
            join_per_account: Rate::per_seconds(nonzero(JOIN_FAILURES_PER_ACCOUNT as u32), 600),
            join_per_address: Rate::per_seconds(nonzero(JOIN_FAILURES_PER_ADDRESS as u32), 600),
        }
    }
}

type Keyed<K> = RateLimiter<K, DefaultKeyedStateStore<K>, DefaultClock>;

/// Beyond this many keys in one limiter, keys whose bucket is full again are dropped, so a
/// stream of distinct names or addresses cannot grow memory without bound.
const KEYS_BEFORE_PRUNING: usize = 10_000;

/// The buckets of every limit.
pub struct Limiters {
    pub limits: RateLimits,
    password_address: Keyed<IpAddr>,
    password_account_address: Keyed<(String, IpAddr)>,
    password_account: Keyed<String>,
    sign_up_address: Keyed<IpAddr>,
    join_account: Keyed<Uuid>,
    join_address: Keyed<IpAddr>,
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
        }
    }

    /// Counts one password check for `username` (normalized) from `address`, or refuses it.
    pub fn password_attempt(
        &self,
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
        take(&self.password_account, &username.to_owned()).map_err(refused)
    }

    /// Counts one account creation from `address`, or refuses it.
    pub fn sign_up(&self, address: Option<IpAddr>) -> Result<(), ServerError> {
        match address {
            Some(address) => take(&self.sign_up_address, &address).map_err(|wait| {
                too_many(
                    "too many accounts were created from this address; wait before trying again",
                    wait,
                )
            }),
            None => Ok(()),
        }
    }

    /// Counts one join-code attempt, or refuses it.
    pub fn join_attempt(
        &self,
        account_id: Uuid,
        address: Option<IpAddr>,
    ) -> Result<(), ServerError> {
        let refused = |wait| {
            too_many(
                "too many join-code attempts; wait before trying again",
                wait,
            )
        };
        if let Some(address) = address {
            take(&self.join_address, &address).map_err(refused)?;
        }
        take(&self.join_account, &account_id).map_err(refused)
    }
}

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

/// The address of the client as the listener saw it, when the server was started with
/// connection info (`into_make_service_with_connect_info`). Forwarded-for headers are not
/// trusted: anyone can write them, and a guesser would simply vary them.
pub struct ClientAddress(pub Option<IpAddr>);

impl ClientAddress {
    /// The address in a request's extensions, if the server recorded one.
    pub fn of(parts: &Parts) -> Option<IpAddr> {
        parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(address)| address.ip())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(Self::of(parts)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn a_flood_at_one_address_leaves_the_account_open_elsewhere() {
        let limiters = Limiters::default();
        let attacker = Some(IpAddr::from([203, 0, 113, 5]));
        let school = Some(IpAddr::from([198, 51, 100, 1]));
        let mut refused = 0;
        for _ in 0..100 {
            if limiters.password_attempt("min-jun", attacker).is_err() {
                refused += 1;
            }
        }
        assert_eq!(refused, 100 - 10);
        assert!(limiters.password_attempt("min-jun", school).is_ok());
    }

    #[test]
    fn a_school_address_lets_a_class_sign_in_at_once() {
        let limiters = Limiters::default();
        let school = Some(IpAddr::from([198, 51, 100, 1]));
        for pupil in 0..30 {
            for _ in 0..3 {
                limiters
                    .password_attempt(&format!("pupil-{pupil}"), school)
                    .expect("a class behind one address gets in");
            }
        }
    }
}
