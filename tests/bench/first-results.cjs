// Time to first results in a browser that is already open, as when a reader searches a second
// time: one headless Chromium (through chromedriver) opens the export's `search.html?q=QUERY&timing`
// RUNS times after two unmeasured opens, then the same for a server's `/search?q=QUERY` if given
// (one after the other, not in turn: a page from another origin gets a new renderer process).
// The export's page stamps its first results on #results (offline.js); the server's page holds
// them when it is parsed (DOMContentLoaded). Prints the medians in ms since navigation began: the
// export's first results, the same less the page's own load (`loaded`, before the query starts),
// and the server's page (0 without a server).
// Usage: node tests/bench/first-results.cjs SITE_DIR QUERY RUNS [SERVER_URL]
'use strict';
const { spawn } = require('child_process');
const net = require('net');
const path = require('path');

const [site, query, runs, server] = process.argv.slice(2);
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
  try {
    for (const [p, [url, script]] of pages.entries()) {
      for (let i = 0; i < Number(runs) + 2; i++) {
        await call('POST', `/session/${sessionId}/url`, { url: `${url}&run=${i}` });
        let found = null;
        while (!found) { found = await call('POST', `/session/${sessionId}/execute/sync`, { script, args: [] }); }
        if (i >= 2) { times[p].ready.push(found[0]); times[p].query.push(found[0] - found[1]); }
      }
    }
  } finally {
    await call('DELETE', `/session/${sessionId}`);
    driver.kill();
  }
  const ms = (x) => Math.round(median(x));
  console.log(`${ms(times[0].ready)} ${ms(times[0].query)} ${server ? ms(times[1].ready) : 0}`);
})();
