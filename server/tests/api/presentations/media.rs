//! Uploads: stored, served with ranges, resized and de-duplicated; judged by their
//! bytes; and slides may use only the deck owner's own media.

use super::{
    create, read, token, JUNIOR_AGENT, JUNIOR_USER, POLICYHOLDER_USER, SENIOR_AGENT, SENIOR_USER,
};
use crate::helpers::TestApp;
use http::{Method, StatusCode};
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| image::Rgb([x as u8, y as u8, 90]));
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

async fn upload(
    app: &TestApp,
    token: &str,
    name: &str,
    mime: &str,
    bytes: &[u8],
) -> crate::helpers::TestResponse {
    app.upload_file(
        "/api/v1/presentations/media/upload",
        token,
        "file",
        name,
        mime,
        bytes,
    )
    .await
}

fn files_in(app: &TestApp) -> usize {
    fn walk(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| {
                        if e.path().is_dir() {
                            walk(&e.path())
                        } else {
                            1
                        }
                    })
                    .sum()
            })
            .unwrap_or(0)
    }
    // The presentation media only: the demo data keeps an agent's licence elsewhere.
    walk(&app.state.media.root.as_ref().unwrap().join("presentations"))
}

#[sqlx::test(migrations = "../migrations")]
async fn an_upload_is_stored_served_with_ranges_resized_and_deduplicated(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let t = token(&app, SENIOR_USER).await;
    let bytes = png(1200, 600);
    let res = upload(&app, &t, "banner.png", "image/png", &bytes).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let media = res.json();
    assert_eq!(media["media_type"], "image");
    assert_eq!(media["mime_type"], "image/png");
    assert_eq!(media["width"], 1200);
    assert_eq!(media["duplicate"], false);
    let url = media["media_url"].as_str().unwrap().to_owned();
    assert!(
        url.starts_with(&format!("/media/presentations/{SENIOR_AGENT}/")),
        "{url}"
    );

    let served = app.get(&url).await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.header("content-type"), Some("image/png"));
    assert_eq!(
        served.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let part = app.get_with(&url, &[("range", "bytes=0-7")]).await;
    assert_eq!(part.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(
        part.header("content-range"),
        Some(format!("bytes 0-7/{}", bytes.len()).as_str())
    );
    assert_eq!(part.header("content-length"), Some("8"));

    // The same bytes again: the same item, nothing new stored.
    let again = upload(&app, &t, "copy.png", "image/png", &bytes)
        .await
        .json();
    assert_eq!(again["media_id"], media["media_id"]);
    assert_eq!(again["duplicate"], true);

    // The resized versions appear in the background.
    let mut optimized = false;
    for _ in 0..100 {
        optimized =
            sqlx::query_scalar("SELECT is_optimized FROM presentation_media WHERE media_id = $1")
                .bind(media["media_id"].as_str().unwrap().parse::<Uuid>().unwrap())
                .fetch_one(&app.pool)
                .await
                .unwrap();
        if optimized {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(optimized, "derivatives were made");
    assert_eq!(files_in(&app), 3, "original, 960 and 480");
    let small = app.get(&url.replace(".png", "-480.jpg")).await;
    assert_eq!(small.status, StatusCode::OK);
    assert_eq!(small.header("content-type"), Some("image/jpeg"));

    let events: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_events WHERE event_type = 'presentation.media_uploaded'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(events, 1);

    // Unused media can be deleted, files and all; used media cannot.
    let id = media["media_id"].as_str().unwrap();
    let deck = create(
        &app,
        &t,
        SENIOR_AGENT,
        json!({"name": "Uses it", "slides": [{"slide_type": "image", "media_url": url, "media_id": id}]}),
    )
    .await;
    let del = app
        .delete_bearer(&format!("/api/v1/presentations/media/{id}"), &t)
        .await;
    assert_eq!(del.status, StatusCode::CONFLICT);
    let deck_path = format!(
        "/api/v1/presentations/agent/{SENIOR_AGENT}/{}",
        deck["presentation_id"].as_str().unwrap()
    );
    assert_eq!(
        app.delete_bearer(&deck_path, &t).await.status,
        StatusCode::NO_CONTENT
    );
    let del = app
        .delete_bearer(&format!("/api/v1/presentations/media/{id}"), &t)
        .await;
    assert_eq!(del.status, StatusCode::NO_CONTENT, "{}", del.text());
    assert_eq!(files_in(&app), 0);
}

#[sqlx::test(migrations = "../migrations")]
async fn uploads_are_judged_by_their_bytes_and_refusals_leave_nothing(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let t = token(&app, SENIOR_USER).await;
    // A PDF named like a photo.
    let res = upload(
        &app,
        &t,
        "photo.jpg",
        "image/jpeg",
        b"%PDF-1.7 not an image",
    )
    .await;
    assert_eq!(
        res.status,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "{}",
        res.text()
    );
    assert_eq!(res.json()["kind"], "unsupported_media_type");
    // A real PNG that claims to be a video.
    let res = upload(&app, &t, "clip.mp4", "video/mp4", &png(10, 10)).await;
    assert_eq!(res.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    // An image over 5 MB.
    let mut big = png(10, 10);
    big.resize(5 * 1024 * 1024 + 1, 0);
    let res = upload(&app, &t, "big.png", "image/png", &big).await;
    assert_eq!(res.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(res.json()["detail"].as_str().unwrap().contains("5 MB"));
    // A PNG header followed by garbage.
    let mut corrupt = png(10, 10)[..40].to_vec();
    corrupt.extend_from_slice(&[7u8; 200]);
    let res = upload(&app, &t, "broken.png", "image/png", &corrupt).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.json()["fields"]["file"].is_array());
    // An empty file.
    let res = upload(&app, &t, "empty.png", "image/png", b"").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Someone without an agent record or the permission.
    let ph = token(&app, POLICYHOLDER_USER).await;
    let res = upload(&app, &ph, "a.png", "image/png", &png(4, 4)).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);

    assert_eq!(files_in(&app), 0, "nothing left on disk");
    let rows: i64 = sqlx::query_scalar("SELECT count(*) FROM presentation_media")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(rows, 0);
    // A video is accepted by its bytes (an MP4 `ftyp` box).
    let mut mp4 = b"\0\0\0\x18ftypmp42\0\0\0\0mp42isom".to_vec();
    mp4.extend_from_slice(&[0u8; 1000]);
    let res = upload(&app, &t, "intro.mov", "video/quicktime", &mp4).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json()["mime_type"], "video/mp4");
    assert!(res.json()["thumbnail_url"].is_null());
}

#[sqlx::test(migrations = "../migrations")]
async fn slides_may_only_use_the_owners_own_media(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let senior = token(&app, SENIOR_USER).await;
    let uploaded = upload(&app, &senior, "mine.png", "image/png", &png(20, 20))
        .await
        .json();
    let junior = token(&app, JUNIOR_USER).await;
    // The junior agent points a slide at the senior agent's file, by id or by URL.
    for slide in [
        json!({"slide_type": "image", "media_id": uploaded["media_id"], "media_url": uploaded["media_url"]}),
        json!({"slide_type": "image", "media_url": uploaded["media_url"]}),
    ] {
        let res = app
            .send_bearer(
                Method::POST,
                &format!("/api/v1/presentations/agent/{JUNIOR_AGENT}"),
                &junior,
                "application/json",
                json!({"name": "Borrowed", "slides": [slide]}).to_string(),
            )
            .await;
        assert_eq!(
            res.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            res.text()
        );
        assert!(res.json()["fields"]["slides[0].media_url"].is_array());
    }
    // The owner may; the URL and type come from the library, not the client.
    let own = create(
        &app,
        &senior,
        SENIOR_AGENT,
        json!({"name": "Mine", "slides": [{"slide_type": "image", "media_id": uploaded["media_id"],
                                             "media_url": "/media/demo/welcome.jpg", "media_type": "video/mp4"}]}),
    )
    .await;
    let deck = read(
        &app,
        &senior,
        SENIOR_AGENT,
        own["presentation_id"].as_str().unwrap(),
    )
    .await;
    assert_eq!(deck["slides"][0]["media_url"], uploaded["media_url"]);
    assert_eq!(deck["slides"][0]["media_type"], "image/png");
}
