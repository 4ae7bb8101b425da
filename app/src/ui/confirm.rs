//! A form's submit button that asks for confirmation first.

use leptos::prelude::*;

/// A submit button that asks first (deleting a draft cannot be undone, say). An island:
/// the question needs the browser; without JavaScript the form posts as it is.
#[island]
pub fn ConfirmSubmit(label: String, question: String) -> impl IntoView {
    view! {
        <button type="submit" class="btn btn-secondary min-h-10"
            on:click=move |ev| {
                if !window().confirm_with_message(&question).unwrap_or(false) {
                    ev.prevent_default();
                }
            }>
            {label}
        </button>
    }
}
