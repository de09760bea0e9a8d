/* regkb offline: search, facets, compare and the product filters in the static export, without a server.
 *
 * The client index registers itself in window.regkbIndex: the head (static/search-index.js, loaded by
 * the page) with the query rules and every document's facet values; postings shards
 * (search-shard-N.js), each with the terms whose hash falls in it; every document's field lengths
 * (search-lengths.js); positions shards (search-positions-N.js), partitioned as the postings, which
 * only phrases read; fragments (search-docs-N.js) with what a hit shows. A query loads only its
 * terms' shards (and positions for a phrase) and its shown hits' fragments, by adding
 * classic <script> elements (which work from file://), and keeps them for later queries. Queries are
 * analysed as the server does: NFKC, lower case, UK -> US spelling (the rules ship in the index),
 * the English Snowball stemmer, and bigrams of unspaced scripts; glossary concepts are
 * found in a query as search.rs finds them. Ranking is BM25 over each field's term frequencies (phrase
 * frequencies from positions), with the server's weights for unknown records and the query's
 * language; all words are required, with a ranked fallback to most of them. Snippets come from the
 * paragraph with most of the query's terms, as on the server. The page state is the URL, as on the
 * server. Text from the index is only ever set as text, never as HTML. */
(function () {
  'use strict';

  var FACETS = ['regulator', 'domain', 'topic', 'modality', 'stance'];
  /* The page's messages (app.js reads them from the page, in its language). */
  var message = function (key, values) { return window.regkbMessage ? window.regkbMessage(key, values) : key; };
  /* The facet values' labels in the page's language, which the page gives; else the index's. */
  var pageLabels = null;
  function labels(index) {
    if (!pageLabels) {
      var block = document.getElementById('regkb-labels');
      pageLabels = block ? JSON.parse(block.textContent) : index.labels;
    }
    return pageLabels;
  }
  var ICONS = { 'required': '●', 'expected': '◐', 'case-by-case': '◇', 'not-required': '○', 'no-guidance': '–', 'available': '✓', 'not-available': '✕', 'unknown': '?' };
  var PAGE = 20;
  /* Hits drawn before the rest of the page's fragments are loaded: loading costs by the file. */
  var FIRST_HITS = 5;
  var K1 = 1.2;
  var B = 0.75;
  var SNIPPET_CHARS = 220;
  var SNIPPET_LEAD_CHARS = 40;
  var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var CJK = /[\u{0E00}-\u{0EFF}\u{1000}-\u{109F}\u{1780}-\u{17FF}\u{2E80}-\u{2FDF}\u{3005}-\u{3007}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{20000}-\u{323AF}\u{3041}-\u{309A}\u{309D}-\u{309F}\u{30A1}-\u{30FA}\u{30FC}-\u{30FF}\u{31F0}-\u{31FF}\u{FF66}-\u{FF9F}\u{1B000}-\u{1B16F}\u{1100}-\u{11FF}\u{3131}-\u{318E}\u{A960}-\u{A97F}\u{AC00}-\u{D7AF}\u{D7B0}-\u{D7FF}\u{FFA0}-\u{FFDC}]/u;
  var WORD = /[\p{L}\p{N}]/u;
  /* With `timing` in the URL, the search page stamps when each step of a query ended (ms since
   * navigation began) on #results as data-phases: what the export benchmark profiles. */
  var PHASES = /[?&]timing(=|&|$)/.test(location.search) ? [] : null;

  function phase(name) { if (PHASES) { PHASES.push(name + '=' + Math.round(performance.now())); } }

  /* ---------- the index ---------- */

  /* Maps from query words must not see Object.prototype: "constructor" is a word too. */
  function table(from) { return Object.assign(Object.create(null), from || {}); }

  /* The value of each base-64 digit, by character code. */
  var DIGIT_VALUES = (function () {
    var v = new Int8Array(128);
    for (var i = 0; i < DIGITS.length; i++) { v[DIGITS.charCodeAt(i)] = i; }
    return v;
  }());

  /* Every document's values of one facet, from the head's column: each document's ids in base 64,
   * then "."; "*N" before the "." repeats them for N documents (which then share one array). */
  function facetColumn(column, names) {
    var width = 1;
    while (Math.pow(64, width) < names.length) { width += 1; }
    var out = [];
    for (var at = 0; at < column.length;) {
      var values = [];
      for (; column[at] !== '.' && column[at] !== '*'; at += width) {
        var id = 0;
        for (var d = 0; d < width; d++) { id = id * 64 + DIGIT_VALUES[column.charCodeAt(at + d)]; }
        values.push(names[id]);
      }
      var end = column.indexOf('.', at);
      var n = column[at] === '*' ? parseInt(column.slice(at + 1, end), 10) : 1;
      for (; n > 0; n--) { out.push(values); }
      at = end + 1;
    }
    return out;
  }

  function loadIndex() {
    var head = null;
    (window.regkbIndex || []).forEach(function (part) { if (part.columns) { head = part; } });
    if (!head) { return null; }
    var script = document.querySelector('script[src$="search-index.js"]');
    head.base = script ? script.getAttribute('src').replace(/search-index\.js$/, '') : 'static/';
    head.facets = null;
    head.postings = table();
    head.positions = table();
    head.lengths = null;
    head.letters = table();
    head.fragments = [];
    head.files = table();
    head.done = table();
    head.missing = null;
    head.spelling.words = table(head.spelling.words);
    head.conceptOf = table();
    head.blocks = table();
    head.starts = table();
    head.longest = 1;
    function note(tokens) { head.starts[tokens[0]] = true; head.longest = Math.max(head.longest, tokens.length); }
    head.concepts.forEach(function (spellings, i) {
      spellings.forEach(function (tokens) { head.conceptOf[tokens.join('\u0001')] = i; note(tokens); });
    });
    head.false_friends.forEach(function (f) { head.blocks[f[0].join('\u0001')] = f[1]; note(f[0]); });
    head.cache = table();
    head.terms = table();
    phase('head');
    return head;
  }

  /* Takes in the parts of the index that scripts have registered since the last call. */
  function absorb(index) {
    var parts = window.regkbIndex || [];
    window.regkbIndex = [];
    parts.forEach(function (part) {
      var kind = part.postings ? 'postings' : 'positions';
      if (part.term !== undefined) {
        index[kind][part.term] = part[kind];
      } else if (part.shard !== undefined) {
        Object.keys(part[kind]).forEach(function (t) {
          // A term loaded from its own file keeps that list, not its shard's reference to the file.
          if (typeof index[kind][t] !== 'string') { index[kind][t] = part[kind][t]; }
        });
        Object.assign(index.letters, part.letters || {});
      } else if (part.lengths) {
        index.lengths = numbers(part.lengths);
      } else if (part.from !== undefined) {
        part.docs.forEach(function (d, i) { index.fragments[part.from + i] = d; });
      }
    });
  }

  /* Loads a script of the index once; the promise settles when it has run, or failed to load (it
   * is then taken as empty, so that a query ends). */
  function load(index, name) {
    if (!index.files[name]) {
      index.files[name] = new Promise(function (resolve) {
        var script = document.createElement('script');
        script.src = index.base + name;
        script.onload = script.onerror = function () { absorb(index); index.done[name] = true; resolve(); };
        document.head.appendChild(script);
      });
    }
    return index.files[name];
  }

  /* FNV-1a over UTF-16 code units, as indexer/src/client/shards.rs. */
  function shardOf(key, shards) {
    var h = 0x811c9dc5;
    for (var i = 0; i < key.length; i++) { h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0; }
    return h % shards;
  }

  /* Whether file `name` is here; when it is not and a query is being prepared, it is noted to load. */
  function present(index, name) {
    if (index.done[name]) { return true; }
    if (index.missing) { index.missing[name] = true; }
    return false;
  }

  /* Whether the shard of `key` (a term, a letter) is here. */
  function has(index, key) { return present(index, 'search-shard-' + shardOf(key, index.shards) + '.js'); }

  /* Runs `work` until it has looked up nothing that is not loaded, loading what it missed in between. */
  function prepared(index, work) {
    index.missing = table();
    var result = work();
    var missing = Object.keys(index.missing);
    index.missing = null;
    phase(missing.length ? 'round' : 'searched');
    if (!missing.length) { return Promise.resolve(result); }
    return Promise.all(missing.map(function (name) { return load(index, name); })).then(function () {
      return prepared(index, work);
    });
  }

  /* Loads what the given documents show. */
  function fragmentsOf(index, docs) {
    var files = {};
    docs.forEach(function (d) { files[Math.floor(d / index.fragment_docs)] = true; });
    return Promise.all(Object.keys(files).map(function (n) { return load(index, 'search-docs-' + n + '.js'); }));
  }

  var NOTHING = (function () { var m = new Map(); m.df = [0, 0, 0, 0, 0]; m.order = []; return m; }());

  /* The numbers of a postings string: base-64 digits of five bits, least significant first, a
   * digit of 32 or more followed by more (as indexer/src/client/shards.rs writes them). */
  function numbers(code) {
    var out = [];
    var n = 0;
    var scale = 1;
    for (var i = 0; i < code.length; i++) {
      var d = DIGIT_VALUES[code.charCodeAt(i)];
      if (d >= 32) { n += (d - 32) * scale; scale *= 32; } else { out.push(n + d * scale); n = 0; scale = 1; }
    }
    return out;
  }

  /* A term's postings as doc -> [{ tf, length, positions }] by field, with how many docs have it in
   * each field, and its entries in order (`order`). Each entry: doc (minus the previous), then
   * (tf - 1) * fields + field; the field's length comes from search-lengths.js, and the positions
   * only once a phrase asks for them (positioned). */
  function postingsOf(index, term) {
    // Scoring asks for each hit and field: what is decoded needs no more looking for.
    if (index.cache[term]) { return index.cache[term]; }
    var lengths = present(index, 'search-lengths.js');
    if (!has(index, term) || !lengths) { return NOTHING; }
    var code = index.postings[term] || '';
    // Long postings are in a file of their own, whose number the shard holds.
    if (typeof code === 'number') { present(index, 'search-term-' + code + '.js'); return NOTHING; }
    var flat = numbers(code);
    var fields = index.rules.boosts.length;
    var map = new Map();
    map.order = [];
    var df = index.rules.boosts.map(function () { return 0; });
    var doc = 0;
    for (var i = 0; i < flat.length;) {
      doc += flat[i];
      var field = flat[i + 1] % fields;
      var entry = { tf: (flat[i + 1] - field) / fields + 1, length: index.lengths[doc * fields + field], positions: [] };
      i += 2;
      if (!map.has(doc)) { map.set(doc, []); }
      map.get(doc)[field] = entry;
      map.order.push(entry);
      df[field] += 1;
    }
    map.df = df;
    map.idf = df.map(function (d) { return Math.log(1 + (index.docs - d + 0.5) / (d + 0.5)); });
    index.cache[term] = map;
    return map;
  }

  function positionsFile(index, term) { return 'search-positions-' + shardOf(term, index.shards) + '.js'; }

  /* Gives the entries of a term's postings their positions, from its positions file (each entry's
   * positions in turn, each minus the previous; concept terms (~c…) have none); false until that
   * has loaded. */
  function positioned(index, term, postings) {
    if (postings.positioned || term[0] === '~') { return true; }
    if (!present(index, positionsFile(index, term))) { return false; }
    var code = index.positions[term] || '';
    // Long positions are in a file of their own, whose number the shard holds.
    if (typeof code === 'number') { present(index, 'search-term-positions-' + code + '.js'); return false; }
    var flat = numbers(code);
    var i = 0;
    postings.order.forEach(function (e) {
      for (var k = 0, at = 0; k < e.tf; k++) { at += flat[i++]; e.positions.push(at); }
    });
    postings.positioned = true;
    return true;
  }

  /* ---------- analysis, as indexer/src/analysis ---------- */

  function americanize(rules, word) {
    if (rules.words[word] !== undefined) { return rules.words[word]; }
    rules.contains.forEach(function (pair) {
      if (word.indexOf(pair[0]) >= 0) { word = word.split(pair[0]).join(pair[1]); }
    });
    for (var i = 0; i < rules.suffixes.length; i++) {
      var s = rules.suffixes[i];
      if (!word.endsWith(s[0])) { continue; }
      var rest = word.slice(0, word.length - s[0].length);
      var base = rest + s[2];
      var kept = rules.keep_endings.some(function (k) { return base.endsWith(k); });
      if (Array.from(rest).length >= rules.min_stem && !kept) { word = rest + s[1]; }
      break;
    }
    return word;
  }

  /* The term of a Latin word, as analysis::stem(analysis::normalize_word(word)): folded, spelt the
   * US way, then stemmed unless it is short or holds a digit. Kept, as words recur. */
  function latinTerm(index, word) {
    var term = index.terms[word];
    if (term === undefined) {
      var folded = americanize(index.spelling, word.normalize('NFKC').toLowerCase());
      var kept = Array.from(folded).length < index.rules.min_stemmed_chars || /\p{N}/u.test(folded);
      term = index.terms[word] = kept ? folded : stemEnglish(folded);
    }
    return term;
  }

  /* ---------- the English Snowball stemmer (Porter2), as the rust-stemmers crate ---------- */

  /* Words the algorithm leaves alone or stems by a rule of their own. */
  var STEM_EXCEPTIONS = table({
    skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl',
    ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl',
    sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes'
  });
  var STEM_UNCHANGED_AFTER_1A = ['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed'];
  var STEP_1A = ['sses', 'ied', 'ies', 'ss', 'us', 's'];
  var STEP_1B = ['eedly', 'ingly', 'edly', 'eed', 'ing', 'ed'];
  var STEP_2 = { ization: 'ize', ational: 'ate', fulness: 'ful', ousness: 'ous', iveness: 'ive', tional: 'tion',
    biliti: 'ble', lessli: 'less', entli: 'ent', ation: 'ate', alism: 'al', aliti: 'al', ousli: 'ous', iviti: 'ive',
    fulli: 'ful', enci: 'ence', anci: 'ance', abli: 'able', izer: 'ize', ator: 'ate', alli: 'al', bli: 'ble', ogi: 'og', li: '' };
  var STEP_3 = { ational: 'ate', tional: 'tion', alize: 'al', icate: 'ic', iciti: 'ic', ative: '', ical: 'ic', ness: '', ful: '' };
  var STEP_4 = ['ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize',
    'ion', 'al', 'er', 'ic'];
  /* Each step's suffixes by their last letter, longest first: the longest that ends the word is
   * the only one tried. */
  function byLastLetter(suffixes) {
    var out = table();
    suffixes.sort(function (a, b) { return b.length - a.length; }).forEach(function (s) {
      (out[s[s.length - 1]] = out[s[s.length - 1]] || []).push(s);
    });
    return out;
  }
  var SUFFIXES_1A = byLastLetter(STEP_1A);
  var SUFFIXES_1B = byLastLetter(STEP_1B);
  var SUFFIXES_2 = byLastLetter(Object.keys(STEP_2));
  var SUFFIXES_3 = byLastLetter(Object.keys(STEP_3));
  var SUFFIXES_4 = byLastLetter(STEP_4);

  var ASTRAL = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

  function vowel(c) { return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y'; }

  /* Whether the letters before `end` are a short syllable: a consonant, a vowel, then a consonant
   * other than w, x or Y; or, at the word's start, a vowel and a consonant. */
  function shortSyllable(w, end) {
    if (end >= 3) { return !vowel(w[end - 1]) && 'wxY'.indexOf(w[end - 1]) < 0 && vowel(w[end - 2]) && !vowel(w[end - 3]); }
    return end === 2 && !vowel(w[1]) && vowel(w[0]);
  }

  /* The index after the first vowel-then-consonant from `from`, or the word's length. */
  function regionFrom(w, from) {
    var i = from;
    while (i < w.length && !vowel(w[i])) { i++; }
    while (i < w.length && vowel(w[i])) { i++; }
    return Math.min(i + 1, w.length);
  }

  /* The longest of a step's suffixes that ends `w`, or null. */
  function suffixOf(w, step) {
    var suffixes = step[w[w.length - 1]] || [];
    for (var i = 0; i < suffixes.length; i++) { if (w.endsWith(suffixes[i])) { return suffixes[i]; } }
    return null;
  }

  function hasVowel(w, end) { for (var i = 0; i < end; i++) { if (vowel(w[i])) { return true; } } return false; }

  /* The stem of a folded word: what rust-stemmers' English algorithm gives (Porter2). */
  function stemEnglish(word) {
    if (STEM_EXCEPTIONS[word] !== undefined) { return STEM_EXCEPTIONS[word]; }
    // The rules count characters, as Rust does: a letter beyond the BMP (two code units) stands in
    // as one private-use character, which no rule reads but as a consonant, and is put back.
    if (word.search(ASTRAL) >= 0) {
      var astral = word.match(ASTRAL);
      var k = 0;
      return stemEnglish(word.replace(ASTRAL, '\uE000')).replace(/\uE000/g, function () { return astral[k++]; });
    }
    if (word.length < 3) { return word; }
    // Y is a consonant y: at the start, or after a vowel.
    var w = word.indexOf('y') < 0 ? word : word.replace(/(^|[aeiouy])y/g, '$1Y');
    var prefix = /^(gener|commun|arsen)/.exec(w);
    var p1 = prefix ? prefix[0].length : regionFrom(w, 0);
    var p2 = regionFrom(w, p1);
    var s = suffixOf(w, SUFFIXES_1A);
    if (s === 'sses') {
      w = w.slice(0, -2);
    } else if (s === 'ied' || s === 'ies') {
      w = w.slice(0, -3) + (w.length > 4 ? 'i' : 'ie');
    } else if (s === 's' && hasVowel(w, w.length - 2)) {
      w = w.slice(0, -1);
    }
    if (STEM_UNCHANGED_AFTER_1A.indexOf(w) < 0) { w = stemSteps(w, p1, p2); }
    return w.indexOf('Y') < 0 ? w : w.replace(/Y/g, 'y');
  }

  /* Steps 1b to 5 of Porter2 on `w`, given its regions R1 (from p1) and R2 (from p2). */
  function stemSteps(w, p1, p2) {
    var s = suffixOf(w, SUFFIXES_1B);
    var start = s ? w.length - s.length : 0;
    if (s === 'eed' || s === 'eedly') {
      if (start >= p1) { w = w.slice(0, start) + 'ee'; }
    } else if (s && hasVowel(w, start)) {
      w = w.slice(0, start);
      var end = w.slice(-2);
      if (end === 'at' || end === 'bl' || end === 'iz') {
        w += 'e';
      } else if (end[0] === end[1] && 'bdfgmnprt'.indexOf(end[0]) >= 0) {
        w = w.slice(0, -1);
      } else if (w.length === p1 && shortSyllable(w, w.length)) {
        w += 'e';
      }
    }
    var last = w.length - 1;
    if ((w[last] === 'y' || w[last] === 'Y') && last > 1 && !vowel(w[last - 1])) { w = w.slice(0, last) + 'i'; }
    s = suffixOf(w, SUFFIXES_2);
    start = s ? w.length - s.length : 0;
    if (s && start >= p1 && (s === 'ogi' ? w[start - 1] === 'l' : s !== 'li' || 'cdeghkmnrt'.indexOf(w[start - 1]) >= 0)) {
      w = w.slice(0, start) + STEP_2[s];
    }
    s = suffixOf(w, SUFFIXES_3);
    start = s ? w.length - s.length : 0;
    if (s && start >= p1 && (s !== 'ative' || start >= p2)) { w = w.slice(0, start) + STEP_3[s]; }
    s = suffixOf(w, SUFFIXES_4);
    start = s ? w.length - s.length : 0;
    if (s && start >= p2 && (s !== 'ion' || w[start - 1] === 's' || w[start - 1] === 't')) { w = w.slice(0, start); }
    last = w.length - 1;
    var e = w[last] === 'e' && (last >= p2 || (last >= p1 && !shortSyllable(w, last)));
    var l = w[last] === 'l' && last >= p2 && w[last - 1] === 'l';
    return e || l ? w.slice(0, last) : w;
  }

  /* A run of letters of unspaced scripts, or a word: a letter or digit of another script, then
   * those and the marks that follow it. */
  var PIECES = new RegExp('(' + CJK.source + '+)|((?:(?!' + CJK.source + ')[\\p{L}\\p{N}])(?:(?!' + CJK.source +
    ')[\\p{L}\\p{N}\\p{M}])*)', 'gu');

  /* Terms of `text` with the [start, end) of the piece each came from, in string indices. */
  function spans(index, text) {
    var out = [];
    PIECES.lastIndex = 0;
    for (var m = PIECES.exec(text); m; m = PIECES.exec(text)) {
      var start = m.index;
      var end = start + m[0].length;
      if (m[2]) {
        var t = latinTerm(index, m[2]);
        if (t && t.length <= 64) { out.push({ term: t, start: start, end: end }); }
        continue;
      }
      var chars = Array.from(m[1].normalize('NFKC'));
      if (chars.length === 1) { out.push({ term: chars[0], start: start, end: end }); }
      for (var i = 0; i + 1 < chars.length; i++) { out.push({ term: chars[i] + chars[i + 1], start: start, end: end }); }
    }
    return out;
  }

  function analyse(index, text) { return spans(index, text).map(function (s) { return s.term; }); }

  /* How term i joins the next, as a function of i: 'space', 'hyphen' (inside a Latin word) or
   * 'break' (a block or sentence ends). */
  function joints(text, sp) {
    var word = function (c) { return !!c && WORD.test(c) && !CJK.test(c); };
    // Worked out only where a concept's spelling may start or go on.
    return function (i) {
      var l = sp[i].end;
      var r = sp[i + 1].start;
      if (r <= l) { return 'space'; }
      var gap = text.slice(l, r);
      if (/[\n。！？；!?;]|\.(\s|$)/.test(gap)) { return 'break'; }
      var hyphen = /^[-\u2010\u2011]+$/.test(gap) && word(text[l - 1]) && word(text[r]);
      return hyphen ? 'hyphen' : 'space';
    };
  }

  /* Every concept the terms spell, as synonyms.rs finds them: [concept, from, to] in term indices. */
  function spelt(index, terms, js) {
    var found = [];
    var blocked = [];
    for (var i = 0; i < terms.length; i++) {
      if (!index.starts[terms[i]] || (i > 0 && js(i - 1) === 'hyphen')) { continue; }
      var key = '';
      for (var n = 0; n < index.longest && i + n < terms.length; n++) {
        if (n > 0 && js(i + n - 1) === 'break') { break; }
        key = n ? key + '\u0001' + terms[i + n] : terms[i];
        if (key in index.conceptOf) { found.push([index.conceptOf[key], i, i + n + 1]); }
        if (key in index.blocks) { index.blocks[key].forEach(function (c) { blocked.push([c, i, i + n + 1]); }); }
      }
    }
    return found.filter(function (s) {
      return !blocked.some(function (b) { return b[0] === s[0] && b[1] <= s[1] && s[2] <= b[2]; });
    });
  }

  /* ---------- queries, as indexer/src/search.rs ---------- */

  function isParticle(index, c) { return /[\u3041-\u309F]/.test(c) || index.rules.particles.indexOf(c) >= 0; }

  function leftovers(index, text, alone, around, out) {
    var words = text.split(/\s+/).filter(Boolean);
    var gluedFirst = around[0] && !/^\s/.test(text);
    var gluedLast = around[1] && !/\s$/.test(text);
    words.forEach(function (word, w) {
      var glued = (w === 0 && gluedFirst) || (w + 1 === words.length && gluedLast);
      var allParticles = Array.from(word).every(function (c) { return isParticle(index, c) || !CJK.test(c); });
      var pieces = allParticles && alone ? [word] : word.split('').reduce(function (acc, c) {
        if (isParticle(index, c)) { acc.push(''); } else { acc[acc.length - 1] += c; }
        return acc;
      }, ['']);
      pieces.forEach(function (piece) {
        var terms = analyse(index, piece);
        if (!terms.length) { return; }
        var letters = Array.from(piece).filter(function (c) { return CJK.test(c); });
        var unit;
        if (terms.length === 1 && letters.length === 1 && Array.from(piece.trim()).length === 1) {
          if (index.rules.korean_particles.indexOf(letters[0]) >= 0) { return; }
          unit = { kind: 'char', char: letters[0] };
        } else {
          unit = { kind: 'words', terms: terms };
        }
        unit.text = piece;
        unit.framing = index.rules.framing.indexOf(piece.toLowerCase()) >= 0;
        unit.optional = glued && Array.from(piece).every(function (c) { return CJK.test(c); });
        out.push(unit);
      });
    });
  }

  function unquoted(index, part, out) {
    var sp = spans(index, part);
    var terms = sp.map(function (s) { return s.term; });
    var found = spelt(index, terms, joints(part, sp));
    var at = 0;
    var reached = 0;
    found.forEach(function (s, i) {
      var longest = i + 1 >= found.length || found[i + 1][1] !== s[1];
      if (!longest || s[1] < reached) { return; }
      var from = sp[s[1]].start;
      var to = sp[s[2] - 1].end;
      leftovers(index, part.slice(at, Math.max(from, at)), false, [at > 0, true], out);
      out.push({ kind: 'concept', concept: s[0], text: part.slice(from, to), framing: false, optional: false });
      at = to;
      reached = s[2];
    });
    leftovers(index, part.slice(at), !found.length, [at > 0, false], out);
  }

  function units(index, query) {
    var out = [];
    query.split(/["“”「」]/).forEach(function (part, i) {
      if (i % 2 === 0) { unquoted(index, part, out); return; }
      var terms = analyse(index, part);
      if (!terms.length) { return; }
      var key = terms.join('\u0001');
      var unit = key in index.conceptOf ? { kind: 'concept', concept: index.conceptOf[key] } : { kind: 'words', terms: terms };
      unit.text = part.trim();
      unit.framing = false;
      unit.optional = false;
      out.push(unit);
    });
    if (out.some(function (u) { return !u.framing; })) { out = out.filter(function (u) { return !u.framing; }); }
    return out;
  }

  /* How often the terms occur one after the other in a field: the positions of the first that the
   * others follow. */
  function phraseFrequency(entries) {
    if (entries.length === 1) { return entries[0].tf; }
    var rest = entries.slice(1).map(function (e) { return new Set(e.positions); });
    return entries[0].positions.filter(function (p) {
      return rest.every(function (set, i) { return set.has(p + i + 1); });
    }).length;
  }

  /* BM25 of a term (one) or a phrase (several, in order), as tantivy scores them (a phrase's idf is
   * its terms' summed, its frequency how often it occurs), times the field's boost, summed over fields. */
  function bm25(index, terms, doc) {
    var total = 0;
    index.rules.boosts.forEach(function (boost, f) {
      var idf = 0;
      var entries = [];
      for (var i = 0; i < terms.length; i++) {
        var p = postingsOf(index, terms[i]);
        var fields = p.get(doc);
        if (!fields || !fields[f]) { return; }
        idf += p.idf[f];
        entries.push(fields[f]);
      }
      // A phrase needs its terms' positions: each is asked for, so that all load in one round.
      if (terms.length > 1 && terms.map(function (t) { return positioned(index, t, postingsOf(index, t)); }).indexOf(false) >= 0) {
        return;
      }
      var tf = phraseFrequency(entries);
      if (!tf) { return; }
      var norm = 1 - B + B * entries[0].length / (index.average_lengths[f] || 1);
      total += boost * idf * tf * (K1 + 1) / (tf + K1 * norm);
    });
    return total;
  }

  /* The terms a unit is found by: a concept's term, a phrase's words (all needed), or the bigrams holding a letter (any). */
  function unitTerms(index, unit) {
    if (unit.kind === 'concept') { return { all: ['~c' + unit.concept] }; }
    if (unit.kind === 'words') { return { all: unit.terms }; }
    return { any: has(index, unit.char) ? index.letters[unit.char] || [] : [] };
  }

  /* A unit's score for a doc, 0 when the doc lacks it. A letter scores its fields' boosts, as a
   * tantivy regex query does. */
  function unitScore(index, unit, doc) {
    var t = unitTerms(index, unit);
    if (t.all) { return bm25(index, t.all, doc); }
    return index.rules.boosts.reduce(function (s, boost, f) {
      var has = t.any.some(function (term) { var fields = postingsOf(index, term).get(doc); return fields && fields[f]; });
      return s + (has ? boost : 0);
    }, 0);
  }

  function candidates(index, us) {
    var docs = new Set();
    us.forEach(function (u) {
      var t = unitTerms(index, u);
      (t.all ? [t.all[0]] : t.any).forEach(function (term) { postingsOf(index, term).forEach(function (tf, d) { docs.add(d); }); });
      // A phrase's positions load with its shards.
      if (t.all && t.all.length > 1) { t.all.forEach(function (term) { present(index, positionsFile(index, term)); }); }
    });
    return docs;
  }

  /* Each candidate with its score and which units it has. */
  function scored(index, us) {
    var out = [];
    candidates(index, us).forEach(function (doc) {
      var has = us.map(function (u) { return unitScore(index, u, doc); });
      out.push({ doc: doc, has: has, total: has.reduce(function (a, b) { return a + b; }, 0) });
    });
    return out;
  }

  /* A product has no domain, topic or stance: it has no value there, and a filter on them leaves it out. */
  function facetValues(index, doc, facet) { return facetColumns(index)[facet][doc]; }

  /* Every facet's column, decoded the first time it is needed (or while a query's files load). */
  function facetColumns(index) {
    if (!index.facets) {
      index.facets = table();
      FACETS.forEach(function (f) { index.facets[f] = facetColumn(index.columns[f], index.values[f]); });
    }
    return index.facets;
  }

  function passes(index, doc, facet, filters) {
    var wanted = filters[facet];
    return !wanted.length || facetValues(index, doc, facet).some(function (v) { return wanted.indexOf(v) >= 0; });
  }

  function admitted(index, doc, filters) { return FACETS.every(function (f) { return passes(index, doc, f, filters); }); }

  /* The languages a query may be in, from its script, as analysis/script.rs tells them. */
  function languagesOf(index, query) {
    if (/[\u3041-\u309F\u30A1-\u30FA\uFF66-\uFF9D]/.test(query)) { return ['ja']; }
    if (/[\uAC00-\uD7A3\u1100-\u11FF\u3131-\u318E]/.test(query)) { return ['ko']; }
    var possible = ['ja', 'zh-Hans', 'zh-Hant'];
    Array.from(query).forEach(function (c) {
      index.rules.clues.forEach(function (clue) {
        if (clue[0].indexOf(c) >= 0) { possible = possible.filter(function (l) { return clue[1].indexOf(l) < 0; }); }
      });
    });
    return possible.length === 3 ? [] : possible;
  }

  function weigh(index, found, query) {
    var langs = languagesOf(index, query);
    found.forEach(function (m) {
      // Products (after the records) have no stance and many regulators: they keep their score.
      if (m[0] >= index.records) { return; }
      if (facetValues(index, m[0], 'stance')[0] === 'unknown') { m[1] *= index.rules.unknown_weight; }
      var spoken = index.rules.languages[facetValues(index, m[0], 'regulator')[0]] || [];
      if (spoken.some(function (l) { return langs.indexOf(l) >= 0; })) { m[1] *= index.rules.language_lift; }
    });
  }

  function search(index, query, filters) {
    var us = units(index, query);
    var relaxed = false;
    var dropped = [];
    var found;
    if (!us.length) {
      // As on the server, an empty query lists the records; one with nothing searchable finds nothing.
      found = [];
      for (var d = 0; !query.trim() && d < index.records; d++) { found.push([d, 0]); }
    } else {
      var all = scored(index, us);
      var strict = all.filter(function (m) { return m.has.every(function (s, i) { return s || us[i].optional; }); });
      var required = us.filter(function (u) { return !u.optional; }).length;
      if (required <= 1 || strict.some(function (m) { return admitted(index, m.doc, filters); })) {
        found = strict.map(function (m) { return [m.doc, m.total]; });
      } else {
        relaxed = true;
        us.forEach(function (u, i) {
          if (!all.some(function (m) { return m.has[i] && admitted(index, m.doc, filters); })) { dropped.push(u.text); }
        });
        found = all.map(function (m) {
          var coord = m.has.filter(Boolean).length / us.length;
          return [m.doc, m.total * coord * coord];
        });
      }
    }
    weigh(index, found, query);
    var counts = {};
    FACETS.forEach(function (f) { counts[f] = {}; });
    // A hit counts in a facet when it passes every other facet's filter: in all facets when it
    // passes them all, in the one it fails when it fails one.
    found.forEach(function (m) {
      var failed = FACETS.filter(function (f) { return !passes(index, m[0], f, filters); });
      var counted = failed.length === 0 ? FACETS : failed.length === 1 ? failed : [];
      counted.forEach(function (f) {
        facetValues(index, m[0], f).forEach(function (v) { counts[f][v] = (counts[f][v] || 0) + 1; });
      });
    });
    var hits = found.filter(function (m) { return admitted(index, m[0], filters); });
    hits.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return { hits: hits, facets: counts, relaxed: relaxed, dropped: dropped, analysable: !!us.length || !query.trim(), units: us };
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
      el('span', { 'aria-hidden': 'true' }, [ICONS[stance] || '?']), ' ' + labels(index).stance[stance]]);
  }

  /* As Badge::product on the server. */
  function productBadge() {
    return el('span', { 'class': 'badge stance-product' }, [el('span', { 'aria-hidden': 'true' }, ['◆']), ' ' + message('stance-product')]);
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

  /* ---------- snippets, as Snippets in search.rs ---------- */

  /* What a text of a hit is searched for: the units' terms, and their single letters of unspaced
   * scripts; `concepts` tells whether it is worth looking for concepts at all. */
  function wanted(units) {
    var terms = table();
    var letters = [];
    units.forEach(function (u) {
      if (u.kind === 'concept') { terms['~c' + u.concept] = true; }
      if (u.kind === 'words') { u.terms.forEach(function (t) { terms[t] = true; }); }
      if (u.kind === 'char') { letters.push(u.char); }
    });
    var wants = function (term) {
      return !!terms[term] || (term[0] !== '~' && letters.some(function (c) { return term.indexOf(c) >= 0; }));
    };
    wants.concepts = units.some(function (u) { return u.kind === 'concept'; });
    return wants;
  }

  /* The query's terms in `text`: how many different ones, and where ([start, end) in string indices). */
  function matched(index, wants, text) {
    var sp = spans(index, text);
    var terms = sp.map(function (x) { return x.term; });
    var found = sp.map(function (x) { return [x.term, x.start, x.end]; });
    (wants.concepts ? spelt(index, terms, joints(text, sp)) : []).forEach(function (c) {
      found.push(['~c' + c[0], sp[c[1]].start, sp[c[2] - 1].end]);
    });
    var distinct = table();
    var ranges = [];
    found.forEach(function (f) {
      if (wants(f[0])) { distinct[f[0]] = true; ranges.push([f[1], f[2]]); }
    });
    return { count: Object.keys(distinct).length, ranges: ranges };
  }

  /* Overlapping ranges (CJK bigrams) as one. */
  function merged(ranges) {
    var out = [];
    ranges.slice().sort(function (a, b) { return a[0] - b[0]; }).forEach(function (r) {
      var last = out[out.length - 1];
      if (last && r[0] <= last[1]) { last[1] = Math.max(last[1], r[1]); } else { out.push(r.slice()); }
    });
    return out;
  }

  /* The SNIPPET_CHARS characters of `text` that hold the most ranges, a little lead-in before the first. */
  function framed(text, ranges) {
    var bounds = [];
    var at = 0;
    Array.from(text).forEach(function (c) { bounds.push(at); at += c.length; });
    bounds.push(at);
    var chars = bounds.length - 1;
    var charAt = function (offset) { var i = 0; while (bounds[i] < offset) { i++; } return i; };
    var best = null;
    ranges.forEach(function (anchor) {
      var start = Math.min(Math.max(0, charAt(anchor[0]) - SNIPPET_LEAD_CHARS), Math.max(0, chars - SNIPPET_CHARS));
      var w = [bounds[start], bounds[Math.min(start + SNIPPET_CHARS, chars)]];
      var n = ranges.filter(function (r) { return w[0] <= r[0] && r[1] <= w[1]; }).length;
      if (!best || n > best.n) { best = { n: n, w: w }; }
    });
    var frame = best ? best.w : [0, bounds[Math.min(SNIPPET_CHARS, chars)]];
    var inside = ranges.filter(function (r) { return r[0] < frame[1] && r[1] > frame[0]; }).map(function (r) {
      return [Math.max(r[0], frame[0]) - frame[0], Math.min(r[1], frame[1]) - frame[0]];
    });
    return { text: text.slice(frame[0], frame[1]), marks: inside };
  }

  /* The passage of the paragraph with most of the query's terms (else of the summary, else the
   * summary), with those terms in <mark>. */
  function snippet(index, doc, units) {
    var wants = wanted(units);
    var best = null;
    doc.paragraphs.forEach(function (text) {
      var m = matched(index, wants, text);
      if (m.count > (best ? best.count : 0)) { best = { count: m.count, text: text, ranges: m.ranges }; }
    });
    if (!best) {
      var m = matched(index, wants, doc.summary);
      best = m.count ? { text: doc.summary, ranges: m.ranges } : null;
    }
    var part = best ? framed(best.text, merged(best.ranges)) : { text: doc.summary, marks: [] };
    var p = el('p', { 'class': 'snippet' });
    var pos = 0;
    part.marks.forEach(function (m) {
      p.appendChild(document.createTextNode(part.text.slice(pos, m[0])));
      p.appendChild(el('mark', {}, [part.text.slice(m[0], m[1])]));
      pos = m[1];
    });
    p.appendChild(document.createTextNode(part.text.slice(pos)));
    return p;
  }

  /* How many answers the page has begun: an answer stops drawing once a newer one has begun. */
  var asked = 0;

  /* Empties what an answer drew, as the next is drawn in its place. */
  function clearAnswer() {
    document.querySelectorAll('#results ol.hits > li, #results nav.pager, #facets > section').forEach(function (node) { node.remove(); });
    document.getElementById('result-count').textContent = '';
    document.getElementById('results').removeAttribute('aria-busy');
  }

  /* Answers the query in the page's address: the count, pager, facets and first hits at once
   * when the first hits' fragments are here (the previous answer stays until then: one drawing
   * of the page instead of three), then the rest of the page of hits. */
  function renderSearch(index, ready, done) {
    var turn = ++asked;
    var current = function (draw) { return function (x) { return turn === asked ? draw(x) : undefined; }; };
    document.getElementById('results').setAttribute('aria-busy', 'true');
    document.querySelectorAll('#search-form input[type=hidden]').forEach(function (node) { node.remove(); });
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
      clearAnswer();
      document.getElementById('result-count').textContent = message('search-too-long', { n: query.length, limit: 500 });
      done();
      return;
    }
    var searched = prepared(index, function () { return search(index, query, filters); });
    facetColumns(index);
    phase('columns');
    var docs = function (hits) { return hits.map(function (m) { return m[0]; }); };
    searched.then(current(function (r) {
      var page = r.hits.slice(offset, offset + PAGE);
      var first = page.slice(0, FIRST_HITS);
      var rest = page.slice(FIRST_HITS);
      return fragmentsOf(index, docs(first)).then(current(function () {
        phase('fragments');
        clearAnswer();
        showSummary(index, query, filters, offset, r);
        showHits(index, first, r.units);
        ready();
        return fragmentsOf(index, docs(rest)).then(current(function () {
          phase('rest');
          showHits(index, rest, r.units);
        }));
      }));
    })).then(current(done), current(done));
  }

  /* A query, a facet or a page of hits asked for on the search page is answered in place: the
   * address changes (history.pushState) but the page stays, and so does the index it has loaded,
   * so the next query reads only what it lacks. Back and forward answer the address they reach. */
  function answerInPlace(answer) {
    var form = document.getElementById('search-form');
    var go = function (url) { history.pushState(null, '', url); answer(); };
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      go(form.getAttribute('action') + '?' + new URLSearchParams(new FormData(form)).toString());
    });
    document.querySelector('.search-layout').addEventListener('click', function (event) {
      var link = event.target.closest('a[href^="search.html?"]');
      if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
      event.preventDefault();
      go(link.getAttribute('href'));
      // The link is gone with the old answer: reading goes on from the new one's count.
      var count = document.getElementById('result-count');
      count.setAttribute('tabindex', '-1');
      count.focus();
    });
    window.addEventListener('popstate', answer);
  }

  /* The count of hits, the pager and the facets. */
  function showSummary(index, query, filters, offset, r) {
    var n = r.hits.length;
    var key = !query.trim() ? 'search-count' : !r.analysable ? 'search-unsearchable' : r.relaxed ? 'search-some-words' : 'search-matches';
    var words = r.dropped.map(function (w) { return '“' + w + '”'; }).join(', ');
    document.getElementById('result-count').textContent = message(key, { n: n, query: query }) +
      (words ? ' ' + message('search-dropped', { words: words }) : '');
    document.querySelector('#results ol.hits').setAttribute('start', String(offset + 1));
    var pager = el('nav', { 'class': 'pager', 'aria-label': message('search-result-pages') });
    if (offset > 0) { pager.appendChild(el('a', { rel: 'prev', href: stateUrl(query, filters, Math.max(0, offset - PAGE)) }, ['← ' + message('search-previous')])); }
    if (offset + PAGE < n) { pager.appendChild(el('a', { rel: 'next', href: stateUrl(query, filters, offset + PAGE) }, [message('search-next') + ' →'])); }
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
          el('span', { 'class': 'box', 'aria-hidden': 'true' }, [on ? '☑' : '☐']), ' ' + ((labels(index)[f] || {})[v] || v) + ' ',
          el('span', { 'class': 'count' }, [String(r.facets[f][v])])])]));
      });
      aside.appendChild(el('section', {}, [el('h2', {}, [message('facet-' + f)]), ul]));
    });
  }

  /* The hits of the page shown, each with its title, stance and snippet. */
  function showHits(index, page, units) {
    var list = document.querySelector('#results ol.hits');
    page.forEach(function (m) {
      var doc = index.fragments[m[0]];
      var product = doc.kind === 'product';
      var meta = el('p', { 'class': 'meta' }, [product ? productBadge() : badge(index, facetValues(index, m[0], 'stance')[0])]);
      if (doc.status === 'draft') { meta.appendChild(document.createTextNode(' ')); meta.appendChild(el('span', { 'class': 'tag-draft' }, [message('tag-draft')])); }
      var href = (product ? 'products/' : 'records/') + doc.id + '.html';
      list.appendChild(el('li', { 'class': 'hit' }, [
        el('h2', {}, [el('a', { href: href }, [doc.title])]), meta, snippet(index, doc, units)]));
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
            cell.insertBefore(el('span', { 'class': 'delta', title: message('compare-differs') }, ['Δ',
              el('span', { 'class': 'visually-hidden' }, [' ' + message('compare-differs')])]), cell.firstChild);
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

  /* ---------- products and approvals: the server's filter and sort, redone from the URL ---------- */

  /* As ProductFilter::matches: the modality, and one approval (regulator:route:year) meeting the rest. */
  function filterProducts(table) {
    var params = new URLSearchParams(location.search);
    var want = {};
    var form = document.getElementById('product-filter');
    ['modality', 'regulator', 'route', 'year', 'sort'].forEach(function (k) {
      want[k] = (params.get(k) || '').trim();
      var select = form.querySelector('select[name=' + k + ']');
      if (want[k] && select) { select.value = want[k]; }
    });
    var is = function (wanted, have) { return !wanted || wanted === have; };
    var body = table.querySelector('tbody');
    var rows = Array.prototype.slice.call(body.querySelectorAll('tr'));
    var shown = 0;
    rows.forEach(function (row) {
      var approvals = (row.getAttribute('data-approvals') || '').split(' ').filter(Boolean).map(function (a) { return a.split(':'); });
      var ok = is(want.modality, row.getAttribute('data-modality')) && approvals.some(function (a) {
        return is(want.regulator, a[0]) && is(want.route, a[1]) && is(want.year, a[2]);
      });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (want.sort === 'first') {
      rows.sort(function (a, b) {
        var x = a.getAttribute('data-first');
        var y = b.getAttribute('data-first');
        return x < y ? -1 : x > y ? 1 : 0;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    }
    var count = document.getElementById('product-count');
    if (count) { count.textContent = message('products-count', { shown: shown, total: count.getAttribute('data-total') }); }
  }

  /* The index, taken in when first needed. */
  var loaded = null;
  function theIndex() { return loaded || (loaded = loadIndex()); }

  /* The search as a function, for whoever needs the ids without the page (the parity test): a promise
   * of the first `limit` ids, the total and the facet counts, with `filters` (facet -> values). */
  window.regkbSearch = function (query, limit, filters) {
    var index = theIndex();
    var wanted = {};
    FACETS.forEach(function (f) { wanted[f] = (filters || {})[f] || []; });
    return prepared(index, function () { return search(index, query, wanted); }).then(function (r) {
      var top = r.hits.slice(0, limit || 10).map(function (m) { return m[0]; });
      return fragmentsOf(index, top).then(function () {
        return { ids: top.map(function (d) { return index.fragments[d].id; }), total: r.hits.length, facets: r.facets };
      });
    });
  };

  /* The terms of a text as the page analyses it, for whoever compares them with the server's (the
   * parity test). */
  window.regkbTerms = function (text) { return analyse(theIndex(), text); };

  document.addEventListener('DOMContentLoaded', function () {
    var results = document.getElementById('results');
    phase('loaded');
    if (results) {
      var index = theIndex();
      // When the first answer's first hits were on screen, in ms since navigation began, and
      // which parts of the index had been read by then and once its page of hits was complete;
      // for every answer, how long its first hits took from the asking: what the export
      // benchmark reads.
      var read = function () { return ['search-index.js'].concat(Object.keys(index.files)).join(' '); };
      var answer = function () {
        var since = performance.now();
        var answered = false;
        var ready = function () {
          if (answered) { return; }
          answered = true;
          results.setAttribute('data-answer-ms', String(Math.round(performance.now() - since)));
          if (results.hasAttribute('data-ready-ms')) { return; }
          results.setAttribute('data-ready-ms', String(Math.round(performance.now())));
          results.setAttribute('data-ready-files', read());
        };
        renderSearch(index, ready, function () {
          ready();
          results.setAttribute('data-index-files', read());
          if (PHASES) { results.setAttribute('data-phases', PHASES.join(' ')); }
        });
      };
      if (index) {
        answer();
        answerInPlace(answer);
      } else {
        document.getElementById('result-count').textContent = message('search-index-missing');
      }
    }
    var matrix = document.getElementById('matrix');
    if (matrix && document.getElementById('compare-form')) { renderCompare(matrix); }
    var products = document.querySelector('[data-product-rows]');
    if (products && document.getElementById('product-filter')) { filterProducts(products); }
  });
}());
