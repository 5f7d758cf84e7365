/* Part 2 of 4: the summary, the filters and the findings, a page at a time. */
var shown = [];  /* indices into data.findings that pass the filters */
var list, pagers, counter, controls = {};

/* Findings counted by severity per group; groupsOf(finding) names the groups a finding counts in. */
function countBy(groupsOf) {
  var counts = {};
  data.findings.forEach(function (f) {
    groupsOf(f).forEach(function (k) {
      var c = counts[k] || (counts[k] = { error: 0, warning: 0, info: 0, total: 0 });
      c[f.severity]++; c.total++;
    });
  });
  return counts;
}

function findingDocs(f) {
  var docs = [];
  f.claims.forEach(function (i) { var d = data.claims[i].doc; if (docs.indexOf(d) < 0) docs.push(d); });
  return docs;
}

function severityCells(c) {
  return SEVERITIES.map(function (s) { return el("td", { className: "num" }, c[s] ? String(c[s]) : "·"); });
}

function summary() {
  var s = data.summary;
  var section = el("section", { id: "summary" });
  section.appendChild(el("h1", null, "crosscheck report"));
  var claims = plural(s.claims, "claim") + (s.drafted ? " (" + s.drafted + " drafted)" : "");
  section.appendChild(el("p", { className: "covered" },
    "Checked " + plural(s.documents, "document") + " and " + claims + "; " +
    plural(s.waived, "finding") + " waived (inline waivers or the baseline)."));
  if (data.focus.length) {
    var focus = el("p", { className: "covered" }, "Limited to the changed files (--changed / --since): ");
    data.focus.forEach(function (path, i) { focus.appendChild(el("code", { className: "untrusted" }, path)); if (i < data.focus.length - 1) focus.appendChild(document.createTextNode(", ")); });
    section.appendChild(focus);
  }
  var cards = el("div", { className: "cards" });
  SEVERITIES.forEach(function (sev) {
    var word = sev === "info" || s[sev] === 1 ? sev : sev + "s";
    cards.appendChild(el("div", { className: "card " + sev }, el("span", { className: "count" }, String(s[sev])), word));
  });
  cards.appendChild(el("div", { className: "card" }, el("span", { className: "count" }, String(s.waived)), "waived"));
  section.appendChild(cards);
  if (!data.findings.length) {
    section.appendChild(el("p", { className: "empty" }, "No disagreements found."));
    return section;
  }
  var tables = el("div", { className: "tables" });
  tables.appendChild(countTable("By rule", "Rule", countBy(function (f) { return [f.rule]; }), function (rule) {
    var info = data.rules[rule] || {};
    return el("button", { className: "link", type: "button", title: info.summary || "", onclick: function () { setFilter("rule", rule); } }, ruleLabel(rule));
  }));
  tables.appendChild(countTable("By article", "Article", countBy(findingDocs), function (doc) {
    return el("button", { className: "link untrusted", type: "button", onclick: function () { setFilter("doc", Number(doc)); } }, data.documents[doc]);
  }, 15));
  section.appendChild(tables);
  return section;
}

function countTable(title, what, counts, label, limit) {
  var keys = Object.keys(counts).sort(function (a, b) { return counts[b].total - counts[a].total || (a < b ? -1 : 1); });
  var body = el("tbody");
  keys.slice(0, limit || keys.length).forEach(function (k) {
    body.appendChild(el.apply(null, ["tr", null, el("td", null, label(k))].concat(severityCells(counts[k]))));
  });
  var head = el("tr", null, el("th", null, what), el("th", { className: "num" }, "errors"), el("th", { className: "num" }, "warnings"), el("th", { className: "num" }, "info"));
  var more = limit && keys.length > limit ? el("p", { className: "muted" }, (keys.length - limit) + " more: pick one in the article filter below.") : null;
  return el("div", null, el("h2", null, title), el("table", null, el("thead", null, head), body), more);
}

/* ---------------------------------------------------------------- filters */

function filters() {
  var bar = el("nav", { className: "filters", ariaLabel: "Filters" });
  var counts = data.summary;
  SEVERITIES.forEach(function (sev) {
    var box = el("input", { type: "checkbox", checked: true, id: "show-" + sev, onchange: function () { state.severities[sev] = box.checked; apply(); } });
    controls[sev] = box;
    bar.appendChild(el("label", null, box, " " + sev + " (" + counts[sev] + ")"));
  });
  var rules = el("select", { id: "filter-rule", onchange: function () { state.rule = rules.value; apply(); } }, el("option", { value: "" }, "every rule"));
  Object.keys(data.rules).forEach(function (rule) { rules.appendChild(el("option", { value: rule }, ruleLabel(rule))); });
  var docs = el("select", { id: "filter-doc", onchange: function () { state.doc = Number(docs.value); apply(); } }, el("option", { value: "-1" }, "every article"));
  data.documents.map(function (path, i) { return [path, i]; }).sort(function (a, b) { return a[0] < b[0] ? -1 : 1; })
    .forEach(function (pair) { docs.appendChild(el("option", { value: String(pair[1]) }, pair[0])); });
  var text = el("input", { type: "search", id: "filter-text", placeholder: "subject, property or words", oninput: function () { state.text = text.value.toLowerCase(); apply(); } });
  controls.rule = rules; controls.doc = docs; controls.text = text;
  bar.appendChild(el("label", null, "Rule ", rules));
  bar.appendChild(el("label", null, "Article ", docs));
  bar.appendChild(el("label", null, "Find ", text));
  bar.appendChild(el("span", { className: "keys" }, el("kbd", null, "j"), "/", el("kbd", null, "k"), " or ", el("kbd", null, "↓"), "/", el("kbd", null, "↑"),
    " next/previous finding · ", el("kbd", null, "←"), "/", el("kbd", null, "→"), " page · ", el("kbd", null, "/"), " find · ", el("kbd", null, "a"), " articles"));
  return bar;
}

function setFilter(which, value) {
  showView("findings");
  state[which] = value;
  controls[which].value = String(value);
  apply();
  controls[which].scrollIntoView({ block: "nearest" });
}

function matches(f) {
  if (!state.severities[f.severity]) return false;
  if (state.rule && f.rule !== state.rule) return false;
  if (state.doc >= 0 && findingDocs(f).indexOf(state.doc) < 0) return false;
  if (state.text) {
    var hay = (f.subject + " " + f.property + " " + f.message + " " + f.rule).toLowerCase();
    if (hay.indexOf(state.text) < 0) return false;
  }
  return true;
}

function apply() {
  shown = [];
  data.findings.forEach(function (f, i) { if (matches(f)) shown.push(i); });
  state.page = 0; state.current = -1;
  draw();
}

/* ---------------------------------------------------------------- findings */

function quote(segments) {
  var node = el("blockquote", { className: "quote" });
  segments.forEach(function (seg) {
    var text = seg[0], kind = seg[1];
    if (!kind) { node.appendChild(document.createTextNode(text)); return; }
    var cls = (kind & VALUE ? "value" : "") + (kind & DIFFERS ? " differs" : "");
    node.appendChild(el("mark", { className: cls.trim() }, text));
  });
  return node;
}

function claimCard(claimRow, segments) {
  var claim = data.claims[claimRow];
  var where = docName(claim) + ":" + claim.line + ":" + claim.column;
  var link = safeHref(claim.url);
  var head = el("div", { className: "where mono" }, link ? el("a", { href: link, rel: "noreferrer" }, where) : el("span", null, where));
  if (data.focus.indexOf(docName(claim)) >= 0) {  /* a --changed run: this side is what changed */
    head.appendChild(document.createTextNode(" "));
    head.appendChild(el("span", { className: "badge changed" }, "changed"));
  }
  var outlet = articleOfDoc[claim.doc] === undefined ? "" : byline(data.articles[articleOfDoc[claim.doc]]);
  if (claim.drafted) {
    head.appendChild(document.createTextNode(" "));
    head.appendChild(el("span", { className: "badge drafted" }, "drafted" + confidence(claim.confidence)));
  }
  var reading = el("dl", { className: "reading" }, el("dt", null, "as written"), el("dd", null, claim.value));
  if (claim.reading && claim.reading.toLowerCase() !== claim.value.toLowerCase()) {  /* a name's folded case is no news */
    reading.appendChild(el("dt", null, claim.numeric ? "reads as" : "compared as"));
    reading.appendChild(el("dd", null, claim.reading));
  }
  var file = claim.file === null ? null : data.files[claim.file];  /* [path, url or null] */
  var fileWhere = file ? file[0] + (claim.fileLine ? ":" + claim.fileLine : "") : null;
  var source = file
    ? el("div", { className: "muted mono where" }, "claim ", el("code", null, claim.id), " in ", safeHref(claim.fileUrl) ? el("a", { href: claim.fileUrl, rel: "noreferrer" }, fileWhere) : fileWhere)
    : el("div", { className: "muted where" }, "drafted on the fly (no claims file)");
  var open = articleOfDoc[claim.doc] === undefined ? null
    : el("button", { type: "button", className: "link in-article", onclick: function () { showArticle(articleOfDoc[claim.doc], articleClaimOf(claimRow)); } }, "show in the article");
  return el("div", { className: "claim" }, head, outlet ? el("div", { className: "byline untrusted" }, outlet) : null, quote(segments), reading, source, open);
}

function diffLine(ops) {
  var node = el("p", { className: "diff" }, el("span", { className: "muted" }, "word diff: "));
  ops.forEach(function (op, i) {
    if (i) node.appendChild(document.createTextNode(" "));
    node.appendChild(op[0] === "-" ? el("del", null, op[1]) : op[0] === "+" ? el("ins", null, op[1]) : document.createTextNode(op[1]));
  });
  return node;
}

/* The hints of resolve.py, each with the claims (file and id) a waiver may go in. */
function resolve(f) {
  var box = el("details", { className: "resolve" }, el("summary", null, "How to resolve"));
  f.hints.forEach(function (pair) {
    var hint = data.hints[pair[0]];
    box.appendChild(el("p", { className: "hint " + hint.action }, hint.advice));
    if (pair[1].length) {
      box.appendChild(elList("ul", { className: "places" }, pair[1].map(function (row) {
        var claim = data.claims[row];
        return el("li", null, el("code", { className: "untrusted" }, data.files[claim.file][0] + (claim.fileLine ? ":" + claim.fileLine : "")), ", the claim with id ", el("code", null, claim.id));
      })));
    }
    if (hint.snippet) box.appendChild(el("pre", { className: hint.language }, hint.snippet));
  });
  return box;
}

function finding(f, n) {
  var key = f.subject + " · " + f.property + (f.scope ? " (" + f.scope + ")" : "");
  var header = el("header", null,
    el("span", { className: "badge " + f.severity }, f.severity),
    el("span", { className: "rule" }, ruleLabel(f.rule)),
    el("span", { className: "key untrusted" }, key),
    el("span", { className: "fingerprint mono" }, "#" + (n + 1) + " · " + f.fingerprint));
  var facts = [];
  if (f.similarity !== null) facts.push("similarity " + f.similarity.toFixed(2));
  if (f.confidence !== null) facts.push("match confidence " + f.confidence.toFixed(2));
  var claims = el("div", { className: f.quotes ? "claims words" : "claims" });
  f.claims.forEach(function (ci, k) {
    var claim = data.claims[ci];
    claims.appendChild(claimCard(ci, f.quotes ? f.quotes[k] : claim.quote));
  });
  return el("article", { className: "finding " + f.severity, tabIndex: -1, dataset: { severity: f.severity, rule: f.rule, fingerprint: f.fingerprint } },
    header,
    el("p", { className: "message" }, f.message),
    f.explanation ? el("p", { className: "explanation" }, f.explanation) : null,
    facts.length ? el("p", { className: "facts" }, facts.join(" · ")) : null,
    f.diff ? diffLine(f.diff) : null,
    claims,
    resolve(f));
}

function draw() {
  var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  state.page = Math.min(Math.max(0, state.page), pages - 1);
  var first = state.page * PAGE_SIZE, last = Math.min(shown.length, first + PAGE_SIZE);
  counter.textContent = shown.length
    ? "Showing " + (first + 1) + "–" + last + " of " + plural(shown.length, "finding") + (shown.length < data.findings.length ? " (filtered from " + data.findings.length + ")" : "")
    : "No finding matches the filters.";
  pagers.forEach(function (pager) {
    pager.querySelector(".page").textContent = "page " + (state.page + 1) + " of " + pages;
    pager.querySelector(".prev").disabled = state.page === 0;
    pager.querySelector(".next").disabled = state.page >= pages - 1;
  });
  var fragment = document.createDocumentFragment();
  for (var i = first; i < last; i++) fragment.appendChild(finding(data.findings[shown[i]], shown[i]));
  list.replaceChildren(fragment);
}

function turn(delta) { state.page += delta; state.current = -1; draw(); window.scrollTo(0, list.offsetTop - 80); }

function move(delta) {
  var cards = list.querySelectorAll("article.finding");
  if (!cards.length) return;
  var next = state.current + delta;
  var pages = Math.ceil(shown.length / PAGE_SIZE);
  if (next >= cards.length && state.page < pages - 1) { state.page++; draw(); next = 0; }
  else if (next < 0 && state.current !== -1 && state.page > 0) { state.page--; draw(); next = PAGE_SIZE - 1; }
  cards = list.querySelectorAll("article.finding");
  state.current = Math.min(Math.max(0, next), cards.length - 1);
  cards[state.current].focus();
}

/* Open the page that holds the finding with this fingerprint (a link ending #fingerprint) and focus it. */
function reveal(fingerprint) {
  var at = shown.findIndex(function (i) { return data.findings[i].fingerprint === fingerprint; });
  if (at < 0) return;
  state.page = Math.floor(at / PAGE_SIZE);
  draw();
  state.current = at % PAGE_SIZE;
  list.querySelectorAll("article.finding")[state.current].focus();
}

