//! Verification documents: judged by their bytes, limited in size, and private to
//! the agent and the approvers in their scope.

use super::*;
use crate::helpers::TestApp;
use sqlx::PgPool;

const UPLOAD: &str = "/api/v1/agents/documents";
const SEEDED_DOC: &str = "e1eebc99-9c0b-4ef8-bb6d-6bb9bd380a25";

#[sqlx::test(migrations = "../migrations")]
async fn spoofed_and_oversized_documents_are_refused_and_leave_nothing(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let me = token(&app, REJECTED_USER).await;
    // Text that calls itself a PDF.
    let res = app
        .upload_file(
            UPLOAD,
            &me,
            "file",
            "licence.pdf",
            "application/pdf",
            b"not a pdf at all",
        )
        .await;
    assert_eq!(res.status, 415, "{}", res.text());
    // A PNG header over rubbish.
    let res = app
        .upload_file(
            UPLOAD,
            &me,
            "file",
            "licence.png",
            "image/png",
            b"\x89PNG\r\n\x1A\nrubbish",
        )
        .await;
    assert_eq!(res.status, 415, "{}", res.text());
    // Over 10 MB.
    let mut big = pdf();
    big.resize(10 * 1024 * 1024 + 10, b' ');
    let res = app
        .upload_file(UPLOAD, &me, "file", "big.pdf", "application/pdf", &big)
        .await;
    assert_eq!(res.status, 413, "{}", res.text());
    let rows: i64 =
        sqlx::query_scalar("SELECT count(*) FROM agent_documents WHERE agent_id = $1::uuid")
            .bind(REJECTED)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(rows, 0);
    // A real PDF goes in, once, however often it is sent.
    let ok = app
        .upload_file(
            UPLOAD,
            &me,
            "file",
            "licence.pdf",
            "application/octet-stream",
            &pdf(),
        )
        .await;
    assert_eq!(ok.status, 201, "{}", ok.text());
    let again = app
        .upload_file(UPLOAD, &me, "file", "copy.pdf", "application/pdf", &pdf())
        .await;
    assert_eq!(again.json()["document_id"], ok.json()["document_id"]);
}

#[sqlx::test(migrations = "../migrations")]
async fn documents_are_private_to_the_agent_and_their_approvers(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let path = format!("/api/v1/agents/{WAITING}/documents/{SEEDED_DOC}");
    // The agent and an approver read it; it is never cached.
    for user in [WAITING_USER, PROVIDER_ADMIN, SUPER_ADMIN] {
        let res = app.get_bearer(&path, &token(&app, user).await).await;
        assert_eq!(res.status, 200, "{user}: {}", res.text());
        assert_eq!(res.header("content-type"), Some("application/pdf"));
        assert_eq!(res.header("cache-control"), Some("private, no-store"));
        assert!(res.body.starts_with(b"%PDF-"));
    }
    // Another agent, a regional manager without approve, a customer: refused.
    for user in [JUNIOR, MANAGER, CUSTOMER3_USER] {
        let res = app.get_bearer(&path, &token(&app, user).await).await;
        assert_eq!(res.status, 403, "{user}: {}", res.text());
    }
    // The documents are not under the public media route.
    let key: String =
        sqlx::query_scalar("SELECT storage_key FROM agent_documents WHERE document_id = $1::uuid")
            .bind(SEEDED_DOC)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(app.get(&format!("/media/{key}")).await.status, 404);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_profile_photo_becomes_the_avatar(pool: PgPool) {
    let app = TestApp::seeded(pool).await;
    let me = token(&app, AGENT002_USER).await;
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::new(8, 8)
        .write_to(&mut png, image::ImageFormat::Png)
        .unwrap();
    let res = app
        .upload_file(
            "/api/v1/agents/profile/photo",
            &me,
            "photo",
            "me.png",
            "image/png",
            png.get_ref(),
        )
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    let url = res.json()["data"]["photo_url"].as_str().unwrap().to_owned();
    assert_eq!(app.get(&url).await.status, 200);
    let res = app.get_bearer("/api/v1/agents/profile", &me).await;
    assert_eq!(res.json()["user_profile"]["avatar_url"], url.as_str());
    let res = app
        .upload_file(
            "/api/v1/agents/profile/photo",
            &me,
            "photo",
            "me.png",
            "image/png",
            &pdf(),
        )
        .await;
    assert_eq!(res.status, 415);
}
