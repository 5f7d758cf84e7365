"""Quotes are found in articles tolerating only typography, and located by line and column."""

from crosscheck.text.search import SearchableText, normalize_typography


def test_normalize_typography():
    assert normalize_typography("the institute\u2019s \u201cbig\u201d plan \u2014  now\n") == "the institute's \"big\" plan - now"


def test_find_maps_back_to_original_offsets():
    text = "Title\n\nShe said \u201cnearly   600\u201d firms \u2014 all of them."
    found = SearchableText(text).find('said "nearly 600" firms - all')
    assert found is not None
    assert text[found.start : found.end] == "said \u201cnearly   600\u201d firms \u2014 all"
    assert (found.line, found.column) == (3, 5)


def test_find_is_not_fuzzy_beyond_typography():
    assert SearchableText("over 200 institutions").find("over 300 institutions") is None
    assert SearchableText("over 200 institutions").find("Over 200 institutions") is None


def test_closest_prefix_reports_where_a_quote_diverges():
    searchable = SearchableText("it works with nearly 600 companies")
    assert searchable.closest_prefix("it works with almost 600") == len("it works with ")


def test_quotes_are_found_and_compared_under_the_same_typography_fold():
    from crosscheck.text.typography import CHARACTERS, typography

    printed = "".join(chr(c) for c in CHARACTERS)
    assert typography(f"a{printed}b") == normalize_typography(f"a{printed}b")
    assert typography("wait\u2026 really\u200b") == "wait... really"
