/* Part 4 of 4: the two views (findings, articles), the keyboard, and drawing the page. */
var views = {}, tabs = {};

function showView(name) {
  if (state.view === name && views[name] && !views[name].hidden) return;
  if (name === "articles" && !articlesBuilt) { articlesView(views.articles); articlesBuilt = true; }
  state.view = name;
  Object.keys(views).forEach(function (key) {
    views[key].hidden = key !== name;
    tabs[key].setAttribute("aria-selected", String(key === name));
    tabs[key].tabIndex = key === name ? 0 : -1;
  });
  if (name === "articles" && state.article < 0 && data.articles.length) drawArticle(Number(articlePick.options[0].value));
  if (name === "findings" && location.hash.indexOf("#article-") === 0) history.replaceState(null, "", location.pathname + location.search);
}

function tabBar() {
  var bar = el("div", { className: "tabs", role: "tablist", ariaLabel: "Views" });
  [["findings", "Findings (" + data.findings.length + ")", "f"], ["articles", "Articles (" + data.articles.length + ")", "a"]].forEach(function (tab) {
    tabs[tab[0]] = el("button", { type: "button", role: "tab", id: "tab-" + tab[0], onclick: function () { showView(tab[0]); } }, tab[1], " ", el("kbd", null, tab[2]));
    bar.appendChild(tabs[tab[0]]);
  });
  return bar;
}

/* Open the finding with this fingerprint: its page, with the filters cleared if they hide it. */
function revealFinding(fingerprint) {
  showView("findings");
  if (!data.findings.length) return;
  if (!shown.some(function (i) { return data.findings[i].fingerprint === fingerprint; })) {
    state.rule = ""; state.doc = -1; state.text = "";
    SEVERITIES.forEach(function (sev) { state.severities[sev] = true; controls[sev].checked = true; });
    controls.rule.value = ""; controls.doc.value = "-1"; controls.text.value = "";
    apply();
  }
  reveal(fingerprint);
}

function keys(event) {
  var target = event.target;
  if (event.altKey || event.ctrlKey || event.metaKey || /^(SELECT|TEXTAREA)$/.test(target.tagName) || (target.tagName === "INPUT" && target.type !== "checkbox")) return;
  if (event.key === "/" && data.findings.length) { showView("findings"); controls.text.focus(); }
  else if (event.key === "f") showView("findings");
  else if (event.key === "a") showView("articles");
  else if (state.view === "articles" && data.articles.length) {
    if (event.key === "j") moveClaim(1);
    else if (event.key === "k") moveClaim(-1);
    else if (event.key === "ArrowRight") turnArticle(1);
    else if (event.key === "ArrowLeft") turnArticle(-1);
    else return;
  } else if (state.view === "findings" && data.findings.length) {
    var onFinding = target.classList && target.classList.contains("finding");
    if (event.key === "j" || (onFinding && event.key === "ArrowDown")) move(1);
    else if (event.key === "k" || (onFinding && event.key === "ArrowUp")) move(-1);
    else if (event.key === "ArrowRight" && !pagers[0].querySelector(".next").disabled) turn(1);
    else if (event.key === "ArrowLeft" && !pagers[0].querySelector(".prev").disabled) turn(-1);
    else return;
  } else return;
  event.preventDefault();
}

app.appendChild(summary());
app.appendChild(tabBar());
views.findings = el("section", { id: "findings-view", role: "tabpanel" });
views.articles = el("section", { id: "articles-view", role: "tabpanel", hidden: true });
app.appendChild(views.findings);
app.appendChild(views.articles);
state.view = "";
showView("findings");
if (data.findings.length) {
  views.findings.appendChild(filters());
  counter = el("p", { className: "muted", id: "counter" });
  pagers = [0, 1].map(function () {
    return el("div", { className: "pager" },
      el("button", { type: "button", className: "prev", onclick: function () { turn(-1); } }, "← previous"),
      el("span", { className: "page muted" }),
      el("button", { type: "button", className: "next", onclick: function () { turn(1); } }, "next →"));
  });
  list = el("section", { id: "findings", ariaLabel: "Findings" });
  [counter, pagers[0], list, pagers[1]].forEach(function (node) { views.findings.appendChild(node); });
  list.addEventListener("focusin", function (event) {
    var at = Array.prototype.indexOf.call(list.querySelectorAll("article.finding"), event.target);  /* clicked or tabbed to */
    if (at < 0) return;
    state.current = at;
    history.replaceState(null, "", "#" + event.target.dataset.fingerprint);  /* the address now links to this finding */
  });
  apply();
}
document.addEventListener("keydown", keys);
if (location.hash.indexOf("#article-") === 0) showArticle(Number(location.hash.slice(9)), -1);
else if (data.findings.length) reveal(location.hash.slice(1));
