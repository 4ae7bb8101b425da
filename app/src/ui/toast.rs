//! Toasts: short, dismissible messages in a polite live region. Any component calls
//! `use_toasts().error(..)`. The island that needs them provides the store and renders
//! `Toaster` (the editor): an island in the browser sees no context from the page.

use crate::error::AppError;
use crate::i18n::{t, Msg};
use leptos::prelude::*;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    Success,
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Toast {
    pub id: u64,
    pub kind: ToastKind,
    pub message: String,
}

#[derive(Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
}

impl Toasts {
    pub fn new() -> Self {
        Self {
            items: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        }
    }

    pub fn push(&self, kind: ToastKind, message: impl Into<String>) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.items.update(|items| {
            items.push(Toast {
                id,
                kind,
                message: message.into(),
            })
        });
        let this = *self;
        set_timeout(move || this.dismiss(id), Duration::from_secs(6));
    }

    pub fn success(&self, message: impl Into<String>) {
        self.push(ToastKind::Success, message);
    }

    /// Shows an error's user-safe message (`detail`).
    pub fn error(&self, err: &AppError) {
        self.push(ToastKind::Error, err.to_string());
    }

    pub fn dismiss(&self, id: u64) {
        self.items.update(|items| items.retain(|t| t.id != id));
    }
}

impl Default for Toasts {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_toasts() -> Toasts {
    use_context::<Toasts>().unwrap_or_default()
}

#[component]
pub fn Toaster() -> impl IntoView {
    let toasts = use_toasts();
    view! {
        <div
            class="fixed bottom-4 inset-x-4 sm:left-auto sm:w-96 flex flex-col gap-2 z-50"
            role="status"
            aria-live="polite"
        >
            <For each=move || toasts.items.get() key=|toast| toast.id let:toast>
                <div class=move || {
                    match toast.kind {
                        ToastKind::Success => "toast toast-success",
                        ToastKind::Error => "toast toast-error",
                    }
                }>
                    <p class="flex-1">{toast.message.clone()}</p>
                    <button
                        type="button"
                        class="btn-ghost"
                        aria-label=t(Msg::Dismiss)
                        on:click=move |_| toasts.dismiss(toast.id)
                    >
                        "×"
                    </button>
                </div>
            </For>
        </div>
    }
}
