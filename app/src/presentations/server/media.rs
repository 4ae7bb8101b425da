//! Media files: what a file really is (by its bytes), where it is stored (one
//! `object_store` interface: local disk by default, S3-compatible when configured),
//! and the resized versions made in the background.

use bytes::Bytes;
use object_store::{path::Path as StorePath, ObjectStore, PutPayload};
use std::sync::Arc;

/// Upload limits (SPEC §4.12), configurable per deployment.
#[derive(Debug, Clone, Copy)]
pub struct MediaLimits {
    pub image_max_bytes: u64,
    pub video_max_bytes: u64,
}

impl Default for MediaLimits {
    fn default() -> Self {
        Self {
            image_max_bytes: 5 * 1024 * 1024,
            video_max_bytes: 50 * 1024 * 1024,
        }
    }
}

/// The store and the limits; part of `AppState`.
#[derive(Clone)]
pub struct MediaStore {
    pub store: Arc<dyn ObjectStore>,
    /// `local` or `s3`, recorded on each media row.
    pub provider: &'static str,
    pub limits: MediaLimits,
    /// The directory of a local store (tests look inside it).
    pub root: Option<std::path::PathBuf>,
}

impl MediaStore {
    /// Local disk under `root` (created if missing).
    pub fn local(root: &std::path::Path, limits: MediaLimits) -> anyhow::Result<Self> {
        std::fs::create_dir_all(root)?;
        Ok(Self {
            store: Arc::new(object_store::local::LocalFileSystem::new_with_prefix(root)?),
            provider: "local",
            limits,
            root: Some(root.to_path_buf()),
        })
    }

    /// Any S3-compatible store (AWS, MinIO, R2). Credentials come from the usual
    /// `AWS_*` environment variables.
    pub fn s3(bucket: &str, endpoint: Option<&str>, limits: MediaLimits) -> anyhow::Result<Self> {
        let mut builder = object_store::aws::AmazonS3Builder::from_env().with_bucket_name(bucket);
        if let Some(endpoint) = endpoint {
            builder = builder
                .with_endpoint(endpoint)
                .with_allow_http(endpoint.starts_with("http://"));
        }
        Ok(Self {
            store: Arc::new(builder.build()?),
            provider: "s3",
            limits,
            root: None,
        })
    }

    pub async fn put(&self, key: &str, bytes: Bytes) -> object_store::Result<()> {
        self.store
            .put(&StorePath::from(key), PutPayload::from_bytes(bytes))
            .await
            .map(drop)
    }

    /// Removes a key; a key that is already gone is not an error.
    pub async fn delete(&self, key: &str) -> object_store::Result<()> {
        match self.store.delete(&StorePath::from(key)).await {
            Err(object_store::Error::NotFound { .. }) => Ok(()),
            other => other,
        }
    }
}

/// What the bytes say a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sniffed {
    pub mime: &'static str,
    pub ext: &'static str,
    pub kind: crate::presentations::types::SlideType,
}

/// Identifies the accepted formats by their magic bytes; the file name and the
/// declared content type are never trusted.
pub fn sniff(head: &[u8]) -> Option<Sniffed> {
    use crate::presentations::types::SlideType::{Image, Video};
    let at = |offset: usize, magic: &[u8]| head.get(offset..offset + magic.len()) == Some(magic);
    let found = |mime, ext, kind| Some(Sniffed { mime, ext, kind });
    if at(0, b"\xFF\xD8\xFF") {
        found("image/jpeg", "jpg", Image)
    } else if at(0, b"\x89PNG\r\n\x1A\n") {
        found("image/png", "png", Image)
    } else if at(0, b"GIF87a") || at(0, b"GIF89a") {
        found("image/gif", "gif", Image)
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        found("image/webp", "webp", Image)
    } else if at(0, b"RIFF") && at(8, b"AVI ") {
        found("video/x-msvideo", "avi", Video)
    } else if at(0, b"\x1A\x45\xDF\xA3") {
        found("video/webm", "webm", Video)
    } else if at(4, b"ftyp") {
        // ISO base media: the brand tells QuickTime from MP4, and only video brands
        // pass (HEIC photos and M4A audio share the box but are not video).
        const MP4_BRANDS: [&[u8; 4]; 10] = [
            b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ",
            b"dash",
        ];
        if at(8, b"qt  ") {
            found("video/quicktime", "mov", Video)
        } else if MP4_BRANDS.iter().any(|b| at(8, *b)) {
            found("video/mp4", "mp4", Video)
        } else {
            None
        }
    } else {
        None
    }
}

/// The most pixels we decode: a 5 MB file can claim 20000 × 20000, which would
/// cost gigabytes to decode. 40 MP covers any phone camera.
pub const MAX_PIXELS: u64 = 40_000_000;

/// Why an image is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageProblem {
    Corrupt,
    TooManyPixels,
}

/// Decodes an image within bounded memory: the header's size is checked first,
/// and the decoder's allocations are capped.
pub fn decode(bytes: &[u8], mime: &str) -> Result<image::DynamicImage, ImageProblem> {
    let format = image::ImageFormat::from_mime_type(mime).ok_or(ImageProblem::Corrupt)?;
    let reader = || image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let (w, h) = reader()
        .into_dimensions()
        .map_err(|_| ImageProblem::Corrupt)?;
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(ImageProblem::TooManyPixels);
    }
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(512 * 1024 * 1024);
    let mut decoder = reader();
    decoder.limits(limits);
    decoder.decode().map_err(|_| ImageProblem::Corrupt)
}

/// Width and height of an image that decodes completely; `None` when it is corrupt
/// (a valid header followed by garbage is refused too) or too large to decode.
pub fn decode_dimensions(bytes: &[u8], mime: &str) -> Option<(u32, u32)> {
    decode(bytes, mime).ok().map(|i| (i.width(), i.height()))
}

/// The resized versions of an image, beside the original: `<stem>-960.jpg` for
/// display and `<stem>-480.jpg` for phones and thumbnails.
pub fn derivative_keys(storage_key: &str) -> (String, String) {
    let stem = storage_key
        .rsplit_once('.')
        .map_or(storage_key, |(stem, _)| stem);
    (format!("{stem}-960.jpg"), format!("{stem}-480.jpg"))
}

/// Makes a JPEG no wider or taller than `max` (never upscaled); white behind
/// transparency.
pub fn resized_jpeg(bytes: &[u8], mime: &str, max: u32) -> Option<Vec<u8>> {
    jpeg_within(&decode(bytes, mime).ok()?, max)
}

/// The display (960) and phone (480) versions, from one decode.
pub fn display_and_phone(bytes: &[u8], mime: &str) -> Option<(Vec<u8>, Vec<u8>)> {
    let image = decode(bytes, mime).ok()?;
    Some((jpeg_within(&image, 960)?, jpeg_within(&image, 480)?))
}

fn jpeg_within(image: &image::DynamicImage, max: u32) -> Option<Vec<u8>> {
    let image = if image.width() > max || image.height() > max {
        image.thumbnail(max, max)
    } else {
        image.clone()
    };
    let rgba = image.to_rgba8();
    let mut rgb = image::RgbImage::new(rgba.width(), rgba.height());
    for (out, px) in rgb.pixels_mut().zip(rgba.pixels()) {
        let a = u16::from(px[3]);
        let blend = |c: u8| ((u16::from(c) * a + 255 * (255 - a)) / 255) as u8;
        *out = image::Rgb([blend(px[0]), blend(px[1]), blend(px[2])]);
    }
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .encode_image(&rgb)
        .ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presentations::types::SlideType;

    pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
        let img = image::RgbImage::from_pixel(width, height, image::Rgb([200, 30, 40]));
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    #[test]
    fn formats_are_known_by_their_bytes() {
        let cases: &[(&[u8], &str)] = &[
            (b"\xFF\xD8\xFF\xE0rest", "image/jpeg"),
            (b"\x89PNG\r\n\x1A\nrest", "image/png"),
            (b"GIF89a....", "image/gif"),
            (b"RIFF\0\0\0\0WEBPVP8 ", "image/webp"),
            (b"\0\0\0\x18ftypmp42\0\0\0\0", "video/mp4"),
            (b"\0\0\0\x14ftypqt  \0\0\0\0", "video/quicktime"),
            (b"\x1A\x45\xDF\xA3\x9F", "video/webm"),
            (b"RIFF\0\0\0\0AVI LIST", "video/x-msvideo"),
        ];
        for (bytes, mime) in cases {
            assert_eq!(sniff(bytes).map(|s| s.mime), Some(*mime));
        }
        assert_eq!(
            sniff(b"\xFF\xD8\xFF").map(|s| s.kind),
            Some(SlideType::Image)
        );
    }

    #[test]
    fn other_files_and_empty_ones_are_unknown() {
        for bytes in [
            &b""[..],
            b"%PDF-1.7",
            b"<svg xmlns=",
            b"MZ\x90\0",
            b"\xFF\xD8",
            b"\0\0\0\x18ftypheic\0\0\0\0",
            b"\0\0\0\x18ftypM4A \0\0\0\0",
        ] {
            assert_eq!(sniff(bytes), None);
        }
    }

    #[test]
    fn a_truncated_image_does_not_decode() {
        let good = png(40, 20);
        assert_eq!(decode_dimensions(&good, "image/png"), Some((40, 20)));
        let mut corrupt = good[..30].to_vec();
        corrupt.extend_from_slice(&[0u8; 64]);
        assert_eq!(decode_dimensions(&corrupt, "image/png"), None);
    }

    /// PNG chunk CRC (IEEE), so the doctored header still passes its checksum.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }

    #[test]
    fn an_image_claiming_too_many_pixels_is_not_decoded() {
        // A valid PNG header for 20000 × 20000, without the pixels.
        let mut header = png(1, 1);
        header[16..20].copy_from_slice(&20000u32.to_be_bytes());
        header[20..24].copy_from_slice(&20000u32.to_be_bytes());
        let crc = crc32(&header[12..29]);
        header[29..33].copy_from_slice(&crc.to_be_bytes());
        assert_eq!(
            decode(&header, "image/png").err(),
            Some(ImageProblem::TooManyPixels)
        );
    }

    #[test]
    fn resizing_keeps_the_aspect_and_never_upscales() {
        let big = resized_jpeg(&png(2000, 1000), "image/png", 480).unwrap();
        assert_eq!(decode_dimensions(&big, "image/jpeg"), Some((480, 240)));
        let small = resized_jpeg(&png(100, 50), "image/png", 480).unwrap();
        assert_eq!(decode_dimensions(&small, "image/jpeg"), Some((100, 50)));
    }

    #[test]
    fn derivatives_sit_beside_the_original() {
        assert_eq!(
            derivative_keys("presentations/a/2026/11/x.png"),
            (
                "presentations/a/2026/11/x-960.jpg".into(),
                "presentations/a/2026/11/x-480.jpg".into()
            )
        );
    }
}
