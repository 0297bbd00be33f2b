//! `--kubernetes DIR`: writes tier 5's kustomization, one file per component.

use crate::args::UsageError;
use headroom_core::kubernetes::{self, SECRETS};
use headroom_core::Plan;
use std::path::Path;

pub fn write(plan: &Plan, dir: &Path) -> Result<(), UsageError> {
    let lang = plan.scenario.lang;
    let bundle = kubernetes::bundle(plan).map_err(|error| UsageError(error.describe(lang)))?;
    let failed =
        |error: std::io::Error| UsageError(format!("--kubernetes {}: {error}", dir.display()));
    for (name, text) in &bundle.files {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(failed)?;
        }
        std::fs::write(&path, text).map_err(failed)?;
        if name == SECRETS {
            executable(&path).map_err(failed)?;
        }
    }
    Ok(())
}

#[cfg(unix)]
fn executable(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
}

#[cfg(not(unix))]
fn executable(_: &Path) -> std::io::Result<()> {
    Ok(())
}
