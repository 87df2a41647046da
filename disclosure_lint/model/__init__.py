"""The report model: what readers produce (`Document`) and what rules check (`Report`), and the
severity of what they find.

Imports nothing of the project's own but `disclosure_lint.text`, so every other stage can depend on it.
"""

from .cells import Cell, CellKind, Number, usable
from .document import Block, Comment, Document, GridCell, Notice, NoticeKind, Paragraph, SourceInfo, TableBlock
from .location import Location
from .report import (
    SCHEMA_VERSION,
    STRUCTURED_MARKER,
    Contact,
    ContactField,
    LabelUse,
    Period,
    Report,
    Row,
    Section,
    Signature,
    StandardTable,
    TemplateInfo,
    Text,
)
from .severity import Severity
from .template import TemplateVersion

__all__ = [
    "SCHEMA_VERSION", "STRUCTURED_MARKER", "Block", "Cell", "CellKind", "Comment", "Contact", "ContactField",
    "Document", "GridCell", "LabelUse", "Location", "Notice", "NoticeKind", "Number", "Paragraph", "Period",
    "Report", "Row", "Section", "Severity", "Signature", "SourceInfo", "StandardTable", "TableBlock",
    "TemplateInfo", "TemplateVersion", "Text", "usable",
]
