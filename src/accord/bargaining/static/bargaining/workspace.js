/* The settlement workspace in the browser. Everything here is an enhancement: without it the
 * page works, and shows what changed when it is reloaded.
 *
 * Small helpers: slider values shown as numbers, a running total of the points given to the
 * issues (they must add up to 100), and the "add an issue" form showing only the fields of
 * the kind chosen.
 *
 * Live updates: the page holds, per topic, the count of changes it was drawn with
 * (data-counts). It asks the server for the current counts (data-changes-url, one cheap
 * query), and for each topic that moved fetches again the parts that show it
 * (data-topic-parts), through the page's own view (?part=...), which checks access as the
 * page does. It asks when the person's socket (/ws/me/) says "look again" for this process,
 * when the socket (re)connects (events sent while it was down are not replayed), when the
 * tab comes back into view, when the engine finishes, and every few seconds anyway: the
 * counts live in the database, so a dropped event only delays an update, never loses it.
 *
 * Nothing a person typed is lost: a part with a field being typed in, or changed and not
 * saved, is not replaced; it says calmly that it changed, and is replaced once the person
 * has left it untouched.
 */
(function () {
  "use strict";

  var POLL_WITH_SOCKET_MS = 30000; // a safety net behind the socket's hints
  var POLL_WITHOUT_SOCKET_MS = 4000;
  var RETRY_FIRST_MS = 2000;
  var RETRY_MAX_MS = 60000;
  var TYPING = "input:not([type=hidden]):not([type=submit]):not([type=button])" +
    ":not([type=radio]):not([type=checkbox]), textarea, select";

  // --- helpers of the forms ----------------------------------------------------------------

  function sliders(root) {
    root.querySelectorAll("input.slider").forEach(function (input) {
      var output = root.querySelector('output[for="' + input.id + '"]');
      if (!output) { return; }
      var show = function () { output.textContent = input.value; };
      input.addEventListener("input", show);
      show();
    });
  }

  function total(form) {
    var label = form.querySelector("[data-points-total]");
    if (!label) { return; }
    var inputs = form.querySelectorAll("input.points");
    var update = function () {
      var sum = 0;
      inputs.forEach(function (i) { sum += parseInt(i.value, 10) || 0; });
      label.textContent = String(sum);
      label.parentElement.classList.toggle("off", sum !== 100);
    };
    inputs.forEach(function (i) { i.addEventListener("input", update); });
    update();
  }

  function kindGroups(form) {
    var groups = form.querySelectorAll("[data-kind-group]");
    var show = function () {
      var chosen = form.querySelector('input[name="kind"]:checked');
      groups.forEach(function (group) {
        group.hidden = Boolean(chosen) && group.getAttribute("data-kind-group") !== chosen.value;
      });
    };
    form.querySelectorAll('input[name="kind"]').forEach(function (radio) {
      radio.addEventListener("change", show);
    });
    show();
  }

  function enhance(root) {
    sliders(root);
    root.querySelectorAll("form.preferences").forEach(total);
    root.querySelectorAll("form[data-issue-form]").forEach(kindGroups);
  }

  // --- live updates ------------------------------------------------------------------------

  function changed(control) {
    if (control.matches("select")) {
      var chosen = 0;
      Array.prototype.forEach.call(control.options, function (option, index) {
        if (option.defaultSelected) { chosen = index; }
      });
      return control.selectedIndex !== chosen;
    }
    if (control.type === "radio" || control.type === "checkbox") {
      return control.checked !== control.defaultChecked;
    }
    return control.value !== control.defaultValue;
  }

  /* Whether replacing the part now could lose what the person is doing in it. */
  function inUse(part) {
    var active = document.activeElement;
    if (active && part.contains(active) && active.matches(TYPING)) { return true; }
    var controls = part.querySelectorAll(
      "input:not([type=hidden]):not([type=submit]):not([type=button]), textarea, select"
    );
    return Array.prototype.some.call(controls, changed);
  }

  function Live(root) {
    this.root = root;
    this.process = root.getAttribute("data-process");
    this.changesUrl = root.getAttribute("data-changes-url");
    this.partsUrl = root.getAttribute("data-parts-url");
    this.socketUrl = root.getAttribute("data-socket-url");
    this.counts = JSON.parse(root.getAttribute("data-counts") || "{}");
    this.topicParts = JSON.parse(root.getAttribute("data-topic-parts") || "{}");
    this.note = root.querySelector("[data-live-note]");
    this.waiting = {}; // part name -> the newer part, held while the person works in it
    this.looking = false;
    this.lookAgain = false;
    this.socketLive = false;
    this.attempt = 0;
    this.timer = null;
    var self = this;
    document.addEventListener("visibilitychange", function () {
      if (document.hidden) { clearTimeout(self.timer); } else { self.look(); }
    });
    document.body.addEventListener("bargaining:look", function () { self.look(); });
    ["focusout", "input", "change"].forEach(function (type) {
      root.addEventListener(type, function () { setTimeout(self.release.bind(self), 0); });
    });
    this.connect();
    this.schedule();
  }

  Live.prototype.schedule = function () {
    clearTimeout(this.timer);
    if (document.hidden) { return; }
    var wait = this.socketLive ? POLL_WITH_SOCKET_MS : POLL_WITHOUT_SOCKET_MS;
    this.timer = setTimeout(this.look.bind(this), wait);
  };

  Live.prototype.connect = function () {
    if (!this.socketUrl || !window.WebSocket) { return; }
    var self = this;
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket;
    try {
      socket = new WebSocket(scheme + window.location.host + this.socketUrl);
    } catch (error) {
      return;
    }
    socket.onopen = function () {
      self.socketLive = true;
      self.attempt = 0;
      self.look(); // whatever was said while the socket was down
    };
    socket.onmessage = function (event) {
      var frame;
      try { frame = JSON.parse(event.data); } catch (error) { return; }
      var data = frame && frame.data;
      if (data && data.kind === "bargaining" && data.process === self.process) { self.look(); }
    };
    socket.onclose = function () {
      self.socketLive = false;
      self.schedule();
      var wait = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * Math.pow(2, self.attempt));
      self.attempt += 1;
      setTimeout(self.connect.bind(self), wait);
    };
  };

  Live.prototype.look = function () {
    if (this.looking) { this.lookAgain = true; return; }
    this.looking = true;
    var self = this;
    fetch(this.changesUrl, {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) { throw new Error("changes: " + response.status); }
        return response.json();
      })
      .then(function (body) { return self.follow(body.counts || {}); })
      .catch(function () { /* offline or signed out: the next look tries again */ })
      .then(function () {
        self.looking = false;
        if (self.lookAgain) {
          self.lookAgain = false;
          self.look();
        } else {
          self.schedule();
        }
      });
  };

  /* Fetch the parts of every topic that moved; keep the new counts once they are shown. */
  Live.prototype.follow = function (counts) {
    var self = this;
    var parts = [];
    Object.keys(counts).forEach(function (topic) {
      if (counts[topic] === self.counts[topic]) { return; }
      (self.topicParts[topic] || []).forEach(function (name) {
        if (parts.indexOf(name) < 0) { parts.push(name); }
      });
    });
    if (!parts.length) {
      this.counts = counts;
      return null;
    }
    var query = parts.map(function (name) { return "part=" + encodeURIComponent(name); });
    return fetch(this.partsUrl + "?" + query.join("&"), {
      credentials: "same-origin",
      cache: "no-store",
      headers: { "HX-Request": "true" },
    })
      .then(function (response) {
        if (!response.ok) { throw new Error("parts: " + response.status); }
        return response.text();
      })
      .then(function (html) {
        self.show(html, parts);
        self.counts = counts;
      });
  };

  Live.prototype.show = function (html, names) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var fresh = {};
    template.content.querySelectorAll("[data-part]").forEach(function (part) {
      fresh[part.getAttribute("data-part")] = part;
    });
    var shown = [];
    var self = this;
    names.forEach(function (name) {
      var current = self.root.querySelector('[data-part="' + name + '"]');
      var next = fresh[name];
      if (!current || !next) { return; } // a part this person is not shown
      if (inUse(current)) {
        self.hold(name, current, next);
        return;
      }
      shown.push(self.swap(current, next));
    });
    this.announce(shown);
  };

  Live.prototype.hold = function (name, current, next) {
    this.waiting[name] = next;
    if (current.querySelector("[data-live-waiting]")) { return; }
    var notice = document.createElement("p");
    notice.className = "notice";
    notice.setAttribute("role", "status");
    notice.setAttribute("data-live-waiting", "");
    notice.textContent = this.root.getAttribute("data-text-waiting");
    var heading = current.querySelector("h2");
    if (heading) { heading.insertAdjacentElement("afterend", notice); } else { current.prepend(notice); }
  };

  /* Show the parts held back while someone worked in them, once they no longer are. */
  Live.prototype.release = function () {
    var self = this;
    var shown = [];
    Object.keys(this.waiting).forEach(function (name) {
      var current = self.root.querySelector('[data-part="' + name + '"]');
      if (!current) { delete self.waiting[name]; return; }
      if (inUse(current)) { return; }
      shown.push(self.swap(current, self.waiting[name]));
      delete self.waiting[name];
    });
    this.announce(shown);
  };

  Live.prototype.swap = function (current, next) {
    var open = Array.prototype.map.call(
      current.querySelectorAll("details[open][id]"), function (d) { return d.id; }
    );
    var active = document.activeElement;
    var hadFocus = active && current.contains(active);
    var focusId = hadFocus ? active.id : "";
    current.replaceWith(next);
    open.forEach(function (id) {
      var details = document.getElementById(id);
      if (details && next.contains(details)) { details.open = true; }
    });
    if (window.htmx) { window.htmx.process(next); }
    enhance(next);
    if (hadFocus) {
      var target = focusId ? document.getElementById(focusId) : null;
      if (!target || !next.contains(target)) {
        next.setAttribute("tabindex", "-1");
        target = next;
      }
      target.focus({ preventScroll: true });
    }
    var heading = next.querySelector("h2");
    return heading ? heading.textContent.trim() : "";
  };

  Live.prototype.announce = function (headings) {
    var said = headings.filter(Boolean);
    if (!said.length || !this.note) { return; }
    this.note.textContent = this.root.getAttribute("data-text-updated") + " " + said.join(", ");
  };

  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
    var root = document.querySelector("[data-workspace]");
    if (root && window.fetch) { new Live(root); }
  });
})();
