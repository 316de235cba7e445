//! The one JSON reader of core and the client: serde_json over bytes.
//!
//! serde_json compiles a type's deserializer once for each kind of input it reads (`from_str`
//! and `from_slice` are two), so reading text in one place and bytes in another puts two copies
//! of the parser, and of every type read both ways, in the client's wasm. Every JSON text core
//! and the client read goes through [`read`]; a `&str` is read as its bytes.

use serde::de::DeserializeOwned;

/// Reads `bytes` as JSON of type `T`. The error is serde_json's, with line and column.
pub fn read<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, serde_json::Error> {
    serde_json::from_slice(bytes)
}
