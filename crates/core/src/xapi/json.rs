//! JSON parsing that refuses repeated property names.
//!
//! The specification says a statement MUST use each property no more than once, and most JSON
//! parsers (serde_json included) silently keep the last of two equal keys, so a statement could
//! mean one thing to this LRS and another to a tool that keeps the first. This parser builds
//! the same `serde_json::Value` but fails on a repeated key, at any depth.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Parses JSON text, failing on a repeated property name anywhere in it. The error message is
/// serde_json's (with line and column) or names the repeated property.
pub fn parse_json_strictly(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    crate::json::read::<StrictValue>(bytes).map(|strict| strict.0)
}

struct StrictValue(Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(StrictValue)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("any json value")
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Value, E> {
        Number::from_f64(value)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number is not finite"))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut sequence: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(StrictValue(item)) = sequence.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some(key) = entries.next_key::<String>()? {
            if map.contains_key(&key) {
                return Err(de::Error::custom(format!(
                    "property {key:?} appears more than once in the same object"
                )));
            }
            let StrictValue(value) = entries.next_value()?;
            map.insert(key, value);
        }
        Ok(Value::Object(map))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_json_strictly;

    #[test]
    fn repeated_keys_are_refused_at_any_depth() {
        assert!(parse_json_strictly(br#"{"a": 1, "a": 2}"#).is_err());
        let nested = parse_json_strictly(br#"{"a": [{"b": 1, "b": 1}]}"#).unwrap_err();
        assert!(
            nested.to_string().contains("\"b\" appears more than once"),
            "{nested}"
        );
    }

    #[test]
    fn ordinary_json_parses_like_serde_json() {
        let text = br#"{"a": [1, -2, 3.5, "x", true, null, {"b": {}}], "c": 18446744073709551615}"#;
        assert_eq!(
            parse_json_strictly(text).unwrap(),
            serde_json::from_slice::<serde_json::Value>(text).unwrap()
        );
        assert!(parse_json_strictly(b"{").is_err());
    }
}
