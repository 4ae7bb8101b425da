//! The slide list: select, add, duplicate, delete, and reorder by drag (mouse or
//! touch) or by the move buttons, with focus following the moved slide.

use super::*;

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
pub(super) fn SlideList() -> impl IntoView {
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
            .set(format!("{} {} → {}", t(T::SlideMoved), from + 1, to + 1));
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
            d.slides.push(Slide::new_text(t(T::NewSlide), ""));
            rules::renumber(&mut d.slides);
        });
        ed.selected.set(count.get_untracked() - 1);
        ed.announce.set(t(T::SlideAdded).to_owned());
    };

    view! {
        <section class="card" aria-labelledby="slides-heading">
            <div class="flex items-center justify-between gap-2">
                <h2 id="slides-heading" class="text-lg font-semibold">{t(T::Slides)}" "<span class="text-muted text-base">{move || format!("({}/{MAX_SLIDES})", count.get())}</span></h2>
                <button type="button" class="btn btn-primary min-h-10" data-testid="add-slide" on:click=add disabled=move || { count.get() >= MAX_SLIDES }>
                    {t(T::AddSlide)}
                </button>
            </div>
            <p class="text-sm text-muted mt-1">{t(T::ReorderHint)}</p>
            <ol node_ref=list class="mt-3 flex flex-col gap-2" data-testid="slide-list">
                {move || (0..count.get()).map(|i| {
                    let summary = move || ed.draft.with(|d| d.slides.get(i).map(|s| {
                        let title = s.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| t(T::UntitledSlide).to_owned());
                        (title, format!("{} • {} • {} s", super::panel::type_label(s.slide_type), super::panel::layout_label(s.layout), s.duration))
                    }).unwrap_or_default());
                    let last = i + 1 == count.get_untracked();
                    view! {
                        <li data-testid="slide-row"
                            class=move || format!("flex flex-wrap items-center gap-2 rounded-btn border-2 p-2 {} {}",
                                if ed.selected.get() == i { "border-brand bg-brand/5" } else { "border-line" },
                                if target.get() == Some(i) && dragging.get().is_some_and(|d| d != i) { "ring-2 ring-accent" } else { "" })>
                            <div class="drag-handle" aria-hidden="true" data-testid="drag-handle" title=t(T::DragToReorder)
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
                                aria-label=format!("{} {} {}", t(T::MoveSlide), i + 1, t(T::Up))
                                on:click=move |_| move_slide(i, i.saturating_sub(1), Some(focus_after(i.saturating_sub(1), count.get_untracked(), true)))>"↑"</button>
                            <button type="button" class="icon-btn" id=format!("slide-down-{i}") disabled=last
                                aria-label=format!("{} {} {}", t(T::MoveSlide), i + 1, t(T::Down))
                                on:click=move |_| move_slide(i, i + 1, Some(focus_after(i + 1, count.get_untracked(), false)))>"↓"</button>
                            <button type="button" class="icon-btn" aria-label=format!("{} {}", t(T::DuplicateSlide), i + 1)
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
                            <button type="button" class="icon-btn text-danger" aria-label=format!("{} {}", t(T::DeleteSlide), i + 1)
                                on:click=move |_| {
                                    if window().confirm_with_message(t(T::ConfirmDeleteSlide)).unwrap_or(false) {
                                        ed.change(|d| {
                                            d.slides.remove(i);
                                            rules::renumber(&mut d.slides);
                                        });
                                        let n = count.get_untracked();
                                        ed.selected.update(|s| *s = (*s).min(n.saturating_sub(1)));
                                        ed.announce.set(t(T::SlideDeleted).to_owned());
                                    }
                                }>"✕"</button>
                            </div>
                        </li>
                    }
                }).collect_view()}
            </ol>
            {move || (count.get() == 0).then(|| view! { <p class="mt-3 text-muted">{t(T::NoSlidesYet)}</p> })}
        </section>
    }
}
