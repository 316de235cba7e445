//! The sync engine: a sans-IO state machine that decides what to push, what to pull, when to
//! retry and when to stop, and the [`SyncStatus`] the UI shows.
//!
//! # How a client drives it
//!
//! One sync task per device runs this loop (the UI only ever calls [`SyncEngine::handle`] and
//! [`SyncEngine::status`]):
//!
//! ```text
//! loop {
//!     match engine.poll(now()) {
//!         Action::Store { request, operation } => {
//!             let event = idb.perform(request, operation).await;   // one transaction
//!             engine.handle(now(), event);
//!         }
//!         Action::Push(push) => {
//!             // POST push.body() to /xapi/statements, with the client's own timeout.
//!             let event = match fetch(..).await {
//!                 Ok(response) => Event::HttpResponse { request: push.request, response },
//!                 Err(error) => Event::NetworkError { request: push.request, message },
//!             };
//!             engine.handle(now(), event);
//!         }
//!         Action::Pull(pull) => { /* GET, then the same two events */ }
//!         Action::SleepUntil(time) => wait until `time` or until the UI wakes the task,
//!         Action::Idle => wait until the UI wakes the task,
//!     }
//! }
//! ```
//!
//! The UI wakes the task after handing the engine [`Event::StatementRecorded`] (right after the
//! statement's durable append), [`Event::Online`], [`Event::Offline`] or
//! [`Event::CredentialsChanged`].
//!
//! # Why it is correct under faults
//!
//! - The engine holds nothing that is not also in the store or re-read from it: each push
//!   starts by reading a fresh snapshot. A crashed client builds a new engine and carries on.
//! - Only one action is outstanding at a time, and every answer names the request it answers.
//!   An answer to a request the engine gave up on (timed out, or from before a crash) is
//!   ignored; the statements it concerned are still in the outbox and a retry is idempotent.
//! - A statement leaves the outbox only through a [`PushSettlement`] built from a server
//!   answer: acknowledged (2xx, or 409 with an identical stored copy) or refused for good (a
//!   400, 404 or 409 whose body names it with a reason or a different stored copy, or a 413 for
//!   it alone). A refusal that names nothing keeps the whole batch and backs off. A statement
//!   refused for good is kept in the rejected list, shown, and can be put back in the outbox.
//! - The pull cursor moves only together with the page it covers, and each pull starts an
//!   overlap window before it, so statements a server made visible late are still read.

use serde::{Deserialize, Serialize};

use super::backoff::{BackoffPolicy, RandomSource, SplitMix64};
use super::clock::{parse_http_date, ClockOffset};
use super::store::{
    PushSettlement, RejectedStatement, RejectionReason, StoreOperation, StoreReply, StoreSnapshot,
};
use super::wire::{
    classify_pull_response, classify_push_response, push_request_body, PullOutcome, PullPage,
    PullRequest, PushOutcome,
};
use super::{statements_match, without_stored, SyncStatement};

/// Names one outstanding action, so that its answer can be matched to it.
pub type RequestId = u64;

/// Tuning of the engine. The defaults suit a classroom on a slow, shared connection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncConfig {
    /// Most statements in one POST.
    pub push_batch_size: usize,
    /// Most statements asked for in one pull page.
    pub pull_page_limit: usize,
    /// How far before the cursor each pull starts, to catch statements the server made visible
    /// after a later one (concurrent transactions, several server nodes).
    pub pull_overlap_ms: i64,
    /// How often to pull when nothing else triggers a sync.
    pub pull_interval_ms: i64,
    /// How long to wait after a new statement before pushing, so that the answers of one
    /// exercise go in one request.
    pub record_debounce_ms: i64,
    /// How long an HTTP request may stay unanswered before the engine gives up on it.
    pub request_timeout_ms: i64,
    pub backoff: BackoffPolicy,
}

impl Default for SyncConfig {
    fn default() -> Self {
        Self {
            push_batch_size: 50,
            pull_page_limit: 100,
            pull_overlap_ms: 5 * 60 * 1_000,
            pull_interval_ms: 5 * 60 * 1_000,
            record_debounce_ms: 2_000,
            request_timeout_ms: 30_000,
            backoff: BackoffPolicy::default(),
        }
    }
}

/// What the client should do next.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Perform this store operation in one transaction and report
    /// [`Event::StoreCompleted`] or [`Event::StoreFailed`].
    Store {
        request: RequestId,
        operation: StoreOperation,
    },
    /// POST these statements and report [`Event::HttpResponse`] or [`Event::NetworkError`].
    Push(PushAction),
    /// GET statements and report [`Event::HttpResponse`] or [`Event::NetworkError`].
    Pull(PullAction),
    /// Nothing to do before this device time (ms); poll again then, or when an event arrives.
    SleepUntil(i64),
    /// Nothing to do until an event arrives (offline, signed out, or waiting for a store
    /// operation's answer).
    Idle,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PushAction {
    pub request: RequestId,
    pub statements: Vec<SyncStatement>,
}

impl PushAction {
    /// The JSON array to POST to `/xapi/statements`.
    pub fn body(&self) -> String {
        push_request_body(&self.statements)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct PullAction {
    pub request: RequestId,
    pub query: PullRequest,
}

/// The parts of an HTTP response the engine reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HttpResponse {
    pub status: u16,
    pub body: String,
    /// The `Date` header, from which the clock offset is learned.
    pub date: Option<String>,
    /// The `X-Experience-API-Consistent-Through` header of a pull.
    pub consistent_through: Option<String>,
}

/// Something that happened, reported to the engine.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A statement was durably appended to the log and the outbox.
    StatementRecorded,
    Online,
    Offline,
    /// The learner signed in again (or the token was refreshed).
    CredentialsChanged,
    /// Statements were put back in the outbox from the rejected list, to be sent again.
    OutboxChanged,
    StoreCompleted {
        request: RequestId,
        reply: StoreReply,
    },
    StoreFailed {
        request: RequestId,
        message: String,
    },
    HttpResponse {
        request: RequestId,
        response: HttpResponse,
    },
    /// The request failed without an HTTP answer: no connection, DNS, CORS, a client timeout.
    NetworkError {
        request: RequestId,
        message: String,
    },
}

/// Why the last sync attempt did not succeed, as the UI says it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SyncProblem {
    #[error("signed out")]
    SignedOut,
    #[error("server unreachable")]
    ServerUnreachable,
    #[error("server error (http {status})")]
    ServerError { status: u16 },
    #[error("server sent an unreadable answer: {message}")]
    UnreadableAnswer { message: String },
    #[error("rejected: {message}")]
    Rejected { message: String },
    /// The server refused the batch without naming a statement of it (a proxy's error page, a
    /// stripped header, a damaged body): nothing was set aside, and the push is retried.
    #[error(
        "the server refused without naming an answer (http {status}), so every answer stays on this device and is sent again later: {message}"
    )]
    Refused { status: u16, message: String },
    #[error("local storage failed: {message}")]
    LocalStorageFailed { message: String },
}

/// What the engine is doing, for the UI's sync indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SyncActivity {
    Syncing,
    /// Nothing outstanding until the next scheduled sync.
    UpToDate,
    WaitingToRetry {
        at_ms: i64,
    },
    Offline,
    SignedOut,
}

/// Everything the UI shows about sync.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SyncStatus {
    /// Statements recorded on this device and not yet acknowledged by the server.
    pub waiting_count: usize,
    /// Device time of the end of the last sync that pushed everything and pulled everything.
    pub last_successful_sync_ms: Option<i64>,
    pub last_problem: Option<SyncProblem>,
    pub rejected: Vec<RejectedStatement>,
    pub activity: SyncActivity,
}

/// The next step of a sync pass, decided but not yet handed out.
#[derive(Clone, Debug)]
enum Step {
    ReadSnapshot,
    Push(Vec<SyncStatement>),
    Settle(PushSettlement),
    Pull(PullRequest),
    StorePage { page: PullPage, cursor: Option<i64> },
}

/// The step handed out and waiting for its answer.
#[derive(Clone, Debug)]
struct InFlight {
    request: RequestId,
    kind: InFlightKind,
    /// When the engine gives up on a network request; store operations have none.
    deadline: Option<i64>,
}

#[derive(Clone, Debug)]
enum InFlightKind {
    Snapshot,
    Push(Vec<SyncStatement>),
    Settle { acknowledged_any: bool },
    Pull,
    StorePage { more: Option<String>, empty: bool },
}

/// What a push answer leads to.
enum PushDecision {
    Settle(PushSettlement),
    /// The batch is too large for the server (413): try half as many.
    Narrow,
    Transient(SyncProblem),
    SignedOut,
}

/// The sync state machine. See the module documentation for the driving loop.
#[derive(Clone, Debug)]
pub struct SyncEngine<R: RandomSource = SplitMix64> {
    config: SyncConfig,
    random: R,
    next_request: RequestId,
    online: bool,
    signed_out: bool,
    step: Option<Step>,
    in_flight: Option<InFlight>,
    /// Whether a snapshot was read since this engine started; the first one is read even
    /// offline so that the UI can show how many statements wait.
    snapshot_read: bool,
    /// Earliest time a pass was asked for (a new statement, coming online, a failure to retry).
    pass_requested_at: Option<i64>,
    /// When the periodic pull is due.
    scheduled_pass_at: Option<i64>,
    /// While backing off, no pass starts before this.
    retry_at: Option<i64>,
    failed_attempts: u32,
    /// After a 413, the batch size being narrowed down.
    narrowed_batch_size: Option<usize>,
    /// How far the cursor may move in the current pull pass; see [`SyncEngine::cursor_after`].
    pass_cursor_cap: Option<i64>,
    pull_cursor: Option<i64>,
    waiting_count: usize,
    rejected: Vec<RejectedStatement>,
    last_successful_sync_ms: Option<i64>,
    last_problem: Option<SyncProblem>,
    clock_offset: Option<ClockOffset>,
}

impl<R: RandomSource> SyncEngine<R> {
    /// A fresh engine. Everything it needs is read from the store by its first action, which
    /// is why a crashed client simply builds a new one.
    pub fn new(config: SyncConfig, mut random: R) -> Self {
        // Starting request ids at a random point keeps an answer meant for a previous engine
        // (before a crash or a reload) from matching a request of this one.
        let next_request = random.next_u64() >> 12;
        Self {
            config,
            random,
            next_request,
            online: true,
            signed_out: false,
            step: None,
            in_flight: None,
            snapshot_read: false,
            pass_requested_at: Some(i64::MIN),
            scheduled_pass_at: None,
            retry_at: None,
            failed_attempts: 0,
            narrowed_batch_size: None,
            pass_cursor_cap: None,
            pull_cursor: None,
            waiting_count: 0,
            rejected: Vec::new(),
            last_successful_sync_ms: None,
            last_problem: None,
            clock_offset: None,
        }
    }

    pub fn config(&self) -> &SyncConfig {
        &self.config
    }

    /// The latest device-to-server clock offset, for correcting statement timestamps.
    pub fn clock_offset(&self) -> Option<ClockOffset> {
        self.clock_offset
    }

    pub fn status(&self) -> SyncStatus {
        let activity = if self.signed_out {
            SyncActivity::SignedOut
        } else if !self.online {
            SyncActivity::Offline
        } else if self.in_flight.is_some() || self.step.is_some() {
            SyncActivity::Syncing
        } else if let Some(at_ms) = self.retry_at {
            SyncActivity::WaitingToRetry { at_ms }
        } else {
            SyncActivity::UpToDate
        };
        SyncStatus {
            waiting_count: self.waiting_count,
            last_successful_sync_ms: self.last_successful_sync_ms,
            last_problem: self.last_problem.clone(),
            rejected: self.rejected.clone(),
            activity,
        }
    }

    /// The next thing to do at device time `now_ms`. Each store, push or pull action is handed
    /// out once; until its answer arrives, `poll` returns [`Action::Idle`] or, for a network
    /// request, [`Action::SleepUntil`] its deadline, after which the engine gives up on it.
    pub fn poll(&mut self, now_ms: i64) -> Action {
        if let Some(in_flight) = &self.in_flight {
            match in_flight.deadline {
                Some(deadline) if now_ms >= deadline => {
                    self.in_flight = None;
                    self.fail_transiently(now_ms, SyncProblem::ServerUnreachable);
                }
                Some(deadline) => return Action::SleepUntil(deadline),
                None => return Action::Idle,
            }
        }
        if self.step.is_none() && self.pass_should_start(now_ms) {
            self.pass_requested_at = None;
            self.retry_at = None;
            self.step = Some(Step::ReadSnapshot);
        }
        let Some(step) = self.step.take() else {
            return self.wait_action();
        };
        let request = self.next_request_id();
        match step {
            Step::ReadSnapshot => {
                let batch_limit = self.batch_limit();
                self.hand_out_store(
                    request,
                    InFlightKind::Snapshot,
                    StoreOperation::Snapshot { batch_limit },
                )
            }
            Step::Settle(settlement) => {
                let acknowledged_any = !settlement.acknowledged.is_empty();
                self.hand_out_store(
                    request,
                    InFlightKind::Settle { acknowledged_any },
                    StoreOperation::SettlePush(settlement),
                )
            }
            Step::StorePage { page, cursor } => {
                let kind = InFlightKind::StorePage {
                    empty: page.statements.is_empty(),
                    more: page.more,
                };
                self.hand_out_store(
                    request,
                    kind,
                    StoreOperation::StorePulledPage {
                        statements: page.statements,
                        cursor,
                    },
                )
            }
            Step::Push(statements) => {
                if !self.network_usable() {
                    return self.abandon_pass();
                }
                self.hand_out_network(now_ms, request, InFlightKind::Push(statements.clone()));
                Action::Push(PushAction {
                    request,
                    statements,
                })
            }
            Step::Pull(query) => {
                if !self.network_usable() {
                    return self.abandon_pass();
                }
                self.hand_out_network(now_ms, request, InFlightKind::Pull);
                Action::Pull(PullAction { request, query })
            }
        }
    }

    /// Takes in something that happened at device time `now_ms`. Answers to requests the
    /// engine is not waiting for are ignored.
    pub fn handle(&mut self, now_ms: i64, event: Event) {
        match event {
            Event::StatementRecorded => {
                self.waiting_count += 1;
                self.request_pass(now_ms.saturating_add(self.config.record_debounce_ms));
            }
            Event::Online => {
                self.online = true;
                // The browser says the network is back: retry now rather than at the end of a
                // long backoff, which a learner would take for "sync is broken".
                self.retry_at = None;
                self.request_pass(now_ms);
            }
            Event::Offline => self.online = false,
            Event::OutboxChanged => {
                // The learner asked for it: send now rather than at the end of a backoff.
                self.retry_at = None;
                self.request_pass(now_ms);
            }
            Event::CredentialsChanged => {
                // A request still on its way was sent with the old credentials; its 401 must
                // not sign the learner out again, so its answer is no longer awaited and the
                // pass starts over with the new credentials.
                if self
                    .in_flight
                    .as_ref()
                    .is_some_and(|in_flight| in_flight.deadline.is_some())
                {
                    self.in_flight = None;
                    self.step = None;
                }
                self.signed_out = false;
                self.retry_at = None;
                self.failed_attempts = 0;
                if self.last_problem == Some(SyncProblem::SignedOut) {
                    self.last_problem = None;
                }
                self.request_pass(now_ms);
            }
            Event::StoreCompleted { request, reply } => {
                if let Some(kind) = self.take_in_flight(request) {
                    self.on_store_completed(now_ms, kind, reply);
                }
            }
            Event::StoreFailed { request, message } => {
                if self.take_in_flight(request).is_some() {
                    self.fail_transiently(now_ms, SyncProblem::LocalStorageFailed { message });
                }
            }
            Event::HttpResponse { request, response } => {
                if let Some(kind) = self.take_in_flight(request) {
                    self.learn_clock_offset(now_ms, &response);
                    match kind {
                        InFlightKind::Push(batch) => {
                            self.on_push_response(now_ms, batch, &response)
                        }
                        InFlightKind::Pull => self.on_pull_response(now_ms, &response),
                        // A store request cannot be answered over HTTP; the client mixed up
                        // its ids. Treat it as a failed step, which is retried.
                        _ => self.fail_transiently(
                            now_ms,
                            SyncProblem::LocalStorageFailed {
                                message: "a store operation was answered by an http response"
                                    .to_owned(),
                            },
                        ),
                    }
                }
            }
            Event::NetworkError { request, .. } => {
                if self.take_in_flight(request).is_some() {
                    self.fail_transiently(now_ms, SyncProblem::ServerUnreachable);
                }
            }
        }
    }

    fn on_store_completed(&mut self, now_ms: i64, kind: InFlightKind, reply: StoreReply) {
        match (kind, reply) {
            (InFlightKind::Snapshot, StoreReply::Snapshot(snapshot)) => {
                self.on_snapshot(snapshot);
            }
            (InFlightKind::Settle { acknowledged_any }, StoreReply::Settled) => {
                if acknowledged_any {
                    // The server is answering: a later failure starts its backoff afresh.
                    self.failed_attempts = 0;
                }
                self.step = Some(Step::ReadSnapshot);
            }
            (InFlightKind::StorePage { more, empty }, StoreReply::PageStored { .. }) => {
                match more {
                    // An empty page that still points further would loop for ever; end the
                    // pass and let the next one start from the cursor.
                    Some(url) if !empty => self.step = Some(Step::Pull(PullRequest::More { url })),
                    _ => self.complete_pass(now_ms),
                }
            }
            (_, _) => self.fail_transiently(
                now_ms,
                SyncProblem::LocalStorageFailed {
                    message: "the store answered a different operation".to_owned(),
                },
            ),
        }
    }

    fn on_snapshot(&mut self, snapshot: StoreSnapshot) {
        self.snapshot_read = true;
        self.waiting_count = snapshot.waiting_count;
        self.rejected = snapshot.rejected;
        self.pull_cursor = snapshot.pull_cursor;
        let mut batch = snapshot.outbox_batch;
        batch.truncate(self.batch_limit());
        self.step = Some(if batch.is_empty() {
            // Everything is pushed: pull what other devices wrote.
            self.pass_cursor_cap = None;
            PullRequest::Since {
                // At least one millisecond of overlap, even with a server that vouches
                // exactly: `since` is exclusive, and statements sharing the cursor's
                // millisecond may lie beyond a page boundary that an interrupted pass stopped at.
                since_ms: self
                    .pull_cursor
                    .map(|cursor| cursor.saturating_sub(self.config.pull_overlap_ms.max(1))),
                limit: self.config.pull_page_limit.max(1),
            }
            .into()
        } else {
            Step::Push(batch)
        });
    }

    fn on_push_response(
        &mut self,
        now_ms: i64,
        batch: Vec<SyncStatement>,
        response: &HttpResponse,
    ) {
        let outcome = classify_push_response(response.status, &response.body);
        match decide_push(now_ms, &batch, outcome) {
            PushDecision::Settle(settlement) => {
                if !settlement.rejected.is_empty() {
                    // The statement at fault is found: go back to full batches.
                    self.narrowed_batch_size = None;
                    let reasons: Vec<String> = settlement
                        .rejected
                        .iter()
                        .map(|rejected| rejected.reason.to_string())
                        .collect();
                    self.last_problem = Some(SyncProblem::Rejected {
                        message: reasons.join("; "),
                    });
                }
                self.step = Some(Step::Settle(settlement));
            }
            PushDecision::Narrow => {
                // The server is answering, so halving goes on at once rather than after a
                // backoff; it ends at a single statement, which a 413 then sets aside.
                self.narrowed_batch_size = Some((batch.len() / 2).max(1));
                self.step = Some(Step::ReadSnapshot);
            }
            PushDecision::Transient(problem) => self.fail_transiently(now_ms, problem),
            PushDecision::SignedOut => self.become_signed_out(now_ms),
        }
    }

    fn on_pull_response(&mut self, now_ms: i64, response: &HttpResponse) {
        let outcome = classify_pull_response(
            response.status,
            &response.body,
            response.consistent_through.as_deref(),
        );
        match outcome {
            PullOutcome::Page(mut page) => {
                if page.consistent_through_ms.is_none() {
                    // A server that does not vouch for anything still says what time it is,
                    // rounded down to the second, which can only make the cursor more careful.
                    page.consistent_through_ms = response
                        .date
                        .as_deref()
                        .and_then(|date| parse_http_date(date).ok());
                }
                let cursor = self.cursor_after(&page);
                self.pull_cursor = cursor;
                self.step = Some(Step::StorePage { page, cursor });
            }
            PullOutcome::SignedOut { .. } => self.become_signed_out(now_ms),
            PullOutcome::RetryLater { status } => {
                self.fail_transiently(now_ms, SyncProblem::ServerError { status });
            }
            PullOutcome::Unreadable(error) => self.fail_transiently(
                now_ms,
                SyncProblem::UnreadableAnswer {
                    message: error.to_string(),
                },
            ),
        }
    }

    /// Where the cursor may move once `page` is stored.
    ///
    /// A statement the server has stored but not yet shown (its transaction is still
    /// committing) has a `stored` time at most the overlap window before the time the server
    /// vouched for when the page was read. A pass that reads several pages near the newest
    /// statements moves past such a statement on an early page and would never come back for
    /// it if the cursor followed the later pages. So the first page that reaches within the
    /// overlap window of its vouched time caps the cursor for the rest of the pass at that time,
    /// and the next pass, starting an overlap window earlier, reads the statement. Pages far
    /// behind (catching up on old statements) cap nothing, so a long first sync is not re-read.
    fn cursor_after(&mut self, page: &PullPage) -> Option<i64> {
        let vouched = page.consistent_through_ms;
        let newest_read = page.statements.iter().map(|pulled| pulled.stored_ms).max();
        let reached_the_newest = page.more.is_none()
            || match (vouched, newest_read) {
                (Some(vouched), Some(newest)) => {
                    newest >= vouched.saturating_sub(self.config.pull_overlap_ms)
                }
                (None, Some(_)) => true,
                (_, None) => false,
            };
        if reached_the_newest {
            if let Some(limit) = vouched.or(newest_read) {
                self.pass_cursor_cap =
                    Some(self.pass_cursor_cap.map_or(limit, |cap| cap.min(limit)));
            }
        }
        let candidate = page.cursor_candidate().map(|candidate| {
            self.pass_cursor_cap
                .map_or(candidate, |cap| candidate.min(cap))
        });
        match (self.pull_cursor, candidate) {
            (Some(old), Some(new)) => Some(old.max(new)),
            (old, new) => old.or(new),
        }
    }

    fn complete_pass(&mut self, now_ms: i64) {
        self.last_successful_sync_ms = Some(now_ms);
        // A rejection stays visible in the rejected list; the banner itself is cleared by a
        // pass that went through.
        self.last_problem = None;
        self.failed_attempts = 0;
        self.retry_at = None;
        self.scheduled_pass_at = Some(now_ms.saturating_add(self.config.pull_interval_ms));
    }

    fn learn_clock_offset(&mut self, now_ms: i64, response: &HttpResponse) {
        if let Some(date) = &response.date {
            if let Ok(offset) = ClockOffset::from_server_date(now_ms, date) {
                self.clock_offset = Some(offset);
            }
        }
    }

    fn fail_transiently(&mut self, now_ms: i64, problem: SyncProblem) {
        self.step = None;
        self.failed_attempts = self.failed_attempts.saturating_add(1);
        let delay = self
            .config
            .backoff
            .delay_ms(self.failed_attempts, &mut self.random);
        self.retry_at = Some(now_ms.saturating_add(delay));
        self.request_pass(now_ms);
        self.last_problem = Some(problem);
    }

    fn become_signed_out(&mut self, now_ms: i64) {
        self.step = None;
        self.signed_out = true;
        self.last_problem = Some(SyncProblem::SignedOut);
        // Sync resumes as soon as the credentials change.
        self.request_pass(now_ms);
    }

    fn abandon_pass(&mut self) -> Action {
        // The pass starts over from a fresh snapshot when the network is usable again.
        self.step = None;
        self.request_pass(i64::MIN);
        self.wait_action()
    }

    fn request_pass(&mut self, at_ms: i64) {
        self.pass_requested_at = Some(match self.pass_requested_at {
            Some(earlier) => earlier.min(at_ms),
            None => at_ms,
        });
    }

    fn network_usable(&self) -> bool {
        self.online && !self.signed_out
    }

    /// When the next pass may start, if one is wanted at all.
    fn next_pass_at(&self) -> Option<i64> {
        let wanted = match (self.pass_requested_at, self.scheduled_pass_at) {
            (Some(requested), Some(scheduled)) => Some(requested.min(scheduled)),
            (requested, scheduled) => requested.or(scheduled),
        }?;
        Some(match self.retry_at {
            Some(retry) => wanted.max(retry),
            None => wanted,
        })
    }

    fn pass_should_start(&self, now_ms: i64) -> bool {
        let due = self.next_pass_at().is_some_and(|at| now_ms >= at);
        // The first snapshot needs no network, so it is read even offline.
        due && (self.network_usable() || !self.snapshot_read)
    }

    fn wait_action(&self) -> Action {
        if !self.network_usable() && self.snapshot_read {
            return Action::Idle;
        }
        match self.next_pass_at() {
            Some(at) => Action::SleepUntil(at),
            None => Action::Idle,
        }
    }

    fn batch_limit(&self) -> usize {
        let configured = self.config.push_batch_size.max(1);
        self.narrowed_batch_size
            .map_or(configured, |narrowed| narrowed.min(configured))
    }

    fn next_request_id(&mut self) -> RequestId {
        let request = self.next_request;
        self.next_request = self.next_request.wrapping_add(1);
        request
    }

    fn hand_out_store(
        &mut self,
        request: RequestId,
        kind: InFlightKind,
        operation: StoreOperation,
    ) -> Action {
        self.in_flight = Some(InFlight {
            request,
            kind,
            deadline: None,
        });
        Action::Store { request, operation }
    }

    fn hand_out_network(&mut self, now_ms: i64, request: RequestId, kind: InFlightKind) {
        self.in_flight = Some(InFlight {
            request,
            kind,
            deadline: Some(now_ms.saturating_add(self.config.request_timeout_ms.max(1))),
        });
    }

    fn take_in_flight(&mut self, request: RequestId) -> Option<InFlightKind> {
        if self
            .in_flight
            .as_ref()
            .is_some_and(|in_flight| in_flight.request == request)
        {
            self.in_flight.take().map(|in_flight| in_flight.kind)
        } else {
            None
        }
    }
}

impl SyncEngine<SplitMix64> {
    /// A fresh engine whose jitter comes from [`SplitMix64`] seeded with `seed`. Give each
    /// device a different seed (from `crypto.getRandomValues`) so their retries spread out.
    pub fn with_seed(config: SyncConfig, seed: u64) -> Self {
        Self::new(config, SplitMix64::new(seed))
    }
}

impl From<PullRequest> for Step {
    fn from(query: PullRequest) -> Self {
        Step::Pull(query)
    }
}

/// Turns a classified push answer into what happens to each statement of the batch.
///
/// A statement is set aside only when the server named it with a reason, or when it was sent
/// alone and is too large (413). A refusal that names nothing in the batch keeps every
/// statement and backs off: it may come from a proxy or a damaged request, not from the
/// statements, and deleting answers on its word would lose a learner's work.
fn decide_push(now_ms: i64, batch: &[SyncStatement], outcome: PushOutcome) -> PushDecision {
    let in_batch = |id| batch.iter().find(|statement| statement.id() == id);
    let reject = |statement: &SyncStatement, reason| RejectedStatement {
        statement: statement.clone(),
        reason,
        rejected_at_ms: now_ms,
    };
    match outcome {
        PushOutcome::Accepted => PushDecision::Settle(PushSettlement {
            acknowledged: batch.iter().map(SyncStatement::id).collect(),
            ..PushSettlement::default()
        }),
        PushOutcome::Named {
            status,
            message,
            invalid,
            conflicts,
        } => {
            let mut settlement = PushSettlement::default();
            for invalid in invalid {
                // Named statements that were not sent are ignored, and a statement named twice
                // is set aside once.
                let Some(statement) = in_batch(invalid.id) else {
                    continue;
                };
                if settlement
                    .rejected
                    .iter()
                    .any(|rejected| rejected.statement.id() == invalid.id)
                {
                    continue;
                }
                settlement.rejected.push(reject(
                    statement,
                    RejectionReason::Invalid {
                        message: invalid.reason,
                    },
                ));
            }
            for conflict in conflicts {
                let Some(local) = in_batch(conflict.id) else {
                    continue;
                };
                let already_settled = settlement.acknowledged.contains(&local.id())
                    || settlement
                        .rejected
                        .iter()
                        .any(|rejected| rejected.statement.id() == local.id());
                if already_settled {
                    continue;
                }
                if statements_match(local.body(), &conflict.stored) {
                    settlement.acknowledged.push(local.id());
                    continue;
                }
                settlement.rejected.push(reject(
                    local,
                    RejectionReason::Conflict {
                        message: "the server holds a different statement with this id".to_owned(),
                    },
                ));
                match SyncStatement::new(local.id(), without_stored(conflict.stored)) {
                    Ok(server_version) => settlement.server_versions.push(server_version),
                    Err(_) => settlement.rewind_cursor = true,
                }
            }
            if settlement.is_empty() {
                // Everything named was outside this batch: the refusal explains nothing here.
                PushDecision::Transient(SyncProblem::Refused { status, message })
            } else {
                PushDecision::Settle(settlement)
            }
        }
        PushOutcome::Unexplained { status, message } => {
            PushDecision::Transient(SyncProblem::Refused { status, message })
        }
        // The one refusal the engine narrows down itself: halving the batch ends at a single
        // statement, and a single statement that is still too large is too large, named or not.
        PushOutcome::TooLarge => match batch {
            [only] => PushDecision::Settle(PushSettlement {
                rejected: vec![reject(only, RejectionReason::TooLarge)],
                ..PushSettlement::default()
            }),
            _ => PushDecision::Narrow,
        },
        PushOutcome::SignedOut { .. } => PushDecision::SignedOut,
        PushOutcome::RetryLater { status } => {
            PushDecision::Transient(SyncProblem::ServerError { status })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::store::{perform_store_operation, InMemoryStore, LocalStore};
    use crate::sync::wire::{ConflictingStatement, PushRejectionBody};
    use serde_json::{json, Value};
    use uuid::Uuid;

    fn statement(n: u128) -> SyncStatement {
        SyncStatement::new(
            Uuid::from_u128(n),
            json!({ "verb": "answered", "n": n as u64 }),
        )
        .unwrap()
    }

    fn test_config() -> SyncConfig {
        SyncConfig {
            push_batch_size: 50,
            pull_page_limit: 10,
            pull_overlap_ms: 60_000,
            pull_interval_ms: 600_000,
            record_debounce_ms: 0,
            request_timeout_ms: 30_000,
            backoff: BackoffPolicy {
                initial_delay_ms: 1_000,
                max_delay_ms: 16_000,
            },
        }
    }

    struct Harness {
        engine: SyncEngine,
        store: InMemoryStore,
        now: i64,
        /// An action already taken from the engine by `settle`, handed out next.
        pending: Option<Action>,
    }

    impl Harness {
        fn new(config: SyncConfig) -> Self {
            Self {
                engine: SyncEngine::with_seed(config, 7),
                store: InMemoryStore::new(),
                now: 1_000_000,
                pending: None,
            }
        }

        /// Hands the engine an event from the UI; a wait decided before it is out of date.
        fn tell(&mut self, event: Event) {
            self.engine.handle(self.now, event);
            if matches!(self.pending, Some(Action::SleepUntil(_) | Action::Idle)) {
                self.pending = None;
            }
        }

        fn record(&mut self, n: u128) {
            self.store.append(statement(n)).unwrap();
            self.engine.handle(self.now, Event::StatementRecorded);
            // A wait decided before this statement is out of date.
            if matches!(self.pending, Some(Action::SleepUntil(_) | Action::Idle)) {
                self.pending = None;
            }
        }

        /// Performs store actions until the engine asks for something else.
        fn next_action(&mut self) -> Action {
            if let Some(action) = self.pending.take() {
                return action;
            }
            loop {
                match self.engine.poll(self.now) {
                    Action::Store { request, operation } => {
                        let event = perform_store_operation(&mut self.store, request, &operation);
                        self.engine.handle(self.now, event);
                    }
                    other => return other,
                }
            }
        }

        fn expect_push(&mut self) -> PushAction {
            match self.next_action() {
                Action::Push(push) => push,
                other => panic!("expected a push, got {other:?}"),
            }
        }

        fn expect_pull(&mut self) -> PullAction {
            match self.next_action() {
                Action::Pull(pull) => pull,
                other => panic!("expected a pull, got {other:?}"),
            }
        }

        fn answer(&mut self, request: RequestId, status: u16, body: &str) {
            self.answer_with(
                request,
                HttpResponse {
                    status,
                    body: body.to_owned(),
                    ..HttpResponse::default()
                },
            );
        }

        fn answer_with(&mut self, request: RequestId, response: HttpResponse) {
            self.engine
                .handle(self.now, Event::HttpResponse { request, response });
            // Apply what the answer changes in the store, as a client would right away.
            let next = self.next_action();
            self.pending = Some(next);
        }

        fn answer_empty_pull(&mut self) {
            let pull = self.expect_pull();
            self.answer(pull.request, 200, r#"{"statements": []}"#);
        }
    }

    fn ids(statements: &[SyncStatement]) -> Vec<u128> {
        statements.iter().map(|s| s.id().as_u128()).collect()
    }

    #[test]
    fn first_poll_reads_the_store_even_offline_and_then_waits() {
        let mut harness = Harness::new(test_config());
        harness.store.append(statement(1)).unwrap();
        harness.engine.handle(harness.now, Event::Offline);
        assert_eq!(harness.next_action(), Action::Idle);
        let status = harness.engine.status();
        assert_eq!(status.waiting_count, 1);
        assert_eq!(status.activity, SyncActivity::Offline);
        harness.engine.handle(harness.now, Event::Online);
        assert_eq!(ids(&harness.expect_push().statements), [1]);
    }

    #[test]
    fn pushes_in_batches_of_the_configured_size_then_pulls() {
        let mut harness = Harness::new(test_config());
        for n in 1..=120 {
            harness.record(n);
        }
        let mut batch_sizes = Vec::new();
        for _ in 0..3 {
            let push = harness.expect_push();
            batch_sizes.push(push.statements.len());
            let sent: Vec<Value> = serde_json::from_str(&push.body()).unwrap();
            assert_eq!(sent.len(), push.statements.len());
            harness.answer(push.request, 204, "");
        }
        assert_eq!(batch_sizes, [50, 50, 20]);
        assert_eq!(harness.store.outbox_len(), 0);
        harness.answer_empty_pull();
        let status = harness.engine.status();
        assert_eq!(status.waiting_count, 0);
        assert_eq!(status.last_successful_sync_ms, Some(harness.now));
        assert_eq!(status.activity, SyncActivity::UpToDate);
        assert_eq!(
            harness.next_action(),
            Action::SleepUntil(harness.now + test_config().pull_interval_ms)
        );
    }

    #[test]
    fn server_errors_keep_statements_and_back_off_with_growing_capped_delays() {
        let config = test_config();
        let mut harness = Harness::new(config.clone());
        harness.record(1);
        let mut delays = Vec::new();
        for attempt in 1..=7 {
            let push = harness.expect_push();
            if attempt % 2 == 0 {
                harness.answer(push.request, 503, "busy");
            } else {
                harness.engine.handle(
                    harness.now,
                    Event::NetworkError {
                        request: push.request,
                        message: "offline".to_owned(),
                    },
                );
            }
            assert_eq!(harness.store.outbox_len(), 1);
            let Action::SleepUntil(retry_at) = harness.next_action() else {
                panic!("expected a backoff sleep");
            };
            delays.push(retry_at - harness.now);
            harness.now = retry_at;
        }
        for (index, delay) in delays.iter().enumerate() {
            let ceiling = config.backoff.ceiling_ms(index as u32 + 1);
            assert!(
                *delay >= ceiling / 2 && *delay <= ceiling,
                "retry {index}: {delay} ms outside [{}, {ceiling}]",
                ceiling / 2
            );
        }
        assert_eq!(
            harness.engine.status().last_problem,
            Some(SyncProblem::ServerUnreachable)
        );
        let push = harness.expect_push();
        harness.answer(push.request, 200, "[]");
        assert_eq!(harness.store.outbox_len(), 0);
        harness.answer_empty_pull();
        assert_eq!(harness.engine.status().last_problem, None);
        // After a success the next failure starts again from the first ceiling.
        harness.record(2);
        let push = harness.expect_push();
        harness.answer(push.request, 500, "");
        let Action::SleepUntil(retry_at) = harness.next_action() else {
            panic!("expected a backoff sleep");
        };
        assert!(retry_at - harness.now <= config.backoff.initial_delay_ms);
    }

    #[test]
    fn an_unanswered_request_times_out_and_its_late_answer_is_ignored() {
        let config = test_config();
        let mut harness = Harness::new(config.clone());
        harness.record(1);
        let push = harness.expect_push();
        assert_eq!(
            harness.next_action(),
            Action::SleepUntil(harness.now + config.request_timeout_ms)
        );
        harness.now += config.request_timeout_ms;
        assert!(matches!(harness.next_action(), Action::SleepUntil(_)));
        assert_eq!(
            harness.engine.status().last_problem,
            Some(SyncProblem::ServerUnreachable)
        );
        // The answer to the abandoned request arrives after all: it must change nothing.
        harness.answer(push.request, 204, "");
        assert_eq!(harness.store.outbox_len(), 1);
        assert!(matches!(
            harness.engine.status().activity,
            SyncActivity::WaitingToRetry { .. }
        ));
    }

    #[test]
    fn identical_409_acknowledges_and_different_409_sets_aside_with_the_servers_copy() {
        let mut harness = Harness::new(test_config());
        harness.record(1);
        harness.record(2);
        harness.record(3);
        let push = harness.expect_push();
        let mut identical = statement(1).into_body();
        identical["stored"] = json!("2026-11-23T07:00:00Z");
        let different = json!({"id": Uuid::from_u128(2).to_string(), "verb": "other"});
        let body = PushRejectionBody {
            message: Some("already stored".to_owned()),
            conflicts: vec![
                ConflictingStatement {
                    id: Uuid::from_u128(1),
                    stored: identical,
                },
                ConflictingStatement {
                    id: Uuid::from_u128(2),
                    stored: different.clone(),
                },
            ],
            invalid: vec![],
        };
        harness.answer(push.request, 409, &serde_json::to_string(&body).unwrap());
        // Statement 3 was in the refused batch without being at fault: it is pushed again.
        let push = harness.expect_push();
        assert_eq!(ids(&push.statements), [3]);
        harness.answer(push.request, 200, "[]");
        harness.answer_empty_pull();
        let rejected = harness.store.rejected();
        assert_eq!(rejected.len(), 1);
        assert_eq!(rejected[0].statement, statement(2));
        assert!(matches!(
            rejected[0].reason,
            RejectionReason::Conflict { .. }
        ));
        let log = harness.store.log().unwrap();
        assert_eq!(log.len(), 3);
        assert_eq!(log[1].body(), &different);
        assert_eq!(harness.engine.status().rejected.len(), 1);
    }

    /// Answers pushes until the engine pulls, refusing every batch that holds statement 5 with
    /// `refusal`, and returns how many pushes were made.
    fn push_until_pull(harness: &mut Harness, refusal: (u16, &str)) -> usize {
        let mut requests = 0;
        loop {
            match harness.next_action() {
                Action::Push(push) => {
                    requests += 1;
                    assert!(requests < 20, "pushing does not end");
                    if ids(&push.statements).contains(&5) {
                        harness.answer(push.request, refusal.0, refusal.1);
                    } else {
                        harness.answer(push.request, 204, "");
                    }
                }
                Action::Pull(pull) => {
                    harness.answer(pull.request, 200, r#"{"statements": []}"#);
                    return requests;
                }
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    #[test]
    fn a_refusal_that_names_nothing_keeps_the_batch_until_the_server_names_the_culprit() {
        let mut harness = Harness::new(test_config());
        for n in 1..=8 {
            harness.record(n);
        }
        // A refusal naming no statement sets nothing aside and is not narrowed down: the whole
        // batch waits for the retry.
        let push = harness.expect_push();
        assert_eq!(push.statements.len(), 8);
        harness.answer(push.request, 400, "result.score.scaled out of range");
        assert!(matches!(harness.next_action(), Action::SleepUntil(at) if at > harness.now));
        assert_eq!(harness.store.outbox_len(), 8);
        assert!(harness.store.rejected().is_empty());
        assert_eq!(harness.store.log().unwrap().len(), 8);
        // The server that names its culprit gets only that one set aside.
        harness.now += 60_000;
        let named = json!({"message": "bad score", "invalid": [
            {"id": Uuid::from_u128(5), "reason": "result.score.scaled out of range"}
        ]});
        let requests = push_until_pull(&mut harness, (400, &named.to_string()));
        let rejected = harness.store.rejected();
        assert_eq!(rejected.len(), 1);
        assert_eq!(rejected[0].statement.id(), Uuid::from_u128(5));
        assert_eq!(
            rejected[0].reason,
            RejectionReason::Invalid {
                message: "result.score.scaled out of range".to_owned()
            }
        );
        assert_eq!(harness.store.outbox_len(), 0);
        assert_eq!(harness.store.log().unwrap().len(), 7);
        // [1..8] refused naming 5, then [1..4, 6..8] stored in one batch.
        assert_eq!(requests, 2);
    }

    #[test]
    fn an_unnamed_400_on_a_batch_of_three_keeps_all_three_and_backs_off() {
        let mut harness = Harness::new(test_config());
        for n in 1..=3 {
            harness.record(n);
        }
        let push = harness.expect_push();
        assert_eq!(ids(&push.statements), [1, 2, 3]);
        harness.answer(
            push.request,
            400,
            "<html><body>400 Bad Request</body></html>",
        );
        let Action::SleepUntil(retry_at) = harness.next_action() else {
            panic!("expected a backoff sleep");
        };
        assert!(retry_at > harness.now);
        assert_eq!(harness.store.outbox_len(), 3);
        assert_eq!(harness.store.log().unwrap().len(), 3);
        assert!(harness.store.rejected().is_empty());
        let status = harness.engine.status();
        assert_eq!(status.waiting_count, 3);
        assert!(status.rejected.is_empty());
        assert_eq!(
            status.last_problem,
            Some(SyncProblem::Refused {
                status: 400,
                message: "the server refused the statements (http 400)".to_owned()
            })
        );
        assert!(matches!(
            status.activity,
            SyncActivity::WaitingToRetry { .. }
        ));
        // After the backoff the same three go again, whole.
        harness.now = retry_at;
        let push = harness.expect_push();
        assert_eq!(ids(&push.statements), [1, 2, 3]);
        harness.answer(push.request, 204, "");
        assert_eq!(harness.store.outbox_len(), 0);
    }

    #[test]
    fn refusals_that_explain_nothing_about_the_batch_keep_it_whole() {
        let outside = json!({"invalid": [{"id": Uuid::from_u128(99), "reason": "no verb"}],
                             "conflicts": [{"id": Uuid::from_u128(98), "stored": {}}]})
        .to_string();
        let refusals = [
            (
                400,
                r#"{"error": "missing X-Experience-API-Version header"}"#.to_owned(),
            ),
            (400, "invalid gzip body".to_owned()),
            (409, String::new()),
            (409, r#"{"message": "conflict"}"#.to_owned()),
            (404, "<html>Not Found</html>".to_owned()),
            (
                422,
                json!({"invalid": [{"id": Uuid::from_u128(1), "reason": "x"}]}).to_string(),
            ),
            (400, outside.clone()),
            (409, outside),
        ];
        for (status, body) in refusals {
            let mut harness = Harness::new(test_config());
            harness.record(1);
            let push = harness.expect_push();
            harness.answer(push.request, status, &body);
            assert!(
                matches!(harness.next_action(), Action::SleepUntil(at) if at > harness.now),
                "{status} {body}: expected a backoff"
            );
            assert_eq!(harness.store.outbox_len(), 1, "{status} {body}");
            assert!(harness.store.rejected().is_empty(), "{status} {body}");
            assert!(
                matches!(
                    harness.engine.status().last_problem,
                    Some(SyncProblem::Refused { status: shown, .. }) if shown == status
                ),
                "{status} {body}"
            );
        }
    }

    #[test]
    fn a_named_404_sets_aside_only_the_named_statement() {
        let mut harness = Harness::new(test_config());
        for n in 1..=3 {
            harness.record(n);
        }
        let push = harness.expect_push();
        let body = json!({"invalid": [{"id": Uuid::from_u128(2), "reason": "no such statement"}]});
        harness.answer(push.request, 404, &body.to_string());
        let push = harness.expect_push();
        assert_eq!(ids(&push.statements), [1, 3]);
        harness.answer(push.request, 204, "");
        let rejected = harness.store.rejected();
        assert_eq!(rejected.len(), 1);
        assert_eq!(rejected[0].statement.id(), Uuid::from_u128(2));
    }

    #[test]
    fn a_statement_put_back_from_the_rejected_list_is_pushed_again() {
        let mut harness = Harness::new(test_config());
        harness.record(1);
        let push = harness.expect_push();
        let body = json!({"invalid": [{"id": Uuid::from_u128(1), "reason": "no actor"}]});
        harness.answer(push.request, 400, &body.to_string());
        harness.answer_empty_pull();
        assert_eq!(harness.engine.status().rejected.len(), 1);
        assert_eq!(harness.store.log().unwrap().len(), 0);
        // The server was fixed; the learner sends it again.
        assert_eq!(harness.store.restore_rejected(&[Uuid::from_u128(1)]), Ok(1));
        harness.tell(Event::OutboxChanged);
        let push = harness.expect_push();
        assert_eq!(ids(&push.statements), [1]);
        harness.answer(push.request, 204, "");
        harness.answer_empty_pull();
        let status = harness.engine.status();
        assert!(status.rejected.is_empty());
        assert_eq!(status.waiting_count, 0);
        assert_eq!(harness.store.log().unwrap(), vec![statement(1)]);
    }

    #[test]
    fn a_named_400_sets_aside_only_the_named_statement() {
        let mut harness = Harness::new(test_config());
        harness.record(1);
        harness.record(2);
        let push = harness.expect_push();
        let body = json!({"invalid": [{"id": Uuid::from_u128(2), "reason": "no actor"}]});
        harness.answer(push.request, 400, &body.to_string());
        let push = harness.expect_push();
        assert_eq!(ids(&push.statements), [1]);
        assert_eq!(
            harness.engine.status().last_problem,
            Some(SyncProblem::Rejected {
                message: "invalid: no actor".to_owned()
            })
        );
    }

    #[test]
    fn a_413_halves_the_batch_and_sets_aside_a_statement_too_large_alone() {
        let mut harness = Harness::new(test_config());
        for n in 1..=4 {
            harness.record(n);
        }
        let mut sizes = Vec::new();
        loop {
            match harness.next_action() {
                Action::Push(push) => {
                    sizes.push(push.statements.len());
                    assert!(sizes.len() < 10, "narrowing does not end: {sizes:?}");
                    if ids(&push.statements).contains(&1) {
                        harness.answer(push.request, 413, "");
                    } else {
                        harness.answer(push.request, 204, "");
                    }
                }
                Action::Pull(pull) => {
                    harness.answer(pull.request, 200, r#"{"statements": []}"#);
                    break;
                }
                other => panic!("unexpected {other:?}"),
            }
        }
        assert_eq!(sizes, [4, 2, 1, 3]);
        let rejected = harness.store.rejected();
        assert_eq!(rejected.len(), 1);
        assert_eq!(rejected[0].reason, RejectionReason::TooLarge);
        assert_eq!(harness.store.outbox_len(), 0);
    }

    #[test]
    fn a_failing_store_backs_off_instead_of_spinning() {
        let mut harness = Harness::new(test_config());
        let Action::Store { request, .. } = harness.engine.poll(harness.now) else {
            panic!("the first action reads the store");
        };
        harness.engine.handle(
            harness.now,
            Event::StoreFailed {
                request,
                message: "quota exceeded".to_owned(),
            },
        );
        let Action::SleepUntil(retry_at) = harness.engine.poll(harness.now) else {
            panic!("expected a backoff sleep");
        };
        assert!(retry_at > harness.now);
        assert_eq!(
            harness.engine.status().last_problem,
            Some(SyncProblem::LocalStorageFailed {
                message: "quota exceeded".to_owned()
            })
        );
        harness.now = retry_at;
        assert!(matches!(
            harness.engine.poll(harness.now),
            Action::Store {
                operation: StoreOperation::Snapshot { .. },
                ..
            }
        ));
    }

    #[test]
    fn signed_out_stops_until_credentials_change() {
        let mut harness = Harness::new(test_config());
        harness.record(1);
        let push = harness.expect_push();
        harness.answer(push.request, 401, "");
        assert_eq!(harness.next_action(), Action::Idle);
        harness.now += 3_600_000;
        assert_eq!(harness.next_action(), Action::Idle);
        let status = harness.engine.status();
        assert_eq!(status.activity, SyncActivity::SignedOut);
        assert_eq!(status.last_problem, Some(SyncProblem::SignedOut));
        assert_eq!(status.last_problem.unwrap().to_string(), "signed out");
        harness.tell(Event::CredentialsChanged);
        let push = harness.expect_push();
        harness.answer(push.request, 204, "");
        assert_eq!(harness.store.outbox_len(), 0);
    }

    #[test]
    fn a_401_to_a_request_sent_before_signing_in_again_is_ignored() {
        let mut harness = Harness::new(test_config());
        harness.record(1);
        let first = harness.expect_push();
        harness.answer(first.request, 401, "");
        harness.tell(Event::CredentialsChanged);
        let second = harness.expect_push();
        // The learner's token expired again while the retry was on its way, and is renewed
        // before the answer comes back: that 401 was for the old token.
        harness.tell(Event::CredentialsChanged);
        harness.answer(second.request, 401, "");
        assert_ne!(harness.engine.status().activity, SyncActivity::SignedOut);
        let third = harness.expect_push();
        harness.answer(third.request, 204, "");
        assert_eq!(harness.store.outbox_len(), 0);
    }

    #[test]
    fn pull_starts_an_overlap_window_before_the_cursor_and_follows_more() {
        let config = test_config();
        let mut harness = Harness::new(config.clone());
        let cursor = 1_700_000_000_000;
        harness.store.store_pulled_page(&[], Some(cursor)).unwrap();
        let pull = harness.expect_pull();
        assert_eq!(
            pull.query,
            PullRequest::Since {
                since_ms: Some(cursor - config.pull_overlap_ms),
                limit: config.pull_page_limit
            }
        );
        let stored = |ms| crate::sync::clock::format_timestamp_ms(ms).unwrap();
        let first_page = json!({
            "statements": [
                {"id": Uuid::from_u128(1).to_string(), "stored": stored(cursor - 10)},
                {"id": Uuid::from_u128(2).to_string(), "stored": stored(cursor + 500)},
            ],
            "more": "/xapi/statements?more=page2"
        });
        harness.answer_with(
            pull.request,
            HttpResponse {
                status: 200,
                body: first_page.to_string(),
                date: None,
                consistent_through: Some(stored(cursor + 300)),
            },
        );
        let pull = harness.expect_pull();
        // The cursor moved only as far as the server vouched for, after the page was stored.
        assert_eq!(harness.store.pull_cursor(), Some(cursor + 300));
        assert_eq!(harness.store.log().unwrap().len(), 2);
        assert_eq!(
            pull.query,
            PullRequest::More {
                url: "/xapi/statements?more=page2".to_owned()
            }
        );
        let last_page = json!({
            "statements": [{"id": Uuid::from_u128(2).to_string(), "stored": stored(cursor + 500)}],
        });
        harness.answer_with(
            pull.request,
            HttpResponse {
                status: 200,
                body: last_page.to_string(),
                date: None,
                consistent_through: Some(stored(cursor + 900)),
            },
        );
        assert!(matches!(harness.next_action(), Action::SleepUntil(_)));
        // The first page reached the newest statements when the server vouched only up to
        // +300, so the pass may not move the cursor further: something stored around then may
        // have been invisible while the first page was read.
        assert_eq!(harness.store.pull_cursor(), Some(cursor + 300));
        assert_eq!(harness.store.log().unwrap().len(), 2);
        // The next periodic pass starts the overlap window before the cursor.
        harness.now += config.pull_interval_ms;
        let pull = harness.expect_pull();
        assert_eq!(
            pull.query,
            PullRequest::Since {
                since_ms: Some(cursor + 300 - config.pull_overlap_ms),
                limit: config.pull_page_limit
            }
        );
        harness.answer_with(
            pull.request,
            HttpResponse {
                status: 200,
                body: r#"{"statements": []}"#.to_owned(),
                date: None,
                consistent_through: Some(stored(cursor + 2_000)),
            },
        );
        assert!(matches!(harness.next_action(), Action::SleepUntil(_)));
        assert_eq!(harness.store.pull_cursor(), Some(cursor + 2_000));
    }

    #[test]
    fn pages_far_behind_the_newest_do_not_hold_the_cursor_back() {
        let config = test_config();
        let mut harness = Harness::new(config.clone());
        let now_on_server = 1_800_000_000_000_i64;
        let stored = |ms| crate::sync::clock::format_timestamp_ms(ms).unwrap();
        let mut cursors = Vec::new();
        for page_number in 0..3_i64 {
            let pull = harness.expect_pull();
            // Old statements, a day before the server's present.
            let first = now_on_server - 86_400_000 + page_number * 1_000;
            let statements: Vec<Value> = (0..2)
                .map(|offset| {
                    json!({"id": Uuid::from_u128((page_number * 2 + offset + 1) as u128).to_string(),
                           "stored": stored(first + offset)})
                })
                .collect();
            let more = if page_number < 2 {
                json!(format!("/xapi/statements?more={page_number}"))
            } else {
                json!("")
            };
            harness.answer_with(
                pull.request,
                HttpResponse {
                    status: 200,
                    body: json!({"statements": statements, "more": more}).to_string(),
                    date: Some("Fri, 15 Jan 2027 08:00:00 GMT".to_owned()),
                    consistent_through: Some(stored(now_on_server)),
                },
            );
            cursors.push(harness.store.pull_cursor());
        }
        let day_ago = now_on_server - 86_400_000;
        assert_eq!(
            cursors,
            [
                Some(day_ago + 1),
                Some(day_ago + 1_001),
                Some(now_on_server)
            ]
        );
        assert_eq!(harness.store.log().unwrap().len(), 6);
    }

    #[test]
    fn without_consistent_through_the_date_header_bounds_the_cursor() {
        let mut harness = Harness::new(test_config());
        let pull = harness.expect_pull();
        let stored = crate::sync::clock::format_timestamp_ms(784_111_777_900).unwrap();
        let body =
            json!({"statements": [{"id": Uuid::from_u128(1).to_string(), "stored": stored}]});
        harness.answer_with(
            pull.request,
            HttpResponse {
                status: 200,
                body: body.to_string(),
                date: Some("Sun, 06 Nov 1994 08:49:37 GMT".to_owned()),
                consistent_through: None,
            },
        );
        assert_eq!(harness.store.pull_cursor(), Some(784_111_777_000));
    }

    #[test]
    fn an_unreadable_page_is_retried_without_moving_the_cursor() {
        let mut harness = Harness::new(test_config());
        let pull = harness.expect_pull();
        harness.answer(pull.request, 200, r#"{"statements": [{"id": "nope"}]}"#);
        assert_eq!(harness.store.pull_cursor(), None);
        assert!(matches!(
            harness.engine.status().last_problem,
            Some(SyncProblem::UnreadableAnswer { .. })
        ));
    }

    #[test]
    fn the_clock_offset_is_learned_from_the_date_header() {
        let mut harness = Harness::new(test_config());
        harness.record(1);
        let push = harness.expect_push();
        // 1994-11-06T08:49:37Z is 784111777000 ms; the device is 2 s behind.
        harness.now = 784_111_775_000;
        harness.answer_with(
            push.request,
            HttpResponse {
                status: 204,
                date: Some("Sun, 06 Nov 1994 08:49:37 GMT".to_owned()),
                ..HttpResponse::default()
            },
        );
        assert_eq!(
            harness.engine.clock_offset(),
            Some(ClockOffset {
                server_minus_device_ms: 2_500
            })
        );
    }

    #[test]
    fn new_statements_during_a_pull_start_another_pass() {
        let mut harness = Harness::new(test_config());
        let pull = harness.expect_pull();
        harness.record(1);
        harness.answer(pull.request, 200, r#"{"statements": []}"#);
        let push = harness.expect_push();
        assert_eq!(ids(&push.statements), [1]);
    }
}
