//! The presentation rules of SPEC §4.11 as pure functions, shared by the editor (to
//! show field errors as the agent types) and the service (which checks again).

use super::text::T;
use super::types::*;
use crate::error::{AppError, FieldErrors, Problems};
use crate::i18n::Lang;
use chrono::NaiveDateTime;

mod order;
pub use order::{fill_placeholders, instantiate, move_slide, renumber};

pub const NAME_MAX: usize = 255;
pub const DESCRIPTION_MAX: usize = 2000;
pub const TITLE_MAX: usize = 80;
pub const SUBTITLE_MAX: usize = 140;
pub const SLIDE_DESCRIPTION_MAX: usize = 400;
pub const CTA_TEXT_MAX: usize = 30;
pub const CTA_ACTION_MAX: usize = 200;
pub const CONTACT_TEXT_MAX: usize = 100;
pub const TAG_MAX: usize = 40;
pub const TAGS_MAX: usize = 10;

/// `#RRGGBB`.
pub fn is_color(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// Where a CTA may lead: our own paths, phone/mail/SMS links, https, or an app
/// action name such as `navigate_to_quote`. Never `javascript:` or plain http.
pub fn is_cta_action(action: &str) -> bool {
    let a = action.trim();
    (a.starts_with('/') && !a.starts_with("//"))
        || a.starts_with("tel:")
        || a.starts_with("mailto:")
        || a.starts_with("sms:")
        || a.starts_with("https://")
        || (!a.is_empty() && a.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
}

/// Media a slide may point at: our own media paths only (the CSP serves images and
/// video from our origin, so anything else would show broken).
pub fn is_media_url(url: &str) -> bool {
    url.starts_with("/media/") && !url.contains("..") && url.len() <= 500
}

/// A schedule bound as the API accepts it: RFC 3339, or a local
/// `YYYY-MM-DDTHH:MM[:SS]` (read in the agent's timezone by the service).
pub enum ScheduleBound {
    Absolute(chrono::DateTime<chrono::FixedOffset>),
    Local(NaiveDateTime),
}

pub fn parse_schedule(text: &str) -> Option<ScheduleBound> {
    crate::time::parse_rfc3339(text)
        .map(ScheduleBound::Absolute)
        .or_else(|| crate::time::parse_local(text).map(ScheduleBound::Local))
}

fn blank(text: &Option<String>) -> bool {
    text.as_deref().is_none_or(|t| t.trim().is_empty())
}

fn too_long(text: &Option<String>, max: usize) -> bool {
    text.as_deref().is_some_and(|t| t.chars().count() > max)
}

/// Every problem with one slide, keyed by its field name (`title`, `text_color`…),
/// in `lang`.
pub fn slide_errors(slide: &Slide, lang: Lang) -> FieldErrors {
    let mut e = Problems::new(lang);
    for (field, text, max) in [
        ("title", &slide.title, TITLE_MAX),
        ("subtitle", &slide.subtitle, SUBTITLE_MAX),
        ("description", &slide.description, SLIDE_DESCRIPTION_MAX),
    ] {
        if too_long(text, max) {
            e.add_filled(field, T::UpToChars, &[("max", &max)]);
        }
    }
    for (field, color) in [
        ("text_color", &slide.text_color),
        ("background_color", &slide.background_color),
    ] {
        if !is_color(color) {
            e.add(field, T::ColourRule);
        }
    }
    if !(0.0..=1.0).contains(&slide.overlay_opacity) || slide.overlay_opacity.is_nan() {
        e.add("overlay_opacity", T::OpacityRule);
    }
    if !(MIN_DURATION..=MAX_DURATION).contains(&slide.duration) {
        e.add_filled(
            "duration",
            T::DurationRule,
            &[("min", &MIN_DURATION), ("max", &MAX_DURATION)],
        );
    }
    match (slide.slide_type, slide.media_url.as_deref()) {
        (SlideType::Text, Some(url)) if !url.is_empty() => e.add("media_url", T::TextSlideNoMedia),
        (SlideType::Image, None) => e.add("media_url", T::ChooseImage),
        (SlideType::Video, None) => e.add("media_url", T::ChooseVideo),
        (SlideType::Image | SlideType::Video, Some(url)) if !is_media_url(url) => {
            e.add("media_url", T::ChooseFile)
        }
        _ => {}
    }
    if slide.slide_type == SlideType::Text && blank(&slide.title) && blank(&slide.subtitle) {
        e.add("title", T::TextSlideNeedsTitle);
    }
    if let Some(cta) = &slide.cta_button {
        if cta.enabled.unwrap_or(true) {
            if cta.text.trim().is_empty() {
                e.add("cta_text", T::CtaLabelNeeded);
            } else if cta.text.chars().count() > CTA_TEXT_MAX {
                e.add_filled("cta_text", T::UpToChars, &[("max", &CTA_TEXT_MAX)]);
            }
            if cta.action.chars().count() > CTA_ACTION_MAX || !is_cta_action(&cta.action) {
                e.add("cta_action", T::CtaActionRule);
            }
        }
        for (field, color) in [
            ("cta_background_color", &cta.background_color),
            ("cta_text_color", &cta.text_color),
        ] {
            if color.as_deref().is_some_and(|c| !is_color(c)) {
                e.add(field, T::CtaColourRule);
            }
        }
    }
    if let Some(b) = &slide.agent_branding {
        if too_long(&b.contact_text, CONTACT_TEXT_MAX) {
            e.add_filled("contact_text", T::UpToChars, &[("max", &CONTACT_TEXT_MAX)]);
        }
        if b.logo_url.as_deref().is_some_and(|u| !is_media_url(u)) {
            e.add("logo_url", T::ChooseFile);
        }
    }
    schedule_errors(&mut e, &slide.active_from, &slide.active_until);
    e.into_fields()
}

fn schedule_errors(e: &mut Problems, from: &Option<String>, until: &Option<String>) {
    let parse = |field: &str, text: &Option<String>, e: &mut Problems| match text.as_deref() {
        Some(t) if !t.trim().is_empty() => match parse_schedule(t) {
            Some(bound) => Some(bound),
            None => {
                e.add(field, T::ScheduleFormat);
                None
            }
        },
        _ => None,
    };
    let from = parse("active_from", from, e);
    let until = parse("active_until", until, e);
    let naive = |b: &ScheduleBound| match b {
        ScheduleBound::Absolute(at) => at.naive_utc(),
        ScheduleBound::Local(at) => *at,
    };
    if let (Some(f), Some(u)) = (&from, &until) {
        if naive(u) <= naive(f) {
            e.add("active_until", T::ScheduleOrder);
        }
    }
}

/// Checks a whole presentation. Slide errors are keyed `slides[i].field` (0-based,
/// in the order sent), so the editor can put each under its input. Messages are in
/// `lang`.
pub fn validate(input: &PresentationInput, lang: Lang) -> Result<(), AppError> {
    let mut problems = Problems::new(lang);
    check(input, &mut problems);
    problems.into_result()
}

/// Adds every problem of `input` to `e` (for callers with rules of their own).
pub fn check(input: &PresentationInput, e: &mut Problems) {
    let lang = e.lang();
    let name = input.name.trim();
    if name.is_empty() {
        e.add("name", T::NameNeeded);
    } else if name.chars().count() > NAME_MAX {
        e.add_filled("name", T::UpToChars, &[("max", &NAME_MAX)]);
    }
    if too_long(&input.description, DESCRIPTION_MAX) {
        e.add_filled("description", T::UpToChars, &[("max", &DESCRIPTION_MAX)]);
    }
    if input.tags.len() > TAGS_MAX || input.tags.iter().any(|t| t.chars().count() > TAG_MAX) {
        e.add_filled(
            "tags",
            T::TagsRule,
            &[("count", &TAGS_MAX), ("max", &TAG_MAX)],
        );
    }
    if input.slides.len() > MAX_SLIDES {
        e.add_filled("slides", T::TooManySlides, &[("max", &MAX_SLIDES)]);
    }
    let wants_active = input.is_active == Some(true);
    let status = input.status.unwrap_or(Status::Draft);
    if status == Status::Published && input.slides.is_empty() {
        e.add("slides", T::PublishNeedsSlide);
    }
    if wants_active && status != Status::Published {
        e.add("is_active", T::ActiveNeedsPublished);
    }
    schedule_errors(e, &input.active_from, &input.active_until);
    for (i, slide) in input.slides.iter().enumerate() {
        for (field, messages) in slide_errors(slide, lang) {
            for m in messages {
                e.add_text(format!("slides[{i}].{field}"), m);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(slides: Vec<Slide>) -> PresentationInput {
        PresentationInput {
            name: "Deck".into(),
            slides,
            ..Default::default()
        }
    }

    fn fields(result: Result<(), AppError>) -> Vec<String> {
        match result {
            Err(AppError::Invalid { fields, .. }) => fields.into_keys().collect(),
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn colours_are_hash_and_six_hex_digits() {
        assert!(is_color("#1a237E"));
        for bad in ["#FFF", "1A237E1", "#GGGGGG", "#1A237E0", ""] {
            assert!(!is_color(bad), "{bad}");
        }
    }

    #[test]
    fn a_bad_colour_names_its_slide_and_field() {
        let mut slide = Slide::new_text("Hi", "there");
        slide.text_color = "red".into();
        let mut second = Slide::new_text("Two", "");
        second.background_color = "#12345".into();
        assert_eq!(
            fields(validate(&input(vec![slide, second]), Lang::En)),
            ["slides[0].text_color", "slides[1].background_color"]
        );
    }

    #[test]
    fn durations_opacity_and_lengths_have_bounds() {
        let mut s = Slide::new_text("Hi", "");
        s.duration = 11;
        s.overlay_opacity = 1.5;
        s.title = Some("x".repeat(TITLE_MAX + 1));
        let keys = fields(validate(&input(vec![s.clone()]), Lang::En));
        assert_eq!(
            keys,
            [
                "slides[0].duration",
                "slides[0].overlay_opacity",
                "slides[0].title"
            ]
        );
        s.duration = MIN_DURATION;
        s.overlay_opacity = 0.0;
        s.title = Some("x".repeat(TITLE_MAX));
        assert!(validate(&input(vec![s]), Lang::En).is_ok());
    }

    #[test]
    fn media_is_required_for_image_and_video_and_refused_for_text() {
        let mut image = Slide::new_text("", "");
        image.slide_type = SlideType::Image;
        assert!(slide_errors(&image, Lang::En).contains_key("media_url"));
        image.media_url = Some("javascript:alert(1)".into());
        assert!(slide_errors(&image, Lang::En).contains_key("media_url"));
        image.media_url = Some("/media/demo/welcome.jpg".into());
        assert!(slide_errors(&image, Lang::En).is_empty());
        let mut text = Slide::new_text("Hi", "");
        text.media_url = Some("/media/demo/welcome.jpg".into());
        assert!(slide_errors(&text, Lang::En).contains_key("media_url"));
    }

    #[test]
    fn twenty_slides_pass_and_twenty_one_do_not() {
        let slides = vec![Slide::new_text("Hi", ""); MAX_SLIDES];
        assert!(validate(&input(slides.clone()), Lang::En).is_ok());
        let mut more = slides;
        more.push(Slide::new_text("One more", ""));
        assert_eq!(fields(validate(&input(more), Lang::En)), ["slides"]);
    }

    #[test]
    fn publishing_needs_a_slide_and_only_published_can_be_active() {
        let mut i = input(vec![]);
        i.status = Some(Status::Published);
        assert_eq!(fields(validate(&i, Lang::En)), ["slides"]);
        let mut draft = input(vec![Slide::new_text("Hi", "")]);
        draft.is_active = Some(true);
        assert_eq!(fields(validate(&draft, Lang::En)), ["is_active"]);
    }

    #[test]
    fn cta_actions_are_safe_links_or_action_names() {
        for ok in [
            "/services",
            "tel:+919876543210",
            "https://licindia.in",
            "navigate_to_quote",
        ] {
            assert!(is_cta_action(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "http://x",
            "//evil.com",
            "",
            "Call Me",
        ] {
            assert!(!is_cta_action(bad), "{bad}");
        }
    }

    #[test]
    fn schedules_parse_and_must_end_after_they_start() {
        let mut i = input(vec![Slide::new_text("Hi", "")]);
        i.active_from = Some("2026-12-01T09:00".into());
        i.active_until = Some("2026-11-30T09:00".into());
        assert_eq!(fields(validate(&i, Lang::En)), ["active_until"]);
        i.active_until = Some("2026-12-31T09:00:00+05:30".into());
        assert!(validate(&i, Lang::En).is_ok());
        i.active_until = Some("next week".into());
        assert_eq!(fields(validate(&i, Lang::En)), ["active_until"]);
    }

    #[test]
    fn cta_shows_when_it_has_text_unless_switched_off() {
        let mut cta = CtaButton {
            text: "Learn More".into(),
            ..Default::default()
        };
        assert!(cta.shown());
        cta.enabled = Some(false);
        assert!(!cta.shown());
    }

    #[test]
    fn layouts_accept_the_source_synonyms() {
        let l: Layout = serde_json::from_str("\"left_aligned\"").unwrap();
        assert_eq!(l, Layout::Left);
        assert_eq!(Layout::parse("right_aligned"), Some(Layout::Right));
    }
}
