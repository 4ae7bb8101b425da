//! The JSON codec of our server functions: `serde_json` text, as the stock `Json`,
//! but decoded with `from_str` rather than `from_slice`.
//!
//! Why: the browser also decodes island props and upload answers, and those come as
//! strings. serde monomorphises every type's `Deserialize` once per reader, so with
//! the stock codec each shared type (a presentation, a slide…) was in the WASM twice.
//! The bytes on the wire are the same, so the `/api/v1` contract does not change.
//!
//! Use `output = crate::codec::Json` on a server function an island calls, and
//! `input = crate::codec::Json` where the input is JSON.

use serde::{de::DeserializeOwned, Serialize};
use server_fn::{Bytes, ContentType, Decodes, Encodes, Format, FormatType};

pub struct JsonText;

impl ContentType for JsonText {
    const CONTENT_TYPE: &'static str = "application/json";
}

impl FormatType for JsonText {
    const FORMAT_TYPE: Format = Format::Text;
}

impl<T: Serialize> Encodes<T> for JsonText {
    type Error = serde_json::Error;

    fn encode(output: &T) -> Result<Bytes, Self::Error> {
        serde_json::to_vec(output).map(Bytes::from)
    }
}

impl<T: DeserializeOwned> Decodes<T> for JsonText {
    type Error = serde_json::Error;

    fn decode(bytes: Bytes) -> Result<T, Self::Error> {
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            <serde_json::Error as serde::de::Error>::custom(format!("not UTF-8: {e}"))
        })?;
        serde_json::from_str(text)
    }
}

/// JSON in a `POST` body (as input), or a JSON answer (as output).
pub type Json = server_fn::codec::Post<JsonText>;
