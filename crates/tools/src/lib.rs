//! The page's on-demand tools module as a library: the functions behind its exports (`tools_api`), which
//! the binary `fjindex-tools` wraps for the browser and the command line's tests call directly.

pub mod tools_api;

use fjindex_engine::json;
#[cfg(test)]
use fjindex_engine::{model, score};
use fjindex_exact::analysis;
use fjindex_io::data;
