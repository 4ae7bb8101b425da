//! Form building blocks. Errors are data (`AppError`): the alert shows the headline,
//! each field shows its own messages under the input, wired with `aria-describedby`
//! and `aria-invalid` so screen readers announce them.

use crate::error::AppError;
use leptos::prelude::*;

/// The error of the last submission of `action`'s form, if it failed: from the
/// flash its post left (`crate::flash`), or, in an island, from the action itself.
pub fn action_error<I, O>(action: ServerAction<I>) -> Signal<Option<AppError>>
where
    I: server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    let flashed = crate::flash::form_error::<I>();
    Signal::derive(move || {
        flashed
            .clone()
            .or_else(|| action.value().get().and_then(|r| r.err()))
    })
}

/// Whether the last submission of `action`'s form succeeded (for "Saved").
pub fn action_saved<I, O>(action: ServerAction<I>) -> Signal<bool>
where
    I: server_fn::ServerFn<Output = O, Error = AppError> + Clone + Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    let flashed = crate::flash::form_saved::<I>();
    Signal::derive(move || flashed || matches!(action.value().get(), Some(Ok(_))))
}

/// "Saved." after a form post that worked, announced politely.
#[component]
pub fn SavedNotice(#[prop(into)] saved: Signal<bool>, message: &'static str) -> impl IntoView {
    move || {
        saved.get().then(|| {
            view! {
                <p role="status" class="rounded-btn border border-ok bg-[#e3f4e8] px-4 py-3 text-ok font-medium" data-testid="saved">
                    {message}
                </p>
            }
        })
    }
}

/// The headline of a failed submission, announced to screen readers.
#[component]
pub fn FormAlert(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! {
                <div role="alert" class="rounded-btn border border-danger bg-[#fbe4e2] px-4 py-3 text-danger font-medium" data-kind=format!("{:?}", e.kind()).to_ascii_lowercase()>
                    {e.to_string()}
                </div>
            }
        })
    }
}

/// The messages for one field, if any.
#[component]
pub fn FieldError(
    #[prop(into)] id: String,
    name: &'static str,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let messages = move || {
        error
            .get()
            .map(|e| e.field_errors(name).to_vec())
            .unwrap_or_default()
    };
    view! {
        <p id=id class="text-danger text-sm font-medium" data-field-error=name>
            {move || messages().join(" ")}
        </p>
    }
}

/// A labelled `<select>` of `(value, label)` choices with its error text. After a
/// failed post it keeps what was chosen; otherwise `chosen`.
#[component]
pub fn SelectField(
    name: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    #[prop(optional, into)] chosen: Option<String>,
    #[prop(into)] error: Signal<Option<AppError>>,
) -> impl IntoView {
    let chosen = crate::flash::typed(name).or(chosen).unwrap_or_default();
    let error_id = format!("{name}-error");
    view! {
        <div class="flex flex-col gap-1">
            <label for=name class="font-medium">{label}</label>
            <select id=name name=name class="input" aria-describedby=error_id.clone()>
                {options.into_iter().map(|(value, text)| {
                    let selected = chosen == value;
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
            <FieldError id=error_id name error/>
        </div>
    }
}

/// A labelled input with hint and error text.
#[component]
pub fn TextField(
    name: &'static str,
    label: &'static str,
    #[prop(into)] error: Signal<Option<AppError>>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] prefix: Option<&'static str>,
    #[prop(optional, into)] value: Option<String>,
    #[prop(default = "")] input_class: &'static str,
    #[prop(default = false)] required: bool,
) -> impl IntoView {
    let error_id = format!("{name}-error");
    let hint_id = format!("{name}-hint");
    let described = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    let invalid = move || {
        error
            .get()
            .is_some_and(|e| !e.field_errors(name).is_empty())
            .then_some("true")
    };
    // After a failed post, what was typed, not what was stored (passwords never).
    let value = crate::flash::typed(name).or(value);
    view! {
        <div class="flex flex-col gap-1">
            <label for=name class="font-medium">{label}</label>
            <div class="flex items-stretch">
                {prefix.map(|p| view! { <span class="input-prefix" aria-hidden="true">{p}</span> })}
                <input
                    id=name
                    name=name
                    type=input_type
                    autocomplete=autocomplete
                    class=format!("input {input_class}")
                    value=value
                    required=required
                    aria-describedby=described
                    aria-invalid=invalid
                />
            </div>
            {hint.map(|h| view! { <p id=hint_id class="text-sm text-muted">{h}</p> })}
            <FieldError id=error_id name error/>
        </div>
    }
}
