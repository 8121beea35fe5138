//! The `sitrep` command line: parses arguments and runs one of [`sitrep::cmd`].

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use sitrep::cmd;

/// sitrep: a static site generator for conflict reports.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Import raw report text files ("seeds") as Markdown reports into content/reports/.
    Import {
        /// Seed files, or folders of *.txt seed files.
        #[arg(required = true)]
        seeds: Vec<PathBuf>,
        /// The site folder, whose config.yaml gives the regions.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The content folder [default: ROOT/content].
        #[arg(long)]
        content: Option<PathBuf>,
        /// Overwrite reports that exist already (by default they are left alone).
        #[arg(long)]
        force: bool,
    },
    /// Build the site into the output folder.
    Build {
        /// The site folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The output folder [default: ROOT/public].
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Also build reports marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Import {
            seeds,
            root,
            content,
            force,
        } => cmd::import::run(&cmd::import::ImportOptions {
            seeds,
            root,
            content,
            force,
        }),
        Command::Build {
            root,
            output,
            drafts,
        } => cmd::build::run(&cmd::build::BuildOptions {
            root,
            output,
            drafts,
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is::<sitrep::build::BuildErrors>() => {
            // Already one `error:` line per error, and a summary.
            eprintln!("{e}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("error: {e}");
            for cause in e.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}
