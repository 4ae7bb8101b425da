//! The browser entry point. The app is built of islands: the server renders every
//! page, and only the `#[island]` parts (the carousel, the editor, the OTP form, the
//! status board, confirmations) hydrate. Pages without islands load no WASM at all
//! (`app::page_has_islands`).

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Through `app`, so that its islands (wasm-bindgen exports) are linked in at all.
    app::hydrate_islands();
}
