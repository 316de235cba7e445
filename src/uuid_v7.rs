//! UUIDv7s made from the browser's clock and `crypto.getRandomValues`, for statement ids and
//! the guest learner's id.
//!
//! The outbox sends statements oldest first by id (core's `sync::store`: UUIDv7 order is
//! creation order), so ids made in one tab must sort in the order they were made, also within
//! one millisecond and when the clock steps back. The uuid crate's `v7` and `js` features do
//! this too, but bring its timestamp and context code and `getrandom`'s JS glue into the first
//! load; this is the RFC 9562 layout with its "method 1" counter (a 12-bit counter in
//! `rand_a`, started at a random value under 2^11 each new millisecond) in a few lines.

use std::cell::Cell;

use uuid::Uuid;

thread_local! {
    /// The millisecond and counter of the last id made in this tab.
    static LAST: Cell<(u64, u16)> = const { Cell::new((0, 0)) };
}

/// The largest value of the 12-bit counter in `rand_a`.
const COUNTER_MAX: u16 = 0x0fff;

/// A new UUIDv7, later in sort order than every one this tab made before.
pub fn new_v7() -> Uuid {
    let mut random = [0u8; 10];
    fill_random(&mut random);
    // Starting each millisecond under 2^11 leaves at least 2^11 ids for that millisecond
    // before the counter carries into the next one.
    let fresh_counter = u16::from_be_bytes([random[0], random[1]]) & 0x07ff;
    let now = js_sys::Date::now().max(0.0) as u64;
    let (milliseconds, counter) = LAST.with(|last| {
        let (last_ms, last_counter) = last.get();
        let next = if now > last_ms {
            (now, fresh_counter)
        } else if last_counter < COUNTER_MAX {
            // Same millisecond, or the clock stepped back: keep the last one's and count on.
            (last_ms, last_counter + 1)
        } else {
            (last_ms + 1, fresh_counter)
        };
        last.set(next);
        next
    });
    Uuid::from_bytes(layout(milliseconds, counter, &random[2..]))
}

/// RFC 9562's UUIDv7 bytes: 48 bits of Unix milliseconds, version 7, the 12-bit counter,
/// variant `10`, then 62 random bits (from `random`'s 8 bytes).
fn layout(milliseconds: u64, counter: u16, random: &[u8]) -> [u8; 16] {
    let mut bytes = [0u8; 16];
    bytes[..6].copy_from_slice(&milliseconds.to_be_bytes()[2..]);
    bytes[6] = 0x70 | ((counter >> 8) as u8 & 0x0f);
    bytes[7] = counter as u8;
    bytes[8..16].copy_from_slice(&random[..8]);
    bytes[8] = 0x80 | (bytes[8] & 0x3f);
    bytes
}

/// Fills `bytes` from `crypto.getRandomValues`. Ids need to be unique rather than secret, so a
/// browser without it (none the app supports) gets `Math.random` instead of no id at all.
fn fill_random(bytes: &mut [u8]) {
    let crypto = web_sys::window().and_then(|window| window.crypto().ok());
    if let Some(crypto) = crypto {
        if crypto.get_random_values_with_u8_array(bytes).is_ok() {
            return;
        }
    }
    for byte in bytes.iter_mut() {
        *byte = (js_sys::Math::random() * 256.0) as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn layout_is_a_version_7_rfc_uuid_holding_the_time_and_counter() {
        let id = Uuid::from_bytes(layout(0x0190_1234_5678, 0x0abc, &[0xff; 8]));
        assert_eq!(id.get_version_num(), 7);
        assert_eq!(id.get_variant(), uuid::Variant::RFC4122);
        assert_eq!(id.to_string(), "01901234-5678-7abc-bfff-ffffffffffff");
    }

    #[wasm_bindgen_test]
    fn ids_made_in_a_row_sort_in_the_order_made() {
        let ids: Vec<Uuid> = (0..5000).map(|_| new_v7()).collect();
        assert!(ids.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(ids.iter().all(|id| id.get_version_num() == 7));
    }
}
