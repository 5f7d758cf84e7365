/* Part 3 of 4: the article view.  One article at a time, its text cut into segments by html_articles.py:
 * [text] outside any quote, [text, quoting] inside claims' quotes, [text, quoting, values] a claim's value.
 * Hovering or focusing a marked value shows what crosscheck read there; unmarked text is what it did not read. */
var articlePick, articleBox, readingBox, articlesBuilt = false;

/* "Xinhua · 2025-01-16 · Beijing, January 16 (Xinhua)": what the claims file says of the article's outlet and date. */
function byline(article) {
  return [article.publisher, article.published, article.dateline].filter(function (part) { return part; }).join(" · ");
}

function articleClaims(article) { return articleRows().claims.slice(article.claims[0], article.claims[1]); }

function articleLabel(article) {
  var n = article.claims[1] - article.claims[0];
  return data.documents[article.doc] + (article.publisher ? " · " + article.publisher : "") + " (" + plural(n, "claim") + ")";
}

function articlesView(view) {
  if (!data.articles.length) {
    view.appendChild(el("p", { className: "empty" }, "This report holds no article text: `crosscheck check -f html` writes it; a report rendered without the corpus has none."));
    return;
  }
  articlePick = el("select", { id: "article-pick", onchange: function () { showArticle(Number(articlePick.value), -1); } });
  data.articles.map(function (article, i) { return [data.documents[article.doc], i]; }).sort(function (a, b) { return a[0] < b[0] ? -1 : 1; })
    .forEach(function (pair) { articlePick.appendChild(el("option", { value: String(pair[1]) }, articleLabel(data.articles[pair[1]]))); });
  view.appendChild(el("nav", { className: "filters", ariaLabel: "Articles" },
    el("label", null, "Article ", articlePick),
    el("span", { className: "legend" }, el("mark", { className: "claim annotated" }, "annotated"), " ", el("mark", { className: "claim drafted" }, "drafted"),
      " ", el("mark", { className: "claim review" }, "to review"), " ", el("span", { className: "quoted" }, "quote"), " · unmarked text was not read"),
    el("span", { className: "keys" }, el("kbd", null, "j"), "/", el("kbd", null, "k"), " next/previous claim · ", el("kbd", null, "←"), "/", el("kbd", null, "→"), " article")));
  articleBox = el("article", { id: "article", className: "article" });
  readingBox = el("aside", { id: "reading", className: "reading-panel", ariaLive: "polite" });
  view.appendChild(el("div", { className: "article-layout" }, articleBox, readingBox));
  articleBox.addEventListener("mouseover", function (event) { var mark = event.target.closest("mark.claim"); if (mark) read(mark); });
  articleBox.addEventListener("focusin", function (event) { var mark = event.target.closest("mark.claim"); if (mark) read(mark); });
}

/* Open article k (an index into data.articles) and, when claim >= 0, focus that claim's mark. */
function showArticle(k, claim) {
  showView("articles");
  if (k === undefined || k < 0 || !data.articles[k]) return;
  if (state.article !== k) drawArticle(k);
  history.replaceState(null, "", "#article-" + k);
  var marks = articleBox.querySelectorAll("mark.claim");
  var at = claim < 0 ? -1 : Array.prototype.findIndex.call(marks, function (mark) { return mark.dataset.claims.split(" ").indexOf(String(claim)) >= 0; });
  if (at >= 0) { state.claim = at; marks[at].focus(); marks[at].scrollIntoView({ block: "center" }); }
}

function drawArticle(k) {
  var article = data.articles[k], claims = articleClaims(article);
  state.article = k; state.claim = -1;
  articlePick.value = String(k);
  var drafted = claims.filter(function (c) { return c.drafted; }).length;
  var review = claims.filter(function (c) { return c.review; }).length;
  var named = claims.filter(function (c) { return c.ref !== null; }).length;
  var shownFindings = data.findings.filter(function (f) { return findingDocs(f).indexOf(article.doc) >= 0; }).length;
  var header = el("header", null,
    el("h2", { className: "untrusted" }, article.title || data.documents[article.doc]),
    byline(article) ? el("p", { className: "byline untrusted" }, byline(article)) : null,
    el("p", { className: "muted mono untrusted" }, safeHref(article.url) ? el("a", { href: article.url, rel: "noreferrer" }, data.documents[article.doc]) : data.documents[article.doc],
      article.file ? " · claims in " + article.file : " · drafted (no claims file)"),
    el("p", { className: "muted counts" },
      plural(claims.length, "claim") + ": " + (claims.length - drafted) + " annotated, " + drafted + " drafted" + (review ? " (" + review + " to review)" : "") +
      "; " + named + " named by findings. ",
      shownFindings ? el("button", { type: "button", className: "link", onclick: function () { setFilter("doc", article.doc); } }, "Show its " + plural(shownFindings, "finding")) : null));
  var text = el("div", { className: "text" });
  var segments = articleRows().texts[k];
  if (segments === null) text.appendChild(el("p", { className: "empty" }, "The article's text could not be read (its file is gone or is not UTF-8 text)."));
  else segments.forEach(function (seg) { text.appendChild(segment(seg)); });
  articleBox.replaceChildren(header, text);
  readingBox.replaceChildren(el("p", { className: "muted" }, "Hover over or focus a marked value (Tab, or j/k) to see what crosscheck read there."));
}

function segment(seg) {
  if (seg.length === 1) return document.createTextNode(seg[0]);
  if (seg.length === 2) return el("span", { className: "quoted", dataset: { quoting: seg[1].join(" ") } }, seg[0]);
  var claims = seg[2].map(function (i) { return articleData.claims[i]; });
  var kind = claims.some(function (c) { return c.review; }) ? "review" : claims.every(function (c) { return c.drafted; }) ? "drafted" : "annotated";
  var disputed = claims.some(function (c) { return c.ref !== null && findingsNaming(c.ref).length; });
  return el("mark", { className: "claim " + kind + (disputed ? " disputed" : ""), tabIndex: 0, dataset: { claims: seg[2].join(" ") } }, seg[0]);
}

/* What crosscheck read in a marked value: each claim there, its key, value, reading and origin. */
function read(mark) {
  var marks = articleBox.querySelectorAll("mark.claim");
  state.claim = Array.prototype.indexOf.call(marks, mark);
  var rows = mark.dataset.claims.split(" ").map(Number);
  readingBox.replaceChildren(el("h3", null, "What crosscheck read"));
  rows.forEach(function (row) { readingBox.appendChild(claimReading(articleData.claims[row])); });
}

function claimReading(c) {
  var origin = c.drafted ? "drafted" + confidence(c.confidence) + (c.review ? " · to review" : "") : "annotated";
  var facts = el("dl", { className: "reading" },
    el("dt", null, "kind"), el("dd", null, c.kind),
    el("dt", null, "as written"), el("dd", null, c.text),
    el("dt", null, "value"), el("dd", null, c.value));
  var ref = c.ref === null ? null : data.claims[c.ref];
  if (ref && ref.reading) { facts.appendChild(el("dt", null, ref.numeric ? "reads as" : "compared as")); facts.appendChild(el("dd", null, ref.reading)); }
  if (c.scope) { facts.appendChild(el("dt", null, "scope")); facts.appendChild(el("dd", null, c.scope)); }
  facts.appendChild(el("dt", null, "claim")); facts.appendChild(el("dd", { className: "mono" }, c.id + " · line " + c.line + ", column " + c.column));
  var found = c.ref === null ? [] : findingsNaming(c.ref);
  var findings = found.length ? elList("ul", { className: "named-by" }, found.map(function (i) {
    var f = data.findings[i];
    return el("li", null, el("button", { type: "button", className: "link", onclick: function () { revealFinding(f.fingerprint); } },
      el("span", { className: "badge " + f.severity }, f.severity), " " + ruleLabel(f.rule) + " · " + f.message));
  })) : el("p", { className: "muted" }, "No finding names this claim.");
  return el("section", { className: "claim-reading" },
    el("p", { className: "key untrusted" }, c.subject + " · " + c.property),
    el("span", { className: "badge " + (c.drafted ? "drafted" : "annotated") }, origin),
    facts, findings);
}

/* j/k in the article view: the next or previous marked value, focused (and so read). */
function moveClaim(delta) {
  var marks = articleBox.querySelectorAll("mark.claim");
  if (!marks.length) return;
  state.claim = Math.min(Math.max(0, state.claim < 0 && delta < 0 ? 0 : state.claim + delta), marks.length - 1);
  marks[state.claim].focus();
  marks[state.claim].scrollIntoView({ block: "nearest" });
}

/* ←/→ in the article view: the article before or after in the picker's order. */
function turnArticle(delta) {
  var options = articlePick.options, at = articlePick.selectedIndex + delta;
  if (at >= 0 && at < options.length) showArticle(Number(options[at].value), -1);
}
