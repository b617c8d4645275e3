// Progressive enhancement for the leads list: every 30 seconds, ask whether leads arrived since the
// page was shown and offer to show them. Without JavaScript the list works the same, minus the hint.
(function () {
  'use strict';
  var banner = document.getElementById('lead-arrivals');
  if (!banner || !window.fetch) {
    return;
  }
  var since = banner.getAttribute('data-since') || new Date().toISOString();
  var template = banner.getAttribute('data-template');

  function check() {
    fetch('/dashboard/leads/arrivals?since=' + encodeURIComponent(since), {
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' }
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (body) {
      if (body && body.count > 0) {
        banner.textContent = '';
        var link = document.createElement('a');
        link.href = window.location.href;
        link.textContent = template.replace('{count}', String(body.count));
        banner.appendChild(link);
        banner.hidden = false;
      }
    }).catch(function () {
      // A missed check is harmless; the next one tries again.
    });
  }

  window.setInterval(check, 30000);
})();
