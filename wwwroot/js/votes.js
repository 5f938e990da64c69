// Live feedback on a ballot's constraints (points left, budget left, choices left). Progressive only:
// the server checks the same rules and the form works without this script.
(function () {
  'use strict';
  var ballot = document.querySelector('fieldset.ballot');
  if (!ballot) { return; }
  var method = ballot.getAttribute('data-method');
  var status = document.getElementById('ballot-status');
  if (!status) { return; }
  var number = new Intl.NumberFormat(document.documentElement.lang || 'de');
  function euro(value) { return number.format(value) + '\u00a0€'; }
  function fill(template, values) {
    return template.replace(/\{(\d)\}/g, function (_, i) { return values[Number(i)]; });
  }
  function data(name) { return Number(ballot.getAttribute('data-' + name) || 0); }
  function template(name) { return ballot.getAttribute('data-' + name + '-template') || ''; }

  function update() {
    var text = '';
    var problem = '';
    if (method === 'points') {
      var total = data('total');
      var used = 0;
      ballot.querySelectorAll('input.points-input').forEach(function (input) {
        var value = parseInt(input.value, 10);
        if (!isNaN(value) && value > 0) { used += value; }
      });
      text = fill(template('points'), [Math.max(0, total - used), total]);
      if (used > total) { problem = fill(template('points-over'), [total]); }
    } else if (method === 'budget') {
      var budget = data('budget');
      var minimum = data('minimum');
      var spend = 0;
      var chosen = 0;
      ballot.querySelectorAll('input[type=checkbox][data-cost]').forEach(function (box) {
        if (box.checked) { spend += Number(box.getAttribute('data-cost')); chosen++; }
      });
      text = fill(template('budget'), [euro(spend), euro(budget), euro(Math.max(0, budget - spend))]);
      if (spend > budget) { problem = fill(template('over-budget'), [euro(spend), euro(budget)]); }
      else if (chosen > 0 && spend < minimum) { problem = fill(template('below-minimum'), [euro(spend), euro(minimum)]); }
    } else if (method === 'approval') {
      var max = data('max-choices');
      var count = ballot.querySelectorAll('input[type=checkbox]:checked').length;
      text = fill(template('choices'), [count, max]);
      if (max > 0 && count > max) { problem = fill(template('too-many'), [max]); }
    } else {
      return;
    }
    status.textContent = problem ? text + ' ' + problem : text;
    status.classList.toggle('ballot-status-problem', problem !== '');
  }

  ballot.addEventListener('input', update);
  ballot.addEventListener('change', update);
  update();
}());
