//! The panel for the selected slide: type, text, layout, colours, timing, CTA,
//! schedule and branding. Fields show the live rules' errors under them.

use super::*;
use crate::format::hundredths;

/// A labelled text input bound to one field of the selected slide.
/// "Text", "Image", "Video" in the page's language.
pub(super) fn type_label(kind: SlideType) -> &'static str {
    t(match kind {
        SlideType::Text => T::TypeText,
        SlideType::Image => T::TypeImage,
        SlideType::Video => T::TypeVideo,
    })
}

/// "Centred", "Top"… in the page's language.
pub(super) fn layout_label(layout: Layout) -> &'static str {
    t(match layout {
        Layout::Centered => T::LayoutCentered,
        Layout::Top => T::LayoutTop,
        Layout::Bottom => T::LayoutBottom,
        Layout::Left => T::LayoutLeft,
        Layout::Right => T::LayoutRight,
        Layout::Grid => T::LayoutGrid,
        Layout::Split => T::LayoutSplit,
    })
}

#[component]
fn SlideText(
    id: &'static str,
    label: T,
    field: &'static str,
    max: usize,
    get: fn(&Slide) -> Option<String>,
    set: fn(&mut Slide, String),
    #[prop(optional)] multiline: bool,
    /// A hint inside the empty field (never text that could go live).
    #[prop(optional)]
    placeholder: Option<&'static str>,
) -> impl IntoView {
    let ed = use_ed();
    let errors = move || ed.errors(field);
    let value = move || ed.slide(|s| get(s).unwrap_or_default());
    let input = move |ev| ed.edit(|s| set(s, event_target_value(&ev)));
    let invalid = move || (!errors().is_empty()).to_string();
    let described = format!("{id}-error");
    view! {
        <div class="flex flex-col gap-1">
            <label for=id class="font-medium">{t(label)}</label>
            {if multiline {
                view! { <textarea id=id class="input py-2 min-h-20" maxlength=max.to_string() aria-invalid=invalid aria-describedby=described.clone() prop:value=value on:input=input></textarea> }.into_any()
            } else {
                view! { <input id=id class="input" placeholder=placeholder maxlength=max.to_string() aria-invalid=invalid aria-describedby=described.clone() prop:value=value on:input=input/> }.into_any()
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
            <label for=id class="font-medium">{t(label)}</label>
            <div class="flex gap-2">
                <input type="color" class="h-12 w-14 rounded-btn border-2 border-line" aria-label=format!("{} ({})", t(label), t(T::Picker))
                    tabindex="-1"
                    prop:value=move || { let v = value(); if rules::is_color(&v) { v.to_ascii_lowercase() } else { "#000000".into() } }
                    on:input=move |ev| ed.edit(|s| set(s, event_target_value(&ev).to_ascii_uppercase()))/>
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
pub(super) fn SlidePanel() -> impl IntoView {
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
                {move || format!("{} {}", t(T::Slide), ed.selected.get() + 1)}
            </h2>
            {move || (count.get() == 0).then(|| view! { <p class="text-muted">{t(T::NoSlidesYet)}</p> })}
            <div class="flex flex-col gap-4" hidden=move || count.get() == 0>
                <fieldset>
                    <legend class="font-medium">{t(T::SlideType)}</legend>
                    <div class="mt-1 inline-flex rounded-btn border-2 border-brand overflow-hidden">
                        {[SlideType::Text, SlideType::Image, SlideType::Video].into_iter().map(|k| view! {
                            <label class=move || format!("px-4 min-h-11 flex items-center cursor-pointer font-semibold {}", if kind.get() == k { "bg-brand text-white" } else { "text-brand" })>
                                <input type="radio" name="slide-type" class="sr-only" value=k.as_str()
                                    prop:checked=move || kind.get() == k
                                    on:change=move |_| ed.edit(|s| {
                                        s.slide_type = k;
                                        if k == SlideType::Text { s.media_url = None; s.media_id = None; s.media_type = None; s.thumbnail_url = None; }
                                    })/>
                                {type_label(k)}
                            </label>
                        }).collect_view()}
                    </div>
                </fieldset>
                {move || (kind.get() != SlideType::Text).then(|| view! { <super::media::MediaPicker/> })}
                <SlideText id="slide-title" label=T::Title field="title" max=rules::TITLE_MAX get=|s| s.title.clone() set=|s, v| s.title = Some(v)/>
                <SlideText id="slide-subtitle" label=T::Subtitle field="subtitle" max=rules::SUBTITLE_MAX placeholder=t(T::SlideContent) get=|s| s.subtitle.clone() set=|s, v| s.subtitle = Some(v)/>
                <SlideText id="slide-description" label=T::Description field="description" max=rules::SLIDE_DESCRIPTION_MAX multiline=true get=|s| s.description.clone() set=|s, v| s.description = Some(v)/>
                <fieldset>
                    <legend class="font-medium">{t(T::Layout)}</legend>
                    <div class="mt-1 flex flex-wrap gap-2">
                        {Layout::ALL.iter().map(|l| {
                            let l = *l;
                            view! {
                                <label class=move || format!("chip {}", if layout.get() == l { "chip-on" } else { "" })>
                                    <input type="radio" name="slide-layout" class="sr-only" value=l.as_str()
                                        prop:checked=move || layout.get() == l
                                        on:change=move |_| ed.edit(|s| s.layout = l)/>
                                    {layout_label(l)}
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
                        <label for="slide-duration" class="font-medium">{move || format!("{}: {} s", t(T::Duration), ed.slide(|s| s.duration))}</label>
                        <input id="slide-duration" type="range" min=MIN_DURATION max=MAX_DURATION step="1"
                            prop:value=move || ed.slide(|s| s.duration).to_string()
                            on:input=move |ev| ed.edit(|s| s.duration = event_target_value(&ev).parse().unwrap_or(DEFAULT_DURATION))/>
                    </div>
                    <div class="flex flex-col gap-1">
                        <label for="slide-opacity" class="font-medium">{move || format!("{}: {}", t(T::OverlayOpacity), hundredths(ed.slide(|s| s.overlay_opacity)))}</label>
                        <input id="slide-opacity" type="range" min="0" max="1" step="0.05"
                            prop:value=move || hundredths(ed.slide(|s| s.overlay_opacity))
                            on:input=move |ev| {
                                // The browser's number: no float parser in the WASM.
                                let v = event_target::<web_sys::HtmlInputElement>(&ev).value_as_number();
                                ed.edit(|s| s.overlay_opacity = if v.is_nan() { DEFAULT_OPACITY } else { v as f32 })
                            }/>
                    </div>
                </div>
                <div class="flex flex-col gap-1">
                    <label for="slide-transition" class="font-medium">{t(T::TransitionLabel)}</label>
                    <select id="slide-transition" class="input"
                        on:change=move |ev| ed.edit(|s| s.transition_effect = Transition::parse(&event_target_value(&ev)).unwrap_or_default())>
                        {Transition::ALL.iter().map(|t| {
                            let t = *t;
                            view! { <option value=t.as_str() selected=move || ed.slide(|s| s.transition_effect == t)>{t.as_str()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <fieldset class="flex flex-col gap-3 rounded-btn border border-line p-3">
                    <legend class="font-medium px-1">{t(T::CallToAction)}</legend>
                    <label class="flex items-center gap-2 min-h-11">
                        <input type="checkbox" class="h-5 w-5" prop:checked=move || cta_on.get()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                ed.edit(|s| {
                                    let cta = s.cta_button.get_or_insert_with(|| CtaButton {
                                        text: t(T::TalkToMe).into(), action: "/contact".into(),
                                        background_color: Some("#C62828".into()), text_color: Some("#FFFFFF".into()), ..Default::default()
                                    });
                                    cta.enabled = Some(on);
                                });
                            }/>
                        {t(T::ShowButton)}
                    </label>
                    {move || cta_on.get().then(|| view! {
                        <CtaFields/>
                    })}
                </fieldset>
                <details>
                    <summary class="cursor-pointer font-medium min-h-10 flex items-center">{t(T::SlideSchedule)}</summary>
                    <div class="mt-2 grid gap-2 sm:grid-cols-2">
                        <SlideWhen id="slide-from" label=T::ShowFrom field="active_from" get=|s| s.active_from.clone() set=|s, v| s.active_from = v/>
                        <SlideWhen id="slide-until" label=T::ShowUntil field="active_until" get=|s| s.active_until.clone() set=|s, v| s.active_until = v/>
                    </div>
                </details>
                <fieldset class="flex flex-col gap-2 rounded-btn border border-line p-3">
                    <legend class="font-medium px-1">{t(T::Branding)}</legend>
                    <label class="flex items-center gap-2 min-h-11">
                        <input type="checkbox" class="h-5 w-5" prop:checked=move || ed.slide(|s| s.agent_branding.as_ref().is_some_and(|b| b.show_contact))
                            on:change=move |ev| { let on = event_target_checked(&ev); ed.edit(|s| s.agent_branding.get_or_insert_with(Default::default).show_contact = on) }/>
                        {t(T::ShowContact)}
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
            <label for=id class="font-medium text-sm">{t(label)}</label>
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
