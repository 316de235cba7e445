//! Certificates (issue 21): issued by a site to a learner who completed a course there, as
//! core's `records::certificate` credentials, signed with the site's key.
//!
//! - `GET /api/certificates/trust` → core's `TrustList`: every site's public keys (current
//!   and retired) and the revoked certificates, as of now. Anyone may read it, signed in or
//!   not: it is what a verifier with no account keeps for verifying offline.
//! - `GET /api/my/certificates` → the caller's certificates at every site (core's
//!   `IssuedCertificate`), revoked ones marked.
//! - `POST /api/my/certificates` core's `CertificateRequest` → 201 and the certificate, or 200
//!   and the one already issued for that course at this site (nothing is signed again; the
//!   name given the first time stays). Only at a site's address (elsewhere 404), for a course
//!   the site offers whose source has a completion rule (else 404). The server decides
//!   completion from the caller's statements it stores (its progress rows, core's fold of
//!   them), never from the app: not complete is 409 with core's `NotYetComplete`, lesson by
//!   lesson. The site's first certificate makes its key.
//! - `GET /api/my/completion` → core's `CourseCompletion` of each course of the site with a
//!   completion rule that the caller has begun (a lesson of it in their progress), decided as
//!   a request for its certificate is: what the app shows as progress toward one.
//! - `GET /api/site/certificates` → core's `SiteCertificate`s of the request's site, newest
//!   first; `POST /api/site/certificates/{id}/revoke` revokes one (the trust list names it from
//!   then on). Both for the site's admins and the platform's admin, at the site's address; a
//!   teacher of the site gets 403, anyone else 404, as for the site's other admin routes.
//!
//! A revoked certificate's learner may ask again: the server decides anew from their
//! statements (a name printed wrongly is mended so).

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use baeum_core::content::{Language, LocalizedText};
use baeum_core::records::certificate::{
    check_learner_name, public_key_of_secret, sign, CertificateClaims, PublishedKey, Revocation,
    TrustList,
};
use baeum_core::records::wire::{
    CertificateRequest, CourseCompletion, IssuedCertificate, NotYetComplete, SiteCertificate,
};
use baeum_core::site::check_course_id;
use chrono::{DateTime, TimeZone, Utc};
use rand::RngCore;
use unicode_normalization::UnicodeNormalization;
use uuid::Uuid;

use crate::accounts::JsonBody;
use crate::auth::Authenticated;
use crate::error::ServerError;
use crate::store::{run_blocking, CertificateRecord, SigningKeyRecord, StoreError};
use crate::wellbeing::timestamp_text;
use crate::AppState;

/// Why the site's teachers may not run its certificates.
const REFUSED_TO_TEACHERS: &str = "only the site's admins see and revoke its certificates";

/// The routes of this module.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/certificates/trust", get(trust_list))
        .route(
            "/api/my/certificates",
            get(my_certificates).post(request_certificate),
        )
        .route("/api/my/completion", get(my_completion))
        .route("/api/site/certificates", get(site_certificates))
        .route("/api/site/certificates/{id}/revoke", post(revoke))
}

async fn trust_list(State(state): State<AppState>) -> Result<Json<TrustList>, ServerError> {
    let (keys, revoked) = run_blocking(&state.store, |store| {
        Ok((store.signing_keys()?, store.revocations()?))
    })
    .await?;
    Ok(Json(TrustList {
        keys: keys
            .into_iter()
            .map(|key| PublishedKey {
                key: key.public_key,
                site: key.site_id,
                created: timestamp_text(key.created_at),
                retired: key.retired_at.map(timestamp_text),
            })
            .collect(),
        revoked: revoked
            .into_iter()
            .map(|(id, at)| Revocation {
                id,
                revoked: timestamp_text(at),
            })
            .collect(),
        as_of: timestamp_text(Utc::now()),
    }))
}

fn issued(record: &CertificateRecord) -> Result<IssuedCertificate, ServerError> {
    let claims = serde_json::from_str(&record.claims_json)
        .map_err(|error| StoreError::Corrupt(format!("certificate {}: {error}", record.id)))?;
    Ok(IssuedCertificate {
        claims,
        proof_value: record.proof_value.clone(),
        revoked: record.revoked_at.map(timestamp_text),
    })
}

async fn my_certificates(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<Json<Vec<IssuedCertificate>>, ServerError> {
    let account_id = caller.account.id;
    let records = run_blocking(&state.store, move |store| {
        store.certificates_of_account(account_id)
    })
    .await?;
    Ok(Json(records.iter().map(issued).collect::<Result<_, _>>()?))
}

/// The texts a certificate carries of a localized one: Korean, English and the learner's
/// language, those that are written; a text in none of them, in the first language it has.
fn certificate_texts(text: &LocalizedText, language: Option<Language>) -> BTreeMap<String, String> {
    let mut chosen: BTreeMap<String, String> = [Some(Language::Ko), Some(Language::En), language]
        .into_iter()
        .flatten()
        .filter_map(|language| {
            let written = text.get(language)?;
            Some((language.code().to_owned(), written.to_owned()))
        })
        .collect();
    if chosen.is_empty() {
        if let Some((language, written)) = text.0.iter().next() {
            chosen.insert(language.code().to_owned(), written.clone());
        }
    }
    chosen
}

async fn request_certificate(
    State(state): State<AppState>,
    caller: Authenticated,
    JsonBody(request): JsonBody<CertificateRequest>,
) -> Result<Response, ServerError> {
    state
        .limiters
        .records_request(&state.store, caller.account.id)
        .await?;
    let not_here = || ServerError::NotFound("certificates are issued at a site's address".into());
    let site_id = caller.site_id.clone().ok_or_else(not_here)?;
    let name: String = request.name.trim().nfc().collect();
    check_learner_name(&name).map_err(|error| ServerError::bad_request(error.to_string()))?;
    check_course_id(&request.course)
        .map_err(|error| ServerError::bad_request(error.to_string()))?;
    let language = match request.language.as_deref() {
        None => None,
        Some(code) => Some(Language::from_code(code).ok_or_else(|| {
            ServerError::bad_request(format!("{code:?} is not a language baeum knows"))
        })?),
    };
    let site = super::site_record(
        &state,
        site_id,
        "certificates are issued at a site's address",
    )
    .await?;
    let not_offered = || {
        ServerError::NotFound(format!(
            "this site gives no certificate for {:?}",
            request.course
        ))
    };
    // Asked again for a certificate already issued: the same one, before any other work.
    let account_id = caller.account.id;
    let existing = run_blocking(&state.store, move |store| {
        store.certificates_of_account(account_id)
    })
    .await?
    .into_iter()
    .find(|record| {
        record.site_id == site.id
            && record.course_id == request.course
            && record.revoked_at.is_none()
    });
    if let Some(existing) = existing {
        return Ok((StatusCode::OK, Json(issued(&existing)?)).into_response());
    }
    let offered = super::offered_courses(&state, &site).await?;
    let manifest_name = offered
        .courses
        .iter()
        .find(|course| course.id == request.course)
        .map(|course| course.manifest.clone())
        .ok_or_else(not_offered)?;
    let content_dir = state.config.content_dir.clone();
    let manifest = tokio::task::spawn_blocking(move || {
        crate::assignments::read_manifest_file(&content_dir, &manifest_name)
    })
    .await
    .map_err(|_| StoreError::TaskFailed)??;
    let rule = manifest.completion.clone().ok_or_else(not_offered)?;
    // A course the site does not leave open: only to a learner it enrolled.
    if let Err(why) =
        super::enrolment::enrolled_at(&state, &site.id, account_id, &manifest.id).await?
    {
        return Err(ServerError::Forbidden(why));
    }

    let report = super::learner_report(&state, account_id).await?;
    let status = rule.check(&manifest.id, &report);
    if !status.is_complete() {
        let error = format!(
            "the course is not complete yet: {} of {} lessons count",
            status.done, status.total
        );
        return Ok((StatusCode::CONFLICT, Json(NotYetComplete { error, status })).into_response());
    }

    let key = site_key(&state, &site.id).await?;
    let now = Utc::now();
    let issued_at = Utc
        .timestamp_opt(now.timestamp(), 0)
        .single()
        .unwrap_or(now);
    let claims = CertificateClaims {
        id: Uuid::new_v4(),
        site: site.id.clone(),
        site_name: certificate_texts(&site.name, language),
        course: manifest.id.clone(),
        course_title: certificate_texts(&manifest.title, language),
        hours: rule.hours,
        learner_name: name,
        issued: timestamp_text(issued_at),
        key: key.public_key.clone(),
    };
    claims
        .check()
        .map_err(|error| ServerError::bad_request(error.to_string()))?;
    let proof_value = sign(&claims, &key.secret)
        .map_err(|error| StoreError::Corrupt(format!("signing key {}: {error}", key.public_key)))?;
    let record = CertificateRecord {
        id: claims.id,
        account_id,
        site_id: site.id.clone(),
        course_id: manifest.id.clone(),
        claims_json: serde_json::to_string(&claims)
            .map_err(|error| StoreError::Corrupt(error.to_string()))?,
        proof_value,
        issued_at,
        revoked_at: None,
    };
    let new_id = record.id;
    let stored = run_blocking(&state.store, move |store| store.issue_certificate(&record)).await?;
    // Another request of the same learner may have issued it a moment before: that one.
    let status = if stored.id == new_id {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(issued(&stored)?)).into_response())
}

/// The most courses `GET /api/my/completion` reads manifests for: a learner of a province's
/// catalogue may have begun many, and each is a file read.
const MOST_COURSES_IN_PROGRESS: usize = 50;

async fn my_completion(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<Json<Vec<CourseCompletion>>, ServerError> {
    state
        .limiters
        .records_request(&state.store, caller.account.id)
        .await?;
    let site_id = caller.site_id.clone().ok_or_else(|| {
        ServerError::NotFound("certificates are issued at a site's address".into())
    })?;
    let site = super::site_record(&state, site_id, "this address is no site").await?;
    let report = super::learner_report(&state, caller.account.id).await?;
    let offered = super::offered_courses(&state, &site).await?;
    let begun: std::collections::BTreeSet<&str> = report
        .lessons
        .keys()
        .map(|lesson| lesson.course_id.as_str())
        .collect();
    let manifests: Vec<String> = offered
        .courses
        .iter()
        .filter(|course| begun.contains(course.id.as_str()))
        .take(MOST_COURSES_IN_PROGRESS)
        .map(|course| course.manifest.clone())
        .collect();
    let content_dir = state.config.content_dir.clone();
    let manifests = tokio::task::spawn_blocking(move || {
        manifests
            .iter()
            .map(|name| crate::assignments::read_manifest_file(&content_dir, name))
            .collect::<Result<Vec<_>, _>>()
    })
    .await
    .map_err(|_| StoreError::TaskFailed)??;
    Ok(Json(
        manifests
            .into_iter()
            .filter_map(|manifest| {
                let rule = manifest.completion.as_ref()?;
                Some(CourseCompletion {
                    hours: rule.hours,
                    status: rule.check(&manifest.id, &report),
                })
            })
            .collect(),
    ))
}

/// A new signing key for a site, from the operating system's randomness.
pub fn new_signing_key(site_id: &str, now: DateTime<Utc>) -> SigningKeyRecord {
    let mut secret = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut secret);
    SigningKeyRecord {
        public_key: public_key_of_secret(&secret),
        site_id: site_id.to_owned(),
        secret,
        created_at: now,
        retired_at: None,
    }
}

/// The site's current key, made now if it has none.
async fn site_key(state: &AppState, site_id: &str) -> Result<SigningKeyRecord, ServerError> {
    let candidate = new_signing_key(site_id, Utc::now());
    Ok(run_blocking(&state.store, move |store| {
        store.current_signing_key(&candidate)
    })
    .await?)
}

async fn site_certificates(
    State(state): State<AppState>,
    caller: Authenticated,
) -> Result<Json<Vec<SiteCertificate>>, ServerError> {
    let site_id = super::site_run_by_caller(&state, &caller, REFUSED_TO_TEACHERS)
        .await?
        .id;
    let records = run_blocking(&state.store, move |store| {
        store.certificates_of_site(&site_id)
    })
    .await?;
    let mut listed = Vec::with_capacity(records.len());
    for record in &records {
        let certificate = issued(record)?;
        listed.push(SiteCertificate {
            id: record.id,
            course: record.course_id.clone(),
            learner_name: certificate.claims.learner_name,
            issued: certificate.claims.issued,
            revoked: certificate.revoked,
        });
    }
    Ok(Json(listed))
}

async fn revoke(
    State(state): State<AppState>,
    caller: Authenticated,
    Path(id): Path<String>,
) -> Result<StatusCode, ServerError> {
    let site_id = super::site_run_by_caller(&state, &caller, REFUSED_TO_TEACHERS)
        .await?
        .id;
    let unknown = || ServerError::NotFound("this site has no such certificate".into());
    let id = Uuid::parse_str(&id).map_err(|_| unknown())?;
    let found = run_blocking(&state.store, move |store| {
        store.revoke_certificate(&site_id, id, Utc::now())
    })
    .await?;
    if found {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(unknown())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_certificate_carries_korean_english_and_the_learners_language_or_else_the_first() {
        let name = LocalizedText::from_pairs([
            (Language::Ko, "알마티"),
            (Language::En, "Almaty"),
            (Language::Ru, "Алматы"),
            (Language::Kk, "Алматы"),
        ]);
        let chosen = certificate_texts(&name, Some(Language::Ru));
        assert_eq!(chosen.keys().collect::<Vec<_>>(), ["en", "ko", "ru"]);
        assert_eq!(certificate_texts(&name, None).len(), 2);
        let only_vietnamese = LocalizedText::from_pairs([(Language::Vi, "Hải Phòng")]);
        assert_eq!(
            certificate_texts(&only_vietnamese, Some(Language::Ru)),
            BTreeMap::from([("vi".to_owned(), "Hải Phòng".to_owned())])
        );
    }
}
