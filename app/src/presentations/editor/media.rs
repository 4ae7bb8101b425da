//! Media for the selected slide: upload with a progress bar, or pick from (and
//! tidy) the agent's library.

use super::*;

/// Upload (with a real progress bar) or pick from the library. Rendered in the
/// browser only, once the island is live: the server's HTML of this part did not
/// line up with the browser's when hydrating a deck that opens on an image slide,
/// and it is useless before the WASM runs anyway.
#[component]
pub(super) fn MediaPicker() -> impl IntoView {
    let mounted = RwSignal::new(false);
    Effect::new(move |_| mounted.set(true));
    move || mounted.get().then(|| view! { <MediaPickerBody/> })
}

#[component]
fn MediaPickerBody() -> impl IntoView {
    let ed = use_ed();
    // Browser only, like the whole picker.
    let library = LocalResource::new(move || editor_media(ed.agent));
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
            <span class="font-medium">{t(T::Media)}</span>
            {move || preview().map(|(src, kind)| if kind == SlideType::Video {
                view! { <video src=src muted=true preload="metadata" class="h-28 w-48 rounded-btn object-cover bg-black"></video> }.into_any()
            } else {
                view! { <img src=src alt="" width="192" height="108" class="h-28 w-48 rounded-btn object-cover" data-testid="media-preview"/> }.into_any()
            })}
            <label class="btn btn-secondary min-h-11 w-fit cursor-pointer">
                {t(T::UploadFile)}
                <input type="file" class="sr-only" data-testid="upload-input"
                    accept="image/jpeg,image/png,image/webp,image/gif,video/mp4,video/webm,video/quicktime"
                    on:change=on_file/>
            </label>
            <p class="text-sm text-muted">{t(T::UploadLimits)}</p>
            {move || match state.get() {
                UploadState::Idle => ().into_any(),
                UploadState::Sending { percent } => view! {
                    <div class="flex items-center gap-2" data-testid="upload-progress">
                        <progress class="w-full" max="100" value=percent aria-label=t(T::Uploading)></progress>
                        <span class="text-sm tabular-nums">{format!("{percent}%")}</span>
                    </div>
                }.into_any(),
                UploadState::Done => view! { <p class="text-sm text-ok" role="status">{t(T::Uploaded)}</p> }.into_any(),
                UploadState::Failed(message) => view! { <p class="text-sm text-danger" role="alert" data-testid="upload-error">{message}</p> }.into_any(),
            }}
            <p class="text-danger text-sm" data-field="media_url">{move || errors().join(" ")}</p>
            <details>
                <summary class="cursor-pointer font-medium min-h-10 flex items-center">{t(T::MediaLibrary)}</summary>
                <Transition fallback=|| view! { <Loading height="h-24"/> }>
                    {move || library.get().map(|r| match r {
                        Ok(list) if list.media.is_empty() => view! { <p class="text-muted text-sm">{t(T::LibraryEmpty)}</p> }.into_any(),
                        Ok(list) => view! {
                            <ul class="mt-2 grid grid-cols-3 gap-2">
                                {list.media.into_iter().map(|m| {
                                    let pick = m.clone();
                                    let id = m.media_id;
                                    let thumb = m.thumbnail_url.clone().unwrap_or_else(|| m.media_url.clone());
                                    view! {
                                        <li class="relative">
                                            <button type="button" class="block w-full" aria-label=format!("{} {}", t(T::UseFile), m.file_name) on:click=move |_| use_media(&pick)>
                                                {if m.media_type == SlideType::Video {
                                                    view! { <span class="flex h-16 items-center justify-center rounded-btn bg-black text-white text-sm">"▶ "{m.file_name.clone()}</span> }.into_any()
                                                } else {
                                                    view! { <img src=thumb alt="" loading="lazy" width="120" height="68" class="h-16 w-full rounded-btn object-cover"/> }.into_any()
                                                }}
                                            </button>
                                            {(m.usage_count == 0).then(|| view! {
                                                <button type="button" class="icon-btn absolute right-0 top-0 bg-surface text-danger" aria-label=format!("{} {}", t(T::DeleteFile), m.file_name)
                                                    on:click=move |_| {
                                                        if window().confirm_with_message(t(T::ConfirmDeleteFile)).unwrap_or(false) {
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
