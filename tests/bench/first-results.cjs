// Time to first results in a browser that is already open, as when a reader searches a second
// time: one headless Chromium (through chromedriver) opens the export's `search.html?q=QUERY&timing`
// RUNS times after two unmeasured opens, each time then asking NEXT on the page (typed and
// submitted: answered in place); then the same for a server's `/search?q=QUERY` if given (one
// after the other, not in turn: a page from another origin gets a new renderer process). The
// export's page stamps its first results on #results (offline.js); the server's page holds them
// when it is parsed (DOMContentLoaded). Prints medians in ms: the export's first results since
// navigation began, the same less the page's own load (`loaded`, before the query starts), NEXT's
// first results since it was asked, and the server's page since navigation began (0 without one).
// Usage: node tests/bench/first-results.cjs SITE_DIR QUERY NEXT RUNS [SERVER_URL]
'use strict';
const { spawn } = require('child_process');
const net = require('net');
const path = require('path');

const [site, query, next, runs, server] = process.argv.slice(2);
const port = 9600 + (process.pid % 300);
const driver = spawn('chromedriver', [`--port=${port}`], { stdio: 'ignore' });

async function call(method, url, body) {
  const headers = { 'Content-Type': 'application/json' };
  const response = await fetch(`http://127.0.0.1:${port}${url}`, { method, headers, body: body && JSON.stringify(body) });
  return (await response.json()).value;
}

function listening() {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => { socket.end(); resolve(true); });
    socket.on('error', () => resolve(false));
  });
}

const median = (xs) => (xs.length ? xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] : 0);

const EXPORT = "var r = document.getElementById('results'); return r && r.dataset.phases ? [+r.dataset.readyMs, +/loaded=(\\d+)/.exec(r.dataset.phases)[1]] : null;";
// Asks NEXT on the page, and how long its first hits took (null until they are there).
const ASK = "var r = document.getElementById('results'); r.removeAttribute('data-answer-ms'); document.getElementById('q').value = arguments[0]; document.getElementById('search-form').requestSubmit();";
const ANSWERED = "var ms = document.getElementById('results').dataset.answerMs; return ms ? [+ms, 0] : null;";
const SERVER = "var e = performance.getEntriesByType('navigation')[0]; return e && e.domContentLoadedEventStart ? [e.domContentLoadedEventStart, 0] : null;";

(async () => {
  while (!(await listening())) { await new Promise((r) => setTimeout(r, 50)); }
  const args = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];
  const options = { binary: '/usr/bin/chromium', args };
  const { sessionId } = await call('POST', '/session', { capabilities: { alwaysMatch: { 'goog:chromeOptions': options } } });
  const q = encodeURIComponent(query);
  const pages = [[`file://${path.resolve(site)}/search.html?q=${q}&timing`, EXPORT]];
  if (server) { pages.push([`${server}/search?q=${q}`, SERVER]); }
  const times = pages.map(() => ({ ready: [], query: [] }));
  const answers = [];
  const poll = async (script) => {
    for (;;) {
      const found = await call('POST', `/session/${sessionId}/execute/sync`, { script, args: [] });
      if (found) { return found; }
    }
  };
  try {
    for (const [p, [url, script]] of pages.entries()) {
      for (let i = 0; i < Number(runs) + 2; i++) {
        await call('POST', `/session/${sessionId}/url`, { url: `${url}&run=${i}` });
        const found = await poll(script);
        if (i >= 2) { times[p].ready.push(found[0]); times[p].query.push(found[0] - found[1]); }
        if (p === 0) {
          await call('POST', `/session/${sessionId}/execute/sync`, { script: ASK, args: [next] });
          const answered = await poll(ANSWERED);
          if (i >= 2) { answers.push(answered[0]); }
        }
      }
    }
  } finally {
    await call('DELETE', `/session/${sessionId}`);
    driver.kill();
  }
  const ms = (x) => Math.round(median(x));
  console.log(`${ms(times[0].ready)} ${ms(times[0].query)} ${ms(answers)} ${server ? ms(times[1].ready) : 0}`);
})();
