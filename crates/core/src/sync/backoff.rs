//! Capped exponential backoff with jitter, for retrying pushes and pulls after network errors,
//! timeouts and server errors.
//!
//! The jitter matters: after a school's connection comes back, every device in the classroom
//! retries at once, and without jitter they would keep retrying in lockstep. Randomness comes
//! through [`RandomSource`] so that the core crate needs no random number generator crate and a
//! seeded source makes every retry schedule reproducible in tests.

use serde::{Deserialize, Serialize};

/// Where the engine draws its jitter from. The client may seed [`SplitMix64`] from
/// `crypto.getRandomValues`; tests seed it with a fixed number.
pub trait RandomSource {
    fn next_u64(&mut self) -> u64;
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64). Jitter needs no
/// cryptographic strength, only different devices drawing different numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }
}

impl RandomSource for SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut mixed = self.state;
        mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        mixed ^ (mixed >> 31)
    }
}

/// How long to wait before the n-th consecutive retry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackoffPolicy {
    /// The ceiling of the first retry's delay.
    pub initial_delay_ms: i64,
    /// No delay is ever longer than this, however many attempts failed.
    pub max_delay_ms: i64,
}

impl Default for BackoffPolicy {
    fn default() -> Self {
        Self {
            initial_delay_ms: 1_000,
            max_delay_ms: 5 * 60 * 1_000,
        }
    }
}

impl BackoffPolicy {
    /// The ceiling for `attempt` (1 for the first retry): the initial delay doubled for each
    /// further attempt, capped.
    pub fn ceiling_ms(&self, attempt: u32) -> i64 {
        let initial = self.initial_delay_ms.max(1);
        let cap = self.max_delay_ms.max(initial);
        let doublings = attempt.saturating_sub(1).min(62);
        initial
            .checked_mul(1_i64 << doublings)
            .map_or(cap, |delay| delay.min(cap))
    }

    /// The delay before retry number `attempt`: uniformly drawn between half the ceiling and the
    /// ceiling ("equal jitter"). Keeping the lower half out means a retry never fires at once,
    /// which would hammer a server that just failed.
    pub fn delay_ms(&self, attempt: u32, random: &mut impl RandomSource) -> i64 {
        let ceiling = self.ceiling_ms(attempt);
        let floor = ceiling / 2;
        let spread = (ceiling - floor) as u64 + 1;
        floor + (random.next_u64() % spread) as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ceiling_doubles_then_stays_at_the_cap() {
        let policy = BackoffPolicy {
            initial_delay_ms: 1_000,
            max_delay_ms: 10_000,
        };
        let ceilings: Vec<i64> = (1..=6).map(|attempt| policy.ceiling_ms(attempt)).collect();
        assert_eq!(ceilings, [1_000, 2_000, 4_000, 8_000, 10_000, 10_000]);
        assert_eq!(policy.ceiling_ms(u32::MAX), 10_000);
    }

    #[test]
    fn delay_stays_between_half_the_ceiling_and_the_ceiling() {
        let policy = BackoffPolicy::default();
        let mut random = SplitMix64::new(42);
        for attempt in 1..40 {
            let ceiling = policy.ceiling_ms(attempt);
            for _ in 0..50 {
                let delay = policy.delay_ms(attempt, &mut random);
                assert!(
                    delay >= ceiling / 2 && delay <= ceiling,
                    "attempt {attempt}: {delay} outside [{}, {ceiling}]",
                    ceiling / 2
                );
            }
        }
    }

    #[test]
    fn jitter_is_reproducible_from_the_seed_and_differs_between_seeds() {
        let policy = BackoffPolicy::default();
        let draw = |seed| {
            let mut random = SplitMix64::new(seed);
            (0..20)
                .map(|_| policy.delay_ms(8, &mut random))
                .collect::<Vec<_>>()
        };
        assert_eq!(draw(1), draw(1));
        assert_ne!(draw(1), draw(2));
        let spread: std::collections::BTreeSet<i64> = draw(3).into_iter().collect();
        assert!(spread.len() > 10, "jitter should spread the delays");
    }
}
