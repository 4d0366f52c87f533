// The same rules the services enforce (Rules.java), checked before sending so mistakes show at once.
// The server checks again: its messages are shown the same way.

export const USERNAME = /^[a-z0-9_-]{3,20}$/;
export const USERNAME_RULE = "3–20 characters: lower-case letters, digits, _ or -";
export const POINTS_MIN = 1;
export const POINTS_MAX = 100;
export const MESSAGE_MAX = 280;
export const WITHDRAW_WINDOW_MS = 5 * 60 * 1000;

export const length = (text) => [...text].length; // characters, not UTF-16 units, as the server counts

/** {field: message} for each problem with a registration; empty when fine. */
export function checkRegistration(username, displayName) {
  const problems = {};
  if (!username) problems.username = "username is required";
  else if (!USERNAME.test(username)) problems.username = `username must be ${USERNAME_RULE} (got "${username}")`;
  if (displayName && length(displayName.trim()) > 40) {
    problems.displayName = `displayName must be at most 40 characters (got ${length(displayName.trim())})`;
  }
  return problems;
}

/** {field: message} for each problem with a reward; empty when fine. */
export function checkReward({ from, to, points, message }) {
  const problems = {};
  if (!to) problems.to = "to is required: choose a colleague";
  else if (to === from) problems.to = "you cannot reward yourself";
  if (points === "" || points === null || points === undefined) problems.points = "points is required";
  else if (!/^-?\d+$/.test(String(points).trim())) {
    problems.points = `points must be a whole number between ${POINTS_MIN} and ${POINTS_MAX}`;
  } else if (Number(points) < POINTS_MIN || Number(points) > POINTS_MAX) {
    problems.points = `points must be between ${POINTS_MIN} and ${POINTS_MAX} (got ${Number(points)})`;
  }
  const text = (message ?? "").trim();
  if (!text) problems.message = "message is required";
  else if (length(text) > MESSAGE_MAX) {
    problems.message = `message must be at most ${MESSAGE_MAX} characters (got ${length(text)})`;
  }
  return problems;
}
