// New chat messages while the person looks elsewhere: a short sound, the tab title flashing,
// a browser notification when allowed, else a small in-page toast. Driven by the hidden
// <span data-chat-ping> the server updates (no polling). Text is set with textContent only.
(function () {
  var seen = null, flashTimer = null, baseTitle = document.title, asked = false;

  function beep() {
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      if (!Ctx) return;
      var ctx = beep.ctx || (beep.ctx = new Ctx());
      var o = ctx.createOscillator(), g = ctx.createGain();
      o.type = "sine"; o.frequency.value = 880;
      g.gain.setValueAtTime(0.0001, ctx.currentTime);
      g.gain.exponentialRampToValueAtTime(0.2, ctx.currentTime + 0.02);
      g.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.35);
      o.connect(g); g.connect(ctx.destination); o.start(); o.stop(ctx.currentTime + 0.4);
    } catch (e) { /* no audio: the toast still shows */ }
  }

  function flash(note) {
    if (flashTimer) return;
    baseTitle = document.title;
    var n = 0;
    flashTimer = setInterval(function () {
      document.title = (n++ % 2) ? baseTitle : "💬 Nouveau message";
      if (n > 12 || (!document.hidden && n > 4)) {
        clearInterval(flashTimer); flashTimer = null; document.title = baseTitle;
      }
    }, 1000);
  }

  function toast(note) {
    var box = document.createElement("div");
    box.setAttribute("data-testid", "chat-toast");
    box.setAttribute("role", "status");
    box.textContent = note;
    box.style.cssText = "position:fixed;left:50%;top:1em;transform:translateX(-50%);z-index:9999;" +
      "background:#0b0b10;color:#fff;border:1px solid #8B5CF6;border-radius:12px;padding:.6em 1em;" +
      "box-shadow:0 0 18px rgba(139,92,246,.5);max-width:90vw;font:14px system-ui,sans-serif";
    document.body.appendChild(box);
    setTimeout(function () { box.remove(); }, 5000);
  }

  function ring(note) {
    beep();
    var shown = false;
    if (document.hidden) {
      flash(note);
      if ("Notification" in window && Notification.permission === "granted") {
        try { new Notification("Afroboost", { body: note, icon: "/favicon.svg" }); shown = true; } catch (e) {}
      }
    }
    // A chat already open on screen shows the message itself: no toast over it.
    if (!shown && (document.hidden || !document.querySelector("[data-chat-open]"))) toast(note);
  }

  function check() {
    var el = document.querySelector("[data-chat-ping]");
    if (!el) return;
    var ping = el.getAttribute("data-chat-ping");
    if (ping === seen) return;
    seen = ping;
    // Only news: a ping from the last 15 s (linking the inbox shows its old count, not a new message).
    var at = parseFloat(el.getAttribute("data-chat-at") || "0");
    if (ping !== "0" && Date.now() / 1000 - at < 15) ring(el.getAttribute("data-chat-note") || "Nouveau message");
  }

  // Ask for notifications on a click inside the chat (browsers require a gesture).
  document.addEventListener("click", function (ev) {
    if (asked || !("Notification" in window) || Notification.permission !== "default") return;
    if (ev.target.closest && ev.target.closest("[data-testid^=chat-]")) {
      asked = true; Notification.requestPermission();
    }
  }, true);

  new MutationObserver(check).observe(document.documentElement,
    { subtree: true, childList: true, attributes: true, attributeFilter: ["data-chat-ping"] });
})();
