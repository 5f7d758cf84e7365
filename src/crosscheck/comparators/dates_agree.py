"""dates_agree: two dates agree when the times their wording allows overlap.

"in 2023", "by 2023" and "March 2023" all agree with "2023"; "by 2030" and
"in 2032" do not.  Relative windows resolved against each article's dateline
compare as dates; two windows neither of whose articles is dated compare by
length ("within the next decade" and "over the next 10 years" agree).
"""

from __future__ import annotations

from crosscheck.comparators.base import Comparator, Item, NoParams, Verdict, disjoint, quoted


def compare(a: Item, b: Item, params: NoParams) -> Verdict | None:
    """A verdict when the two dates or windows cannot both hold."""
    na, nb = a.normal(), b.normal()
    if na.interval is not None and nb.interval is not None:
        return disjoint(a, na, b, nb)
    years_a, years_b = na.window_years, nb.window_years
    if na.interval is None and nb.interval is None and years_a is not None and years_b is not None and years_a != years_b:
        explanation = (
            f"{quoted(a.text)} is a window of {years_a:g} years and {quoted(b.text)} one of {years_b:g} years, "
            "and neither article gives the date they count from."
        )
        return Verdict(items=(a, b), normals=(na, nb), explanation=explanation)
    return None


FACTS: tuple[str, ...] = ()

COMPARATOR = Comparator(
    name="dates_agree",
    summary="dates agree when the times their wording and granularity allow overlap",
    kinds=("date",),
    params=NoParams,
    pair=compare,
    facts=FACTS,
)
