//! Certificates that verify with no connection: a W3C Verifiable Credential 2.0 that is an
//! Open Badges 3.0 `OpenBadgeCredential`, secured by a Data Integrity proof with the
//! `eddsa-jcs-2022` cryptosuite (Ed25519 over the JSON Canonicalization Scheme), signed with
//! its site's key.
//!
//! Everything a certificate says is its [`CertificateClaims`]; the credential is built from
//! them alone ([`unsigned_credential`]), so one signature covers two forms of it:
//! - the credential itself, JSON any Verifiable Credential tool reads;
//! - the compact form for a QR code ([`compact_form`]): `BC1.`, the claims as base64url JSON,
//!   `.` and the proof value. A verifier rebuilds the credential from the claims and checks
//!   the same signature, so the QR code stays small enough for a phone's camera.
//!
//! A key is trusted through the platform's published list of site keys ([`TrustList`]), which
//! the app keeps with its offline files; the list also names revoked certificates, and a
//! verdict says as of when it was fetched. A rotated key stays in the list, retired: it still
//! verifies what it signed before, never what claims a later date.

use std::collections::BTreeMap;

use base64::Engine;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::xapi::formats::parse_timestamp;

/// The credential's contexts: Verifiable Credentials 2.0 (whose `@vocab` covers the
/// issuer-dependent `titles`, `names` and `learningHours`) and Open Badges 3.0.
pub const CONTEXTS: [&str; 2] = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
];
pub const CRYPTOSUITE: &str = "eddsa-jcs-2022";
/// The compact form's first characters, with its version.
pub const COMPACT_PREFIX: &str = "BC1.";
/// The multicodec prefix of an Ed25519 public key (`0xed` as a varint).
const ED25519_PUBLIC_KEY_CODEC: [u8; 2] = [0xed, 0x01];
/// The longest name a certificate carries, in characters.
pub const MAX_NAME_CHARS: usize = 80;
/// The longest title or site name, in characters, and how many languages each may have.
const MAX_TITLE_CHARS: usize = 200;
const MAX_LANGUAGES: usize = 4;
/// The longest compact form accepted (a real one is about 600 characters).
pub const MAX_COMPACT_CHARS: usize = 4_000;

/// What a certificate says: who issued it, to whom, for what, when, and with which key.
/// The short field names keep the compact form (and its QR code) small.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CertificateClaims {
    #[serde(rename = "i")]
    pub id: Uuid,
    /// The issuing site's id.
    #[serde(rename = "s")]
    pub site: String,
    /// The site's name by language code.
    #[serde(rename = "sn")]
    pub site_name: BTreeMap<String, String>,
    #[serde(rename = "c")]
    pub course: String,
    /// The course's title by language code: Korean and the learner's language, at most.
    #[serde(rename = "ct")]
    pub course_title: BTreeMap<String, String>,
    /// The learning time the course's completion rule states.
    #[serde(rename = "h")]
    pub hours: u32,
    /// The name the learner asked to be printed: kept in the certificate alone.
    #[serde(rename = "n")]
    pub learner_name: String,
    /// When it was issued: RFC 3339 in UTC, whole seconds (`2026-12-07T10:00:00Z`).
    #[serde(rename = "d")]
    pub issued: String,
    /// The signing key: an Ed25519 public key as multibase (`z6Mk…`).
    #[serde(rename = "k")]
    pub key: String,
}

/// Why claims cannot be a certificate, or a text is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CertificateError {
    #[error("the name must be 1 to {MAX_NAME_CHARS} characters, with no control characters")]
    Name,
    #[error(
        "the {0} must have 1 to {MAX_LANGUAGES} languages, each 1 to {MAX_TITLE_CHARS} characters"
    )]
    Texts(&'static str),
    #[error("the site or course id is not one")]
    Id,
    #[error("the hours must be 1 to {}", super::completion::MAX_HOURS)]
    Hours,
    #[error("the date of issue is not an RFC 3339 time in UTC with whole seconds")]
    Issued,
    #[error("the key is not an Ed25519 public key in multibase")]
    Key,
    #[error("the signing key does not match the key the claims name")]
    KeyMismatch,
    #[error("this is not a baeum certificate: {0}")]
    NotACertificate(&'static str),
}

impl CertificateClaims {
    /// Checks every field, so nothing unreadable is ever signed or shown.
    pub fn check(&self) -> Result<(), CertificateError> {
        check_learner_name(&self.learner_name)?;
        check_texts(&self.site_name, "site's name")?;
        check_texts(&self.course_title, "course's title")?;
        if crate::site::check_site_id(&self.site).is_err()
            || crate::site::check_course_id(&self.course).is_err()
        {
            return Err(CertificateError::Id);
        }
        if self.hours == 0 || self.hours > super::completion::MAX_HOURS {
            return Err(CertificateError::Hours);
        }
        let issued_is_plain = self.issued.len() == "2026-12-07T10:00:00Z".len()
            && self.issued.ends_with('Z')
            && parse_timestamp(&self.issued).is_ok();
        if !issued_is_plain {
            return Err(CertificateError::Issued);
        }
        public_key_from_multibase(&self.key)?;
        Ok(())
    }

    /// The title or name to show first: Korean where written, else the first language.
    pub fn course_title_in(&self, language: &str) -> &str {
        text_in(&self.course_title, language)
    }

    pub fn site_name_in(&self, language: &str) -> &str {
        text_in(&self.site_name, language)
    }
}

/// A name to print: 1 to [`MAX_NAME_CHARS`] characters, not only spaces, nothing that
/// [`misleads`].
pub fn check_learner_name(name: &str) -> Result<(), CertificateError> {
    if name.trim().is_empty() || name.chars().count() > MAX_NAME_CHARS || name.chars().any(misleads)
    {
        return Err(CertificateError::Name);
    }
    Ok(())
}

/// A character that has no place on a certificate: a control character, or a direction
/// override that would show the text in another order than it is signed in.
pub(crate) fn misleads(character: char) -> bool {
    character.is_control()
        || matches!(character, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The text in `language`, else in Korean, else the first written.
pub fn text_in<'a>(texts: &'a BTreeMap<String, String>, language: &str) -> &'a str {
    texts
        .get(language)
        .or_else(|| texts.get("ko"))
        .or_else(|| texts.values().next())
        .map_or("", String::as_str)
}

fn check_texts(
    texts: &BTreeMap<String, String>,
    what: &'static str,
) -> Result<(), CertificateError> {
    let plain = |text: &String| {
        !text.trim().is_empty()
            && text.chars().count() <= MAX_TITLE_CHARS
            && !text.chars().any(misleads)
    };
    let languages_plain = texts.keys().all(|code| {
        (2..=3).contains(&code.len()) && code.bytes().all(|byte| byte.is_ascii_lowercase())
    });
    if texts.is_empty()
        || texts.len() > MAX_LANGUAGES
        || !languages_plain
        || !texts.values().all(plain)
    {
        return Err(CertificateError::Texts(what));
    }
    Ok(())
}

/// A public key as multibase (base58btc, `z`, of the multicodec-prefixed key): the key's id in
/// the trust list and the method id of `did:key`.
pub fn public_key_multibase(key: &VerifyingKey) -> String {
    let mut bytes = ED25519_PUBLIC_KEY_CODEC.to_vec();
    bytes.extend_from_slice(key.as_bytes());
    format!("z{}", bs58::encode(bytes).into_string())
}

/// The public key of a secret (32 bytes) as multibase.
pub fn public_key_of_secret(secret: &[u8; 32]) -> String {
    public_key_multibase(&SigningKey::from_bytes(secret).verifying_key())
}

fn public_key_from_multibase(text: &str) -> Result<VerifyingKey, CertificateError> {
    let encoded = text.strip_prefix('z').ok_or(CertificateError::Key)?;
    let bytes = bs58::decode(encoded)
        .into_vec()
        .map_err(|_| CertificateError::Key)?;
    let key: [u8; 32] = bytes
        .strip_prefix(&ED25519_PUBLIC_KEY_CODEC)
        .and_then(|key| key.try_into().ok())
        .ok_or(CertificateError::Key)?;
    VerifyingKey::from_bytes(&key).map_err(|_| CertificateError::Key)
}

/// The issuer's id in the credential.
pub fn issuer_id(site: &str) -> String {
    format!("urn:baeum:site:{site}")
}

fn verification_method(key: &str) -> String {
    format!("did:key:{key}#{key}")
}

/// The credential the claims make, without its proof. Deterministic: the compact form's
/// verifier rebuilds exactly what was signed.
pub fn unsigned_credential(claims: &CertificateClaims) -> Value {
    let title = claims.course_title_in("ko");
    let site_name = claims.site_name_in("ko");
    json!({
        "@context": CONTEXTS,
        "id": format!("urn:uuid:{}", claims.id),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": title,
        "issuer": {
            "id": issuer_id(&claims.site),
            "type": ["Profile"],
            "name": site_name,
            "names": claims.site_name,
        },
        "validFrom": claims.issued,
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{
                "type": "IdentityObject",
                "identityHash": claims.learner_name,
                "identityType": "name",
                "hashed": false,
            }],
            "learningHours": claims.hours,
            "achievement": {
                "id": format!("urn:baeum:course:{}", claims.course),
                "type": ["Achievement"],
                "achievementType": "Course",
                "name": title,
                "titles": claims.course_title,
                "description": format!(
                    "The course {title} ({} h), completed at {site_name}.",
                    claims.hours
                ),
                "criteria": {
                    "narrative": "Every lesson the course's completion rule counts, completed \
                                  with the score it asks for, as the issuer's server decided \
                                  from the learner's own record of answers."
                },
            },
        },
    })
}

fn proof_options(claims: &CertificateClaims) -> Value {
    json!({
        "type": "DataIntegrityProof",
        "cryptosuite": CRYPTOSUITE,
        "created": claims.issued,
        "verificationMethod": verification_method(&claims.key),
        "proofPurpose": "assertionMethod",
    })
}

/// What `eddsa-jcs-2022` signs: SHA-256 of the canonical proof configuration (the proof's
/// options with the document's `@context`), then SHA-256 of the canonical document.
fn hash_data(document: &Value, options: &Value) -> Vec<u8> {
    let mut configuration = options.clone();
    configuration["@context"] = document["@context"].clone();
    let mut data = Sha256::digest(canonical_json(&configuration).as_bytes()).to_vec();
    data.extend_from_slice(&Sha256::digest(canonical_json(document).as_bytes()));
    data
}

/// The JSON Canonicalization Scheme (RFC 8785) of a document of strings, integers, booleans,
/// arrays and objects, which is all a certificate holds: members sorted by their names' UTF-16
/// code units, no whitespace, strings escaped as ECMAScript does (serde_json escapes the same
/// characters the same way). Written here, not left to serde_json's map order, which a
/// dependency's `preserve_order` feature would change.
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(members) => {
            let mut sorted: Vec<(&String, &Value)> = members.iter().collect();
            sorted.sort_by(|(left, _), (right, _)| left.encode_utf16().cmp(right.encode_utf16()));
            out.push('{');
            for (index, (name, member)) in sorted.into_iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(name.clone()).to_string());
                out.push(':');
                write_canonical(member, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// Signs the claims with the site's secret key: the proof value (multibase, `z…`).
pub fn sign(claims: &CertificateClaims, secret: &[u8; 32]) -> Result<String, CertificateError> {
    claims.check()?;
    let key = SigningKey::from_bytes(secret);
    if public_key_multibase(&key.verifying_key()) != claims.key {
        return Err(CertificateError::KeyMismatch);
    }
    let signature = key.sign(&hash_data(
        &unsigned_credential(claims),
        &proof_options(claims),
    ));
    Ok(format!(
        "z{}",
        bs58::encode(signature.to_bytes()).into_string()
    ))
}

/// The signed credential, as stored, given and exported.
pub fn signed_credential(claims: &CertificateClaims, proof_value: &str) -> Value {
    let mut credential = unsigned_credential(claims);
    let mut proof = proof_options(claims);
    proof["proofValue"] = Value::String(proof_value.to_owned());
    credential["proof"] = proof;
    credential
}

/// The compact form for a QR code.
pub fn compact_form(claims: &CertificateClaims, proof_value: &str) -> String {
    let claims_json = serde_json::to_vec(claims).unwrap_or_default();
    format!(
        "{COMPACT_PREFIX}{}.{proof_value}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims_json)
    )
}

/// A certificate as given to a verifier, either form, read back to its claims and proof.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Presented {
    pub claims: CertificateClaims,
    pub proof_value: String,
}

/// Reads the compact form, or a credential's JSON, or a link to the verify page that carries
/// the compact form after `#` (what the QR code holds). Reading is not verifying.
pub fn read_presented(text: &str) -> Result<Presented, CertificateError> {
    let text = text.trim();
    if text.len() > MAX_COMPACT_CHARS * 4 {
        return Err(CertificateError::NotACertificate("it is too long"));
    }
    if text.starts_with('{') {
        return read_credential(text);
    }
    let compact = text
        .find(COMPACT_PREFIX)
        .map(|start| &text[start..])
        .ok_or(CertificateError::NotACertificate(
            "it has no certificate in it",
        ))?;
    if compact.len() > MAX_COMPACT_CHARS {
        return Err(CertificateError::NotACertificate("it is too long"));
    }
    let (claims_part, proof_value) = compact[COMPACT_PREFIX.len()..]
        .split_once('.')
        .ok_or(CertificateError::NotACertificate("its parts are missing"))?;
    let claims_json = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(claims_part)
        .map_err(|_| CertificateError::NotACertificate("it is damaged"))?;
    let claims: CertificateClaims = serde_json::from_slice(&claims_json)
        .map_err(|_| CertificateError::NotACertificate("it is damaged"))?;
    claims.check()?;
    Ok(Presented {
        claims,
        proof_value: proof_value.to_owned(),
    })
}

/// A credential's JSON back to its claims: it must be exactly what those claims build, with
/// an `eddsa-jcs-2022` proof by the key they name.
fn read_credential(text: &str) -> Result<Presented, CertificateError> {
    let mut credential: Value = serde_json::from_str(text)
        .map_err(|_| CertificateError::NotACertificate("it is not JSON"))?;
    let proof = credential
        .as_object_mut()
        .and_then(|members| members.remove("proof"))
        .ok_or(CertificateError::NotACertificate("it has no proof"))?;
    let text_at = |value: &Value, pointer: &str| -> Option<String> {
        value.pointer(pointer)?.as_str().map(str::to_owned)
    };
    let texts_at = |pointer: &str| -> Option<BTreeMap<String, String>> {
        serde_json::from_value(credential.pointer(pointer)?.clone()).ok()
    };
    let missing = CertificateError::NotACertificate("a field is missing");
    let id = text_at(&credential, "/id")
        .and_then(|id| Uuid::parse_str(id.strip_prefix("urn:uuid:")?).ok())
        .ok_or(missing.clone())?;
    let claims = CertificateClaims {
        id,
        site: text_at(&credential, "/issuer/id")
            .and_then(|id| id.strip_prefix("urn:baeum:site:").map(str::to_owned))
            .ok_or(missing.clone())?,
        site_name: texts_at("/issuer/names").ok_or(missing.clone())?,
        course: text_at(&credential, "/credentialSubject/achievement/id")
            .and_then(|id| id.strip_prefix("urn:baeum:course:").map(str::to_owned))
            .ok_or(missing.clone())?,
        course_title: texts_at("/credentialSubject/achievement/titles").ok_or(missing.clone())?,
        hours: credential
            .pointer("/credentialSubject/learningHours")
            .and_then(Value::as_u64)
            .and_then(|hours| u32::try_from(hours).ok())
            .ok_or(missing.clone())?,
        learner_name: text_at(&credential, "/credentialSubject/identifier/0/identityHash")
            .ok_or(missing.clone())?,
        issued: text_at(&credential, "/validFrom").ok_or(missing.clone())?,
        key: text_at(&proof, "/verificationMethod")
            .and_then(|method| method.split_once('#').map(|(_, key)| key.to_owned()))
            .ok_or(missing)?,
    };
    claims.check()?;
    let proof_value = text_at(&proof, "/proofValue")
        .ok_or(CertificateError::NotACertificate("its proof has no value"))?;
    let mut expected_proof = proof_options(&claims);
    expected_proof["proofValue"] = Value::String(proof_value.clone());
    if unsigned_credential(&claims) != credential || expected_proof != proof {
        return Err(CertificateError::NotACertificate(
            "it is not in the shape baeum issues",
        ));
    }
    Ok(Presented {
        claims,
        proof_value,
    })
}

/// A site's key as the platform publishes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedKey {
    /// The public key, multibase.
    pub key: String,
    pub site: String,
    /// When it was made (RFC 3339).
    pub created: String,
    /// When it was replaced by a newer key, if it was: it verifies what it signed before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<String>,
}

/// A revoked certificate, as the platform publishes it: its id and when, nothing else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revocation {
    pub id: Uuid,
    pub revoked: String,
}

/// What a verifier trusts: every site's keys and the revoked certificates, as of a time.
/// `GET /api/certificates/trust` answers it; the app keeps it for verifying offline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrustList {
    pub keys: Vec<PublishedKey>,
    pub revoked: Vec<Revocation>,
    /// When the server answered (RFC 3339): the verdict's "as of".
    pub as_of: String,
}

/// Why a certificate is not accepted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum Refusal {
    /// It is not a certificate (damaged, cut short, not baeum's shape).
    Unreadable { detail: String },
    /// No site of the platform publishes its key (or the list kept is older than the key).
    UnknownKey,
    /// The key is published, but for another site than the one the certificate names.
    KeyOfAnotherSite { key_site: String },
    /// It claims a date after its key was retired.
    IssuedAfterKeyRetired { retired: String },
    /// The signature does not match: something in it was changed after signing.
    Tampered,
    /// The site revoked it.
    Revoked { revoked: String },
}

/// A verifier's answer, with the date of the trust list it rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    /// `None`: genuine. Otherwise why not.
    pub refusal: Option<Refusal>,
    /// What the certificate says (when it could be read at all), for showing beside the
    /// verdict.
    pub claims: Option<CertificateClaims>,
    /// The trust list's `as_of`.
    pub as_of: String,
}

impl Verdict {
    pub fn is_valid(&self) -> bool {
        self.refusal.is_none()
    }
}

/// Verifies a presented certificate (either form, or the QR code's link) against a trust list.
pub fn verify(text: &str, trust: &TrustList) -> Verdict {
    let verdict = |refusal: Option<Refusal>, claims: Option<CertificateClaims>| Verdict {
        refusal,
        claims,
        as_of: trust.as_of.clone(),
    };
    let presented = match read_presented(text) {
        Ok(presented) => presented,
        Err(error) => {
            let detail = error.to_string();
            return verdict(Some(Refusal::Unreadable { detail }), None);
        }
    };
    let refusal = refusal_of(&presented, trust);
    verdict(refusal, Some(presented.claims))
}

fn refusal_of(presented: &Presented, trust: &TrustList) -> Option<Refusal> {
    let claims = &presented.claims;
    let Some(published) = trust.keys.iter().find(|key| key.key == claims.key) else {
        return Some(Refusal::UnknownKey);
    };
    if published.site != claims.site {
        return Some(Refusal::KeyOfAnotherSite {
            key_site: published.site.clone(),
        });
    }
    if let Some(retired) = &published.retired {
        let after = match (parse_timestamp(&claims.issued), parse_timestamp(retired)) {
            (Ok(issued), Ok(retired)) => issued > retired,
            _ => true,
        };
        if after {
            return Some(Refusal::IssuedAfterKeyRetired {
                retired: retired.clone(),
            });
        }
    }
    let Ok(key) = public_key_from_multibase(&claims.key) else {
        return Some(Refusal::UnknownKey);
    };
    let signature = presented
        .proof_value
        .strip_prefix('z')
        .and_then(|encoded| bs58::decode(encoded).into_vec().ok())
        .and_then(|bytes| <[u8; 64]>::try_from(bytes.as_slice()).ok())
        .map(|bytes| Signature::from_bytes(&bytes));
    let signed = hash_data(&unsigned_credential(claims), &proof_options(claims));
    if signature.is_none_or(|signature| key.verify_strict(&signed, &signature).is_err()) {
        return Some(Refusal::Tampered);
    }
    trust
        .revoked
        .iter()
        .find(|revocation| revocation.id == claims.id)
        .map(|revocation| Refusal::Revoked {
            revoked: revocation.revoked.clone(),
        })
}

#[cfg(test)]
mod tests;
