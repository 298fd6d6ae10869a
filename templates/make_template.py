"""Build templates/report-template.docx: the GB/T 9704 styles and page setup of the Word export.

Run `.venv/bin/python templates/make_template.py` after changing a value below. An office may
instead open the .docx in Word, change fonts or sizes in the styles and save it: the exporter
only applies the styles by name.

Page (GB/T 9704 §5): A4; margins top 37 / bottom 35 / left 28 / right 26 mm (版心 156 × 225
mm); 22 lines × 28 characters; body 仿宋_GB2312 3号; title 方正小标宋简体 2号; 一、 黑体;
（一） 楷体_GB2312; 1. 仿宋; page numbers "— 1 —" 宋体 4号, odd pages right, even pages left.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from govopen_desktop import __version__
from govopen_desktop.io.exporters import docx_styles as S

OUT = Path(__file__).resolve().parent / S.TEMPLATE_NAME

LATIN = "Times New Roman"
FANGSONG, KAISHU, HEITI, XIAOBIAOSONG, SONGTI = "仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体"
SIZE_2, SIZE_3, SIZE_4, SIZE_5 = 44, 32, 28, 21  # half-points: 2号 22pt, 3号 16pt, 4号 14pt, 五号 10.5pt
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
FOOTER_MM = 25  # puts the page number's 一字线 about 7 mm below the 版心
LINES, CHARS = 22, 28
LINE_PITCH = math.floor((297 - 37 - 35) / 25.4 * 72 * 20 / LINES)  # twips: 22 lines must fit 225 mm
TWO_CHARS = 2 * SIZE_3 * 10  # twips of two 3号 characters (first-line indent)
TEXT_WIDTH_PT = (210 - MARGINS_MM["left"] - MARGINS_MM["right"]) / 25.4 * 72
# 28 characters of 16 pt need 448 pt; the 版心 is 442 pt wide. Word's character grid (charSpace)
# would squeeze them, but LibreOffice and some WPS versions then give each character two grid
# cells; a condensed character spacing gives 28 per line everywhere (in twentieths of a point).
CONDENSE = math.ceil((SIZE_3 / 2 - TEXT_WIDTH_PT / CHARS) * 20)

# Fonts Word may use where the official ones are missing (w:altName in the font table).
ALT_NAMES = {FANGSONG: "仿宋", KAISHU: "楷体", XIAOBIAOSONG: "华文中宋", HEITI: "SimHei", SONGTI: "SimSun"}


def rfonts(east_asia: str, latin: str = LATIN) -> str:
    return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asia}" w:cs="{latin}"/>'


def run_props(east_asia: str, size: int, latin: str = LATIN, condense: int = 0) -> str:
    spacing = f'<w:spacing w:val="{-condense}"/>' if condense else ""
    return (f"<w:rPr {nsdecls('w')}>{rfonts(east_asia, latin)}<w:b w:val=\"0\"/><w:bCs w:val=\"0\"/>"
            f'<w:color w:val="000000"/>{spacing}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>')


def para_props(*, jc: str = "both", first_line: bool = True, line: int | None = LINE_PITCH,
               after: int = 0, keep_next: bool = False, outline: int | None = None,
               grid: bool = True, auto_space: bool = True) -> str:
    parts = []
    if keep_next:
        parts += ["<w:keepNext/>", "<w:keepLines/>"]
    if not auto_space:  # no extra gap between 2025 and 年 in the date under the signature
        parts += ['<w:autoSpaceDE w:val="0"/>', '<w:autoSpaceDN w:val="0"/>']
    if not grid:
        parts.append('<w:snapToGrid w:val="0"/>')
    parts.append(f'<w:spacing w:before="0" w:after="{after}" w:line="{line}" w:lineRule="exact"/>' if line
                 else f'<w:spacing w:before="0" w:after="{after}" w:line="240" w:lineRule="auto"/>')
    indent = (f'<w:ind w:left="0" w:right="0" w:firstLineChars="200" w:firstLine="{TWO_CHARS}"/>' if first_line
              else '<w:ind w:left="0" w:right="0" w:firstLineChars="0" w:firstLine="0"/>')
    parts.append(indent)
    parts.append(f'<w:jc w:val="{jc}"/>')
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    return f"<w:pPr {nsdecls('w')}>{''.join(parts)}</w:pPr>"


# ASCII ids for the custom styles: Word and WPS show the Chinese names, the ids stay portable.
STYLE_IDS = {S.INLINE_HEADING: "GovInlineHeading", S.TABLE_TEXT: "GovTableText", S.TABLE_HEADER: "GovTableHeader",
             S.TABLE_NUMBER: "GovTableNumber", S.SIGNATURE: "GovSignature", S.PAGE_NUMBER: "GovPageNumber"}


def set_style(doc: docx.document.Document, name: str, *, ppr: str | None, rpr: str,
              based_on: str | None = None, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH,
              next_style: str | None = None) -> None:
    names = {s.name for s in doc.styles}
    style = doc.styles[name] if name in names else doc.styles.add_style(name, kind)
    if name in STYLE_IDS:
        style.style_id = STYLE_IDS[name]
    el = style.element
    for tag in ("w:pPr", "w:rPr", "w:link", "w:basedOn", "w:next"):
        for child in el.findall(qn(tag)):
            el.remove(child)
    if based_on:
        style.base_style = doc.styles[based_on]
    if next_style:
        style.next_paragraph_style = doc.styles[next_style]
    style.quick_style = True
    style.hidden = False
    style.unhide_when_used = False
    if ppr is not None:
        el.append(parse_xml(ppr))
    el.append(parse_xml(rpr))


def define_styles(doc: docx.document.Document) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    defaults.getparent().remove(defaults)
    doc.styles.element.insert(0, parse_xml(
        f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>{rfonts(FANGSONG)}"
        f'<w:sz w:val="{SIZE_3}"/><w:szCs w:val="{SIZE_3}"/>'
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        # overflowPunct on is Word's and WPS's default; LibreOffice reads it as "wrap, do not
        # hang" and without it leaves a comma ending a full justified line out of its PDF
        '<w:pPrDefault><w:pPr><w:overflowPunct w:val="1"/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
        '</w:pPr>'
        "</w:pPrDefault></w:docDefaults>"))
    set_style(doc, S.BODY, ppr=para_props(), rpr=run_props(FANGSONG, SIZE_3, condense=CONDENSE))
    set_style(doc, S.TITLE, based_on=S.BODY, next_style=S.BODY,
              ppr=para_props(jc="center", first_line=False, line=round(LINE_PITCH * 1.2), after=LINE_PITCH,
                             keep_next=True, grid=False),
              rpr=run_props(XIAOBIAOSONG, SIZE_2, XIAOBIAOSONG))  # the year's digits in 小标宋 too
    for name, font, level, latin in ((S.HEADING_1, HEITI, 0, "Arial"), (S.HEADING_2, KAISHU, 1, LATIN),
                                     (S.HEADING_3, FANGSONG, 2, LATIN)):
        set_style(doc, name, based_on=S.BODY, next_style=S.BODY,
                  ppr=para_props(keep_next=True, outline=level), rpr=run_props(font, SIZE_3, latin, CONDENSE))
    set_style(doc, S.INLINE_HEADING, kind=WD_STYLE_TYPE.CHARACTER, ppr=None,
              rpr=f"<w:rPr {nsdecls('w')}>{rfonts(KAISHU)}</w:rPr>")
    table_ppr = para_props(jc="left", first_line=False, line=None, grid=False)
    set_style(doc, S.TABLE_TEXT, ppr=table_ppr, rpr=run_props(FANGSONG, SIZE_5))
    for name in (S.TABLE_HEADER, S.TABLE_NUMBER):
        set_style(doc, name, based_on=S.TABLE_TEXT,
                  ppr=para_props(jc="center", first_line=False, line=None, grid=False),
                  rpr=run_props(FANGSONG, SIZE_5))
    set_style(doc, S.SIGNATURE, based_on=S.BODY, ppr=para_props(jc="right", first_line=False, auto_space=False),
              rpr=run_props(FANGSONG, SIZE_3, condense=CONDENSE))
    set_style(doc, S.PAGE_NUMBER, ppr=para_props(jc="right", first_line=False, line=None, grid=False),
              rpr=run_props(SONGTI, SIZE_4, SONGTI))


def page_setup(doc: docx.document.Document) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance, section.footer_distance = Mm(15), Mm(FOOTER_MM)
    section.gutter = 0
    sect = section._sectPr
    for old in sect.findall(qn("w:docGrid")):
        sect.remove(old)
    # No docGrid type: a line grid makes LibreOffice/WPS snap every line to two grid rows after a
    # title or table; the exact line spacing of the styles already gives the 22-line pitch.
    sect.append(parse_xml(f'<w:docGrid {nsdecls("w")} w:linePitch="{LINE_PITCH}"/>'))
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], "right", doc)
    _page_number(section.even_page_footer.paragraphs[0], "left", doc)


def _page_number(paragraph: docx.text.paragraph.Paragraph, side: str, doc: docx.document.Document) -> None:
    """"— 1 —" with a PAGE field, one character in from the outer edge (GB/T 9704 7.5)."""
    paragraph.style = doc.styles[S.PAGE_NUMBER]
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:ind {nsdecls("w")} w:{side}Chars="100" w:{side}="{SIZE_4 * 10}"/>'))
    ppr.append(parse_xml(f'<w:jc {nsdecls("w")} w:val="{side}"/>'))
    paragraph.add_run("— ")
    w = nsdecls("w")
    for xml in (f'<w:fldChar {w} w:fldCharType="begin"/>',
                f'<w:instrText {w} xml:space="preserve"> PAGE </w:instrText>',
                f'<w:fldChar {w} w:fldCharType="separate"/>', f"<w:t {w}>1</w:t>",
                f'<w:fldChar {w} w:fldCharType="end"/>'):
        paragraph.add_run()._r.append(parse_xml(xml))
    paragraph.add_run(" —")


def font_table(doc: docx.document.Document) -> None:
    """Declare the Chinese fonts with GB2312 charset and a commonly installed alternative."""
    part = next(p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    root = parse_xml(part.blob)
    for name, alt in ALT_NAMES.items():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        for tag, attr in (("w:altName", alt), ("w:charset", "86"), ("w:family", "modern"), ("w:pitch", "fixed")):
            child = OxmlElement(tag)
            child.set(qn("w:val"), attr)
            font.append(child)
        root.append(font)
    from lxml import etree

    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def drop_leftovers(doc: docx.document.Document) -> None:
    """python-docx's default template carries a thumbnail and Word 2010 style copies: drop them."""
    pkg_rels = doc.part.package.rels
    for rid, rel in list(pkg_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            del pkg_rels[rid]
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            del doc.part.rels[rid]
    props = doc.core_properties
    props.author = props.last_modified_by = props.title = props.subject = props.comments = ""
    props.keywords = props.category = ""
    props.revision = 1
    settings = doc.settings.element
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        lang = OxmlElement("w:themeFontLang")
        settings.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    for stale in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(stale)
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")  # Word 2013+ (no [兼容模式]); WPS reads it too
    app = next(p for p in doc.part.package.iter_parts() if str(p.partname) == "/docProps/app.xml")
    app._blob = (  # python-docx's default carries Mac Word, Normal.dotm and Pages=1
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>govopen-desktop {__version__}</Application><DocSecurity>0</DocSecurity>"
        "<Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>").encode()


def main() -> None:
    doc = docx.Document()
    define_styles(doc)
    page_setup(doc)
    font_table(doc)
    drop_leftovers(doc)
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    doc.save(str(OUT))
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
