//! A minimal zip writer: files stored as they are (method 0, no
//! compression), each with its CRC-32, a central directory and its end
//! record. Enough for a folder of a few text files; no dependency.
//!
//! Stored rather than deflated: the bundle is some 40 KB of text, the
//! archive is made in the browser and never sent over a network, and a
//! deflater would cost the module more than it saves the user.

/// Why no archive was written.
#[derive(Debug, PartialEq, Eq)]
pub enum ZipError {
    /// A file or the whole archive past the 4 GiB the classic format holds,
    /// or more than 65,535 entries.
    TooLarge,
    /// An empty name, or one that leaves the folder (`/x`, `..`, `\`).
    Name(String),
}

/// A modification time as MS-DOS keeps it: two seconds' resolution, from
/// 1980 to 2107.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DosTime {
    pub time: u16,
    pub date: u16,
}

impl DosTime {
    /// Clamped into the format's 1980–2107 range.
    pub fn new(year: u32, month: u32, day: u32, hour: u32, minute: u32, second: u32) -> DosTime {
        let year = year.clamp(1980, 2107) - 1980;
        DosTime {
            time: ((hour.min(23) << 11) | (minute.min(59) << 5) | (second.min(59) / 2)) as u16,
            date: ((year << 9) | (month.clamp(1, 12) << 5) | day.clamp(1, 31)) as u16,
        }
    }
}

/// The CRC-32 of zip, gzip and PNG (reflected polynomial 0xEDB88320).
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            // The low bit decides whether the polynomial is folded in.
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// One entry: a path inside the archive (`/` between folders), its bytes,
/// and whether it is a program (Unix mode 755 rather than 644).
pub struct Entry<'a> {
    pub name: &'a str,
    pub data: &'a [u8],
    pub executable: bool,
}

/// "Version made by": Unix (3), zip 2.0, so that the modes are read.
const MADE_BY: u16 = (3 << 8) | 20;
/// Version needed to extract: 2.0 (folders in names).
const NEEDED: u16 = 20;
/// General purpose flag bit 11: the names are UTF-8.
const UTF8: u16 = 1 << 11;

/// The archive's bytes.
pub fn archive(entries: &[Entry], stamp: DosTime) -> Result<Vec<u8>, ZipError> {
    let count = u16::try_from(entries.len()).map_err(|_| ZipError::TooLarge)?;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for entry in entries {
        check_name(entry.name)?;
        let offset = u32::try_from(out.len()).map_err(|_| ZipError::TooLarge)?;
        let size = u32::try_from(entry.data.len()).map_err(|_| ZipError::TooLarge)?;
        let name_len = u16::try_from(entry.name.len()).map_err(|_| ZipError::TooLarge)?;
        let crc = crc32(entry.data);
        // Local file header.
        put32(&mut out, 0x0403_4b50);
        for v in [NEEDED, UTF8, 0, stamp.time, stamp.date] {
            put16(&mut out, v);
        }
        for v in [crc, size, size] {
            put32(&mut out, v);
        }
        put16(&mut out, name_len);
        put16(&mut out, 0);
        out.extend_from_slice(entry.name.as_bytes());
        out.extend_from_slice(entry.data);
        // Its central directory record.
        let mode: u32 = if entry.executable {
            0o100_755
        } else {
            0o100_644
        };
        put32(&mut central, 0x0201_4b50);
        for v in [MADE_BY, NEEDED, UTF8, 0, stamp.time, stamp.date] {
            put16(&mut central, v);
        }
        for v in [crc, size, size] {
            put32(&mut central, v);
        }
        // Name length, extra, comment, disk, internal attributes.
        for v in [name_len, 0, 0, 0, 0] {
            put16(&mut central, v);
        }
        put32(&mut central, mode << 16);
        put32(&mut central, offset);
        central.extend_from_slice(entry.name.as_bytes());
    }
    let directory_offset = u32::try_from(out.len()).map_err(|_| ZipError::TooLarge)?;
    let directory_size = u32::try_from(central.len()).map_err(|_| ZipError::TooLarge)?;
    out.extend_from_slice(&central);
    // End of central directory: one disk, no comment.
    put32(&mut out, 0x0605_4b50);
    for v in [0, 0, count, count] {
        put16(&mut out, v);
    }
    put32(&mut out, directory_size);
    put32(&mut out, directory_offset);
    put16(&mut out, 0);
    u32::try_from(out.len()).map_err(|_| ZipError::TooLarge)?;
    Ok(out)
}

/// A relative path of plain segments: what any unzip writes inside its folder.
fn check_name(name: &str) -> Result<(), ZipError> {
    let bad = name.is_empty()
        || name.starts_with('/')
        || name.contains('\\')
        || name
            .split('/')
            .any(|s| s.is_empty() || s == "." || s == "..");
    if bad {
        Err(ZipError::Name(name.to_owned()))
    } else {
        Ok(())
    }
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_the_published_check_value() {
        // The CRC-32 check value: "123456789" → 0xCBF43926.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn dos_time_packs_and_clamps() {
        let t = DosTime::new(2026, 11, 30, 19, 15, 31);
        assert_eq!(t.date, (46 << 9) | (11 << 5) | 30);
        assert_eq!(t.time, (19 << 11) | (15 << 5) | 15);
        assert_eq!(DosTime::new(1970, 0, 0, 0, 0, 0).date, (1 << 5) | 1);
    }

    #[test]
    fn names_that_leave_the_folder_are_refused() {
        for name in ["", "/etc/passwd", "../x", "a/../b", "a\\b", "a//b"] {
            let entry = Entry {
                name,
                data: b"",
                executable: false,
            };
            assert_eq!(
                archive(&[entry], DosTime::new(2026, 1, 1, 0, 0, 0)),
                Err(ZipError::Name(name.to_owned()))
            );
        }
    }
}
