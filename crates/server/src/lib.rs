//! baeum's school server.
//!
//! One function, [`app`], builds the whole HTTP surface so that tests drive it with
//! `tower::ServiceExt::oneshot` and no sockets, and `main.rs` only parses arguments, binds and
//! shuts down. Each concern lives in its own module:
//!
//! - [`static_files`]: the built client (`dist/`) and content packs, with cache headers and
//!   precompressed bodies.
//! - [`accounts`] and [`auth`]: sign-up, sessions and who is calling; [`account_admin`]:
//!   changing a password, signing out everywhere, deleting an account, teacher invitations and
//!   the `baeum-server admin` commands; [`limits`]: rate limits on guessing;
//!   [`hashing`]: the password-hashing threads.
//! - [`classes`], [`assignments`] and [`dashboard`]: what teachers do: classes with join
//!   codes, assignments with due dates, and progress computed from learners' statements.
//! - [`xapi_routes`]: the xAPI statement store under `/xapi/`.
//! - [`wellbeing`]: what a teacher sees of the check-ins learners shared with them (a
//!   check-in is otherwise its learner's alone).
//! - [`forward`]: forwarding every stored statement to another learning record store, and the
//!   admin's view of it.
//! - [`store`]: persistence behind the [`store::Store`] trait (SQLite by default).
//! - [`error`]: the one error type and its mapping to responses.
//! - [`security_headers`]: the Content-Security-Policy and other headers on every answer.
//! - [`sites`]: the cities' and schools' sites on one server: which a request is for, and
//!   their catalogues and first pages; [`site_admin`]: `baeum-server site …`; [`reports`]:
//!   per site, course and month, with small counts suppressed.

pub mod account_admin;
pub mod accounts;
pub mod assignments;
pub mod auth;
pub mod catalog_search;
pub mod class_teachers;
pub mod classes;
pub mod dashboard;
pub mod error;
pub mod forward;
pub mod hashing;
pub mod limits;
pub mod records;
pub mod reports;
pub mod security_headers;
pub mod site_admin;
pub mod site_api;
pub mod sites;
pub mod static_files;
pub mod store;
pub mod wellbeing;
pub mod xapi_routes;

use std::path::PathBuf;
use std::sync::Arc;

use axum::routing::get;
use axum::Router;

/// Where the server finds what it serves and keeps.
#[derive(Debug, Clone)]
pub struct Config {
    /// The client as built by Trunk (`dist/`), precompressed by xtask.
    pub dist_dir: PathBuf,
    /// Content packs as built by `cargo xtask content` (`target/content/`).
    pub content_dir: PathBuf,
    /// Where the SQLite database lives (`./data/`).
    pub data_dir: PathBuf,
    /// How clients reach this server, which decides what may cross the network (HTTP Basic
    /// passwords) and which headers are sent (HSTS).
    pub transport: Transport,
}

/// How clients reach the server: what `main.rs` binds decides it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Transport {
    /// Plain http on a loopback address: nothing crosses a network (development, tests, a
    /// reverse proxy on the same machine).
    #[default]
    LoopbackHttp,
    /// Plain http on a network address: anything sent, passwords included, can be read by
    /// anyone on the network.
    NetworkHttp,
    /// https (rustls) on any address.
    Https,
}

/// The xAPI `account.homePage` of every account's actor unless overridden with
/// [`AppState::with_account_home_page`]. It names the system the accounts live on and must
/// never change once statements are stored, because it is part of every learner's identifier;
/// a server's address can change (a school moves its box), so the default is a fixed IRL in the
/// reserved `.invalid` domain rather than the address the server happens to listen on.
pub const DEFAULT_ACCOUNT_HOME_PAGE: &str = "https://baeum.invalid/";

/// Shared state handed to every handler. Cloning it is cheap.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    /// Accounts, sessions, classes and statements.
    pub store: Arc<dyn store::Store>,
    /// `homePage` of the xAPI account actor of every account (see [`DEFAULT_ACCOUNT_HOME_PAGE`]).
    pub account_home_page: Arc<str>,
    /// Argon2id cost for new password hashes.
    pub password_params: argon2::Params,
    /// How much one account may store per UTC day (see [`store::DailyLimits`]).
    pub daily_limits: store::DailyLimits,
    /// Token buckets against guessing passwords and join codes (see [`limits`]).
    pub limiters: Arc<limits::Limiters>,
    /// The threads every password hash and verification runs on (see [`hashing`]).
    pub hashing: Arc<hashing::HashingPool>,
    /// HTTP Basic pairs verified lately (see [`auth::BasicRemembered`]).
    pub basic_remembered: Arc<auth::BasicRemembered>,
    /// Reverse proxies whose `X-Forwarded-For` names the client (see
    /// [`limits::ClientAddress`]); none unless the operator names them.
    pub trusted_proxies: Arc<[std::net::IpAddr]>,
    /// The sites this server serves, by host (see [`sites`]).
    pub sites: Arc<sites::SiteDirectory>,
    /// Reports made lately (see [`reports`]).
    pub reports: Arc<reports::ReportCache>,
    /// The catalogue's search indexes by site (see [`catalog_search`]).
    pub catalog_indexes: Arc<catalog_search::SearchIndexes>,
}

impl AppState {
    /// Opens the SQLite database at `<data_dir>/baeum.sqlite3` (creating and migrating it):
    /// what the real server uses.
    pub fn open(config: Config) -> Result<Self, error::ServerError> {
        Self::open_database(config, None)
    }

    /// Opens the PostgreSQL database at `database_url` (`postgres://…`), or without one the
    /// SQLite database in the data directory, creating and migrating it.
    pub fn open_database(
        config: Config,
        database_url: Option<&str>,
    ) -> Result<Self, error::ServerError> {
        let store = store::open_store(database_url, &config.data_dir)?;
        Ok(Self::with_store(config, store, argon2::Params::default()))
    }

    /// State over a private in-memory database with cheap password hashing: for tests and
    /// tools that keep nothing. Hashes made with these parameters are still Argon2id and are
    /// verified with the parameters stored in each hash.
    pub fn in_memory(config: Config) -> Self {
        // Opening an in-memory SQLite database only fails when memory is exhausted, which no
        // caller could handle better than by stopping.
        let store = store::SqliteStore::open_in_memory()
            .expect("an in-memory sqlite database opens unless memory is exhausted");
        Self::with_store(config, Arc::new(store), cheap_password_params())
    }

    /// The same as [`AppState::in_memory`]; kept because tests of other modules build state
    /// this way and need no database.
    pub fn new(config: Config) -> Self {
        Self::in_memory(config)
    }

    /// State over any store.
    pub fn with_store(
        config: Config,
        store: Arc<dyn store::Store>,
        password_params: argon2::Params,
    ) -> Self {
        Self {
            config: Arc::new(config),
            store,
            account_home_page: Arc::from(DEFAULT_ACCOUNT_HOME_PAGE),
            password_params,
            daily_limits: store::DailyLimits::default(),
            limiters: Arc::default(),
            hashing: Arc::new(hashing::HashingPool::sized_to_machine()),
            basic_remembered: Arc::default(),
            trusted_proxies: Arc::from([]),
            sites: Arc::default(),
            reports: Arc::default(),
            catalog_indexes: Arc::default(),
        }
    }

    /// Believes `X-Forwarded-For` from these addresses only: the reverse proxies in front of
    /// the server.
    pub fn with_trusted_proxies(mut self, proxies: &[std::net::IpAddr]) -> Self {
        self.trusted_proxies = Arc::from(proxies);
        self
    }

    /// Uses other per-account daily limits on stored statements.
    pub fn with_daily_limits(mut self, limits: store::DailyLimits) -> Self {
        self.daily_limits = limits;
        self
    }

    /// Uses these rate limits instead of [`limits::RateLimits::default`].
    pub fn with_rate_limits(mut self, rate_limits: limits::RateLimits) -> Self {
        self.limiters = Arc::new(limits::Limiters::new(rate_limits));
        self
    }

    /// Uses another `homePage` for account actors (set it once, before any statement is
    /// stored).
    pub fn with_account_home_page(mut self, home_page: &str) -> Self {
        self.account_home_page = Arc::from(home_page);
        self
    }
}

/// The smallest Argon2id cost the crate allows, so tests that sign in many times stay fast.
pub fn cheap_password_params() -> argon2::Params {
    argon2::Params::new(argon2::Params::MIN_M_COST, 1, 1, None)
        .unwrap_or_else(|_| argon2::Params::default())
}

/// Builds the whole application router.
pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .route("/api/health", get(health))
        .merge(accounts::router())
        .merge(account_admin::router())
        .merge(classes::router())
        .merge(class_teachers::router())
        .merge(assignments::router())
        .merge(dashboard::router())
        .merge(forward::router())
        .merge(wellbeing::router())
        .merge(reports::router())
        .merge(site_api::router())
        .merge(records::router())
        .merge(catalog_search::router())
        .merge(xapi_routes::router(state.clone()))
        // API answers are compressed on the fly (a pull is mostly repeated JSON keys); the
        // static files below are precompressed at build time instead.
        .layer(tower_http::compression::CompressionLayer::new())
        // Every API answer is about someone (answers, check-ins, classes): no browser or proxy
        // cache may keep a copy. The app keeps what it needs offline in IndexedDB itself.
        .layer(
            tower_http::set_header::SetResponseHeaderLayer::if_not_present(
                axum::http::header::CACHE_CONTROL,
                axum::http::HeaderValue::from_static("no-store"),
            ),
        );
    let security =
        security_headers::SecurityHeaders::new(state.config.transport, &state.config.dist_dir);
    let static_files = static_files::router(&state.config).layer(
        axum::middleware::from_fn_with_state(state.clone(), sites::serve_site_files),
    );
    api.merge(static_files)
        // Around everything, fallbacks and errors included, so no answer goes without them.
        .layer(axum::middleware::from_fn_with_state(
            security,
            security_headers::add_security_headers,
        ))
        .with_state(state)
}

async fn health() -> axum::Json<serde_json::Value> {
    axum::Json(serde_json::json!({ "status": "ok", "version": env!("CARGO_PKG_VERSION") }))
}
