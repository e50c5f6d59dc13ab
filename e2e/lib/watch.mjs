// Records what should never happen on a page (and in its iframes): console errors, uncaught
// exceptions, Content-Security-Policy violations (Trusted Types included), failed requests,
// responses with a 4xx/5xx status, and requests outside the allowed address prefixes.

/** Collects the browser's CSP violation reports in `window.__cspViolations` (every frame). */
export function recordViolations() {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`.trim());
  });
}

/**
 * Watches `page`; returns the list `problems` it appends to. `allowed` lists address prefixes
 * requests may go to (data: and blob: addresses are always allowed: they are no request).
 * `ignoreConsole` matches console messages that are part of the test (e.g. an expected warning).
 */
export function watch(page, { allowed, ignoreConsole = null } = {}) {
  const problems = [];
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (ignoreConsole && ignoreConsole.test(m.text())) return;
    problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e}`));
  page.on("requestfailed", (r) => {
    // Leaving a page (or closing it) cancels what its iframes were still loading.
    if (r.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${r.url().slice(0, 200)} (${r.failure()?.errorText})`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url().slice(0, 200)}`);
  });
  page.on("request", (r) => {
    const url = r.url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    if (allowed && !allowed.some((prefix) => url.startsWith(prefix))) {
      problems.push(`request outside ${allowed.join(", ")}: ${url.slice(0, 200)}`);
    }
  });
  return problems;
}

/** The CSP violations recorded so far in `frame` (a page or an iframe's frame). */
export const violations = (frame) => frame.evaluate(() => window.__cspViolations ?? ["(not recording)"]);

/** `1.` + base64url of the scenario's JSON: the `#s=` value the page's "Copy link" makes. */
export const linkValue = (scenario) => `1.${Buffer.from(JSON.stringify(scenario)).toString("base64url")}`;
