// Enhances the search page: suggestions as you type, facet toggles without reloading (URL kept in step with
// history.pushState), filter boxes and "more" for long facets. Without this file the page works as plain forms.
(function () {
  'use strict';
  var form = document.getElementById('search-form');
  if (!form || !window.fetch) return;
  document.documentElement.classList.add('js');
  var q = document.getElementById('q');
  var list = document.getElementById('suggestions');

  function region() { return document.getElementById('results-region'); }

  function stateUrl() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (v, k) { if (String(v).trim() !== '') params.append(k, v); });
    var s = params.toString();
    return '/search' + (s ? '?' + s : '');
  }

  function navigate(url, push) {
    var target = region();
    target.setAttribute('aria-busy', 'true');
    return fetch(url, { headers: { Accept: 'text/html' } }).then(function (r) { return r.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var fresh = doc.getElementById('results-region');
      if (!fresh) { window.location.href = url; return; }
      target.replaceWith(fresh);
      document.title = doc.title;
      var freshQ = doc.getElementById('q');
      if (freshQ) q.value = freshQ.value;
      var sort = form.querySelector('input[type=hidden][name=sort]');
      var freshSort = doc.querySelector('input[type=hidden][name=sort]');
      if (sort) sort.remove();
      if (freshSort) form.insertBefore(freshSort, form.querySelector('#results-region'));
      if (push) history.pushState({ url: url }, '', url);
      wire();
    }).catch(function () { window.location.href = url; });
  }

  function wire() {
    var r = region();
    r.querySelectorAll('.facets input[type=checkbox]').forEach(function (box) {
      box.addEventListener('change', function () { navigate(stateUrl(), true); });
    });
    r.querySelectorAll('.dates input').forEach(function (input) {
      input.addEventListener('change', function () { navigate(stateUrl(), true); });
    });
    r.querySelectorAll('a[data-nav]').forEach(function (a) {
      a.addEventListener('click', function (e) {
        if (e.ctrlKey || e.metaKey || e.shiftKey) return;
        e.preventDefault();
        navigate(a.getAttribute('href'), true);
        window.scrollTo(0, 0);
      });
    });
    r.querySelectorAll('fieldset[data-facet]').forEach(wireFacet);
  }

  function addValues(fieldset, values) {
    var ul = fieldset.querySelector('ul.values');
    var param = fieldset.getAttribute('data-facet');
    var have = {};
    ul.querySelectorAll('input').forEach(function (i) { have[i.value] = true; });
    values.forEach(function (v, n) {
      if (have[v.value]) return;
      var id = 'x-' + param + '-' + ul.children.length + '-' + n;
      var li = document.createElement('li');
      var box = document.createElement('input');
      box.type = 'checkbox'; box.id = id; box.name = param; box.value = v.value; box.checked = v.selected;
      box.addEventListener('change', function () { navigate(stateUrl(), true); });
      var label = document.createElement('label');
      label.htmlFor = id;
      var value = document.createElement('span'); value.className = 'value'; value.textContent = v.value;
      var count = document.createElement('span'); count.className = 'count'; count.textContent = v.count;
      label.append(value, ' ', count);
      li.append(box, label);
      ul.appendChild(li);
    });
  }

  function facetApi(param, extra) {
    var base = region().getAttribute('data-api-query') || '';
    var params = new URLSearchParams(base.replace(/^\?/, ''));
    params.delete(param);
    Object.keys(extra).forEach(function (k) { params.set(k, extra[k]); });
    return '/api/facets/' + encodeURIComponent(param) + '?' + params.toString();
  }

  function wireFacet(fieldset) {
    var param = fieldset.getAttribute('data-facet');
    var filter = fieldset.querySelector('.value-filter');
    var more = fieldset.querySelector('a[data-more]');
    if (filter) {
      var timer;
      filter.addEventListener('input', function () {
        var text = filter.value.trim();
        fieldset.querySelectorAll('ul.values li').forEach(function (li) {
          li.hidden = text !== '' && li.textContent.indexOf(text) < 0 && !li.querySelector('input').checked;
        });
        clearTimeout(timer);
        if (text === '') return;
        timer = setTimeout(function () {
          fetch(facetApi(param, { prefix: text, size: 50 })).then(function (r) { return r.ok ? r.json() : { values: [] }; })
            .then(function (body) { addValues(fieldset, body.values); filter.dispatchEvent(new Event('filtered')); });
        }, 200);
      });
    }
    if (more) {
      more.addEventListener('click', function (e) {
        e.preventDefault();
        fetch(facetApi(param, { size: 200 })).then(function (r) { return r.ok ? r.json() : { values: [] }; })
          .then(function (body) { addValues(fieldset, body.values); more.remove(); });
      });
    }
  }

  window.addEventListener('popstate', function () { navigate(window.location.href, false); });
  history.replaceState({ url: window.location.href }, '', window.location.href);

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    closeList();
    navigate(stateUrl(), true);
  });

  // Suggestions: a listbox under the query box, arrow keys to move, Enter to pick, Escape to close.
  var active = -1, items = [], timer, seq = 0;
  function closeList() { list.hidden = true; q.setAttribute('aria-expanded', 'false'); q.removeAttribute('aria-activedescendant'); active = -1; }
  function pick(item) {
    closeList();
    if (item.kind === 'title' && item.id) { window.location.href = '/documents/' + encodeURIComponent(item.id); return; }
    q.value = item.text;
    navigate(stateUrl(), true);
  }
  function render() {
    list.textContent = '';
    items.forEach(function (s, i) {
      var li = document.createElement('li');
      li.id = 'sugg-' + i; li.setAttribute('role', 'option'); li.setAttribute('aria-selected', i === active ? 'true' : 'false');
      li.textContent = s.text;
      if (s.kind === 'title') { var k = document.createElement('span'); k.className = 'kind'; k.textContent = '文档'; li.appendChild(k); }
      li.addEventListener('mousedown', function (e) { e.preventDefault(); pick(s); });
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
    q.setAttribute('aria-expanded', items.length ? 'true' : 'false');
    if (active >= 0) q.setAttribute('aria-activedescendant', 'sugg-' + active); else q.removeAttribute('aria-activedescendant');
  }
  q.addEventListener('input', function () {
    clearTimeout(timer);
    var text = q.value.trim();
    if (!text || text.length > 50) { items = []; render(); return; }
    timer = setTimeout(function () {
      var mine = ++seq;
      fetch('/api/suggest?size=8&q=' + encodeURIComponent(text)).then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (body) { if (mine !== seq) return; items = body.suggestions || []; active = -1; render(); });
    }, 150);
  });
  q.addEventListener('keydown', function (e) {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { active = (active + 1) % items.length; render(); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { active = (active - 1 + items.length) % items.length; render(); e.preventDefault(); }
    else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); pick(items[active]); }
    else if (e.key === 'Escape') { closeList(); }
  });
  q.addEventListener('blur', closeList);

  wire();
})();
