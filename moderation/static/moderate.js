/* Moderator pages: keyboard shortcuts, selection, undo bar and live queue counts.
   Plain JavaScript, no dependencies; the pages work without it (forms post normally). */
(function () {
  "use strict";

  var cards = [];
  var current = -1;
  var STORE = "moderation.current";

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  function setCurrent(index, focus) {
    if (!cards.length) { return; }
    index = Math.max(0, Math.min(cards.length - 1, index));
    if (current >= 0 && cards[current]) { cards[current].classList.remove("current"); }
    current = index;
    var card = cards[current];
    card.classList.add("current");
    if (focus !== false) {
      card.focus({ preventScroll: true });
      card.scrollIntoView({ block: "nearest" });
    }
  }

  function remember() {
    try { sessionStorage.setItem(STORE, String(current)); } catch (e) { /* private mode */ }
  }

  function toggleHelp(show) {
    var help = document.getElementById("help");
    if (!help) { return; }
    var visible = show === undefined ? help.hidden : show;
    help.hidden = !visible;
    if (visible) { document.getElementById("help-close").focus(); }
  }

  function updateSelection() {
    var status = document.getElementById("selection-status");
    var all = document.getElementById("all-matching");
    if (!status) { return; }
    var n = document.querySelectorAll(".card .select:checked").length;
    if (all && all.value === "1") {
      status.textContent = "All " + document.getElementById("select-matching").dataset.total + " matching comments selected";
    } else {
      status.textContent = n ? n + " selected" : "";
    }
  }

  function submitForm(form) {
    remember();
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target && target.classList && target.classList.contains("reject-reason") && event.key === "Enter") {
      event.preventDefault();
      submitForm(target.form);
      return;
    }
    if (event.key === "Escape") { toggleHelp(false); return; }
    if (typing(target)) { return; }
    var card = current >= 0 ? cards[current] : null;
    switch (event.key) {
      case "j": setCurrent(current + 1); break;
      case "k": setCurrent(current - 1); break;
      case "a":
        if (card) { submitForm(card.querySelector(".approve-form")); }
        break;
      case "r":  // reject at once with the reason that follows why it was held (actions block)
        if (card && card.querySelector(".reject-form")) { submitForm(card.querySelector(".reject-form")); }
        break;
      case "R": case "t": case "e": case "n":  // the actions block below
        if (!card || !window.moderationActionKey || !window.moderationActionKey(event.key, card)) { return; }
        break;
      case "x":
        if (card) {
          var box = card.querySelector(".select");
          box.checked = !box.checked;
          updateSelection();
        }
        break;
      case "u":
        var undo = document.getElementById("undo-button");
        if (undo && !undo.closest(".undo").hidden) { submitForm(undo.form); }
        else if (window.moderationUndoTooLate) { window.moderationUndoTooLate(); }
        break;
      case "?": toggleHelp(); break;
      default: return;
    }
    event.preventDefault();
  }

  function pollCounts(nav) {
    var url = nav.dataset.countsUrl;
    if (nav.dataset.since) {  // the "N new comments" banner (actions block)
      url += (url.indexOf("?") >= 0 ? "&" : "?") + "since=" + encodeURIComponent(nav.dataset.since);
    }
    var status = document.getElementById("counts-status");
    function refresh() {
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (counts) {
          if (!counts) { return; }
          var changed = false;
          Object.keys(counts).forEach(function (tab) {
            var el = nav.querySelector('[data-count="' + tab + '"]');
            if (el && el.textContent !== String(counts[tab])) {
              el.textContent = String(counts[tab]);
              changed = true;
            }
          });
          if (changed && status) { status.textContent = "Queue counts updated"; }
          document.dispatchEvent(new CustomEvent("moderation:counts", { detail: counts }));
        })
        .catch(function () { /* offline for a moment: try again next time */ });
    }
    var every = parseInt(nav.dataset.pollMs || "5000", 10);
    window.setInterval(refresh, every);
  }

  document.addEventListener("DOMContentLoaded", function () {
    cards = Array.prototype.slice.call(document.querySelectorAll(".cards .card, article.card.single"));
    cards.forEach(function (card, index) {
      card.addEventListener("click", function () { setCurrent(index, false); current = index; });
      card.addEventListener("focusin", function () {
        if (current !== index) {
          if (current >= 0 && cards[current]) { cards[current].classList.remove("current"); }
          current = index;
          card.classList.add("current");
        }
      });
    });
    if (cards.length) {
      var saved = -1;
      try { saved = parseInt(sessionStorage.getItem(STORE) || "-1", 10); } catch (e) { saved = -1; }
      try { sessionStorage.removeItem(STORE); } catch (e) { /* ignore */ }
      setCurrent(saved >= 0 ? saved : 0, saved >= 0);
    }
    document.addEventListener("keydown", onKey);

    var selectPage = document.getElementById("select-page");
    if (selectPage) {
      selectPage.addEventListener("change", function () {
        document.querySelectorAll(".card .select").forEach(function (box) { box.checked = selectPage.checked; });
        updateSelection();
      });
    }
    var selectMatching = document.getElementById("select-matching");
    if (selectMatching) {
      selectMatching.addEventListener("click", function () {
        var all = document.getElementById("all-matching");
        all.value = all.value === "1" ? "0" : "1";
        selectMatching.setAttribute("aria-pressed", all.value === "1" ? "true" : "false");
        updateSelection();
      });
    }
    document.querySelectorAll(".card .select").forEach(function (box) {
      box.addEventListener("change", updateSelection);
    });
    var close = document.getElementById("help-close");
    if (close) { close.addEventListener("click", function () { toggleHelp(false); }); }

    var nav = document.querySelector(".tabs[data-counts-url]");
    if (nav && window.fetch) { pollCounts(nav); }
  });
})();

/* ---- Display block (issue 17, items 5-6): times in the moderator's time zone ----
   Every <time datetime> holds a stored UTC time and a UTC text for pages without JavaScript
   (templates/_time.html). Here it is rewritten with Intl in the browser's time zone and
   language. data-style: "datetime", "date", "relative" ("5 minutes ago"), "until"
   ("8 December (in 7 days)"); none: relative under a day, else the date and time. The title
   always holds the full local time with its zone. Relative texts refresh every 30 seconds. */
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat) { return; }
  var DAY = 86400000;
  var full = new Intl.DateTimeFormat(undefined, {
    year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit",
    timeZoneName: "short"
  });
  var dateOnly = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "long", day: "numeric" });
  var dayMonth = new Intl.DateTimeFormat(undefined, { month: "long", day: "numeric" });
  var relativeFormat = Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }) : null;
  var UNITS = [["year", 365 * DAY], ["month", 30 * DAY], ["day", DAY], ["hour", 3600000], ["minute", 60000]];

  function relative(moment, now) {
    var diff = moment - now;
    var size = Math.abs(diff);
    for (var i = 0; i < UNITS.length; i++) {
      var unit = UNITS[i][0], length = UNITS[i][1];
      if (size >= length) {
        var count = unit === "day" ? Math.round(size / length) : Math.floor(size / length);
        if (relativeFormat) { return relativeFormat.format(diff < 0 ? -count : count, unit); }
        var words = count + " " + unit + (count === 1 ? "" : "s");
        return diff < 0 ? words + " ago" : "in " + words;
      }
    }
    return diff < 0 ? "just now" : "in a moment";
  }

  function render(el, now) {
    var moment = new Date(el.getAttribute("datetime"));
    if (isNaN(moment.getTime())) { return; }
    var style = el.dataset.style || "auto";
    var text;
    if (style === "date") {
      text = dateOnly.format(moment);
    } else if (style === "relative") {
      text = relative(moment, now);
    } else if (style === "until") {
      var sameYear = moment.getFullYear() === new Date(now).getFullYear();
      text = (sameYear ? dayMonth : dateOnly).format(moment) + " (" + relative(moment, now) + ")";
    } else if (style === "auto" && Math.abs(moment - now) < DAY) {
      text = relative(moment, now);
    } else {
      text = full.format(moment);
    }
    el.textContent = text;
    el.title = full.format(moment);
    el.dataset.localised = "1";
  }

  function renderAll() {
    var now = Date.now();
    document.querySelectorAll("time[datetime]").forEach(function (el) { render(el, now); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    renderAll();
    window.setInterval(renderAll, 30000);
  });
})();
/* ---- end of the display block ---- */

/* ---- Actions block (issue 17, items 1, 2, 7): reject as held, trust, edit, note, undo bar,
   the "N new comments" banner. The keys come from the shared handler above (r, R, t, e, n, u);
   everything here also works by Tab and Enter, and the forms post without JavaScript. ---- */
(function () {
  "use strict";

  function submit(form) {
    if (!form) { return; }
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }

  function openBox(card, selector) {
    var box = card.querySelector(selector);
    if (!box) { return false; }
    box.open = true;
    var field = box.querySelector("textarea");
    if (field) { field.focus(); }
    return true;
  }

  // Shift+R: choose another reason (Enter on it rejects); t: approve and trust; e: edit; n: note.
  window.moderationActionKey = function (key, card) {
    if (key === "R") {
      var reason = card.querySelector(".reject-reason");
      if (!reason) { return false; }
      reason.focus();
      return true;
    }
    if (key === "t") { submit(card.querySelector(".trust-form")); return !!card.querySelector(".trust-form"); }
    if (key === "e") { return openBox(card, ".edit-approve"); }
    if (key === "n") { return openBox(card, ".note-only"); }
    return false;
  };

  // u once the bar has gone (or with none): say so instead of doing nothing.
  window.moderationUndoTooLate = function () {
    var message = document.getElementById("undo-message");
    if (!message) { return; }
    var late = document.getElementById("undo-bar") || message.dataset.expired === "1";
    message.classList.remove("undo-undone");
    message.textContent = late ? message.dataset.late : message.dataset.nothing;
    message.hidden = false;
  };

  document.addEventListener("DOMContentLoaded", function () {
    // The reject button names the reason it rejects for.
    document.querySelectorAll(".reject-form").forEach(function (form) {
      var select = form.querySelector(".reject-reason");
      var label = form.querySelector(".reject-as");
      if (!select || !label) { return; }
      select.addEventListener("change", function () {
        var text = select.options[select.selectedIndex].textContent.replace(/ \(as held\)$/, "");
        label.textContent = text.toLowerCase();
      });
    });

    // Ctrl+Enter saves an edit or a note; Esc closes its box and goes back to the card.
    document.querySelectorAll(".edit-approve textarea, .note-only textarea").forEach(function (field) {
      field.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          submit(field.form);
        } else if (event.key === "Escape") {
          var box = field.closest("details");
          box.open = false;
          var card = field.closest(".card");
          if (card) { card.focus({ preventScroll: true }); }
        }
      });
    });

    // The undo bar counts down and goes when the server's window ends.
    var bar = document.getElementById("undo-bar");
    if (bar) {
      var left = parseInt(bar.dataset.undoSeconds || "0", 10);
      var seconds = bar.querySelector(".undo-seconds");
      var timer = window.setInterval(function () {
        left -= 1;
        if (seconds) { seconds.textContent = String(Math.max(left, 0)); }
        if (left <= 0) {
          window.clearInterval(timer);
          bar.hidden = true;
        }
      }, 1000);
    }

    // "N new comments": new held (or reported) comments since the page was rendered.
    var banner = document.getElementById("new-comments");
    if (banner) {
      document.addEventListener("moderation:counts", function (event) {
        var n = event.detail && event.detail["new"];
        if (typeof n !== "number") { return; }
        banner.querySelector(".new-count").textContent = String(n);
        banner.querySelector(".new-plural").textContent = n === 1 ? "" : "s";
        banner.hidden = n <= 0;
      });
    }
  });
})();
/* ---- end of the actions block ---- */

/* ---- Phone layout block (issue 17, item 8): on a narrow screen the queue's filters fold
   behind a "Filters" button (the stylesheet shows the button and hides the folded form only
   below 640 px; without JavaScript the filters simply stay open). ---- */
(function () {
  "use strict";

  function activeFilters(form) {
    var count = 0;
    form.querySelectorAll("select, input:not([type=hidden])").forEach(function (field) {
      if (field.tagName === "SELECT") {
        // Only choices whose "any" option is the empty one count (not the order or attribute).
        if (field.options.length && field.options[0].value === "" && field.value !== "") { count++; }
      } else if (field.value !== "") {
        count++;
      }
    });
    return count;
  }

  function init() {
    var form = document.querySelector("form.filters");
    if (!form) { return; }
    if (!form.id) { form.id = "queue-filters"; }
    var count = activeFilters(form);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "filters-toggle";
    button.setAttribute("aria-controls", form.id);
    button.setAttribute("aria-expanded", "false");
    button.textContent = count ? "Filters (" + count + " on)" : "Filters";
    form.classList.add("collapsible");
    form.parentNode.insertBefore(button, form);
    button.addEventListener("click", function () {
      var open = !form.classList.contains("open");
      form.classList.toggle("open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) {
        var first = form.querySelector("select, input:not([type=hidden])");
        if (first) { first.focus(); }
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
/* ---- end of the phone layout block ---- */
