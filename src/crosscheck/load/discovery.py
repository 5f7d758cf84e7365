"""Discovery: which claims files, bare articles and registry a set of command-line paths names.

Also `display_path`, the one way a path is shown in reports and messages.
"""

from __future__ import annotations

import functools
import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

CLAIMS_SUFFIXES = (".claims.yaml", ".claims.yml")
REGISTRY_NAMES = ("registry.yaml", "registry.yml")
ARTICLE_SUFFIXES = (".txt",)
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
    outside: list[Path] = field(default_factory=list)
    """Files met in a folder walk that are symlinks to somewhere outside that folder: never read."""
    undecodable: list[Path] = field(default_factory=list)
    """Claims files and articles whose names are not valid UTF-8: no report could name them, so they are refused."""


def _decodable(name: str) -> bool:
    """False for a name holding bytes that are not UTF-8 (Python keeps them as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown_name(path: Path) -> str:
    """A path for a message even when its name is not UTF-8: such bytes as \\xff escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _is(path: Path, kind: Callable[[int], bool]) -> bool:
    """Whether `path` (followed) is of `kind`; False for any failure, a name too long or with a NUL byte included."""
    try:
        return kind(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _unreadable(path: Path) -> bool:
    """True when `path` cannot even be looked at (a name too long, a loop, no permission), as opposed to missing."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except (OSError, ValueError):
        return True
    return not _is(path, stat.S_ISDIR)  # a pipe or a device: reading it names what it is


def real_path(path: str | Path) -> Path:
    """`path` absolute with every symlink resolved; a symlink loop stays as it is (reading it then names the problem).

    `Path.resolve()` raises RuntimeError on a loop; `os.path.realpath` does not.
    """
    return Path(os.path.realpath(path))


def is_claims_file(path: Path) -> bool:
    return path.name.endswith(CLAIMS_SUFFIXES)


def claims_path_for(article: Path) -> Path | None:
    """The claims file that annotates an article by naming convention, if it exists."""
    for suffix in CLAIMS_SUFFIXES:
        candidate = article.with_name(article.stem + suffix)
        if _is(candidate, stat.S_ISREG):
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
                yield current, entry.name, True  # a symlink loop: reading it names the problem
        pending.extend(reversed(folders))  # depth first, in name order


def _find_registry(root: Path) -> Path | None:
    """The nearest registry file in `root` or, while inside the working directory, its parents."""
    cwd = real_path(Path.cwd())
    folder = real_path(root)
    while True:
        for name in REGISTRY_NAMES:
            if _is(folder / name, stat.S_ISREG):
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
            folder = folders[parent] = str(real_path(parent or "."))
        return folder

    def resolve(path: str | Path) -> str:
        """`str(Path(path).resolve())` for a file, resolving each folder once (a corpus has thousands of files per folder)."""
        text = os.fspath(path)
        link = links.get(text)
        if link or (link is None and os.path.islink(text)):
            return str(real_path(text))
        parent, name = os.path.split(text)
        return os.path.join(resolved_folder(parent), name)

    def add_claims(path: Path, root: Path, key: str) -> None:
        if key not in seen:
            seen.add(key)
            found.claims_files.append(path)
            found.roots[path] = root

    given = [Path(raw) for raw in paths]
    corpus_folders = [str(real_path(path)) for path in given if _is(path, stat.S_ISDIR)]
    """A symlink met in a walk may point anywhere inside the folders given, nowhere else."""
    for path in given:
        if not _decodable(str(path)):
            found.undecodable.append(path)
        elif _is(path, stat.S_ISDIR):
            for folder, name, link in _walk(path):
                is_claims = name.endswith(CLAIMS_SUFFIXES)
                if not is_claims and (not name.endswith(ARTICLE_SUFFIXES) or name in ARTICLE_SUFFIXES):  # "x.txt", as Path.suffix reads it
                    continue
                file = folder / name
                if not _decodable(str(file)):
                    found.undecodable.append(file)
                    continue
                links[str(file)] = link
                key = resolve(file)
                if link and not any(_inside(key, folder) for folder in corpus_folders):
                    found.outside.append(file)  # the outside-corpus rule holds for every file read
                    continue
                if is_claims:
                    add_claims(file, path, key)
                else:
                    bare_articles.append((file, key))
            found.registry = found.registry or _find_registry(path)
        elif _is(path, stat.S_ISREG) or _unreadable(path):  # a file reading will name the problem of
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


def _inside(resolved: str, folder: str) -> bool:
    return resolved == folder or resolved.startswith(folder.rstrip(os.sep) + os.sep)


@functools.lru_cache(maxsize=8)
def _resolved_cwd(cwd: str) -> Path:
    return real_path(cwd)


def display_path(path: Path, resolved: bool = False) -> str:
    """A path as reports show it: relative to the working directory when inside it, posix style.

    `resolved=True` says `path` is already absolute with symlinks resolved (saves the syscalls).
    """
    real = path if resolved else real_path(path)
    try:
        return real.relative_to(_resolved_cwd(os.getcwd())).as_posix()
    except ValueError:
        return real.as_posix()
