//! Native command-line tool.
fn main() {}
