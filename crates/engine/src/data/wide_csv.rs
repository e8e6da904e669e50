//! The wide CSV format: `adcode,name_zh,prefecture_zh,` then one column per indicator id; blank is missing.

use super::{DataError, DataErrorKind, MAX_ROWS};
use crate::model::{Dataset, DatasetMeta, Indicator, IndicatorSystem, Unit};
use std::collections::HashSet;

const IDENTITY: [&str; 3] = ["adcode", "name_zh", "prefecture_zh"];

/// Parses a wide CSV strictly; every problem is reported with its row (header = row 1) and column.
/// A file longer than [`MAX_ROWS`] rows is refused as a whole. The time taken grows with the file's size.
pub fn read(
    text: &str,
    system: &IndicatorSystem,
    meta: DatasetMeta,
) -> Result<Dataset, Vec<DataError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|s| s.trim().to_string()).collect(),
        Err(e) => {
            return Err(vec![DataError::new(
                Some(1),
                None,
                DataErrorKind::Csv(e.to_string()),
            )])
        }
    };
    if headers.iter().all(|h| h.is_empty()) {
        return Err(vec![DataError::new(None, None, DataErrorKind::Empty)]);
    }
    let find = |name: &str| headers.iter().position(|h| h == name);
    let mut errors = Vec::new();
    for name in IDENTITY.iter().take(2) {
        if find(name).is_none() {
            errors.push(DataError::new(
                Some(1),
                Some(name),
                DataErrorKind::MissingColumn(name.to_string()),
            ));
        }
    }
    let ind_cols: Vec<Option<usize>> = system.indicators.iter().map(|i| find(&i.id)).collect();
    for (i, col) in ind_cols.iter().enumerate() {
        if col.is_none() {
            let id = &system.indicators[i].id;
            errors.push(DataError::new(
                Some(1),
                Some(id),
                DataErrorKind::MissingColumn(id.clone()),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let (c_code, c_name, c_pref) = (
        find("adcode").unwrap_or(0),
        find("name_zh").unwrap_or(1),
        find("prefecture_zh"),
    );

    let mut units = Vec::new();
    let mut rows: Vec<Vec<Option<f64>>> = Vec::new();
    let mut codes: HashSet<String> = HashSet::new();
    for (k, record) in reader.records().enumerate() {
        let row = k + 2;
        if row > MAX_ROWS {
            return Err(vec![DataError::new(
                None,
                None,
                DataErrorKind::TooManyRows(MAX_ROWS),
            )]);
        }
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(DataError::new(
                    Some(row),
                    None,
                    DataErrorKind::Csv(e.to_string()),
                ));
                continue;
            }
        };
        let cell = |c: usize| record.get(c).unwrap_or("").trim();
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let (adcode, name) = (cell(c_code), cell(c_name));
        if adcode.is_empty() || name.is_empty() {
            errors.push(DataError::new(
                Some(row),
                None,
                DataErrorKind::MissingIdentity,
            ));
            continue;
        }
        if !codes.insert(adcode.to_string()) {
            errors.push(DataError::new(
                Some(row),
                Some("adcode"),
                DataErrorKind::DuplicateAdcode(adcode.into()),
            ));
            continue;
        }
        let mut values = Vec::with_capacity(ind_cols.len());
        for (i, col) in ind_cols.iter().enumerate() {
            let raw = cell(col.unwrap_or(usize::MAX));
            let ind = &system.indicators[i];
            if raw.is_empty() {
                values.push(None);
                continue;
            }
            match raw.parse::<f64>() {
                Ok(v) if v.is_finite() => {
                    if v < 0.0 && !ind.signed {
                        errors.push(DataError::new(
                            Some(row),
                            Some(&ind.id),
                            DataErrorKind::Negative(raw.into()),
                        ));
                    }
                    values.push(Some(v));
                }
                _ => {
                    errors.push(DataError::new(
                        Some(row),
                        Some(&ind.id),
                        DataErrorKind::NotANumber(raw.into()),
                    ));
                    values.push(None);
                }
            }
        }
        units.push(Unit {
            adcode: adcode.to_string(),
            name_zh: name.to_string(),
            name_en: String::new(),
            prefecture_zh: c_pref.map(|c| cell(c).to_string()).unwrap_or_default(),
            lon: None,
            lat: None,
        });
        rows.push(values);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if units.is_empty() {
        return Err(vec![DataError::new(None, None, DataErrorKind::Empty)]);
    }
    let mut data = Dataset::new(meta, units, system.n_indicators());
    for (u, values) in rows.into_iter().enumerate() {
        for (i, v) in values.into_iter().enumerate() {
            data.set(u, i, v);
        }
    }
    Ok(data)
}

/// Writes a data set in the wide CSV format, each value with its indicator's decimals.
pub fn write(data: &Dataset, system: &IndicatorSystem) -> String {
    write_with(data, system, |ind, v| ind.format(v))
}

/// Writes a data set in the wide CSV format, formatting each present value with `format`.
pub fn write_with(
    data: &Dataset,
    system: &IndicatorSystem,
    format: impl Fn(&Indicator, f64) -> String,
) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<&str> = IDENTITY.to_vec();
    header.extend(system.indicators.iter().map(|i| i.id.as_str()));
    w.write_record(&header)
        .expect("writing to memory cannot fail");
    for (u, unit) in data.units.iter().enumerate() {
        let mut rec = vec![
            unit.adcode.clone(),
            unit.name_zh.clone(),
            unit.prefecture_zh.clone(),
        ];
        for (i, ind) in system.indicators.iter().enumerate() {
            rec.push(data.get(u, i).map(|v| format(ind, v)).unwrap_or_default());
        }
        w.write_record(&rec).expect("writing to memory cannot fail");
    }
    String::from_utf8(w.into_inner().expect("in-memory writer")).expect("CSV output is UTF-8")
}
