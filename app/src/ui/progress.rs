//! The progress bar of a long operation (an import, a run of reminders): a
//! `role="progressbar"` with its value, so a screen reader announces what the eye
//! sees. The page around it refreshes it (`LiveRegion`); it has no code of its own.

use leptos::prelude::*;

#[component]
pub fn ProgressBar(
    /// 0–100.
    percent: f32,
    label: &'static str,
) -> impl IntoView {
    let percent = percent.clamp(0.0, 100.0);
    view! {
        <div class="mt-2 h-3 rounded-full bg-line overflow-hidden" role="progressbar" aria-label=label
            aria-valuemin="0" aria-valuemax="100" aria-valuenow=format!("{percent:.0}")>
            <div class="h-full bg-ok" style=format!("width: {percent:.1}%")></div>
        </div>
    }
}
