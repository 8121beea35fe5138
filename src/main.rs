//! The `sitrep` command line: parses arguments and runs one of [`sitrep::cmd`].

use std::net::IpAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use sitrep::cmd;

/// The allocator: mimalloc (v2, MIT licence), not glibc's malloc. Import and build
/// allocate on both cores and free on the other (a report read on one thread is written
/// from another), which glibc serialises on its arena locks. Built without transparent
/// huge pages (`no_thp`): with them, each fresh 2 MiB page is zeroed whole, and the
/// peak memory grows. Measured in BENCHMARKS.md ("The allocator").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// sitrep: a static site generator for conflict reports.
#[derive(Debug, Parser)]
#[command(
    version,
    about,
    after_help = "Examples:\n  sitrep init my-site && cd my-site\n  sitrep import ~/scraped/*.txt\n  sitrep serve\n  sitrep build --output /var/www/sitrep"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print errors only.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print more: also reports imported unchanged.
    #[arg(long, short, global = true)]
    verbose: bool,
}

/// Where a site is read from and built to (shared by build, watch and serve).
#[derive(Debug, clap::Args)]
struct SiteArgs {
    /// The site folder.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The output folder [default: ROOT/public].
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Also build reports marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Build into an output folder sitrep did not make (its files are kept).
    #[arg(long)]
    force: bool,
}

impl SiteArgs {
    fn build_options(self) -> cmd::build::BuildOptions {
        cmd::build::BuildOptions {
            root: self.root,
            output: self.output,
            drafts: self.drafts,
            force: self.force,
            base_url: None,
            no_cache: false,
        }
    }
}

/// What `sitrep build` is asked.
#[derive(Debug, clap::Args)]
struct BuildArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// Ignore the build cache: build and write every file, then write the cache anew.
    #[arg(long)]
    no_cache: bool,
}

/// What watch mode watches (shared by watch and serve).
#[derive(Debug, clap::Args)]
struct WatchArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// An inbox folder of seed files: new or changed ones are imported.
    #[arg(long)]
    seeds: Option<PathBuf>,
}

impl WatchArgs {
    fn watch_options(self) -> sitrep::live::watch::WatchOptions {
        sitrep::live::watch::WatchOptions {
            build: self.site.build_options(),
            seeds: self.seeds,
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Import raw report text files ("seeds") as Markdown reports into content/reports/.
    #[command(
        after_help = "Examples:\n  sitrep import seeds/\n  sitrep import a.txt b.txt --root my-site\n  sitrep import --force seeds/    # replace reports, keeping copies of edited ones"
    )]
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
        /// Overwrite reports that exist already, also ones edited by hand.
        #[arg(long)]
        force: bool,
    },
    /// Build the site into the output folder.
    #[command(
        after_help = "Examples:\n  sitrep build\n  sitrep build --root my-site --output /var/www/sitrep\n  sitrep build --drafts\n  sitrep build --no-cache    # trust nothing of the last build"
    )]
    Build(BuildArgs),
    /// Build the site in memory and report broken links and anchors, reports without
    /// a region, and titles used twice; nothing is written.
    #[command(after_help = "Examples:\n  sitrep check\n  sitrep check --root my-site")]
    Check(SiteArgs),
    /// Make a new site in DIR: configuration, default theme, an example report.
    #[command(after_help = "Example:\n  sitrep init my-site && cd my-site && sitrep serve")]
    Init {
        /// A new or empty folder.
        dir: PathBuf,
    },
    /// Print shell completions (bash, zsh, fish, elvish, powershell) to stdout.
    #[command(
        after_help = "Example:\n  sitrep completions bash > ~/.local/share/bash-completion/completions/sitrep"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Build the site, then rebuild it whenever its files change.
    #[command(
        after_help = "Examples:\n  sitrep watch\n  sitrep watch --seeds ~/inbox    # also import seeds dropped there"
    )]
    Watch(WatchArgs),
    /// Build, watch, and serve the site locally with live reload.
    #[command(after_help = "Examples:\n  sitrep serve\n  sitrep serve --port 8080 --seeds ~/inbox")]
    Serve {
        #[command(flatten)]
        watch: WatchArgs,
        /// The port to listen on (the next free one if it is taken).
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
    },
}

fn main() -> ExitCode {
    // Like other Unix tools, end quietly when the reader of our output goes away
    // (`sitrep import seeds/ | head`) instead of panicking on a broken pipe.
    #[cfg(unix)]
    // SAFETY: restoring the default action of one signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    sitrep::ui::init(match (cli.quiet, cli.verbose) {
        (true, _) => sitrep::ui::Verbosity::Quiet,
        (_, true) => sitrep::ui::Verbosity::Verbose,
        _ => sitrep::ui::Verbosity::Normal,
    });
    // How a failure with build errors ends its report.
    let (failed, after) = match &cli.command {
        Command::Check(_) => ("check failed", "; nothing was written"),
        _ => ("build failed", "; the output was left as it was"),
    };
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
        Command::Build(args) => cmd::build::run(&cmd::build::BuildOptions {
            no_cache: args.no_cache,
            ..args.site.build_options()
        }),
        Command::Check(site) => cmd::check::run(&site.build_options()),
        Command::Init { dir } => cmd::init::run(&dir),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "sitrep", &mut std::io::stdout());
            Ok(())
        }
        Command::Watch(watch) => cmd::watch::run(&watch.watch_options()),
        Command::Serve { watch, port, bind } => cmd::serve::run(&cmd::serve::ServeOptions {
            watch: watch.watch_options(),
            bind,
            port,
        }),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            match e.downcast_ref::<sitrep::build::BuildErrors>() {
                Some(errors) => {
                    for m in &errors.0 {
                        sitrep::ui::error(m);
                    }
                    eprintln!("{failed}: {} error(s){after}", errors.0.len());
                }
                None => {
                    sitrep::ui::error(&e.to_string());
                    let mut last = e.to_string();
                    for cause in e.chain().skip(1) {
                        // io errors are often repeated by the context around them.
                        let cause = cause.to_string();
                        if !last.contains(&cause) {
                            eprintln!("  caused by: {cause}");
                        }
                        last = cause;
                    }
                }
            }
            ExitCode::FAILURE
        }
    }
}
