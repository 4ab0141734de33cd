// The search box of every page: MiniSearch (assets/minisearch.js) over the index built with the
// site (assets/search-index.js). Plain ES2017 in the browser, no network, works from file://.
(function () {
  'use strict';
  var input = document.getElementById('search');
  var list = document.getElementById('search-results');
  var data = window.QUANTFOOT_SEARCH;
  if (!input || !list || !data || !window.MiniSearch) return;
  var index = window.MiniSearch.loadJS(data.index, data.options);
  var LIMIT = 25;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function show(query) {
    list.textContent = '';
    var text = query.trim();
    if (!text) {
      list.hidden = true;
      return;
    }
    var results = index.search(text);
    // Someone typing a whole column or table name wants that one first, before longer names that
    // merely contain its words (goals_for before all_goals_for).
    var exact = text.toLowerCase();
    var named = function (result) {
      var name = result.name.toLowerCase();
      return name === exact || name.slice(-exact.length - 1) === '.' + exact ? 0 : 1;
    };
    results.sort(function (a, b) {
      return named(a) - named(b);
    });
    if (results.length === 0) {
      list.appendChild(element('li', 'search-empty', 'Nothing matches “' + text + '”.'));
    }
    results.slice(0, LIMIT).forEach(function (result) {
      var item = element('li');
      var link = element('a');
      link.href = result.url;
      link.appendChild(element('span', 'kind kind-' + result.kind.replace(/\W+/g, '-'), result.kind));
      link.appendChild(element('span', 'search-name', result.name));
      if (result.type) link.appendChild(element('span', 'search-type', result.type));
      if (result.comment) link.appendChild(element('span', 'search-comment', result.comment));
      item.appendChild(link);
      list.appendChild(item);
    });
    if (results.length > LIMIT) list.appendChild(element('li', 'search-more', (results.length - LIMIT) + ' more: type more of the name.'));
    list.hidden = false;
  }

  input.addEventListener('input', function () {
    show(input.value);
  });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      var first = list.querySelector('a');
      if (first) window.location.href = first.href;
    } else if (event.key === 'Escape') {
      input.value = '';
      show('');
    }
  });
  document.addEventListener('click', function (event) {
    if (!list.contains(event.target) && event.target !== input) list.hidden = true;
  });
  input.addEventListener('focus', function () {
    if (input.value.trim()) show(input.value);
  });
})();
