"""`--changed FILE...` and `--since GIT_REF`: report only the findings that involve the changed articles.

The changed files name documents by their article or claims file; a changed article
outside the checked paths is loaded too, so a new article is compared with the corpus.
A changed file that every finding depends on (the registry, a rule folder, the config
file) makes every document count as changed: a branch that drops an alias or loosens a
rule answers for every finding that change can make or hide.  `--since REF` diffs against
the merge base of REF and HEAD, so a branch is not blamed for what REF gained meanwhile.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from crosscheck.errors import CrosscheckError, Diagnostic
from crosscheck.gate import Placed, with_findings

if TYPE_CHECKING:
    from crosscheck.model.report import Report


def changed_files(changed: Sequence[str | Path] | None, since: str | None, cwd: Path | None = None) -> list[Path] | None:
    """The files named by `--changed` and those changed since the git ref `since`; None when neither was given.

    A file named by `--changed` must exist (a typo would otherwise pass every check): else a usage error.
    """
    if changed is None and since is None:
        return None
    files = [Path(p) for p in changed or []]
    missing = [p for p in files if not p.exists()]
    if missing:
        raise CrosscheckError([
            Diagnostic(p.as_posix(), 1, 1, "changed-missing",
                       "--changed names a file that does not exist (expected an article or claims file)")
            for p in missing
        ])
    if since is not None:
        files += git_changed_files(since, cwd)
    return files


def paths_to_load(paths: Sequence[str], changed: Iterable[Path]) -> list[str]:
    """`paths`, plus each changed article or claims file that none of them covers (it must be loaded to compare)."""
    roots = [Path(p).resolve() for p in paths]
    extra = [str(p) for p in changed if p.exists() and p.name.endswith((".txt", ".claims.yaml")) and not _covered(p, roots)]
    return [*paths, *extra]


def _covered(path: Path, roots: list[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved == root or root in resolved.parents for root in roots)


def touches_shared(changed: Iterable[str | Path], files: Iterable[str | Path | None], folders: Iterable[str | Path]) -> bool:
    """Whether a changed file is one of the shared `files` (registry, config) or lies in one of `folders` (rules)."""
    shared = {Path(f).resolve() for f in files if f is not None}
    roots = [Path(f).resolve() for f in folders]
    return any(Path(p).resolve() in shared or _covered(Path(p), roots) for p in changed)


def changed_documents(documents: Iterable[Placed], changed: Iterable[str | Path]) -> frozenset[str]:
    """Ids of the documents whose article or claims file is among `changed` (other files are ignored)."""
    wanted = {Path(p).resolve() for p in changed}
    resolve = _resolver()
    ids = set()
    for document in documents:
        files = {resolve(document.article_path)}
        if document.claims_path is not None:
            files.add(resolve(document.claims_path))
        if files & wanted:
            ids.add(document.id)
    return frozenset(ids)


def _resolver() -> Callable[[Path], Path]:
    """`Path.resolve`, each folder resolved once: the documents of a check share a few folders (an archive's
    hundreds of documents, one or two), and resolving a path costs a `lstat` of every component of it.

    realpath(folder/name) is realpath(folder)/name when `name` is no symlink (or is missing); a symlink
    is resolved whole, as before."""
    folders: dict[Path, Path] = {}

    def resolve(path: Path) -> Path:
        name = path.name
        if name in ("", ".", ".."):
            return path.resolve()
        folder = folders.get(path.parent)
        if folder is None:
            folder = folders[path.parent] = path.parent.resolve()
        joined = folder / name
        try:
            if stat.S_ISLNK(os.lstat(joined).st_mode):
                return joined.resolve()
        except (OSError, ValueError):  # missing or unreadable: realpath keeps the name as it is
            pass
        return joined

    return resolve


def only_changed(report: Report, documents: frozenset[str]) -> Report:
    """Keep only findings with a claim in one of `documents`; counts follow, waived stays."""
    kept = [f for f in report.findings if any(c.document in documents for c in f.claims)]
    return with_findings(report, kept)


def git_changed_files(since: str, cwd: Path | None = None) -> list[Path]:
    """Files changed since the merge base of `since` and HEAD (committed or not, deleted ones too), plus untracked ones.

    `since` reaches git as data only: a value that starts with "-" is refused, and git is told
    where its options end; the diff runs against the commit id the ref resolves to.
    """
    import subprocess  # only --since needs it: not at start-up of every check

    if not since or since.startswith("-"):
        raise CrosscheckError(Diagnostic("crosscheck", 1, 1, "usage",
                                         f"--since: expected a git ref (a branch, tag or commit), found {since!r}"))

    def git(*args: str) -> str:
        try:
            done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
        except FileNotFoundError:
            raise CrosscheckError(Diagnostic("crosscheck", 1, 1, "usage", "--since needs git, which is not installed")) from None
        if done.returncode != 0:
            detail = (done.stderr.strip().splitlines() or ["git failed"])[-1]
            raise CrosscheckError(Diagnostic("crosscheck", 1, 1, "usage", f"--since {since}: {detail}"))
        return done.stdout

    top = Path(git("rev-parse", "--show-toplevel").strip())
    ref = git("rev-parse", "--verify", "--end-of-options", f"{since}^{{commit}}").strip()
    base = git("merge-base", ref, "HEAD").strip()
    names = git("diff", "--name-only", "--no-renames", base, "--").splitlines()
    untracked = git("ls-files", "--others", "--exclude-standard", "--full-name").splitlines()
    return sorted({top / n for n in names if n} | {top / n for n in untracked if n and (top / n).is_file()})
