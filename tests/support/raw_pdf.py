"""PDF files written byte by byte: the objects given, an xref table, a trailer; for shapes no
producer at hand writes (hostile files, text drawn turned)."""

from __future__ import annotations


def raw_pdf(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer_extra, xref)
    return bytes(out)


def page_pdf(content: bytes) -> bytes:
    """A PDF of one page drawn by the stream object `content`, its font /F1 Helvetica."""
    return raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R"
                 b" /Resources << /Font << /F1 5 0 R >> >> >>",
                 content, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])
