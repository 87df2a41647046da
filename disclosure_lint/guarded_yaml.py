"""YAML from strangers: the safe constructors only, with the work bounded before it is done.

``yaml.safe_load`` constructs no objects, but it does expand aliases: a "billion laughs" file of a
few hundred bytes names one list a billion times, and whatever walks the result — validating a
configuration, copying it, dumping it — walks a billion values. Every YAML the linter reads comes
through `load_yaml`: structured reports (read/structured.py), configuration files, YAML rule files
and baselines. A configuration file counts as untrusted too: a supervising office lints folders its
subordinates filled, and the closest ``disclosure-lint.yaml`` above a file applies to it.

`load_yaml` counts nodes while composing (pure-Python YAML takes about 16 µs a node) and aliases,
measures the size with every alias expanded before constructing anything (linear in the
unexpanded graph), refuses recursive aliases and duplicate keys ("last one wins" hides typos), and
leaves dates as strings. Every refusal is one `InputError` in both languages.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

from .errors import InputError

MAX_ALIASES = 100  # hand-written YAML needs a handful; billion laughs needs many
MAX_NODES = 200_000  # nodes after expanding aliases; a full structured report has a few thousand
CONFIG_NODES = 20_000  # … in a configuration, rule pack or baseline (a baseline of 3,000 findings: 15,000)


def one_line(text: object) -> str:
    return " ".join(str(text).split())


class YamlError(InputError):
    """YAML that is refused; ``line`` (from 1) when the problem has a place."""

    def __init__(self, zh: str, en: str, line: int | None = None) -> None:
        super().__init__(zh, en)
        self.line = line


def too_large(limit: int = MAX_NODES) -> InputError:
    return InputError(f"YAML 过大（超过 {limit} 个节点），拒绝读取",
                      f"the YAML is too large (more than {limit} nodes); refused")


def _expanded_size(node: Node, memo: dict[int, int], active: set[int], limit: int) -> int:
    """Node count with every alias expanded (counting stops past ``limit``), in time linear in
    the *unexpanded* graph."""
    key = id(node)
    if key in memo:
        return memo[key]
    if key in active:
        raise _RecursiveAlias()
    active.add(key)
    size = 1
    if isinstance(node, SequenceNode):
        for child in node.value:
            size += _expanded_size(child, memo, active, limit)
            if size > limit:
                break
    elif isinstance(node, MappingNode):
        for k, v in node.value:
            size += _expanded_size(k, memo, active, limit) + _expanded_size(v, memo, active, limit)
            if size > limit:
                break
    active.discard(key)
    memo[key] = size
    return size


class _RecursiveAlias(Exception):
    pass


class GuardedLoader(yaml.SafeLoader):
    """SafeLoader that refuses alias bombs and duplicate keys, and leaves dates as strings.

    Dates stay strings so that a quoted-or-not ``2023-01-01`` in a text field is not turned into a
    `date` that the model then rejects; pydantic parses date fields from strings itself.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str, max_nodes: int = MAX_NODES) -> None:
        super().__init__(stream)
        self.max_nodes = max_nodes
        self._aliases = 0
        self._nodes = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        # Counted as they are composed: pure-Python YAML takes about 16 µs a node, so a file
        # under the size limit could otherwise keep it busy for a minute before being refused.
        self._nodes += 1
        if self._nodes > self.max_nodes:
            raise too_large(self.max_nodes)
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise InputError(
                    f"YAML 中的别名（*alias）过多（超过 {MAX_ALIASES} 个），拒绝读取",
                    f"too many YAML aliases (more than {MAX_ALIASES}); refusing to expand them",
                )
        return super().compose_node(parent, index)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                duplicate = key in seen
                seen.add(key)
            except TypeError:  # an unhashable key: SafeConstructor reports it below
                continue
            if duplicate:
                mark = key_node.start_mark
                raise InputError(
                    f"YAML 第{mark.line + 1}行：重复的键 {key!r}",
                    f"YAML line {mark.line + 1}: duplicate key {key!r}",
                )
        return super().construct_mapping(node, deep=deep)

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        if node is None:
            return None
        try:
            size = _expanded_size(node, {}, set(), self.max_nodes)
        except _RecursiveAlias:
            raise InputError("YAML 中有递归的别名，拒绝读取",
                             "the YAML has a recursive alias; refusing to expand it") from None
        if size > self.max_nodes:
            raise InputError(
                f"YAML 展开别名后过大（超过 {self.max_nodes} 个节点），拒绝读取",
                f"the YAML is too large once its aliases are expanded (over {self.max_nodes} nodes)",
            )
        return self.construct_document(node)


def load_yaml(text: str, max_nodes: int = MAX_NODES) -> Any:
    """The document in ``text``, as ``yaml.safe_load`` gives it, within the bounds above and
    ``max_nodes`` (`CONFIG_NODES` for the linter's own files); an `InputError` (one line, with the
    line and column of a syntax error) otherwise."""
    try:
        loader = GuardedLoader(text, max_nodes)  # checks the characters: a NUL ends here
    except yaml.YAMLError as exc:
        raise InputError(f"YAML 有误：{one_line(exc)}", f"YAML error: {one_line(exc)}") from None
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where_zh = f"第{mark.line + 1}行第{mark.column + 1}列" if mark else ""
        where_en = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = one_line(exc.problem or exc.context or "")
        raise YamlError(f"YAML 有误（{where_zh}）：{problem}", f"YAML error{where_en}: {problem}",
                        mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise InputError(f"YAML 有误：{one_line(exc)}", f"YAML error: {one_line(exc)}") from None
    except RecursionError:
        raise InputError("YAML 嵌套过深，拒绝读取", "the YAML is nested too deeply; refused") from None
    finally:
        loader.dispose()


__all__ = ["CONFIG_NODES", "MAX_ALIASES", "MAX_NODES", "GuardedLoader", "YamlError", "load_yaml", "one_line",
           "too_large"]
