"""Compare the claims of every article and report where they disagree.

Wiring only: configuration -> load and validate the corpus (exit 2 on invalid
input) -> rules engine over the whole corpus (inline waivers apply there) -> baseline ->
`--changed`/`--since` filter -> reporter -> exit status from `--fail-on`.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

from crosscheck import __version__, reporters

from crosscheck import gate
from crosscheck.errors import CrosscheckError, Diagnostic
from crosscheck.reporters import RenderOptions, RuleInfo

if TYPE_CHECKING:
    # Every command line imports this module to build its parser, so what only a run
    # needs (models, config, baseline, drafting) is imported where it is used.
    from crosscheck import config as configuration
    from crosscheck.speed.claims_cache import ClaimsCache
    from crosscheck.model.corpus import Corpus, Document
    from crosscheck.load.read import Sources
    from crosscheck.model.report import Report


def add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """Arguments shared by `check` and `baseline`: what to load and which rules to run."""
    parser.add_argument("paths", nargs="*", metavar="PATH", help="claims files, articles or corpus folders (default: config `paths`, else .)")
    parser.add_argument("--registry", metavar="FILE", help="registry file (default: registry.yaml found beside the corpus)")
    parser.add_argument("--rules", action="append", metavar="DIR", help="extra rules folder (repeatable)")
    parser.add_argument(
        "--no-draft", dest="draft", action="store_false",
        help="ignore articles that have no claims file (default: draft their claims on the fly)",
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from crosscheck.cli.commands.cache import add_cache_arguments

    add_corpus_arguments(parser)
    add_cache_arguments(parser)
    parser.add_argument("--against", metavar="STORE", help="compare the given articles only with the claims store STORE (see `crosscheck index`)")
    parser.add_argument("-f", "--format", metavar="NAME", help=f"report format: {', '.join(reporters.BUILTIN)} or a plugin's (default: rich)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE (atomically) instead of standard output")
    parser.add_argument("--fail-on", choices=gate.FAIL_ON, help="lowest severity that makes the exit status 1 (default: error)")
    parser.add_argument("--baseline", metavar="FILE", help="hide findings recorded in FILE by `crosscheck baseline`")
    parser.add_argument("--no-baseline", action="store_true", help="ignore the configured baseline")
    parser.add_argument("--changed", nargs="+", metavar="FILE", help="report only findings involving these articles or claims files")
    parser.add_argument("--since", metavar="GIT_REF", help="like --changed, with the files changed since GIT_REF")
    parser.add_argument("--link-base", metavar="URL", help="Markdown: link each quote to URL/path#Lline")
    colour = parser.add_mutually_exclusive_group()
    colour.add_argument("--color", dest="color", action="store_const", const=True, help="force colour")
    colour.add_argument("--no-color", dest="color", action="store_const", const=False, help="never colour (also: NO_COLOR)")
    parser.add_argument("--width", type=int, metavar="N", help="terminal width for the rich format")


# --------------------------------------------------------------------------- the engine seam

EngineResult = tuple["Report", dict[str, RuleInfo]]


def run_engine(corpus: Corpus, settings: configuration.Settings) -> EngineResult:
    """Load the rule catalogue (built-in + configured folders, with param overrides) and run the engine."""
    from crosscheck import engine
    from crosscheck.speed import runner as forking
    from crosscheck import rules as catalogue

    loaded = catalogue.load_rules(settings.rules, overrides=settings.params)
    claims = sum(len(document.claims) for document in corpus.documents)
    report = engine.check(corpus, loaded, jobs=forking.jobs(claims, engine.PARALLEL_MIN_CLAIMS))
    return report, {r.id: rule_info(r) for r in loaded}


def rule_info(rule: Any) -> RuleInfo:
    """What reporters need to know about a rule object of the catalogue."""
    return RuleInfo(
        id=rule.id,
        name=getattr(rule, "name", None),
        summary=getattr(rule, "summary", None),
        rationale=getattr(rule, "rationale", None),
        severity=getattr(rule, "severity", None),
    )


ENGINE: Callable[[Corpus, configuration.Settings], EngineResult] = run_engine
"""Replaceable for tests and embedding."""


# --------------------------------------------------------------------------- pipeline


@dataclass
class Outcome:
    report: Report
    documents: Sequence[gate.Placed]
    """The checked documents' files (what `--changed` matches)."""
    settings: configuration.Settings
    rules: dict[str, RuleInfo]
    focus: frozenset[str]


def settings_from(args: argparse.Namespace) -> configuration.Settings:
    from crosscheck import config as configuration

    flags = {
        "paths": args.paths or None,
        "registry": args.registry,
        "rules": args.rules,
        "fail_on": getattr(args, "fail_on", None),
        "format": getattr(args, "format", None),
        "baseline": getattr(args, "baseline", None),
        "link_base": getattr(args, "link_base", None),
    }
    settings = configuration.resolve(flags).settings
    if getattr(args, "no_baseline", False):
        settings = settings.model_copy(update={"baseline": None})
    return settings


def changed_files(args: argparse.Namespace) -> list[Path] | None:
    """The files named by `--changed` and `--since`; None when neither was given."""
    changed = getattr(args, "changed", None)
    since = getattr(args, "since", None)
    if changed is None and since is None:
        return None
    files = [Path(p) for p in changed or []]
    if since is not None:
        files += gate.git_changed_files(since)
    return files


def _covered(path: Path, roots: list[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved == root or root in resolved.parents for root in roots)


def draft_missing(articles: list[Path], corpus: Corpus, cache: ClaimsCache | None = None) -> list[Document]:
    """Draft claims on the fly for articles that have no claims file, keyed against the corpus."""
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


def collect(args: argparse.Namespace, *, use_baseline: bool = True) -> Outcome:
    """Everything up to the report: config, corpus, engine, waivers, baseline, changed filter."""
    from crosscheck.speed import gcpause as collector

    # What this allocates (the modules it imports, the corpus, the findings) lives until the report
    # is written, so the cyclic collector would only rescan it: 80 passes, 4% of a `check --against`.
    # Frozen on the way out, or the first allocation after would scan it all at once (0.8 s of a
    # warm check on 400k claims, whose 108k stored findings are all young).
    with collector.paused(freeze=True):
        return _collect(args, use_baseline=use_baseline)


def _collect(args: argparse.Namespace, *, use_baseline: bool) -> Outcome:
    settings = settings_from(args)
    changed = changed_files(args)
    paths = list(settings.paths)
    if changed:
        roots = [Path(p).resolve() for p in paths]
        paths += [str(p) for p in changed if p.exists() and p.name.endswith((".txt", ".claims.yaml")) and not _covered(p, roots)]
    from crosscheck.cli.commands.cache import open_cache

    cache = open_cache(args, paths)
    try:
        if cache is not None and ENGINE is run_engine and not getattr(args, "against", None):
            report, rules, documents, changed = _reused_or_run(args, settings, paths, cache, changed)
        else:
            report, rules, documents, changed = _run(args, settings, paths, cache, changed)
    finally:
        if cache is not None:
            cache.close()
    if use_baseline and settings.baseline:
        from crosscheck.gate import baseline as baselines

        report = baselines.apply(report, baselines.load(settings.baseline), settings.baseline)
    focus: frozenset[str] = frozenset()
    if changed is not None:
        focus = gate.changed_documents(documents, changed)
        report = gate.only_changed(report, focus)
    return Outcome(report, documents, settings, rules, focus)


if TYPE_CHECKING:
    Ran = tuple[Report, dict[str, RuleInfo], Sequence[gate.Placed], list[Path] | None]
    """A check before baseline and `--changed`: report, rules shown, documents, the changed files."""


def _reused_or_run(args: argparse.Namespace, settings: configuration.Settings, paths: list[str], cache: ClaimsCache, changed: list[Path] | None) -> Ran:
    """The stored report when no input changed since it was computed (`reportcache`), else a full run, stored."""
    from crosscheck.speed import report_cache as reportcache
    from crosscheck import rules as catalogue
    from crosscheck.load.read import discover

    loaded = catalogue.load_rules(settings.rules, overrides=settings.params)
    sources = discover(paths, settings.registry)
    probe = reportcache.Probe(sources, loaded, draft=getattr(args, "draft", True))
    stored = probe.lookup(cache)
    if stored is not None:
        _print_warnings(stored.warnings)
        return stored.report, {r.id: rule_info(r) for r in loaded}, stored.documents, changed
    warnings: list[str] = []
    report, rules, documents, changed = _run(args, settings, paths, cache, changed, warnings, sources)
    probe.store(cache, documents, report, warnings)  # type: ignore[arg-type] - a full run's documents are Documents
    return report, rules, documents, changed


def _run(
    args: argparse.Namespace, settings: configuration.Settings, paths: list[str], cache: ClaimsCache | None,
    changed: list[Path] | None, warnings: list[str] | None = None, sources: Sources | None = None,
) -> Ran:
    """Load, draft, add the archive, run the engine: the whole check before baseline and `--changed`."""
    from crosscheck.load.corpus import load_corpus

    result = load_corpus(paths, registry=settings.registry, cache=cache, sources=sources)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    if errors:
        raise CrosscheckError(errors)
    printed = [diagnostic.format() for diagnostic in result.diagnostics]  # warnings
    _print_warnings(printed)
    if warnings is not None:
        warnings.extend(printed)
    corpus = result.corpus
    if getattr(args, "draft", True) and result.sources is not None and result.sources.articles_without_claims:
        corpus.documents = sorted(corpus.documents + draft_missing(result.sources.articles_without_claims, corpus, cache), key=lambda d: d.id)
    if not corpus.documents:
        raise CrosscheckError(Diagnostic(paths[0] if paths else ".", 1, 1, "no-documents", "no claims files found (expected *.claims.yaml files under the given paths)"))
    against = getattr(args, "against", None)
    if against:
        from crosscheck import store as claims_store

        try:
            corpus, new_documents = claims_store.with_archive(corpus, against)
        except claims_store.StoreError as exc:
            raise CrosscheckError(Diagnostic(against, 1, 1, "store", str(exc))) from None
        changed = [d.article_path for d in corpus.documents if d.id in new_documents] if changed is None else changed
    report, rules = ENGINE(corpus, settings)
    return report, rules, corpus.documents, changed


def _print_warnings(lines: list[str]) -> None:
    if lines:
        from crosscheck.reporters.escape import strip_control

        for line in lines:
            print(strip_control(line), file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    outcome = collect(args)
    settings = outcome.settings
    render = reporters.get(settings.format)
    for problem in reporters.plugin_errors():
        print(f"crosscheck: warning: {problem}", file=sys.stderr)
    options = RenderOptions(
        color=False if args.output else args.color,
        width=args.width,
        link_base=settings.link_base,
        rules=outcome.rules,
        focus=outcome.focus,
        tool_version=__version__,
    )
    if args.output:
        from crosscheck.io import atomic_writer

        with atomic_writer(args.output) as out:  # streamed: a large report is never one string
            render(outcome.report, out, options)
    else:
        render(outcome.report, sys.stdout, options)
    return gate.exit_status(outcome.report, settings.fail_on)
