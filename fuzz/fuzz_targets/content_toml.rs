//! Fuzz target: see `baeum_fuzz_checks::content_toml` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| baeum_fuzz_checks::content_toml(data));
