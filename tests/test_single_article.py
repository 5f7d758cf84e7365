"""One article named on the command line is checked against its corpus, not against itself alone."""

from __future__ import annotations

import json

from test_check_cli import corpus, write_article  # noqa: F401 - `corpus` is a fixture these tests use


def documents_of(run_cli, *args: str) -> tuple[int, list[set[str]]]:
    result = run_cli("check", *args, "-f", "json")
    assert result.code in (0, 1), result.err
    return result.code, [{c["document"] for c in f["claims"]} for f in json.loads(result.out)["findings"]]


def test_an_article_alone_is_compared_with_the_folder_it_is_in(corpus, run_cli):
    write_article(corpus, "c", "nearly 600", 600, "nearly")  # agrees with a, contradicts b
    # one fact in dispute: a and c against b, whichever article is named
    assert documents_of(run_cli, "news/a.txt") == (1, [{"news/a.txt", "news/b.txt", "news/c.txt"}])
    assert documents_of(run_cli, "news/c.claims.yaml") == (1, [{"news/a.txt", "news/b.txt", "news/c.txt"}])


def test_an_article_alone_is_compared_with_the_configured_corpus(corpus, run_cli, tmp_path):
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "registry.yaml").write_text((corpus / "registry.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    write_article(incoming, "d", "nearly 600", 600, "nearly")
    (tmp_path / "crosscheck.toml").write_text('paths = ["news"]\n', encoding="utf-8")
    assert documents_of(run_cli, "incoming/d.txt") == (1, [{"news/a.txt", "news/b.txt", "incoming/d.txt"}])
