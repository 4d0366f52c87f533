// The peer-rewards page: pick yourself, give rewards, watch the feed and the leaderboard.
// Plain ES modules, no build step. User data is always written with textContent, never as HTML.
import { api, ApiError, apiBase } from "./api.js";
import { checkRegistration, checkReward, length, MESSAGE_MAX, WITHDRAW_WINDOW_MS } from "./rules.js";

const ME_KEY = "peer-rewards.me";
const PAGE_SIZE = 10;

const $ = (id) => document.getElementById(id);
const state = {
  me: localStorage.getItem(ME_KEY) || "",
  users: [],
  feed: { items: [], next: null },
};

// ---------- small helpers ----------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

function displayName(username) {
  return state.users.find((u) => u.username === username)?.displayName || username;
}

/** Shows problems in an alert box and marks the fields they name; `problems` is {field: message} or an error. */
function showProblems(box, problems, form) {
  form?.querySelectorAll("[aria-invalid]").forEach((input) => input.removeAttribute("aria-invalid"));
  let messages;
  if (problems instanceof ApiError) {
    messages = Object.keys(problems.fields).length ? Object.values(problems.fields) : [problems.message];
    problems = problems.fields;
  } else if (problems instanceof Error) {
    messages = [problems.message];
    problems = {};
  } else {
    messages = Object.values(problems);
  }
  box.replaceChildren(...messages.map((m) => el("p", { text: m })));
  box.hidden = messages.length === 0;
  for (const field of Object.keys(problems)) {
    form?.elements.namedItem(field)?.setAttribute("aria-invalid", "true");
  }
  const firstInvalid = form?.querySelector("[aria-invalid]");
  firstInvalid?.focus();
}

function clearProblems(box, form) {
  showProblems(box, {}, form);
}

function relativeTime(iso) {
  const seconds = Math.round((Date.now() - Date.parse(iso)) / 1000);
  if (seconds < 45) return "just now";
  if (seconds < 90 * 60) return `${Math.max(1, Math.round(seconds / 60))} min ago`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}

function appError(error) {
  const box = $("app-error");
  box.textContent = error ? error.message : "";
  box.hidden = !error;
}

// ---------- users and identity ----------

async function loadUsers() {
  const { items } = await api.listUsers();
  state.users = items;
  renderUsers();
}

function renderUsers() {
  const me = $("me");
  me.replaceChildren(el("option", { value: "", text: "— choose —" }),
    ...state.users.map((u) => el("option", { value: u.username, text: `${u.displayName} (${u.username})` })));
  me.value = state.users.some((u) => u.username === state.me) ? state.me : "";

  const to = $("give-to");
  const chosen = to.value;
  to.replaceChildren(el("option", { value: "", text: "— choose a colleague —" }),
    ...state.users.filter((u) => u.username !== state.me)
      .map((u) => el("option", { value: u.username, text: `${u.displayName} (${u.username})` })));
  to.value = [...to.options].some((o) => o.value === chosen) ? chosen : "";

  $("users-list").replaceChildren(...state.users.map((u) =>
    el("li", { "data-testid": "user-item", "data-username": u.username },
      el("span", { class: "name", text: u.displayName }), " ",
      el("span", { class: "username", text: `@${u.username}` }), " ",
      el("span", { class: "points", text: `${u.points} points` }))));
}

function setMe(username) {
  state.me = username;
  if (username) localStorage.setItem(ME_KEY, username);
  else localStorage.removeItem(ME_KEY);
  $("whoami").textContent = username ? `Signed in as ${displayName(username)} (${username})` : "";
  $("give-form").hidden = !username;
  $("give-disabled").hidden = !!username;
  $("feed-filter").disabled = !username;
  if (!username) $("feed-filter").value = "all";
  renderUsers();
  renderFeed();
}

// ---------- feed ----------

function feedQuery() {
  const filter = $("feed-filter").value;
  if (filter === "received" && state.me) return { to: state.me };
  if (filter === "given" && state.me) return { from: state.me };
  return {};
}

async function loadFeed({ more = false } = {}) {
  const page = await api.rewards({ ...feedQuery(), limit: PAGE_SIZE, next: more ? state.feed.next : undefined });
  state.feed = { items: more ? [...state.feed.items, ...page.items] : page.items, next: page.next ?? null };
  renderFeed();
}

function renderFeed() {
  const now = Date.now();
  $("feed-list").replaceChildren(...state.feed.items.map((reward) => {
    const item = el("li", { "data-testid": "feed-item", "data-reward-id": reward.id },
      el("p", { class: "reward-line" },
        el("strong", { text: displayName(reward.from) }), " → ",
        el("strong", { text: displayName(reward.to) }), " ",
        el("span", { class: "points", "data-testid": "feed-points", text: `+${reward.points}` })),
      el("p", { class: "message", "data-testid": "feed-message", text: reward.message }));
    const meta = el("p", { class: "meta" },
      el("time", { datetime: reward.createdAt, title: new Date(reward.createdAt).toLocaleString(),
        text: relativeTime(reward.createdAt) }));
    if (reward.from === state.me && now - Date.parse(reward.createdAt) < WITHDRAW_WINDOW_MS) {
      const button = el("button", { type: "button", class: "link-button", "data-testid": "withdraw",
        "aria-label": `Withdraw your reward to ${displayName(reward.to)}: ${reward.message}`, text: "Withdraw" });
      button.addEventListener("click", () => withdraw(reward, button));
      meta.append(" ", button);
    }
    item.append(meta);
    return item;
  }));
  $("feed-empty").hidden = state.feed.items.length > 0;
  $("feed-more").hidden = !state.feed.next;
}

async function withdraw(reward, button) {
  button.disabled = true;
  try {
    await api.withdraw(reward.id, state.me);
    clearProblems($("feed-error"));
    $("give-status").textContent = `Withdrawn: your reward to ${displayName(reward.to)}.`;
    await refresh();
    $("feed-title").focus?.();
  } catch (error) {
    showProblems($("feed-error"), error);
    button.disabled = false;
  }
}

// ---------- leaderboard ----------

async function loadLeaderboard() {
  const { items } = await api.leaderboard(10);
  $("leaderboard-list").replaceChildren(...items.map((entry) =>
    el("li", { value: String(entry.rank), "data-testid": "leaderboard-item", "data-username": entry.username },
      el("span", { class: "rank", "aria-hidden": "true", text: `${entry.rank}.` }), " ",
      el("span", { class: "name", text: entry.displayName }), " ",
      el("span", { class: "points", "data-testid": "leaderboard-points", text: `${entry.points} points` }))));
  $("leaderboard-empty").hidden = items.length > 0;
}

async function refresh() {
  await Promise.all([loadUsers(), loadFeed(), loadLeaderboard()]);
}

// ---------- forms ----------

function bindForms() {
  $("pick-form").addEventListener("submit", (event) => {
    event.preventDefault();
    setMe($("me").value);
    if (state.me) $("give-to").focus();
  });
  $("me").addEventListener("change", () => setMe($("me").value));

  $("register-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const username = $("register-username").value.trim();
    const name = $("register-display-name").value.trim();
    const problems = checkRegistration(username, name);
    if (Object.keys(problems).length) return showProblems($("register-error"), problems, form);
    try {
      await api.register(username, name || undefined);
      clearProblems($("register-error"), form);
      form.reset();
      await loadUsers();
      setMe(username);
      $("give-to").focus();
    } catch (error) {
      showProblems($("register-error"), error, form);
    }
  });

  const message = $("give-message");
  const counter = () => {
    const count = length(message.value.trim());
    $("give-message-count").textContent = `${count} / ${MESSAGE_MAX}`;
    $("give-message-count").classList.toggle("over", count > MESSAGE_MAX);
  };
  message.addEventListener("input", counter);

  $("give-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const reward = { from: state.me, to: $("give-to").value, points: $("give-points").value.trim(),
      message: message.value };
    $("give-status").textContent = "";
    const problems = checkReward(reward);
    if (Object.keys(problems).length) return showProblems($("give-error"), problems, form);
    const submit = $("give-submit");
    submit.disabled = true;
    try {
      const given = await api.give({ ...reward, points: Number(reward.points), message: reward.message.trim() });
      clearProblems($("give-error"), form);
      message.value = "";
      counter();
      $("give-status").textContent = `Sent ${given.points} points to ${displayName(given.to)}.`;
      await refresh();
    } catch (error) {
      showProblems($("give-error"), error, form);
    } finally {
      submit.disabled = false;
    }
  });

  $("feed-filter").addEventListener("change", () => loadFeed().catch((e) => showProblems($("feed-error"), e)));
  $("feed-more").addEventListener("click", () => loadFeed({ more: true }).catch((e) => showProblems($("feed-error"), e)));
}

async function start() {
  bindForms();
  setMe(state.me);
  try {
    await refresh();
    appError(null);
    // Forget a stored identity that no longer exists (e.g. a fresh stage).
    if (state.me && !state.users.some((u) => u.username === state.me)) setMe("");
    else setMe(state.me);
  } catch (error) {
    appError(new Error(`${error.message} (API: ${apiBase()})`));
  }
  setInterval(renderFeed, 30_000); // relative times, and withdraw buttons expire
  document.body.dataset.ready = "true"; // for browser tests: the first load finished
}

start();
