"""`--changed FILE...` and `--since GIT_REF`: report only the findings that involve the changed articles.

The changed files name documents by their article or claims file; a changed article
outside the checked paths is loaded too, so a new article is compared with the corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from crosscheck.errors import CrosscheckError, Diagnostic
from crosscheck.gate import Placed, with_findings

if TYPE_CHECKING:
    from crosscheck.model.report import Report


def changed_files(changed: Sequence[str | Path] | None, since: str | None, cwd: Path | None = None) -> list[Path] | None:
    """The files named by `--changed` and those changed since the git ref `since`; None when neither was given."""
    if changed is None and since is None:
        return None
    files = [Path(p) for p in changed or []]
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


def changed_documents(documents: Iterable[Placed], changed: Iterable[str | Path]) -> frozenset[str]:
    """Ids of the documents whose article or claims file is among `changed` (other files are ignored)."""
    wanted = {Path(p).resolve() for p in changed}
    ids = set()
    for document in documents:
        files = {document.article_path.resolve()}
        if document.claims_path is not None:
            files.add(document.claims_path.resolve())
        if files & wanted:
            ids.add(document.id)
    return frozenset(ids)


def only_changed(report: Report, documents: frozenset[str]) -> Report:
    """Keep only findings with a claim in one of `documents`; counts follow, waived stays."""
    kept = [f for f in report.findings if any(c.document in documents for c in f.claims)]
    return with_findings(report, kept)


def git_changed_files(since: str, cwd: Path | None = None) -> list[Path]:
    """Files changed since `since` (committed or not, plus untracked ones), as existing paths."""
    import subprocess  # only --since needs it: not at start-up of every check

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
    names = git("diff", "--name-only", "--diff-filter=ACMR", "--end-of-options", since, "--").splitlines()  # a ref, never an option
    names += git("ls-files", "--others", "--exclude-standard", "--full-name").splitlines()
    return sorted({top / n for n in names if n and (top / n).is_file()})
