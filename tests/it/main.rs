//! guidebook's integration tests: one binary, fixture sites built with the real binary,
//! assertions on parsed output.

mod build_site;
mod commands;
mod epub;
mod safety;
mod search;
mod serve;
mod support;
