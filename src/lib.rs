//! sitrep: a static site generator for conflict reports ("situation reports").
//!
//! A pipeline, one folder per stage, data flowing one way. A module uses only the
//! stages below it in this list (`tests/layering.rs` holds the code to it; see
//! `ARCHITECTURE.md` for the whole map):
//!
//! * [`cmd`]: one function per command; [`ui`] is how commands print (the binary,
//!   `main.rs`, parses the command line and calls them);
//! * [`live`]: watch mode and the preview server, which drive the build on changes;
//! * [`build`]: the [`build::Builder`] runs a build and rebuilds only what a change
//!   needs; its cache, the atomic output writer and `sitrep check` live here too;
//! * [`import`]: seeds in, front-mattered Markdown out (dates, titles, countries,
//!   regions inferred); [`render`]: the site model to pages, feeds, sitemap, search
//!   index, chart and world map, through tera templates, handed to a
//!   [`render::sink::Sink`];
//! * [`site`]: the configuration, regions, content files and the site model;
//! * [`geo`]: the gazetteer of countries (names, demonyms, capitals);
//! * [`text`] (decoding input files), [`fs`] (atomic writes) and [`progress`] (how
//!   stages report progress without printing): leaf helpers.

#![warn(missing_docs)]

pub mod build;
pub mod cmd;
pub mod fs;
pub mod geo;
pub mod import;
pub mod live;
pub mod progress;
pub mod render;
pub mod site;
pub mod text;
pub mod ui;
