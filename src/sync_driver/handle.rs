//! The UI's side of sync: [`SyncHandle`], `Copy` so components capture it freely, which
//! starts the driver (the parent module) and lets the UI record statements, read the sync status,
//! sign in and out, and follow statements pulled from the server. What the driver's task does is
//! the parent module's.

// The driver's own types, helpers and imports: this module is its other half.
use super::*;

/// The UI's side of sync: `Copy`, so components can capture it freely.
#[derive(Clone, Copy)]
pub struct SyncHandle {
    /// What to show about sync; updated whenever the engine's status changes.
    pub status: ReadSignal<SyncStatusView>,
    /// The signed-in account, or `None` for a guest.
    pub account: ReadSignal<Option<AccountView>>,
    driver: StoredValue<Rc<Driver>, LocalStorage>,
}

impl SyncHandle {
    /// Opens the database and starts the sync task with the real `fetch` transport, the
    /// default database and the page's own origin.
    pub fn start_in_browser(engine: EngineStart) -> Self {
        Self::start_with(SyncOptions::default(), Rc::new(FetchTransport), engine)
    }

    /// Starts the sync task with the engine's code here, at once. Returns at once; the
    /// database opens in the background and every method waits for it.
    pub fn start(options: SyncOptions, transport: Rc<dyn Transport>) -> Self {
        Self::start_with(options, transport, EngineStart::here())
    }

    /// Starts the driver, and its engine as `engine` says.
    pub fn start_with(
        options: SyncOptions,
        transport: Rc<dyn Transport>,
        engine: EngineStart,
    ) -> Self {
        let (status, set_status) = signal(SyncStatusView::default());
        let (account, set_account) = signal(None);
        let pulled = ArcTrigger::new();
        let database_name = options.database_name.clone();
        let online = web_sys::window().is_none_or(|window| window.navigator().on_line());
        let driver = Rc::new_cyclic(|weak_driver: &std::rc::Weak<Driver>| Driver {
            database: open_and_load(database_name, weak_driver.clone())
                .boxed_local()
                .shared(),
            engine: RefCell::new(None),
            engine_setup: RefCell::new(Some((options.config, options.seed))),
            engine_start: engine,
            engine_asked: Cell::new(false),
            waiting_before_engine: Cell::new(0),
            engine_has_read_state: Cell::new(false),
            this: weak_driver.clone(),
            transport,
            base_url: options.base_url.trim_end_matches('/').to_owned(),
            session: RefCell::new(None),
            guest_id: Cell::new(None),
            online: Cell::new(online),
            wake: WakeSignal::default(),
            stopped: Cell::new(false),
            storage_problem: RefCell::new(None),
            published: RefCell::new(None),
            set_status,
            set_account,
            pulled,
            statements_pulled: Cell::new(0),
            unannounced: Cell::new(0),
            listeners: RefCell::new(Vec::new()),
            session_channel: RefCell::new(None),
            persistence_asked: Cell::new(false),
            after_first_statement: Cell::new(None),
        });
        driver.listen_to_connectivity();
        driver.listen_to_other_tabs(&options.database_name);
        if engine.at_once {
            driver.ask_for_engine();
        }
        Self {
            status,
            account,
            driver: StoredValue::new_local(driver),
        }
    }

    fn driver(&self) -> Result<Rc<Driver>, StorageError> {
        self.driver
            .try_get_value()
            .ok_or_else(|| StorageError::Database {
                name: "SyncHandle".to_owned(),
                message: "the sync handle was disposed with its component".to_owned(),
            })
    }

    /// The open database, once it is open.
    pub async fn database(self) -> Result<LocalDatabase, StorageError> {
        let driver = self.driver()?;
        let database = driver.database.clone();
        database.await
    }

    /// Records a statement made by core's typed builders (a lesson's answers and its end):
    /// durably in the log and the outbox BEFORE this returns `Ok` (strict durability), then
    /// tells the engine, which pushes it when it can. It is written to IndexedDB through the
    /// browser as it is, so recording carries no JSON values in the learners' first load.
    ///
    /// The stored session is read again first, in case another tab signed in or out, and a
    /// statement made for this device's guest while someone is signed in is the account's.
    /// The first statement recorded asks the browser to keep this origin's storage.
    pub async fn record_statement(self, statement: Statement) -> Result<(), StorageError> {
        let mut statement = statement;
        let (driver, database, actors) = self.recording_actors().await?;
        if let Some(account) = actors.account {
            // Made for the guest by a tab that had not yet seen the sign-in.
            if statement.actor == actors.guest {
                statement.actor = account;
            }
        }
        database.append_statement(&statement).await?;
        driver.recorded();
        Ok(())
    }

    /// Records any statement given as JSON (a history file's, the browser tests'), as
    /// [`record_statement`](Self::record_statement) does. Missing parts are filled in: the `id`
    /// (a new UUIDv7), the `actor` (the signed-in account's, else this device's guest
    /// learner's) and the `timestamp` (now, corrected by the clock offset learned from the
    /// server's `Date` header).
    pub async fn record(self, statement: Value) -> Result<(), StorageError> {
        let (driver, database, actors) = self.recording_actors().await?;
        let mut statement = statement;
        let object = statement.as_object_mut().ok_or_else(|| {
            StorageError::InvalidStatement("a statement must be a json object".to_owned())
        })?;
        let as_json = |actor: &Actor| {
            serde_json::to_value(actor)
                .map_err(|error| StorageError::Serialization(error.to_string()))
        };
        let guest = as_json(&actors.guest)?;
        let account = actors.account.as_ref().map(as_json).transpose()?;
        match (object.get("actor"), account) {
            (None, account) => {
                object.insert("actor".to_owned(), account.unwrap_or(guest));
            }
            // Made for the guest by a tab that had not yet seen the sign-in.
            (Some(actor), Some(account)) if *actor == guest => {
                object.insert("actor".to_owned(), account);
            }
            _ => {}
        }
        if !object.contains_key("timestamp") {
            let timestamp = driver.timestamp_now()?;
            object.insert("timestamp".to_owned(), Value::String(timestamp));
        }
        let statement = if object.contains_key("id") {
            SyncStatement::from_body(statement)
        } else {
            SyncStatement::new(crate::uuid_v7::new_v7(), statement)
        }
        .map_err(|error| StorageError::InvalidStatement(error.to_string()))?;
        database.append(&statement).await?;
        driver.recorded();
        Ok(())
    }

    /// What recording needs first: the driver, the open database, and who a statement is for,
    /// after reading the stored session again.
    async fn recording_actors(
        self,
    ) -> Result<(Rc<Driver>, LocalDatabase, RecordingActors), StorageError> {
        let driver = self.driver()?;
        let database = driver.database.clone().await?;
        driver.adopt_stored_session().await?;
        let guest = guest_actor(match driver.guest_id.get() {
            Some(id) => id,
            None => database.guest_learner_id().await?,
        });
        let account = driver
            .session
            .borrow()
            .as_ref()
            .map(|session| session.account.actor.clone());
        Ok((driver, database, RecordingActors { guest, account }))
    }

    /// Puts statements the server refused back in the outbox, to be sent again once what made
    /// the server refuse them is fixed. Conflicts stay set aside (the server holds another
    /// statement under that id). Returns how many went back.
    pub async fn send_rejected_again(self, ids: &[Uuid]) -> Result<usize, StorageError> {
        let driver = self.driver()?;
        let database = driver.database.clone().await?;
        let restored = database.restore_rejected(ids).await?;
        driver.handle(Event::OutboxChanged);
        Ok(restored)
    }

    /// Runs `hook` once, after the first statement this page records (the learners' app
    /// fetches the code that adds up progress then, for home to show it offline).
    pub fn after_first_statement(self, hook: fn()) {
        if let Ok(driver) = self.driver() {
            driver.after_first_statement.set(Some(hook));
        }
    }

    /// "Sync now": retries at once instead of at the end of a backoff, when the browser says
    /// it is online.
    pub fn sync_now(self) {
        if let Ok(driver) = self.driver() {
            if driver.online.get() {
                driver.handle(Event::Online);
            } else {
                driver.wake.notify();
            }
        }
    }

    /// A statement timestamp for now: the device's time corrected by the server's clock,
    /// written with the device's UTC offset, as core's statement builders want it.
    pub fn timestamp_now(self) -> Result<String, StorageError> {
        self.driver()?.timestamp_now()
    }

    /// The actor new statements are recorded for, after reading the stored session again in
    /// case another tab signed in or out.
    pub async fn learner_actor(self) -> Result<Actor, StorageError> {
        let driver = self.driver()?;
        driver.adopt_stored_session().await?;
        if let Some(actor) = driver.actor() {
            return Ok(actor);
        }
        let database = driver.database.clone().await?;
        Ok(guest_actor(database.guest_learner_id().await?))
    }

    /// The signed-in session, if any.
    pub fn session(self) -> Option<Session> {
        self.driver().ok()?.session.borrow().clone()
    }

    pub(crate) fn transport(self) -> Result<Rc<dyn Transport>, StorageError> {
        Ok(self.driver()?.transport.clone())
    }

    pub(crate) fn url(self, path: &str) -> Result<String, StorageError> {
        Ok(self.driver()?.url(path))
    }

    /// Stores a new session and syncs with it. Statements this device's guest learner
    /// recorded, which never left the device, are first given the account's actor, in the same
    /// durable way they were written, so the learner's work before signing in is theirs.
    /// Returns how many statements were re-attributed.
    /// The other tabs are told, and take the session (and their guest statements) too.
    pub async fn set_session(self, session: Session) -> Result<usize, StorageError> {
        let driver = self.driver()?;
        let database = driver.database.clone().await?;
        // Before the session is stored, so no other tab can see the session while the guest's
        // statements are still the guest's; they are re-attributed again by `take_session`,
        // which finds any recorded in between.
        let before = reattribute_guest_statements(&database, &session).await?;
        database.put_session(&session).await?;
        let between = driver.take_session(&database, session).await?;
        driver.tell_other_tabs();
        Ok(before + between)
    }

    /// Forgets the session on this device. Statements still waiting stay in the outbox and
    /// go out when the same learner signs in again; another learner signing in on the same
    /// device neither sends nor takes them.
    /// The other tabs are told and forget it too.
    pub async fn sign_out(self) -> Result<(), StorageError> {
        let driver = self.driver()?;
        let database = driver.database.clone().await?;
        database.delete_session().await?;
        driver.forget_session();
        driver.tell_other_tabs();
        Ok(())
    }

    /// Subscribes the reactive code running now to statements pulled from the server: it runs
    /// again once they are in the log and the sync pass that brought them has settled, so what
    /// shows progress adds up a learner's history as it arrives on a new device, without a
    /// reload. (A method, not a field: one more field in this `Copy` handle, which hundreds of
    /// closures capture, cost each app about 1.2 KB gzip.)
    pub fn track_pulled(self) {
        if let Ok(driver) = self.driver() {
            driver.pulled.track();
        }
    }

    /// How many statements this page has stored from pulled pages so far.
    pub fn statements_pulled(self) -> usize {
        self.driver()
            .map_or(0, |driver| driver.statements_pulled.get())
    }

    /// Stops the sync task and its event listeners. Tests stop each driver they start,
    /// because all tests share one page.
    pub fn stop(self) {
        if let Ok(driver) = self.driver() {
            driver.stopped.set(true);
            driver.stop_listening();
            driver.wake.notify();
        }
    }
}

/// Puts the handle in the Leptos context of the calling component and its children.
pub fn provide_sync(handle: SyncHandle) {
    provide_context(handle);
}

/// The handle [`provide_sync`] provided, if any.
pub fn use_sync() -> Option<SyncHandle> {
    use_context::<SyncHandle>()
}
