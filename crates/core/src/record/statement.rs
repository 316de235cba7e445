//! The statements baeum writes, as typed values: what the builders in [`super`] make.
//!
//! The builders used to assemble `serde_json::Value`s. The learners' app records statements on
//! its first load's path, and `Value` (its map, its number type, its serializer and
//! deserializer) cost that load about 25 KB of wasm, so a statement is built here as plain
//! structs that serialize, with serde, to exactly the JSON the `Value` form had: the client
//! writes them to IndexedDB through the browser (`serde-wasm-bindgen`), and the server, the
//! tools and the tests get the same JSON from [`Statement::to_value`].
//!
//! Only the shapes baeum writes exist here (an account agent, an activity object, the result
//! and context the builders fill in). Reading statements, whatever wrote them, stays on JSON
//! values ([`super::learning_event`], the sync engine), because a statement pulled from the
//! server or imported from a file can hold anything xAPI allows.

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use uuid::Uuid;

use super::{ACCOUNT_HOME_PAGE, ATTEMPT_EXTENSION, ITEM_KIND_EXTENSION, UTC_OFFSET_EXTENSION};
use crate::xapi::{check_account, XapiValidationError};

/// An agent identified by an account: who every statement baeum writes is about (the
/// signed-in account's actor, as the server describes it, or this device's guest learner).
///
/// Unknown properties are refused when one is read (`deny_unknown_fields`), as the xAPI
/// validator refuses them: an actor with a second identifier beside its account is not one.
///
/// The fields are in the order of their JSON names, so that `JSON.stringify` writes an actor
/// as the same text serde_json writes (it sorts a value's keys): the text the pull's `agent`
/// parameter has always carried.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub account: ActorAccount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `"Agent"`; xAPI lets it be left out.
    #[serde(
        rename = "objectType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub object_type: Option<String>,
}

/// An account on some system, the actor's identifier (fields in the order of their JSON names,
/// as [`Actor`]'s).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorAccount {
    #[serde(rename = "homePage")]
    pub home_page: String,
    pub name: String,
}

impl Actor {
    /// The agent with this account on baeum's [`ACCOUNT_HOME_PAGE`].
    pub fn on_baeum(account_name: String) -> Actor {
        Actor {
            account: ActorAccount {
                home_page: ACCOUNT_HOME_PAGE.to_owned(),
                name: account_name,
            },
            name: None,
            object_type: Some("Agent".to_owned()),
        }
    }

    /// Whether this is a valid xAPI actor, by the validator's own rules for an agent's
    /// `objectType` and account ([`check_account`]).
    pub fn check(&self) -> Result<(), XapiValidationError> {
        if let Some(kind) = self.object_type.as_deref().filter(|kind| *kind != "Agent") {
            return Err(XapiValidationError::new(
                "objectType",
                format!("{kind:?} is not allowed here; use \"Agent\""),
            ));
        }
        check_account(&self.account.home_page, &self.account.name, "account")
    }

    /// Whether this is a guest learner made by [`super::guest_actor`].
    pub fn is_guest(&self) -> bool {
        self.account.name.starts_with("guest-") && self.account.home_page == ACCOUNT_HOME_PAGE
    }
}

/// A statement as the builders make it. It serializes to the statement's JSON.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Statement {
    pub id: Uuid,
    pub actor: Actor,
    pub verb: Verb,
    pub object: Activity,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Outcome>,
    pub context: StatementContext,
    /// RFC 3339 with the device's own UTC offset.
    pub timestamp: String,
}

impl Statement {
    /// The statement as a JSON value, for code that reads or stores statements as JSON (the
    /// server's tests, the tools, the sync engine's tests).
    pub fn to_value(&self) -> serde_json::Value {
        // Every key is a string and every number finite, so serializing cannot fail; `Null`
        // would be refused by every reader as "not an object" if it ever did.
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

/// The verb: its IRI and its English display name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Verb {
    pub id: &'static str,
    pub display: EnglishDisplay,
}

/// A language map with only English, as verbs are displayed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EnglishDisplay {
    pub en: &'static str,
}

/// An activity: a course, a lesson or an item.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Activity {
    /// Always `"Activity"`.
    #[serde(rename = "objectType")]
    pub object_type: &'static str,
    pub id: String,
    pub definition: Definition,
}

/// What an activity is: its type, its name in the languages it has one in, and for items how
/// it is answered and its content kind.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Definition {
    #[serde(rename = "type")]
    pub activity_type: &'static str,
    #[serde(skip_serializing_if = "LanguageMap::is_empty")]
    pub name: LanguageMap,
    #[serde(rename = "interactionType", skip_serializing_if = "Option::is_none")]
    pub interaction_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extensions: Option<ItemKindExtension>,
}

/// Language code → text, in the order given (the builders give them in the content's order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LanguageMap(pub Vec<(&'static str, String)>);

impl LanguageMap {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for LanguageMap {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (language, text) in &self.0 {
            map.serialize_entry(language, text)?;
        }
        map.end()
    }
}

/// The item's content kind as the one extension of its definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemKindExtension(pub &'static str);

impl Serialize for ItemKindExtension {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(ITEM_KIND_EXTENSION, self.0)?;
        map.end()
    }
}

/// The statement's `result`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outcome {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<Score>,
    pub success: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    /// ISO 8601, e.g. `PT1M5.432S`.
    pub duration: String,
}

/// A score. `raw`, `min` and `max` go together: a lesson without graded items has only its
/// scaled score (xAPI needs `min` < `max`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Score {
    pub scaled: ScoreNumber,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

/// A scaled score: a whole number (an item's 0 or 1, an empty lesson's 1) or a fraction, so
/// that the JSON keeps the number type the statements have always had (`1` and `0.75`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum ScoreNumber {
    Whole(u32),
    Fraction(f64),
}

/// The statement's `context`: the activities it belongs to and baeum's extensions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatementContext {
    #[serde(rename = "contextActivities")]
    pub context_activities: ContextActivities,
    pub extensions: ContextExtensions,
}

/// The lesson and course a statement is within.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ContextActivities {
    pub parent: Vec<Activity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grouping: Option<Vec<Activity>>,
}

/// baeum's context extensions: the attempt and item kind of an item statement, and always the
/// learner's UTC offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContextExtensions {
    pub attempt: Option<u32>,
    pub item_kind: Option<&'static str>,
    /// `+hh:mm`.
    pub utc_offset: String,
}

impl Serialize for ContextExtensions {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(attempt) = self.attempt {
            map.serialize_entry(ATTEMPT_EXTENSION, &attempt)?;
        }
        if let Some(item_kind) = self.item_kind {
            map.serialize_entry(ITEM_KIND_EXTENSION, item_kind)?;
        }
        map.serialize_entry(UTC_OFFSET_EXTENSION, &self.utc_offset)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_actor_is_written_with_its_keys_in_the_order_serde_json_sorts_them() {
        let named = Actor {
            name: Some("Minji".to_owned()),
            ..Actor::on_baeum("42".to_owned())
        };
        for actor in [Actor::on_baeum("42".to_owned()), named] {
            // Writing the struct keeps its field order, as the browser's `JSON.stringify`
            // keeps the object's; a `Value`'s text has its keys sorted.
            let in_field_order = serde_json::to_string(&actor).expect("writes");
            let sorted = serde_json::to_value(&actor).expect("a value").to_string();
            assert_eq!(in_field_order, sorted);
        }
    }

    #[test]
    fn an_actor_reads_back_and_refuses_a_second_identifier() {
        let actor = Actor::on_baeum("guest-1".to_owned());
        let text = serde_json::to_string(&actor).expect("writes");
        assert_eq!(serde_json::from_str::<Actor>(&text).ok(), Some(actor));
        let two_identifiers = r#"{"account":{"homePage":"https://baeum.invalid/","name":"1"},
            "mbox":"mailto:a@example.com"}"#;
        assert!(serde_json::from_str::<Actor>(two_identifiers).is_err());
    }
}
