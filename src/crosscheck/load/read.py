"""Read articles, claims files and the registry; turn every problem into a located Diagnostic.

The fast path parses with libyaml and validates with pydantic's compiled core.
Positions are only computed for files that have something to report: a
failing file is re-parsed with ruamel.yaml, which keeps line and column for
every node, to place each error.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from crosscheck.errors import Diagnostic, did_you_mean, json_path
from crosscheck.model.registry import Registry
from crosscheck.model.values import VALUE_KINDS

try:  # libyaml is an order of magnitude faster; fall back to pure Python where it is missing
    _SafeLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _SafeLoader = yaml.SafeLoader



class _DuplicateKey(yaml.MarkedYAMLError):
    """A mapping names the same key twice: YAML loaders keep the last one and lose the first silently."""


class _UniqueKeyLoader(_SafeLoader):  # type: ignore[misc,valid-type]  # a subclass of whichever loader the build has
    """The safe loader, refusing a mapping that repeats a key (ryaml refuses those too, so both paths agree)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)
        first: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (str, int, float, bool)) or key is None:
                if key in first:
                    line = first[key].start_mark.line + 1
                    raise _DuplicateKey(problem=f"duplicate key {key!r} (first given on line {line}; a YAML reader keeps only the last)",
                                        problem_mark=key_node.start_mark)
                first[key] = key_node
        return super().construct_mapping(node, deep=deep)


try:  # a Rust YAML parser, 4-5x faster than libyaml; used only where it provably agrees with it
    import ryaml as _ryaml
except ImportError:  # pragma: no cover - optional speed-up
    _ryaml = None

# ryaml follows YAML 1.2, libyaml (through PyYAML) YAML 1.1: they read a few plain scalars
# differently (yes/no/on/off, 012, 0o12, 1_000, 1:20, 1e3, timestamps) and ryaml expands anchors.
# So ryaml's result is used only when it provably equals libyaml's: no anchor, alias or tag
# marks in the text, no string that libyaml's own resolvers would read as something else had it
# been plain, and no number written in a form only YAML 1.2 knows.  Anything else, and any text
# ryaml rejects, goes to libyaml, whose results and messages count (tests/test_fast_yaml.py).
_ALWAYS_SLOW = re.compile(r"<<|[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]|\\[/\x20\t]")
_MARKS = re.compile(r"[&*!%@`|>?]")
_BEFORE_MARK = frozenset(" \t\r\n[]{},:")
_YAML12_FLOAT = re.compile(r"[eE][-+]?[0-9]|[-+]\.[0-9]")
_RETYPING = {  # libyaml's own implicit resolvers for every type but str, one combined pattern
    tag: rx.pattern for pairs in yaml.resolver.Resolver.yaml_implicit_resolvers.values() for tag, rx in pairs
    if tag != "tag:yaml.org,2002:str"
}
_RETYPED = re.compile("|".join(f"(?:{pattern})" for pattern in _RETYPING.values()), re.VERBOSE)
_RETYPED_FIRST = frozenset(c for c in yaml.resolver.Resolver.yaml_implicit_resolvers if c)
_PLAIN_BEFORE = frozenset(":-[{,?")
_DATE_FIELDS = frozenset({"date", "end", "as_of", "start", "published"})
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_MISS = object()


def _has_marks(text: str) -> bool:
    """True when the text may hold an anchor, alias, tag, directive or block scalar."""
    for match in _MARKS.finditer(text):
        at = match.start()
        if at == 0 or text[at - 1] in _BEFORE_MARK:
            return True
    return False


def _maybe_plain(value: str, key: object, text: str) -> bool:
    """True unless `value` (one word) never stands in the text where a plain scalar could.

    For a mapping value the search is for `key: value`, so a quoted `text: "2024"` stays fast
    even when a plain `as_of: 2024` is elsewhere in the file.
    """
    if " " in value or "\n" in value:
        return True  # a plain scalar may be folded over lines: assume the worst
    word = re.escape(value)
    keyed = isinstance(key, str)
    head = rf"{re.escape(key)}[ ]*:\s+" if keyed else ""
    pattern = rf"{head}{word}[ ]*(?:$|[,\]}}#]|:(?:\s|$))"
    # the pattern starts with a literal (fast to search); what precedes a hit is checked here
    for match in re.finditer(pattern, text, re.MULTILINE):
        at = match.start()
        before = text[max(0, at - 80) : at].rstrip(" ")
        if not before or before[-1] == "\n" or (before[-1] in " {," if keyed else before[-1] in _PLAIN_BEFORE):
            return True
    return False


def _reads_the_same(data: Any, text: str) -> bool:
    """True when libyaml would build exactly `data` (ryaml's reading) from `text`.

    Runs on every parsed file, so a mapping's scalar values are checked in place; only
    containers go on the stack.
    """
    has_int = has_float = False
    first, retyped = _RETYPED_FIRST, _RETYPED.match
    stack: list[tuple[Any, Any]] = [(data, None)]
    while stack:
        item, key = stack.pop()
        kind = type(item)
        if kind is dict:
            for k, v in item.items():
                if type(k) is not str or (k and k[0] in first and retyped(k)):
                    stack.append((k, None))  # checked in full below
                value_kind = type(v)
                if value_kind is str:
                    if v and v[0] in first and retyped(v):
                        stack.append((v, k))
                elif value_kind is dict or value_kind is list:
                    stack.append((v, k))
                elif value_kind is int:
                    has_int = True
                elif value_kind is float:
                    has_float = True
        elif kind is str:
            if item and item[0] in first and retyped(item):
                # a string libyaml would read as another type if it were plain.  Fine when it is
                # only ever quoted in the text ("on"), or a day under a date field: libyaml's
                # date and ryaml's string validate to the same value
                if not (key in _DATE_FIELDS and _ISO_DAY.fullmatch(item)) and _maybe_plain(item, key, text):
                    return False
        elif kind is list:
            stack.extend((v, None) for v in item)
        elif kind is int:
            has_int = True
        elif kind is float:
            has_float = True
    if has_int and "0o" in text:
        return False
    if has_float:  # 1e3, 1.0e3 and +.5 are floats in YAML 1.2 only
        for match in _YAML12_FLOAT.finditer(text):
            at = match.start()
            if match.group()[0] in "+-" or (at and text[at - 1] in "0123456789."):
                return False
    return True


def _parse_fast(text: str) -> Any:
    """Parse with ryaml where it provably agrees with libyaml; else `_MISS`."""
    if _ryaml is None or _ALWAYS_SLOW.search(text) or _has_marks(text):
        return _MISS
    try:
        data = _ryaml.loads(text)
    except Exception:
        return _MISS
    return data if _reads_the_same(data, text) else _MISS


CLAIMS_SUFFIXES = (".claims.yaml", ".claims.yml")
REGISTRY_NAMES = ("registry.yaml", "registry.yml")
ARTICLE_SUFFIXES = (".txt",)
MAX_FILE_BYTES = 20 * 1024 * 1024
"""Largest article, claims or rule file read: anything bigger is not one article's annotation."""
MAX_REGISTRY_BYTES = 512 * 1024 * 1024
"""Largest registry read: it names every entity of the corpus, so it grows with the archive."""
_SKIP_DIRS = {".git", ".crosscheck", ".venv", "venv", "node_modules", "__pycache__"}


@dataclass(slots=True)
class Sources:
    """What a set of command-line paths names: claims files, bare articles, the registry."""

    claims_files: list[Path] = field(default_factory=list)
    articles_without_claims: list[Path] = field(default_factory=list)
    registry: Path | None = None
    roots: dict[Path, Path] = field(default_factory=dict)
    """Corpus folder of each claims file: articles must stay inside it."""
    missing: list[Path] = field(default_factory=list)
    """Paths given on the command line that do not exist."""


def is_claims_file(path: Path) -> bool:
    return path.name.endswith(CLAIMS_SUFFIXES)


def claims_path_for(article: Path) -> Path | None:
    """The claims file that annotates an article by naming convention, if it exists."""
    for suffix in CLAIMS_SUFFIXES:
        candidate = article.with_name(article.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def _walk(folder: Path) -> Iterable[tuple[Path, str, bool]]:
    """(folder, file name, is a symlink) of every file under `folder`, in sorted order, skipping tool and hidden folders.

    One `scandir` per folder: the symlink flag comes with the entry, so nothing is stat'ed twice.
    """
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue  # as os.walk: an unreadable folder is skipped
        folders = []
        for entry in entries:
            try:
                if entry.is_dir():  # follows symlinks, as os.walk lists them (without descending into them)
                    if entry.name not in _SKIP_DIRS and not entry.name.startswith(".") and not entry.is_symlink():
                        folders.append(current / entry.name)
                    continue
                yield current, entry.name, entry.is_symlink()  # a broken link too: reading it names the problem
            except OSError:
                continue
        pending.extend(reversed(folders))  # depth first, in name order


def _find_registry(root: Path) -> Path | None:
    """The nearest registry file in `root` or, while inside the working directory, its parents."""
    cwd = Path.cwd().resolve()
    folder = root.resolve()
    while True:
        for name in REGISTRY_NAMES:
            if (folder / name).is_file():
                return folder / name
        if folder == cwd or cwd not in folder.parents:
            return None
        folder = folder.parent


def discover(paths: Iterable[str | Path], registry: str | Path | None = None) -> Sources:
    """Expand command-line paths (files or folders) into the sources of a run."""
    found = Sources()
    seen: set[str] = set()
    referenced_articles: set[str] = set()
    bare_articles: list[tuple[Path, str]] = []
    folders: dict[str, str] = {}
    links: dict[str, bool] = {}
    """Whether each file met in a folder walk is a symlink: spares an lstat when it is resolved."""

    def resolved_folder(parent: str) -> str:
        folder = folders.get(parent)
        if folder is None:
            folder = folders[parent] = str(Path(parent or ".").resolve())
        return folder

    def resolve(path: str | Path) -> str:
        """`str(Path(path).resolve())` for a file, resolving each folder once (a corpus has thousands of files per folder)."""
        text = os.fspath(path)
        link = links.get(text)
        if link or (link is None and os.path.islink(text)):
            return str(Path(text).resolve())
        parent, name = os.path.split(text)
        return os.path.join(resolved_folder(parent), name)

    def add_claims(path: Path, root: Path, key: str) -> None:
        if key not in seen:
            seen.add(key)
            found.claims_files.append(path)
            found.roots[path] = root

    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for folder, name, link in _walk(path):
                is_claims = name.endswith(CLAIMS_SUFFIXES)
                if not is_claims and (not name.endswith(ARTICLE_SUFFIXES) or name in ARTICLE_SUFFIXES):  # "x.txt", as Path.suffix reads it
                    continue
                file = folder / name
                links[str(file)] = link
                key = resolve(file)
                if is_claims:
                    add_claims(file, path, key)
                else:
                    bare_articles.append((file, key))
            found.registry = found.registry or _find_registry(path)
        elif path.is_file():
            if is_claims_file(path):
                add_claims(path, path.parent, resolve(path))
            else:
                claims = claims_path_for(path)
                if claims is not None:
                    add_claims(claims, path.parent, resolve(claims))
                else:
                    bare_articles.append((path, resolve(path)))
            found.registry = found.registry or _find_registry(path.parent)
        else:
            found.missing.append(path)

    for claims in found.claims_files:
        for suffix in CLAIMS_SUFFIXES:
            if claims.name.endswith(suffix):
                referenced_articles.add(resolve(os.path.join(os.path.dirname(claims), claims.name[: -len(suffix)] + ".txt")))
    for article, key in bare_articles:
        if key not in referenced_articles and key not in seen and claims_path_for(article) is None:
            seen.add(key)
            found.articles_without_claims.append(article)
    if registry is not None:
        found.registry = Path(registry)
    return found


@functools.lru_cache(maxsize=8)
def _resolved_cwd(cwd: str) -> Path:
    return Path(cwd).resolve()


def display_path(path: Path, resolved: bool = False) -> str:
    """A path as reports show it: relative to the working directory when inside it, posix style.

    `resolved=True` says `path` is already absolute with symlinks resolved (saves the syscalls).
    """
    real = path if resolved else path.resolve()
    try:
        return real.relative_to(_resolved_cwd(os.getcwd())).as_posix()
    except ValueError:
        return real.as_posix()


# --------------------------------------------------------------------------- reading


def read_text(path: Path, what: str, limit: int | None = None) -> tuple[str | None, list[Diagnostic]]:
    """Read a UTF-8 file of at most `limit` bytes (default `MAX_FILE_BYTES`); a missing, oversized or
    undecodable file is a located diagnostic."""
    shown = display_path(path)
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        size = path.stat().st_size
        if size > limit:
            return None, [Diagnostic(shown, 1, 1, "file-too-large", f"{what} is {size} bytes (expected at most {limit})")]
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Diagnostic(shown, 1, 1, "file-missing", f"{what} not found (expected a readable file)")]
    except IsADirectoryError:
        return None, [Diagnostic(shown, 1, 1, "file-missing", f"{what} is a folder (expected a file)")]
    except OSError as exc:
        return None, [Diagnostic(shown, 1, 1, "file-unreadable", f"cannot read {what}: {exc.strerror}")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = data[: exc.start]
        line = head.count(b"\n") + 1
        column = len(head[head.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, [
            Diagnostic(shown, line, column, "encoding", f"{what} is not valid UTF-8 (expected UTF-8, found byte 0x{data[exc.start]:02x})")
        ]
    return text.removeprefix("\ufeff"), []


def _has_shared_containers(data: Any) -> bool:
    """True when a container appears twice: the trace of a YAML alias (and of an alias bomb)."""
    seen: set[int] = set()
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, (dict, list)):
            if id(item) in seen:
                return True
            seen.add(id(item))
            stack.extend(item.values() if isinstance(item, dict) else item)
    return False


def _first_alias_mark(text: str) -> tuple[int, int]:
    try:
        for event in yaml.parse(text, Loader=_SafeLoader):
            if isinstance(event, (yaml.AliasEvent,)) or getattr(event, "anchor", None):
                return event.start_mark.line + 1, event.start_mark.column + 1
    except yaml.YAMLError:  # pragma: no cover - the text parsed once already
        pass
    return 1, 1


def parse_yaml(text: str, path: Path, what: str) -> tuple[Any, list[Diagnostic]]:
    """Parse YAML safely: syntax errors and aliases become diagnostics; an empty file is one too."""
    data = _parse_fast(text)
    if data is not _MISS:
        if data is None:
            return None, [Diagnostic(display_path(path), 1, 1, "empty-file", f"{what} is empty (expected a mapping)")]
        return data, []  # the fast subset has no anchors or aliases
    shown = display_path(path)
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)
    except _DuplicateKey as exc:
        mark = exc.problem_mark
        return None, [Diagnostic(shown, mark.line + 1, mark.column + 1, "duplicate-key", str(exc.problem))]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        context = f" {exc.context}" if exc.context and exc.problem else ""
        return None, [Diagnostic(shown, line, column, "yaml-syntax", f"invalid YAML: {problem}{context}")]
    except yaml.YAMLError as exc:
        return None, [Diagnostic(shown, 1, 1, "yaml-syntax", f"invalid YAML: {' '.join(str(exc).split())}")]
    if data is None:
        return None, [Diagnostic(shown, 1, 1, "empty-file", f"{what} is empty (expected a mapping)")]
    if _has_shared_containers(data):
        line, column = _first_alias_mark(text)
        return None, [
            Diagnostic(shown, line, column, "yaml-alias", f"YAML anchors and aliases are not allowed in a {what} (expected plain values)")
        ]
    return data, []


# --------------------------------------------------------------------------- positions for errors


class Locator:
    """Maps a JSON path in a YAML file to a line and column; parses lazily, only when asked."""

    def __init__(self, text: str):
        self._text = text
        self._root: Any = None
        self._parsed = False

    def _load(self) -> Any:
        if not self._parsed:
            from ruamel.yaml import YAML  # the slow, position-keeping loader: error path only

            self._parsed = True
            try:
                self._root = YAML(typ="rt", pure=True).load(self._text)
            except Exception:
                self._root = None
        return self._root

    def locate(self, loc: Iterable[object]) -> tuple[int, int]:
        """1-based (line, column) of the deepest node of `loc` that exists in the file."""
        node = self._load()
        line, column = 0, 0
        for part in loc:
            if isinstance(node, dict) and part in node:
                lc = node.lc
                is_leaf = not isinstance(node[part], (dict, list))
                line, column = lc.value(part) if is_leaf else lc.key(part)
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                line, column = node.lc.item(part)
                node = node[part]
            elif isinstance(node, dict):
                continue  # a union tag in pydantic's path, or a missing key: stay on the parent
            else:
                break
        return line + 1, column + 1


_FIELD_NAMES: set[str] = set()


def _all_field_names(model: type[BaseModel]) -> set[str]:
    """Every field name of the models reachable from `model`, for "did you mean" on unknown keys."""
    if not _FIELD_NAMES:
        from crosscheck import model as models

        for obj in vars(models).values():
            if isinstance(obj, type) and issubclass(obj, BaseModel):
                for name, info in obj.model_fields.items():
                    _FIELD_NAMES.add(info.alias or name)
    return _FIELD_NAMES


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _message(error: dict, model: type[BaseModel]) -> str:
    kind = error["type"]
    loc = error["loc"]
    field_name = loc[-1] if loc else ""
    if kind == "missing":
        return f"missing required field {field_name!r}"
    if kind == "extra_forbidden":
        hint = did_you_mean(str(field_name), _all_field_names(model))
        return f"unknown field {field_name!r} (expected one of the documented fields{hint})"
    if kind == "union_tag_invalid":
        ctx = error.get("ctx", {})
        tags = re.findall(r"'([^']+)'", str(ctx.get("expected_tags", "")))
        hint = did_you_mean(str(ctx.get("tag")), tags)
        return f"unknown value kind {ctx.get('tag')!r} (expected one of {', '.join(tags)}{hint})"
    if kind == "union_tag_not_found":
        return f"value has no 'kind' (expected one of {', '.join(VALUE_KINDS)})"
    if kind == "literal_error":
        options = re.findall(r"'([^']+)'", str(error.get("ctx", {}).get("expected", "")))
        hint = did_you_mean(str(error.get("input")), options)
        return f"expected one of {', '.join(options)}, found {_describe(error.get('input'))}{hint}"
    if kind == "too_short":
        return f"expected at least {error.get('ctx', {}).get('min_length', 1)} item(s), found {_describe(error.get('input'))} with none"
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern")
        return f"expected text matching {pattern}, found {_describe(error.get('input'))}"
    msg = error["msg"].removeprefix("Value error, ")
    if msg.startswith("Input should be "):
        msg = "expected " + msg.removeprefix("Input should be ")
        return f"{msg}, found {_describe(error.get('input'))}"
    return msg


def validation_diagnostics(exc: ValidationError, path: Path, text: str, model: type[BaseModel]) -> list[Diagnostic]:
    """Turn pydantic's errors into located, one-line diagnostics."""
    locator = Locator(text)
    shown = display_path(path)
    out = []
    for error in exc.errors(include_url=False):
        # pydantic puts the discriminator tag into the path ($.value.quantity.amount); the file has no such key
        raw = error["loc"]
        loc = tuple(p for i, p in enumerate(raw) if not (i and raw[i - 1] == "value" and p in VALUE_KINDS))
        line, column = locator.locate(loc)
        code = "unknown-field" if error["type"] == "extra_forbidden" else "schema"
        if error["type"] == "missing":
            code = "missing-field"
        out.append(Diagnostic(shown, line, column, code, _message(error, model), json_path(loc)))
    return out


def load_model(path: Path, model: type[BaseModel], what: str, limit: int | None = None) -> tuple[BaseModel | None, str | None, list[Diagnostic]]:
    """Read, parse and validate one YAML file (of at most `limit` bytes) as `model`; return the object, its text, and problems."""
    text, problems = read_text(path, what, limit)
    if text is None:
        return None, None, problems
    model_object, problems = validate_text(text, path, model, what)
    return model_object, text, problems


def validate_text(text: str, path: Path, model: type[BaseModel], what: str) -> tuple[BaseModel | None, list[Diagnostic]]:
    """Parse and validate the text of a YAML file as `model`; return the object or the problems."""
    data, problems = parse_yaml(text, path, what)
    if data is None:
        return None, problems
    if not isinstance(data, dict):
        return None, [Diagnostic(display_path(path), 1, 1, "schema", f"{what} must be a mapping (expected a mapping, found {_describe(data)})")]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, validation_diagnostics(exc, path, text, model)


def load_registry(path: Path) -> tuple[Registry | None, str | None, list[Diagnostic]]:
    """Load and validate the registry file; return it, its text, and problems."""
    return load_model(path, Registry, "registry", MAX_REGISTRY_BYTES)  # type: ignore[return-value]
