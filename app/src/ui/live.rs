//! A part of a server-rendered page that keeps itself current.

use leptos::prelude::*;
use std::time::Duration;

/// Every `every_secs`, fetches this page again and swaps in the fresh copy of the
/// element `id` (what the server rendered inside it). The island carries no view
/// code of its children, so the status board costs the WASM a few hundred bytes
/// instead of its views and types. It skips its turn while the tab is hidden (a
/// phone in a pocket does not poll), and keeps the old copy when a fetch fails.
#[island]
pub fn LiveRegion(id: String, every_secs: u32, children: Children) -> impl IntoView {
    let target = id.clone();
    // Effects run in the browser only.
    Effect::new(move |_| {
        let target = target.clone();
        let every = Duration::from_secs(every_secs.into());
        if let Ok(handle) = set_interval_with_handle(move || refresh(&target), every) {
            on_cleanup(move || handle.clear());
        }
    });
    view! { <div id=id>{children()}</div> }
}

fn refresh(id: &str) {
    use wasm_bindgen::{closure::Closure, JsCast};
    if document().hidden() {
        return;
    }
    let (Ok(xhr), Ok(href)) = (web_sys::XmlHttpRequest::new(), window().location().href()) else {
        return;
    };
    if xhr.open("GET", &href).is_err() {
        return;
    }
    // The browser parses the answer into a document for us.
    xhr.set_response_type(web_sys::XmlHttpRequestResponseType::Document);
    let (request, id) = (xhr.clone(), id.to_owned());
    let on_load = Closure::once_into_js(move || {
        if request.status().unwrap_or(0) != 200 {
            return;
        }
        let fresh = request
            .response_xml()
            .ok()
            .flatten()
            .and_then(|page| page.get_element_by_id(&id));
        if let (Some(fresh), Some(here)) = (fresh, document().get_element_by_id(&id)) {
            here.set_inner_html(&fresh.inner_html());
        }
    });
    xhr.set_onload(Some(on_load.unchecked_ref()));
    let _ = xhr.send();
}
