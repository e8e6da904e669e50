//! Exports: the ranking as CSV and XLSX, and the import template.
