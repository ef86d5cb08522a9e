/* Live rooms. Each room panel rendered with [data-live] keeps a WebSocket to its room:
 *
 *   /ws/rooms/<room id>/?after=<the last message number this page holds>
 *
 * The server sends every message after that number, in order, then live ones. Each message
 * frame carries `html`, the same partial the page rendered, so it is inserted as is: placed
 * by its number (data-seq), and skipped when that number is already on the page. On a lost
 * connection the panel says so calmly and reconnects with backoff, asking again for what
 * came after the last number it holds, so missed messages appear in order, once.
 *
 * No framework beyond htmx (forms post with hx-post; what arrives here is htmx-processed).
 * The visible words come from the page (data-* attributes), already translated.
 */
(function () {
  "use strict";

  var RETRY_FIRST_MS = 1000;
  var RETRY_MAX_MS = 30000;
  var CLOSE_UNAUTHENTICATED = 4401;
  var CLOSE_FORBIDDEN = 4403;

  function parse(html) {
    var template = document.createElement("template");
    template.innerHTML = (html || "").trim();
    return template.content.firstElementChild;
  }

  function localTimes(root) {
    var format;
    try {
      format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
        dateStyle: "medium",
        timeStyle: "short",
      });
    } catch (error) {
      return;
    }
    root.querySelectorAll("time[datetime]").forEach(function (node) {
      var when = new Date(node.getAttribute("datetime"));
      if (!isNaN(when.getTime())) {
        node.textContent = format.format(when);
      }
    });
  }

  function enhance(root) {
    localTimes(root);
    root.querySelectorAll("[data-use-suggestion]").forEach(function (button) {
      button.hidden = false;
    });
  }

  function activate(node) {
    if (window.htmx) {
      window.htmx.process(node);
    }
    enhance(node);
  }

  function Panel(element) {
    this.element = element;
    this.roomId = element.getAttribute("data-room");
    this.after = parseInt(element.getAttribute("data-after"), 10) || 0;
    this.list = element.querySelector("[data-messages]");
    this.history = element.querySelector("[data-history]");
    this.empty = element.querySelector("[data-empty]");
    this.status = element.querySelector("[data-conn]");
    this.attempt = 0;
    this.timer = null;
    this.socket = null;
    this.stopped = false;
    this.hadTrouble = false;
    this.readUrl = element.getAttribute("data-read-url");
    this.readTo = this.after;
    this.readTimer = null;
    this.scrollToEnd();
    this.connect();
  }

  /* live | reconnecting | closed, on the panel: for styles, and for tests to wait on. */
  Panel.prototype.mark = function (state) {
    this.element.setAttribute("data-connection", state);
  };

  Panel.prototype.say = function (key) {
    if (!this.status) {
      return;
    }
    var text = key ? this.status.getAttribute("data-" + key) || "" : "";
    this.status.textContent = text;
    this.status.classList.toggle("trouble", key === "reconnecting" || key === "failed");
  };

  Panel.prototype.url = function () {
    var scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    return (
      scheme + "//" + window.location.host + "/ws/rooms/" + this.roomId + "/?after=" + this.after
    );
  };

  Panel.prototype.connect = function () {
    var panel = this;
    if (panel.stopped || panel.socket) {
      return;
    }
    window.clearTimeout(panel.timer);
    panel.timer = null;
    var socket = new WebSocket(panel.url());
    panel.socket = socket;
    socket.addEventListener("message", function (event) {
      if (panel.socket !== socket) {
        return;
      }
      var frame;
      try {
        frame = JSON.parse(event.data);
      } catch (error) {
        return;
      }
      panel.receive(frame);
    });
    socket.addEventListener("close", function (event) {
      if (panel.socket !== socket) {
        return;
      }
      panel.socket = null;
      panel.closed(event.code);
    });
  };

  Panel.prototype.receive = function (frame) {
    if (frame.kind === "message") {
      this.place(frame);
    } else if (frame.kind === "ready") {
      this.attempt = 0;
      this.mark("live");
      if (this.hadTrouble) {
        this.hadTrouble = false;
        this.say("back");
      }
    } else if (frame.kind === "release_changed") {
      this.replace(frame);
      document.dispatchEvent(new CustomEvent("rooms:release", { detail: frame }));
    } else if (frame.kind === "room_changed") {
      this.changed(frame);
    }
  };

  Panel.prototype.nearEnd = function () {
    var box = this.history;
    return !box || box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  };

  Panel.prototype.scrollToEnd = function () {
    if (this.history) {
      this.history.scrollTop = this.history.scrollHeight;
    }
  };

  /* Insert a message by its number; a number already shown is skipped. */
  Panel.prototype.place = function (frame) {
    var seq = Number(frame.seq);
    if (!this.list || !isFinite(seq)) {
      return;
    }
    if (seq > this.after) {
      this.after = seq;
    }
    if (this.list.querySelector(':scope > [data-seq="' + seq + '"]')) {
      return;
    }
    var node = parse(frame.html);
    if (!node) {
      return;
    }
    var follow = this.nearEnd();
    var before = null;
    for (var i = 0; i < this.list.children.length; i++) {
      if (Number(this.list.children[i].getAttribute("data-seq")) > seq) {
        before = this.list.children[i];
        break;
      }
    }
    this.list.insertBefore(node, before);
    activate(node);
    if (this.empty) {
      this.empty.hidden = true;
    }
    if (follow) {
      this.scrollToEnd();
    }
    this.seen();
  };

  /* The person has been shown messages up to `after` (the page is in view): tell the server,
     at most once a second, so the room's unread count drops. */
  Panel.prototype.seen = function () {
    var panel = this;
    if (!panel.readUrl || panel.after <= panel.readTo || panel.readTimer) {
      return;
    }
    if (document.visibilityState !== "visible") {
      return; /* counted again when the page comes back into view */
    }
    panel.readTimer = window.setTimeout(function () {
      panel.readTimer = null;
      var seq = panel.after;
      var body = new FormData();
      body.append("seq", String(seq));
      var headers = {};
      try {
        headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
      } catch (error) {
        headers = {};
      }
      window
        .fetch(panel.readUrl, {
          method: "POST",
          body: body,
          headers: headers,
          credentials: "same-origin",
        })
        .then(function (response) {
          if (response.ok && seq > panel.readTo) {
            panel.readTo = seq;
          }
        })
        .catch(function () {
          /* offline: the next message or the next page view marks it */
        });
    }, 1000);
  };

  /* A release of one of this room's items changed: show the item again, as rendered now. */
  Panel.prototype.replace = function (frame) {
    if (!this.list || !frame.html) {
      return;
    }
    var old = this.list.querySelector(':scope > [data-seq="' + Number(frame.seq) + '"]');
    var node = parse(frame.html);
    if (old && node) {
      old.replaceWith(node);
      activate(node);
    }
  };

  /* The room's state changed for this person (e.g. the process ended). */
  Panel.prototype.changed = function (frame) {
    var state = document.getElementById("state-" + this.roomId);
    var node = parse(frame.html);
    if (state && node) {
      state.replaceWith(node);
      activate(node);
    }
    var composer = document.getElementById("composer-" + this.roomId);
    if (frame.can_post && composer && !composer.querySelector("form") && frame.composer_html) {
      var fresh = parse(frame.composer_html);
      if (fresh) {
        composer.replaceWith(fresh);
        activate(fresh);
      }
    }
    this.composerEnabled(Boolean(frame.can_post));
  };

  /* Typed words stay visible (and copyable) in a composer that can no longer send. */
  Panel.prototype.composerEnabled = function (enabled) {
    var composer = document.getElementById("composer-" + this.roomId);
    var fieldset = composer && composer.querySelector("fieldset");
    if (fieldset) {
      fieldset.disabled = !enabled;
    }
  };

  Panel.prototype.closed = function (code) {
    if (code === CLOSE_FORBIDDEN || code === CLOSE_UNAUTHENTICATED) {
      this.stopped = true;
      this.composerEnabled(false);
      this.element.classList.add("room-closed");
      this.mark("closed");
      this.say(code === CLOSE_FORBIDDEN ? "closed" : "signed-out");
      return;
    }
    this.hadTrouble = true;
    this.mark("reconnecting");
    this.say("reconnecting");
    this.retryLater();
  };

  Panel.prototype.retryLater = function () {
    var panel = this;
    if (panel.stopped || panel.timer) {
      return;
    }
    var delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * Math.pow(2, panel.attempt));
    panel.attempt += 1;
    delay = delay / 2 + Math.random() * (delay / 2);
    panel.timer = window.setTimeout(function () {
      panel.timer = null;
      if (navigator.onLine === false) {
        panel.retryLater();
        return;
      }
      panel.connect();
    }, delay);
  };

  /* The browser knows before the socket does: go quiet now, come back as soon as it can. */
  Panel.prototype.offline = function () {
    if (this.stopped || !this.socket) {
      return;
    }
    var socket = this.socket;
    this.socket = null;
    socket.close();
    this.hadTrouble = true;
    this.mark("reconnecting");
    this.say("reconnecting");
    this.retryLater();
  };

  Panel.prototype.online = function () {
    if (this.stopped || this.socket) {
      return;
    }
    this.attempt = 0;
    this.connect();
  };

  /* The shuttle view: a release changed in one of the private sessions. Fetch its card as
   * rendered now; add it if it is newly open, else show its new state in place. */
  function watchPending() {
    var section = document.querySelector("[data-pending]");
    if (!section || !window.htmx) {
      return;
    }
    var list = section.querySelector("[data-pending-list]");
    var empty = section.querySelector("[data-pending-empty]");
    var template = section.getAttribute("data-card-url");
    function refreshEmpty() {
      if (empty) {
        empty.hidden = Boolean(list.querySelector('[data-status="open"]'));
      }
    }
    document.addEventListener("rooms:release", function (event) {
      var frame = event.detail;
      var card = document.getElementById("card-" + frame.id);
      if (card && frame.status === "open") {
        return; // already shown, and the mediator may be writing in it
      }
      if (!card && frame.status !== "open") {
        return;
      }
      var url = template.replace("00000000-0000-0000-0000-000000000000", frame.id);
      var target = card ? card : list;
      window.htmx
        .ajax("GET", url, { target: target, swap: card ? "outerHTML" : "beforeend" })
        .then(refreshEmpty);
    });
    document.body.addEventListener("htmx:afterSettle", refreshEmpty);
  }

  function init() {
    var panels = [];
    document.querySelectorAll("[data-room][data-live]").forEach(function (element) {
      panels.push(new Panel(element));
    });
    enhance(document);
    watchPending();
    window.addEventListener("offline", function () {
      panels.forEach(function (panel) {
        panel.offline();
      });
    });
    window.addEventListener("online", function () {
      panels.forEach(function (panel) {
        panel.online();
      });
    });
    document.addEventListener("visibilitychange", function () {
      panels.forEach(function (panel) {
        panel.seen();
      });
    });

    function panelOf(node) {
      var element = node && node.closest ? node.closest("[data-room]") : null;
      for (var i = 0; i < panels.length; i++) {
        if (panels[i].element === element) {
          return panels[i];
        }
      }
      return null;
    }

    document.body.addEventListener("htmx:afterSwap", function (event) {
      var id = event.detail.target && event.detail.target.id;
      var fresh = id ? document.getElementById(id) : null;
      if (!fresh) {
        return;
      }
      enhance(fresh);
      // After a form comes back, take the person to what needs them: the first refused
      // field, else (a message sent) the empty message box, ready for the next one.
      var invalid = fresh.querySelector("[aria-invalid=true]");
      if (invalid) {
        invalid.focus();
      } else if (fresh.matches("[data-composer]")) {
        var box = fresh.querySelector("textarea");
        if (box) {
          box.focus();
        }
      }
    });

    document.body.addEventListener("htmx:responseError", function (event) {
      var panel = panelOf(event.detail.elt) || panels[0];
      if (panel) {
        panel.say(event.detail.xhr && event.detail.xhr.status === 404 ? "gone" : "failed");
      }
    });
    document.body.addEventListener("htmx:sendError", function (event) {
      var panel = panelOf(event.detail.elt) || panels[0];
      if (panel) {
        panel.say("failed");
      }
    });

    document.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-use-suggestion]") : null;
      if (!button) {
        return;
      }
      var form = button.closest("form");
      var quote = form && form.querySelector("[data-suggestion]");
      var box = form && form.querySelector("textarea[name=body]");
      if (quote && box) {
        box.value = quote.textContent;
        box.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
