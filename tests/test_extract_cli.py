"""`crosscheck extract`: schema-valid output, never clobbering a file, --force and --merge keeping hand edits."""

from __future__ import annotations

import pytest
import yaml

from crosscheck.cli import main
from crosscheck.extract.draft import draft_claims
from crosscheck.extract.matching import align_keys, match_claims
from crosscheck.model.claims import ClaimsFile

ARTICLE = (
    "Port grows fast\n"
    "Accra, June 3 (Newswire) \u2014 The Harbour Authority handled nearly 600 container ships last year, "
    "director Ama Owusu said on Monday.\n"
    "\u201cWe expect more than 40 new berths by 2030,\u201d Ama Owusu said.\n"
    "Exports rose to 12.5 billion cedis, about 9% of the national total.\n"
)


def _write(tmp_path, text=ARTICLE):
    article = tmp_path / "port.txt"
    article.write_text(text, encoding="utf-8")
    return article


def test_stdout_is_a_valid_claims_file(tmp_path, capsys):
    article = _write(tmp_path)
    assert main(["extract", str(article)]) == 0
    data = yaml.safe_load(capsys.readouterr().out)
    parsed = ClaimsFile.model_validate(data)
    assert parsed.document.article == "port.txt"
    assert parsed.document.dateline == "Accra, June 3 (Newswire)"
    assert parsed.document.publisher == "Newswire"
    kinds = {c.value.kind for c in parsed.claims}
    assert {"quantity", "percentage", "date", "quote"} <= kinds
    for claim in parsed.claims:
        assert claim.draft is not None and claim.quote in ARTICLE and claim.text in claim.quote
        start, end = claim.draft.span
        assert ARTICLE[start:end] == claim.quote


@pytest.mark.parametrize("command", [["extract", "port.txt"], ["check", "port.txt", "-f", "json"], ["baseline", "port.txt"]])
def test_output_dash_is_standard_output_and_writes_no_file(command, tmp_path, capsys, monkeypatch):
    _write(tmp_path)
    monkeypatch.chdir(tmp_path)
    main([*command, "-o", "-"])
    assert capsys.readouterr().out.strip()
    assert not (tmp_path / "-").exists()


def test_output_file_passes_validate(tmp_path, capsys):
    article = _write(tmp_path)
    out = tmp_path / "port.claims.yaml"
    assert main(["extract", str(article), "-o", str(out)]) == 0
    assert main(["validate", str(tmp_path)]) == 0


def test_existing_file_is_never_overwritten_without_force(tmp_path, capsys):
    article = _write(tmp_path)
    out = tmp_path / "port.claims.yaml"
    out.write_text("# mine\n", encoding="utf-8")
    assert main(["extract", str(article), "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "# mine\n"
    assert "file-exists" in capsys.readouterr().err
    assert main(["extract", str(article), "-o", str(out), "--force"]) == 0
    ClaimsFile.model_validate(yaml.safe_load(out.read_text(encoding="utf-8")))
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_merge_keeps_hand_edits_and_comments_and_adds_only_new_claims(tmp_path, capsys):
    article = _write(tmp_path)
    out = tmp_path / "port.claims.yaml"
    assert main(["extract", str(article), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    first = data["claims"][0]["id"]
    edited = text.replace(f"id: {first}\n", f"id: {first}  # checked by hand\n", 1)
    edited = edited.replace(f"subject: {data['claims'][0]['subject']}", "subject: my-own-subject", 1)
    # a person deleted the last drafted claim's draft block and everything else stays
    out.write_text(edited, encoding="utf-8")
    assert main(["extract", str(article), "-o", str(out), "--merge"]) == 0
    merged = out.read_text(encoding="utf-8")
    assert "# checked by hand" in merged and "subject: my-own-subject" in merged
    assert len(yaml.safe_load(merged)["claims"]) == len(data["claims"])  # nothing new, nothing doubled
    # a claim removed by hand comes back on merge (it is not present any more), once
    pruned = yaml.safe_load(merged)
    n = len(pruned["claims"])
    lines = merged.split("\n  - id: ")
    out.write_text("\n  - id: ".join(lines[:-1]) + "\n", encoding="utf-8")
    assert main(["extract", str(article), "-o", str(out), "--merge"]) == 0
    assert len(yaml.safe_load(out.read_text(encoding="utf-8"))["claims"]) == n
    assert "# checked by hand" in out.read_text(encoding="utf-8")


def test_missing_article_is_a_one_line_error(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "file-missing" in err[0]


def test_low_confidence_keys_are_marked_for_review():
    claims = draft_claims("It reached 70 units.")
    assert claims and all(c.draft.review for c in claims)


def test_cross_document_matching_pairs_restatements_and_aligns_keys():
    a = draft_claims("The Harbour Authority has partnerships with nearly 600 shipping companies across Africa.")
    b = draft_claims("Meanwhile the port authority of the harbour lists 600+ shipping firms across Africa.")
    c = draft_claims("The city zoo counts 14 elephants and 3 giraffes.")
    docs = {"a": a, "b": b, "c": c}
    groups = match_claims(docs)
    pairs = [{(m.document, docs[m.document][m.index].text) for m in g.members} for g in groups]
    assert {("a", "nearly 600"), ("b", "600+")} in pairs
    assert not any(d == "c" for p in pairs for d, _ in p)
    aligned = align_keys(docs)
    x = next(cl for cl in aligned["a"] if cl.text == "nearly 600")
    y = next(cl for cl in aligned["b"] if cl.text == "600+")
    assert (x.subject, x.property) == (y.subject, y.property)
    assert "matched" in (x.draft.method + y.draft.method)


def test_draft_documents_key_drafts_against_each_other(tmp_path):
    from crosscheck.extract.documents import draft_documents

    a = "The Harbour Authority has partnerships with nearly 600 shipping companies across Africa."
    b = "Meanwhile the port authority of the harbour lists 600+ shipping firms across Africa."
    docs = draft_documents([("a.txt", tmp_path / "a.txt", a), ("b.txt", tmp_path / "b.txt", b)])
    assert [d.id for d in docs] == ["a.txt", "b.txt"] and all(d.drafted and d.claims_path is None for d in docs)
    x = next(c for c in docs[0].claims if c.claim.text == "nearly 600")
    y = next(c for c in docs[1].claims if c.claim.text == "600+")
    assert x.drafted and y.drafted and x.key == y.key
    assert x.claim.value.unit == y.claim.value.unit  # matched counts count the same thing
    assert a[x.start:x.end] == x.claim.quote and x.line == 1
