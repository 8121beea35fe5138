//! Driving the build while a person works: [`watch`] rebuilds on file changes and
//! imports seeds dropped into an inbox; [`serve`] is the local preview server with
//! live reload; [`lock`] keeps a site to one preview at a time. What happens is reported to the caller as [`watch::Event`]s; nothing
//! here prints.

pub mod lock;
pub mod serve;
pub mod watch;
