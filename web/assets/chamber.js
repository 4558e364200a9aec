// The chamber's pages: one live stream per page (server-sent events), the
// state rendered from it, and for the chair and each delegation the actions
// the rules allow, sent with the page's CSRF token. Text is always set as
// text, never as HTML. Timers count down to the server's deadlines, with
// the clock offset measured from the server's time.
(function () {
  "use strict";
  var root = document.getElementById("chamber");
  if (!root) return;
  var id = root.dataset.session, role = root.dataset.role, seat = root.dataset.seat, csrf = root.dataset.csrf;
  var offset = 0, state = null, floorDeadline = null;
  var $ = function (x) { return document.getElementById(x); };
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function nameOf(code) {
    var ms = state.setup.members;
    for (var i = 0; i < ms.length; i++) if (ms[i].code === code) return ms[i].name;
    return code;
  }

  var es = new EventSource("/api/v1/sessions/" + id + "/events");
  es.addEventListener("update", function (m) {
    var d = JSON.parse(m.data);
    if (d.event) logEvent(d.event);
    if (d.state) {
      offset = Date.parse(d.state.server_time) - Date.now();
      state = d.state;
      // Lists the server has none of arrive as null.
      ["votes", "speakers", "drafts", "amendments", "motions", "points", "divisions"].forEach(function (k) { state[k] = state[k] || []; });
      state.offers = state.offers || {};
      render();
    }
    $("link-state").textContent = "live";
  });
  es.onerror = function () { $("link-state").textContent = "reconnecting…"; };

  function logEvent(e) {
    var li = el("li", "#" + e.seq + " " + e.kind + (e.by ? " — " + e.by : "") + (e.position ? " " + e.position : ""));
    $("log").insertBefore(li, $("log").firstChild);
  }

  function render() {
    var s = state;
    $("status").textContent = s.status;
    $("status").dataset.seq = s.seq;
    root.dataset.seq = s.seq;
    $("council").textContent = s.setup.date + ", " + s.setup.members.length + " members, " + s.setup.required + " votes required";
    $("profile").textContent = s.setup.profile.name;
    $("agenda").textContent = s.agenda.text ? "Agenda (" + s.agenda.status + "): " + s.agenda.text : "";
    renderRoll(s);
    renderVote(s);
    renderSpeakers(s);
    renderDrafts(s);
    if (role === "chair" || role === "seat") renderOffers(s);
  }

  // The roll call: who has answered, and who not yet.
  function renderRoll(s) {
    var r = $("roll"), roll = s.roll || {}, present = [], missing = [];
    s.setup.members.forEach(function (m) { (roll[m.code] ? present : missing).push(m.code); });
    r.dataset.present = present.length;
    if (!s.roll_open && !present.length) { r.textContent = ""; return; }
    r.textContent = "Roll call" + (s.roll_open ? " (open)" : "") + ": " + present.length + " of " + s.setup.members.length + " present" +
      (missing.length ? "; not answered: " + missing.join(", ") : "");
  }

  function renderVote(s) {
    var n = s.votes.length, v = n ? s.votes[n - 1] : null, t = s.tally;
    $("vote").hidden = !v;
    $("result").hidden = !(v && v.result);
    if (!v) return;
    $("vote-id").textContent = v.id + (v.open ? " (open)" : " (closed)");
    $("vote").dataset.open = v.open ? "true" : "false";
    $("vote-question").textContent = v.question.words + " — " + v.question.matter;
    $("tally-yes").textContent = t.yes;
    $("tally-no").textContent = t.no;
    $("tally-abstain").textContent = t.abstain;
    $("tally-x").textContent = t.not_participating;
    var needs = [];
    if (v.open) {
      needs.push(t.needed > 0 ? t.needed + " more votes in favour needed" : "the required votes are there");
      if (!t.reachable) needs.push("too few members left to vote for it to pass");
      if (t.vetoing.length) needs.push("a permanent member votes no: " + t.vetoing.join(", "));
      else if (t.can_block.length) needs.push("can still block: " + t.can_block.join(", "));
      needs.push("not voted yet: " + (t.not_voted.length ? t.not_voted.join(", ") : "none"));
    }
    $("tally-needs").textContent = needs.join(" · ");
    var ol = $("tally-members");
    clear(ol);
    s.setup.members.forEach(function (m) {
      var p = v.result ? v.result.votes[m.code] : v.ballots[m.code];
      var li = el("li", m.name + ": " + (p ? p : "—"), (m.permanent ? "permanent " : "") + (p ? "pos-" + p : ""));
      li.dataset.code = m.code;
      ol.appendChild(li);
    });
    if (v.result) {
      var r = v.result;
      $("result-outcome").textContent = r.outcome + (r.vetoed_by && r.vetoed_by.length ? " (vetoed by " + r.vetoed_by.join(", ") + ")" : "") + (r.resolution ? " — " + r.resolution + ", a simulation" : "");
      $("result").dataset.outcome = r.outcome;
      $("result").dataset.vote = v.id;
      $("result-statement").textContent = r.statement;
      $("result-explanation").textContent = r.explanation;
      $("result-effect").textContent = r.effect || "";
      var rp = s.setup.replay, rep = $("replay");
      rep.hidden = true;
      if (rp && v.question.document === rp.draft) {
        clear(rep);
        rep.appendChild(document.createTextNode("What the Council actually did: " + rp.outcome + (rp.vetoed_by && rp.vetoed_by.length ? " (vetoed by " + rp.vetoed_by.join(", ") + ")" : "") + (rp.resolution ? ", " + rp.resolution : "") + ". "));
        var a = el("a", "The record");
        a.href = rp.link;
        rep.appendChild(a);
        rep.hidden = false;
      }
    }
  }

  function renderSpeakers(s) {
    floorDeadline = s.floor ? Date.parse(s.floor.deadline) : null;
    tick();
    var ol = $("speakers");
    clear(ol);
    s.speakers.forEach(function (r) {
      ol.appendChild(el("li", nameOf(r.seat) + (r.kind !== "speech" ? " (" + r.kind.replace("-", " of vote ") + ")" : "")));
    });
  }

  // tick shows the time the speaker has left; the page changes only when
  // what it shows does.
  function tick() {
    var f = $("floor"), text = "No one has the floor.", left = "";
    if (state && state.floor) {
      left = Math.max(0, Math.round((floorDeadline - (Date.now() + offset)) / 1000));
      text = nameOf(state.floor.seat) + " has the floor: " + Math.floor(left / 60) + ":" + ("0" + left % 60).slice(-2) + " left";
    }
    if (f.textContent !== text) f.textContent = text;
    if (f.dataset.left !== String(left)) f.dataset.left = left;
  }
  setInterval(tick, 250);

  function renderDrafts(s) {
    var ol = $("drafts");
    clear(ol);
    s.drafts.forEach(function (d) {
      var li = el("li", d.symbol + (d.title ? " — " + d.title : "") + " [" + d.matter + ", " + d.status + (d.resolution ? ", " + d.resolution : "") + "]");
      (d.text || []).forEach(function (p, i) { li.appendChild(el("div", (i + 1) + ". " + p, "para")); });
      s.amendments.forEach(function (a) {
        if (a.draft === d.id) li.appendChild(el("div", "Amendment " + a.id + " by " + a.mover + ": " + a.op + (a.paragraph ? " ¶" + a.paragraph : "") + (a.text ? " “" + a.text + "”" : "") + " [" + a.status + "]", "amendment"));
      });
      ol.appendChild(li);
    });
  }

  // Labels of the actions, and the text fields an action needs.
  var words = {
    "open-meeting": "Open the meeting", "call-roll": "Call the roll", "answer-roll": "Present", "close-roll": "Close the roll call",
    "propose-agenda": "Propose the agenda", "object-agenda": "Object to the agenda", "adopt-agenda": "Adopt the agenda (no objection)",
    "request-floor": "Ask for the floor", "withdraw-request": "Withdraw from the speakers list", "next-speaker": "Give the floor to the next speaker",
    "end-speech": "End the speech", "set-speaking-time": "Set the speaking time (seconds)", "table-draft": "Table a draft",
    "withdraw-draft": "Withdraw draft", "propose-amendment": "Propose an amendment to draft", "withdraw-amendment": "Withdraw amendment",
    "order-amendments": "Order the amendments of draft", "request-division": "Ask to vote separately on paragraph 1 of draft",
    "object-division": "Object to the division", "grant-division": "Grant the division", "move": "Move", "withdraw-motion": "Withdraw motion",
    "point-of-order": "Point of order", "rule-point": "Rule on the point of order", "challenge-ruling": "Challenge the ruling on point",
    "raise-preliminary": "Is it procedural? (preliminary question) on draft", "open-vote": "Put to the vote:", "cast-ballot": "Vote",
    "close-vote": "Close the vote", "resume-meeting": "Resume the meeting", "close-meeting": "Close the meeting"
  };
  var needsText = { "propose-agenda": 1, "point-of-order": 1, "rule-point": 1, "table-draft": 1, "propose-amendment": 1 };

  // The offers are built again only when they change, so that what a
  // delegate is typing and where the focus is survive other members'
  // actions; text typed in a field that is built again is kept.
  var shownOffers = null;
  function renderOffers(s) {
    var mine = s.offers[role === "chair" ? "chair" : seat] || [];
    var cur = s.current ? s.votes[s.current - 1] : null, ballot = cur && seat ? (cur.ballots || {})[seat] || "" : "";
    var key = JSON.stringify([mine, s.current, ballot]);
    if (key === shownOffers) return;
    shownOffers = key;
    var box = $("offers"), typed = {}, focused = null;
    Array.prototype.forEach.call(box.querySelectorAll("[data-key]"), function (i) {
      typed[i.dataset.key] = i.value;
      if (document.activeElement === i) focused = i.dataset.key;
    });
    clear(box);
    mine.forEach(function (o) {
      if (o.action === "cast-ballot") {
        var vote = el("div", null, "ballot");
        vote.appendChild(el("span", "Your vote: "));
        [["Y", "Yes"], ["N", "No"], ["A", "Abstain"], ["X", "Not participating"]].forEach(function (p) {
          var b = el("button", p[1]);
          b.dataset.action = "cast-ballot";
          b.dataset.position = p[0];
          b.setAttribute("aria-pressed", ballot === p[0] ? "true" : "false");
          b.onclick = function () { send("PUT", "/api/v1/sessions/" + id + "/votes/" + o.ref + "/ballots/" + seat, { position: p[0] }); };
          vote.appendChild(b);
        });
        box.appendChild(vote);
        return;
      }
      var wrap = el("div", null, "offer");
      var label = words[o.action] || o.action;
      if (o.question) label += " " + o.question.kind + (o.question.ref ? " " + o.question.ref : "");
      else if (o.motion) label += " to " + o.motion;
      else if (o.when) label = "Explain the vote " + o.when + " on draft " + o.ref;
      else if (o.ref) label += " " + o.ref;
      var input = null;
      if (needsText[o.action] || o.motion === "adjourn-to" || o.motion === "refer" || o.action === "set-speaking-time") {
        input = el(o.action === "table-draft" ? "textarea" : "input");
        input.placeholder = o.action === "table-draft" ? "symbol on the first line, then one paragraph a line" : "text";
        input.setAttribute("aria-label", label);
        input.dataset.for = o.action;
        input.dataset.key = o.action + " " + (o.ref || "") + " " + (o.motion || "");
        if (typed[input.dataset.key]) input.value = typed[input.dataset.key];
        wrap.appendChild(input);
      }
      var b = el("button", label);
      b.dataset.action = o.action;
      if (o.question) { b.dataset.kind = o.question.kind; b.dataset.ref = o.question.ref || 0; }
      if (o.motion) b.dataset.motion = o.motion;
      if (o.when) b.dataset.when = o.when;
      b.onclick = function () {
        var a = { action: o.action };
        if (o.ref) a.ref = o.ref;
        if (o.when) a.when = o.when;
        if (o.motion) a.motion = o.motion;
        if (o.question) a.question = o.question;
        if (o.action === "answer-roll") a.position = "present";
        var text = input ? input.value : "";
        if (o.action === "set-speaking-time") a.seconds = parseInt(text, 10) || 0;
        else if (o.action === "table-draft") {
          var lines = text.split("\n").filter(function (l) { return l.trim() !== ""; });
          a.symbol = lines[0] || ""; a.paragraphs = lines.slice(1);
        } else if (o.action === "propose-amendment") { a.op = "add"; a.text = text; }
        else if (o.action === "order-amendments") a.order = null;
        else if (o.action === "request-division") a.parts = [1];
        else if (input) a.text = text;
        send("POST", "/api/v1/sessions/" + id + "/actions", a, function () { if (input) input.value = ""; });
      };
      wrap.appendChild(b);
      box.appendChild(wrap);
    });
    if (focused) {
      var f = box.querySelector('[data-key="' + focused + '"]');
      if (f) f.focus();
    }
  }

  // send asks the server for a change; done runs once it is committed.
  function send(method, url, body, done) {
    $("error").textContent = "";
    fetch(url, {
      method: method, credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body)
    }).then(function (r) {
      if (!r.ok) return r.json().then(function (p) { $("error").textContent = p.detail || ("error " + r.status); });
      if (done) done();
    }).catch(function () { $("error").textContent = "The server did not answer; try again."; });
  }
})();
