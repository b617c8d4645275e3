// Progressive enhancement of the article editor: the preview follows the text while the editor
// types. Without this file the Preview button renders the same preview on the server.
(function () {
  'use strict';
  var field = document.querySelector('[data-preview-url]');
  var form = document.getElementById('article-form');
  if (!field || !form || !window.fetch) { return; }
  var body = field.querySelector('textarea[name="body"]');
  var csrf = form.querySelector('input[name="_csrf"]');
  if (!body) { return; }
  var timer = null;
  var sent = 0;
  function refresh() {
    // URL-encoded, as the form itself posts: the services take no multipart bodies.
    var data = new URLSearchParams();
    data.append('body', body.value);
    if (csrf) { data.append('_csrf', csrf.value); }
    var number = ++sent;
    fetch(field.getAttribute('data-preview-url'), { method: 'POST', body: data, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null || number !== sent) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('content-preview');
        var current = document.getElementById('content-preview');
        if (fresh && current) { current.replaceWith(document.importNode(fresh, true)); }
      })
      .catch(function () { /* the Preview button still works */ });
  }
  body.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 500);
  });
})();
