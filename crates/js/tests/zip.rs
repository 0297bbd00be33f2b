//! The bundle's zip archive, read back by tools that were not written here:
//! Python's zipfile (every CRC checked, names, texts, modes) and Info-ZIP's
//! `unzip -t`.

use headroom_core::kubernetes::{self, SECRETS};
use headroom_core::{plan, query, Defaults, Lang, YearMonth};
use headroom_js::zip::{archive, crc32, DosTime, Entry};
use std::process::Command;

fn bundle_zip() -> (Vec<(String, String)>, Vec<u8>) {
    let defaults = Defaults {
        today: YearMonth::from_unix_seconds(1_780_000_000),
        lang: Lang::En,
        day: 1,
    };
    let decoded = query::decode("users=20000&growth=10&lang=fr", defaults);
    let bundle = kubernetes::bundle(&plan(&decoded.scenario)).expect("a tier-5 bundle");
    let names: Vec<String> = bundle
        .files
        .iter()
        .map(|(name, _)| format!("headroom-kubernetes/{name}"))
        .collect();
    let entries: Vec<Entry> = bundle
        .files
        .iter()
        .zip(&names)
        .map(|((file, text), name)| Entry {
            name,
            data: text.as_bytes(),
            executable: file == SECRETS,
        })
        .collect();
    let zip = archive(&entries, DosTime::new(2026, 11, 30, 19, 30, 0)).expect("an archive");
    (bundle.files, zip)
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("headroom-zip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the archive");
    path
}

#[test]
fn python_zipfile_reads_back_every_file_byte_for_byte() {
    let (files, zip) = bundle_zip();
    let path = temp_file("python.zip", &zip);
    let script = r#"
import json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    bad = z.testzip()
    out = {"bad": bad, "files": [
        {"name": i.filename, "text": z.read(i).decode("utf-8"),
         "mode": (i.external_attr >> 16) & 0o777, "method": i.compress_type,
         "date": list(i.date_time)}
        for i in z.infolist()]}
print(json.dumps(out))
"#;
    let output = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .expect("python3 is needed to read the archive back: install python3");
    assert!(
        output.status.success(),
        "python3 zipfile: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let read: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert!(read["bad"].is_null(), "a CRC failed: {}", read["bad"]);
    let entries = read["files"].as_array().expect("files");
    assert_eq!(entries.len(), files.len());
    for ((name, text), entry) in files.iter().zip(entries) {
        assert_eq!(entry["name"], format!("headroom-kubernetes/{name}"));
        assert_eq!(entry["text"].as_str(), Some(text.as_str()), "{name}");
        assert_eq!(entry["method"], 0, "{name}: stored");
        let mode = if name == SECRETS { 0o755 } else { 0o644 };
        assert_eq!(entry["mode"], mode, "{name}");
        assert_eq!(entry["date"], serde_json::json!([2026, 11, 30, 19, 30, 0]));
    }
    println!(
        "{} files, {} bytes of text, a {}-byte archive",
        files.len(),
        files.iter().map(|(_, t)| t.len()).sum::<usize>(),
        zip.len()
    );
}

#[test]
fn unzip_tests_the_archive_and_a_flipped_byte_fails_it() {
    let (files, zip) = bundle_zip();
    let unzip = |path: &std::path::Path| {
        Command::new("unzip")
            .arg("-t")
            .arg(path)
            .output()
            .expect("unzip is needed to test the archive: apt-get install unzip")
    };
    let good = unzip(&temp_file("good.zip", &zip));
    let report = String::from_utf8_lossy(&good.stdout);
    assert!(good.status.success(), "unzip -t: {report}");
    assert!(report.contains("No errors detected"), "{report}");
    assert_eq!(report.matches("OK").count(), files.len(), "{report}");
    // The control: one byte of the first file's text changed, its CRC fails.
    let mut broken = zip.clone();
    let first = 30 + "headroom-kubernetes/".len() + files[0].0.len();
    broken[first] ^= 0x20;
    let bad = unzip(&temp_file("bad.zip", &broken));
    assert!(
        !bad.status.success(),
        "unzip -t passed a corrupted archive: {}",
        String::from_utf8_lossy(&bad.stdout)
    );
}

#[test]
fn crc32_agrees_with_python() {
    let text = "é, ü, 中 and a line\n".repeat(50);
    let output = Command::new("python3")
        .args([
            "-c",
            "import sys, zlib; print(zlib.crc32(sys.argv[1].encode()))",
        ])
        .arg(&text)
        .output()
        .expect("python3 is needed: install python3");
    let python: u32 = String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .expect("a number");
    assert_eq!(crc32(text.as_bytes()), python);
}
