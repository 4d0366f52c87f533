// Where the API lives: relative to this page ("/dev") or absolute
// ("https://abc123.execute-api.us-east-1.amazonaws.com/dev"). The hosting side replaces this file:
// `slipway offline` serves its own /config.js setting window.API_BASE, and a deploy to the website
// bucket can upload one naming the deployed API. Left unset, the page uses <meta name="api-base">,
// then "/dev".
// window.API_BASE = "/dev";
