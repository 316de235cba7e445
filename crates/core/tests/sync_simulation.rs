//! Seeded fault simulation of the sync engine: several devices of one learner and a server,
//! joined by a network that loses, duplicates, delays and reorders messages, with server
//! restarts, client crashes, sign-outs and offline spells, followed by a quiet phase.
//!
//! The law checked for every seed: once the network is quiet again, every statement the
//! learner created reached the server exactly once (or, if the server refused it, sits in its
//! device's rejected list with the right reason), every outbox is empty, and every device's log
//! holds exactly the server's statements, so any fold over the logs gives the same progress.
//!
//! The server here applies the same acknowledgement rules baeum's server must follow:
//! idempotent by id, 409 for a different body under a known id, 400 for an invalid statement,
//! each refusal naming the statements at fault (a refusal naming nothing, which a proxy in
//! between sends now and then, must keep every statement),
//! `stored`-ordered pages with an opaque `more` link, and a consistent-through header that is,
//! depending on the seed, honest, optimistic (within the overlap window) or absent.
//!
//! Every random choice comes from one `SmallRng` seeded per run, so a failing seed replays
//! exactly: `SYNC_SEED=1234 cargo test -p baeum-core --test sync_simulation`.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, HashMap};

use baeum_core::sync::{
    format_timestamp_ms, perform_store_operation, statements_match, Action, BackoffPolicy,
    ConflictingStatement, Event, HttpResponse, InMemoryStore, InvalidStatement, LocalStore,
    PullRequest, PushRejectionBody, RejectionReason, SyncActivity, SyncConfig, SyncEngine,
    SyncStatement,
};
use chrono::{DateTime, Utc};
use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use uuid::Uuid;

/// How many seeds the test runs unless `SYNC_SEEDS` says otherwise.
const DEFAULT_SEED_COUNT: u64 = 10_000;
/// Simulated time starts on the morning this was written (2026-11-23).
const START_MS: i64 = 1_795_420_000_000;
const TICK_MS: i64 = 100;
/// The longest a message can spend in the network, in either direction. More than the
/// engine's request timeout, so some answers arrive after the engine gave up on them.
const MAX_DELAY_MS: i64 = 2_500;
const CHAOS_MS: i64 = 12_000;
/// The quiet phase ends as soon as everything converged, and fails the seed if it has not by
/// then. Long enough for the largest backoff plus a periodic pull, several times over.
const QUIET_LIMIT_MS: i64 = 120_000;
/// Statements stored by the simulated server become visible to reads up to this much later,
/// as with concurrent transactions; the engine's overlap window must cover it.
const OVERLAP_MS: i64 = 1_500;
/// A guard against a livelocked engine: no device may take this many actions in one tick.
const MAX_ACTIONS_PER_TICK: usize = 1_000;

#[test]
fn devices_converge_after_chaos_for_every_seed() {
    if let Some(seed) = std::env::var("SYNC_SEED")
        .ok()
        .and_then(|text| text.parse().ok())
    {
        if let Err(failure) = simulate(seed) {
            panic!("seed {seed} failed: {failure}");
        }
        return;
    }
    let seed_count = std::env::var("SYNC_SEEDS")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(DEFAULT_SEED_COUNT);
    // Seeds are independent, so they run on every core; each worker takes every n-th seed.
    let workers = std::thread::available_parallelism().map_or(1, |count| count.get()) as u64;
    let results: Vec<Result<Totals, (u64, String)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|worker| {
                scope.spawn(move || {
                    let mut totals = Totals::default();
                    for seed in (worker..seed_count).step_by(workers as usize) {
                        // A panic inside a run must still name its seed.
                        match std::panic::catch_unwind(|| simulate(seed)) {
                            Ok(Ok(run)) => totals.add(&run),
                            Ok(Err(failure)) => return Err((seed, failure)),
                            Err(_) => return Err((seed, "the run panicked".to_owned())),
                        }
                    }
                    Ok(totals)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|_| Err((u64::MAX, "a worker panicked".to_owned())))
            })
            .collect()
    });
    let mut totals = Totals::default();
    let mut failures: Vec<(u64, String)> = Vec::new();
    for result in results {
        match result {
            Ok(worker_totals) => totals.add(&worker_totals),
            Err(failure) => failures.push(failure),
        }
    }
    if let Some((seed, failure)) = failures.into_iter().min_by_key(|(seed, _)| *seed) {
        panic!(
            "seed {seed} failed: {failure}\nreplay it with SYNC_SEED={seed} cargo test -p baeum-core --test sync_simulation"
        );
    }
    println!("{seed_count} seeds: {totals:?}");
    // The faults must actually have happened, or the convergence above proves little.
    assert!(totals.statements_created > seed_count * 5);
    assert!(totals.requests_dropped > 0 && totals.responses_dropped > 0);
    assert!(totals.duplicated > 0 && totals.late_answers > 0);
    assert!(totals.server_restarts > 0 && totals.crashes > 0 && totals.sign_outs > 0);
    assert!(totals.rejected_invalid > 0 && totals.rejected_conflicts > 0);
    assert!(totals.rejections_by_strict_servers > 0);
    assert!(totals.unnamed_refusals > 0);
    assert!(totals.identical_conflicts > 0);
}

/// What one seed's run did, summed over all seeds to show the faults were exercised.
#[derive(Debug, Default)]
struct Totals {
    statements_created: u64,
    requests_dropped: u64,
    responses_dropped: u64,
    duplicated: u64,
    late_answers: u64,
    server_restarts: u64,
    crashes: u64,
    sign_outs: u64,
    rejected_invalid: u64,
    rejected_conflicts: u64,
    rejections_by_strict_servers: u64,
    /// Pushes answered by a proxy in between with a refusal that names no statement.
    unnamed_refusals: u64,
    identical_conflicts: u64,
    pulls: u64,
    pushes: u64,
    quiet_ms: i64,
}

impl Totals {
    fn add(&mut self, run: &Totals) {
        self.statements_created += run.statements_created;
        self.requests_dropped += run.requests_dropped;
        self.responses_dropped += run.responses_dropped;
        self.duplicated += run.duplicated;
        self.late_answers += run.late_answers;
        self.server_restarts += run.server_restarts;
        self.crashes += run.crashes;
        self.sign_outs += run.sign_outs;
        self.rejected_invalid += run.rejected_invalid;
        self.rejected_conflicts += run.rejected_conflicts;
        self.rejections_by_strict_servers += run.rejections_by_strict_servers;
        self.unnamed_refusals += run.unnamed_refusals;
        self.identical_conflicts += run.identical_conflicts;
        self.pulls += run.pulls;
        self.pushes += run.pushes;
        self.quiet_ms += run.quiet_ms;
    }
}

/// How likely each fault is in the chaos phase; drawn per seed so that seeds differ in kind,
/// not only in detail.
#[derive(Clone, Debug)]
struct Faults {
    drop_request: f64,
    drop_response: f64,
    duplicate: f64,
    max_delay_ms: i64,
    server_restart_per_tick: f64,
    crash_per_tick: f64,
    crash_mid_step: f64,
    offline_toggle_per_tick: f64,
    sign_out_per_tick: f64,
    create_per_tick: f64,
    invalid_share: f64,
    conflict_share: f64,
    /// How often a push is refused on its way by a proxy (an HTML 400, a 409 or 404 naming
    /// nothing) without reaching the server.
    unnamed_refusal: f64,
}

impl Faults {
    fn chaotic(rng: &mut SmallRng) -> Self {
        Self {
            drop_request: rng.gen_range(0.0..0.25),
            drop_response: rng.gen_range(0.0..0.25),
            duplicate: rng.gen_range(0.0..0.15),
            max_delay_ms: rng.gen_range(0..=MAX_DELAY_MS),
            server_restart_per_tick: rng.gen_range(0.0..0.01),
            crash_per_tick: rng.gen_range(0.0..0.01),
            crash_mid_step: rng.gen_range(0.0..0.05),
            offline_toggle_per_tick: rng.gen_range(0.0..0.02),
            sign_out_per_tick: rng.gen_range(0.0..0.004),
            create_per_tick: rng.gen_range(0.01..0.06),
            invalid_share: rng.gen_range(0.0..0.08),
            conflict_share: rng.gen_range(0.0..0.06),
            unnamed_refusal: rng.gen_range(0.0..0.1),
        }
    }

    fn quiet(max_delay_ms: i64) -> Self {
        Self {
            drop_request: 0.0,
            drop_response: 0.0,
            duplicate: 0.0,
            max_delay_ms,
            server_restart_per_tick: 0.0,
            crash_per_tick: 0.0,
            crash_mid_step: 0.0,
            offline_toggle_per_tick: 0.0,
            sign_out_per_tick: 0.0,
            create_per_tick: 0.0,
            invalid_share: 0.0,
            conflict_share: 0.0,
            unnamed_refusal: 0.0,
        }
    }
}

/// How the simulated server answers refusals and reads, drawn per seed.
#[derive(Clone, Copy, Debug)]
struct ServerBehaviour {
    /// Answer 409 with the stored copy for identical re-sends too (allowed by xAPI), instead
    /// of 200.
    conflict_on_identical: bool,
    consistent_through: ConsistentThrough,
    commit_delay_max_ms: i64,
    max_page_size: usize,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum ConsistentThrough {
    /// Only vouches for what is certainly visible.
    Honest,
    /// Vouches for everything up to now, although some statements are not visible yet.
    Optimistic,
    Absent,
}

struct StoredRecord {
    id: Uuid,
    body: Value,
    stored_ms: i64,
    visible_at_ms: i64,
}

struct SimServer {
    behaviour: ServerBehaviour,
    records: Vec<StoredRecord>,
    index: HashMap<Uuid, usize>,
    /// Count of records ever inserted per id: the "exactly once" check reads it.
    insertions: HashMap<Uuid, u32>,
    /// 409s sent for identical re-sends, which the client must take as acknowledgements.
    identical_conflicts_sent: u64,
    /// The credential generation each device must present; bumped to sign a device out.
    token_generations: Vec<u32>,
    down_until_ms: i64,
    date_cache: (i64, String),
}

#[derive(Clone)]
enum RequestBody {
    Push(String),
    Pull(PullRequest),
}

impl SimServer {
    fn new(behaviour: ServerBehaviour, devices: usize) -> Self {
        Self {
            behaviour,
            records: Vec::new(),
            index: HashMap::new(),
            insertions: HashMap::new(),
            identical_conflicts_sent: 0,
            token_generations: vec![0; devices],
            down_until_ms: i64::MIN,
            date_cache: (i64::MIN, String::new()),
        }
    }

    fn is_up(&self, now_ms: i64) -> bool {
        now_ms >= self.down_until_ms
    }

    fn handle(
        &mut self,
        now_ms: i64,
        device: usize,
        token: u32,
        request: &RequestBody,
        rng: &mut SmallRng,
    ) -> HttpResponse {
        let mut response = if self.token_generations[device] != token {
            reply(401, json!({"message": "sign in again"}).to_string())
        } else {
            match request {
                RequestBody::Push(body) => self.handle_push(now_ms, body, rng),
                RequestBody::Pull(query) => self.handle_pull(now_ms, query),
            }
        };
        // Formatting a date is slow in a debug build and the header has whole seconds, so
        // the last one is reused within its second.
        let second = now_ms.div_euclid(1_000);
        if self.date_cache.0 != second {
            self.date_cache = (second, http_date(now_ms));
        }
        response.date = Some(self.date_cache.1.clone());
        response
    }

    fn handle_push(&mut self, now_ms: i64, body: &str, rng: &mut SmallRng) -> HttpResponse {
        let Ok(Value::Array(statements)) = serde_json::from_str::<Value>(body) else {
            return reply(
                400,
                "the body must be a json array of statements".to_owned(),
            );
        };
        let mut parsed = Vec::with_capacity(statements.len());
        for statement in statements {
            let Some(id) = statement
                .get("id")
                .and_then(Value::as_str)
                .and_then(|text| Uuid::parse_str(text).ok())
            else {
                return reply(400, "every statement needs an id".to_owned());
            };
            if parsed.iter().any(|(seen, _)| *seen == id) {
                return reply(400, "the batch holds one id twice".to_owned());
            }
            parsed.push((id, statement));
        }
        let mut invalid = Vec::new();
        let mut conflicts = Vec::new();
        for (id, statement) in &parsed {
            let scaled = statement
                .pointer("/result/score/scaled")
                .and_then(Value::as_f64);
            if scaled.is_some_and(|scaled| !(-1.0..=1.0).contains(&scaled)) {
                invalid.push(InvalidStatement {
                    id: *id,
                    reason: "result.score.scaled must be between -1 and 1".to_owned(),
                });
                continue;
            }
            if let Some(&position) = self.index.get(id) {
                let stored = &self.records[position].body;
                let identical = statements_match(stored, statement);
                if !identical || self.behaviour.conflict_on_identical {
                    if identical {
                        self.identical_conflicts_sent += 1;
                    }
                    let mut stored_copy = stored.clone();
                    stored_copy["stored"] = json!(format_stored(self.records[position].stored_ms));
                    conflicts.push(ConflictingStatement {
                        id: *id,
                        stored: stored_copy,
                    });
                }
            }
        }
        // Like most xAPI servers, a batch is stored whole or not at all.
        if !invalid.is_empty() {
            let message = invalid[0].reason.clone();
            return self.refusal(400, message, Vec::new(), invalid);
        }
        if !conflicts.is_empty() {
            let message = "a statement with this id is already stored".to_owned();
            return self.refusal(409, message, conflicts, Vec::new());
        }
        let mut ids = Vec::with_capacity(parsed.len());
        for (id, statement) in parsed {
            ids.push(id.to_string());
            if self.index.contains_key(&id) {
                continue;
            }
            let visible_at_ms = now_ms + rng.gen_range(0..=self.behaviour.commit_delay_max_ms);
            self.index.insert(id, self.records.len());
            *self.insertions.entry(id).or_default() += 1;
            self.records.push(StoredRecord {
                id,
                body: statement,
                stored_ms: now_ms,
                visible_at_ms,
            });
        }
        reply(200, json!(ids).to_string())
    }

    fn refusal(
        &self,
        status: u16,
        message: String,
        conflicts: Vec<ConflictingStatement>,
        invalid: Vec<InvalidStatement>,
    ) -> HttpResponse {
        let body = serde_json::to_string(&PushRejectionBody {
            message: Some(message),
            conflicts,
            invalid,
        })
        .unwrap_or_default();
        reply(status, body)
    }

    fn handle_pull(&self, now_ms: i64, query: &PullRequest) -> HttpResponse {
        // A page position is (stored, id); `since` is exclusive on `stored` alone.
        let (after, limit) = match query {
            PullRequest::Since { since_ms, limit } => {
                ((since_ms.unwrap_or(i64::MIN), Uuid::max()), *limit)
            }
            PullRequest::More { url } => match parse_more(url) {
                Some(position) => position,
                None => return reply(400, "unknown more link".to_owned()),
            },
        };
        let limit = limit.clamp(1, self.behaviour.max_page_size);
        let mut visible: Vec<&StoredRecord> = self
            .records
            .iter()
            .filter(|record| record.visible_at_ms <= now_ms)
            .filter(|record| (record.stored_ms, record.id) > after)
            .collect();
        visible.sort_by_key(|record| (record.stored_ms, record.id));
        let more = visible.len() > limit;
        visible.truncate(limit);
        let statements: Vec<Value> = visible
            .iter()
            .map(|record| {
                let mut body = record.body.clone();
                body["stored"] = json!(format_stored(record.stored_ms));
                body
            })
            .collect();
        let more_link = match visible.last() {
            Some(last) if more => format!(
                "/xapi/statements?more={}:{}:{limit}",
                last.stored_ms, last.id
            ),
            _ => String::new(),
        };
        let mut response = reply(
            200,
            json!({"statements": statements, "more": more_link}).to_string(),
        );
        response.consistent_through = match self.behaviour.consistent_through {
            ConsistentThrough::Honest => Some(format_stored(
                now_ms - self.behaviour.commit_delay_max_ms - 1,
            )),
            ConsistentThrough::Optimistic => Some(format_stored(now_ms)),
            ConsistentThrough::Absent => None,
        };
        response
    }
}

fn parse_more(url: &str) -> Option<((i64, Uuid), usize)> {
    let token = url.strip_prefix("/xapi/statements?more=")?;
    let mut parts = token.split(':');
    let stored_ms = parts.next()?.parse().ok()?;
    let id = Uuid::parse_str(parts.next()?).ok()?;
    let limit = parts.next()?.parse().ok()?;
    Some(((stored_ms, id), limit))
}

fn reply(status: u16, body: String) -> HttpResponse {
    HttpResponse {
        status,
        body,
        date: None,
        consistent_through: None,
    }
}

fn format_stored(ms: i64) -> String {
    format_timestamp_ms(ms).expect("simulated times are in range")
}

fn http_date(ms: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .expect("simulated times are in range")
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string()
}

/// A message in flight. Requests and answers carry the device's incarnation, because a
/// crashed client's connections die with it.
enum Message {
    Request {
        device: usize,
        incarnation: u32,
        request: u64,
        token: u32,
        body: RequestBody,
    },
    Answer {
        device: usize,
        incarnation: u32,
        request: u64,
        outcome: Result<HttpResponse, String>,
    },
}

/// The network: a queue of messages ordered by delivery time, then by sending order.
#[derive(Default)]
struct Network {
    queue: BinaryHeap<Reverse<(i64, u64)>>,
    messages: HashMap<u64, Message>,
    next_sequence: u64,
}

impl Network {
    fn send(&mut self, deliver_at_ms: i64, message: Message) {
        let sequence = self.next_sequence;
        self.next_sequence += 1;
        self.queue.push(Reverse((deliver_at_ms, sequence)));
        self.messages.insert(sequence, message);
    }

    fn next_delivery(&self) -> Option<i64> {
        self.queue
            .peek()
            .map(|Reverse((deliver_at, _))| *deliver_at)
    }

    fn next_due(&mut self, now_ms: i64) -> Option<Message> {
        let Reverse((deliver_at, sequence)) = *self.queue.peek()?;
        if deliver_at > now_ms {
            return None;
        }
        self.queue.pop();
        self.messages.remove(&sequence)
    }

    /// A server restart cuts every open connection: requests not yet processed and answers
    /// not yet delivered are lost.
    fn cut_all(&mut self) -> usize {
        let lost = self.messages.len();
        self.queue.clear();
        self.messages.clear();
        lost
    }
}

#[derive(Clone, Debug, PartialEq)]
enum CreatedKind {
    Valid,
    Invalid,
    /// Reuses the id of another device's statement with a different body, as a buggy client
    /// might; the server must keep exactly one of the two.
    ConflictingCopy,
}

struct Created {
    device: usize,
    id: Uuid,
    body: Value,
    kind: CreatedKind,
    /// Whether the device had learned the server's clock when it wrote the timestamp, and how
    /// far off the timestamp was from the simulation's true time.
    timestamp_error_ms: Option<i64>,
}

struct Device {
    index: usize,
    store: InMemoryStore,
    engine: SyncEngine,
    incarnation: u32,
    clock_skew_ms: i64,
    online: bool,
    token: u32,
    /// When the learner signs in again after being signed out.
    signs_in_at_ms: Option<i64>,
    created_count: u32,
    /// The request most recently sent, until its first answer arrives.
    outstanding_request: Option<u64>,
}

impl Device {
    fn now(&self, true_now_ms: i64) -> i64 {
        true_now_ms + self.clock_skew_ms
    }
}

struct Simulation {
    rng: SmallRng,
    now_ms: i64,
    config: SyncConfig,
    faults: Faults,
    server: SimServer,
    network: Network,
    devices: Vec<Device>,
    created: Vec<Created>,
    run: Totals,
}

fn simulate(seed: u64) -> Result<Totals, String> {
    let mut rng = SmallRng::seed_from_u64(seed);
    let device_count = rng.gen_range(2..=3);
    let config = SyncConfig {
        push_batch_size: rng.gen_range(1..=6),
        pull_page_limit: rng.gen_range(1..=8),
        pull_overlap_ms: OVERLAP_MS,
        pull_interval_ms: rng.gen_range(3_000..=10_000),
        record_debounce_ms: rng.gen_range(0..=300),
        request_timeout_ms: 2_000,
        backoff: BackoffPolicy {
            initial_delay_ms: 200,
            max_delay_ms: 4_000,
        },
    };
    let behaviour = ServerBehaviour {
        conflict_on_identical: rng.gen_bool(0.5),
        consistent_through: match rng.gen_range(0..3) {
            0 => ConsistentThrough::Honest,
            1 => ConsistentThrough::Optimistic,
            _ => ConsistentThrough::Absent,
        },
        commit_delay_max_ms: rng.gen_range(0..=OVERLAP_MS),
        max_page_size: rng.gen_range(2..=6),
    };
    let faults = Faults::chaotic(&mut rng);
    let devices = (0..device_count)
        .map(|index| Device {
            index,
            store: InMemoryStore::new(),
            engine: SyncEngine::with_seed(config.clone(), rng.gen()),
            incarnation: 0,
            clock_skew_ms: rng.gen_range(-3_600_000..=3_600_000),
            online: true,
            token: 0,
            signs_in_at_ms: None,
            created_count: 0,
            outstanding_request: None,
        })
        .collect();
    let mut simulation = Simulation {
        rng,
        now_ms: START_MS,
        config,
        faults,
        server: SimServer::new(behaviour, device_count),
        network: Network::default(),
        devices,
        created: Vec::new(),
        run: Totals::default(),
    };
    simulation.run_chaos()?;
    simulation.run_quiet()?;
    simulation.check()?;
    simulation.run.identical_conflicts = simulation.server.identical_conflicts_sent;
    Ok(simulation.run)
}

impl Simulation {
    fn run_chaos(&mut self) -> Result<(), String> {
        let end = self.now_ms + CHAOS_MS;
        while self.now_ms < end {
            self.inject_faults_and_learning();
            self.tick()?;
        }
        Ok(())
    }

    fn run_quiet(&mut self) -> Result<(), String> {
        self.faults = Faults::quiet(self.faults.max_delay_ms.min(500));
        self.server.down_until_ms = i64::MIN;
        for device in 0..self.devices.len() {
            if !self.devices[device].online {
                self.devices[device].online = true;
                let now = self.devices[device].now(self.now_ms);
                self.devices[device].engine.handle(now, Event::Online);
            }
            if self.devices[device].signs_in_at_ms.is_some() {
                self.sign_in(device);
            }
        }
        let end = self.now_ms + QUIET_LIMIT_MS;
        while self.now_ms < end {
            let next_wake = self.tick()?;
            if self.converged() {
                self.run.quiet_ms = self.now_ms + QUIET_LIMIT_MS - end;
                return Ok(());
            }
            // Nothing random happens in the quiet phase, so the clock may jump straight to the
            // next delivery or wake-up instead of ticking through idle time.
            if let Some(next_wake) = next_wake {
                self.now_ms = self.now_ms.max(next_wake);
            }
        }
        Err(format!(
            "no convergence {QUIET_LIMIT_MS} ms into the quiet phase: {}",
            self.describe()
        ))
    }

    fn inject_faults_and_learning(&mut self) {
        let faults = self.faults.clone();
        if self.rng.gen_bool(faults.server_restart_per_tick) {
            self.run.server_restarts += 1;
            self.network.cut_all();
            self.server.down_until_ms = self.now_ms + self.rng.gen_range(0..3_000);
        }
        for device in 0..self.devices.len() {
            if self.rng.gen_bool(faults.crash_per_tick) {
                self.crash(device);
            }
            if self.rng.gen_bool(faults.offline_toggle_per_tick) {
                let online = !self.devices[device].online;
                self.devices[device].online = online;
                let now = self.devices[device].now(self.now_ms);
                let event = if online {
                    Event::Online
                } else {
                    Event::Offline
                };
                self.devices[device].engine.handle(now, event);
            }
            if self.devices[device].signs_in_at_ms.is_none()
                && self.rng.gen_bool(faults.sign_out_per_tick)
            {
                // The server revokes the device's token; the learner signs in again later.
                self.run.sign_outs += 1;
                self.server.token_generations[device] += 1;
                self.devices[device].signs_in_at_ms =
                    Some(self.now_ms + self.rng.gen_range(500..8_000));
            }
            if self.devices[device]
                .signs_in_at_ms
                .is_some_and(|at| self.now_ms >= at)
            {
                self.sign_in(device);
            }
            if self.rng.gen_bool(faults.create_per_tick) {
                self.create_statement(device);
            }
        }
    }

    fn sign_in(&mut self, device: usize) {
        self.devices[device].signs_in_at_ms = None;
        self.devices[device].token = self.server.token_generations[device];
        let now = self.devices[device].now(self.now_ms);
        self.devices[device]
            .engine
            .handle(now, Event::CredentialsChanged);
    }

    /// The client process dies: the engine's memory is gone, the store survives, and a new
    /// engine is built from it as on the next page load.
    fn crash(&mut self, device: usize) {
        self.run.crashes += 1;
        let seed = self.rng.gen();
        let state = &mut self.devices[device];
        state.incarnation += 1;
        state.engine = SyncEngine::with_seed(self.config.clone(), seed);
        if !state.online {
            let now = state.now(self.now_ms);
            state.engine.handle(now, Event::Offline);
        }
    }

    /// A learner answers something: the client writes the statement durably, then tells the
    /// engine.
    fn create_statement(&mut self, device: usize) {
        let device_now = self.devices[device].now(self.now_ms);
        let offset = self.devices[device].engine.clock_offset();
        let timestamp_ms = offset.map_or(device_now, |offset| offset.server_time(device_now));
        let timestamp_error_ms = offset.map(|_| timestamp_ms - self.now_ms);
        let roll: f64 = self.rng.gen();
        let copy_target = if roll < self.faults.conflict_share {
            self.conflict_target(device)
        } else {
            None
        };
        let kind = if copy_target.is_some() {
            CreatedKind::ConflictingCopy
        } else if roll < self.faults.conflict_share + self.faults.invalid_share {
            CreatedKind::Invalid
        } else {
            CreatedKind::Valid
        };
        let id = copy_target.unwrap_or_else(|| {
            let random_bytes: [u8; 10] = self.rng.gen();
            uuid::Builder::from_unix_timestamp_millis(device_now as u64, &random_bytes).into_uuid()
        });
        let sequence = self.devices[device].created_count;
        self.devices[device].created_count += 1;
        let scaled = if kind == CreatedKind::Invalid {
            1.5
        } else {
            f64::from(self.rng.gen_range(0..=10)) / 10.0
        };
        let body = json!({
            "id": id.to_string(),
            "verb": "answered",
            "object": format!("lesson/{}/device/{device}/{sequence}", self.rng.gen_range(0..20)),
            "result": {"score": {"scaled": scaled}},
            "timestamp": format_stored(timestamp_ms),
        });
        let statement =
            SyncStatement::new(id, body.clone()).expect("the simulation writes objects");
        let state = &mut self.devices[device];
        if state.store.append(statement).is_err() {
            // Only a copied id can already be known here, and conflict_target rules that out.
            panic!("append refused a fresh id on device {device}");
        }
        state.engine.handle(device_now, Event::StatementRecorded);
        self.run.statements_created += 1;
        self.created.push(Created {
            device,
            id,
            body,
            kind,
            timestamp_error_ms,
        });
    }

    /// A valid statement of another device that this device has never seen, to copy the id of.
    fn conflict_target(&mut self, device: usize) -> Option<Uuid> {
        let candidates: Vec<Uuid> = self
            .created
            .iter()
            .filter(|created| created.device != device && created.kind == CreatedKind::Valid)
            .filter(|created| {
                !self
                    .created
                    .iter()
                    .any(|other| other.id == created.id && other.device == device)
            })
            .filter(|created| !self.devices[device].store.log_contains(created.id))
            .map(|created| created.id)
            .collect();
        if candidates.is_empty() {
            return None;
        }
        Some(candidates[self.rng.gen_range(0..candidates.len())])
    }

    /// Delivers due messages and runs every device's sync task, then moves the clock on by a
    /// tick. Returns the earliest time anything wants to happen next.
    fn tick(&mut self) -> Result<Option<i64>, String> {
        self.deliver_messages();
        let mut next_wake: Option<i64> = None;
        for device in 0..self.devices.len() {
            if let Some(wake) = self.drive(device)? {
                next_wake = Some(next_wake.map_or(wake, |earlier| earlier.min(wake)));
            }
        }
        // Read after driving, since the devices have just sent requests.
        if let Some(delivery) = self.network.next_delivery() {
            next_wake = Some(next_wake.map_or(delivery, |earlier| earlier.min(delivery)));
        }
        self.now_ms += TICK_MS;
        Ok(next_wake)
    }

    fn deliver_messages(&mut self) {
        while let Some(message) = self.network.next_due(self.now_ms) {
            match message {
                Message::Request {
                    device,
                    incarnation,
                    request,
                    token,
                    body,
                } => {
                    let refused_on_the_way = matches!(body, RequestBody::Push(_))
                        && self.rng.gen_bool(self.faults.unnamed_refusal);
                    let outcome = if refused_on_the_way {
                        // A proxy answers in the server's place, naming nothing.
                        self.run.unnamed_refusals += 1;
                        let status = [400, 409, 404][self.rng.gen_range(0..3)];
                        Ok(reply(status, "<html>refused by a proxy</html>".to_owned()))
                    } else if self.server.is_up(self.now_ms) {
                        let response =
                            self.server
                                .handle(self.now_ms, device, token, &body, &mut self.rng);
                        Ok(response)
                    } else {
                        Err("connection refused".to_owned())
                    };
                    if self.rng.gen_bool(self.faults.drop_response) {
                        self.run.responses_dropped += 1;
                        continue;
                    }
                    let copies = if self.rng.gen_bool(self.faults.duplicate) {
                        self.run.duplicated += 1;
                        2
                    } else {
                        1
                    };
                    for _ in 0..copies {
                        let delay = self.rng.gen_range(0..=self.faults.max_delay_ms);
                        self.network.send(
                            self.now_ms + delay,
                            Message::Answer {
                                device,
                                incarnation,
                                request,
                                outcome: outcome.clone(),
                            },
                        );
                    }
                }
                Message::Answer {
                    device,
                    incarnation,
                    request,
                    outcome,
                } => {
                    let state = &mut self.devices[device];
                    if state.incarnation != incarnation {
                        continue;
                    }
                    if state.outstanding_request == Some(request) {
                        state.outstanding_request = None;
                    } else {
                        // A duplicate, or the answer to a request the engine already gave up
                        // on: the engine must ignore it.
                        self.run.late_answers += 1;
                    }
                    let now = state.now(self.now_ms);
                    let event = match outcome {
                        Ok(response) => Event::HttpResponse { request, response },
                        Err(message) => Event::NetworkError { request, message },
                    };
                    state.engine.handle(now, event);
                }
            }
        }
    }

    /// Runs one device's sync task until the engine has nothing to do this tick.
    /// Returns when (in simulation time) the device wants to be polled again, if ever.
    fn drive(&mut self, device: usize) -> Result<Option<i64>, String> {
        for _ in 0..MAX_ACTIONS_PER_TICK {
            let now = self.devices[device].now(self.now_ms);
            let action = self.devices[device].engine.poll(now);
            match action {
                Action::Store { request, operation } => {
                    let event = perform_store_operation(
                        &mut self.devices[device].store,
                        request,
                        &operation,
                    );
                    if self.rng.gen_bool(self.faults.crash_mid_step) {
                        // The write is durable but the engine never hears of it.
                        self.crash(device);
                        continue;
                    }
                    if let (
                        baeum_core::sync::StoreOperation::SettlePush(settlement),
                        Event::StoreCompleted { .. },
                    ) = (&operation, &event)
                    {
                        self.count_rejections(&settlement.rejected);
                    }
                    self.devices[device].engine.handle(now, event);
                }
                Action::Push(push) => {
                    self.run.pushes += 1;
                    let body = RequestBody::Push(push.body());
                    self.send_request(device, push.request, body);
                }
                Action::Pull(pull) => {
                    self.run.pulls += 1;
                    self.send_request(device, pull.request, RequestBody::Pull(pull.query));
                }
                Action::SleepUntil(wake) => {
                    return Ok(Some(wake - self.devices[device].clock_skew_ms))
                }
                Action::Idle => return Ok(None),
            }
        }
        Err(format!(
            "device {} took {MAX_ACTIONS_PER_TICK} actions in one tick: the engine is livelocked",
            self.devices[device].index
        ))
    }

    fn count_rejections(&mut self, rejected: &[baeum_core::sync::RejectedStatement]) {
        for rejected in rejected {
            match rejected.reason {
                RejectionReason::Invalid { .. } => self.run.rejected_invalid += 1,
                RejectionReason::Conflict { .. } => self.run.rejected_conflicts += 1,
                RejectionReason::TooLarge => {}
            }
        }
        if self.server.behaviour.conflict_on_identical {
            self.run.rejections_by_strict_servers += rejected.len() as u64;
        }
    }

    fn send_request(&mut self, device: usize, request: u64, body: RequestBody) {
        self.devices[device].outstanding_request = Some(request);
        let state = &self.devices[device];
        if !state.online {
            // fetch fails at once without a network; the client reports it straight away.
            let now = state.now(self.now_ms);
            self.devices[device].engine.handle(
                now,
                Event::NetworkError {
                    request,
                    message: "offline".to_owned(),
                },
            );
            return;
        }
        if self.rng.gen_bool(self.faults.drop_request) {
            self.run.requests_dropped += 1;
            return;
        }
        let copies = if self.rng.gen_bool(self.faults.duplicate) {
            self.run.duplicated += 1;
            2
        } else {
            1
        };
        for _ in 0..copies {
            let delay = self.rng.gen_range(0..=self.faults.max_delay_ms);
            self.network.send(
                self.now_ms + delay,
                Message::Request {
                    device,
                    incarnation: state.incarnation,
                    request,
                    token: state.token,
                    body: body.clone(),
                },
            );
        }
    }

    fn server_statements(&self) -> BTreeMap<Uuid, &Value> {
        self.server
            .records
            .iter()
            .map(|record| (record.id, &record.body))
            .collect()
    }

    fn converged(&self) -> bool {
        // Cheap checks first: this runs after every quiet tick.
        let server_count = self.server.records.len();
        let settled = self
            .devices
            .iter()
            .all(|device| device.store.outbox_len() == 0 && device.store.log_len() == server_count);
        if !settled {
            return false;
        }
        let idle = self.devices.iter().all(|device| {
            let status = device.engine.status();
            status.waiting_count == 0 && status.activity == SyncActivity::UpToDate
        });
        if !idle {
            return false;
        }
        let server = self.server_statements();
        self.devices.iter().all(|device| {
            device
                .store
                .log_entries()
                .all(|(id, body)| server.get(&id) == Some(&body))
        })
    }

    fn describe(&self) -> String {
        let server = self.server_statements();
        let devices: Vec<String> = self
            .devices
            .iter()
            .map(|device| {
                let log = device.store.log().unwrap_or_default();
                let missing: Vec<String> = self
                    .server
                    .records
                    .iter()
                    .filter(|record| !log.iter().any(|statement| statement.id() == record.id))
                    .map(|record| {
                        format!(
                            "{} stored {} visible {}",
                            record.id, record.stored_ms, record.visible_at_ms
                        )
                    })
                    .collect();
                format!(
                    "device {}: log {}, missing {missing:?}, outbox {}, cursor {:?}, device time {}, status {:?}",
                    device.index,
                    log.len(),
                    device.store.outbox_len(),
                    device.store.pull_cursor(),
                    device.now(self.now_ms),
                    device.engine.status()
                )
            })
            .collect();
        format!(
            "at {} the server holds {}, behaviour {:?}; {}",
            self.now_ms,
            server.len(),
            self.server.behaviour,
            devices.join("; ")
        )
    }

    /// The final assertions, once everything converged.
    fn check(&self) -> Result<(), String> {
        let server = self.server_statements();
        for (id, count) in &self.server.insertions {
            if *count != 1 {
                return Err(format!("statement {id} was stored {count} times"));
            }
        }
        let copies_of = |id: Uuid| {
            self.created
                .iter()
                .filter(|created| created.id == id)
                .count()
        };
        for created in &self.created {
            let device = &self.devices[created.device];
            let rejected = device
                .store
                .rejected()
                .into_iter()
                .find(|rejected| rejected.statement.id() == created.id);
            match created.kind {
                CreatedKind::Invalid => {
                    if server.contains_key(&created.id) {
                        return Err(format!(
                            "invalid statement {} reached the server",
                            created.id
                        ));
                    }
                    match rejected {
                        Some(rejected) if matches!(rejected.reason, RejectionReason::Invalid { .. })
                            && rejected.statement.body() == &created.body => {}
                        other => {
                            return Err(format!(
                                "invalid statement {} is not set aside as invalid on device {}: {other:?}",
                                created.id, created.device
                            ))
                        }
                    }
                }
                CreatedKind::Valid | CreatedKind::ConflictingCopy => {
                    let Some(stored) = server.get(&created.id) else {
                        return Err(format!(
                            "statement {} of device {} never reached the server; {}",
                            created.id,
                            created.device,
                            self.describe()
                        ));
                    };
                    let won = *stored == &created.body;
                    if copies_of(created.id) == 1 && !won {
                        return Err(format!("the server changed statement {}", created.id));
                    }
                    match (won, rejected) {
                        (true, None) => {}
                        (false, Some(rejected))
                            if matches!(rejected.reason, RejectionReason::Conflict { .. })
                                && rejected.statement.body() == &created.body => {}
                        (won, other) => {
                            return Err(format!(
                                "statement {} of device {}: stored as sent {won}, set aside as {other:?}",
                                created.id, created.device
                            ))
                        }
                    }
                }
            }
            if let Some(error) = created.timestamp_error_ms {
                // The Date header has whole seconds (half a second of error once centred) and
                // the answer carrying it may have been delayed in the network, and delivered
                // on the next tick.
                let tolerance = 500 + MAX_DELAY_MS + TICK_MS;
                if error.abs() > tolerance {
                    return Err(format!(
                        "statement {} has a timestamp {error} ms off the true time",
                        created.id
                    ));
                }
            }
        }
        for record in &self.server.records {
            if !self.created.iter().any(|created| created.id == record.id) {
                return Err(format!(
                    "the server holds {} that nobody created",
                    record.id
                ));
            }
        }
        for device in &self.devices {
            if device.store.outbox_len() != 0 {
                return Err(format!("device {} still has an outbox", device.index));
            }
            let log = device.store.log().map_err(|error| error.to_string())?;
            let log: BTreeMap<Uuid, &Value> = log
                .iter()
                .map(|statement| (statement.id(), statement.body()))
                .collect();
            if log.len() != server.len()
                || log.iter().any(|(id, body)| server.get(id) != Some(body))
            {
                return Err(format!(
                    "device {} holds a different set of statements than the server",
                    device.index
                ));
            }
            let status = device.engine.status();
            if status.waiting_count != 0 || status.last_problem.is_some() {
                return Err(format!(
                    "device {} status after quiet: {status:?}",
                    device.index
                ));
            }
            if status.rejected != device.store.rejected() {
                return Err(format!(
                    "device {} shows a different rejected list than it stores",
                    device.index
                ));
            }
        }
        Ok(())
    }
}
