"""Declarative rules for agencies that write no Python (docs/plugins.md).

A folder of YAML files, each a list of rules of a few kinds — a required phrase, a forbidden
phrase, a substitution, a regular expression on a field, a required section or item, and a
comparison over named table cells in a small safe expression language. They are validated by
pydantic models (`model`), compiled to the same `RuleSpec` as Python rules (`compile`), and carry
their own examples, which ``disclosure-lint test-rules PATH`` runs.
"""

from .compile import YamlRuleError, load_rule_text, load_rules
from .expr import ExprError, compile_expression
from .model import RuleFile

__all__ = ["ExprError", "RuleFile", "YamlRuleError", "compile_expression", "load_rule_text", "load_rules"]
