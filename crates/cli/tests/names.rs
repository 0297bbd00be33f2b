//! The runbooks' names: visible placeholders by default, filled from the
//! user's compose file (`--base`) where it says them, never over what the
//! user gave.

use std::process::Command;

fn runbooks(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_headroom"))
        .args(["plan", "--users", "1700", "--section", "runbooks"])
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn file(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("headroom-names-{}-{name}", std::process::id()));
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

#[test]
fn placeholders_until_the_compose_file_names_them() {
    let plain = runbooks(&[]);
    assert!(plain.contains("docker exec YOUR_PROJECT-postgres-1 sh -c 'pg_dump -U \"${POSTGRES_USER:-postgres}\" YOUR_DB' > backup.sql"));
    assert!(plain.contains("docker run --rm -v YOUR_PROJECT_pgdata:/data:ro"));
    assert!(!plain.contains("memoo") && !plain.contains("memolist"));

    // The tutorial's file: its database, its service; the project is the
    // folder's, which the file does not say.
    let standard = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/bases/standard.yml");
    let text = runbooks(&["--base", standard]);
    assert!(text.contains("docker exec YOUR_PROJECT-postgres-1 sh -c 'pg_dump -U \"${POSTGRES_USER:-postgres}\" memolist' > backup.sql"), "{text}");
    assert!(text.contains("-v YOUR_PROJECT_pgdata:/data:ro"));

    // A project name, a container name and a volume with its own name.
    let named = file(
        "named.yml",
        "name: shop\nservices:\n  db:\n    image: postgres:16-alpine\n    container_name: shop-database\n    environment:\n      POSTGRES_USER: shopper\n    volumes:\n      - type: volume\n        source: data\n        target: /var/lib/postgresql/data\nvolumes:\n  data:\n    name: shop-pg-data\n",
    );
    let text = runbooks(&["--base", &named]);
    assert!(text.contains("docker exec shop-database sh -c 'pg_dump -U \"${POSTGRES_USER:-postgres}\" shopper' > backup.sql"), "{text}");
    assert!(text.contains("-v shop-pg-data:/data:ro"), "{text}");
    // What the user gave wins over the file.
    let text = runbooks(&["--base", &named, "--db", "orders", "--pgcontainer", "pg"]);
    assert!(
        text.contains(
            "docker exec pg sh -c 'pg_dump -U \"${POSTGRES_USER:-postgres}\" orders' > backup.sql"
        ),
        "{text}"
    );
    let _ = std::fs::remove_file(named);
}
