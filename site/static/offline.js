/* regkb offline: search, facets and compare in the static export, without a server.
 *
 * The client index (static/search-index*.js) registers itself in window.regkbIndex. Queries are
 * analysed as the server does: NFKC, lower case, UK -> US spelling (the rules ship in the index),
 * the index's `forms` for English word forms, and CJK bigrams. Ranking is BM25 over the index's
 * weighted term frequencies; all words are required, with a fallback to any word. The page state
 * is the URL, as on the server. Text from the index is only ever set as text, never as HTML. */
(function () {
  'use strict';

  var FACETS = ['regulator', 'domain', 'topic', 'modality', 'stance'];
  var FACET_TITLES = { regulator: 'Regulator', domain: 'Domain', topic: 'Topic', modality: 'Modality', stance: 'Stance' };
  var ICONS = { 'required': '●', 'expected': '◐', 'case-by-case': '◇', 'not-required': '○', 'no-guidance': '–', 'available': '✓', 'not-available': '✕', 'unknown': '?' };
  var PAGE = 20;
  var K1 = 1.2;
  var B = 0.75;
  var CJK = /[\u{2E80}-\u{2FDF}\u{3005}-\u{3007}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{20000}-\u{323AF}\u{3041}-\u{309A}\u{309D}-\u{309F}\u{30A1}-\u{30FA}\u{30FC}-\u{30FF}\u{31F0}-\u{31FF}\u{FF66}-\u{FF9F}\u{1B000}-\u{1B16F}\u{1100}-\u{11FF}\u{3131}-\u{318E}\u{A960}-\u{A97F}\u{AC00}-\u{D7AF}\u{D7B0}-\u{D7FF}\u{FFA0}-\u{FFDC}]/u;
  var WORD = /[\p{L}\p{N}]/u;
  var MARK = /\p{M}/u;

  /* ---------- the index ---------- */

  /* Maps from query words must not see Object.prototype: "constructor" is a word too. */
  function table(from) { return Object.assign(Object.create(null), from || {}); }

  function loadIndex() {
    var parts = window.regkbIndex || [];
    var meta = null;
    var postings = table();
    parts.forEach(function (part) {
      if (part.docs) { meta = part; }
      if (part.postings) { Object.assign(postings, part.postings); }
    });
    if (!meta) { return null; }
    var total = 0;
    meta.docs.forEach(function (d) { total += d.length; });
    meta.avgLength = meta.docs.length ? total / meta.docs.length : 1;
    meta.postings = postings;
    meta.forms = table(meta.forms);
    meta.spelling.words = table(meta.spelling.words);
    meta.conceptOf = table();
    meta.longest = 1;
    meta.concepts.forEach(function (spellings, i) {
      spellings.forEach(function (tokens) {
        meta.conceptOf[tokens.join('\u0001')] = i;
        meta.longest = Math.max(meta.longest, tokens.length);
      });
    });
    meta.cache = table();
    return meta;
  }

  /* A term's postings as doc -> weighted frequency. */
  function postingsOf(index, term) {
    if (index.cache[term]) { return index.cache[term]; }
    var flat = index.postings[term] || [];
    var map = new Map();
    for (var i = 0; i < flat.length; i += 2) { map.set(flat[i], flat[i + 1]); }
    index.cache[term] = map;
    return map;
  }

  /* ---------- analysis, as indexer/src/analysis ---------- */

  function endsWith(s, tail) { return s.length >= tail.length && s.slice(s.length - tail.length) === tail; }

  function americanize(rules, word) {
    if (rules.words[word] !== undefined) { return rules.words[word]; }
    rules.contains.forEach(function (pair) {
      if (word.indexOf(pair[0]) >= 0) { word = word.split(pair[0]).join(pair[1]); }
    });
    for (var i = 0; i < rules.suffixes.length; i++) {
      var s = rules.suffixes[i];
      if (!endsWith(word, s[0])) { continue; }
      var rest = word.slice(0, word.length - s[0].length);
      var base = rest + s[2];
      var kept = rules.keep_endings.some(function (k) { return endsWith(base, k); });
      if (Array.from(rest).length >= rules.min_stem && !kept) { word = rest + s[1]; }
      break;
    }
    return word;
  }

  /* The term of a Latin word: the corpus says which stem a form has; unseen forms try plain suffixes. */
  function latinTerm(index, word) {
    var folded = americanize(index.spelling, word.normalize('NFKC').toLowerCase());
    if (index.forms[folded]) { return index.forms[folded]; }
    var tries = [folded.replace(/ies$/, 'y'), folded.replace(/es$/, ''), folded.replace(/s$/, ''),
      folded.replace(/ed$/, ''), folded.replace(/ing$/, ''), folded.replace(/ly$/, '')];
    for (var i = 0; i < tries.length; i++) {
      if (index.forms[tries[i]]) { return index.forms[tries[i]]; }
      if (index.postings[tries[i]]) { return tries[i]; }
    }
    return folded;
  }

  function cjkTerms(run, out) {
    var chars = Array.from(run.normalize('NFKC'));
    if (chars.length === 1) { out.push(chars[0]); }
    for (var i = 0; i + 1 < chars.length; i++) { out.push(chars[i] + chars[i + 1]); }
  }

  function analyse(index, text) {
    var terms = [];
    var run = '';
    var kind = 'other';
    function flush() {
      if (kind === 'word' && run) { var t = latinTerm(index, run); if (t && t.length <= 64) { terms.push(t); } }
      if (kind === 'cjk' && run) { cjkTerms(run, terms); }
      run = '';
    }
    Array.from(text).forEach(function (c) {
      var k = CJK.test(c) ? 'cjk' : WORD.test(c) ? 'word' : (MARK.test(c) && kind === 'word') ? 'word' : 'other';
      if (k !== kind) { flush(); kind = k; }
      if (k !== 'other') { run += c; }
    });
    flush();
    return terms;
  }

  /* ---------- queries, as indexer/src/search.rs ---------- */

  function segments(index, query) {
    var out = [];
    query.split(/["“”「」]/).forEach(function (part, i) {
      var pieces = i % 2 === 1 ? [part] : part.split(/\s+/);
      pieces.forEach(function (p) {
        var tokens = analyse(index, p);
        if (tokens.length) { out.push({ tokens: tokens, quoted: i % 2 === 1, text: p }); }
      });
    });
    return out;
  }

  /* Units: runs of segments spelling a glossary or modality term become that concept. */
  function units(index, query) {
    var segs = segments(index, query);
    var result = [];
    var i = 0;
    while (i < segs.length) {
      var found = null;
      for (var j = Math.min(segs.length, i + index.longest); j > i && !found; j--) {
        var span = segs.slice(i, j);
        if (j > i + 1 && span.some(function (s) { return s.quoted; })) { continue; }
        var key = [].concat.apply([], span.map(function (s) { return s.tokens; })).join('\u0001');
        if (key in index.conceptOf) { found = { end: j, alts: index.concepts[index.conceptOf[key]] }; }
      }
      if (found) { result.push(found.alts); i = found.end; } else { result.push([segs[i].tokens]); i += 1; }
    }
    return result;
  }

  function bm25(index, term, doc) {
    var p = postingsOf(index, term);
    var tf = p.get(doc);
    if (!tf) { return 0; }
    var n = index.docs.length;
    var idf = Math.log(1 + (n - p.size + 0.5) / (p.size + 0.5));
    var norm = 1 - B + B * index.docs[doc].length / index.avgLength;
    return idf * tf * (K1 + 1) / (tf + K1 * norm);
  }

  /* A unit's score for a doc: its best spelling whose every term the doc has, else 0. */
  function unitScore(index, alts, doc) {
    var best = 0;
    alts.forEach(function (tokens) {
      var s = 0;
      for (var i = 0; i < tokens.length; i++) {
        var t = bm25(index, tokens[i], doc);
        if (!t) { return; }
        s += t;
      }
      best = Math.max(best, s);
    });
    return best;
  }

  function candidates(index, us) {
    var docs = new Set();
    us.forEach(function (alts) {
      alts.forEach(function (tokens) { postingsOf(index, tokens[0]).forEach(function (tf, d) { docs.add(d); }); });
    });
    return docs;
  }

  function match(index, us, all) {
    var out = [];
    candidates(index, us).forEach(function (doc) {
      var total = 0;
      var hits = 0;
      us.forEach(function (alts) { var s = unitScore(index, alts, doc); if (s) { hits += 1; total += s; } });
      if (all ? hits === us.length : hits > 0) { out.push([doc, total]); }
    });
    return out;
  }

  function facetValues(doc, facet) { return facet === 'modality' ? doc.modalities : [doc[facet]]; }

  function passes(doc, facet, filters) {
    var wanted = filters[facet];
    return !wanted.length || facetValues(doc, facet).some(function (v) { return wanted.indexOf(v) >= 0; });
  }

  function search(index, query, filters) {
    var us = units(index, query);
    var relaxed = false;
    var found;
    if (!us.length) {
      found = index.docs.map(function (d, i) { return [i, 0]; });
    } else {
      found = match(index, us, true);
      if (!found.length && us.length > 1) { found = match(index, us, false); relaxed = true; }
    }
    var counts = {};
    FACETS.forEach(function (f) { counts[f] = {}; });
    found.forEach(function (m) {
      var doc = index.docs[m[0]];
      var ok = FACETS.map(function (f) { return passes(doc, f, filters); });
      FACETS.forEach(function (f, i) {
        if (ok.every(function (p, j) { return p || j === i; })) {
          facetValues(doc, f).forEach(function (v) { counts[f][v] = (counts[f][v] || 0) + 1; });
        }
      });
    });
    var hits = found.filter(function (m) {
      return FACETS.every(function (f) { return passes(index.docs[m[0]], f, filters); });
    });
    hits.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return { hits: hits, facets: counts, relaxed: relaxed, units: us };
  }

  /* ---------- the search page ---------- */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }

  function badge(index, stance) {
    return el('span', { 'class': 'badge stance-' + stance }, [
      el('span', { 'aria-hidden': 'true' }, [ICONS[stance] || '?']), ' ' + index.labels.stance[stance]]);
  }

  function stateUrl(query, filters, offset) {
    var p = new URLSearchParams();
    p.append('q', query);
    FACETS.forEach(function (f) { filters[f].forEach(function (v) { p.append(f, v); }); });
    if (offset) { p.append('offset', String(offset)); }
    return 'search.html?' + p.toString();
  }

  function toggled(filters, facet, value) {
    var next = {};
    FACETS.forEach(function (f) { next[f] = filters[f].slice(); });
    var i = next[facet].indexOf(value);
    if (i >= 0) { next[facet].splice(i, 1); } else { next[facet].push(value); }
    return next;
  }

  /* The excerpt around the first query word found, with every found word in <mark>. */
  function snippet(doc, query) {
    var text = (doc.summary + ' — ' + doc.excerpt).replace(/\s+/g, ' ');
    var lower = text.toLowerCase();
    var needles = [];
    query.toLowerCase().split(/[\s"“”「」]+/).forEach(function (w) {
      if (!w) { return; }
      if (CJK.test(w)) {
        var cs = Array.from(w);
        if (cs.length === 1) { needles.push(w); }
        for (var i = 0; i + 1 < cs.length; i++) { needles.push(cs[i] + cs[i + 1]); }
      } else if (w.length > 2) {
        needles.push(w.length > 5 ? w.slice(0, w.length - 2) : w);
      }
    });
    var first = -1;
    needles.forEach(function (n) { var at = lower.indexOf(n); if (at >= 0 && (first < 0 || at < first)) { first = at; } });
    var start = Math.max(0, first - 60);
    var part = text.slice(start, start + 240);
    var lw = part.toLowerCase();
    var marks = [];
    needles.forEach(function (n) {
      for (var at = lw.indexOf(n); at >= 0; at = lw.indexOf(n, at + n.length)) { marks.push([at, at + n.length]); }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var p = el('p', { 'class': 'snippet' });
    var pos = 0;
    if (start > 0) { p.appendChild(document.createTextNode('… ')); }
    marks.forEach(function (m) {
      if (m[0] < pos) { return; }
      p.appendChild(document.createTextNode(part.slice(pos, m[0])));
      p.appendChild(el('mark', {}, [part.slice(m[0], m[1])]));
      pos = m[1];
    });
    p.appendChild(document.createTextNode(part.slice(pos) + (start + 240 < text.length ? ' …' : '')));
    return p;
  }

  function renderSearch(index) {
    var params = new URLSearchParams(location.search);
    var query = params.get('q') || '';
    var offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
    var filters = {};
    FACETS.forEach(function (f) { filters[f] = params.getAll(f).filter(Boolean); });
    var input = document.getElementById('q');
    if (input) { input.value = query; }
    var form = document.getElementById('search-form');
    FACETS.forEach(function (f) {
      filters[f].forEach(function (v) { form.appendChild(el('input', { type: 'hidden', name: f, value: v })); });
    });
    if (query.length > 500) {
      document.getElementById('result-count').textContent = 'The query is ' + query.length + ' characters long; the limit is 500.';
      return;
    }
    var r = search(index, query, filters);
    var n = r.hits.length;
    var records = n === 1 ? 'record' : 'records';
    document.getElementById('result-count').textContent = !query.trim() ? n + ' ' + records
      : !analyse(index, query).length ? '“' + query + '” has no searchable words; use words, names or numbers (' + n + ' ' + records + ')'
      : r.relaxed ? 'No record has every word of “' + query + '”; ' + n + ' ' + records + ' have some of them'
        : n + ' ' + records + ' match “' + query + '”';
    var list = document.querySelector('#results ol.hits');
    list.setAttribute('start', String(offset + 1));
    r.hits.slice(offset, offset + PAGE).forEach(function (m) {
      var doc = index.docs[m[0]];
      var meta = el('p', { 'class': 'meta' }, [badge(index, doc.stance)]);
      if (doc.status === 'draft') { meta.appendChild(document.createTextNode(' ')); meta.appendChild(el('span', { 'class': 'tag-draft' }, ['Draft'])); }
      list.appendChild(el('li', { 'class': 'hit' }, [
        el('h2', {}, [el('a', { href: 'records/' + doc.id + '.html' }, [doc.title])]), meta, snippet(doc, query)]));
    });
    var pager = el('nav', { 'class': 'pager', 'aria-label': 'Result pages' });
    if (offset > 0) { pager.appendChild(el('a', { rel: 'prev', href: stateUrl(query, filters, Math.max(0, offset - PAGE)) }, ['← Previous'])); }
    if (offset + PAGE < n) { pager.appendChild(el('a', { rel: 'next', href: stateUrl(query, filters, offset + PAGE) }, ['Next →'])); }
    document.getElementById('results').appendChild(pager);
    var aside = document.getElementById('facets');
    FACETS.forEach(function (f) {
      var values = Object.keys(r.facets[f]).sort();
      var ul = el('ul');
      values.forEach(function (v) {
        var on = filters[f].indexOf(v) >= 0;
        var attrs = { href: stateUrl(query, toggled(filters, f, v), 0) };
        if (on) { attrs['aria-current'] = 'true'; attrs['class'] = 'checked'; }
        ul.appendChild(el('li', {}, [el('a', attrs, [
          el('span', { 'class': 'box', 'aria-hidden': 'true' }, [on ? '☑' : '☐']), ' ' + ((index.labels[f] || {})[v] || v) + ' ',
          el('span', { 'class': 'count' }, [String(r.facets[f][v])])])]));
      });
      aside.appendChild(el('section', {}, [el('h2', {}, [FACET_TITLES[f]]), ul]));
    });
  }

  /* ---------- the compare page: the server's comparison, redone from the URL ---------- */

  function renderCompare(table) {
    var params = new URLSearchParams(location.search);
    var wanted = [];
    params.getAll('regulator').concat(params.getAll('regulators')).forEach(function (v) {
      v.split(',').forEach(function (id) { if (id.trim()) { wanted.push(id.trim()); } });
    });
    var form = document.getElementById('compare-form');
    var select = function (name) { return form.querySelector('select[name=' + name + ']'); };
    var shown = function (id) { return !wanted.length || wanted.indexOf(id) >= 0; };
    // As on the server, a value no option offers (an unknown id, a wrong case) filters nothing.
    var offered = function (name) {
      var value = params.get(name) || '';
      return Array.prototype.some.call(select(name).options, function (o) { return !o.hidden && o.value === value; }) ? value : '';
    };
    var diffOnly = params.get('diff') === 'only';
    form.querySelectorAll('input[name=regulator]').forEach(function (box) { box.checked = shown(box.value); });
    // The baseline can only be a regulator on show.
    Array.prototype.forEach.call(select('baseline').options, function (o) { o.hidden = o.value !== '' && !shown(o.value); });
    var domain = offered('domain');
    var modality = offered('modality');
    var baseline = offered('baseline');
    select('domain').value = domain;
    select('modality').value = modality;
    select('baseline').value = baseline;
    form.querySelector('input[name=diff]').checked = diffOnly;
    table.querySelectorAll('[data-regulator]').forEach(function (cell) { cell.hidden = !shown(cell.getAttribute('data-regulator')); });
    var anyShown = false;
    table.querySelectorAll('tbody').forEach(function (group) {
      var groupShown = false;
      group.querySelectorAll('tr[data-agrees]').forEach(function (row) {
        var cells = Array.prototype.filter.call(row.querySelectorAll('td[data-regulator]'), function (c) { return !c.hidden; });
        var signatures = cells.map(function (cell) {
          var parts = [];
          cell.querySelectorAll('.cell-record').forEach(function (rec) {
            var ms = rec.getAttribute('data-modalities');
            var applies = !modality || !ms || ms.split(' ').indexOf(modality) >= 0;
            rec.hidden = !applies;
            if (applies) { parts.push(rec.getAttribute('data-signature')); }
          });
          cell.querySelector('.no-record').hidden = parts.length > 0;
          parts.sort();
          return parts.length ? parts.join('|') : 'none';
        });
        var base = baseline ? signatures[cells.findIndex(function (c) { return c.getAttribute('data-regulator') === baseline; })] : null;
        cells.forEach(function (cell, i) {
          var old = cell.querySelector('.delta');
          if (old) { old.remove(); }
          var differs = base !== null && signatures[i] !== base;
          cell.classList.toggle('differs', differs);
          if (differs) {
            cell.insertBefore(el('span', { 'class': 'delta', title: 'differs from the baseline' }, ['Δ',
              el('span', { 'class': 'visually-hidden' }, [' differs from the baseline'])]), cell.firstChild);
          }
        });
        var agrees = signatures.every(function (s) { return s === signatures[0]; });
        row.hidden = (diffOnly && agrees) || (domain && group.getAttribute('data-domain') !== domain);
        groupShown = groupShown || !row.hidden;
      });
      group.hidden = !groupShown;
      anyShown = anyShown || groupShown;
    });
    table.setAttribute('data-baseline', baseline);
    var noMatch = document.querySelector('.no-match');
    noMatch.hidden = anyShown;
    noMatch.querySelector('.no-match-diff').hidden = !diffOnly;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var results = document.getElementById('results');
    if (results) {
      var index = loadIndex();
      if (index) { renderSearch(index); } else { document.getElementById('result-count').textContent = 'The search index is missing from this copy.'; }
      // When results were on screen, in ms since navigation began: what the export benchmark reads.
      results.setAttribute('data-ready-ms', String(Math.round(performance.now())));
    }
    var matrix = document.getElementById('matrix');
    if (matrix && document.getElementById('compare-form')) { renderCompare(matrix); }
  });
}());
