//! The sync engine's reading of the server's answers: push and pull responses, the `more`
//! link of a page and the `X-Experience-API-Consistent-Through` header.
//!
//! Input layout: byte 0 chooses push (even) or pull (odd), bytes 1–2 are the status (big
//! endian, modulo 600), the rest is UTF-8: for a pull the first line is the header (an empty
//! line means no header) and the remainder the body; for a push all of it is the body.

use baeum_core::sync::wire::{
    classify_pull_response, classify_push_response, PullOutcome, PushOutcome, PushRejectionBody,
};
use baeum_core::sync::{format_timestamp_ms, parse_timestamp_ms};

/// The longest message the engine keeps from a server (wire.rs's `MAX_MESSAGE_CHARS`).
const MAX_MESSAGE_CHARS: usize = 200;

/// Each status class leads to its outcome whatever the body says; a message shown to the
/// learner is never blank nor longer than the cap; a page's statements keep their id and lose
/// `stored`; a `more` link is never blank; the pull cursor never passes the server's
/// consistent-through time while pages remain; times read from the wire write back to the same
/// instant.
pub fn sync_wire(data: &[u8]) {
    let [mode, high, low, rest @ ..] = data else {
        return;
    };
    let status = u16::from_be_bytes([*high, *low]) % 600;
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    if mode % 2 == 0 {
        push(status, text);
    } else {
        let (header, body) = text.split_once('\n').unwrap_or((text, ""));
        let header = (!header.is_empty()).then_some(header);
        pull(status, header, body);
    }
}

fn push(status: u16, body: &str) {
    let outcome = classify_push_response(status, body);
    let message = match (&outcome, status) {
        (PushOutcome::Accepted, 200..=299)
        | (PushOutcome::TooLarge, 413)
        | (PushOutcome::SignedOut { .. }, 401 | 403) => None,
        (
            PushOutcome::Named {
                status: said,
                message,
                invalid,
                conflicts,
            },
            400 | 404 | 409,
        ) if *said == status => {
            // A refusal is only taken statement by statement when it names statements.
            assert!(
                !invalid.is_empty() || !conflicts.is_empty(),
                "http {status} named no statement but was taken as naming some"
            );
            Some(message)
        }
        (
            PushOutcome::Unexplained {
                status: said,
                message,
            },
            400..=499,
        ) if *said == status => Some(message),
        (PushOutcome::RetryLater { status: said }, _) if *said == status => None,
        (other, _) => panic!("http {status} was classified as {other:?}"),
    };
    if let Some(message) = message {
        assert!(
            !message.trim().is_empty(),
            "a blank message for http {status}"
        );
        assert!(
            message.chars().count() <= MAX_MESSAGE_CHARS,
            "a message of {} characters",
            message.chars().count()
        );
    }
    if let Ok(rejection) = serde_json::from_str::<PushRejectionBody>(body) {
        let written = serde_json::to_string(&rejection).expect("a rejection body serializes");
        let read: PushRejectionBody =
            serde_json::from_str(&written).expect("a written rejection body reads back");
        assert_eq!(read, rejection, "a rejection body changed through JSON");
    }
}

fn pull(status: u16, header: Option<&str>, body: &str) {
    let outcome = classify_pull_response(status, body, header);
    let page = match (outcome, status) {
        (PullOutcome::Page(page), 200) => page,
        (PullOutcome::Unreadable(_), 200) => return,
        (PullOutcome::SignedOut { status: said }, 401 | 403) if said == status => return,
        (PullOutcome::RetryLater { status: said }, _)
            if said == status && !matches!(status, 200 | 401 | 403) =>
        {
            return
        }
        (other, _) => panic!("http {status} was classified as {other:?}"),
    };
    for pulled in &page.statements {
        let body = pulled.statement.body();
        // The body keeps the server's spelling of the id (any case); it must name the same one.
        assert_eq!(
            body.get("id")
                .and_then(|id| id.as_str())
                .and_then(|id| uuid::Uuid::parse_str(id).ok()),
            Some(pulled.statement.id()),
            "a pulled statement's body lost its id"
        );
        assert!(
            body.get("stored").is_none(),
            "a pulled statement kept stored"
        );
        round_trips(pulled.stored_ms);
    }
    if let Some(more) = &page.more {
        assert!(!more.trim().is_empty(), "a blank more link is followed");
        // Only the server's own relative links are followed (issue 15, item 6): its path is
        // exactly the statements resource (so a `..` can only be in the query, where it moves
        // nothing), with no scheme and no backslash.
        let path = more.split('?').next().unwrap_or_default();
        assert!(
            path == "/xapi/statements" && !more.contains("://") && !more.contains('\\'),
            "a more link that is not the server's own relative one is followed: {more:?}"
        );
    }
    match page.consistent_through_ms {
        Some(consistent) => {
            round_trips(consistent);
            if page.more.is_some() {
                if let Some(candidate) = page.cursor_candidate() {
                    assert!(
                        candidate <= consistent,
                        "the cursor passes consistent-through while pages remain"
                    );
                }
            }
        }
        None => {
            if let Some(header) = header {
                assert!(
                    parse_timestamp_ms(header).is_err(),
                    "a readable consistent-through header was dropped"
                );
            }
        }
    }
    let newest = page.statements.iter().map(|pulled| pulled.stored_ms).max();
    if page.consistent_through_ms.is_none() {
        assert_eq!(page.cursor_candidate(), newest);
    }
}

/// A time read from the wire, written the way the client writes `since`, reads back to the
/// same millisecond.
fn round_trips(ms: i64) {
    let written = format_timestamp_ms(ms)
        .unwrap_or_else(|error| panic!("a time read from the wire cannot be written: {error}"));
    assert_eq!(
        parse_timestamp_ms(&written).ok(),
        Some(ms),
        "{ms} ms written as {written} reads back differently"
    );
}
