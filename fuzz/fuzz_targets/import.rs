//! libFuzzer target: any bytes through the importer, read as the first sheet and as a named one.
#![no_main]

use fjindex::data::import::{aliases, import, ImportOptions, Reference};
use fjindex::data::seeds::{counties, indicator_system};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (system, counties, aliases) = (indicator_system(), counties(), aliases());
    let reference = Reference {
        system: &system,
        counties: &counties,
        aliases: &aliases,
    };
    for sheet in [None, Some("数据".to_string())] {
        let report = import(
            bytes,
            &ImportOptions {
                sheet,
                ..Default::default()
            },
            &reference,
        );
        assert_eq!(report.dataset.is_some(), report.errors.is_empty());
    }
});
