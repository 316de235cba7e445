//! Fuzz target: see `baeum_fuzz_checks::statements_query` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| baeum_fuzz_checks::statements_query(data));
