"""How much a finding matters. In the model because the configuration (``severity``,
``fail-on``) and the engine both speak of it, and the configuration sits below the engine."""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]

    @property
    def sarif_level(self) -> str:
        return {"info": "note", "warning": "warning", "error": "error"}[self.value]

    def label(self, lang: str = "zh") -> str:
        if lang == "en":
            return self.value
        return {"info": "提示", "warning": "警告", "error": "错误"}[self.value]
