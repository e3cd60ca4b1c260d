"""The generator of the packaged training data: small template files -> ``nlu/data/*.yaml``.

The training YAML files are not edited by hand. Their sources live in ``nlu/data/src/``:

- ``manifest.yaml`` names each generated file, its header comment, its intents in order with
  their descriptions, and the word lists shared by all templates;
- ``<file stem>/<intent>.txt`` holds one intent's examples, one template per line.

A template line expands, in order, to one or more examples:

- plain text (``total of [sales](column)``) expands to itself;
- ``{a|b|c}`` expands to each alternative in turn; an empty alternative makes a part optional
  (``hey{ there|}`` -> ``hey there``, ``hey``); groups nest;
- ``<name>`` expands to each word of the list ``name`` (from the manifest's ``lists`` or a
  ``@name = a | b | c`` line earlier in the same file);
- several groups expand like :func:`itertools.product`: the leftmost varies slowest;
- ``\\`` takes the next character literally (``\\{``, ``\\|``, ``\\<``, a leading ``\\#``);
- blank lines and lines starting with ``#`` are ignored.

Expansion is deterministic and keeps the order of the lines, which matters: the classifier's
stochastic solver sees the examples in file order. Regenerate the files, or check that the
committed ones are what the sources make (non-zero exit when not)::

    python -m nlsheet.nlu.templates [--check]

Example:
    >>> expand("{total|sum} of [<m>](column)", {"m": ("sales", "units")})[1:3]
    ['total of [units](column)', 'sum of [sales](column)']
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TextIO, TypeAlias

import yaml
from yaml.resolver import Resolver

from nlsheet.nlu.dataset import DatasetError, parse_example

__all__ = [
    "MAX_EXPANSION",
    "DataFile",
    "TemplateError",
    "default_source_dir",
    "expand",
    "expand_file",
    "generate",
    "load_sources",
    "main",
    "render",
]

MAX_EXPANSION = 2000
"""The most examples one template line may expand to (a guard against typing a huge product)."""

_NAME = re.compile(r"<([a-z_][a-z0-9_]*)>")
_LIST_LINE = re.compile(r"@([a-z_][a-z0-9_]*)\s*=(.*)")
_RESOLVER: Any = Resolver()  # untyped in types-PyYAML
_PLAIN_STARTS = frozenset("-?:,[]{}#&*!|>'\"%@`")


class TemplateError(DatasetError):
    """A template source is malformed (the message says which file, line and what)."""


# --- the template language -------------------------------------------------------------------


@dataclass(frozen=True)
class _Choice:
    options: tuple[tuple[_Node, ...], ...]


@dataclass(frozen=True)
class _Ref:
    name: str


_Node: TypeAlias = str | _Choice | _Ref


class _Parser:
    def __init__(self, text: str, where: str) -> None:
        self.text, self.where, self.pos = text, where, 0

    def fail(self, what: str, expected: str) -> TemplateError:
        return TemplateError(
            f"{self.where}: {what} at character {self.pos + 1} of {self.text!r}",
            expected=expected,
            found=self.text,
            where=self.where,
        )

    def sequence(self, depth: int) -> list[tuple[_Node, ...]]:
        """Alternatives separated by '|' up to the closing '}' (or the end at depth 0)."""
        options: list[tuple[_Node, ...]] = []
        nodes: list[_Node] = []
        literal: list[str] = []

        def flush() -> None:
            if literal:
                nodes.append("".join(literal))
                literal.clear()

        while self.pos < len(self.text):
            ch = self.text[self.pos]
            if ch == "\\":
                if self.pos + 1 == len(self.text):
                    raise self.fail("a '\\' with nothing after it", "\\ before a character")
                literal.append(self.text[self.pos + 1])
                self.pos += 2
            elif ch == "{":
                flush()
                self.pos += 1
                nodes.append(_Choice(tuple(self.sequence(depth + 1))))
            elif ch == "}":
                if depth == 0:
                    raise self.fail("'}' without '{'", "balanced { and }")
                self.pos += 1
                flush()
                options.append(tuple(nodes))
                return options
            elif ch == "|":
                if depth == 0:
                    raise self.fail("'|' outside {...}", "{a|b} (or \\| for a bar)")
                flush()
                options.append(tuple(nodes))
                nodes = []
                self.pos += 1
            elif ch == "<" and (match := _NAME.match(self.text, self.pos)):
                flush()
                nodes.append(_Ref(match.group(1)))
                self.pos = match.end()
            else:
                literal.append(ch)
                self.pos += 1
        if depth > 0:
            raise self.fail("'{' without '}'", "balanced { and }")
        flush()
        options.append(tuple(nodes))
        return options


def _expand_nodes(
    nodes: Sequence[_Node], lists: Mapping[str, Sequence[str]], where: str
) -> list[str]:
    parts: list[list[str]] = []
    for node in nodes:
        if isinstance(node, str):
            parts.append([node])
        elif isinstance(node, _Ref):
            if node.name not in lists:
                known = ", ".join(sorted(lists)) or "none"
                raise TemplateError(
                    f"{where}: no word list <{node.name}>; known lists: {known}",
                    expected="a list from the manifest or an earlier '@name = a | b' line",
                    found=f"<{node.name}>",
                    where=where,
                    candidates=sorted(lists),
                )
            parts.append(list(lists[node.name]))
        else:
            parts.append(
                [text for option in node.options for text in _expand_nodes(option, lists, where)]
            )
    return ["".join(combination) for combination in itertools.product(*parts)]


def expand(
    template: str, lists: Mapping[str, Sequence[str]] | None = None, where: str = "<template>"
) -> list[str]:
    """Every example one template line stands for, in order.

    Raises:
        TemplateError: For unbalanced braces, a stray ``|``, an unknown ``<list>`` or an
            expansion longer than :data:`MAX_EXPANSION`.
    """
    (nodes,) = _Parser(template, where).sequence(0)
    texts = _expand_nodes(nodes, lists or {}, where)
    if len(texts) > MAX_EXPANSION:
        raise TemplateError(
            f"{where}: {template!r} expands to {len(texts)} examples, more than "
            f"{MAX_EXPANSION}; split it",
            expected=f"at most {MAX_EXPANSION} examples per line",
            found=str(len(texts)),
            where=where,
        )
    return texts


def expand_file(
    source: str, intent: str, lists: Mapping[str, Sequence[str]], where: str
) -> list[str]:
    """The examples of one intent's template file, checked as training examples.

    Raises:
        TemplateError: For a malformed line or list definition (with the line number).
        DatasetError: For an expanded example that is not a valid ``[words](slot)`` example.
    """
    local: dict[str, tuple[str, ...]] = {}
    examples: list[str] = []
    for number, raw in enumerate(source.splitlines(), 1):
        line = raw.strip()
        here = f"{where}:{number}"
        if not line or line.startswith("#"):
            continue
        definition = _LIST_LINE.fullmatch(line)
        if definition:
            name = definition.group(1)
            if name in lists or name in local:
                raise TemplateError(
                    f"{here}: the word list <{name}> is already defined",
                    expected="a new list name",
                    found=name,
                    where=here,
                )
            words = _split_words(definition.group(2))
            if not all(words):
                raise TemplateError(
                    f"{here}: empty word in the list <{name}>",
                    expected="@name = word | word",
                    found=line,
                    where=here,
                )
            local[name] = words
            continue
        if line.startswith("@"):
            raise TemplateError(
                f"{here}: {line!r} is no list definition; expected '@name = a | b' "
                "(or '\\@' for a literal '@')",
                expected="@name = a | b",
                found=line,
                where=here,
            )
        for text in expand(line, {**lists, **local}, here):
            parse_example(text, intent, here)
            examples.append(text)
    return examples


def _split_words(text: str) -> tuple[str, ...]:
    words: list[str] = []
    current: list[str] = []
    chars = iter(text)
    for ch in chars:
        if ch == "\\":
            current.append(next(chars, ""))
        elif ch == "|":
            words.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    words.append("".join(current).strip())
    return tuple(words)


# --- the YAML files --------------------------------------------------------------------------


@dataclass(frozen=True)
class DataFile:
    """One generated training file: its header comment and its intents in order.

    Attributes:
        name: The file name (``intents.yaml``).
        header: The comment lines at its top, without the ``# `` marks.
        intents: ``(intent, description, examples)`` in file order.
    """

    name: str
    header: tuple[str, ...]
    intents: tuple[tuple[str, str, tuple[str, ...]], ...]


def _scalar(text: str) -> str:
    """A YAML scalar: plain when it reads back as the same string, else double-quoted."""
    quote = (
        not text
        or text != text.strip()
        or text[0] in _PLAIN_STARTS
        or text.endswith(":")
        or ": " in text
        or "#" in text
        or not text.isprintable()
        or _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) != "tag:yaml.org,2002:str"
    )
    return json.dumps(text, ensure_ascii=False) if quote else text


def render(data: DataFile) -> str:
    """The YAML text of a training file (the layout :func:`load_dataset` reads)."""
    lines = [f"# {line}".rstrip() for line in data.header]
    lines += ["version: 1", "intents:"]
    for intent, description, examples in data.intents:
        lines += [f"  {intent}:", f"    description: {_scalar(description)}", "    examples:"]
        lines += [f"      - {_scalar(example)}" for example in examples]
    return "\n".join(lines) + "\n"


def default_source_dir() -> Path:
    """The template sources shipped in the package (``nlsheet/nlu/data/src``)."""
    return Path(str(resources.files("nlsheet.nlu") / "data" / "src"))


def _manifest_error(path: Path, what: str, found: object) -> TemplateError:
    return TemplateError(
        f"{path}: {what}",
        expected="lists: {name: [words]}, files: {NAME.yaml: {header, intents: {name: text}}}",
        found=repr(found)[:80],
        where=str(path),
    )


def load_sources(source_dir: Path | None = None) -> list[DataFile]:
    """Read the manifest and expand every intent's template file.

    Raises:
        TemplateError: For a malformed manifest, a missing template file or a bad line.
    """
    folder = source_dir or default_source_dir()
    manifest_path = folder / "manifest.yaml"
    try:
        manifest: Any = yaml.safe_load(manifest_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise _manifest_error(manifest_path, f"cannot read the manifest ({exc})", exc) from exc
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise _manifest_error(manifest_path, "expected a mapping with 'files'", manifest)
    raw_lists = manifest.get("lists") or {}
    if not isinstance(raw_lists, dict) or not all(
        isinstance(v, list) and all(isinstance(w, str) and w for w in v) for v in raw_lists.values()
    ):
        raise _manifest_error(manifest_path, "'lists' must map names to lists of words", raw_lists)
    lists = {str(k): tuple(v) for k, v in raw_lists.items()}
    files: list[DataFile] = []
    for name, spec in manifest["files"].items():
        if (
            not isinstance(spec, dict)
            or not isinstance(spec.get("intents"), dict)
            or not isinstance(spec.get("header", ""), str)
        ):
            raise _manifest_error(manifest_path, f"{name}: expected header and intents", spec)
        intents = []
        for intent, description in spec["intents"].items():
            path = folder / Path(str(name)).stem / f"{intent}.txt"
            try:
                source = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise TemplateError(
                    f"{path}: cannot read the templates of {intent!r} in {name} "
                    f"({exc.strerror or exc})",
                    expected="a template file per intent of the manifest",
                    found=str(exc),
                    where=str(path),
                ) from exc
            examples = expand_file(source, str(intent), lists, str(path))
            intents.append((str(intent), str(description), tuple(examples)))
        header = tuple(str(spec.get("header", "")).splitlines())
        files.append(DataFile(str(name), header, tuple(intents)))
    return files


def generate(source_dir: Path | None = None) -> dict[str, str]:
    """The text of every training file the sources make, by file name."""
    return {data.name: render(data) for data in load_sources(source_dir)}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """``python -m nlsheet.nlu.templates [--check] [--src DIR] [--out DIR]``.

    Writes the generated files (default: beside the sources), or with ``--check`` writes
    nothing and returns 1 when a committed file differs from what the sources make.
    """
    parser = argparse.ArgumentParser(
        prog="python -m nlsheet.nlu.templates",
        description="Generate the training YAML from its template sources.",
    )
    parser.add_argument("--check", action="store_true", help="fail if a file is out of date")
    parser.add_argument("--src", type=Path, help="the template folder (default: the package's)")
    parser.add_argument("--out", type=Path, help="where the YAML goes (default: beside --src)")
    args = parser.parse_args(argv)
    stream = out or sys.stdout
    source_dir = args.src or default_source_dir()
    target = args.out or source_dir.parent
    stale: list[str] = []
    for name, text in generate(source_dir).items():
        path = target / name
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            continue
        if args.check:
            stale.append(f"{path}: {_first_difference(current, text)}")
        else:
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {path} ({text.count(chr(10))} lines)", file=stream)
    for line in stale:
        print(f"out of date: {line}", file=stream)
    if stale:
        print("regenerate with: python -m nlsheet.nlu.templates", file=stream)
    return 1 if stale else 0


def _first_difference(current: str | None, wanted: str) -> str:
    if current is None:
        return "missing"
    for number, (have, want) in enumerate(
        itertools.zip_longest(current.splitlines(), wanted.splitlines()), 1
    ):
        if have != want:
            return f"line {number} is {have!r}, the sources make {want!r}"
    return "differs in line endings"


if __name__ == "__main__":
    raise SystemExit(main())
