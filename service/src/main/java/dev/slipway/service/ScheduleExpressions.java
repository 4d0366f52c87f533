package dev.slipway.service;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks EventBridge schedule expressions as AWS documents them ("Schedule expressions for
 * rules", EventBridge user guide): {@code rate(value unit)} with a singular unit for 1 and a
 * plural one above; {@code cron(minutes hours day-of-month month day-of-week year)} with six
 * fields, where one of day-of-month and day-of-week must be {@code ?}.
 */
final class ScheduleExpressions {
    private ScheduleExpressions() {}

    private static final Pattern RATE = Pattern.compile("^rate\\((.*)\\)$");
    private static final Pattern CRON = Pattern.compile("^cron\\((.*)\\)$");
    private static final Set<String> UNITS = Set.of("minute", "minutes", "hour", "hours", "day", "days");
    private static final String MONTHS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC";
    private static final String DAYS = "SUN|MON|TUE|WED|THU|FRI|SAT";

    /** Empty when valid, else what is wrong (the hint is {@link #HINT}). */
    static Optional<String> check(String expression) {
        String e = expression.trim();
        Matcher r = RATE.matcher(e);
        if (r.matches()) {
            return rate(r.group(1).trim());
        }
        Matcher c = CRON.matcher(e);
        if (c.matches()) {
            return cron(c.group(1).trim());
        }
        return Optional.of("\"" + expression + "\" is not a schedule expression: it must be rate(...) or cron(...)");
    }

    static final String HINT = "write rate(1 minute), rate(5 minutes), rate(1 hour), rate(2 days) or a six-field "
            + "cron(minutes hours day-of-month month day-of-week year) with ? in day-of-month or day-of-week, e.g. "
            + "cron(0 12 * * ? *)";

    private static Optional<String> rate(String body) {
        String[] parts = body.split("\\s+");
        if (parts.length != 2) {
            return Optional.of("rate(" + body + ") must be rate(value unit), e.g. rate(5 minutes)");
        }
        long value;
        try {
            value = Long.parseLong(parts[0]);
        } catch (NumberFormatException ex) {
            return Optional.of("rate(" + body + "): the value \"" + parts[0] + "\" must be a positive whole number");
        }
        if (value <= 0) {
            return Optional.of("rate(" + body + "): the value must be greater than 0");
        }
        String unit = parts[1];
        if (!UNITS.contains(unit)) {
            return Optional.of("rate(" + body + "): the unit \"" + unit + "\" must be minute(s), hour(s) or day(s)");
        }
        boolean plural = unit.endsWith("s");
        if (value == 1 && plural) {
            return Optional.of("rate(" + body + "): for a value of 1 the unit must be singular: rate(1 "
                    + unit.substring(0, unit.length() - 1) + ")");
        }
        if (value > 1 && !plural) {
            return Optional.of("rate(" + body + "): for a value greater than 1 the unit must be plural: rate(" + value
                    + " " + unit + "s)");
        }
        return Optional.empty();
    }

    private static Optional<String> cron(String body) {
        String[] f = body.split("\\s+");
        if (f.length != 6) {
            return Optional.of("cron(" + body + ") has " + f.length + " fields; AWS requires six: minutes hours "
                    + "day-of-month month day-of-week year" + (f.length == 5 ? " (add the year, e.g. *)" : ""));
        }
        String[] names = {"minutes", "hours", "day-of-month", "month", "day-of-week", "year"};
        int[][] ranges = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {1, 7}, {1970, 2199}};
        for (int i = 0; i < 6; i++) {
            if (!field(f[i], i, ranges[i][0], ranges[i][1])) {
                return Optional.of("cron(" + body + "): the " + names[i] + " field \"" + f[i] + "\" is invalid "
                        + "(allowed " + ranges[i][0] + "-" + ranges[i][1] + (i == 3 ? " or JAN-DEC" : "")
                        + (i == 4 ? " or SUN-SAT" : "") + " with , - * /" + (i == 2 || i == 4 ? " ? L" : "")
                        + (i == 2 ? " W" : "") + (i == 4 ? " #" : "") + ")");
            }
        }
        boolean domQ = f[2].equals("?");
        boolean dowQ = f[4].equals("?");
        if (domQ == dowQ) {
            return Optional.of("cron(" + body + "): " + (domQ ? "day-of-month and day-of-week cannot both be ?"
                    : "day-of-month and day-of-week cannot both be set; one of them must be ?"));
        }
        return Optional.empty();
    }

    private static boolean field(String value, int index, int min, int max) {
        if (value.equals("?")) {
            return index == 2 || index == 4;
        }
        for (String item : value.split(",", -1)) {
            if (!item(item, index, min, max)) {
                return false;
            }
        }
        return true;
    }

    private static boolean item(String item, int index, int min, int max) {
        if (item.isEmpty()) {
            return false;
        }
        if (index == 2 && (item.equals("L") || item.equals("LW") || item.matches("\\d{1,2}W"))) {
            return item.length() < 2 || !Character.isDigit(item.charAt(0))
                    || inRange(item.substring(0, item.length() - 1), index, min, max);
        }
        if (index == 4 && (item.equals("L") || item.matches("(\\d|" + DAYS + ")L"))) {
            return true;
        }
        if (index == 4 && item.matches("(\\d|" + DAYS + ")#[1-5]")) {
            return inRange(item.substring(0, item.indexOf('#')), index, min, max);
        }
        String base = item;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            String step = item.substring(slash + 1);
            if (!step.matches("\\d+") || Integer.parseInt(step) == 0) {
                return false;
            }
            base = item.substring(0, slash);
        }
        if (base.equals("*")) {
            return true;
        }
        int dash = base.indexOf('-');
        if (dash > 0) {
            return inRange(base.substring(0, dash), index, min, max) && inRange(base.substring(dash + 1), index, min,
                    max);
        }
        return inRange(base, index, min, max);
    }

    private static boolean inRange(String v, int index, int min, int max) {
        if (index == 3 && v.toUpperCase().matches(MONTHS)) {
            return true;
        }
        if (index == 4 && v.toUpperCase().matches(DAYS)) {
            return true;
        }
        if (!v.matches("\\d+")) {
            return false;
        }
        long n = Long.parseLong(v);
        return n >= min && n <= max;
    }
}
