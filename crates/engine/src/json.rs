//! JSON text to and from serde types: serde_json natively, and in WebAssembly the browser's own `JSON`
//! with serde-wasm-bindgen, so that the page's module links no JSON parser or printer of its own.
//!
//! Both read any JSON the other writes into the same values; the texts may differ in number format
//! (`5.0` natively, `5` in the browser). Non-finite numbers are written as `null` by both.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Parses JSON text; the error is a one-line description.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Writes a value as JSON text; fails only for values JSON cannot hold, such as maps with non-text keys.
#[cfg(not(target_arch = "wasm32"))]
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| e.to_string())
}

#[cfg(target_arch = "wasm32")]
fn describe(e: wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => err.message().into(),
        None => e.as_string().unwrap_or_else(|| "invalid JSON".to_string()),
    }
}

/// Parses JSON text; the error is a one-line description.
#[cfg(target_arch = "wasm32")]
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let value = js_sys::JSON::parse(text).map_err(describe)?;
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// Writes a value as JSON text; fails only for values JSON cannot hold, such as maps with non-text keys.
#[cfg(target_arch = "wasm32")]
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    let value = value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())?;
    js_sys::JSON::stringify(&value)
        .map(String::from)
        .map_err(describe)
}
