//! Demo presentations and templates (SPEC §7.5), with the images shipped in
//! `public/media/demo/` (drawn by `scripts/make-demo-images.py`). Rows are inserted
//! with fixed ids and never overwritten, so an agent's edits survive a re-seed.

use app::presentations::types::{CtaButton, Layout, Slide, SlideType, Transition};
use sqlx::PgConnection;
use uuid::Uuid;

pub const DEMO_AGENT_ID: &str = "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
pub const DAILY_PROMOTIONAL: &str = "d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
pub const WEEKLY_UPDATE: &str = "d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12";

fn slide(kind: SlideType, title: &str, subtitle: &str, text: &str, bg: &str) -> Slide {
    Slide {
        slide_type: kind,
        text_color: text.into(),
        background_color: bg.into(),
        ..Slide::new_text(title, subtitle)
    }
}

fn image(url: &str, title: &str, subtitle: &str, bg: &str) -> Slide {
    Slide {
        media_url: Some(url.into()),
        media_type: Some("image/jpeg".into()),
        thumbnail_url: Some(url.replace(".jpg", "-480.jpg")),
        overlay_opacity: 0.35,
        ..slide(SlideType::Image, title, subtitle, "#FFFFFF", bg)
    }
}

fn cta(text: &str, action: &str) -> Option<CtaButton> {
    Some(CtaButton {
        enabled: Some(true),
        text: text.into(),
        action: action.into(),
        background_color: Some("#C62828".into()),
        text_color: Some("#FFFFFF".into()),
    })
}

/// (id, name, description, category, preview, slides)
type TemplateSeed = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Vec<Slide>,
);

fn templates() -> Vec<TemplateSeed> {
    vec![
        (
            "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
            "Promotional Template",
            "Template for promotional content",
            "term_insurance",
            "/media/demo/welcome-480.jpg",
            vec![image(
                "/media/demo/welcome.jpg",
                "{{custom_title}}",
                "{{custom_subtitle}}",
                "#C62828",
            )],
        ),
        (
            "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12",
            "Educational Template",
            "Template for educational content",
            "health_insurance",
            "/media/demo/health-480.jpg",
            vec![Slide {
                layout: Layout::Top,
                description: Some("One clear idea per slide works best.".into()),
                ..slide(
                    SlideType::Text,
                    "{{custom_title}}",
                    "{{custom_subtitle}}",
                    "#FFFFFF",
                    "#00695C",
                )
            }],
        ),
        (
            "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13",
            "Term Insurance Promotional",
            "Three slides: your headline, family protection, and a call button",
            "term_insurance",
            "/media/demo/family-480.jpg",
            vec![
                slide(
                    SlideType::Text,
                    "{{custom_title}}",
                    "{{custom_subtitle}}",
                    "#FFFFFF",
                    "#1A237E",
                ),
                Slide {
                    layout: Layout::Bottom,
                    ..image(
                        "/media/demo/family.jpg",
                        "Protect what matters",
                        "Cover of ₹1 crore from about ₹20 a day",
                        "#1A237E",
                    )
                },
                Slide {
                    cta_button: cta("Call {{agent_name}}", "tel:{{agent_phone}}"),
                    ..slide(
                        SlideType::Text,
                        "Talk to me today",
                        "A free, no-pressure review of your cover",
                        "#FFFFFF",
                        "#C62828",
                    )
                },
            ],
        ),
        (
            "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a14",
            "Child Future Plan",
            "Education and milestones for your child",
            "child_plans",
            "/media/demo/child-480.jpg",
            vec![Slide {
                layout: Layout::Left,
                ..image(
                    "/media/demo/child.jpg",
                    "{{custom_title}}",
                    "{{custom_subtitle}}",
                    "#E65100",
                )
            }],
        ),
        (
            "c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a15",
            "Retirement Ready",
            "A pension you cannot outlive",
            "retirement",
            "/media/demo/retirement-480.jpg",
            vec![Slide {
                layout: Layout::Right,
                ..image(
                    "/media/demo/retirement.jpg",
                    "{{custom_title}}",
                    "{{custom_subtitle}}",
                    "#4A148C",
                )
            }],
        ),
    ]
}

/// (id, agent, name, description, status, active, template, tags, slides)
type Deck = (
    &'static str,
    &'static str,
    String,
    &'static str,
    &'static str,
    bool,
    Option<&'static str>,
    Vec<&'static str>,
    Vec<Slide>,
);

fn decks() -> Vec<Deck> {
    let welcome = |first: &str| {
        vec![
            Slide {
                duration: 5,
                ..slide(
                    SlideType::Text,
                    &format!("Welcome to {first}'s Insurance Services"),
                    "Professional insurance solutions tailored to your needs",
                    "#FFFFFF",
                    "#1A237E",
                )
            },
            Slide {
                duration: 6,
                layout: Layout::Split,
                ..slide(
                    SlideType::Text,
                    "Why Choose Our Insurance?",
                    "Comprehensive coverage, competitive rates, and excellent customer service",
                    "#000000",
                    "#FFFFFF",
                )
            },
        ]
    };
    vec![
        (
            DAILY_PROMOTIONAL,
            DEMO_AGENT_ID,
            "Daily Promotional".into(),
            "Daily promotional presentation",
            "published",
            true,
            Some("c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
            vec!["promotional", "daily"],
            vec![
                Slide {
                    duration: 5,
                    ..image(
                        "/media/demo/welcome.jpg",
                        "Welcome",
                        "To Agent Mitra",
                        "#000000",
                    )
                },
                Slide {
                    cta_button: Some(CtaButton {
                        enabled: None,
                        text: "Learn More".into(),
                        action: "/services".into(),
                        background_color: Some("#C62828".into()),
                        text_color: Some("#FFFFFF".into()),
                    }),
                    transition_effect: Transition::Slide,
                    ..slide(
                        SlideType::Text,
                        "Our Services",
                        "Insurance Solutions for Everyone",
                        "#000000",
                        "#FFFFFF",
                    )
                },
                Slide {
                    duration: 5,
                    layout: Layout::Bottom,
                    overlay_opacity: 0.5,
                    ..image(
                        "/media/demo/contact.jpg",
                        "Contact Us",
                        "Get in touch today",
                        "#0000FF",
                    )
                },
            ],
        ),
        (
            WEEKLY_UPDATE,
            DEMO_AGENT_ID,
            "Weekly Update".into(),
            "Weekly update presentation",
            "draft",
            false,
            None,
            vec!["update"],
            vec![],
        ),
        (
            "d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a13",
            "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a03",
            "Welcome Presentation - Senior Agent".into(),
            "A professional presentation template showcasing insurance products and services",
            "published",
            true,
            None,
            vec![],
            welcome("Senior"),
        ),
        (
            "d0eebc99-9c0b-4ef8-bb6d-6bb9bd380a14",
            "b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a04",
            "Welcome Presentation - Junior Agent".into(),
            "A professional presentation template showcasing insurance products and services",
            "published",
            true,
            None,
            vec![],
            welcome("Junior"),
        ),
    ]
}

pub async fn run(conn: &mut PgConnection) -> anyhow::Result<()> {
    for (id, name, description, category, preview, slides) in templates() {
        sqlx::query(
            "INSERT INTO presentation_templates (template_id, name, description, category, slides,
                 is_default, is_public, is_system_template, preview_image_url)
             VALUES ($1, $2, $3, $4, $5, $6, true, true, $7) ON CONFLICT DO NOTHING",
        )
        .bind(id.parse::<Uuid>()?)
        .bind(name)
        .bind(description)
        .bind(category)
        .bind(sqlx::types::Json(serde_json::to_value(&slides)?))
        .bind(id.ends_with("a13"))
        .bind(preview)
        .execute(&mut *conn)
        .await?;
    }
    for (id, agent, name, description, status, active, template, tags, slides) in decks() {
        let id: Uuid = id.parse()?;
        let created = sqlx::query(
            "INSERT INTO presentations (presentation_id, agent_id, tenant_id, name, description,
                 status, is_active, template_id, tags, published_at)
             SELECT $1, a.agent_id, a.tenant_id, $3, $4, $5, $6, $7, $8,
                    CASE WHEN $5 = 'published' THEN now() END
             FROM agents a WHERE a.agent_id = $2
               AND NOT ($6 AND EXISTS (SELECT 1 FROM presentations p
                                       WHERE p.agent_id = a.agent_id AND p.is_active))
             ON CONFLICT DO NOTHING",
        )
        .bind(id)
        .bind(agent.parse::<Uuid>()?)
        .bind(&name)
        .bind(description)
        .bind(status)
        .bind(active)
        .bind(template.map(str::parse::<Uuid>).transpose()?)
        .bind(tags.iter().map(|t| t.to_string()).collect::<Vec<_>>())
        .execute(&mut *conn)
        .await?
        .rows_affected()
            == 1;
        if created {
            let stored: Vec<_> = slides
                .iter()
                .map(|slide| app::presentations::server::repo::StoredSlide {
                    slide,
                    active_from: None,
                    active_until: None,
                })
                .collect();
            app::presentations::server::repo::replace_slides(conn, id, &stored).await?;
        }
    }
    Ok(())
}
