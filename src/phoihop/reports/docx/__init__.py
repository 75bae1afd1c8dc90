"""The .docx renderer of the joint report: a frozen DocumentSpec in, the bytes of an editable Word document out.

Pure Python on python-docx and lxml; no Django models, no database. Real Word footnotes are written as OOXML
(python-docx has no footnote API); format rules come from data profiles (profiles.toml). See
docs/report-rendering.md."""

from phoihop.reports.docx.extract import ExtractedDocument, ExtractedParagraph, extract
from phoihop.reports.docx.profiles import FormatProfile, ProfileError, default_profiles, get_profile, load_profiles
from phoihop.reports.docx.render import render
from phoihop.reports.docx.spec import (
    AnnexFigure,
    Authority,
    Block,
    DocumentNumber,
    DocumentSpec,
    Footnote,
    Heading,
    Inline,
    Issuer,
    NoteParagraph,
    Paragraph,
    Signature,
    SpecError,
    Text,
)

__all__ = [
    "AnnexFigure",
    "Authority",
    "Block",
    "DocumentNumber",
    "DocumentSpec",
    "ExtractedDocument",
    "ExtractedParagraph",
    "Footnote",
    "FormatProfile",
    "Heading",
    "Inline",
    "Issuer",
    "NoteParagraph",
    "Paragraph",
    "ProfileError",
    "Signature",
    "SpecError",
    "Text",
    "default_profiles",
    "extract",
    "get_profile",
    "load_profiles",
    "render",
]
