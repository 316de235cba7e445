//! Fuzz target: see `baeum_fuzz_checks::markdown` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| baeum_fuzz_checks::markdown(data));
