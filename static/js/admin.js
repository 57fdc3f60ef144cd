// Newsroom progressive enhancement: a live Markdown preview while typing. Everything works without this file;
// the Preview button renders the same preview on the server.
(function () {
  "use strict";
  // A file over the limit would be refused by the server together with everything typed; stop it here.
  var file = document.getElementById("image");
  if (file) {
    file.addEventListener("change", function () {
      var old = document.getElementById("image-size-error");
      if (old) {
        old.parentNode.removeChild(old);
      }
      if (file.files.length && file.files[0].size > 10 * 1024 * 1024) {
        var message = document.createElement("p");
        message.className = "field-error";
        message.id = "image-size-error";
        message.textContent = "This file is larger than 10 MB; choose a smaller one.";
        file.setAttribute("aria-describedby", "image-hint image-size-error");
        file.parentNode.appendChild(message);
        file.value = "";
      }
    });
  }
  var form = document.getElementById("story-form");
  var body = document.getElementById("body");
  var panel = document.getElementById("preview");
  var target = document.getElementById("preview-body");
  if (!form || !body || !panel || !target || !window.fetch) {
    return;
  }
  var csrf = form.querySelector("input[name=csrf]").value;
  var timer = null;
  var last = null;

  function refresh() {
    if (body.value === last) {
      return;
    }
    last = body.value;
    var data = new URLSearchParams();
    data.set("body", body.value);
    fetch("/admin/preview", {
      method: "POST",
      headers: { "X-CSRF-Token": csrf },
      body: data,
      credentials: "same-origin"
    }).then(function (response) {
      return response.ok ? response.text() : null;
    }).then(function (html) {
      if (html !== null) {
        // The server's Markdown renderer escapes and sanitises; this is the same HTML readers get.
        target.innerHTML = html;
        panel.hidden = false;
      }
    }).catch(function () { /* the Preview button still works */ });
  }

  body.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
})();
