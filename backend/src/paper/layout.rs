//! A small page-layout engine over krilla: text that wraps, paragraphs side
//! by side (a parallel text), tables whose header repeats on every page,
//! bars for charts, and a header and footer on every page that know the
//! page count. Content is laid out first as a display list and drawn once
//! the number of pages is known. Everything drawn is tagged (headings,
//! paragraphs, tables, figures; running headers, footers, rules and the
//! draft watermark as artifacts), so the PDF is accessible and its text
//! extracts in reading order.

use std::num::NonZeroU16;

use chrono::{DateTime, Datelike, Timelike, Utc};
use concord_shared::Lang;
use krilla::color::rgb;
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::{PathBuilder, Point, Rect, Transform};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, SpanTag, TableHeaderScope, Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::TextDirection;
use krilla::{Document, SerializeSettings};

use super::fonts;

/// A4 landscape, in points.
pub const PAGE_W: f32 = 841.89;
/// A4 landscape, in points.
pub const PAGE_H: f32 = 595.28;
/// The page margin.
pub const MARGIN: f32 = 36.0;
const TOP: f32 = MARGIN + 22.0;
const BOTTOM: f32 = PAGE_H - MARGIN - 24.0;
const LEADING: f32 = 1.25;

/// A structure element of the tag tree.
#[derive(Debug, Clone)]
pub enum Kind {
    /// A heading with its level and title.
    Heading(u16, String),
    /// A paragraph.
    Para,
    /// A table.
    Table,
    /// A table row.
    Row,
    /// A header cell.
    HeaderCell,
    /// A data cell.
    Cell,
    /// A figure (a chart) with its alternative text.
    Figure(String),
}

struct Node {
    kind: Kind,
    parent: Option<usize>,
    lang: Option<Lang>,
}

#[derive(Clone)]
enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        gray: u8,
        text: String,
        node: Option<usize>,
        lang: Lang,
    },
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
    },
    Bar {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        rgb: (u8, u8, u8),
        node: Option<usize>,
    },
}

/// What every page carries besides its content.
pub struct Running {
    /// The header line (the draft notice, or the document's short title).
    pub header: String,
    /// The footer's first line (version and SHA-256).
    pub footer: String,
    /// "Page {x} of {y}" in each language of the document.
    pub page_of: Vec<String>,
    /// The diagonal watermark, on drafts.
    pub watermark: Option<String>,
}

/// A table column: its width and whether its cells are bold.
#[derive(Debug, Clone, Copy)]
pub struct Col {
    /// Width in points.
    pub width: f32,
}

/// A document being laid out.
pub struct Doc {
    pages: Vec<Vec<Op>>,
    nodes: Vec<Node>,
    y: f32,
    lang: Lang,
}

impl Doc {
    /// An empty document whose main language is `lang`.
    pub fn new(lang: Lang) -> Doc {
        Doc {
            pages: vec![Vec::new()],
            nodes: Vec::new(),
            y: TOP,
            lang,
        }
    }

    /// The width between the margins.
    pub fn content_width() -> f32 {
        PAGE_W - 2.0 * MARGIN
    }

    /// A new structure element under `parent`.
    pub fn node(&mut self, kind: Kind, parent: Option<usize>, lang: Option<Lang>) -> usize {
        self.nodes.push(Node { kind, parent, lang });
        self.nodes.len() - 1
    }

    fn op(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Starts a new page unless `height` still fits on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    /// Vertical space.
    pub fn gap(&mut self, height: f32) {
        self.y += height;
    }

    fn lines_at(
        &mut self,
        (x, y): (f32, f32),
        lines: &[String],
        (size, bold): (f32, bool),
        node: Option<usize>,
        lang: Lang,
    ) {
        for (i, line) in lines.iter().enumerate() {
            if line.is_empty() {
                continue;
            }
            self.op(Op::Text {
                x,
                y: y + size + i as f32 * size * LEADING,
                size,
                bold,
                gray: 0,
                text: line.clone(),
                node,
                lang,
            });
        }
    }

    /// Paragraphs side by side, one per column (`(language, text)`), each
    /// wrapped to its column; a heading when `heading` is given.
    pub fn columns(&mut self, texts: &[(Lang, String)], size: f32, bold: bool, heading: Option<u16>) {
        let n = texts.len().max(1) as f32;
        let gutter = 18.0;
        let width = (Self::content_width() - gutter * (n - 1.0)) / n;
        let wrapped: Vec<Vec<String>> = texts.iter().map(|(_, t)| fonts::wrap(t, size, bold, width)).collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(0) as f32 * size * LEADING;
        self.ensure(height);
        let y = self.y;
        for (i, ((lang, text), lines)) in texts.iter().zip(&wrapped).enumerate() {
            let kind = match heading {
                Some(level) => Kind::Heading(level, text.clone()),
                None => Kind::Para,
            };
            let node = self.node(kind, None, Some(*lang));
            let x = MARGIN + i as f32 * (width + gutter);
            self.lines_at((x, y), lines, (size, bold), Some(node), *lang);
        }
        self.y += height;
    }

    /// A table: `header` cells (each possibly several lines), then `rows`;
    /// rows never split across pages and the header repeats on each page.
    pub fn table(&mut self, cols: &[Col], header: &[String], rows: &[Vec<String>], size: f32) {
        let pad = 2.5;
        let table = self.node(Kind::Table, None, None);
        let wrap_row = |cells: &[String], bold: bool| -> Vec<Vec<String>> {
            cells
                .iter()
                .zip(cols)
                .map(|(c, col)| fonts::wrap(c, size, bold, col.width - 2.0 * pad))
                .collect()
        };
        let head = wrap_row(header, true);
        let row_height =
            |cells: &[Vec<String>]| cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * size * LEADING + 2.0 * pad;
        let head_h = row_height(&head);
        let draw_header = |doc: &mut Doc, tagged: bool| {
            let row = if tagged {
                Some(doc.node(Kind::Row, Some(table), None))
            } else {
                None
            };
            doc.draw_row(cols, &head, (size, true), pad, row.map(|r| (r, Kind::HeaderCell)));
            doc.y += head_h;
        };
        self.ensure(head_h * 3.0);
        draw_header(self, true);
        for cells in rows {
            let wrapped = wrap_row(cells, false);
            let h = row_height(&wrapped);
            if self.y + h > BOTTOM {
                self.new_page();
                draw_header(self, false);
            }
            let row = self.node(Kind::Row, Some(table), None);
            self.draw_row(cols, &wrapped, (size, false), pad, Some((row, Kind::Cell)));
            self.y += h;
        }
    }

    fn draw_row(
        &mut self,
        cols: &[Col],
        cells: &[Vec<String>],
        (size, bold): (f32, bool),
        pad: f32,
        tag: Option<(usize, Kind)>,
    ) {
        let lang = self.lang;
        let h = cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * size * LEADING + 2.0 * pad;
        let y = self.y;
        let mut x = MARGIN;
        self.op(Op::Rule {
            x1: MARGIN,
            y1: y,
            x2: MARGIN + Self::content_width(),
            y2: y,
        });
        for (lines, col) in cells.iter().zip(cols) {
            let node = tag
                .as_ref()
                .map(|(row, kind)| self.node(kind.clone(), Some(*row), None));
            self.lines_at((x + pad, y + pad), lines, (size, bold), node, lang);
            x += col.width;
        }
        self.op(Op::Rule {
            x1: MARGIN,
            y1: y + h,
            x2: MARGIN + Self::content_width(),
            y2: y + h,
        });
    }

    /// A horizontal bar chart: one labelled bar per `(label, value)`, the
    /// value written after the bar; the figure's alternative text lists every value.
    pub fn bar_chart(&mut self, title: &str, bars: &[(String, f64, String)], max: f64) {
        let size = 8.0;
        let bar_h = 9.0;
        let label_w = 220.0;
        let full = 360.0;
        let alt = format!(
            "{title}: {}",
            bars.iter()
                .map(|(l, _, v)| format!("{l} {v}"))
                .collect::<Vec<_>>()
                .join("; ")
        );
        let figure = self.node(Kind::Figure(alt), None, None);
        for (label, value, shown) in bars {
            self.ensure(bar_h + 4.0);
            let y = self.y;
            let label_lines = fonts::wrap(label, size, false, label_w - 6.0);
            let label_lines = &label_lines[..label_lines.len().min(1)];
            self.lines_at((MARGIN, y), label_lines, (size, false), None, self.lang);
            let w = if max > 0.0 {
                (value / max).clamp(0.0, 1.0) as f32 * full
            } else {
                0.0
            };
            if w > 0.0 {
                self.op(Op::Bar {
                    x: MARGIN + label_w,
                    y: y + 1.0,
                    w,
                    h: bar_h,
                    rgb: (44, 95, 138),
                    node: Some(figure),
                });
            }
            let at = (MARGIN + label_w + w + 4.0, y);
            self.lines_at(at, std::slice::from_ref(shown), (size, false), None, self.lang);
            self.y += bar_h + 4.0;
        }
    }

    /// Draws the document: every page with its running header and footer.
    pub fn render(self, title: &str, created: DateTime<Utc>, running: &Running) -> Result<Vec<u8>, String> {
        let settings = SerializeSettings {
            // PDF/A-2a: archival and tagged; the builder cannot fail for one validator.
            configuration: ConfigurationBuilder::new()
                .with_archival_validator(Archival::A2_A)
                .finish()
                .map_err(|err| format!("PDF configuration: {err:?}"))?,
            enable_tagging: true,
            ..Default::default()
        };
        let mut document = Document::new_with(settings);
        document.set_metadata(
            Metadata::new()
                .title(title.to_owned())
                .language(self.lang.code().to_owned())
                .creator("Concord".to_owned())
                .creation_date(
                    krilla::metadata::DateTime::new(created.year().clamp(0, 9999) as u16)
                        .month(created.month() as u8)
                        .day(created.day() as u8)
                        .hour(created.hour() as u8)
                        .minute(created.minute() as u8)
                        .second(created.second() as u8)
                        .utc_offset_hour(0)
                        .utc_offset_minute(0),
                ),
        );
        let total = self.pages.len();
        let mut leaves: Vec<Vec<Identifier>> = vec![Vec::new(); self.nodes.len()];
        for (index, ops) in self.pages.iter().enumerate() {
            let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or("page size")?;
            let mut page = document.start_page_with(settings);
            let mut surface = page.surface();
            if let Some(mark) = &running.watermark {
                watermark(&mut surface, mark);
            }
            running_text(&mut surface, running, index + 1, total);
            for op in ops {
                draw(&mut surface, op, &mut leaves);
            }
            surface.finish();
            page.finish();
        }
        let mut tree = TagTree::new();
        for group in self.tag_groups(leaves) {
            tree.push(group);
        }
        document.set_tag_tree(tree);
        document.finish().map_err(|e| format!("{e:?}"))
    }

    /// The tag tree's top-level groups, children in the order they were made.
    fn tag_groups(&self, mut leaves: Vec<Vec<Identifier>>) -> Vec<TagGroup> {
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); self.nodes.len()];
        for (i, node) in self.nodes.iter().enumerate() {
            if let Some(p) = node.parent {
                children[p].push(i);
            }
        }
        let mut built: Vec<Option<TagGroup>> = (0..self.nodes.len()).map(|_| None).collect();
        for i in (0..self.nodes.len()).rev() {
            let node = &self.nodes[i];
            let tag: TagKind = match &node.kind {
                Kind::Heading(level, title) => {
                    Tag::Hn(NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN), Some(title.clone())).into()
                }
                Kind::Para => Tag::P.into(),
                Kind::Table => Tag::Table.into(),
                Kind::Row => Tag::TR.into(),
                Kind::HeaderCell => Tag::TH(TableHeaderScope::Column).into(),
                Kind::Cell => Tag::TD.into(),
                Kind::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
            };
            let mut tag = tag;
            if let Some(lang) = node.lang {
                tag.set_lang(Some(lang.code().to_owned()));
            }
            let mut group = TagGroup::new(tag);
            for id in std::mem::take(&mut leaves[i]) {
                group.push(id);
            }
            for &c in &children[i] {
                if let Some(child) = built[c].take() {
                    group.push(child);
                }
            }
            built[i] = Some(group);
        }
        self.nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.parent.is_none())
            .filter_map(|(i, _)| built[i].take())
            .collect()
    }
}

fn fill(gray: u8) -> Fill {
    Fill {
        paint: rgb::Color::new(gray, gray, gray).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// Draws one line of text, each script run in its font, at baseline `y`.
fn text_line(surface: &mut Surface, x: f32, y: f32, size: f32, bold: bool, text: &str) {
    let mut x = x;
    for (face, run) in fonts::runs(text, bold) {
        surface.draw_text(Point::from_xy(x, y), face.font(), size, run, false, TextDirection::Auto);
        x += fonts::run_width(face, run, size);
    }
}

fn draw(surface: &mut Surface, op: &Op, leaves: &mut [Vec<Identifier>]) {
    match op {
        Op::Text {
            x,
            y,
            size,
            bold,
            gray,
            text,
            node,
            lang,
        } => {
            let id = match node {
                Some(_) => surface.start_tagged(ContentTag::Span(SpanTag::empty().with_lang(Some(lang.code())))),
                None => surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Other))),
            };
            surface.set_fill(Some(fill(*gray)));
            text_line(surface, *x, *y, *size, *bold, text);
            surface.end_tagged();
            if let Some(n) = node {
                leaves[*n].push(id);
            }
        }
        Op::Rule { x1, y1, x2, y2 } => {
            surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Other)));
            let mut pb = PathBuilder::new();
            pb.move_to(*x1, *y1);
            pb.line_to(*x2, *y2);
            if let Some(path) = pb.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: rgb::Color::new(150, 150, 150).into(),
                    width: 0.5,
                    ..Default::default()
                }));
                surface.draw_path(&path);
                surface.set_stroke(None);
            }
            surface.end_tagged();
        }
        Op::Bar {
            x,
            y,
            w,
            h,
            rgb: (r, g, b),
            node,
        } => {
            let id = match node {
                Some(_) => surface.start_tagged(ContentTag::Other),
                None => surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Other))),
            };
            let mut pb = PathBuilder::new();
            if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                pb.push_rect(rect);
            }
            if let Some(path) = pb.finish() {
                surface.set_fill(Some(Fill {
                    paint: rgb::Color::new(*r, *g, *b).into(),
                    opacity: NormalizedF32::ONE,
                    rule: Default::default(),
                }));
                surface.draw_path(&path);
            }
            surface.end_tagged();
            if let Some(n) = node {
                leaves[*n].push(id);
            }
        }
    }
}

fn watermark(surface: &mut Surface, mark: &str) {
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Page)));
    surface.push_transform(&Transform::from_rotate_at(-30.0, PAGE_W / 2.0, PAGE_H / 2.0));
    surface.set_fill(Some(fill(225)));
    let size = 110.0;
    let w = fonts::width(mark, size, true);
    text_line(surface, (PAGE_W - w) / 2.0, PAGE_H / 2.0 + size / 3.0, size, true, mark);
    surface.pop();
    surface.end_tagged();
}

fn running_text(surface: &mut Surface, running: &Running, page: usize, total: usize) {
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Header)));
    surface.set_fill(Some(fill(60)));
    text_line(surface, MARGIN, MARGIN + 8.0, 8.0, true, &running.header);
    surface.end_tagged();
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(ArtifactType::Footer)));
    surface.set_fill(Some(fill(60)));
    let y = PAGE_H - MARGIN;
    text_line(surface, MARGIN, y - 10.0, 7.0, false, &running.footer);
    let numbers = running
        .page_of
        .iter()
        .map(|t| t.replace("{x}", &page.to_string()).replace("{y}", &total.to_string()))
        .collect::<Vec<_>>()
        .join(" · ");
    let w = fonts::width(&numbers, 7.0, false);
    text_line(surface, PAGE_W - MARGIN - w, y, 7.0, false, &numbers);
    surface.end_tagged();
}
