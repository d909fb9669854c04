//! What a file is, from its bytes: PDF, OOXML (docx, xlsx, pptx) or
//! OpenDocument (odt, ods, odp). The first bytes are matched by `infer`; a
//! ZIP is then read from its central directory, because every ZIP starts the
//! same: OOXML has a `[Content_Types].xml` entry and the part folder of its
//! kind, OpenDocument a first, uncompressed `mimetype` entry naming the type.

use anyhow::Context;
use tokio::io::{AsyncReadExt, AsyncSeekExt};

use crate::error::AppError;

/// The media type of a staged file from its bytes, or `None` when it is none of the accepted ones.
pub async fn recognise(path: &std::path::Path) -> Result<Option<&'static str>, AppError> {
    let mut file = tokio::fs::File::open(path).await.context("reading a staging file")?;
    let mut head = vec![0u8; 8192];
    let mut n = 0;
    while n < head.len() {
        let read = file.read(&mut head[n..]).await.context("reading a staging file")?;
        if read == 0 {
            break;
        }
        n += read;
    }
    head.truncate(n);
    let Some(kind) = infer::get(&head) else {
        return Ok(None);
    };
    if kind.mime_type() == "application/pdf" {
        return Ok(Some("application/pdf"));
    }
    if !head.starts_with(b"PK\x03\x04") {
        return Ok(None);
    }
    let len = file.metadata().await.context("reading a staging file")?.len();
    let tail_len = len.min(65_557);
    file.seek(std::io::SeekFrom::Start(len - tail_len))
        .await
        .context("reading a staging file")?;
    let mut tail = vec![0u8; usize::try_from(tail_len).unwrap_or_default()];
    file.read_exact(&mut tail).await.context("reading a staging file")?;
    let Some(entries) = zip_entries(&mut file, &tail, len).await? else {
        return Ok(None);
    };
    Ok(office_type(&entries, &head))
}

/// One entry of a ZIP's central directory.
struct ZipEntry {
    name: String,
    stored: bool,
    local_offset: u64,
}

fn le16(b: &[u8], at: usize) -> Option<u64> {
    b.get(at..at + 2).map(|s| u64::from(u16::from_le_bytes([s[0], s[1]])))
}

fn le32(b: &[u8], at: usize) -> Option<u64> {
    b.get(at..at + 4)
        .map(|s| u64::from(u32::from_le_bytes([s[0], s[1], s[2], s[3]])))
}

/// The entries of a ZIP's central directory (found from its end record), or
/// `None` when the file is not a well-formed ZIP.
async fn zip_entries(file: &mut tokio::fs::File, tail: &[u8], len: u64) -> Result<Option<Vec<ZipEntry>>, AppError> {
    let Some(eocd) = tail.windows(4).rposition(|w| w == b"PK\x05\x06") else {
        return Ok(None);
    };
    let (Some(count), Some(size), Some(offset)) = (le16(tail, eocd + 10), le32(tail, eocd + 12), le32(tail, eocd + 16))
    else {
        return Ok(None);
    };
    if offset + size > len || size > 8 * 1024 * 1024 {
        return Ok(None);
    }
    file.seek(std::io::SeekFrom::Start(offset))
        .await
        .context("reading a staging file")?;
    let mut dir = vec![0u8; usize::try_from(size).unwrap_or_default()];
    file.read_exact(&mut dir).await.context("reading a staging file")?;
    let mut entries = Vec::new();
    let mut at = 0usize;
    for _ in 0..count {
        if dir.get(at..at + 4) != Some(b"PK\x01\x02") {
            return Ok(None);
        }
        let (Some(method), Some(name_len), Some(extra_len), Some(comment_len), Some(local)) = (
            le16(&dir, at + 10),
            le16(&dir, at + 28),
            le16(&dir, at + 30),
            le16(&dir, at + 32),
            le32(&dir, at + 42),
        ) else {
            return Ok(None);
        };
        let name_start = at + 46;
        let name_end = name_start + usize::try_from(name_len).unwrap_or_default();
        let Some(name) = dir.get(name_start..name_end) else {
            return Ok(None);
        };
        entries.push(ZipEntry {
            name: String::from_utf8_lossy(name).into_owned(),
            stored: method == 0,
            local_offset: local,
        });
        at = name_end + usize::try_from(extra_len + comment_len).unwrap_or_default();
    }
    Ok(Some(entries))
}

/// OOXML (a `[Content_Types].xml` entry and the part folder of its kind) or
/// OpenDocument (a first, uncompressed `mimetype` entry naming the type,
/// as the standard requires).
fn office_type(entries: &[ZipEntry], head: &[u8]) -> Option<&'static str> {
    if let Some(first) = entries.first()
        && first.name == "mimetype"
        && first.stored
        && first.local_offset == 0
    {
        // The local header's name and extra lengths, then the content.
        let name_len = usize::try_from(le16(head, 26)?).ok()?;
        let extra_len = usize::try_from(le16(head, 28)?).ok()?;
        let start = 30 + name_len + extra_len;
        let rest = head.get(start..)?;
        return [
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation",
        ]
        .into_iter()
        .find(|t| rest.starts_with(t.as_bytes()) && !rest[t.len()..].starts_with(b"-"));
    }
    if !entries.iter().any(|e| e.name == "[Content_Types].xml") {
        return None;
    }
    let has = |prefix: &str| entries.iter().any(|e| e.name.starts_with(prefix));
    if has("word/") {
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    } else if has("xl/") {
        Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    } else if has("ppt/") {
        Some("application/vnd.openxmlformats-officedocument.presentationml.presentation")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, stored: bool, local_offset: u64) -> ZipEntry {
        ZipEntry {
            name: name.to_owned(),
            stored,
            local_offset,
        }
    }

    /// The local header of a stored `mimetype` entry followed by its content.
    fn mimetype_head(content: &str) -> Vec<u8> {
        let mut head = b"PK\x03\x04".to_vec();
        head.extend_from_slice(&[0u8; 22]);
        head.extend_from_slice(&8u16.to_le_bytes());
        head.extend_from_slice(&0u16.to_le_bytes());
        head.extend_from_slice(b"mimetype");
        head.extend_from_slice(content.as_bytes());
        head
    }

    #[test]
    fn ooxml_is_told_by_its_content_types_and_part_folder() {
        let docx = [
            entry("[Content_Types].xml", false, 0),
            entry("word/document.xml", false, 90),
        ];
        assert_eq!(
            office_type(&docx, b"PK"),
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        );
        let xlsx = [
            entry("[Content_Types].xml", false, 0),
            entry("xl/workbook.xml", false, 90),
        ];
        assert_eq!(
            office_type(&xlsx, b"PK"),
            Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        );
        let no_types = [entry("word/document.xml", false, 0)];
        assert_eq!(
            office_type(&no_types, b"PK"),
            None,
            "a ZIP with a word/ folder is not enough"
        );
        let jar = [
            entry("[Content_Types].xml", false, 0),
            entry("META-INF/MANIFEST.MF", false, 90),
        ];
        assert_eq!(office_type(&jar, b"PK"), None);
    }

    #[test]
    fn opendocument_needs_a_first_uncompressed_mimetype_entry_naming_an_accepted_type() {
        let entries = [entry("mimetype", true, 0), entry("content.xml", false, 77)];
        let odt = mimetype_head("application/vnd.oasis.opendocument.text");
        assert_eq!(
            office_type(&entries, &odt),
            Some("application/vnd.oasis.opendocument.text")
        );
        let template = mimetype_head("application/vnd.oasis.opendocument.text-template");
        assert_eq!(office_type(&entries, &template), None, "not an accepted type");
        let compressed = [entry("mimetype", false, 0), entry("content.xml", false, 77)];
        assert_eq!(office_type(&compressed, &odt), None);
        let other = mimetype_head("application/epub+zip");
        assert_eq!(office_type(&entries, &other), None);
    }
}
