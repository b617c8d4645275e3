// Progressive enhancements only; every page works without this file.
(function () {
  'use strict';
  // Display rules inside one step: hide a question until the answer it depends on is given.
  function applyRules(form) {
    form.querySelectorAll('[data-show-when]').forEach(function (block) {
      var source = block.getAttribute('data-show-when');
      var allowed = (block.getAttribute('data-any-of') || '').split(' ');
      var checked = form.querySelector('input[name="' + source + '"]:checked');
      var hasSource = form.querySelector('input[name="' + source + '"]');
      if (!hasSource) { return; }
      var show = checked && allowed.indexOf(checked.value) >= 0;
      block.classList.toggle('is-hidden', !show);
      block.querySelectorAll('input').forEach(function (input) { input.disabled = !show; });
    });
  }
  document.querySelectorAll('form.wizard').forEach(function (form) {
    applyRules(form);
    form.addEventListener('change', function () { applyRules(form); });
    // One submission per click: a double click must not post twice.
    form.addEventListener('submit', function (event) {
      if (form.getAttribute('data-submitting') === 'true') { event.preventDefault(); return; }
      form.setAttribute('data-submitting', 'true');
      setTimeout(function () { form.removeAttribute('data-submitting'); }, 4000);
    });
  });
  // Reading history (see the privacy page): which guide section a link was followed from or to.
  // A link to another page leaves a short-lived first-party cookie for that page's request; a
  // section chosen on the page itself reaches no server, so it is posted.
  var article = document.querySelector('article[data-slug]');
  var anchor = /^[A-Za-z0-9][A-Za-z0-9_-]{0,119}$/;
  function sectionAround(link) {
    var found = null;
    var prose = link.closest('.prose');
    if (!prose) { return null; }
    prose.querySelectorAll('h2[id], h3[id]').forEach(function (heading) {
      if (heading.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING) { found = heading.id; }
    });
    return found;
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[href]') : null;
    if (!link || link.origin !== location.origin) { return; }
    var target = link.pathname.match(/^\/articles\/([a-z0-9-]{1,120})$/);
    if (!target || (link.pathname === location.pathname && link.hash)) { return; }
    var from = target[1];
    var section = link.hash.slice(1);
    if (!section && article) { from = article.getAttribute('data-slug'); section = sectionAround(link); }
    if (!section || !anchor.test(section)) { return; }
    document.cookie = 'nb_section=' + from + '.' + section + '; path=/; max-age=30; samesite=lax' +
      (location.protocol === 'https:' ? '; secure' : '');
  });
  if (article && navigator.sendBeacon) {
    window.addEventListener('hashchange', function () {
      var section = location.hash.slice(1);
      if (!anchor.test(section) || !document.getElementById(section)) { return; }
      navigator.sendBeacon('/reading/sections',
        new URLSearchParams({ slug: article.getAttribute('data-slug'), section: section }));
    });
  }
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
})();
