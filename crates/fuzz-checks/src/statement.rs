//! The xAPI statement validator, fed as the server feeds it: request bytes through the strict
//! JSON parser, then one statement or an array of them through `validate_statement`.

use baeum_core::xapi::{canonical_equal, parse_json_strictly, validate_statement};
use serde_json::Value;

/// A statement that validates serializes to JSON that parses and validates again to an equal
/// statement, and serializing that gives the same JSON (what the server stores and returns is
/// a fixed point). Its `format=ids` form validates too.
pub fn xapi_statement(data: &[u8]) {
    let Ok(value) = parse_json_strictly(data) else {
        return;
    };
    let items: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        single => vec![single],
    };
    for item in items {
        let Ok(statement) = validate_statement(item) else {
            continue;
        };
        let json = statement.to_json();
        let text = serde_json::to_vec(&json).expect("a statement's JSON value serializes");
        let reparsed = parse_json_strictly(&text)
            .unwrap_or_else(|error| panic!("a valid statement serialized to bad JSON: {error}"));
        let again = validate_statement(&reparsed).unwrap_or_else(|error| {
            panic!("a valid statement serialized to an invalid one: {error}\n{json}")
        });
        assert_eq!(
            again, statement,
            "a valid statement changed through serialization\n{json}"
        );
        assert!(
            canonical_equal(&statement, &again),
            "a statement is not the same statement as its own serialization\n{json}"
        );
        assert_eq!(
            again.to_json(),
            json,
            "serializing a statement is not a fixed point"
        );
        let ids = statement.to_ids_format().to_json();
        if let Err(error) = validate_statement(&ids) {
            panic!("the ids format of a valid statement is invalid: {error}\n{ids}");
        }
    }
}
