//! Slide order and templates: list operations the editor and the template service
//! share, apart from the validation rules.

use crate::presentations::types::*;

/// Slide orders 1..n in list order (SPEC §9 #32).
pub fn renumber(slides: &mut [Slide]) {
    for (i, slide) in slides.iter_mut().enumerate() {
        slide.slide_order = i as i32 + 1;
    }
}

/// Moves one slide from `from` to `to`, shifting the ones between; out-of-range
/// indexes change nothing. Renumbers.
pub fn move_slide(slides: &mut Vec<Slide>, from: usize, to: usize) {
    if from < slides.len() && to < slides.len() && from != to {
        let slide = slides.remove(from);
        slides.insert(to, slide);
    }
    renumber(slides);
}

/// Fills `{{custom_title}}`-style placeholders; unknown ones are left as they are.
pub fn fill_placeholders(text: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(text.to_owned(), |acc, (key, value)| {
        acc.replace(&format!("{{{{{key}}}}}"), value)
    })
}

/// Turns template skeletons into slides, with placeholders filled in every text.
pub fn instantiate(skeletons: &[Slide], values: &[(&str, &str)]) -> Vec<Slide> {
    let fill = |t: &Option<String>| t.as_deref().map(|t| fill_placeholders(t, values));
    let mut slides: Vec<Slide> = skeletons
        .iter()
        .take(MAX_SLIDES)
        .map(|s| {
            let mut slide = s.clone();
            slide.slide_id = None;
            slide.title = fill(&s.title);
            slide.subtitle = fill(&s.subtitle);
            slide.description = fill(&s.description);
            if let Some(cta) = slide.cta_button.as_mut() {
                cta.text = fill_placeholders(&cta.text, values);
                cta.action = fill_placeholders(&cta.action, values);
            }
            slide
        })
        .collect();
    renumber(&mut slides);
    slides
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_a_slide_shifts_the_others_and_renumbers_from_one() {
        let mut slides: Vec<Slide> = ["a", "b", "c", "d"]
            .iter()
            .map(|t| Slide::new_text(t, ""))
            .collect();
        move_slide(&mut slides, 3, 0);
        let order: Vec<_> = slides
            .iter()
            .map(|s| (s.title.clone().unwrap_or_default(), s.slide_order))
            .collect();
        assert_eq!(
            order,
            [
                ("d".into(), 1),
                ("a".into(), 2),
                ("b".into(), 3),
                ("c".into(), 4)
            ]
        );
        move_slide(&mut slides, 9, 0);
        assert_eq!(slides[0].title.as_deref(), Some("d"));
    }

    #[test]
    fn templates_fill_placeholders_and_leave_unknown_ones() {
        let mut skeleton = Slide::new_text("{{custom_title}}", "{{custom_subtitle}} {{other}}");
        skeleton.cta_button = Some(CtaButton {
            text: "Call {{agent_name}}".into(),
            action: "/contact".into(),
            ..Default::default()
        });
        let slides = instantiate(
            &[skeleton],
            &[
                ("custom_title", "Secure your family"),
                ("custom_subtitle", "Term cover"),
                ("agent_name", "Ravi"),
            ],
        );
        assert_eq!(slides[0].title.as_deref(), Some("Secure your family"));
        assert_eq!(slides[0].subtitle.as_deref(), Some("Term cover {{other}}"));
        assert_eq!(
            slides[0].cta_button.as_ref().map(|c| c.text.as_str()),
            Some("Call Ravi")
        );
        assert_eq!(slides[0].slide_order, 1);
    }
}
