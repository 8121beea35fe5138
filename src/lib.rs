//! sitrep: a static site generator for conflict reports ("situation reports").
//!
//! The pipeline, each module one stage, data flowing one way:
//!
//! * [`seed`] parses raw report text files ("seeds");
//! * [`import`] turns them into Markdown files with YAML front matter, using
//!   [`gazetteer`] and [`countries`] to find the countries, [`region`] to infer the
//!   region, and [`title`] for titles and summaries;
//! * [`content`] loads and validates the content files ([`front_matter`] is their schema);
//! * [`site`] is the model: reports, regions, months, countries;
//! * [`render`] turns the model into pages with tera templates, [`markdown`] report
//!   bodies into HTML (pulldown-cmark, syntect, ammonia), and [`feeds`] makes the
//!   Atom feeds, sitemap and JSON export;
//! * [`output`] writes `public/` atomically;
//! * [`build`] runs the stages, and rebuilds only what a change needs ([`cache`]
//!   lets a later `sitrep build` skip work); [`check`] inspects a build for broken
//!   links;
//! * [`watch`] rebuilds on file changes, and [`serve`] previews the site with live reload.
//!
//! [`config`] reads `config.yaml`; [`text`] decodes input files; [`chart`] draws the
//! overview chart; [`cmd`] holds one function per command and [`ui`] what they print.

#![warn(missing_docs)]

pub mod build;
pub mod cache;
pub mod chart;
pub mod check;
pub mod cmd;
pub mod config;
pub mod content;
pub mod countries;
pub mod feeds;
pub mod front_matter;
pub mod gazetteer;
pub mod import;
pub mod markdown;
pub mod output;
pub mod region;
pub mod render;
pub mod seed;
pub mod serve;
pub mod site;
pub mod text;
pub mod title;
pub mod ui;
pub mod watch;
