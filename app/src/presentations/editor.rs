//! `P5`, the presentation editor: name and schedule, the slide list (drag, touch or
//! move-up/move-down buttons), the slide panel, the media library with uploads, and
//! a live preview that is the real carousel.
//!
//! No lost work: nothing is saved behind the agent's back, an unsaved-changes
//! marker is always visible, leaving asks first, and every save names the revision
//! it started from, so a save from a stale tab is refused (409) instead of
//! overwriting a newer one. The rules (`rules.rs`) run as the agent types and again
//! on the server.

use super::api::*;
use super::carousel::Carousel;
use super::rules;
use super::text::{t, T};
use super::types::*;
use super::upload::{upload_file, UploadState};
use crate::error::{AppError, FieldErrors};
use crate::i18n::{use_lang, Lang};
use crate::ui::feedback::{failure, Loading};
use crate::ui::toast::{use_toasts, ToastKind, Toaster, Toasts};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

mod media;
mod panel;
mod slides;

#[component]
pub fn EditorPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let agent = query
        .read_untracked()
        .get("agent")
        .and_then(|a| a.parse::<Uuid>().ok());
    let id = params
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<Uuid>().ok());
    // Loaded here, on the server, and handed to the island as a prop: the island
    // then carries no resource or suspense code of its own (issue 9's byte budget).
    let loaded = Resource::new(
        || (),
        move |_| async move {
            match id {
                Some(id) => editor_load(agent, id).await,
                None => Err(AppError::not_found("Presentation")),
            }
        },
    );
    view! {
        <Title text=t(T::EditPresentation)/>
        <Suspense fallback=|| view! { <Loading height="h-[32rem]"/> }>
            {move || loaded.get().map(|r| match r {
                Ok(p) => view! { <EditorIsland p agent/> }.into_any(),
                Err(e) => failure(e, "/agent/presentations"),
            })}
        </Suspense>
    }
}

/// The editor is one island. It holds its own toasts, since an island in the
/// browser sees no context from the server-rendered page around it. "Reload the
/// latest" (after a conflict) fetches the deck again and starts the editor over.
#[island]
fn EditorIsland(p: Presentation, agent: Option<Uuid>) -> impl IntoView {
    let toasts = Toasts::new();
    provide_context(toasts);
    let id = p.presentation_id;
    let deck = RwSignal::new(p);
    let reload = Callback::new(move |_| {
        leptos::task::spawn_local(async move {
            match editor_load(agent, id).await {
                Ok(p) => deck.set(p),
                Err(e) => toasts.push(ToastKind::Error, e.to_string()),
            }
        })
    });
    view! {
        {move || view! { <Editor p=deck.get() agent reload/> }}
        <Toaster/>
    }
}

/// The editor's state, shared by its parts through context.
#[derive(Clone, Copy)]
struct Ed {
    draft: RwSignal<PresentationInput>,
    selected: RwSignal<usize>,
    dirty: RwSignal<bool>,
    status: RwSignal<Status>,
    is_active: RwSignal<bool>,
    server_errors: RwSignal<FieldErrors>,
    announce: RwSignal<String>,
    /// Counts edits, so a save that returns after more typing keeps that typing.
    edits: RwSignal<u64>,
    agent: Option<Uuid>,
    presentation_id: Uuid,
    /// The page's language: the live rules speak it, as the server's do.
    lang: Lang,
}

impl Ed {
    /// Any edit: the live rules take over from what the last save reported.
    fn change(&self, f: impl FnOnce(&mut PresentationInput)) {
        self.draft.update(f);
        self.dirty.set(true);
        self.edits.update(|n| *n += 1);
        if self.server_errors.with_untracked(|e| !e.is_empty()) {
            self.server_errors.set(FieldErrors::new());
        }
    }

    /// Edits the selected slide.
    fn edit(&self, f: impl FnOnce(&mut Slide)) {
        let i = self.selected.get_untracked();
        self.change(|d| {
            if let Some(s) = d.slides.get_mut(i) {
                f(s)
            }
        });
    }

    /// A value of the selected slide, tracked.
    fn slide<R: Default>(&self, f: impl Fn(&Slide) -> R) -> R {
        let i = self.selected.get();
        self.draft
            .with(|d| d.slides.get(i).map(&f).unwrap_or_default())
    }

    /// Messages for one field of the selected slide: the live rules, or what the
    /// server said after the last save.
    fn errors(&self, field: &'static str) -> Vec<String> {
        let i = self.selected.get();
        let live = self.draft.with(|d| {
            d.slides
                .get(i)
                .map(|s| rules::slide_errors(s, self.lang))
                .unwrap_or_default()
        });
        live.get(field).cloned().unwrap_or_else(|| {
            self.server_errors.with(|e| {
                e.get(&format!("slides[{i}].{field}"))
                    .cloned()
                    .unwrap_or_default()
            })
        })
    }
}

fn use_ed() -> Ed {
    expect_context::<Ed>()
}

#[component]
fn Editor(p: Presentation, agent: Option<Uuid>, reload: Callback<()>) -> impl IntoView {
    let ed = Ed {
        draft: RwSignal::new(PresentationInput::from_presentation(&p)),
        selected: RwSignal::new(0),
        dirty: RwSignal::new(false),
        status: RwSignal::new(p.status),
        is_active: RwSignal::new(p.is_active),
        server_errors: RwSignal::new(FieldErrors::new()),
        announce: RwSignal::new(String::new()),
        edits: RwSignal::new(0),
        agent,
        presentation_id: p.presentation_id,
        lang: use_lang(),
    };
    provide_context(ed);
    let saving = RwSignal::new(false);
    let conflict = RwSignal::new(None::<String>);
    let toasts = use_toasts();
    let timezone = p.timezone.clone();

    let save = move |publish: bool| {
        if saving.get_untracked() {
            return;
        }
        let mut input = ed.draft.get_untracked();
        if publish {
            input.status = Some(Status::Published);
            input.is_active = Some(true);
        } else {
            input.status = None;
            input.is_active = None;
        }
        if let Err(AppError::Invalid { fields, .. }) = rules::validate(&input, ed.lang) {
            if let Some(i) = fields.keys().find_map(|k| {
                k.strip_prefix("slides[")
                    .and_then(|r| r.split(']').next())
                    .and_then(|n| n.parse().ok())
            }) {
                ed.selected.set(i);
            }
            ed.server_errors.set(fields);
            focus_first_invalid();
            return;
        }
        saving.set(true);
        let started = ed.edits.get_untracked();
        leptos::task::spawn_local(async move {
            match editor_save(ed.agent, ed.presentation_id, input).await {
                Ok(saved) => {
                    if ed.edits.get_untracked() == started {
                        ed.draft.set(PresentationInput::from_presentation(&saved));
                        ed.dirty.set(false);
                    } else {
                        // Typed on while saving: keep that, on top of the new revision.
                        ed.draft.update(|d| d.version = Some(saved.version));
                    }
                    ed.status.set(saved.status);
                    ed.is_active.set(saved.is_active);
                    ed.server_errors.set(FieldErrors::new());
                    conflict.set(None);
                    toasts.push(
                        ToastKind::Success,
                        if publish {
                            t(T::PublishedToast)
                        } else {
                            t(T::SavedToast)
                        },
                    );
                }
                Err(AppError::Conflict(message)) => conflict.set(Some(message)),
                Err(AppError::Invalid { fields, .. }) => {
                    ed.server_errors.set(fields);
                    focus_first_invalid();
                }
                Err(e) => toasts.push(ToastKind::Error, format!("{}: {e}", t(T::SaveFailed))),
            }
            saving.set(false);
        });
    };

    // Leaving with unsaved changes asks first; Ctrl/⌘+S saves.
    let unload = window_event_listener(leptos::ev::beforeunload, move |ev| {
        if ed.dirty.get_untracked() {
            ev.prevent_default();
            ev.set_return_value("");
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if (ev.ctrl_key() || ev.meta_key()) && ev.key() == "s" {
            ev.prevent_default();
            save(false);
        }
    });
    // Browser-only: an Effect never runs during server rendering.
    let links = StoredValue::new(true);
    Effect::new(move |_| guard_links(ed.dirty, links));
    on_cleanup(move || {
        unload.remove();
        keys.remove();
        links.set_value(false);
    });

    let back = move |ev: leptos::ev::MouseEvent| {
        if ed.dirty.get_untracked()
            && !window()
                .confirm_with_message(t(T::ConfirmDiscard))
                .unwrap_or(true)
        {
            ev.prevent_default();
        }
    };
    let library = match agent {
        Some(a) => format!("/agent/presentations?agent={a}"),
        None => "/agent/presentations".into(),
    };
    let name_error = move || {
        ed.draft.with(|d| {
            let n = d.name.trim().chars().count();
            if n == 0 {
                Some(t(T::NameRequired))
            } else if n > rules::NAME_MAX {
                Some(t(T::NameTooLong))
            } else {
                None
            }
        })
    };
    let preview_slides = Signal::derive(move || ed.draft.with(|d| d.slides.clone()));

    view! {
        // One row on a phone (about 64 px of an 844 px screen): the heading and the
        // status badge show from 640 px up.
        <div class="needs-js sticky top-0 z-30 -mx-4 mb-4 bg-canvas/95 px-4 py-2 backdrop-blur border-b border-line flex items-center gap-2" data-testid="editor-toolbar">
            <a href=library on:click=back data-own-confirm="" class="btn btn-secondary px-3" aria-label=t(T::BackToLibrary)>"←"</a>
            <h1 class="sr-only sm:not-sr-only text-xl font-bold">{t(T::EditPresentation)}</h1>
            <span class=move || format!("hidden sm:inline-flex badge badge-deck-{}", ed.status.get().as_str())>{move || match ed.status.get() {
                Status::Draft => t(T::Draft), Status::Published => t(T::Published), Status::Archived => t(T::Archived)
            }}</span>
            <span class="text-sm text-muted mr-auto sm:ml-auto sm:mr-0 min-w-0 truncate" role="status" data-testid="save-state">
                {move || if saving.get() { t(T::Saving) } else if ed.dirty.get() { t(T::Unsaved) } else { t(T::AllSaved) }}
            </span>
            <button type="button" class="btn btn-secondary px-3 sm:px-5" data-testid="save" disabled=move || saving.get() on:click=move |_| save(false)>
                {move || if ed.status.get() == Status::Published { t(T::SaveChanges) } else { t(T::SaveDraft) }}
            </button>
            <button type="button" class="btn btn-primary px-3 sm:px-5" data-testid="publish" disabled=move || saving.get()
                on:click=move |_| {
                    if window().confirm_with_message(t(T::ConfirmPublish)).unwrap_or(false) {
                        save(true);
                    }
                }>
                {t(T::Publish)}
            </button>
        </div>
        <p class="no-js-only card mb-4">{t(T::NeedsJs)}</p>
        // Not a toast: it would cover the fields it is about, and outlive their fix.
        // It goes with the first edit, which clears the save's errors.
        {move || (!ed.server_errors.with(|e| e.is_empty())).then(|| view! {
            <p role="alert" class="card mb-4 border-l-4 border-danger text-danger font-medium" data-testid="fix-fields">
                {t(crate::i18n::Msg::FixFields)}
            </p>
        })}
        {move || conflict.get().map(|message| view! {
            <div role="alert" class="card mb-4 border-l-4 border-danger" data-testid="conflict">
                <p class="font-semibold">{t(T::ConflictTitle)}</p>
                <p class="mt-1 text-muted">{message}</p>
                <div class="mt-3 flex flex-wrap gap-2">
                    <button type="button" class="btn btn-primary min-h-10" on:click=move |_| reload.run(())>{t(T::ReloadLatest)}</button>
                    <button type="button" class="btn btn-secondary min-h-10" on:click=move |_| conflict.set(None)>{t(T::KeepEditing)}</button>
                </div>
            </div>
        })}
        <div class="needs-js grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
            <div class="flex flex-col gap-4">
                <section class="card flex flex-col gap-3" aria-label=t(T::Details)>
                    <div class="flex flex-col gap-1">
                        <label for="deck-name" class="font-medium">{t(T::Name)}</label>
                        <input id="deck-name" class="input" maxlength="255" required=true
                            aria-invalid=move || name_error().is_some().to_string()
                            aria-describedby="deck-name-error"
                            prop:value=move || ed.draft.with(|d| d.name.clone())
                            on:input=move |ev| ed.change(|d| d.name = event_target_value(&ev))/>
                        <p id="deck-name-error" class="text-danger text-sm">{name_error}</p>
                    </div>
                    <div class="flex flex-col gap-1">
                        <label for="deck-description" class="font-medium">{t(T::Description)}</label>
                        <textarea id="deck-description" class="input py-2 min-h-20" maxlength="2000"
                            prop:value=move || ed.draft.with(|d| d.description.clone().unwrap_or_default())
                            on:input=move |ev| ed.change(|d| d.description = Some(event_target_value(&ev)))></textarea>
                    </div>
                    <Schedule timezone/>
                </section>
                <slides::SlideList/>
            </div>
            <div class="flex flex-col gap-4">
                <section aria-label=t(T::Preview) class="lg:sticky lg:top-24">
                    <h2 class="text-lg font-semibold mb-2">{t(T::Preview)}</h2>
                    <Carousel slides=preview_slides label=t(T::Preview).to_owned() start_paused=true show=Signal::derive(move || ed.selected.get())/>
                </section>
                <panel::SlidePanel/>
            </div>
        </div>
        <p class="sr-only" aria-live="polite" data-testid="announce">{move || ed.announce.get()}</p>
    }
}

/// After a refused save: the first field with an error gets the focus (and scrolls
/// into view), once the panel shows it.
fn focus_first_invalid() {
    use wasm_bindgen::JsCast;
    request_animation_frame(|| {
        if let Some(el) = document()
            .query_selector("[aria-invalid=true]")
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// Asks before an in-app link leaves unsaved work. The router follows links from a
/// `window` listener; this one sits on `document`, so it runs first and can
/// cancel. `active` switches it off when the editor goes away. Browser only: it
/// builds a JS closure, which aborts the process if run on the server.
fn guard_links(dirty: RwSignal<bool>, active: StoredValue<bool>) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let guard = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if !active.try_get_value().unwrap_or(false) || !dirty.get_untracked() {
            return;
        }
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]:not([data-own-confirm])").ok().flatten());
        if link.is_some()
            && !window()
                .confirm_with_message(t(T::ConfirmDiscard))
                .unwrap_or(true)
        {
            ev.prevent_default();
        }
    });
    let _ = document().add_event_listener_with_callback("click", guard.as_ref().unchecked_ref());
    // One small listener per editor visit; it does nothing once switched off.
    guard.forget();
}

/// The deck's optional schedule, in the agent's timezone.
#[component]
fn Schedule(timezone: String) -> impl IntoView {
    let ed = use_ed();
    let field = move |id: &'static str,
                      label: T,
                      get: fn(&PresentationInput) -> Option<String>,
                      set: fn(&mut PresentationInput, Option<String>)| {
        view! {
            <div class="flex flex-col gap-1">
                <label for=id class="font-medium text-sm">{t(label)}</label>
                <input id=id type="datetime-local" class="input"
                    prop:value=move || ed.draft.with(|d| get(d).unwrap_or_default())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        ed.change(|d| set(d, (!v.is_empty()).then_some(v)));
                    }/>
            </div>
        }
    };
    view! {
        <details>
            <summary class="cursor-pointer font-medium min-h-10 flex items-center">{t(T::ScheduleOptional)}</summary>
            <p class="text-sm text-muted">{t(T::ScheduleHint)}" ("{timezone}")"</p>
            <div class="mt-2 grid gap-2 sm:grid-cols-2">
                {field("deck-from", T::ShowFrom, |d| d.active_from.clone(), |d, v| d.active_from = v)}
                {field("deck-until", T::ShowUntil, |d| d.active_until.clone(), |d, v| d.active_until = v)}
            </div>
        </details>
    }
}
