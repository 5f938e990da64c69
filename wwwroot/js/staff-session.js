// Keeps a staff session open while someone types in a form: the session ends after a time without requests, and
// writing a long answer sends none. At most one call per interval (a third of the idle limit, from data-interval).
(function () {
  'use strict';
  var script = document.currentScript;
  var interval = Number(script && script.getAttribute('data-interval')) * 1000;
  var address = script && script.getAttribute('data-address');
  if (!interval || !address || !window.fetch) {
    return;
  }

  var last = Date.now();
  document.addEventListener('input', function (event) {
    if (!event.target || !event.target.form || Date.now() - last < interval) {
      return;
    }

    last = Date.now();
    fetch(address, { method: 'POST', credentials: 'same-origin', cache: 'no-store' }).catch(function () { });
  });
}());
