"""The check pipeline as a library: `run(Options) -> Outcome`, and `check_texts` for texts held in memory.

`run` does everything `crosscheck check` does: settings resolved as the command line
resolves them (options > `CROSSCHECK_*` environment > config file > defaults), the claims
cache and the report cache, drafting of articles without a claims file, the archive of
`against`, the engine, the baseline and the `changed`/`since` filter.  It prints nothing:
each warning goes to `Options.on_warning` as it appears and is kept in `Outcome.warnings`;
a problem with the input raises `CrosscheckError`.  Rendering is the caller's
(`crosscheck.reporters`), and so is the exit status it returns (`Outcome.exit_status`).

    outcome = run(Options(paths=["news/"], fail_on="warning"))
    report = check_texts({"a.txt": text_a, "b.txt": text_b})

About 450 lines, on purpose: every entry point of the pipeline (Options, run, check_texts, and what the
other commands call) is in one place.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crosscheck import config as configuration
from crosscheck import gate
from crosscheck.errors import CrosscheckError, Diagnostic
from crosscheck.reporters import RuleInfo

if TYPE_CHECKING:
    from crosscheck.comparators import Comparator
    from crosscheck.load.corpus import LoadResult
    from crosscheck.load.read import Sources
    from crosscheck.model.corpus import Corpus, Document
    from crosscheck.model.registry import Registry
    from crosscheck.model.report import Report
    from crosscheck.rules import Rule
    from crosscheck.speed.claims_cache import ClaimsCache

Engine = Callable[["Corpus", Sequence["Rule"]], "Report"]
"""What compares a corpus under rules; `crosscheck.speed.check` unless `Options.engine` says otherwise."""

NO_CACHE_VARIABLE = "CROSSCHECK_NO_CACHE"
"""Set to 1 to neither read nor write the claims cache (as `--no-cache`)."""


@dataclass(frozen=True, kw_only=True)
class Options:
    """Every input of a check.  None (or empty) means "not given": the config file or a default decides.

    A dataclass rather than a model: it holds callables (`engine`, `on_warning`), and what it
    says is validated where it is resolved (`config.Settings`, the loaders).
    """

    paths: Sequence[str | os.PathLike[str]] = ()
    """Claims files, articles or corpus folders (default: config `paths`, else ".")."""
    registry: str | os.PathLike[str] | None = None
    """Registry file (default: `registry.yaml` found beside the corpus)."""
    rules: Sequence[str | os.PathLike[str]] = ()
    """Extra rule folders, added to the built-in rules (replacing the configured ones when given)."""
    params: Mapping[str, Mapping[str, Any]] | None = None
    """Rule parameter overrides by rule id, in place of the configured ones: {"CC101": {"nearly": 0.05}}."""
    select: Sequence[str] | None = None
    """Rules to run, by id, id prefix or dotted name, in place of the configured `select` (default: every rule)."""
    ignore: Sequence[str] | None = None
    """Rules not to run, in place of the configured `ignore`."""
    draft: bool = True
    """Draft claims for articles that have no claims file (False: ignore those articles)."""
    cache: str | os.PathLike[str] | None = None
    """Claims cache file (default: `.crosscheck/cache.db` next to the corpus)."""
    use_cache: bool = True
    """False: load every file afresh, neither reading nor writing the cache (also CROSSCHECK_NO_CACHE=1)."""
    against: str | os.PathLike[str] | None = None
    """Claims store (a path, `sqlite:///PATH` or `postgresql://...`) to compare the given articles with (see `index`)."""
    baseline: str | os.PathLike[str] | None = None
    """Baseline file whose findings are hidden (default: config `baseline`)."""
    use_baseline: bool = True
    """False: apply no baseline, not even the configured one."""
    changed: Sequence[str | os.PathLike[str]] | None = None
    """Report only findings involving these articles or claims files."""
    since: str | None = None
    """Like `changed`, with the files changed since this git ref."""
    fail_on: str | None = None
    """Lowest severity that makes `Outcome.exit_status` 1 (default: config, else "error")."""
    format: str | None = None
    """Report format, for the caller's reporter (resolved into `Outcome.settings.format`)."""
    link_base: str | None = None
    """Markdown link base, for the caller's reporter (resolved into `Outcome.settings.link_base`)."""
    environ: Mapping[str, str] | None = None
    """The environment the `CROSSCHECK_*` variables are read from (default: `os.environ`)."""
    engine: Engine | None = None
    """Compares the corpus (default: `crosscheck.speed.check`); a report made by another is never cached."""
    articles: bool = False
    """True: `Outcome.documents` are loaded documents with their claims (what a report showing articles needs),
    also when the report is reused from the report cache."""
    stdin: tuple[str, str] | None = None
    """An article read from standard input: (the name it is checked under, its text); drafted and compared with the corpus."""
    on_warning: Callable[[str], None] | None = field(default=None, compare=False)
    """Called with each warning line as it appears (the command line prints them at once)."""
    on_progress: Callable[[str], None] | None = field(default=None, compare=False)
    """Called with what the check starts doing ("loading claims", "comparing 39000 claims"), for a progress display."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a check found, and what rendering and the gate need to go with it."""

    report: Report
    """The report after the baseline and the `changed` filter."""
    documents: Sequence[gate.Placed]
    """The checked documents' files (what `changed` matches)."""
    settings: configuration.Settings
    """The settings in force."""
    rules: Mapping[str, RuleInfo]
    """The rules that ran, by id, for reporters."""
    focus: frozenset[str]
    """Ids of the changed documents (empty without `changed`/`since`): where reporters anchor findings."""
    warnings: tuple[str, ...]
    """The warning lines of loading, in order."""

    @property
    def exit_status(self) -> int:
        """0, or 1 when a finding is at or above `settings.fail_on`."""
        return gate.exit_status(self.report, self.settings.fail_on)


def run(options: Options) -> Outcome:
    """Everything `crosscheck check` does up to the report: see the module docstring."""
    from crosscheck.speed import gcpause

    # What this allocates (the modules it imports, the corpus, the findings) lives until the report
    # is written, so the cyclic collector would only rescan it: 80 passes, 4% of a `check --against`.
    # Frozen on the way out, or the first allocation after would scan it all at once (0.8 s of a
    # warm check on 400k claims, whose 108k stored findings are all young).
    with gcpause.paused(freeze=True):
        return _Run(options).outcome()


def settings_for(options: Options) -> configuration.Settings:
    """The settings `options` resolve to: options > `CROSSCHECK_*` environment > config file > defaults."""
    flags = {
        "paths": _listed(options.paths) or None,
        "registry": _path(options.registry),
        "rules": _listed(options.rules) or None,
        "params": None if options.params is None else {k: dict(v) for k, v in options.params.items()},
        "fail_on": options.fail_on,
        "format": options.format,
        "baseline": _path(options.baseline),
        "link_base": options.link_base,
        "select": None if options.select is None else list(options.select),
        "ignore": None if options.ignore is None else list(options.ignore),
    }
    settings = configuration.resolve(flags, environ=options.environ).settings
    if not options.use_baseline:
        settings = settings.model_copy(update={"baseline": None})
    return settings


def _listed(paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str]) -> list[str]:
    """Paths as strings; one path given alone (a str is a Sequence too) is a list of one."""
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    return [os.fspath(path) for path in paths]


def _path(path: str | os.PathLike[str] | None) -> str | None:
    return None if path is None else os.fspath(path)


def rules(options: Options) -> list[Rule]:
    """The rules a check with these options runs: the built-in ones and the configured folders, with param overrides."""
    return _catalogue(settings_for(options), options)


def _catalogue(settings: configuration.Settings, options: Options) -> list[Rule]:
    # params given as an option are the caller's; else they are the config file's, located there
    from crosscheck.rules import load_rules, selection

    origin = configuration.Origin(None, "params") if options.params is not None else configuration.origin()
    catalogue = load_rules(settings.rules, overrides=settings.params, locate_setting=origin.locate)
    flagged = {"select": options.select is not None, "ignore": options.ignore is not None}

    def locate_selector(key: str) -> tuple[str, int, int]:
        return (f"--{key}", 1, 1) if flagged.get(key) else origin.locate(key)

    return selection.apply(catalogue, select=settings.select, ignore=settings.ignore, severity=settings.severity,
                           locate_setting=locate_selector)


def _builtin_rules() -> Path:
    from crosscheck.rules import builtin_rules_dir

    return builtin_rules_dir()


def rule_info(rule: Rule) -> RuleInfo:
    """What reporters need to know about a rule of the catalogue."""
    return RuleInfo(id=rule.id, name=rule.name, summary=rule.summary, rationale=rule.rationale, severity=rule.severity)


class _Run:
    """One `run`: the options, the settings they resolve to, and the warnings met so far."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.environ = os.environ if options.environ is None else options.environ
        self.settings = settings_for(options)
        self.warnings: list[str] = []
        self.registry: Path | None = None
        """The registry file the corpus was read with (a change to it concerns every document)."""

    def step(self, doing: str) -> None:
        if self.options.on_progress is not None:
            self.options.on_progress(doing)

    def warn(self, line: str) -> None:
        self.warnings.append(line)
        if self.options.on_warning is not None:
            self.options.on_warning(line)

    def outcome(self) -> Outcome:
        from crosscheck.gate import changed as changes

        options, settings = self.options, self.settings
        changed = changes.changed_files(None if options.changed is None else _listed(options.changed), options.since)
        single = self._single_article()
        if single is not None:
            # one article named alone is compared with the corpus it belongs to, not with itself alone
            changed = [*(changed or []), single]
            paths = changes.paths_to_load(self._corpus_of(single), [] if options.stdin else [single])
        else:
            paths = changes.paths_to_load(settings.paths, changed) if changed else list(settings.paths)
        cache = open_cache(paths, options.cache, use_cache=options.use_cache, environ=self.environ)
        try:
            if cache is not None and options.engine is None and not options.against and not options.stdin:
                report, rules, documents, changed = self._reused_or_checked(paths, cache, changed)
            else:
                report, rules, documents, changed = self._checked(paths, cache, changed)
        finally:
            if cache is not None:
                cache.close()
        if settings.baseline:
            from crosscheck.gate import baseline as baselines

            self.step("applying the baseline")

            report = baselines.apply(report, baselines.load(settings.baseline), settings.baseline)
        focus: frozenset[str] = frozenset()
        if changed is not None:
            if changes.touches_shared(changed, self._shared_files(), [*settings.rules, _builtin_rules()]):
                focus = frozenset(d.id for d in documents)
            else:
                focus = changes.changed_documents(documents, changed)
            if len(focus) < len(documents):  # a change every document answers for has no corpus to set against
                report = gate.focused(report, focus)
            report = changes.only_changed(report, focus)
        from crosscheck.load.claim_lines import with_claim_lines

        report = with_claim_lines(report)
        return Outcome(report, documents, settings, {r.id: rule_info(r) for r in rules}, focus, tuple(self.warnings))

    def _single_article(self) -> Path | None:
        """The one article or claims file named on the command line (or read from standard input), if that is all that was named."""
        if self.options.stdin is not None:
            return Path(self.options.stdin[0])
        named = _listed(self.options.paths)
        try:
            if len(named) == 1 and Path(named[0]).is_file():
                return Path(named[0])
        except (OSError, ValueError):  # a name too long or with a NUL byte: loading it names the problem
            pass
        return None

    def _corpus_of(self, article: Path) -> list[str]:
        """The corpus a single article is checked against: the configured `paths`, else the folder it is in."""
        configured = configuration.resolve({}, environ=self.environ)
        if configured.sources.get("paths", "default") != "default":
            return list(configured.settings.paths)
        return [article.parent.as_posix() if str(article.parent) else "."]

    def _shared_files(self) -> list[Path | None]:
        """The files every finding depends on besides the rules: the registry and the config file."""
        found = configuration.find_config()
        return [self.registry, found[0] if found else None]

    def _reused_or_checked(self, paths: list[str], cache: ClaimsCache, changed: list[Path] | None) -> _Checked:
        """The stored report when no input changed since it was computed (`speed.report_cache`), else a full check, stored."""
        from crosscheck.load.read import discover
        from crosscheck.speed import report_cache

        rules = _catalogue(self.settings, self.options)
        sources = discover(paths, self.settings.registry)
        self.registry = sources.registry
        probe = report_cache.Probe(sources, rules, draft=self.options.draft)
        stored = probe.lookup(cache)
        if stored is not None and not self.options.articles:
            for line in stored.warnings:
                self.warn(line)
            return stored.report, rules, stored.documents, changed
        corpus, changed = self._corpus(paths, cache, changed, sources)  # loading warns again what it warned then
        if stored is not None:  # the report still holds; the articles it is shown with are loaded again (from the claims cache)
            return stored.report, rules, corpus.documents, changed
        report = self._compare(corpus, rules)
        probe.store(cache, corpus.documents, report, list(self.warnings))
        return report, rules, corpus.documents, changed

    def _checked(self, paths: list[str], cache: ClaimsCache | None, changed: list[Path] | None) -> _Checked:
        corpus, changed = self._corpus(paths, cache, changed)
        rules = _catalogue(self.settings, self.options)
        return self._compare(corpus, rules), rules, corpus.documents, changed

    def _compare(self, corpus: Corpus, rules: Sequence[Rule]) -> Report:
        from crosscheck.gate.waivers import unknown_rules

        problems = unknown_rules(corpus.documents, [rule.id for rule in rules])
        if problems:
            raise CrosscheckError(problems)
        self.step(f"comparing {sum(len(d.claims) for d in corpus.documents)} claims of {len(corpus.documents)} documents")
        if self.options.engine is not None:
            return self.options.engine(corpus, rules)
        from crosscheck import speed

        return speed.check(corpus, rules)

    def _corpus(self, paths: list[str], cache: ClaimsCache | None, changed: list[Path] | None,
                sources: Sources | None = None) -> tuple[Corpus, list[Path] | None]:
        """Load, draft, add the archive; also the changed files (with `against`: the new articles, unless given)."""
        from crosscheck import speed

        self.step("loading claims")
        result = speed.load_corpus(paths, self.settings.registry, cache=cache, sources=sources)
        errors = [d for d in result.diagnostics if d.severity == "error"]
        if errors:
            raise CrosscheckError(errors)
        for diagnostic in result.diagnostics:  # warnings
            self.warn(diagnostic.format())
        corpus = result.corpus
        self.registry = corpus.registry_path
        if self.options.draft and result.sources is not None and result.sources.articles_without_claims:
            self.step(f"drafting claims of {len(result.sources.articles_without_claims)} articles")
            corpus.documents = sorted(
                corpus.documents + _drafted(result.sources.articles_without_claims, corpus, cache), key=lambda d: d.id
            )
        if self.options.stdin is not None:
            corpus.documents = _with_stdin_article(corpus, *self.options.stdin)
        if not corpus.documents:
            raise CrosscheckError(Diagnostic(
                paths[0] if paths else ".", 1, 1, "no-documents",
                "no claims files found (expected *.claims.yaml files under the given paths)",
            ))
        if self.options.against:
            from crosscheck import store

            self.step("reading the archive")
            with closing(store.open_store(self.options.against)) as archive:
                corpus, new_documents = store.with_archive(corpus, archive)
            if changed is None:
                changed = [d.article_path for d in corpus.documents if d.id in new_documents]
        return corpus, changed


if TYPE_CHECKING:
    _Checked = tuple[Report, Sequence[Rule], Sequence[gate.Placed], list[Path] | None]
    """A check before baseline and `changed`: report, rules, documents, the changed files."""


def _drafted(articles: Iterable[Path], corpus: Corpus, cache: ClaimsCache | None = None) -> list[Document]:
    """Documents drafted from the articles that have no claims file, keyed against the corpus.

    With the claims cache, drafts are kept beside it (`drafts/`), keyed by article text and
    drafting configuration, so an unchanged article is never parsed twice."""
    from crosscheck.extract.documents import DraftCache, draft_documents
    from crosscheck.load.read import display_path, read_text

    readable = []
    for article in articles:
        text, problems = read_text(article, "article")
        if text is None:
            raise CrosscheckError(problems)
        if text.strip():
            readable.append((display_path(article), article.resolve(), text))
    drafts = DraftCache(cache.path.parent / "drafts", corpus.registry) if cache is not None else None
    return draft_documents(readable, corpus.documents, corpus.registry, drafts)


def _with_stdin_article(corpus: Corpus, name: str, text: str) -> list[Document]:
    """The corpus's documents with the article read from standard input in place of the file of that name."""
    from crosscheck.extract.documents import draft_documents
    from crosscheck.load.read import display_path

    path = Path(name)
    shown = display_path(path)
    others = [d for d in corpus.documents if d.id != shown]
    new = draft_documents([(shown, path.resolve(), text.removeprefix("\ufeff"))], others, corpus.registry) if text.strip() else []
    if not new:
        raise CrosscheckError(Diagnostic(name, 1, 1, "no-claims", "nothing to check in the article read from standard input "
                                         "(expected an article stating figures, dates, names or quotes)"))
    return sorted(others + new, key=lambda d: d.id)


def files(options: Options) -> list[Path]:
    """The files a check with these options reads: claims files, articles without one, the registry (`--show-files`)."""
    from crosscheck.load.read import discover

    run = _Run(options)
    single = run._single_article()
    if single is None:
        paths = list(run.settings.paths)
    else:
        paths = run._corpus_of(single) + ([] if options.stdin else [str(single)])
    sources = discover(paths, run.settings.registry)
    found = [*sources.claims_files, *sources.articles_without_claims]
    return sorted(set(found)) + ([sources.registry] if sources.registry is not None else [])


def check_texts(texts: Mapping[str, str], *, registry: Registry | str | Path | None = None, rules: Sequence[Rule] | None = None,
                comparators: Mapping[str, Comparator] | None = None) -> Report:
    """Draft claims from article texts held in memory and compare them: the report `crosscheck check` gives
    on those articles written as files (named by the keys of `texts`, e.g. "a.txt") with no claims files.

    `registry`: a Registry, or the path of a registry file (loaded and checked as `check` does);
    None for none.  `rules`: default the built-in catalogue (no config file is read).  Texts with
    nothing to draft add no document; where `check` would stop with "no claims files found",
    this returns the empty report.
    """
    from crosscheck import speed
    from crosscheck.extract.documents import draft_documents
    from crosscheck.model.corpus import Corpus
    from crosscheck.model.registry import Registry as RegistryModel
    from crosscheck.rules import load_rules

    if isinstance(registry, RegistryModel) or registry is None:
        corpus = Corpus(registry=registry)
    else:
        loaded = speed.load_corpus([], registry)
        errors = [d for d in loaded.diagnostics if d.severity == "error"]
        if errors:
            raise CrosscheckError(errors)
        corpus = loaded.corpus
    readable = []
    for name in sorted(texts, key=_walk_order):
        text = texts[name].removeprefix("\ufeff")  # as a file is read
        if text.strip():
            readable.append((name, Path(name), text))
    corpus.documents = draft_documents(readable, (), corpus.registry)
    return speed.check(corpus, load_rules() if rules is None else rules, comparators)


def _walk_order(name: str) -> list[tuple[int, str]]:
    """The order a folder walk meets `name` in (a folder's files by name, then its folders): drafting keys in that order."""
    *folders, file = name.split("/")
    return [(1, folder) for folder in folders] + [(0, file)]


# --------------------------------------------------------------------------- the other commands' calls


def open_cache(paths: Sequence[str | Path], cache: str | os.PathLike[str] | None = None, *, use_cache: bool = True,
               environ: Mapping[str, str] | None = None) -> ClaimsCache | None:
    """The claims cache at `cache` (default: next to the corpus), or None when not used (CROSSCHECK_NO_CACHE=1 too)."""
    environ = os.environ if environ is None else environ
    if not use_cache or environ.get(NO_CACHE_VARIABLE) == "1":
        return None
    from crosscheck.speed.claims_cache import ClaimsCache, default_path

    return ClaimsCache(Path(cache) if cache else default_path(paths))


def load(paths: Sequence[str | Path], registry: str | Path | None = None, *, cache: str | os.PathLike[str] | None = None,
         use_cache: bool = True) -> LoadResult:
    """Load and validate the claims files under `paths`, taking unchanged files from the claims cache."""
    from crosscheck import speed

    opened = open_cache(paths, cache, use_cache=use_cache)
    try:
        return speed.load_corpus(paths, registry, cache=opened)
    finally:
        if opened is not None:
            opened.close()


def index(corpus: Corpus, store: str | os.PathLike[str]) -> int:
    """Write the corpus's documents into the claims store at `store` (created when missing); the claim count."""
    from crosscheck.store import open_store

    with closing(open_store(store, create=True)) as opened:
        return opened.index(corpus.documents)


def audit(store: str | os.PathLike[str], *, registry: Registry | str | Path | None = None, rules: Sequence[Rule] | None = None,
          progress: Callable[[int, int], None] | None = None) -> Report:
    """The report `check` gives on the whole archive at `store` as one corpus, read one fact group at a time.

    Memory is bounded by a batch of fact groups (and the claims the corpus rules compare across
    keys), not by the archive.  `registry`: the one the archived articles are checked with (a
    Registry or a registry file's path; the store keeps claims, not registries).  `rules`: default
    the built-in catalogue.  `progress(done, total)` is called with the claims compared so far.
    """
    from crosscheck import speed
    from crosscheck.audit import check_archive
    from crosscheck.model.registry import Registry as RegistryModel
    from crosscheck.rules import load_rules
    from crosscheck.store import open_store

    if registry is not None and not isinstance(registry, RegistryModel):
        loaded = speed.load_corpus([], registry)
        errors = [d for d in loaded.diagnostics if d.severity == "error"]
        if errors:
            raise CrosscheckError(errors)
        registry = loaded.corpus.registry
    with closing(open_store(store)) as opened:
        return check_archive(opened, load_rules() if rules is None else rules, registry=registry, progress=progress)
