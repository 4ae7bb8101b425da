//! What JavaScript adds to the server-rendered code page: the code submits itself
//! at its sixth digit, once; and "Resend" waits out its cooldown, counting.

use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::{closure::Closure, JsCast};

/// Wraps the page's forms (server-rendered children, so none of their view code is
/// in the WASM) and wires them up by id: `#otp-form`, `#otp`, `#otp-verify`,
/// `#otp-resend` and `#resend-countdown`. The forms still post as plain forms.
#[island]
pub fn CodeEntry(
    wait_secs: i64,
    resend_in: String,
    ready: String,
    children: Children,
) -> impl IntoView {
    Effect::new(move |_| {
        guard_verify();
        count_down(wait_secs, resend_in.clone(), ready.clone());
    });
    children()
}

fn by_id<T: JsCast>(id: &str) -> Option<T> {
    document().get_element_by_id(id)?.dyn_into().ok()
}

fn listen(target: &web_sys::EventTarget, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let f = Closure::<dyn FnMut(web_sys::Event)>::new(f).into_js_value();
    let _ = target.add_event_listener_with_callback(event, f.unchecked_ref());
}

/// One submission per page: the sixth digit submits, and a second submit (the
/// button pressed as the code auto-submits) is dropped instead of spending the
/// code twice.
fn guard_verify() {
    let (Some(form), Some(input)) = (
        by_id::<web_sys::HtmlFormElement>("otp-form"),
        by_id::<web_sys::HtmlInputElement>("otp"),
    ) else {
        return;
    };
    let sent = std::rc::Rc::new(std::cell::Cell::new(false));
    let once = sent.clone();
    listen(&form, "submit", move |ev| {
        if once.replace(true) {
            ev.prevent_default();
        } else if let Some(button) = by_id::<web_sys::Element>("otp-verify") {
            let _ = button.set_attribute("disabled", "");
            let _ = button.set_attribute("aria-busy", "true");
        }
    });
    let (form_for_input, input_for_input) = (form.clone(), input.clone());
    listen(&input, "input", move |_| {
        let code = input_for_input.value();
        if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) && !sent.get() {
            let _ = form_for_input.request_submit();
        }
    });
}

/// "Resend in 29s" … then "Didn't get the code?" with the button enabled again.
fn count_down(wait_secs: i64, resend_in: String, ready: String) {
    let (Some(button), Some(label)) = (
        by_id::<web_sys::Element>("otp-resend"),
        by_id::<web_sys::Element>("resend-countdown"),
    ) else {
        return;
    };
    let remaining = std::rc::Rc::new(std::cell::Cell::new(wait_secs));
    let tick = move || {
        let s = remaining.get();
        if s > 0 {
            let _ = button.set_attribute("disabled", "");
            label.set_text_content(Some(&format!("{resend_in} {s}s")));
            remaining.set(s - 1);
        } else {
            let _ = button.remove_attribute("disabled");
            label.set_text_content(Some(&ready));
        }
    };
    tick();
    if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
}
