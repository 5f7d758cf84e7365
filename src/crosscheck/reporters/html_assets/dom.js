/* crosscheck HTML report, part 1 of 4 (dom.js, findings.js, articles.js, main.js): html.py joins the parts,
 * in that order, into the body of one strict-mode function, the page's one script, allowed by its sha256 in
 * the Content-Security-Policy.  It loads nothing, and every piece of report text becomes a DOM text node,
 * so no article text is ever parsed as HTML.  This part: the data, and the helpers every part uses. */
var PAGE_SIZE = 50;
var SEVERITIES = ["error", "warning", "info"];
var VALUE = 1, DIFFERS = 2;
var data = JSON.parse(document.getElementById("report-data").textContent);

/* Rows come with their field names given once (see CLAIM_FIELDS and the others in html.py). */
function records(rows, fields) {
  return rows.map(function (row) { var record = {}; fields.forEach(function (name, i) { record[name] = row[i]; }); return record; });
}
data.claims = records(data.claims, data.claimFields);
data.findings = records(data.findings, data.findingFields);
data.hints = records(data.hints, data.hintFields);

/* The articles' claims and texts: a second data block, most of a large report's bytes, parsed on first use. */
var articleData = null;
function articleRows() {
  if (!articleData) {
    articleData = JSON.parse(document.getElementById("article-data").textContent);
    articleData.claims = records(articleData.claims, articleData.claimFields);
  }
  return articleData;
}

var app = document.getElementById("app");
var state = {
  view: "findings", severities: { error: true, warning: true, info: true }, rule: "", doc: -1, text: "", page: 0, current: -1,
  article: -1, claim: -1
};

/* el("p", {className: "x"}, "text", child, ...): strings become text nodes. */
function el(tag, props) {
  var node = document.createElement(tag);
  if (props) {
    Object.keys(props).forEach(function (key) {
      if (key === "dataset") Object.keys(props.dataset).forEach(function (k) { node.dataset[k] = props.dataset[k]; });
      else node[key] = props[key];
    });
  }
  for (var i = 2; i < arguments.length; i++) {
    var child = arguments[i];
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
  return node;
}

/* el(tag, props, [children]): the same with the children in a list. */
function elList(tag, props, children) { return el.apply(null, [tag, props].concat(children)); }

function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
function docName(claim) { return data.documents[claim.doc]; }
function ruleLabel(rule) { var info = data.rules[rule]; return info && info.name ? rule + " " + info.name : rule; }
function safeHref(url) { return typeof url === "string" && /^(https?:|file:|[^:]*$)/i.test(url) ? url : null; }
function confidence(value) { return value === null ? "" : " · confidence " + value.toFixed(2); }

/* The findings that name each claim row, worked out once on first use. */
var findingsOfClaim = null;
function findingsNaming(claimRow) {
  if (!findingsOfClaim) {
    findingsOfClaim = {};
    data.findings.forEach(function (f, i) { f.claims.forEach(function (c) { (findingsOfClaim[c] = findingsOfClaim[c] || []).push(i); }); });
  }
  return findingsOfClaim[claimRow] || [];
}

/* The article showing a document, by the document's row; -1 when the report holds no text of it. */
var articleOfDoc = {};
data.articles.forEach(function (article, i) { articleOfDoc[article.doc] = i; });

/* The article view's claim row of a findings' claim row, or -1. */
function articleClaimOf(claimRow) {
  var claim = data.claims[claimRow], k = articleOfDoc[claim.doc];
  if (k === undefined) return -1;
  var range = data.articles[k].claims, rows = articleRows().claims;
  for (var i = range[0]; i < range[1]; i++) if (rows[i].ref === claimRow || rows[i].id === claim.id) return i;
  return -1;
}
