//! Loading, error and status widgets shared by every page.

use crate::error::AppError;
use crate::i18n::{t, Msg};
use leptos::prelude::*;

/// A skeleton with the height of the content it stands in for, so nothing jumps
/// when the data arrives.
#[component]
pub fn Loading(#[prop(default = "h-40")] height: &'static str) -> impl IntoView {
    view! {
        <div class=format!("skeleton {height}") role="status" aria-live="polite">
            <span class="sr-only">{t(Msg::Loading)}</span>
        </div>
    }
}

/// Shows an `AppError` the way its kind deserves. Field errors belong next to their
/// inputs (forms render them), so here only the headline is shown.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    view! {
        <div role="alert" class="card border-l-4 border-danger">
            <h2 class="text-lg font-semibold">{t(Msg::ErrorTitle)}</h2>
            <p class="mt-1 text-muted">{error.to_string()}</p>
        </div>
    }
}

/// A page's load failed: unauthenticated → sign in (and come back to `here`);
/// anything else → the error card, under the error's own HTTP status (a record
/// that is not there is a 404 page, not a 200 that says so).
pub fn failure(error: AppError, here: &str) -> AnyView {
    #[cfg(feature = "ssr")]
    if let (Some(response), false) = (
        use_context::<leptos_axum::ResponseOptions>(),
        matches!(error, AppError::Unauthenticated(_)),
    ) {
        response.set_status(error.status_code());
    }
    match error {
        AppError::Unauthenticated(_) => {
            view! { <leptos_router::components::Redirect path=format!("/login?next={here}")/> }
                .into_any()
        }
        error => view! { <ErrorView error/> }.into_any(),
    }
}

/// Renders whatever `ErrorBoundary` caught. Errors that are `AppError`s show their
/// safe message; anything else gets the generic one.
pub fn error_fallback(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let first = move || {
        errors
            .get()
            .into_iter()
            .next()
            .map(|(_, err)| {
                err.downcast_ref::<AppError>()
                    .cloned()
                    .unwrap_or(AppError::Internal)
            })
            .unwrap_or(AppError::Internal)
    };
    view! { {move || view! { <ErrorView error=first()/> }} }
}

/// A labelled horizontal bar for a percentage (CPU, memory, disk).
#[component]
pub fn UsageBar(label: &'static str, percent: f32, detail: String) -> impl IntoView {
    let pct = percent.clamp(0.0, 100.0);
    let tone = if pct > 90.0 {
        "bg-danger"
    } else if pct > 75.0 {
        "bg-warn"
    } else {
        "bg-ok"
    };
    view! {
        <div>
            <div class="flex justify-between text-sm">
                <span class="font-medium">{label}</span>
                <span class="text-muted">{format!("{pct:.0}% · {detail}")}</span>
            </div>
            <div
                class="mt-1 h-3 rounded-full bg-line overflow-hidden"
                role="progressbar"
                aria-label=label
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=format!("{pct:.0}")
            >
                <div class=format!("h-full {tone}") style=format!("width: {pct:.1}%")></div>
            </div>
        </div>
    }
}
