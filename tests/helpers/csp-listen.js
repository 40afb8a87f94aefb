// Runs before Mutual loads: records every CSP violation on this page.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`),
);
