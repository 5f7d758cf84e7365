"""`--changed` matches documents by their resolved files; resolving each folder once must give what `Path.resolve` gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck.gate.changed import _resolver


def _outcome(resolve, path: Path) -> object:
    try:
        return resolve(path)
    except RuntimeError:  # a symlink loop
        return "loop"


def test_resolving_by_folder_gives_what_path_resolve_gives(tmp_path, monkeypatch):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "linked").symlink_to(real, target_is_directory=True)
    (real / "link.txt").symlink_to("a.txt")
    (real / "dangling.txt").symlink_to("nowhere.txt")
    (real / "loop-a").symlink_to("loop-b")
    (real / "loop-b").symlink_to("loop-a")
    monkeypatch.chdir(tmp_path)
    folders = ["real", "linked", str(real), str(tmp_path / "linked"), "missing", ".", "real/..", "linked/../real"]
    names = ["a.txt", "link.txt", "dangling.txt", "nope.txt", "loop-a", "..", "."]
    paths = [Path(folder) / name for folder in folders for name in names] + [Path("a.txt"), Path("/"), Path(".")]
    resolve = _resolver()
    assert [_outcome(resolve, p) for p in paths] == [_outcome(Path.resolve, p) for p in paths]


@pytest.mark.parametrize("through", ["folder", "file"])
def test_a_changed_file_named_through_a_symlink_still_names_its_document(tmp_path, through):
    from crosscheck.gate.changed import changed_documents
    from crosscheck.model.claims import DocumentMeta
    from crosscheck.model.corpus import Document

    real = tmp_path / "news"
    real.mkdir()
    (real / "a.txt").write_text("x", encoding="utf-8")
    if through == "folder":
        (tmp_path / "alias").symlink_to(real, target_is_directory=True)
        article = tmp_path / "alias" / "a.txt"
    else:
        (real / "b.txt").symlink_to("a.txt")
        article = real / "b.txt"
    meta = DocumentMeta.model_validate({"article": "a.txt"})
    document = Document.of("news/a.txt", meta, (), article_path=article)
    assert changed_documents([document], [real / "a.txt"]) == {"news/a.txt"}
