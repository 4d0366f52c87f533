// The peer-rewards API, as the functions' handlers define it. Every call resolves to the parsed JSON body
// or rejects with an ApiError carrying the server's {error, message, fields}.

export class ApiError extends Error {
  constructor(status, code, message, fields = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

/** The API base URL: window.API_BASE (config.js), else <meta name="api-base">, else "/dev". No trailing slash. */
export function apiBase() {
  const meta = document.querySelector('meta[name="api-base"]')?.content?.trim();
  const base = (window.API_BASE && String(window.API_BASE).trim()) || meta || "/dev";
  return base.replace(/\/+$/, "");
}

async function call(method, path, { query, body } = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(name, value);
  }
  const url = `${apiBase()}${path}${params.size ? `?${params}` : ""}`;
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, "NetworkError", `Cannot reach the API at ${apiBase()}. Is it running?`);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: an error page from a proxy or a missing route.
  }
  if (!response.ok) {
    throw new ApiError(response.status, json?.error ?? `HTTP${response.status}`,
      json?.message ?? `The API answered ${response.status} ${response.statusText}.`, json?.fields ?? {});
  }
  return json;
}

export const api = {
  listUsers: () => call("GET", "/users"),
  register: (username, displayName) => call("POST", "/users", { body: { username, displayName } }),
  give: (reward) => call("POST", "/rewards", { body: reward }),
  rewards: ({ to, from, limit, next } = {}) => call("GET", "/rewards", { query: { to, from, limit, next } }),
  leaderboard: (limit = 10) => call("GET", "/rewards/leaderboard", { query: { limit } }),
  withdraw: (id, from) => call("DELETE", `/rewards/${encodeURIComponent(id)}`, { query: { from } }),
};
