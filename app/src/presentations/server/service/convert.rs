//! Rows to wire types (slides, presentations, the agent card) and schedules: stored
//! as instants, shown and entered as local times in the agent's timezone.

use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::presentations::rules::{self, ScheduleBound};
use crate::presentations::server::repo::{self, AgentRow, PresentationRow, SlideRow};
use crate::presentations::text::T;
use crate::presentations::types::*;
use chrono::{DateTime, TimeZone, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

pub(super) fn tz(agent: &AgentRow) -> chrono_tz::Tz {
    agent.timezone.parse().unwrap_or(chrono_tz::Asia::Kolkata)
}

fn to_local(at: Option<DateTime<Utc>>, zone: chrono_tz::Tz) -> Option<String> {
    at.map(|at| at.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string())
}

/// A schedule bound to an instant; local times are read in the agent's timezone.
fn resolve(text: &Option<String>, zone: chrono_tz::Tz) -> Option<DateTime<Utc>> {
    match rules::parse_schedule(text.as_deref().filter(|t| !t.trim().is_empty())?)? {
        ScheduleBound::Absolute(at) => Some(at.with_timezone(&Utc)),
        ScheduleBound::Local(naive) => zone
            .from_local_datetime(&naive)
            .earliest()
            .map(|at| at.with_timezone(&Utc)),
    }
}

fn json<T: serde::de::DeserializeOwned>(
    value: Option<sqlx::types::Json<serde_json::Value>>,
) -> Option<T> {
    value.and_then(|sqlx::types::Json(v)| serde_json::from_value(v).ok())
}

fn slide_from_row(row: SlideRow, zone: chrono_tz::Tz) -> Slide {
    Slide {
        slide_id: Some(row.slide_id),
        slide_order: row.slide_order,
        slide_type: SlideType::parse(&row.slide_type).unwrap_or(SlideType::Text),
        media_id: row.media_id,
        media_url: row.media_url,
        media_type: row.media_type,
        thumbnail_url: row.thumbnail_url,
        title: row.title,
        subtitle: row.subtitle,
        description: row.description,
        text_color: row.text_color,
        background_color: row.background_color,
        overlay_opacity: row.overlay_opacity,
        layout: Layout::parse(&row.layout).unwrap_or_default(),
        duration: row.duration,
        transition_effect: Transition::parse(&row.transition_effect).unwrap_or_default(),
        cta_button: json(row.cta_button),
        agent_branding: json(row.agent_branding),
        active_from: to_local(row.active_from, zone),
        active_until: to_local(row.active_until, zone),
    }
}

fn presentation(row: PresentationRow, slides: Vec<Slide>, agent: &AgentRow) -> Presentation {
    let zone = tz(agent);
    Presentation {
        presentation_id: row.presentation_id,
        agent_id: row.agent_id,
        name: row.name,
        description: row.description,
        status: row.status,
        is_active: row.is_active,
        slides,
        template_id: row.template_id,
        tags: row.tags,
        version: row.version,
        active_from: to_local(row.active_from, zone),
        active_until: to_local(row.active_until, zone),
        timezone: zone.name().to_owned(),
        created_at: row.created_at,
        updated_at: row.updated_at,
        last_updated: row.updated_at,
        published_at: row.published_at,
        agent: None,
    }
}

/// Rows to presentations, with their slides fetched in one query.
pub(super) async fn assemble(
    conn: &mut PgConnection,
    rows: Vec<PresentationRow>,
    agent: &AgentRow,
    live_only: bool,
) -> AppResult<Vec<Presentation>> {
    let ids: Vec<Uuid> = rows.iter().map(|r| r.presentation_id).collect();
    let zone = tz(agent);
    let mut slides = repo::slides(conn, &ids, live_only).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let (mine, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut slides)
                .into_iter()
                .partition(|s| s.presentation_id == row.presentation_id);
            slides = rest;
            let mine = mine.into_iter().map(|s| slide_from_row(s, zone)).collect();
            presentation(row, mine, agent)
        })
        .collect())
}

pub(super) fn card(agent: &AgentRow) -> AgentCard {
    AgentCard {
        agent_id: agent.agent_id,
        agent_code: agent.agent_code.clone(),
        display_name: agent.display_name.clone(),
        business_name: agent.business_name.clone(),
        phone_number: agent.phone_number.clone(),
    }
}

/// A schedule as instants: (from, until), either open.
pub(super) type Window = (Option<DateTime<Utc>>, Option<DateTime<Utc>>);

/// A schedule resolved to instants, or a field error: a local time that does not
/// exist in the zone (a DST gap) or an end that is not after the start.
pub(super) fn schedule(
    from: &Option<String>,
    until: &Option<String>,
    zone: chrono_tz::Tz,
    prefix: &str,
    lang: Lang,
) -> AppResult<Window> {
    let given = |t: &Option<String>| t.as_deref().is_some_and(|t| !t.trim().is_empty());
    let at = |t: &Option<String>, field: &str| match (given(t), resolve(t, zone)) {
        (true, None) => Err(AppError::invalid(
            lang,
            &format!("{prefix}{field}"),
            T::TimeInGap,
        )),
        (_, at) => Ok(at),
    };
    let (from_at, until_at) = (at(from, "active_from")?, at(until, "active_until")?);
    if let (Some(f), Some(u)) = (from_at, until_at) {
        if u <= f {
            return Err(AppError::invalid(
                lang,
                &format!("{prefix}active_until"),
                T::ScheduleOrder,
            ));
        }
    }
    Ok((from_at, until_at))
}
