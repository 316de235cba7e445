use super::*;

const SECRET: [u8; 32] = [7; 32];
const OTHER_SECRET: [u8; 32] = [9; 32];

fn claims(secret: &[u8; 32]) -> CertificateClaims {
    CertificateClaims {
        id: Uuid::from_u128(0x5fd6_1c2e_0000_4000_8000_0000_0000_0001),
        site: "almaty".into(),
        site_name: BTreeMap::from([
            ("ko".into(), "알마티 한국어 학교".into()),
            ("ru".into(), "Алматинская школа корейского".into()),
        ]),
        course: "hangul".into(),
        course_title: BTreeMap::from([
            ("ko".into(), "한글".into()),
            ("ru".into(), "Хангыль: корейский алфавит".into()),
        ]),
        hours: 8,
        learner_name: "Айгерим Нурланова".into(),
        issued: "2026-12-07T10:00:00Z".into(),
        key: public_key_of_secret(secret),
    }
}

fn trust(keys: Vec<PublishedKey>) -> TrustList {
    TrustList {
        keys,
        revoked: Vec::new(),
        as_of: "2026-12-07T11:00:00Z".into(),
    }
}

fn published(secret: &[u8; 32], site: &str, retired: Option<&str>) -> PublishedKey {
    PublishedKey {
        key: public_key_of_secret(secret),
        site: site.into(),
        created: "2026-01-01T00:00:00Z".into(),
        retired: retired.map(str::to_owned),
    }
}

fn issued(secret: &[u8; 32]) -> (CertificateClaims, String) {
    let claims = claims(secret);
    let proof = sign(&claims, secret).expect("signs");
    (claims, proof)
}

/// The `eddsa-jcs-2022` example of the W3C's "Data Integrity EdDSA Cryptosuites v1.0"
/// (its key pair, document, proof options and proof value), so baeum's proofs are the
/// standard's and not only baeum's own.
#[test]
fn the_proof_is_the_standards_eddsa_jcs_2022() {
    let secret_multibase = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";
    let decoded = bs58::decode(&secret_multibase[1..]).into_vec().unwrap();
    // The multicodec of an Ed25519 private key, 0x1300 as a varint.
    assert_eq!(&decoded[..2], &[0x80, 0x26]);
    let secret: [u8; 32] = decoded[2..].try_into().unwrap();
    let public = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
    assert_eq!(public_key_of_secret(&secret), public);
    let document = json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/ns/credentials/examples/v2"
        ],
        "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
        "type": ["VerifiableCredential", "AlumniCredential"],
        "name": "Alumni Credential",
        "description": "A minimum viable example of an Alumni Credential.",
        "issuer": "https://vc.example/issuers/5678",
        "validFrom": "2023-01-01T00:00:00Z",
        "credentialSubject": {
            "id": "did:example:abcdefgh",
            "alumniOf": "The School of Examples"
        }
    });
    let options = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "created": "2023-02-24T23:36:38Z",
        "verificationMethod": format!("did:key:{public}#{public}"),
        "proofPurpose": "assertionMethod",
    });
    let signature = SigningKey::from_bytes(&secret).sign(&hash_data(&document, &options));
    assert_eq!(
        format!("z{}", bs58::encode(signature.to_bytes()).into_string()),
        "z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX"
    );
}

#[test]
fn canonical_json_sorts_members_and_escapes_as_ecmascript_does() {
    let value = json!({"b": [1, true, null], "a": {"z": "\u{1}\"\\/é한", "@c": 2}, "": 0});
    assert_eq!(
        canonical_json(&value),
        r#"{"":0,"a":{"@c":2,"z":"\u0001\"\\/é한"},"b":[1,true,null]}"#
    );
}

#[test]
fn a_certificate_verifies_in_each_form_it_is_given() {
    let (claims, proof) = issued(&SECRET);
    let list = trust(vec![published(&SECRET, "almaty", None)]);
    let compact = compact_form(&claims, &proof);
    assert!(compact.starts_with(COMPACT_PREFIX));
    assert!(compact.len() < 700, "{} characters", compact.len());
    let credential = signed_credential(&claims, &proof).to_string();
    let link = format!("https://almaty.example/verify#{compact}");
    for text in [compact.as_str(), credential.as_str(), link.as_str()] {
        let verdict = verify(text, &list);
        assert_eq!(verdict.refusal, None, "{text}");
        assert_eq!(verdict.claims.as_ref(), Some(&claims));
        assert_eq!(verdict.as_of, "2026-12-07T11:00:00Z");
    }
    // The credential is an Open Badges 3.0 credential with the standard's proof.
    let value = signed_credential(&claims, &proof);
    assert_eq!(value["type"][1], "OpenBadgeCredential");
    assert_eq!(value["proof"]["cryptosuite"], "eddsa-jcs-2022");
    assert_eq!(
        value["credentialSubject"]["identifier"][0]["identityHash"],
        "Айгерим Нурланова"
    );
}

#[test]
fn a_changed_certificate_is_refused_as_tampered() {
    let (claims, proof) = issued(&SECRET);
    let list = trust(vec![published(&SECRET, "almaty", None)]);
    let mut changed = claims.clone();
    changed.learner_name = "Someone Else".into();
    assert_eq!(
        verify(&compact_form(&changed, &proof), &list).refusal,
        Some(Refusal::Tampered)
    );
    changed = claims.clone();
    changed.hours = 80;
    assert_eq!(
        verify(&signed_credential(&changed, &proof).to_string(), &list).refusal,
        Some(Refusal::Tampered)
    );
    // A proof value changed by one character.
    let mut bad_proof = proof.clone();
    let last = if bad_proof.ends_with('a') { 'b' } else { 'a' };
    bad_proof.pop();
    bad_proof.push(last);
    assert_eq!(
        verify(&compact_form(&claims, &bad_proof), &list).refusal,
        Some(Refusal::Tampered)
    );
    // A field the claims do not make, added to the JSON: not baeum's shape.
    let mut credential = signed_credential(&claims, &proof);
    credential["credentialSubject"]["grade"] = json!("A+");
    assert!(matches!(
        verify(&credential.to_string(), &list).refusal,
        Some(Refusal::Unreadable { .. })
    ));
}

#[test]
fn an_unknown_key_another_sites_key_and_a_retired_key_are_told_apart() {
    let (claims, proof) = issued(&OTHER_SECRET);
    let compact = compact_form(&claims, &proof);
    assert_eq!(
        verify(&compact, &trust(vec![published(&SECRET, "almaty", None)])).refusal,
        Some(Refusal::UnknownKey)
    );
    assert_eq!(
        verify(
            &compact,
            &trust(vec![published(&OTHER_SECRET, "naju", None)])
        )
        .refusal,
        Some(Refusal::KeyOfAnotherSite {
            key_site: "naju".into()
        })
    );
    // Retired after the certificate was issued: it still verifies what it signed.
    let rotated = trust(vec![
        published(&OTHER_SECRET, "almaty", Some("2026-12-08T00:00:00Z")),
        published(&SECRET, "almaty", None),
    ]);
    assert_eq!(verify(&compact, &rotated).refusal, None);
    // Retired before: a certificate dated later is refused.
    let retired_before = trust(vec![published(
        &OTHER_SECRET,
        "almaty",
        Some("2026-12-01T00:00:00Z"),
    )]);
    assert_eq!(
        verify(&compact, &retired_before).refusal,
        Some(Refusal::IssuedAfterKeyRetired {
            retired: "2026-12-01T00:00:00Z".into()
        })
    );
}

#[test]
fn a_revoked_certificate_is_refused_with_when() {
    let (claims, proof) = issued(&SECRET);
    let mut list = trust(vec![published(&SECRET, "almaty", None)]);
    list.revoked.push(Revocation {
        id: claims.id,
        revoked: "2026-12-07T10:30:00Z".into(),
    });
    let verdict = verify(&compact_form(&claims, &proof), &list);
    assert_eq!(
        verdict.refusal,
        Some(Refusal::Revoked {
            revoked: "2026-12-07T10:30:00Z".into()
        })
    );
    assert_eq!(verdict.claims, Some(claims));
}

#[test]
fn damaged_or_foreign_text_is_unreadable_not_a_panic() {
    let (claims, proof) = issued(&SECRET);
    let compact = compact_form(&claims, &proof);
    let list = trust(vec![published(&SECRET, "almaty", None)]);
    let long = "x".repeat(MAX_COMPACT_CHARS * 5);
    let truncated_in_claims = &compact[..40];
    let without_proof = compact.split('.').take(2).collect::<Vec<_>>().join(".");
    for text in [
        "",
        "hello",
        "BC1.",
        "BC1.!!!.z1",
        truncated_in_claims,
        "{\"proof\": 1}",
        "{not json",
        long.as_str(),
    ] {
        let verdict = verify(text, &list);
        assert!(
            matches!(verdict.refusal, Some(Refusal::Unreadable { .. })),
            "{text:.60}: {verdict:?}"
        );
        assert_eq!(verdict.claims, None);
    }
    // Cut in the proof: readable claims, a signature that does not match.
    assert_eq!(
        verify(&compact[..compact.len() - 5], &list).refusal,
        Some(Refusal::Tampered)
    );
    assert!(matches!(
        verify(&without_proof, &list).refusal,
        Some(Refusal::Tampered | Refusal::Unreadable { .. })
    ));
}

#[test]
fn claims_that_could_mislead_are_never_signed() {
    let good = claims(&SECRET);
    let mut bad = good.clone();
    bad.learner_name = "  ".into();
    assert_eq!(sign(&bad, &SECRET), Err(CertificateError::Name));
    bad.learner_name = "a\nb".into();
    assert_eq!(sign(&bad, &SECRET), Err(CertificateError::Name));
    bad.learner_name = "Mina \u{202e}miK".into();
    assert_eq!(sign(&bad, &SECRET), Err(CertificateError::Name));
    bad = good.clone();
    bad.hours = 0;
    assert_eq!(sign(&bad, &SECRET), Err(CertificateError::Hours));
    bad = good.clone();
    bad.issued = "2026-12-07T10:00:00+09:00".into();
    assert_eq!(sign(&bad, &SECRET), Err(CertificateError::Issued));
    bad = good.clone();
    bad.course_title.clear();
    assert!(matches!(
        sign(&bad, &SECRET),
        Err(CertificateError::Texts(_))
    ));
    bad = good.clone();
    bad.site = "Almaty!".into();
    assert_eq!(sign(&bad, &SECRET), Err(CertificateError::Id));
    assert_eq!(
        sign(&good, &OTHER_SECRET),
        Err(CertificateError::KeyMismatch)
    );
}
