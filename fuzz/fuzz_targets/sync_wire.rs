//! Fuzz target: see `baeum_fuzz_checks::sync_wire` for what it checks.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| baeum_fuzz_checks::sync_wire(data));
