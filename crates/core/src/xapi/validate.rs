//! Validation of untrusted statement JSON into a typed [`Statement`].
//!
//! The walker reads the JSON tree by hand instead of deriving `Deserialize`, because the
//! specification's rules are about the JSON itself (no nulls, no unknown or wrongly cased
//! properties, numbers that are numbers, objectType-dependent shapes) and because every error
//! has to name the property path so that a learner's client, or the engineer reading its log,
//! can find the fault.

use serde_json::{Map, Value};
use uuid::Uuid;

use super::formats::{
    is_absolute_iri, is_accepted_statement_version, is_hex_of_length, is_iso8601_duration,
    is_language_tag, is_mailto_iri, is_media_type, is_sha2_hex, parse_standard_uuid,
    parse_timestamp, TimestampProblem,
};
use super::model::*;

/// A statement broke a rule of the specification. `path` names the property
/// (`actor.account.homePage`, `context.contextActivities.parent[0].id`); an empty path means the
/// statement as a whole.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", if path.is_empty() { "statement" } else { path.as_str() })]
pub struct XapiValidationError {
    pub path: String,
    pub message: String,
}

impl XapiValidationError {
    pub(crate) fn new(path: &str, message: impl Into<String>) -> Self {
        Self {
            path: path.to_owned(),
            message: message.into(),
        }
    }

    /// The same error located inside a larger document, e.g. `statements[3]` for a batch.
    pub fn within(mut self, prefix: &str) -> Self {
        self.path = if self.path.is_empty() {
            prefix.to_owned()
        } else {
            format!("{prefix}.{}", self.path)
        };
        self
    }
}

type Checked<T> = Result<T, XapiValidationError>;

/// Validates one statement as received by an LRS and returns its typed form.
///
/// Every MUST of the data part is checked: required properties, no unknown or wrongly cased
/// properties, no nulls outside extensions, value types, UUID, IRI, `mailto:`, language tag,
/// timestamp (with a zone) and duration formats, exactly one identifier per Agent or identified
/// Group, Group members that are Agents, the score ranges, `revision`/`platform` only with an
/// Activity object, the voiding rule and the substatement restrictions. `id`, `stored`,
/// `authority` and `version` are validated if present; the server then overwrites `stored` and
/// `authority`.
pub fn validate_statement(value: &Value) -> Result<Statement, XapiValidationError> {
    let map = object(
        value,
        "",
        &[
            "id",
            "actor",
            "verb",
            "object",
            "result",
            "context",
            "timestamp",
            "stored",
            "authority",
            "version",
            "attachments",
        ],
    )?;
    let statement = Statement {
        id: optional(map, "", "id", uuid)?,
        actor: actor(required(map, "", "actor")?, "actor")?,
        verb: verb(required(map, "", "verb")?, "verb")?,
        object: statement_object(required(map, "", "object")?, "object", true)?,
        result: optional(map, "", "result", outcome)?,
        context: optional(map, "", "context", context)?,
        timestamp: optional(map, "", "timestamp", timestamp)?,
        stored: optional(map, "", "stored", timestamp)?,
        authority: optional(map, "", "authority", actor)?,
        version: optional(map, "", "version", statement_version)?,
        attachments: optional(map, "", "attachments", attachments)?,
    };
    check_voiding(&statement.verb, &statement.object, "object.objectType")?;
    check_context_fits_object(statement.context.as_ref(), &statement.object, "context")?;
    Ok(statement)
}

fn statement_version(value: &Value, path: &str) -> Checked<String> {
    let version = string(value, path)?;
    if is_accepted_statement_version(&version) {
        Ok(version)
    } else {
        Err(XapiValidationError::new(
            path,
            format!("version {version:?} is not supported; it must start with 1.0. or 2.0."),
        ))
    }
}

/// Validates an Agent or Group on its own, as the `agent` query parameter carries one. The
/// parameter must identify someone, so an anonymous group is refused.
pub fn validate_actor(value: &Value) -> Result<Actor, XapiValidationError> {
    let parsed = actor(value, "")?;
    if parsed.identifier().is_none() {
        return Err(XapiValidationError::new(
            "",
            "must be an agent or an identified group, not an anonymous group",
        ));
    }
    Ok(parsed)
}

/// A voiding statement's object must be a StatementRef naming the voided statement.
fn check_voiding(verb: &Verb, object: &StatementObject, path: &str) -> Checked<()> {
    if verb.id == super::VOIDED_VERB_ID && !matches!(object, StatementObject::StatementRef(_)) {
        return Err(XapiValidationError::new(
            path,
            "a voiding statement's object must be a StatementRef to the voided statement",
        ));
    }
    Ok(())
}

/// `context.revision` and `context.platform` only make sense for an Activity object.
fn check_context_fits_object(
    context: Option<&Context>,
    object: &StatementObject,
    path: &str,
) -> Checked<()> {
    let Some(context) = context else {
        return Ok(());
    };
    if matches!(object, StatementObject::Activity(_)) {
        return Ok(());
    }
    if context.revision.is_some() {
        return Err(XapiValidationError::new(
            &join(path, "revision"),
            "may only be used when the statement's object is an activity",
        ));
    }
    if context.platform.is_some() {
        return Err(XapiValidationError::new(
            &join(path, "platform"),
            "may only be used when the statement's object is an activity",
        ));
    }
    Ok(())
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The value as a JSON object whose keys are all in `allowed`, with no null values.
fn object<'a>(value: &'a Value, path: &str, allowed: &[&str]) -> Checked<&'a Map<String, Value>> {
    let Value::Object(map) = value else {
        return Err(XapiValidationError::new(
            path,
            format!("must be an object, not {}", describe(value)),
        ));
    };
    for (key, property) in map {
        if !allowed.contains(&key.as_str()) {
            let hint = allowed
                .iter()
                .find(|candidate| candidate.eq_ignore_ascii_case(key))
                .map(|candidate| format!(" (property names are case-sensitive: use {candidate:?})"))
                .unwrap_or_default();
            return Err(XapiValidationError::new(
                &join(path, key),
                format!("is not a property allowed here{hint}"),
            ));
        }
        if property.is_null() {
            return Err(XapiValidationError::new(
                &join(path, key),
                "must not be null (leave the property out instead)",
            ));
        }
    }
    Ok(map)
}

fn required<'a>(map: &'a Map<String, Value>, path: &str, key: &str) -> Checked<&'a Value> {
    map.get(key)
        .ok_or_else(|| XapiValidationError::new(&join(path, key), "is required"))
}

fn optional<T>(
    map: &Map<String, Value>,
    path: &str,
    key: &str,
    parse: impl FnOnce(&Value, &str) -> Checked<T>,
) -> Checked<Option<T>> {
    map.get(key)
        .map(|value| parse(value, &join(path, key)))
        .transpose()
}

fn string(value: &Value, path: &str) -> Checked<String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        other => Err(XapiValidationError::new(
            path,
            format!("must be a string, not {}", describe(other)),
        )),
    }
}

fn boolean(value: &Value, path: &str) -> Checked<bool> {
    match value {
        Value::Bool(flag) => Ok(*flag),
        other => Err(XapiValidationError::new(
            path,
            format!("must be a boolean (true or false), not {}", describe(other)),
        )),
    }
}

fn number(value: &Value, path: &str) -> Checked<serde_json::Number> {
    match value {
        Value::Number(number) => Ok(number.clone()),
        other => Err(XapiValidationError::new(
            path,
            format!("must be a number, not {}", describe(other)),
        )),
    }
}

fn array<'a>(value: &'a Value, path: &str) -> Checked<&'a Vec<Value>> {
    match value {
        Value::Array(items) => Ok(items),
        other => Err(XapiValidationError::new(
            path,
            format!("must be an array, not {}", describe(other)),
        )),
    }
}

fn uuid(value: &Value, path: &str) -> Checked<Uuid> {
    let text = string(value, path)?;
    parse_standard_uuid(&text).ok_or_else(|| {
        XapiValidationError::new(
            path,
            format!(
                "{text:?} is not a uuid in standard form (like 3d9f6c2e-8b1a-4c2d-9e0f-1a2b3c4d5e6f)"
            ),
        )
    })
}

fn iri(value: &Value, path: &str) -> Checked<String> {
    let text = string(value, path)?;
    if is_absolute_iri(&text) {
        Ok(text)
    } else {
        Err(XapiValidationError::new(
            path,
            format!("{text:?} is not an absolute iri (it needs a scheme such as https:)"),
        ))
    }
}

fn language_map(value: &Value, path: &str) -> Checked<LanguageMap> {
    let Value::Object(map) = value else {
        return Err(XapiValidationError::new(
            path,
            format!("must be a language map object, not {}", describe(value)),
        ));
    };
    let mut languages = LanguageMap::new();
    for (tag, text) in map {
        let entry_path = join(path, tag);
        if !is_language_tag(tag) {
            return Err(XapiValidationError::new(
                &entry_path,
                format!("{tag:?} is not an rfc 5646 language tag (like en, ko or en-US)"),
            ));
        }
        languages.insert(tag.clone(), string(text, &entry_path)?);
    }
    Ok(languages)
}

fn extensions(value: &Value, path: &str) -> Checked<Extensions> {
    let Value::Object(map) = value else {
        return Err(XapiValidationError::new(
            path,
            format!("must be an object, not {}", describe(value)),
        ));
    };
    for key in map.keys() {
        if !is_absolute_iri(key) {
            return Err(XapiValidationError::new(
                &join(path, key),
                "extension keys must be absolute iris",
            ));
        }
    }
    // Extension values are free-form (nulls included): the specification forbids rejecting a
    // statement because of them.
    Ok(map.clone())
}

fn timestamp(value: &Value, path: &str) -> Checked<Timestamp> {
    let text = string(value, path)?;
    match parse_timestamp(&text) {
        Ok(instant) => Ok(Timestamp(instant)),
        Err(TimestampProblem::MissingZone) => Err(XapiValidationError::new(
            path,
            format!("{text:?} has no time zone; add Z or an offset like +09:00"),
        )),
        Err(TimestampProblem::OutOfRange) => Err(XapiValidationError::new(
            path,
            format!("{text:?} is not a real date and time"),
        )),
        Err(TimestampProblem::Malformed) => Err(XapiValidationError::new(
            path,
            format!("{text:?} is not an iso 8601 timestamp (like 2024-05-01T09:30:00.000Z)"),
        )),
    }
}

const AGENT_PROPERTIES: &[&str] = &[
    "objectType",
    "name",
    "mbox",
    "mbox_sha1sum",
    "openid",
    "account",
];
const GROUP_PROPERTIES: &[&str] = &[
    "objectType",
    "name",
    "member",
    "mbox",
    "mbox_sha1sum",
    "openid",
    "account",
];

/// The `objectType` of an actor-like object, if present, as a string.
fn object_type<'a>(map: &'a Map<String, Value>, path: &str) -> Checked<Option<&'a str>> {
    match map.get("objectType") {
        None => Ok(None),
        Some(Value::String(kind)) => Ok(Some(kind.as_str())),
        Some(other) => Err(XapiValidationError::new(
            &join(path, "objectType"),
            format!("must be a string, not {}", describe(other)),
        )),
    }
}

/// An Agent or Group in actor position (objectType optional, defaulting to Agent).
fn actor(value: &Value, path: &str) -> Checked<Actor> {
    let Value::Object(map) = value else {
        return Err(XapiValidationError::new(
            path,
            format!("must be an agent or group object, not {}", describe(value)),
        ));
    };
    match object_type(map, path)? {
        None | Some("Agent") => Ok(Actor::Agent(agent(value, path)?)),
        Some("Group") => Ok(Actor::Group(group(value, path)?)),
        Some(other) => Err(XapiValidationError::new(
            &join(path, "objectType"),
            format!("{other:?} is not allowed here; use \"Agent\" or \"Group\""),
        )),
    }
}

fn agent(value: &Value, path: &str) -> Checked<Agent> {
    let map = object(value, path, AGENT_PROPERTIES)?;
    match object_type(map, path)? {
        None | Some("Agent") => {}
        Some("Group") => {
            return Err(XapiValidationError::new(
                &join(path, "objectType"),
                "a group is not allowed here; only agents",
            ))
        }
        Some(other) => {
            return Err(XapiValidationError::new(
                &join(path, "objectType"),
                format!("{other:?} is not allowed here; use \"Agent\""),
            ))
        }
    }
    let name = optional(map, path, "name", string)?;
    let identifier = identifier(map, path)?.ok_or_else(|| {
        XapiValidationError::new(
            path,
            "an agent must have exactly one of mbox, mbox_sha1sum, openid or account",
        )
    })?;
    Ok(Agent { name, identifier })
}

fn group(value: &Value, path: &str) -> Checked<Group> {
    let map = object(value, path, GROUP_PROPERTIES)?;
    if object_type(map, path)? != Some("Group") {
        return Err(XapiValidationError::new(
            &join(path, "objectType"),
            "must be \"Group\"",
        ));
    }
    let name = optional(map, path, "name", string)?;
    let identifier = identifier(map, path)?;
    let member = optional(map, path, "member", |value, member_path| {
        array(value, member_path)?
            .iter()
            .enumerate()
            .map(|(index, item)| agent(item, &format!("{member_path}[{index}]")))
            .collect::<Checked<Vec<Agent>>>()
    })?;
    if identifier.is_none() && member.is_none() {
        return Err(XapiValidationError::new(
            &join(path, "member"),
            "an anonymous group (one without mbox, mbox_sha1sum, openid or account) must list its members",
        ));
    }
    Ok(Group {
        name,
        identifier,
        member,
    })
}

/// The single inverse functional identifier of an agent or group, if any; more than one is an
/// error.
fn identifier(
    map: &Map<String, Value>,
    path: &str,
) -> Checked<Option<InverseFunctionalIdentifier>> {
    let present: Vec<&str> = ["mbox", "mbox_sha1sum", "openid", "account"]
        .into_iter()
        .filter(|key| map.contains_key(*key))
        .collect();
    if present.len() > 1 {
        return Err(XapiValidationError::new(
            path,
            format!(
                "must have exactly one inverse functional identifier, but has {}",
                present.join(", ")
            ),
        ));
    }
    let Some(kind) = present.first() else {
        return Ok(None);
    };
    let value_path = join(path, kind);
    let value = &map[*kind];
    let identifier = match *kind {
        "mbox" => {
            let mbox = string(value, &value_path)?;
            if !is_mailto_iri(&mbox) {
                return Err(XapiValidationError::new(
                    &value_path,
                    format!("{mbox:?} is not a mailto iri (like mailto:learner@example.com)"),
                ));
            }
            InverseFunctionalIdentifier::Mbox(mbox)
        }
        "mbox_sha1sum" => {
            let hash = string(value, &value_path)?;
            if !is_hex_of_length(&hash, 40) {
                return Err(XapiValidationError::new(
                    &value_path,
                    "must be the 40 hexadecimal digits of a sha-1 hash",
                ));
            }
            InverseFunctionalIdentifier::MboxSha1Sum(hash)
        }
        "openid" => InverseFunctionalIdentifier::OpenId(iri(value, &value_path)?),
        _ => {
            let account = object(value, &value_path, &["homePage", "name"])?;
            let home_page = string(
                required(account, &value_path, "homePage")?,
                &join(&value_path, "homePage"),
            )?;
            let name = string(
                required(account, &value_path, "name")?,
                &join(&value_path, "name"),
            )?;
            check_account(&home_page, &name, &value_path)?;
            InverseFunctionalIdentifier::Account(Account { home_page, name })
        }
    };
    Ok(Some(identifier))
}

/// The rule for an account identifier (`{"homePage": …, "name": …}` at `path`), on its two
/// texts. The JSON validator applies it, and so do typed actors that never become JSON values
/// in the client (`record::Actor::check`).
pub fn check_account(home_page: &str, name: &str, path: &str) -> Result<(), XapiValidationError> {
    if !is_absolute_iri(home_page) {
        return Err(XapiValidationError::new(
            &join(path, "homePage"),
            format!("{home_page:?} is not an absolute iri (it needs a scheme such as https:)"),
        ));
    }
    if name.is_empty() {
        return Err(XapiValidationError::new(
            &join(path, "name"),
            "must not be empty",
        ));
    }
    // The account is an agent's key in the store, and PostgreSQL's text cannot hold
    // U+0000: refused here, so both engines answer the same 400 (IRIs and mailto
    // addresses already refuse every control character).
    if name.contains('\0') {
        return Err(XapiValidationError::new(
            &join(path, "name"),
            "must not contain the NUL character (U+0000)",
        ));
    }
    Ok(())
}

fn verb(value: &Value, path: &str) -> Checked<Verb> {
    let map = object(value, path, &["id", "display"])?;
    Ok(Verb {
        id: iri(required(map, path, "id")?, &join(path, "id"))?,
        display: optional(map, path, "display", language_map)?,
    })
}

/// The statement's object; `allow_substatement` is false inside a substatement, which must not
/// nest another.
fn statement_object(
    value: &Value,
    path: &str,
    allow_substatement: bool,
) -> Checked<StatementObject> {
    let Value::Object(map) = value else {
        return Err(XapiValidationError::new(
            path,
            format!("must be an object, not {}", describe(value)),
        ));
    };
    match object_type(map, path)? {
        None | Some("Activity") => Ok(StatementObject::Activity(activity(value, path)?)),
        Some("Agent") => Ok(StatementObject::Agent(agent(value, path)?)),
        Some("Group") => Ok(StatementObject::Group(group(value, path)?)),
        Some("StatementRef") => Ok(StatementObject::StatementRef(statement_ref(value, path)?)),
        Some("SubStatement") if allow_substatement => Ok(StatementObject::SubStatement(
            Box::new(sub_statement(value, path)?),
        )),
        Some("SubStatement") => Err(XapiValidationError::new(
            &join(path, "objectType"),
            "a substatement must not contain another substatement",
        )),
        Some(other) => Err(XapiValidationError::new(
            &join(path, "objectType"),
            format!(
                "{other:?} is not an object type; use Activity, Agent, Group, StatementRef or SubStatement"
            ),
        )),
    }
}

fn activity(value: &Value, path: &str) -> Checked<Activity> {
    let map = object(value, path, &["objectType", "id", "definition"])?;
    match object_type(map, path)? {
        None | Some("Activity") => {}
        Some(other) => {
            return Err(XapiValidationError::new(
                &join(path, "objectType"),
                format!("{other:?} is not allowed here; use \"Activity\""),
            ))
        }
    }
    Ok(Activity {
        id: iri(required(map, path, "id")?, &join(path, "id"))?,
        definition: optional(map, path, "definition", activity_definition)?,
    })
}

const COMPONENT_LISTS: [&str; 5] = ["choices", "scale", "source", "target", "steps"];

fn activity_definition(value: &Value, path: &str) -> Checked<ActivityDefinition> {
    let map = object(
        value,
        path,
        &[
            "name",
            "description",
            "type",
            "moreInfo",
            "extensions",
            "interactionType",
            "correctResponsesPattern",
            "choices",
            "scale",
            "source",
            "target",
            "steps",
        ],
    )?;
    let interaction_type = optional(map, path, "interactionType", |value, type_path| {
        let text = string(value, type_path)?;
        InteractionType::parse(&text).ok_or_else(|| {
            XapiValidationError::new(
                type_path,
                format!(
                    "{text:?} is not an interaction type; use true-false, choice, fill-in, long-fill-in, matching, performance, sequencing, likert, numeric or other"
                ),
            )
        })
    })?;
    let interaction_properties_present = map.contains_key("correctResponsesPattern")
        || COMPONENT_LISTS.iter().any(|list| map.contains_key(*list));
    if interaction_properties_present && interaction_type.is_none() {
        return Err(XapiValidationError::new(
            &join(path, "interactionType"),
            "is required when correctResponsesPattern or an interaction component list is present",
        ));
    }
    let mut lists: [Option<Vec<InteractionComponent>>; 5] = Default::default();
    for (slot, list) in lists.iter_mut().zip(COMPONENT_LISTS) {
        let Some(list_value) = map.get(list) else {
            continue;
        };
        let list_path = join(path, list);
        if let Some(kind) = interaction_type {
            if !kind.component_lists().contains(&list) {
                return Err(XapiValidationError::new(
                    &list_path,
                    "is not a component list of this interaction type",
                ));
            }
        }
        *slot = Some(interaction_components(list_value, &list_path)?);
    }
    let [choices, scale, source, target, steps] = lists;
    Ok(ActivityDefinition {
        name: optional(map, path, "name", language_map)?,
        description: optional(map, path, "description", language_map)?,
        activity_type: optional(map, path, "type", iri)?,
        more_info: optional(map, path, "moreInfo", iri)?,
        interaction_type,
        correct_responses_pattern: optional(
            map,
            path,
            "correctResponsesPattern",
            |value, pattern_path| {
                array(value, pattern_path)?
                    .iter()
                    .enumerate()
                    .map(|(index, item)| string(item, &format!("{pattern_path}[{index}]")))
                    .collect()
            },
        )?,
        choices,
        scale,
        source,
        target,
        steps,
        extensions: optional(map, path, "extensions", extensions)?,
    })
}

fn interaction_components(value: &Value, path: &str) -> Checked<Vec<InteractionComponent>> {
    let mut components: Vec<InteractionComponent> = Vec::new();
    for (index, item) in array(value, path)?.iter().enumerate() {
        let item_path = format!("{path}[{index}]");
        let map = object(item, &item_path, &["id", "description"])?;
        let id = string(required(map, &item_path, "id")?, &join(&item_path, "id"))?;
        if components.iter().any(|existing| existing.id == id) {
            return Err(XapiValidationError::new(
                &join(&item_path, "id"),
                format!("{id:?} appears twice; component ids must be distinct"),
            ));
        }
        components.push(InteractionComponent {
            id,
            description: optional(map, &item_path, "description", language_map)?,
        });
    }
    Ok(components)
}

fn statement_ref(value: &Value, path: &str) -> Checked<StatementRef> {
    let map = object(value, path, &["objectType", "id"])?;
    if object_type(map, path)? != Some("StatementRef") {
        return Err(XapiValidationError::new(
            &join(path, "objectType"),
            "must be \"StatementRef\"",
        ));
    }
    Ok(StatementRef {
        id: uuid(required(map, path, "id")?, &join(path, "id"))?,
    })
}

fn sub_statement(value: &Value, path: &str) -> Checked<SubStatement> {
    if let Value::Object(map) = value {
        for forbidden in ["id", "stored", "version", "authority"] {
            if map.contains_key(forbidden) {
                return Err(XapiValidationError::new(
                    &join(path, forbidden),
                    "a substatement must not have id, stored, version or authority",
                ));
            }
        }
    }
    let map = object(
        value,
        path,
        &[
            "objectType",
            "actor",
            "verb",
            "object",
            "result",
            "context",
            "timestamp",
            "attachments",
        ],
    )?;
    let sub_statement = SubStatement {
        actor: actor(required(map, path, "actor")?, &join(path, "actor"))?,
        verb: verb(required(map, path, "verb")?, &join(path, "verb"))?,
        object: statement_object(required(map, path, "object")?, &join(path, "object"), false)?,
        result: optional(map, path, "result", outcome)?,
        context: optional(map, path, "context", context)?,
        timestamp: optional(map, path, "timestamp", timestamp)?,
        attachments: optional(map, path, "attachments", attachments)?,
    };
    check_voiding(
        &sub_statement.verb,
        &sub_statement.object,
        &join(path, "object.objectType"),
    )?;
    check_context_fits_object(
        sub_statement.context.as_ref(),
        &sub_statement.object,
        &join(path, "context"),
    )?;
    Ok(sub_statement)
}

fn outcome(value: &Value, path: &str) -> Checked<Outcome> {
    let map = object(
        value,
        path,
        &[
            "score",
            "success",
            "completion",
            "response",
            "duration",
            "extensions",
        ],
    )?;
    Ok(Outcome {
        score: optional(map, path, "score", score)?,
        success: optional(map, path, "success", boolean)?,
        completion: optional(map, path, "completion", boolean)?,
        response: optional(map, path, "response", string)?,
        duration: optional(map, path, "duration", |value, duration_path| {
            let text = string(value, duration_path)?;
            if is_iso8601_duration(&text) {
                Ok(text)
            } else {
                Err(XapiValidationError::new(
                    duration_path,
                    format!("{text:?} is not an iso 8601 duration (like PT1M30S)"),
                ))
            }
        })?,
        extensions: optional(map, path, "extensions", extensions)?,
    })
}

fn score(value: &Value, path: &str) -> Checked<Score> {
    let map = object(value, path, &["scaled", "raw", "min", "max"])?;
    let score = Score {
        scaled: optional(map, path, "scaled", number)?,
        raw: optional(map, path, "raw", number)?,
        min: optional(map, path, "min", number)?,
        max: optional(map, path, "max", number)?,
    };
    let as_float = |number: &Option<serde_json::Number>| number.as_ref().and_then(|n| n.as_f64());
    let (scaled, raw, min, max) = (
        as_float(&score.scaled),
        as_float(&score.raw),
        as_float(&score.min),
        as_float(&score.max),
    );
    if let Some(scaled) = scaled {
        if !(-1.0..=1.0).contains(&scaled) {
            return Err(XapiValidationError::new(
                &join(path, "scaled"),
                format!("{scaled} is outside -1..1"),
            ));
        }
    }
    if let (Some(min), Some(max)) = (min, max) {
        if min >= max {
            return Err(XapiValidationError::new(
                &join(path, "min"),
                format!("min ({min}) must be less than max ({max})"),
            ));
        }
    }
    if let (Some(raw), Some(min)) = (raw, min) {
        if raw < min {
            return Err(XapiValidationError::new(
                &join(path, "raw"),
                format!("raw ({raw}) must not be below min ({min})"),
            ));
        }
    }
    if let (Some(raw), Some(max)) = (raw, max) {
        if raw > max {
            return Err(XapiValidationError::new(
                &join(path, "raw"),
                format!("raw ({raw}) must not be above max ({max})"),
            ));
        }
    }
    Ok(score)
}

fn context(value: &Value, path: &str) -> Checked<Context> {
    let map = object(
        value,
        path,
        &[
            "registration",
            "instructor",
            "team",
            "contextAgents",
            "contextGroups",
            "contextActivities",
            "revision",
            "platform",
            "language",
            "statement",
            "extensions",
        ],
    )?;
    Ok(Context {
        registration: optional(map, path, "registration", uuid)?,
        instructor: optional(map, path, "instructor", actor)?,
        team: optional(map, path, "team", group)?,
        context_agents: optional(map, path, "contextAgents", |value, list_path| {
            list_of(value, list_path, context_agent)
        })?,
        context_groups: optional(map, path, "contextGroups", |value, list_path| {
            list_of(value, list_path, context_group)
        })?,
        context_activities: optional(map, path, "contextActivities", context_activities)?,
        revision: optional(map, path, "revision", string)?,
        platform: optional(map, path, "platform", string)?,
        language: optional(map, path, "language", |value, language_path| {
            let tag = string(value, language_path)?;
            if is_language_tag(&tag) {
                Ok(tag)
            } else {
                Err(XapiValidationError::new(
                    language_path,
                    format!("{tag:?} is not an rfc 5646 language tag (like en, ko or en-US)"),
                ))
            }
        })?,
        statement: optional(map, path, "statement", statement_ref)?,
        extensions: optional(map, path, "extensions", extensions)?,
    })
}

/// Each item of an array, checked by `item` under its index.
fn list_of<T>(value: &Value, path: &str, item: fn(&Value, &str) -> Checked<T>) -> Checked<Vec<T>> {
    array(value, path)?
        .iter()
        .enumerate()
        .map(|(index, value)| item(value, &format!("{path}[{index}]")))
        .collect()
}

/// xAPI 2.0's Context Agent: `objectType` `contextAgent` (required), an Agent, and optional
/// relevant types.
fn context_agent(value: &Value, path: &str) -> Checked<ContextAgent> {
    let map = object(value, path, &["objectType", "agent", "relevantTypes"])?;
    required_object_type(map, path, "contextAgent")?;
    Ok(ContextAgent {
        agent: agent(required(map, path, "agent")?, &join(path, "agent"))?,
        relevant_types: optional(map, path, "relevantTypes", relevant_types)?,
    })
}

/// xAPI 2.0's Context Group: `objectType` `contextGroup` (required), a Group, and optional
/// relevant types.
fn context_group(value: &Value, path: &str) -> Checked<ContextGroup> {
    let map = object(value, path, &["objectType", "group", "relevantTypes"])?;
    required_object_type(map, path, "contextGroup")?;
    Ok(ContextGroup {
        group: group(required(map, path, "group")?, &join(path, "group"))?,
        relevant_types: optional(map, path, "relevantTypes", relevant_types)?,
    })
}

fn required_object_type(map: &Map<String, Value>, path: &str, expected: &str) -> Checked<()> {
    match object_type(map, path)? {
        Some(found) if found == expected => Ok(()),
        Some(other) => Err(XapiValidationError::new(
            &join(path, "objectType"),
            format!("{other:?} is not allowed here; use {expected:?}"),
        )),
        None => Err(XapiValidationError::new(
            &join(path, "objectType"),
            format!("is required and must be {expected:?}"),
        )),
    }
}

/// `relevantTypes`: when present, a non-empty array of IRIs.
fn relevant_types(value: &Value, path: &str) -> Checked<Vec<String>> {
    let types = list_of(value, path, iri)?;
    if types.is_empty() {
        return Err(XapiValidationError::new(
            path,
            "must hold at least one IRI when present",
        ));
    }
    Ok(types)
}

fn context_activities(value: &Value, path: &str) -> Checked<ContextActivities> {
    let map = object(value, path, &["parent", "grouping", "category", "other"])?;
    // A single activity object is accepted for compatibility with 0.95 and returned as an
    // array of one, as the specification requires.
    let list = |value: &Value, list_path: &str| -> Checked<Vec<Activity>> {
        match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(index, item)| activity(item, &format!("{list_path}[{index}]")))
                .collect(),
            Value::Object(_) => Ok(vec![activity(value, list_path)?]),
            other => Err(XapiValidationError::new(
                list_path,
                format!(
                    "must be an activity object or an array of them, not {}",
                    describe(other)
                ),
            )),
        }
    };
    Ok(ContextActivities {
        parent: optional(map, path, "parent", list)?,
        grouping: optional(map, path, "grouping", list)?,
        category: optional(map, path, "category", list)?,
        other: optional(map, path, "other", list)?,
    })
}

fn attachments(value: &Value, path: &str) -> Checked<Vec<Attachment>> {
    array(value, path)?
        .iter()
        .enumerate()
        .map(|(index, item)| attachment(item, &format!("{path}[{index}]")))
        .collect()
}

fn attachment(value: &Value, path: &str) -> Checked<Attachment> {
    let map = object(
        value,
        path,
        &[
            "usageType",
            "display",
            "description",
            "contentType",
            "length",
            "sha2",
            "fileUrl",
        ],
    )?;
    let content_type_path = join(path, "contentType");
    let content_type = string(required(map, path, "contentType")?, &content_type_path)?;
    if !is_media_type(&content_type) {
        return Err(XapiValidationError::new(
            &content_type_path,
            format!("{content_type:?} is not an internet media type (like image/png)"),
        ));
    }
    let length_path = join(path, "length");
    let length = required(map, path, "length")?
        .as_u64()
        .ok_or_else(|| XapiValidationError::new(&length_path, "must be a non-negative integer"))?;
    let sha2_path = join(path, "sha2");
    let sha2 = string(required(map, path, "sha2")?, &sha2_path)?;
    if !is_sha2_hex(&sha2) {
        return Err(XapiValidationError::new(
            &sha2_path,
            "must be the hexadecimal digest of a sha-2 hash",
        ));
    }
    Ok(Attachment {
        usage_type: iri(required(map, path, "usageType")?, &join(path, "usageType"))?,
        display: language_map(required(map, path, "display")?, &join(path, "display"))?,
        description: optional(map, path, "description", language_map)?,
        content_type,
        length,
        sha2,
        file_url: optional(map, path, "fileUrl", iri)?,
    })
}
