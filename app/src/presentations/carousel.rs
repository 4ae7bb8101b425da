//! The carousel: one component for the agent's home page, the public shop window
//! and the editor's preview, so the preview is exactly what gets published.
//!
//! Follows the WAI-ARIA carousel pattern (auto-rotating variant) and WCAG 2.2.2:
//! the rotation button comes first in tab order; rotation stops while the carousel
//! is hovered or has focus; it starts paused under `prefers-reduced-motion`; there
//! are previous/next buttons, labelled dots, arrow keys and swipe. The live region
//! is silent while rotating and polite when the person is in control.
//!
//! The server renders the first slide at its final size (no layout shift). Media of
//! other slides is only requested when they are next up, so a phone on a weak signal
//! downloads one image, not twenty.

use super::text::{t, T};
use super::types::*;
use leptos::prelude::*;

/// A CTA's link target. App action names (`navigate_to_quote`) mean something to
/// the mobile app only: on the web they have no target (`None`).
fn cta_href(action: &str) -> Option<String> {
    let app_action = action.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    (super::rules::is_cta_action(action) && !app_action).then(|| action.to_owned())
}

/// The longest a video slide holds the carousel when its video never ends.
const VIDEO_FALLBACK_MS: u64 = 120_000;

fn layout_classes(layout: Layout) -> &'static str {
    match layout {
        Layout::Centered => "items-center justify-center text-center",
        Layout::Top => "items-center justify-start text-center",
        Layout::Bottom => "items-center justify-end text-center",
        Layout::Left => "items-start justify-center text-left",
        Layout::Right => "items-end justify-center text-right",
        Layout::Grid => "items-start justify-end text-left",
        Layout::Split => "items-start justify-center text-left sm:w-1/2",
    }
}

fn transition_classes(effect: Transition, current: bool, reduced: bool) -> &'static str {
    match (effect, current, reduced) {
        (_, true, _) => "opacity-100 translate-x-0 scale-100 z-10",
        (_, false, true) | (Transition::Fade, false, _) => "opacity-0",
        (Transition::Slide, false, _) => "opacity-0 translate-x-full",
        (Transition::Zoom, false, _) => "opacity-0 scale-110",
    }
}

/// Hex `#RRGGBB` to `rgba(r, g, b, a)`, for the overlay over media.
fn rgba(hex: &str, alpha: f32) -> String {
    let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    if super::rules::is_color(hex) {
        format!(
            "rgba({}, {}, {}, {})",
            channel(1),
            channel(3),
            channel(5),
            crate::format::hundredths(alpha)
        )
    } else {
        format!("rgba(0, 0, 0, {})", crate::format::hundredths(alpha))
    }
}

/// One slide's content (media, overlay, text, CTA, branding), without the frame.
#[component]
fn SlideBody(
    slide: Slide,
    agent: Option<AgentCard>,
    load_media: Signal<bool>,
    eager: bool,
    /// A video slide moves on when its video ends, not after a duration.
    on_ended: Callback<()>,
) -> impl IntoView {
    let text_color = slide.text_color.clone();
    let media = match slide.slide_type {
        SlideType::Image => slide.image_sources().map(|(src, srcset)| {
            let src = move || load_media.get().then(|| src.clone());
            let srcset = move || load_media.get().then(|| srcset.clone()).flatten();
            view! {
                <img src=src srcset=srcset sizes="(min-width: 1024px) 960px, 100vw" alt=""
                    width="960" height="540" decoding="async"
                    fetchpriority=if eager { "high" } else { "low" }
                    class="absolute inset-0 h-full w-full object-cover"/>
            }
            .into_any()
        }),
        SlideType::Video => slide.media_url.clone().map(|src| {
            let src = move || load_media.get().then(|| src.clone());
            view! {
                <video src=src muted=true playsinline=true preload="metadata" data-slide-video=""
                    prop:muted=true
                    on:ended=move |_| on_ended.run(())
                    on:error=move |_| on_ended.run(())
                    class="absolute inset-0 h-full w-full object-cover"></video>
            }
            .into_any()
        }),
        SlideType::Text => None,
    };
    let overlay = (slide.slide_type != SlideType::Text).then(|| {
        view! { <div class="absolute inset-0" style=format!("background:{}", rgba(&slide.background_color, slide.overlay_opacity))></div> }
    });
    let cta = slide.cta_button.clone().filter(CtaButton::shown).map(|cta| {
        let style = format!(
            "background:{};color:{}",
            cta.background_color.clone().unwrap_or_else(|| "#C62828".into()),
            cta.text_color.clone().unwrap_or_else(|| "#FFFFFF".into())
        );
        match cta_href(&cta.action) {
            Some(href) => view! { <a href=href class="btn mt-3 min-h-11 pointer-events-auto" style=style>{cta.text.clone()}</a> }.into_any(),
            None => view! { <span class="btn mt-3 min-h-11 cursor-default" style=style>{cta.text.clone()}</span> }.into_any(),
        }
    });
    let branding = slide.agent_branding.clone().filter(|b| b.show_contact || b.show_logo).map(|b| {
        let phone = agent.as_ref().and_then(|a| a.phone_number.clone());
        let label = b.contact_text.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| t(T::TalkToMe).to_owned());
        let logo = b.logo_url.clone().filter(|_| b.show_logo).map(|url| view! { <img src=url alt="" width="28" height="28" class="h-7 w-7 rounded-full bg-white"/> });
        let contact = b.show_contact.then(|| match phone {
            Some(p) => view! { <a class="underline pointer-events-auto" href=format!("tel:{p}")>{label.clone()}</a> }.into_any(),
            None => view! { <span>{label.clone()}</span> }.into_any(),
        });
        view! { <div class="absolute top-2 right-3 flex items-center gap-2 text-sm font-semibold">{logo}{contact}</div> }
    });
    let bg = if slide.slide_type == SlideType::Text {
        slide.background_color.clone()
    } else {
        "#000000".into()
    };
    view! {
        <div class="absolute inset-0" style=format!("background:{bg}")>
            {media}
            {overlay}
            <div class=format!("relative z-10 flex h-full w-full flex-col gap-1 px-6 py-5 sm:px-10 {}", layout_classes(slide.layout))
                style=format!("color:{text_color}")>
                {slide.title.clone().filter(|t| !t.is_empty()).map(|t| view! { <p class="text-2xl sm:text-3xl font-bold leading-tight drop-shadow">{t}</p> })}
                {slide.subtitle.clone().filter(|t| !t.is_empty()).map(|t| view! { <p class="text-lg sm:text-xl leading-snug drop-shadow">{t}</p> })}
                {slide.description.clone().filter(|t| !t.is_empty()).map(|t| view! { <p class="text-base max-w-prose line-clamp-3 drop-shadow">{t}</p> })}
                {cta}
            </div>
            {branding}
        </div>
    }
}

/// The carousel. `slides` may change (the editor's live preview); `preview` keeps it
/// paused at first and follows `selected` when given.
#[component]
pub fn Carousel(
    #[prop(into)] slides: Signal<Vec<Slide>>,
    #[prop(into)] label: String,
    #[prop(optional)] agent: Option<AgentCard>,
    /// Start paused (the editor's preview).
    #[prop(optional)]
    start_paused: bool,
    /// Show this slide (the editor follows the slide being edited).
    #[prop(optional, into)]
    show: Option<Signal<usize>>,
) -> impl IntoView {
    let index = RwSignal::new(0usize);
    let playing = RwSignal::new(!start_paused);
    let hovered = RwSignal::new(false);
    let focused = RwSignal::new(false);
    let reduced = RwSignal::new(false);
    // Slides whose media may load: the current one and the next.
    let wanted = RwSignal::new(vec![0usize, 1]);
    let count = move || slides.with(Vec::len);
    let id = format!(
        "carousel-{}",
        label.len() * 31 + label.bytes().map(usize::from).sum::<usize>()
    );

    // Keep the index valid when slides are removed (editor), and follow `show`.
    Effect::new(move |_| {
        let n = count();
        if n > 0 && index.get_untracked() >= n {
            index.set(n - 1);
        }
    });
    if let Some(show) = show {
        Effect::new(move |_| index.set(show.get()));
    }
    Effect::new(move |_| {
        let i = index.get();
        let n = count().max(1);
        wanted.update(|w| {
            for j in [i, (i + 1) % n] {
                if !w.contains(&j) {
                    w.push(j);
                }
            }
        });
    });
    // Reduced motion: start paused, and no sliding or zooming.
    Effect::new(move |_| {
        let prefers = window()
            .match_media("(prefers-reduced-motion: reduce)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches());
        if prefers {
            reduced.set(true);
            playing.set(false);
        }
    });

    let rotating =
        Memo::new(move |_| playing.get() && !hovered.get() && !focused.get() && count() > 1);
    let go = move |delta: isize| {
        let n = count() as isize;
        if n > 0 {
            index.update(|i| *i = ((*i as isize + delta).rem_euclid(n)) as usize);
        }
    };

    // The timer: the current slide's duration, unless it is a video (which ends
    // itself). Re-armed whenever the slide or the rotation state changes.
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        let i = index.get();
        let slide = slides.with(|s| s.get(i).map(|s| (s.slide_type, s.duration)));
        if !rotating.get() {
            return;
        }
        if let Some((kind, seconds)) = slide {
            // A video moves on when it ends; the long fallback keeps a video that
            // never starts (autoplay refused, network lost) from stalling the show.
            let ms = if kind == SlideType::Video {
                VIDEO_FALLBACK_MS
            } else {
                u64::from(seconds.clamp(MIN_DURATION, MAX_DURATION) as u32) * 1000
            };
            timer.set_value(
                set_timeout_with_handle(move || go(1), std::time::Duration::from_millis(ms)).ok(),
            );
        }
    });
    on_cleanup(move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
    });
    // Videos play while they are the current slide and rotation is on.
    let frame = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let i = index.get();
        let on = rotating.get();
        let Some(frame) = frame.get() else { return };
        if let Ok(videos) = frame.query_selector_all("video[data-slide-video]") {
            for n in 0..videos.length() {
                if let Some(video) = videos.item(n).and_then(|v| {
                    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlMediaElement>(v).ok()
                }) {
                    let mine = video
                        .closest("[data-index]")
                        .ok()
                        .flatten()
                        .and_then(|el| el.get_attribute("data-index"))
                        == Some(i.to_string());
                    if mine && on {
                        let _ = video.play();
                    } else {
                        let _ = video.pause();
                    }
                }
            }
        }
    });

    let next_after_video = Callback::new(move |_| {
        if rotating.get_untracked() {
            go(1)
        }
    });
    let swipe_from = StoredValue::new(None::<i32>);
    let items_id = format!("{id}-items");
    let items_id2 = items_id.clone();
    let items_id3 = items_id.clone();

    view! {
        <section class="carousel relative w-full overflow-hidden rounded-card bg-brand text-white select-none"
            aria-roledescription="carousel" aria-label=label.clone() data-testid="carousel"
            data-playing=move || rotating.get().to_string()
            on:mouseenter=move |_| hovered.set(true)
            on:mouseleave=move |_| hovered.set(false)
            on:focusin=move |_| focused.set(true)
            on:focusout=move |_| focused.set(false)
            on:keydown=move |ev| match ev.key().as_str() {
                "ArrowRight" => { ev.prevent_default(); go(1) }
                "ArrowLeft" => { ev.prevent_default(); go(-1) }
                _ => {}
            }>
            // First in tab order (WAI-ARIA): the rotation control.
            // The controls need the WASM: without it `.needs-js` hides them.
            <button type="button" class="carousel-btn needs-js absolute left-2 top-2 z-20"
                aria-controls=items_id.clone()
                aria-label=move || if playing.get() { t(T::StopSlideShow) } else { t(T::StartSlideShow) }
                data-testid="carousel-rotation"
                on:click=move |_| playing.update(|p| *p = !*p)
                hidden=move || { count() < 2 }>
                <span aria-hidden="true">{move || if playing.get() { "❚❚" } else { "▶" }}</span>
            </button>
            <div id=items_id2 node_ref=frame class="relative h-[220px] sm:h-[300px] touch-pan-y"
                aria-live=move || if rotating.get() { "off" } else { "polite" }
                on:pointerdown=move |ev| swipe_from.set_value(Some(ev.client_x()))
                on:pointerup=move |ev| {
                    if let Some(x) = swipe_from.get_value() {
                        let dx = ev.client_x() - x;
                        if dx.abs() > 40 { go(if dx < 0 { 1 } else { -1 }); }
                    }
                    swipe_from.set_value(None);
                }>
                {move || {
                    let n = count();
                    if n == 0 {
                        return view! { <div class="flex h-full items-center justify-center text-white/80">{t(T::NoSlides)}</div> }.into_any();
                    }
                    slides.get().into_iter().enumerate().map(|(i, slide)| {
                        let current = move || index.get() == i;
                        let effect = slide.transition_effect;
                        let load = Signal::derive(move || wanted.with(|w| w.contains(&i)));
                        let name = crate::i18n::fill(t(T::NOfTotal), &[("n", &(i + 1)), ("total", &n)]);
                        view! {
                            <div role="group" aria-roledescription="slide" aria-label=name data-index=i.to_string()
                                aria-hidden=move || (!current()).to_string()
                                inert=move || !current()
                                class=move || format!("absolute inset-0 transition-all duration-[800ms] ease-out motion-reduce:transition-none {}",
                                    transition_classes(effect, current(), reduced.get()))>
                                <SlideBody slide=slide agent=agent.clone() load_media=load eager={ i == 0 } on_ended=next_after_video/>
                            </div>
                        }
                    }).collect_view().into_any()
                }}
            </div>
            <div class="needs-js absolute inset-x-0 bottom-1 z-20 flex items-center justify-between px-2" hidden=move || { count() < 2 }>
                <button type="button" class="carousel-btn" aria-controls=items_id3.clone() aria-label=t(T::PreviousSlide) on:click=move |_| go(-1)>
                    <span aria-hidden="true">"‹"</span>
                </button>
                <div role="group" aria-label=t(T::ChooseSlide) class="flex gap-1">
                    {move || (0..count()).map(|i| {
                        let title = slides.with(|s| s.get(i).and_then(|s| s.title.clone()).unwrap_or_default());
                        view! {
                            <button type="button" class="carousel-dot" data-testid="carousel-dot"
                                aria-label=format!("{} {}{}", t(T::Slide), i + 1, if title.is_empty() { String::new() } else { format!(": {title}") })
                                aria-current=move || (index.get() == i).then_some("true")
                                on:click=move |_| index.set(i)>
                                <span aria-hidden="true"></span>
                            </button>
                        }
                    }).collect_view()}
                </div>
                <button type="button" class="carousel-btn" aria-controls=items_id.clone() aria-label=t(T::NextSlide) on:click=move |_| go(1)>
                    <span aria-hidden="true">"›"</span>
                </button>
            </div>
            <p class="sr-only" data-testid="carousel-position">
                {move || if count() > 0 {
                    crate::i18n::fill(t(T::SlideOfTotal), &[("n", &(index.get() + 1)), ("total", &count())])
                } else { String::new() }}
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlays_are_the_slide_colour_at_its_opacity() {
        assert_eq!(rgba("#1A237E", 0.5), "rgba(26, 35, 126, 0.50)");
        assert_eq!(rgba("not a colour", 2.0), "rgba(0, 0, 0, 1.00)");
    }

    #[test]
    fn only_safe_links_become_cta_targets() {
        assert_eq!(
            cta_href("tel:+919876543210").as_deref(),
            Some("tel:+919876543210")
        );
        assert_eq!(cta_href("/services").as_deref(), Some("/services"));
        assert_eq!(cta_href("javascript:alert(1)"), None);
        assert_eq!(cta_href("navigate_to_quote"), None);
    }

    #[test]
    fn reduced_motion_turns_every_transition_into_a_plain_fade() {
        for effect in Transition::ALL {
            assert_eq!(transition_classes(*effect, false, true), "opacity-0");
        }
        assert!(transition_classes(Transition::Slide, false, false).contains("translate-x-full"));
    }

    #[test]
    fn phones_get_small_image_versions() {
        let mut slide = Slide::new_text("", "");
        slide.slide_type = SlideType::Image;
        slide.media_url = Some("/media/presentations/a/2026/11/x.png".into());
        let (src, srcset) = slide.image_sources().unwrap();
        assert_eq!(src, "/media/presentations/a/2026/11/x-960.jpg");
        assert!(srcset
            .unwrap()
            .starts_with("/media/presentations/a/2026/11/x-480.jpg 480w"));
    }
}

/// The carousel on a page of its own (the agent's home, the public page): an island,
/// so that it rotates and answers keys in the browser. The editor's preview is part
/// of the editor island instead.
#[island]
pub fn CarouselIsland(slides: Vec<Slide>, label: String, agent: AgentCard) -> impl IntoView {
    view! { <Carousel slides label agent/> }
}
