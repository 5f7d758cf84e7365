"""Drafts kept by article text and drafting configuration, so an unchanged article is never parsed twice.

A draft (the article's `ClaimsFile` before cross-document matching, which depends on
the corpus) is stored as JSON under a folder, named by a digest of the article's text,
its title and publication date, the registry, and the drafting configuration: the
crosscheck version, the lexicon, and the parsing pipeline's name and recorded hashes.
Changing any of them misses the cache; a damaged entry is drafted again.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from pydantic import ValidationError

from crosscheck.code_stamp import PACKAGE, file_stamps
from crosscheck.extract.nlp import PIPELINE_HASHES, configured_pipeline
from crosscheck.model.claims import ClaimsFile
from crosscheck.model.registry import Registry

DRAFT_FORMAT = "1"
"""Bumped when what a draft holds changes without the package version changing."""


@cache
def _lexicon_text() -> str:
    return resources.files("crosscheck.text").joinpath("lexicon.yaml").read_text(encoding="utf-8")


@cache
def _drafting_code() -> str:
    """What identifies the drafting code: each source file of the packages drafting runs (extract, model, text).

    The package version alone is not enough: an install from a newer commit keeps the version number, and its
    drafts must not be the old code's.  Names, sizes and modification times, as the report cache stamps code.
    """
    return "\n".join(file_stamps(path for package in ("extract", "model", "text")
                                 for path in sorted((PACKAGE / package).glob("*")) if path.suffix in (".py", ".yaml")))


def configuration_digest(registry: Registry | None = None) -> str:
    """A digest of everything besides the article that decides its draft."""
    name = configured_pipeline()
    try:
        version = metadata.version("crosscheck-news")
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree without metadata
        version = "source"
    parts = [DRAFT_FORMAT, version, _drafting_code(), _lexicon_text(), name,
             repr(sorted(PIPELINE_HASHES.get(name, {}).items())), registry.model_dump_json() if registry is not None else ""]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


class DraftCache:
    """Drafted claims files in `folder`, one JSON file per (article, configuration)."""

    def __init__(self, folder: str | os.PathLike[str], registry: Registry | None = None):
        self.folder = Path(folder)
        self.configuration = configuration_digest(registry)
        self.hits = 0
        self.misses = 0

    def _path(self, text: str, name: str, title: str | None, published: str | None) -> Path:
        key = "\0".join([self.configuration, name, title or "", published or "", text])
        return self.folder / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()}.json"

    def get(self, text: str, name: str, title: str | None = None, published: str | None = None) -> ClaimsFile | None:
        """The stored draft of this article under this configuration, or None."""
        try:
            drafted = ClaimsFile.model_validate_json(self._path(text, name, title, published).read_bytes())
        except (OSError, ValueError, ValidationError):
            self.misses += 1
            return None
        self.hits += 1
        return drafted

    def put(self, text: str, name: str, drafted: ClaimsFile, title: str | None = None,
            published: str | None = None) -> None:
        """Store a draft; a folder that cannot be written only costs the next run a parse."""
        path = self._path(text, name, title, published)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(drafted.model_dump_json(by_alias=True, exclude_none=True), encoding="utf-8")
            os.replace(partial, path)
        except OSError:
            return
