//! `sitrep init DIR`: a new site, ready to build.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::render::theme::{DEFAULT_STATIC, DEFAULT_TEMPLATES};

/// The configuration a new site starts with: the bundled example site's, with its
/// comments.
const CONFIG: &str = include_str!("../../config.yaml");

/// Creates a site in `dir` (which must not exist, or be empty): `config.yaml`, the
/// default theme in `themes/default/` (to change at will), one example report and a
/// `.gitignore` for the output. Returns the files written.
///
/// Errors: `dir` exists and is not empty, or a file cannot be written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>> {
    if dir.exists()
        && dir
            .read_dir()
            .with_context(|| format!("cannot read `{}`", dir.display()))?
            .next()
            .is_some()
    {
        bail!(
            "`{}` is not empty: sitrep init makes a new site in a new or empty folder",
            dir.display()
        );
    }
    let today = chrono::Local::now().date_naive();
    let example = format!(
        "---\ntitle: Welcome to your situation reports\ndate: {today}\nsource: Sitrep\ncountries: [Ukraine]\nsummary: An example report. Edit or delete it, and import your own with `sitrep import`.\n---\n\nThis is an example report. Reports are Markdown files with YAML front matter in\n`content/`. Import raw report texts with `sitrep import SEEDS/`, preview the site\nwith `sitrep serve`, and build it with `sitrep build`.\n"
    );
    let mut files: Vec<(PathBuf, Vec<u8>)> = vec![
        (dir.join("config.yaml"), CONFIG.as_bytes().to_vec()),
        (
            dir.join(".gitignore"),
            b"/public/\n/.sitrep-cache/\n".to_vec(),
        ),
        (
            dir.join("content/reports")
                .join(format!("{today}-welcome.md")),
            example.into_bytes(),
        ),
    ];
    let theme = dir.join("themes/default");
    for (name, text) in DEFAULT_TEMPLATES {
        files.push((theme.join("templates").join(name), text.as_bytes().to_vec()));
    }
    for (name, bytes) in DEFAULT_STATIC {
        files.push((theme.join("static").join(name), bytes.to_vec()));
    }
    for (path, bytes) in &files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create `{}`", parent.display()))?;
        }
        std::fs::write(path, bytes)
            .with_context(|| format!("cannot write `{}`", path.display()))?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

/// `sitrep init DIR`: prints what was made and what to do next.
pub fn run(dir: &Path) -> Result<()> {
    let files = init(dir)?;
    crate::ui::info(&format!(
        "created a site in `{}` ({} files)",
        dir.display(),
        files.len()
    ));
    let shown = dir.display().to_string();
    let quoted = if shown
        .chars()
        .all(|c| c.is_alphanumeric() || "/._-~".contains(c))
    {
        shown
    } else {
        format!("'{}'", shown.replace('\'', "'\\''"))
    };
    crate::ui::info(&format!("next: cd {quoted} && sitrep serve"));
    Ok(())
}
