//! Numbers shown to people: byte sizes and download-time estimates.
//!
//! Learners on metered links decide what to download from these numbers, so they are rounded
//! the way people read them ("1.1 MB", "about 40 s") and never claim more precision than the
//! estimate has.

/// Formats a byte count in SI units: "930 B", "12 KB", "1.1 MB".
pub fn format_bytes(bytes: u64) -> String {
    format_bytes_with_decimal_separator(bytes, '.')
}

/// [`format_bytes`] with the reader's decimal separator: "1,1 MB" in Russian or Vietnamese.
pub fn format_bytes_with_decimal_separator(bytes: u64, separator: char) -> String {
    // Integer arithmetic keeps the output identical on every platform.
    if bytes < 1_000 {
        format!("{bytes} B")
    } else if bytes < 1_000_000 {
        format!("{} KB", (bytes + 500) / 1_000)
    } else if bytes < 1_000_000_000 {
        let tenths = (bytes + 50_000) / 100_000;
        format!("{}{separator}{} MB", tenths / 10, tenths % 10)
    } else {
        let tenths = (bytes + 50_000_000) / 100_000_000;
        format!("{}{separator}{} GB", tenths / 10, tenths % 10)
    }
}

/// Estimated seconds to download `bytes` at `bits_per_second`, rounded up; `None` when the
/// speed is unknown or zero.
pub fn estimated_download_seconds(bytes: u64, bits_per_second: u64) -> Option<u64> {
    if bits_per_second == 0 {
        return None;
    }
    let bits = bytes.saturating_mul(8);
    Some(bits.div_ceil(bits_per_second))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_sizes_as_people_read_them() {
        assert_eq!(format_bytes(0), "0 B");
        assert_eq!(format_bytes(999), "999 B");
        assert_eq!(format_bytes(1_000), "1 KB");
        assert_eq!(format_bytes(12_499), "12 KB");
        assert_eq!(format_bytes(999_499), "999 KB");
        assert_eq!(format_bytes(1_100_000), "1.1 MB");
        assert_eq!(format_bytes(1_149_999), "1.1 MB");
        assert_eq!(format_bytes(2_500_000_000), "2.5 GB");
    }

    #[test]
    fn estimates_download_time() {
        // 1.1 MB at 220 kbit/s is 40 s: the journey's "1.1 MB, about 40 s".
        assert_eq!(estimated_download_seconds(1_100_000, 220_000), Some(40));
        assert_eq!(estimated_download_seconds(1, 8_000), Some(1));
        assert_eq!(estimated_download_seconds(100, 0), None);
    }
}
