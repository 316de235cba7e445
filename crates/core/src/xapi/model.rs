//! Typed xAPI statements.
//!
//! These types are produced by [`super::validate_statement`], never deserialized directly: the
//! validator is the only way in, so a value of these types has already passed every rule. They
//! serialize to the JSON the server stores and returns (see the module documentation of
//! [`super`] for the few normalizations that implies).

use std::collections::BTreeMap;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Serialize, Serializer};
use uuid::Uuid;

/// A language map: RFC 5646 language tag → text in that language.
pub type LanguageMap = BTreeMap<String, String>;

/// An extensions map: IRI → any JSON value.
pub type Extensions = serde_json::Map<String, serde_json::Value>;

/// A point in time, kept in UTC. The specification lets an LRS return timestamps in another
/// zone as long as the instant is unchanged, and recommends UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub DateTime<Utc>);

impl Timestamp {
    /// The RFC 3339 form used on the wire, with as many fractional digits as needed and `Z`.
    pub fn to_rfc3339(&self) -> String {
        self.0.to_rfc3339_opts(SecondsFormat::AutoSi, true)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_rfc3339())
    }
}

/// A complete statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Uuid>,
    pub actor: Actor,
    pub verb: Verb,
    pub object: StatementObject,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Outcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stored: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authority: Option<Actor>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<Attachment>>,
}

impl Statement {
    /// Whether this statement voids another (uses the reserved `voided` verb).
    pub fn is_voiding(&self) -> bool {
        self.verb.id == super::VOIDED_VERB_ID
    }

    /// The id of the statement this one voids, if it is a voiding statement.
    pub fn voided_statement_id(&self) -> Option<Uuid> {
        match (&self.object, self.is_voiding()) {
            (StatementObject::StatementRef(reference), true) => Some(reference.id),
            _ => None,
        }
    }

    /// The id of the statement this one's object points at, whatever the verb. Queries use it:
    /// a statement that targets a matching statement matches too.
    pub fn target_statement_id(&self) -> Option<Uuid> {
        match &self.object {
            StatementObject::StatementRef(reference) => Some(reference.id),
            _ => None,
        }
    }

    /// The registration, if the context has one.
    pub fn registration(&self) -> Option<Uuid> {
        self.context
            .as_ref()
            .and_then(|context| context.registration)
    }

    /// The id of the object when it is an activity (what the `activity` filter matches).
    pub fn activity_id(&self) -> Option<&str> {
        match &self.object {
            StatementObject::Activity(activity) => Some(&activity.id),
            _ => None,
        }
    }

    /// Every activity id the `related_activities` filter matches: the object, the context
    /// activities, and the same in a substatement.
    pub fn related_activity_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        collect_activity_ids(&self.object, self.context.as_ref(), &mut ids);
        if let StatementObject::SubStatement(sub_statement) = &self.object {
            collect_activity_ids(
                &sub_statement.object,
                sub_statement.context.as_ref(),
                &mut ids,
            );
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Identifier keys the `agent` filter matches: the actor and an Agent or Group object,
    /// including group members.
    pub fn agent_keys(&self) -> Vec<String> {
        let mut keys = self.actor.matching_keys();
        keys.extend(object_agent_keys(&self.object));
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// Identifier keys the `related_agents` filter matches: those of [`Self::agent_keys`] plus
    /// the authority, the context's instructor, team, context agents and context groups, and
    /// the same in a substatement.
    pub fn related_agent_keys(&self) -> Vec<String> {
        let mut keys = self.agent_keys();
        if let Some(authority) = &self.authority {
            keys.extend(authority.matching_keys());
        }
        keys.extend(context_agent_keys(self.context.as_ref()));
        if let StatementObject::SubStatement(sub_statement) = &self.object {
            keys.extend(sub_statement.actor.matching_keys());
            keys.extend(object_agent_keys(&sub_statement.object));
            keys.extend(context_agent_keys(sub_statement.context.as_ref()));
        }
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// The statement reduced to what identifies its parts, for the `format=ids` query: agents
    /// and identified groups keep only their identifier, anonymous groups their members'
    /// identifiers, activities their id and verbs their id.
    pub fn to_ids_format(&self) -> Statement {
        let mut reduced = self.clone();
        reduced.actor = ids_actor(&reduced.actor);
        reduced.verb.display = None;
        reduced.object = ids_object(&reduced.object);
        reduced.authority = reduced.authority.as_ref().map(ids_actor);
        if let Some(context) = reduced.context.as_mut() {
            ids_context(context);
        }
        reduced
    }

    /// The statement as the JSON value the server stores and returns.
    pub fn to_json(&self) -> serde_json::Value {
        // Serializing these types cannot fail: every map key is a string and every number is a
        // JSON number already, so the fallback is unreachable in practice.
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

fn collect_activity_ids<'a>(
    object: &'a StatementObject,
    context: Option<&'a Context>,
    ids: &mut Vec<&'a str>,
) {
    if let StatementObject::Activity(activity) = object {
        ids.push(&activity.id);
    }
    if let Some(activities) = context.and_then(|context| context.context_activities.as_ref()) {
        ids.extend(activities.all().map(|activity| activity.id.as_str()));
    }
}

fn object_agent_keys(object: &StatementObject) -> Vec<String> {
    match object {
        StatementObject::Agent(agent) => vec![agent.identifier.key()],
        StatementObject::Group(group) => Actor::Group(group.clone()).matching_keys(),
        _ => Vec::new(),
    }
}

fn context_agent_keys(context: Option<&Context>) -> Vec<String> {
    let Some(context) = context else {
        return Vec::new();
    };
    let mut keys = Vec::new();
    if let Some(instructor) = &context.instructor {
        keys.extend(instructor.matching_keys());
    }
    if let Some(team) = &context.team {
        keys.extend(Actor::Group(team.clone()).matching_keys());
    }
    for context_agent in context.context_agents.iter().flatten() {
        keys.push(context_agent.agent.identifier.key());
    }
    for context_group in context.context_groups.iter().flatten() {
        keys.extend(Actor::Group(context_group.group.clone()).matching_keys());
    }
    keys
}

fn ids_agent(agent: &Agent) -> Agent {
    Agent {
        name: None,
        identifier: agent.identifier.clone(),
    }
}

fn ids_group(group: &Group) -> Group {
    Group {
        name: None,
        identifier: group.identifier.clone(),
        member: match group.identifier {
            Some(_) => None,
            None => group
                .member
                .as_ref()
                .map(|members| members.iter().map(ids_agent).collect()),
        },
    }
}

fn ids_actor(actor: &Actor) -> Actor {
    match actor {
        Actor::Agent(agent) => Actor::Agent(ids_agent(agent)),
        Actor::Group(group) => Actor::Group(ids_group(group)),
    }
}

fn ids_activity(activity: &Activity) -> Activity {
    Activity {
        id: activity.id.clone(),
        definition: None,
    }
}

fn ids_context(context: &mut Context) {
    context.instructor = context.instructor.as_ref().map(ids_actor);
    context.team = context.team.as_ref().map(ids_group);
    for context_agent in context.context_agents.iter_mut().flatten() {
        context_agent.agent = ids_agent(&context_agent.agent);
    }
    for context_group in context.context_groups.iter_mut().flatten() {
        context_group.group = ids_group(&context_group.group);
    }
    if let Some(activities) = context.context_activities.as_mut() {
        for list in [
            &mut activities.parent,
            &mut activities.grouping,
            &mut activities.category,
            &mut activities.other,
        ]
        .into_iter()
        .flatten()
        {
            *list = list.iter().map(ids_activity).collect();
        }
    }
}

fn ids_object(object: &StatementObject) -> StatementObject {
    match object {
        StatementObject::Activity(activity) => StatementObject::Activity(ids_activity(activity)),
        StatementObject::Agent(agent) => StatementObject::Agent(ids_agent(agent)),
        StatementObject::Group(group) => StatementObject::Group(ids_group(group)),
        StatementObject::StatementRef(reference) => {
            StatementObject::StatementRef(reference.clone())
        }
        StatementObject::SubStatement(sub_statement) => {
            let mut reduced = (**sub_statement).clone();
            reduced.actor = ids_actor(&reduced.actor);
            reduced.verb.display = None;
            reduced.object = ids_object(&reduced.object);
            if let Some(context) = reduced.context.as_mut() {
                ids_context(context);
            }
            StatementObject::SubStatement(Box::new(reduced))
        }
    }
}

/// Who the statement is about: an Agent or a Group.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Actor {
    Agent(Agent),
    Group(Group),
}

impl Actor {
    /// The actor's own inverse functional identifier; `None` for an anonymous group.
    pub fn identifier(&self) -> Option<&InverseFunctionalIdentifier> {
        match self {
            Actor::Agent(agent) => Some(&agent.identifier),
            Actor::Group(group) => group.identifier.as_ref(),
        }
    }

    /// The identifier keys that match this actor in an `agent` query: its own identifier and,
    /// for a group, each member's (the specification counts a group whose members include the
    /// agent as a match).
    pub fn matching_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.identifier().map(|ifi| ifi.key()).into_iter().collect();
        if let Actor::Group(group) = self {
            for member in group.member.iter().flatten() {
                keys.push(member.identifier.key());
            }
        }
        keys
    }
}

/// An individual, identified by exactly one inverse functional identifier.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "objectType", rename = "Agent")]
pub struct Agent {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(flatten)]
    pub identifier: InverseFunctionalIdentifier,
}

/// A group: anonymous (no identifier, members required) or identified (exactly one identifier).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "objectType", rename = "Group")]
pub struct Group {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(flatten)]
    pub identifier: Option<InverseFunctionalIdentifier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<Vec<Agent>>,
}

/// The four ways to identify an Agent or an identified Group.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub enum InverseFunctionalIdentifier {
    /// `mailto:` IRI.
    #[serde(rename = "mbox")]
    Mbox(String),
    /// Hex SHA-1 of a `mailto:` IRI.
    #[serde(rename = "mbox_sha1sum")]
    MboxSha1Sum(String),
    /// An OpenID URI.
    #[serde(rename = "openid")]
    OpenId(String),
    /// An account on some system.
    #[serde(rename = "account")]
    Account(Account),
}

impl InverseFunctionalIdentifier {
    /// A string that is equal for two identifiers exactly when they identify the same agent:
    /// the kind, then the value. The domain of an e-mail address is case-insensitive, so it is
    /// lowercased; everything else is case-sensitive.
    pub fn key(&self) -> String {
        match self {
            Self::Mbox(mbox) => format!("mbox:{}", lowercase_mailto_domain(mbox)),
            Self::MboxSha1Sum(hash) => format!("mbox_sha1sum:{}", hash.to_ascii_lowercase()),
            Self::OpenId(openid) => format!("openid:{openid}"),
            Self::Account(account) => format!("account:{}|{}", account.home_page, account.name),
        }
    }
}

/// Lowercases the domain part of a `mailto:` IRI, which the specification says is
/// case-insensitive, and leaves the local part alone.
pub fn lowercase_mailto_domain(mbox: &str) -> String {
    match mbox.rsplit_once('@') {
        Some((local, domain)) => format!("{local}@{}", domain.to_lowercase()),
        None => mbox.to_owned(),
    }
}

/// A user account on some system.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Account {
    #[serde(rename = "homePage")]
    pub home_page: String,
    pub name: String,
}

/// The action: an IRI and optional display names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verb {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<LanguageMap>,
}

/// What was acted on.
// An Activity with its definition is much larger than a StatementRef, but a statement holds one
// object and statements are handled one at a time, so boxing would only add indirection.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum StatementObject {
    Activity(Activity),
    Agent(Agent),
    Group(Group),
    StatementRef(StatementRef),
    SubStatement(Box<SubStatement>),
}

/// An activity, identified by an IRI.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "objectType", rename = "Activity")]
pub struct Activity {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definition: Option<ActivityDefinition>,
}

/// Metadata about an activity. Not part of the statement for comparison purposes.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ActivityDefinition {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<LanguageMap>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<LanguageMap>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub activity_type: Option<String>,
    #[serde(rename = "moreInfo", skip_serializing_if = "Option::is_none")]
    pub more_info: Option<String>,
    #[serde(rename = "interactionType", skip_serializing_if = "Option::is_none")]
    pub interaction_type: Option<InteractionType>,
    #[serde(
        rename = "correctResponsesPattern",
        skip_serializing_if = "Option::is_none"
    )]
    pub correct_responses_pattern: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub choices: Option<Vec<InteractionComponent>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale: Option<Vec<InteractionComponent>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Vec<InteractionComponent>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Vec<InteractionComponent>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub steps: Option<Vec<InteractionComponent>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extensions: Option<Extensions>,
}

/// The kinds of interaction activity (SCORM's `cmi.interactions.n.type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InteractionType {
    TrueFalse,
    Choice,
    FillIn,
    LongFillIn,
    Matching,
    Performance,
    Sequencing,
    Likert,
    Numeric,
    Other,
}

impl InteractionType {
    /// Parses the exact (case-sensitive) spelling the specification gives.
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "true-false" => Self::TrueFalse,
            "choice" => Self::Choice,
            "fill-in" => Self::FillIn,
            "long-fill-in" => Self::LongFillIn,
            "matching" => Self::Matching,
            "performance" => Self::Performance,
            "sequencing" => Self::Sequencing,
            "likert" => Self::Likert,
            "numeric" => Self::Numeric,
            "other" => Self::Other,
            _ => return None,
        })
    }

    /// The interaction component lists this type supports.
    pub fn component_lists(self) -> &'static [&'static str] {
        match self {
            Self::Choice | Self::Sequencing => &["choices"],
            Self::Likert => &["scale"],
            Self::Matching => &["source", "target"],
            Self::Performance => &["steps"],
            Self::TrueFalse | Self::FillIn | Self::LongFillIn | Self::Numeric | Self::Other => &[],
        }
    }
}

/// One choice, scale point, source, target or step of an interaction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InteractionComponent {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<LanguageMap>,
}

/// A pointer to another statement by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "objectType", rename = "StatementRef")]
pub struct StatementRef {
    pub id: Uuid,
}

/// A statement nested as an object; it has no id, stored, version or authority and cannot
/// contain another substatement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "objectType", rename = "SubStatement")]
pub struct SubStatement {
    pub actor: Actor,
    pub verb: Verb,
    pub object: StatementObject,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<Outcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<Timestamp>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<Attachment>>,
}

/// xAPI's `result` property: a measured outcome. (Named `Outcome` so it does not shadow
/// `std::result::Result`.)
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Outcome {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<Score>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
    /// An ISO 8601 duration, kept as the string that was sent: the specification treats it as a
    /// string for comparison because months and years have no fixed length.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extensions: Option<Extensions>,
}

/// A score. Numbers are kept as the JSON numbers that were sent so that storing and returning a
/// statement does not change their serialization (`5` stays `5`, not `5.0`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Score {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scaled: Option<serde_json::Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw: Option<serde_json::Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<serde_json::Number>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<serde_json::Number>,
}

impl Score {
    /// The scaled score as a float, if present.
    pub fn scaled_value(&self) -> Option<f64> {
        self.scaled.as_ref().and_then(serde_json::Number::as_f64)
    }

    /// The raw score as a float, if present.
    pub fn raw_value(&self) -> Option<f64> {
        self.raw.as_ref().and_then(serde_json::Number::as_f64)
    }
}

/// Context that gives the statement more meaning.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Context {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub registration: Option<Uuid>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instructor: Option<Actor>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub team: Option<Group>,
    /// xAPI 2.0: other agents relevant to the statement, each with the types of relevance.
    #[serde(rename = "contextAgents", skip_serializing_if = "Option::is_none")]
    pub context_agents: Option<Vec<ContextAgent>>,
    /// xAPI 2.0: groups relevant to the statement, each with the types of relevance.
    #[serde(rename = "contextGroups", skip_serializing_if = "Option::is_none")]
    pub context_groups: Option<Vec<ContextGroup>>,
    #[serde(rename = "contextActivities", skip_serializing_if = "Option::is_none")]
    pub context_activities: Option<ContextActivities>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<StatementRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extensions: Option<Extensions>,
}

/// An agent relevant to a statement (xAPI 2.0 `context.contextAgents[]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "objectType", rename = "contextAgent")]
pub struct ContextAgent {
    pub agent: Agent,
    /// IRIs saying how the agent is relevant; when present, at least one.
    #[serde(rename = "relevantTypes", skip_serializing_if = "Option::is_none")]
    pub relevant_types: Option<Vec<String>>,
}

/// A group relevant to a statement (xAPI 2.0 `context.contextGroups[]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "objectType", rename = "contextGroup")]
pub struct ContextGroup {
    pub group: Group,
    /// IRIs saying how the group is relevant; when present, at least one.
    #[serde(rename = "relevantTypes", skip_serializing_if = "Option::is_none")]
    pub relevant_types: Option<Vec<String>>,
}

/// Activities related to the statement's object. Each list is always an array when returned,
/// even when a single activity object was sent.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ContextActivities {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<Vec<Activity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grouping: Option<Vec<Activity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Vec<Activity>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other: Option<Vec<Activity>>,
}

impl ContextActivities {
    /// Every activity in every list.
    pub fn all(&self) -> impl Iterator<Item = &Activity> {
        [&self.parent, &self.grouping, &self.category, &self.other]
            .into_iter()
            .flatten()
            .flatten()
    }
}

/// Metadata about a file attached to the statement (the file itself is not stored here).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attachment {
    #[serde(rename = "usageType")]
    pub usage_type: String,
    pub display: LanguageMap,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<LanguageMap>,
    #[serde(rename = "contentType")]
    pub content_type: String,
    pub length: u64,
    pub sha2: String,
    #[serde(rename = "fileUrl", skip_serializing_if = "Option::is_none")]
    pub file_url: Option<String>,
}
