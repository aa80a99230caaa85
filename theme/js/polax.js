/* polax theme: the light/dark toggle (remembered in localStorage) and search over MkDocs' search
   index (search/search_index.json), fetched from this site only when the reader opens search.
   Everything here is progressive: without JavaScript both buttons stay hidden. */
(function () {
  "use strict";
  var root = document.documentElement;
  var KEY = "polax-theme";

  function systemDark() {
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  }
  function currentMode() {
    var set = root.getAttribute("data-theme");
    return set === "dark" || set === "light" ? set : (systemDark() ? "dark" : "light");
  }

  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    var sync = function () { toggle.setAttribute("aria-pressed", currentMode() === "dark" ? "true" : "false"); };
    toggle.hidden = false;
    sync();
    toggle.addEventListener("click", function () {
      var next = currentMode() === "dark" ? "light" : "dark";
      root.setAttribute("data-theme", next);
      try { localStorage.setItem(KEY, next); } catch (e) { /* private mode: not remembered */ }
      sync();
    });
  }

  // Code blocks and tables that scroll sideways can be scrolled with the keyboard too.
  var scrollers = document.querySelectorAll(".prose pre, .prose table");
  for (var i = 0; i < scrollers.length; i++) {
    if (scrollers[i].scrollWidth > scrollers[i].clientWidth) {
      scrollers[i].setAttribute("tabindex", "0");
    }
  }

  var button = document.querySelector(".search-toggle");
  var panel = document.getElementById("search");
  if (!button || !panel || !window.fetch) return;
  var form = panel.querySelector("form");
  var input = panel.querySelector("input");
  var out = panel.querySelector(".search-results");
  var base = form.getAttribute("data-base") || "./";
  if (base.charAt(base.length - 1) !== "/") base += "/";
  var docs = null;
  var loading = null;
  button.hidden = false;

  function load() {
    if (!loading) {
      loading = fetch(form.getAttribute("data-index"))
        .then(function (r) { return r.ok ? r.json() : { docs: [] }; })
        .then(function (data) { docs = prepare(data.docs || []); return docs; })
        .catch(function () { docs = []; return docs; });
    }
    return loading;
  }

  // Titles reach the index HTML-escaped ('&lt;' for '<', as themes that print them as HTML need); they
  // are shown with textContent, so decode them first. A <textarea> parses entities, never elements.
  var decoder = document.createElement("textarea");
  function decode(s) {
    decoder.innerHTML = String(s || "");
    return decoder.value;
  }

  // One entry per page (the index also has one per section): title and whole text, lower-cased once.
  function prepare(items) {
    var pages = {};
    var order = [];
    items.forEach(function (d) {
      var page = String(d.location || "").split("#")[0];
      var entry = pages[page];
      if (!entry) {
        entry = pages[page] = { location: page, title: "", text: "" };
        order.push(entry);
      }
      if (!entry.title || String(d.location).indexOf("#") < 0) entry.title = d.title || entry.title;
      entry.text += " " + (d.text || "");
    });
    // Listing pages have no text: keep the first of each title (page 2 of "Design" adds nothing).
    var titles = {};
    return order.filter(function (e) {
      if (e.text.trim()) return true;
      if (!e.title || titles[e.title]) return false;
      titles[e.title] = true;
      return true;
    }).map(function (e) {
      var text = e.text.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
      var title = decode(e.title);
      return { location: e.location, title: title, text: text, hay: (title + " " + text).toLowerCase(), head: title.toLowerCase() };
    });
  }

  function search(query) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    var hits = [];
    docs.forEach(function (d) {
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        if (d.hay.indexOf(words[i]) < 0) return;
        score += d.head.indexOf(words[i]) >= 0 ? 10 : 1;
      }
      hits.push({ doc: d, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score; });
    return hits.slice(0, 10);
  }

  function snippet(text, word) {
    var at = text.toLowerCase().indexOf(word);
    if (at < 0) return text.slice(0, 140);
    var start = Math.max(0, at - 60);
    return (start ? "…" : "") + text.slice(start, start + 160) + "…";
  }

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    return node;
  }

  // The snippet as text nodes, the first query word wrapped in <mark> (never parsed as HTML).
  function marked(text, word) {
    var span = el("span");
    var at = text.toLowerCase().indexOf(word);
    if (at < 0 || !word) {
      span.textContent = text;
      return span;
    }
    span.appendChild(document.createTextNode(text.slice(0, at)));
    span.appendChild(el("mark", text.slice(at, at + word.length)));
    span.appendChild(document.createTextNode(text.slice(at + word.length)));
    return span;
  }

  function render() {
    var query = input.value.trim();
    while (out.firstChild) out.removeChild(out.firstChild);
    if (query.length < 2 || !docs) return;
    var hits = search(query);
    if (!hits.length) {
      out.appendChild(el("p", input.getAttribute("data-no-results") || "No results"));
      return;
    }
    var list = el("ol");
    var first = query.toLowerCase().split(/\s+/)[0];
    hits.forEach(function (h) {
      var li = el("li");
      var a = el("a");
      a.href = base + h.doc.location;
      a.appendChild(el("strong", h.doc.title));
      a.appendChild(marked(snippet(h.doc.text, first), first));
      li.appendChild(a);
      list.appendChild(li);
    });
    out.appendChild(list);
  }

  function open() {
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    input.focus();
    load().then(render);
  }
  function close() {
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
  }

  button.addEventListener("click", function () { panel.hidden ? open() : close(); });
  input.addEventListener("input", function () { if (docs) render(); else load().then(render); });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var link = out.querySelector("a");
    if (link) window.location.href = link.href;
  });
  document.addEventListener("keydown", function (e) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((e.target && e.target.tagName) || "") || (e.target && e.target.isContentEditable);
    if (e.key === "/" && !typing) { e.preventDefault(); open(); }
    else if (e.key === "Escape" && !panel.hidden) { close(); button.focus(); }
  });
})();
