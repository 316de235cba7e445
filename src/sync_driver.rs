//! Drives core's sans-IO [`SyncEngine`] in the browser: one background task performs the
//! engine's actions against IndexedDB and the network, and a [`SyncHandle`] lets the UI record
//! statements, show the sync status and change who is signed in.
//!
//! The task's loop (see core's `sync::engine` documentation for the protocol):
//! - `Action::Store`: one IndexedDB transaction ([`LocalDatabase::perform`]).
//! - `Action::Push` / `Action::Pull`: a request through the [`Transport`] with the bearer token
//!   and the xAPI version header, with the engine's request timeout. Without a session
//!   no request is sent at all: the engine is answered with a 401 made up here, which parks it
//!   as "signed out" until the learner signs in.
//! - `Action::SleepUntil`: a `setTimeout`, cut short by a wake-up.
//! - `Action::Idle`: nothing at all until a wake-up, so an offline device spends no time here.
//!
//! Wake-ups come from the browser's `online`/`offline` events, from [`SyncHandle::record`],
//! [`SyncHandle::sync_now`] (the lesson recorder calls it when a lesson ends), sign-in or
//! sign-out, and [`SyncHandle::send_rejected_again`]. The transport is a trait so that browser
//! tests can put a scripted server in its place (`sync_transport.rs`); what the learner is told
//! about sync is `sync_status.rs`.
//!
//! The engine's code (core's engine, the push and pull requests and the outbox operations) is
//! only needed once there is anything to sync, so a driver starts it through an
//! [`EngineStart`]: the teachers' app and the browser tests at once, the learners' app from a
//! wasm chunk (split point `sync_engine`) when the device holds a session or a statement, or
//! when one is recorded. A first visit, always a guest's with an empty log, never fetches it.
//! Recording does not wait for it: a statement is written to IndexedDB by the driver itself,
//! and the engine, whenever it starts, reads the outbox from there and pushes what waits.
//!
//! Tabs: every tab of the app runs its own driver over the same database. Signing in or out in
//! one tab is told to the others on a `BroadcastChannel`, and each driver also re-reads the
//! stored session before it records a statement (for a browser without the channel, or a
//! message that came late), so a stale tab never records as a learner who already left, and a
//! guest's statements recorded there move to the account like the rest.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

use baeum_core::record::{guest_actor, Actor, Statement};
use baeum_core::sync::{
    is_own_more_link, Action, ClockOffset, Event, HttpResponse, PullAction, PullRequest,
    PushAction, StoreReply, SyncActivity, SyncConfig, SyncEngine, SyncStatement, SyncStatus,
};
use futures::future::{select, FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;
use serde_json::Value;
use uuid::Uuid;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::account::{AccountView, Session};
use crate::browser;
use crate::chunks::ChunkLoadError;
use crate::http::Method;
use crate::storage::{LocalDatabase, StorageError, DATABASE_NAME};
use crate::sync_status::SyncStatusView;
use crate::sync_transport::{FetchTransport, Transport, TransportRequest};

mod handle;

pub use handle::{provide_sync, use_sync, SyncHandle};

// ----- options --------------------------------------------------------------------------------

/// How a [`SyncHandle`] is set up.
#[derive(Clone, Debug)]
pub struct SyncOptions {
    pub database_name: String,
    /// Prefix of the server's URLs: empty for the page's own origin.
    pub base_url: String,
    pub config: SyncConfig,
    /// Seed of the engine's retry jitter; each device should have its own.
    pub seed: u64,
}

impl Default for SyncOptions {
    fn default() -> Self {
        Self {
            database_name: DATABASE_NAME.to_owned(),
            base_url: String::new(),
            config: SyncConfig::default(),
            seed: random_seed(),
        }
    }
}

fn random_seed() -> u64 {
    // `Math.random` is good enough to spread retries of different devices apart.
    let high = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
    let low = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
    (high << 32) | low
}

fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

// ----- wake-ups and timers --------------------------------------------------------------------

/// A wake-up flag the sync task waits on. A wake-up that arrives while the task is busy is
/// kept, so the task looks at the engine once more instead of missing it.
#[derive(Default)]
struct WakeSignal {
    woken: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

impl WakeSignal {
    fn notify(&self) {
        self.woken.set(true);
        if let Some(waker) = self.waker.borrow_mut().take() {
            waker.wake();
        }
    }

    fn wait(&self) -> WakeFuture<'_> {
        WakeFuture { signal: self }
    }
}

struct WakeFuture<'a> {
    signal: &'a WakeSignal,
}

impl Future for WakeFuture<'_> {
    type Output = ();

    fn poll(self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<()> {
        if self.signal.woken.replace(false) {
            Poll::Ready(())
        } else {
            *self.signal.waker.borrow_mut() = Some(context.waker().clone());
            Poll::Pending
        }
    }
}

/// A `setTimeout` as a future; dropping it clears the timer, so a sleep cut short by a
/// wake-up leaves nothing behind.
pub(crate) struct Sleep {
    timer: Option<i32>,
    done: JsFuture,
}

impl Sleep {
    pub(crate) fn new(delay_ms: i64) -> Self {
        // setTimeout takes a 32-bit delay; a longer sleep simply ends early and polls again.
        let delay = delay_ms.clamp(0, i64::from(i32::MAX)) as i32;
        let mut timer = None;
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            timer = web_sys::window().and_then(|window| {
                window
                    .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, delay)
                    .ok()
            });
        });
        Self {
            timer,
            done: JsFuture::from(promise),
        }
    }
}

impl Future for Sleep {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<()> {
        if self.timer.is_none() {
            // Without a window there is no timer; waking later is all that can be done.
            return Poll::Ready(());
        }
        Pin::new(&mut self.done).poll(context).map(|_| ())
    }
}

impl Drop for Sleep {
    fn drop(&mut self) {
        if let (Some(timer), Some(window)) = (self.timer, web_sys::window()) {
            window.clear_timeout_with_handle(timer);
        }
    }
}

// ----- the driver -----------------------------------------------------------------------------

/// A window event name and the closure listening to it, kept so it can be removed.
type ConnectivityListener = (&'static str, Closure<dyn Fn()>);

/// The channel on which tabs tell each other that the session changed, with its listener.
type SessionChannel = (
    web_sys::BroadcastChannel,
    Closure<dyn Fn(web_sys::MessageEvent)>,
);

/// The name of the channel tabs of one database share. Tests open many databases in one page,
/// so each database has its own.
fn session_channel_name(database_name: &str) -> String {
    format!("baeum-session:{database_name}")
}

type SharedDatabase = Shared<LocalBoxFuture<'static, Result<LocalDatabase, StorageError>>>;

/// What the driver asks of the engine. It is a trait object so that the engine's code is
/// reached only through the value [`run_engine`] makes, which is in a chunk in the learners'
/// app.
trait EngineSide {
    fn handle(&self, now_ms: i64, event: Event);
    fn poll(&self, now_ms: i64) -> Action;
    fn status(&self) -> SyncStatus;
    fn clock_offset(&self) -> Option<ClockOffset>;
    fn request_timeout_ms(&self) -> i64;
}

impl EngineSide for RefCell<SyncEngine> {
    fn handle(&self, now_ms: i64, event: Event) {
        self.borrow_mut().handle(now_ms, event);
    }

    fn poll(&self, now_ms: i64) -> Action {
        self.borrow_mut().poll(now_ms)
    }

    fn status(&self) -> SyncStatus {
        self.borrow().status()
    }

    fn clock_offset(&self) -> Option<ClockOffset> {
        self.borrow().clock_offset()
    }

    fn request_timeout_ms(&self) -> i64 {
        self.borrow().config().request_timeout_ms
    }
}

/// How a driver starts its engine (see the module documentation).
#[derive(Clone, Copy)]
pub struct EngineStart {
    /// Starts the engine over the driver: [`run_engine`], called here or in a chunk.
    pub start: fn(EngineHost) -> LocalBoxFuture<'static, Result<(), ChunkLoadError>>,
    /// Whether it starts with the driver, rather than once there is anything to sync.
    pub at_once: bool,
}

impl EngineStart {
    /// The engine's code in the calling module, started with the driver.
    pub fn here() -> Self {
        EngineStart {
            start: |host| {
                run_engine(host);
                Box::pin(async { Ok(()) })
            },
            at_once: true,
        }
    }
}

/// The driver an [`EngineStart`] starts the engine over.
pub struct EngineHost(Rc<Driver>);

/// Makes the driver's engine and runs its task: the code a chunk holds in the learners' app.
pub fn run_engine(host: EngineHost) {
    let driver = host.0;
    if driver.engine.borrow().is_some() || driver.stopped.get() {
        return;
    }
    let Some((config, seed)) = driver.engine_setup.borrow_mut().take() else {
        return;
    };
    let engine: Box<dyn EngineSide> = Box::new(RefCell::new(SyncEngine::with_seed(config, seed)));
    *driver.engine.borrow_mut() = Some(engine);
    driver.publish();
    wasm_bindgen_futures::spawn_local(run(driver));
}

/// Everything the sync task and the handle share.
struct Driver {
    /// The engine, once its code is in; events before it are dropped, since a new engine reads
    /// everything it needs from the database.
    engine: RefCell<Option<Box<dyn EngineSide>>>,
    /// The engine's configuration and seed, until it is made.
    engine_setup: RefCell<Option<(SyncConfig, u64)>>,
    engine_start: EngineStart,
    /// Whether the engine was asked for and its start has not failed.
    engine_asked: Cell<bool>,
    /// The outbox's size as the driver counted it, shown until the engine reports its own.
    waiting_before_engine: Cell<usize>,
    /// Whether the engine has read the device's state (its first store operation), so that
    /// its status, rather than the driver's count, is what the learner sees.
    engine_has_read_state: Cell<bool>,
    /// The driver itself, for starting the engine from `&self`.
    this: std::rc::Weak<Driver>,
    database: SharedDatabase,
    transport: Rc<dyn Transport>,
    base_url: String,
    session: RefCell<Option<Session>>,
    guest_id: Cell<Option<Uuid>>,
    /// What the browser last said about the network.
    online: Cell<bool>,
    wake: WakeSignal,
    stopped: Cell<bool>,
    /// A storage failure outside the engine's operations (the database did not open).
    storage_problem: RefCell<Option<String>>,
    published: RefCell<Option<SyncStatusView>>,
    set_status: WriteSignal<SyncStatusView>,
    set_account: WriteSignal<Option<AccountView>>,
    /// Notified once pulled statements are in the log and the pass that brought them has
    /// settled (not per page: what re-reads progress would blink once a page);
    /// `statements_pulled` counts them, `unannounced` those not yet told.
    pulled: ArcTrigger,
    statements_pulled: Cell<usize>,
    unannounced: Cell<usize>,
    listeners: RefCell<Vec<ConnectivityListener>>,
    session_channel: RefCell<Option<SessionChannel>>,
    /// Whether this page asked the browser to keep its storage, which it does on the first
    /// statement recorded.
    persistence_asked: Cell<bool>,
    /// What the app runs once, after the first statement this page records.
    after_first_statement: Cell<Option<fn()>>,
}

impl Driver {
    fn handle(&self, event: Event) {
        match self.engine.borrow().as_ref() {
            Some(engine) => engine.handle(now_ms(), event),
            None => self.ask_for_engine(),
        }
        self.publish();
        self.wake.notify();
    }

    /// Starts the engine once; a start that fails (its chunk could not be fetched, offline) is
    /// tried again on the next event, and nothing recorded meanwhile is lost: it waits in the
    /// outbox in IndexedDB.
    fn ask_for_engine(&self) {
        if self.engine_asked.replace(true) || self.stopped.get() {
            return;
        }
        let Some(driver) = self.this.upgrade() else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let start = driver.engine_start.start;
            if let Err(ChunkLoadError) = start(EngineHost(driver.clone())).await {
                leptos::logging::warn!("sync waits: its code could not be fetched");
                driver.engine_asked.set(false);
            }
        });
    }

    fn publish(&self) {
        let signed_in = self.session.borrow().is_some();
        let storage_problem = self.storage_problem.borrow().clone();
        let view = match self.engine.borrow().as_ref() {
            Some(engine) if self.engine_has_read_state.get() => {
                SyncStatusView::from_engine(engine.status(), signed_in, storage_problem)
            }
            _ => SyncStatusView::before_engine(
                self.waiting_before_engine.get(),
                signed_in,
                self.online.get(),
                storage_problem,
            ),
        };
        if view.activity != SyncActivity::Syncing && self.unannounced.replace(0) > 0 {
            self.pulled.notify();
        }
        if self.published.borrow().as_ref() == Some(&view) {
            return;
        }
        *self.published.borrow_mut() = Some(view.clone());
        // The signal is gone only when the owner that made the handle was disposed; the task
        // then has nobody to tell.
        let _ = self.set_status.try_set(view);
    }

    fn token(&self) -> Option<String> {
        self.session
            .borrow()
            .as_ref()
            .map(|session| session.token.clone())
    }

    fn url(&self, path: &str) -> String {
        if path.starts_with("http://") || path.starts_with("https://") {
            path.to_owned()
        } else {
            format!("{}{}", self.base_url, path)
        }
    }

    async fn send(&self, mut request: TransportRequest) -> Result<HttpResponse, String> {
        let timeout_ms = self
            .engine
            .borrow()
            .as_ref()
            .map_or(0, |engine| engine.request_timeout_ms());
        request.timeout_ms = Some(u32::try_from(timeout_ms.max(1)).unwrap_or(u32::MAX));
        self.transport
            .send(request)
            .await
            .map_err(|error| error.to_string())
    }

    /// Without a session there is nobody to push as: the engine is told so with a 401, and no
    /// request leaves the device.
    fn signed_out_answer() -> HttpResponse {
        HttpResponse {
            status: 401,
            body: r#"{"error":"not signed in on this device"}"#.to_owned(),
            date: None,
            consistent_through: None,
        }
    }

    async fn push(&self, push: PushAction) -> Event {
        let request_id = push.request;
        let Some(token) = self.token() else {
            return Event::HttpResponse {
                request: request_id,
                response: Self::signed_out_answer(),
            };
        };
        let request = TransportRequest {
            method: Method::Post,
            url: self.url("/xapi/statements"),
            bearer_token: Some(token),
            xapi: true,
            body: Some(push.body()),
            timeout_ms: None,
        };
        answer_event(request_id, self.send(request).await)
    }

    async fn pull(&self, pull: PullAction) -> Event {
        let request_id = pull.request;
        let session = self.session.borrow().clone();
        let Some(session) = session else {
            return Event::HttpResponse {
                request: request_id,
                response: Self::signed_out_answer(),
            };
        };
        let url = match &pull.query {
            // Core refuses any other `more` link as a malformed page; this keeps the token from
            // ever being sent elsewhere even if that changed.
            PullRequest::More { url } if !is_own_more_link(url) => {
                return Event::NetworkError {
                    request: request_id,
                    message: "a more link that is not this server's was not followed".to_owned(),
                };
            }
            PullRequest::More { url } => self.url(url),
            since @ PullRequest::Since { .. } => {
                let agent = match crate::json::write(&session.account.actor) {
                    Ok(agent) => agent,
                    Err(error) => {
                        return Event::NetworkError {
                            request: request_id,
                            message: error.to_string(),
                        }
                    }
                };
                let mut query = vec![format!("agent={}", js_sys::encode_uri_component(&agent))];
                for (name, value) in since.query_parameters() {
                    query.push(format!("{name}={}", js_sys::encode_uri_component(&value)));
                }
                self.url(&format!("/xapi/statements?{}", query.join("&")))
            }
        };
        let request = TransportRequest {
            method: Method::Get,
            url,
            bearer_token: Some(session.token),
            xapi: true,
            body: None,
            timeout_ms: None,
        };
        answer_event(request_id, self.send(request).await)
    }

    fn listen_to_connectivity(self: &Rc<Self>) {
        let Some(window) = web_sys::window() else {
            return;
        };
        for (name, online) in [("online", true), ("offline", false)] {
            let driver = Rc::downgrade(self);
            let closure = Closure::<dyn Fn()>::new(move || {
                if let Some(driver) = driver.upgrade() {
                    driver.online.set(online);
                    driver.handle(if online {
                        Event::Online
                    } else {
                        Event::Offline
                    });
                }
            });
            if window
                .add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())
                .is_ok()
            {
                self.listeners.borrow_mut().push((name, closure));
            }
        }
    }

    /// Listens for other tabs saying that the session changed. Without `BroadcastChannel` the
    /// re-read before each record ([`Driver::adopt_stored_session`]) is what notices.
    fn listen_to_other_tabs(self: &Rc<Self>, database_name: &str) {
        let Ok(channel) = web_sys::BroadcastChannel::new(&session_channel_name(database_name))
        else {
            return;
        };
        let driver = Rc::downgrade(self);
        let closure = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |_| {
            let Some(driver) = driver.upgrade() else {
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(error) = driver.adopt_stored_session().await {
                    leptos::logging::warn!("the session another tab changed was not read: {error}");
                }
            });
        });
        channel.set_onmessage(Some(closure.as_ref().unchecked_ref()));
        *self.session_channel.borrow_mut() = Some((channel, closure));
    }

    /// Tells the other tabs that the stored session changed; they read it themselves, so no
    /// token crosses the channel.
    fn tell_other_tabs(&self) {
        if let Some((channel, _)) = self.session_channel.borrow().as_ref() {
            let _ = channel.post_message(&JsValue::from_str("session-changed"));
        }
    }

    /// Takes the stored session as this tab's when another tab signed in or out since this
    /// driver last looked. Signing in re-attributes the guest's unsent statements, as
    /// [`SyncHandle::set_session`] does in the tab where it happened.
    async fn adopt_stored_session(self: &Rc<Self>) -> Result<(), StorageError> {
        let database = self.database.clone().await?;
        let stored = database.get_session().await?;
        let current = self.token();
        if stored.as_ref().map(|session| &session.token) == current.as_ref() {
            return Ok(());
        }
        match stored {
            Some(session) => {
                self.take_session(&database, session).await?;
            }
            None => self.forget_session(),
        }
        Ok(())
    }

    /// Gives the guest's unsent statements the account's actor, then makes `session` this
    /// driver's and syncs with it. Returns how many statements were re-attributed.
    async fn take_session(
        &self,
        database: &LocalDatabase,
        session: Session,
    ) -> Result<usize, StorageError> {
        let reattributed = reattribute_guest_statements(database, &session).await?;
        let account = session.account.clone();
        *self.session.borrow_mut() = Some(session);
        let _ = self.set_account.try_set(Some(account));
        self.handle(Event::CredentialsChanged);
        Ok(reattributed)
    }

    /// Forgets the session in this driver (the stored one is already gone).
    fn forget_session(&self) {
        *self.session.borrow_mut() = None;
        let _ = self.set_account.try_set(None);
        self.publish();
        self.wake.notify();
    }

    /// After a statement was appended: counts it while the engine is not running yet, tells the
    /// engine, and asks to keep storage.
    fn recorded(&self) {
        if self.engine.borrow().is_none() {
            self.waiting_before_engine
                .set(self.waiting_before_engine.get() + 1);
        }
        self.handle(Event::StatementRecorded);
        self.ask_to_keep_storage_once();
    }

    /// Asks the browser, once per page, to keep this origin's data: the first statement
    /// recorded is the first thing here that only exists on this device.
    fn ask_to_keep_storage_once(&self) {
        if self.persistence_asked.replace(true) {
            return;
        }
        if let Some(hook) = self.after_first_statement.take() {
            hook();
        }
        // The request is made now; its answer (shown on the device page) changes nothing here.
        let answer = browser::request_persistent_storage();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = answer.await;
        });
    }

    fn stop_listening(&self) {
        if let Some((channel, _closure)) = self.session_channel.borrow_mut().take() {
            channel.set_onmessage(None);
            channel.close();
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        for (name, closure) in self.listeners.borrow_mut().drain(..) {
            let _ =
                window.remove_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
        }
    }

    /// Now, corrected by the clock offset learned from the server, as RFC 3339 in the device's
    /// own UTC offset (a learner's day is their local day, which streaks count by).
    fn timestamp_now(&self) -> Result<String, StorageError> {
        let offset = self
            .engine
            .borrow()
            .as_ref()
            .and_then(|engine| engine.clock_offset());
        local_timestamp(now_ms(), offset)
            .map_err(|error| StorageError::InvalidStatement(error.to_string()))
    }

    /// The actor statements are recorded for: the signed-in account's, else this device's
    /// guest learner's.
    fn actor(&self) -> Option<Actor> {
        if let Some(session) = self.session.borrow().as_ref() {
            return Some(session.account.actor.clone());
        }
        self.guest_id.get().map(guest_actor)
    }
}

/// The time `device_ms`, corrected by `offset`, written in RFC 3339 with the device's UTC
/// offset at that moment, e.g. `2026-11-23T17:00:00.000+09:00`.
pub fn local_timestamp(
    device_ms: i64,
    offset: Option<ClockOffset>,
) -> Result<String, baeum_core::sync::ClockError> {
    let offset = offset.unwrap_or_default();
    // `getTimezoneOffset` is UTC minus local time, in minutes, at that instant (so daylight
    // saving is taken into account).
    let corrected = offset.server_time(device_ms);
    let minutes_east =
        -(js_sys::Date::new(&JsValue::from_f64(corrected as f64)).get_timezone_offset() as i32);
    offset.corrected_local_timestamp(device_ms, minutes_east)
}

fn answer_event(request: u64, result: Result<HttpResponse, String>) -> Event {
    match result {
        Ok(response) => Event::HttpResponse { request, response },
        Err(message) => Event::NetworkError { request, message },
    }
}

/// Gives this device's guest learner's unsent statements the account's actor, in the same
/// durable way they were written (same ids: they never left the device). Returns how many.
async fn reattribute_guest_statements(
    database: &LocalDatabase,
    session: &Session,
) -> Result<usize, StorageError> {
    let guest = guest_actor(database.guest_learner_id().await?);
    database
        .reassign_unsent_statements(&guest, &session.account.actor)
        .await
}

/// Opens the database and loads the stored session and the guest learner id into the driver.
/// It runs once, shared by everyone who waits for the database, so nothing (a statement
/// recorded in the first moments, say) can see the database before it sees the session: a
/// signed-in learner's statement is never recorded as the guest's.
async fn open_and_load(
    database_name: String,
    driver: std::rc::Weak<Driver>,
) -> Result<LocalDatabase, StorageError> {
    let opened = open_and_load_into(database_name, driver.clone()).await;
    if let (Err(error), Some(driver)) = (&opened, driver.upgrade()) {
        *driver.storage_problem.borrow_mut() = Some(error.message());
        driver.publish();
    }
    opened
}

async fn open_and_load_into(
    database_name: String,
    driver: std::rc::Weak<Driver>,
) -> Result<LocalDatabase, StorageError> {
    let database = LocalDatabase::open(&database_name).await?;
    let session = database.get_session().await?;
    let guest_id = database.guest_learner_id().await?;
    let waiting = database.outbox_count().await?;
    let anything_logged = database.statements_in_log().await? > 0;
    if let Some(driver) = driver.upgrade() {
        let account = session.as_ref().map(|session| session.account.clone());
        // A session to sync with, or statements to push or set aside: the engine has work.
        let engine_has_work = session.is_some() || waiting > 0 || anything_logged;
        *driver.session.borrow_mut() = session;
        driver.guest_id.set(Some(guest_id));
        driver.waiting_before_engine.set(waiting);
        let _ = driver.set_account.try_set(account);
        driver.publish();
        if engine_has_work {
            driver.ask_for_engine();
        }
    }
    Ok(database)
}

/// Waits for the database and the stored session, then runs the engine.
async fn run(driver: Rc<Driver>) {
    let database = match driver.database.clone().await {
        Ok(database) => database,
        Err(error) => {
            *driver.storage_problem.borrow_mut() = Some(error.message());
            driver.publish();
            return;
        }
    };
    let engine = |driver: &Driver| -> Option<Action> {
        Some(driver.engine.borrow().as_ref()?.poll(now_ms()))
    };
    if !driver.online.get() {
        if let Some(engine) = driver.engine.borrow().as_ref() {
            engine.handle(now_ms(), Event::Offline);
        }
    }
    while !driver.stopped.get() {
        let Some(action) = engine(&driver) else {
            return;
        };
        driver.publish();
        match action {
            Action::Store { request, operation } => {
                // Only the signed-in learner's statements can be pushed with their token.
                let actor = driver
                    .session
                    .borrow()
                    .as_ref()
                    .map(|session| session.account.actor.clone());
                let event = database
                    .perform_for_actor(request, &operation, actor.as_ref())
                    .await;
                driver.engine_has_read_state.set(true);
                if let Event::StoreCompleted {
                    reply: StoreReply::PageStored { new_statements },
                    ..
                } = &event
                {
                    if *new_statements > 0 {
                        let pulled = driver.statements_pulled.get();
                        driver.statements_pulled.set(pulled + new_statements);
                        let waiting = driver.unannounced.get();
                        driver.unannounced.set(waiting + new_statements);
                    }
                }
                driver.handle(event);
            }
            Action::Push(push) => {
                let event = driver.push(push).await;
                driver.handle(event);
            }
            Action::Pull(pull) => {
                let event = driver.pull(pull).await;
                driver.handle(event);
            }
            Action::SleepUntil(at_ms) => {
                let delay = at_ms.saturating_sub(now_ms());
                let _ = select(Sleep::new(delay), driver.wake.wait()).await;
            }
            Action::Idle => driver.wake.wait().await,
        }
    }
}

/// Who a statement being recorded is for: this device's guest learner, and the signed-in
/// account, whose statements a guest's become.
struct RecordingActors {
    guest: Actor,
    account: Option<Actor>,
}
