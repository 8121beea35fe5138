//! The site: its configuration, its regions, its content files and the model built
//! from them. Everything here is plain data and the rules that make it valid; nothing
//! here renders, writes output or knows a template.
//!
//! * [`config`] reads `config.yaml`;
//! * [`region`] assigns countries to regions (the configured scheme, UCDP by default);
//! * [`date`] is a report's date: a day, or a moment with its offset;
//! * [`front_matter`] is the schema of a content file's YAML front matter;
//! * [`ids`] makes the permanent ids of feeds and their entries;
//! * [`content`] finds and loads content files into validated [`content::Page`]s;
//! * [`model`] groups pages into the [`Site`]: reports by region, month and country;
//! * [`term`] says when two spellings are one taxonomy term;
//! * [`trend`] counts each country's reports per month and computes trend signals;
//! * [`paths`] is the URL layout of a built site (`regions/`, `months/`, ...).

pub mod config;
pub mod content;
pub mod date;
pub mod front_matter;
pub mod ids;
pub mod model;
pub mod paths;
pub mod region;
pub mod term;
pub mod trend;

pub use model::{Month, Site, Term};
