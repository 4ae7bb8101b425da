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
use super::text::{tr, T};
use super::types::*;
use super::upload::{upload_file, UploadState};
use crate::error::{AppError, FieldErrors};
use crate::ui::feedback::{failure, Loading};
use crate::ui::toast::{use_toasts, ToastKind};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

#[component]
pub fn EditorPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        (
            query
                .read()
                .get("agent")
                .and_then(|a| a.parse::<Uuid>().ok()),
            params
                .read()
                .get("id")
                .and_then(|id| id.parse::<Uuid>().ok()),
        )
    };
    let loaded = Resource::new(key, |(agent, id)| async move {
        match id {
            Some(id) => editor_load(agent, id).await,
            None => Err(AppError::not_found("Presentation")),
        }
    });
    view! {
        <Title text=tr(T::EditPresentation)/>
        <Transition fallback=|| view! { <Loading height="h-[32rem]"/> }>
            {move || loaded.get().map(|r| match r {
                Ok(p) => view! { <Editor p agent=key().0 reload=Callback::new(move |_| loaded.refetch())/> }.into_any(),
                Err(e) => failure(e, "/agent/presentations"),
            })}
        </Transition>
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
        let live = self
            .draft
            .with(|d| d.slides.get(i).map(rules::slide_errors).unwrap_or_default());
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
        if let Err(AppError::Invalid { fields, .. }) = rules::validate(&input) {
            if let Some(i) = fields.keys().find_map(|k| {
                k.strip_prefix("slides[")
                    .and_then(|r| r.split(']').next())
                    .and_then(|n| n.parse().ok())
            }) {
                ed.selected.set(i);
            }
            ed.server_errors.set(fields);
            toasts.push(ToastKind::Error, tr(T::FixFields));
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
                            tr(T::PublishedToast)
                        } else {
                            tr(T::SavedToast)
                        },
                    );
                }
                Err(AppError::Conflict(message)) => conflict.set(Some(message)),
                Err(AppError::Invalid { fields, .. }) => {
                    ed.server_errors.set(fields);
                    toasts.push(ToastKind::Error, tr(T::FixFields));
                }
                Err(e) => toasts.push(ToastKind::Error, format!("{}: {e}", tr(T::SaveFailed))),
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
                .confirm_with_message(tr(T::ConfirmDiscard))
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
                Some(tr(T::NameRequired))
            } else if n > rules::NAME_MAX {
                Some(tr(T::NameTooLong))
            } else {
                None
            }
        })
    };
    let preview_slides = Signal::derive(move || ed.draft.with(|d| d.slides.clone()));

    view! {
        <div class="sticky top-0 z-30 -mx-4 mb-4 bg-canvas/95 px-4 py-3 backdrop-blur border-b border-line flex flex-wrap items-center gap-2">
            <a href=library on:click=back data-own-confirm="" class="btn btn-secondary min-h-10" aria-label=tr(T::BackToLibrary)>"←"</a>
            <h1 class="text-xl font-bold mr-auto">{tr(T::EditPresentation)}</h1>
            <span class=move || format!("badge badge-deck-{}", ed.status.get().as_str())>{move || match ed.status.get() {
                Status::Draft => tr(T::Draft), Status::Published => tr(T::Published), Status::Archived => tr(T::Archived)
            }}</span>
            <span class="text-sm text-muted" role="status" data-testid="save-state">
                {move || if saving.get() { tr(T::Saving) } else if ed.dirty.get() { tr(T::Unsaved) } else { tr(T::AllSaved) }}
            </span>
            <button type="button" class="btn btn-secondary min-h-10" data-testid="save" disabled=move || saving.get() on:click=move |_| save(false)>
                {move || if ed.status.get() == Status::Published { tr(T::SaveChanges) } else { tr(T::SaveDraft) }}
            </button>
            <button type="button" class="btn btn-primary min-h-10" data-testid="publish" disabled=move || saving.get()
                on:click=move |_| {
                    if window().confirm_with_message(tr(T::ConfirmPublish)).unwrap_or(false) {
                        save(true);
                    }
                }>
                {tr(T::Publish)}
            </button>
        </div>
        <noscript><p class="card mb-4">{tr(T::NeedsJs)}</p></noscript>
        {move || conflict.get().map(|message| view! {
            <div role="alert" class="card mb-4 border-l-4 border-danger" data-testid="conflict">
                <p class="font-semibold">{tr(T::ConflictTitle)}</p>
                <p class="mt-1 text-muted">{message}</p>
                <div class="mt-3 flex flex-wrap gap-2">
                    <button type="button" class="btn btn-primary min-h-10" on:click=move |_| reload.run(())>{tr(T::ReloadLatest)}</button>
                    <button type="button" class="btn btn-secondary min-h-10" on:click=move |_| conflict.set(None)>{tr(T::KeepEditing)}</button>
                </div>
            </div>
        })}
        <div class="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
            <div class="flex flex-col gap-4">
                <section class="card flex flex-col gap-3" aria-label=tr(T::Details)>
                    <div class="flex flex-col gap-1">
                        <label for="deck-name" class="font-medium">{tr(T::Name)}</label>
                        <input id="deck-name" class="input" maxlength="255" required=true
                            aria-invalid=move || name_error().is_some().to_string()
                            aria-describedby="deck-name-error"
                            prop:value=move || ed.draft.with(|d| d.name.clone())
                            on:input=move |ev| ed.change(|d| d.name = event_target_value(&ev))/>
                        <p id="deck-name-error" class="text-danger text-sm">{name_error}</p>
                    </div>
                    <div class="flex flex-col gap-1">
                        <label for="deck-description" class="font-medium">{tr(T::Description)}</label>
                        <textarea id="deck-description" class="input py-2 min-h-20" maxlength="2000"
                            prop:value=move || ed.draft.with(|d| d.description.clone().unwrap_or_default())
                            on:input=move |ev| ed.change(|d| d.description = Some(event_target_value(&ev)))></textarea>
                    </div>
                    <Schedule timezone/>
                </section>
                <SlideList/>
            </div>
            <div class="flex flex-col gap-4">
                <section aria-label=tr(T::Preview) class="lg:sticky lg:top-24">
                    <h2 class="text-lg font-semibold mb-2">{tr(T::Preview)}</h2>
                    <Carousel slides=preview_slides label=tr(T::Preview).to_owned() start_paused=true show=Signal::derive(move || ed.selected.get())/>
                </section>
                <SlidePanel/>
            </div>
        </div>
        <p class="sr-only" aria-live="polite" data-testid="announce">{move || ed.announce.get()}</p>
    }
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
                .confirm_with_message(tr(T::ConfirmDiscard))
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
                <label for=id class="font-medium text-sm">{tr(label)}</label>
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
            <summary class="cursor-pointer font-medium min-h-10 flex items-center">{tr(T::ScheduleOptional)}</summary>
            <p class="text-sm text-muted">{tr(T::ScheduleHint)}" ("{timezone}")"</p>
            <div class="mt-2 grid gap-2 sm:grid-cols-2">
                {field("deck-from", T::ShowFrom, |d| d.active_from.clone(), |d, v| d.active_from = v)}
                {field("deck-until", T::ShowUntil, |d| d.active_until.clone(), |d, v| d.active_until = v)}
            </div>
        </details>
    }
}

fn focus(id: &str) {
    let id = id.to_owned();
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

/// After a keyboard move, focus follows the slide: the same arrow at its new
/// place, or the other arrow when it reached an end.
fn focus_after(to: usize, count: usize, up: bool) -> String {
    match (up, to) {
        (true, 0) => "slide-down-0".into(),
        (true, to) => format!("slide-up-{to}"),
        (false, to) if to + 1 >= count => format!("slide-up-{to}"),
        (false, to) => format!("slide-down-{to}"),
    }
}

/// The reorderable slide list.
#[component]
fn SlideList() -> impl IntoView {
    let ed = use_ed();
    let count = Memo::new(move |_| ed.draft.with(|d| d.slides.len()));
    let dragging = RwSignal::new(None::<usize>);
    let target = RwSignal::new(None::<usize>);
    let list = NodeRef::<leptos::html::Ol>::new();

    let move_slide = move |from: usize, to: usize, focus_id: Option<String>| {
        if from == to || to >= count.get_untracked() {
            return;
        }
        ed.change(|d| rules::move_slide(&mut d.slides, from, to));
        if ed.selected.get_untracked() == from {
            ed.selected.set(to);
        }
        ed.announce
            .set(format!("{} {} → {}", tr(T::SlideMoved), from + 1, to + 1));
        if let Some(id) = focus_id {
            focus(&id);
        }
    };
    // Which row the pointer is over, by the rows' midpoints.
    let row_at = move |y: f64| -> Option<usize> {
        let list = list.get()?;
        let rows = list.children();
        let n = rows.length() as usize;
        (0..n)
            .find(|&i| {
                rows.item(i as u32).is_some_and(|r| {
                    let rect = r.get_bounding_client_rect();
                    y < rect.top() + rect.height() / 2.0
                })
            })
            .or(n.checked_sub(1))
    };
    let add = move |_| {
        if count.get_untracked() >= MAX_SLIDES {
            return;
        }
        ed.change(|d| {
            d.slides
                .push(Slide::new_text(tr(T::NewSlide), tr(T::SlideContent)));
            rules::renumber(&mut d.slides);
        });
        ed.selected.set(count.get_untracked() - 1);
        ed.announce.set(tr(T::SlideAdded).to_owned());
    };

    view! {
        <section class="card" aria-labelledby="slides-heading">
            <div class="flex items-center justify-between gap-2">
                <h2 id="slides-heading" class="text-lg font-semibold">{tr(T::Slides)}" "<span class="text-muted text-base">{move || format!("({}/{MAX_SLIDES})", count.get())}</span></h2>
                <button type="button" class="btn btn-primary min-h-10" data-testid="add-slide" on:click=add disabled=move || { count.get() >= MAX_SLIDES }>
                    {tr(T::AddSlide)}
                </button>
            </div>
            <p class="text-sm text-muted mt-1">{tr(T::ReorderHint)}</p>
            <ol node_ref=list class="mt-3 flex flex-col gap-2" data-testid="slide-list">
                {move || (0..count.get()).map(|i| {
                    let summary = move || ed.draft.with(|d| d.slides.get(i).map(|s| {
                        let title = s.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| tr(T::UntitledSlide).to_owned());
                        (title, format!("{} • {} • {}s", s.slide_type, s.layout, s.duration))
                    }).unwrap_or_default());
                    let last = i + 1 == count.get_untracked();
                    view! {
                        <li data-testid="slide-row"
                            class=move || format!("flex flex-wrap items-center gap-2 rounded-btn border-2 p-2 {} {}",
                                if ed.selected.get() == i { "border-brand bg-brand/5" } else { "border-line" },
                                if target.get() == Some(i) && dragging.get().is_some_and(|d| d != i) { "ring-2 ring-accent" } else { "" })>
                            <div class="drag-handle" aria-hidden="true" data-testid="drag-handle" title=tr(T::DragToReorder)
                                on:pointerdown=move |ev| {
                                    ev.prevent_default();
                                    if let Some(el) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok()) {
                                        let _ = el.set_pointer_capture(ev.pointer_id());
                                    }
                                    dragging.set(Some(i));
                                    target.set(Some(i));
                                }
                                on:pointermove=move |ev| {
                                    if dragging.get_untracked().is_some() {
                                        target.set(row_at(f64::from(ev.client_y())));
                                    }
                                }
                                on:pointerup=move |_| {
                                    if let (Some(from), Some(to)) = (dragging.get_untracked(), target.get_untracked()) {
                                        move_slide(from, to, None);
                                    }
                                    dragging.set(None);
                                    target.set(None);
                                }
                                on:pointercancel=move |_| { dragging.set(None); target.set(None); }>
                                "⋮⋮"
                            </div>
                            <button type="button" class="flex-1 min-w-0 basis-36 text-left min-h-11" data-testid="select-slide"
                                aria-current=move || (ed.selected.get() == i).then_some("true")
                                on:click=move |_| ed.selected.set(i)>
                                <span class="block font-medium truncate">{move || format!("{}. {}", i + 1, summary().0)}</span>
                                <span class="block text-sm text-muted">{move || summary().1}</span>
                            </button>
                            // On a narrow phone the four actions wrap under the title.
                            <div class="ml-auto flex gap-1">
                            <button type="button" class="icon-btn" id=format!("slide-up-{i}") disabled={ i == 0 }
                                aria-label=format!("{} {} {}", tr(T::MoveSlide), i + 1, tr(T::Up))
                                on:click=move |_| move_slide(i, i.saturating_sub(1), Some(focus_after(i.saturating_sub(1), count.get_untracked(), true)))>"↑"</button>
                            <button type="button" class="icon-btn" id=format!("slide-down-{i}") disabled=last
                                aria-label=format!("{} {} {}", tr(T::MoveSlide), i + 1, tr(T::Down))
                                on:click=move |_| move_slide(i, i + 1, Some(focus_after(i + 1, count.get_untracked(), false)))>"↓"</button>
                            <button type="button" class="icon-btn" aria-label=format!("{} {}", tr(T::DuplicateSlide), i + 1)
                                disabled=move || { count.get() >= MAX_SLIDES }
                                on:click=move |_| {
                                    ed.change(|d| {
                                        if d.slides.len() < MAX_SLIDES {
                                            let mut copy = d.slides[i].clone();
                                            copy.slide_id = None;
                                            d.slides.insert(i + 1, copy);
                                            rules::renumber(&mut d.slides);
                                        }
                                    });
                                    ed.selected.set(i + 1);
                                }>
                                <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2">
                                    <rect x="8" y="8" width="12" height="12" rx="2"/><path d="M4 16V6a2 2 0 0 1 2-2h10"/>
                                </svg>
                            </button>
                            <button type="button" class="icon-btn text-danger" aria-label=format!("{} {}", tr(T::DeleteSlide), i + 1)
                                on:click=move |_| {
                                    if window().confirm_with_message(tr(T::ConfirmDeleteSlide)).unwrap_or(false) {
                                        ed.change(|d| {
                                            d.slides.remove(i);
                                            rules::renumber(&mut d.slides);
                                        });
                                        let n = count.get_untracked();
                                        ed.selected.update(|s| *s = (*s).min(n.saturating_sub(1)));
                                        ed.announce.set(tr(T::SlideDeleted).to_owned());
                                    }
                                }>"✕"</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {move || (count.get() == 0).then(|| view! { <p class="mt-3 text-muted">{tr(T::NoSlidesYet)}</p> })}
        </section>
    }
}

/// A labelled text input bound to one field of the selected slide.
#[component]
fn SlideText(
    id: &'static str,
    label: T,
    field: &'static str,
    max: usize,
    get: fn(&Slide) -> Option<String>,
    set: fn(&mut Slide, String),
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let ed = use_ed();
    let errors = move || ed.errors(field);
    let value = move || ed.slide(|s| get(s).unwrap_or_default());
    let input = move |ev| ed.edit(|s| set(s, event_target_value(&ev)));
    let invalid = move || (!errors().is_empty()).to_string();
    let described = format!("{id}-error");
    view! {
        <div class="flex flex-col gap-1">
            <label for=id class="font-medium">{tr(label)}</label>
            {if multiline {
                view! { <textarea id=id class="input py-2 min-h-20" maxlength=max.to_string() aria-invalid=invalid aria-describedby=described.clone() prop:value=value on:input=input></textarea> }.into_any()
            } else {
                view! { <input id=id class="input" maxlength=max.to_string() aria-invalid=invalid aria-describedby=described.clone() prop:value=value on:input=input/> }.into_any()
            }}
            <p id=described class="text-danger text-sm" data-field=field>{move || errors().join(" ")}</p>
        </div>
    }
}

/// A colour: the native picker plus the hex text, which is where a typo shows its
/// field error.
#[component]
fn ColorField(
    id: &'static str,
    label: T,
    field: &'static str,
    get: fn(&Slide) -> String,
    set: fn(&mut Slide, String),
) -> impl IntoView {
    let ed = use_ed();
    let errors = move || ed.errors(field);
    let value = move || ed.slide(get);
    let described = format!("{id}-error");
    view! {
        <div class="flex flex-col gap-1">
            <label for=id class="font-medium">{tr(label)}</label>
            <div class="flex gap-2">
                <input type="color" class="h-12 w-14 rounded-btn border-2 border-line" aria-label=format!("{} ({})", tr(label), tr(T::Picker))
                    tabindex="-1"
                    prop:value=move || { let v = value(); if rules::is_color(&v) { v.to_lowercase() } else { "#000000".into() } }
                    on:input=move |ev| ed.edit(|s| set(s, event_target_value(&ev).to_uppercase()))/>
                <input id=id class="input font-mono" maxlength="7" aria-invalid=move || (!errors().is_empty()).to_string()
                    aria-describedby=described.clone()
                    prop:value=value on:input=move |ev| ed.edit(|s| set(s, event_target_value(&ev).trim().to_owned()))/>
            </div>
            <p id=described class="text-danger text-sm" data-field=field>{move || errors().join(" ")}</p>
        </div>
    }
}

/// Everything about the selected slide.
#[component]
fn SlidePanel() -> impl IntoView {
    let ed = use_ed();
    let count = Memo::new(move |_| ed.draft.with(|d| d.slides.len()));
    let kind = Memo::new(move |_| ed.slide(|s| Some(s.slide_type)).unwrap_or(SlideType::Text));
    let layout = Memo::new(move |_| ed.slide(|s| Some(s.layout)).unwrap_or_default());
    let cta_on = Memo::new(move |_| {
        // Switched on, not "has text": clearing the label must not hide its field.
        ed.slide(|s| s.cta_button.as_ref().map(|c| c.enabled.unwrap_or(true)))
            .unwrap_or(false)
    });
    view! {
        <section class="card flex flex-col gap-4" aria-labelledby="panel-heading" data-testid="slide-panel">
            <h2 id="panel-heading" class="text-lg font-semibold">
                {move || format!("{} {}", tr(T::Slide), ed.selected.get() + 1)}
            </h2>
            {move || (count.get() == 0).then(|| view! { <p class="text-muted">{tr(T::NoSlidesYet)}</p> })}
            <div class="flex flex-col gap-4" hidden=move || count.get() == 0>
                <fieldset>
                    <legend class="font-medium">{tr(T::SlideType)}</legend>
                    <div class="mt-1 inline-flex rounded-btn border-2 border-brand overflow-hidden">
                        {[(SlideType::Text, T::TypeText), (SlideType::Image, T::TypeImage), (SlideType::Video, T::TypeVideo)].into_iter().map(|(k, label)| view! {
                            <label class=move || format!("px-4 min-h-11 flex items-center cursor-pointer font-semibold {}", if kind.get() == k { "bg-brand text-white" } else { "text-brand" })>
                                <input type="radio" name="slide-type" class="sr-only" value=k.as_str()
                                    prop:checked=move || kind.get() == k
                                    on:change=move |_| ed.edit(|s| {
                                        s.slide_type = k;
                                        if k == SlideType::Text { s.media_url = None; s.media_id = None; s.media_type = None; s.thumbnail_url = None; }
                                    })/>
                                {tr(label)}
                            </label>
                        }).collect_view()}
                    </div>
                </fieldset>
                {move || (kind.get() != SlideType::Text).then(|| view! { <MediaPicker/> })}
                <SlideText id="slide-title" label=T::Title field="title" max=rules::TITLE_MAX get=|s| s.title.clone() set=|s, v| s.title = Some(v)/>
                <SlideText id="slide-subtitle" label=T::Subtitle field="subtitle" max=rules::SUBTITLE_MAX get=|s| s.subtitle.clone() set=|s, v| s.subtitle = Some(v)/>
                <SlideText id="slide-description" label=T::Description field="description" max=rules::SLIDE_DESCRIPTION_MAX multiline=true get=|s| s.description.clone() set=|s, v| s.description = Some(v)/>
                <fieldset>
                    <legend class="font-medium">{tr(T::Layout)}</legend>
                    <div class="mt-1 flex flex-wrap gap-2">
                        {Layout::ALL.iter().map(|l| {
                            let l = *l;
                            view! {
                                <label class=move || format!("chip {}", if layout.get() == l { "chip-on" } else { "" })>
                                    <input type="radio" name="slide-layout" class="sr-only" value=l.as_str()
                                        prop:checked=move || layout.get() == l
                                        on:change=move |_| ed.edit(|s| s.layout = l)/>
                                    {l.as_str().to_uppercase()}
                                </label>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <div class="grid gap-3 sm:grid-cols-2">
                    <ColorField id="slide-text-color" label=T::TextColor field="text_color" get=|s| s.text_color.clone() set=|s, v| s.text_color = v/>
                    <ColorField id="slide-bg-color" label=T::BackgroundColor field="background_color" get=|s| s.background_color.clone() set=|s, v| s.background_color = v/>
                </div>
                <div class="grid gap-3 sm:grid-cols-2">
                    <div class="flex flex-col gap-1">
                        <label for="slide-duration" class="font-medium">{move || format!("{}: {} s", tr(T::Duration), ed.slide(|s| s.duration))}</label>
                        <input id="slide-duration" type="range" min=MIN_DURATION max=MAX_DURATION step="1"
                            prop:value=move || ed.slide(|s| s.duration).to_string()
                            on:input=move |ev| ed.edit(|s| s.duration = event_target_value(&ev).parse().unwrap_or(DEFAULT_DURATION))/>
                    </div>
                    <div class="flex flex-col gap-1">
                        <label for="slide-opacity" class="font-medium">{move || format!("{}: {:.2}", tr(T::OverlayOpacity), ed.slide(|s| s.overlay_opacity))}</label>
                        <input id="slide-opacity" type="range" min="0" max="1" step="0.05"
                            prop:value=move || ed.slide(|s| s.overlay_opacity).to_string()
                            on:input=move |ev| ed.edit(|s| s.overlay_opacity = event_target_value(&ev).parse().unwrap_or(DEFAULT_OPACITY))/>
                    </div>
                </div>
                <div class="flex flex-col gap-1">
                    <label for="slide-transition" class="font-medium">{tr(T::TransitionLabel)}</label>
                    <select id="slide-transition" class="input"
                        on:change=move |ev| ed.edit(|s| s.transition_effect = Transition::parse(&event_target_value(&ev)).unwrap_or_default())>
                        {Transition::ALL.iter().map(|t| {
                            let t = *t;
                            view! { <option value=t.as_str() selected=move || ed.slide(|s| s.transition_effect == t)>{t.as_str()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <fieldset class="flex flex-col gap-3 rounded-btn border border-line p-3">
                    <legend class="font-medium px-1">{tr(T::CallToAction)}</legend>
                    <label class="flex items-center gap-2 min-h-11">
                        <input type="checkbox" class="h-5 w-5" prop:checked=move || cta_on.get()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                ed.edit(|s| {
                                    let cta = s.cta_button.get_or_insert_with(|| CtaButton {
                                        text: tr(T::TalkToMe).into(), action: "/contact".into(),
                                        background_color: Some("#C62828".into()), text_color: Some("#FFFFFF".into()), ..Default::default()
                                    });
                                    cta.enabled = Some(on);
                                });
                            }/>
                        {tr(T::ShowButton)}
                    </label>
                    {move || cta_on.get().then(|| view! {
                        <CtaFields/>
                    })}
                </fieldset>
                <details>
                    <summary class="cursor-pointer font-medium min-h-10 flex items-center">{tr(T::SlideSchedule)}</summary>
                    <div class="mt-2 grid gap-2 sm:grid-cols-2">
                        <SlideWhen id="slide-from" label=T::ShowFrom field="active_from" get=|s| s.active_from.clone() set=|s, v| s.active_from = v/>
                        <SlideWhen id="slide-until" label=T::ShowUntil field="active_until" get=|s| s.active_until.clone() set=|s, v| s.active_until = v/>
                    </div>
                </details>
                <fieldset class="flex flex-col gap-2 rounded-btn border border-line p-3">
                    <legend class="font-medium px-1">{tr(T::Branding)}</legend>
                    <label class="flex items-center gap-2 min-h-11">
                        <input type="checkbox" class="h-5 w-5" prop:checked=move || ed.slide(|s| s.agent_branding.as_ref().is_some_and(|b| b.show_contact))
                            on:change=move |ev| { let on = event_target_checked(&ev); ed.edit(|s| s.agent_branding.get_or_insert_with(Default::default).show_contact = on) }/>
                        {tr(T::ShowContact)}
                    </label>
                    <SlideText id="slide-contact-text" label=T::ContactText field="contact_text" max=rules::CONTACT_TEXT_MAX
                        get=|s| s.agent_branding.as_ref().and_then(|b| b.contact_text.clone())
                        set=|s, v| s.agent_branding.get_or_insert_with(Default::default).contact_text = Some(v)/>
                </fieldset>
            </div>
        </section>
    }
}

/// One end of a slide's schedule (local time in the agent's timezone).
#[component]
fn SlideWhen(
    id: &'static str,
    label: T,
    field: &'static str,
    get: fn(&Slide) -> Option<String>,
    set: fn(&mut Slide, Option<String>),
) -> impl IntoView {
    let ed = use_ed();
    let errors = move || ed.errors(field);
    view! {
        <div class="flex flex-col gap-1">
            <label for=id class="font-medium text-sm">{tr(label)}</label>
            <input id=id type="datetime-local" class="input"
                prop:value=move || ed.slide(|s| get(s).unwrap_or_default())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    ed.edit(|s| set(s, (!v.is_empty()).then_some(v)));
                }/>
            <p class="text-danger text-sm" data-field=field>{move || errors().join(" ")}</p>
        </div>
    }
}

#[component]
fn CtaFields() -> impl IntoView {
    fn cta(s: &Slide) -> CtaButton {
        s.cta_button.clone().unwrap_or_default()
    }
    view! {
        <SlideText id="cta-text" label=T::ButtonText field="cta_text" max=rules::CTA_TEXT_MAX
            get=|s| Some(cta(s).text) set=|s, v| s.cta_button.get_or_insert_with(Default::default).text = v/>
        <SlideText id="cta-action" label=T::ButtonLink field="cta_action" max=rules::CTA_ACTION_MAX
            get=|s| Some(cta(s).action) set=|s, v| s.cta_button.get_or_insert_with(Default::default).action = v/>
        <div class="grid gap-3 sm:grid-cols-2">
            <ColorField id="cta-bg" label=T::ButtonColor field="cta_background_color"
                get=|s| cta(s).background_color.unwrap_or_else(|| "#C62828".into())
                set=|s, v| s.cta_button.get_or_insert_with(Default::default).background_color = Some(v)/>
            <ColorField id="cta-fg" label=T::ButtonTextColor field="cta_text_color"
                get=|s| cta(s).text_color.unwrap_or_else(|| "#FFFFFF".into())
                set=|s, v| s.cta_button.get_or_insert_with(Default::default).text_color = Some(v)/>
        </div>
    }
}

/// Upload (with a real progress bar) or pick from the library.
#[component]
fn MediaPicker() -> impl IntoView {
    let ed = use_ed();
    let library = Resource::new(|| (), move |_| editor_media(ed.agent));
    let state = RwSignal::new(UploadState::Idle);
    let errors = move || ed.errors("media_url");
    // Applies a file to slide `index` (the one selected when the pick or upload
    // began: a slow upload must not land on whichever slide is open later).
    let use_media_at = move |index: usize, m: &Media| {
        let m = m.clone();
        ed.change(|d| {
            if let Some(s) = d.slides.get_mut(index) {
                s.slide_type = m.media_type;
                s.media_id = Some(m.media_id);
                s.media_url = Some(m.media_url.clone());
                s.media_type = Some(m.mime_type.clone());
                s.thumbnail_url = m.thumbnail_url.clone();
            }
        });
    };
    let use_media = move |m: &Media| use_media_at(ed.selected.get_untracked(), m);
    let toasts = use_toasts();
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let index = ed.selected.get_untracked();
        upload_file(file, ed.agent, state, move |media| {
            use_media_at(index, &media);
            library.refetch();
        });
    };
    let preview = move || {
        ed.slide(|s| {
            s.thumbnail_url
                .clone()
                .or_else(|| s.media_url.clone())
                .map(|u| (u, s.slide_type))
        })
    };
    view! {
        <div class="flex flex-col gap-2" data-testid="media-picker">
            <span class="font-medium">{tr(T::Media)}</span>
            {move || preview().map(|(src, kind)| if kind == SlideType::Video {
                view! { <video src=src muted=true preload="metadata" class="h-28 w-48 rounded-btn object-cover bg-black"></video> }.into_any()
            } else {
                view! { <img src=src alt="" width="192" height="108" class="h-28 w-48 rounded-btn object-cover" data-testid="media-preview"/> }.into_any()
            })}
            <label class="btn btn-secondary min-h-11 w-fit cursor-pointer">
                {tr(T::UploadFile)}
                <input type="file" class="sr-only" data-testid="upload-input"
                    accept="image/jpeg,image/png,image/webp,image/gif,video/mp4,video/webm,video/quicktime"
                    on:change=on_file/>
            </label>
            <p class="text-sm text-muted">{tr(T::UploadLimits)}</p>
            {move || match state.get() {
                UploadState::Idle => ().into_any(),
                UploadState::Sending { percent } => view! {
                    <div class="flex items-center gap-2" data-testid="upload-progress">
                        <progress class="w-full" max="100" value=percent aria-label=tr(T::Uploading)></progress>
                        <span class="text-sm tabular-nums">{format!("{percent}%")}</span>
                    </div>
                }.into_any(),
                UploadState::Done => view! { <p class="text-sm text-ok" role="status">{tr(T::Uploaded)}</p> }.into_any(),
                UploadState::Failed(message) => view! { <p class="text-sm text-danger" role="alert" data-testid="upload-error">{message}</p> }.into_any(),
            }}
            <p class="text-danger text-sm" data-field="media_url">{move || errors().join(" ")}</p>
            <details>
                <summary class="cursor-pointer font-medium min-h-10 flex items-center">{tr(T::MediaLibrary)}</summary>
                <Transition fallback=|| view! { <Loading height="h-24"/> }>
                    {move || library.get().map(|r| match r {
                        Ok(list) if list.media.is_empty() => view! { <p class="text-muted text-sm">{tr(T::LibraryEmpty)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="mt-2 grid grid-cols-3 gap-2">
                                {list.media.into_iter().map(|m| {
                                    let pick = m.clone();
                                    let id = m.media_id;
                                    let thumb = m.thumbnail_url.clone().unwrap_or_else(|| m.media_url.clone());
                                    view! {
                                        <li class="relative">
                                            <button type="button" class="block w-full" aria-label=format!("{} {}", tr(T::UseFile), m.file_name) on:click=move |_| use_media(&pick)>
                                                {if m.media_type == SlideType::Video {
                                                    view! { <span class="flex h-16 items-center justify-center rounded-btn bg-black text-white text-sm">"▶ "{m.file_name.clone()}</span> }.into_any()
                                                } else {
                                                    view! { <img src=thumb alt="" loading="lazy" width="120" height="68" class="h-16 w-full rounded-btn object-cover"/> }.into_any()
                                                }}
                                            </button>
                                            {(m.usage_count == 0).then(|| view! {
                                                <button type="button" class="icon-btn absolute right-0 top-0 bg-surface text-danger" aria-label=format!("{} {}", tr(T::DeleteFile), m.file_name)
                                                    on:click=move |_| {
                                                        if window().confirm_with_message(tr(T::ConfirmDeleteFile)).unwrap_or(false) {
                                                            leptos::task::spawn_local(async move {
                                                                if let Err(e) = editor_delete_media(id).await {
                                                                    toasts.push(ToastKind::Error, e.to_string());
                                                                }
                                                                library.refetch();
                                                            });
                                                        }
                                                    }>"✕"</button>
                                            })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(e) => view! { <p class="text-danger text-sm">{e.to_string()}</p> }.into_any(),
                    })}
                </Transition>
            </details>
        </div>
    }
}
