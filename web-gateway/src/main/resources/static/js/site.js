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
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
})();
