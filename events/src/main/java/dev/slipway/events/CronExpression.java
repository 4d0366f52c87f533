package dev.slipway.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * EventBridge's six-field cron, {@code cron(minutes hours day-of-month month day-of-week year)},
 * in UTC, as "Schedule expressions for rules" (EventBridge user guide) defines it: {@code , - * /}
 * in every field, {@code ? L W} in day-of-month, {@code ? L #} in day-of-week (1-7 = SUN-SAT, or
 * names), months 1-12 or JAN-DEC, years 1970-2199; exactly one of day-of-month and day-of-week
 * must be {@code ?}.
 */
final class CronExpression {
    static final int MIN_YEAR = 1970;
    static final int MAX_YEAR = 2199;
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
            Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
            Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11),
            Map.entry("DEC", 12));
    private static final Map<String, Integer> DAYS = Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5,
            "FRI", 6, "SAT", 7);

    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet months;
    private final BitSet years;
    private final DayOfMonth dayOfMonth;
    private final DayOfWeekRule dayOfWeek;
    private final String text;

    /** Day-of-month: a set of days, or L (last day, minus an offset), or nW / LW (nearest weekday). */
    private record DayOfMonth(BitSet days, boolean any, boolean last, int lastOffset, int nearestWeekdayTo,
            boolean lastWeekday) {}

    /** Day-of-week: a set of days (1=SUN), or nL (last such day of the month), or n#k (k-th such day). */
    private record DayOfWeekRule(BitSet days, boolean any, int lastOf, int nth, int nthDay) {}

    private CronExpression(String text, BitSet minutes, BitSet hours, DayOfMonth dom, BitSet months,
            DayOfWeekRule dow, BitSet years) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.dayOfMonth = dom;
        this.months = months;
        this.dayOfWeek = dow;
        this.years = years;
    }

    /** Parses the inside of {@code cron(...)}; throws IllegalArgumentException saying what is wrong. */
    static CronExpression parse(String body) {
        String[] f = body.trim().split("\\s+");
        if (f.length != 6) {
            throw new IllegalArgumentException("a cron expression has six fields "
                    + "(minutes hours day-of-month month day-of-week year), found " + f.length);
        }
        boolean domAny = f[2].equals("?");
        boolean dowAny = f[4].equals("?");
        if (domAny == dowAny) {
            throw new IllegalArgumentException("exactly one of day-of-month and day-of-week must be '?'");
        }
        return new CronExpression(body.trim(), field(f[0], 0, 59, Map.of(), "minutes"),
                field(f[1], 0, 23, Map.of(), "hours"), domAny ? new DayOfMonth(null, true, false, 0, 0, false)
                        : dayOfMonth(f[2]),
                field(f[3], 1, 12, MONTHS, "month"), dowAny ? new DayOfWeekRule(null, true, 0, 0, 0)
                        : dayOfWeek(f[4]),
                field(f[5], MIN_YEAR, MAX_YEAR, Map.of(), "year"));
    }

    private static DayOfMonth dayOfMonth(String f) {
        String u = f.toUpperCase(Locale.ROOT);
        if (u.equals("L")) {
            return new DayOfMonth(null, false, true, 0, 0, false);
        }
        if (u.matches("L-\\d+")) {
            int off = Integer.parseInt(u.substring(2));
            if (off > 30) {
                throw new IllegalArgumentException("day-of-month offset L-" + off + " is out of range");
            }
            return new DayOfMonth(null, false, true, off, 0, false);
        }
        if (u.equals("LW")) {
            return new DayOfMonth(null, false, false, 0, 0, true);
        }
        if (u.matches("\\d+W")) {
            int d = Integer.parseInt(u.substring(0, u.length() - 1));
            if (d < 1 || d > 31) {
                throw new IllegalArgumentException("day-of-month " + d + "W is out of range 1-31");
            }
            return new DayOfMonth(null, false, false, 0, d, false);
        }
        return new DayOfMonth(field(f, 1, 31, Map.of(), "day-of-month"), false, false, 0, 0, false);
    }

    private static DayOfWeekRule dayOfWeek(String f) {
        String u = f.toUpperCase(Locale.ROOT);
        if (u.equals("L")) {
            BitSet sat = new BitSet();
            sat.set(7);
            return new DayOfWeekRule(sat, false, 0, 0, 0);
        }
        if (u.matches("[A-Z0-9]+L")) {
            return new DayOfWeekRule(null, false, value(u.substring(0, u.length() - 1), 1, 7, DAYS, "day-of-week"), 0, 0);
        }
        if (u.contains("#")) {
            String[] p = u.split("#", -1);
            int day = value(p[0], 1, 7, DAYS, "day-of-week");
            int nth;
            try {
                nth = Integer.parseInt(p[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + f + "' is not a valid day-of-week");
            }
            if (nth < 1 || nth > 5) {
                throw new IllegalArgumentException("'" + f + "': the instance after # must be 1-5");
            }
            return new DayOfWeekRule(null, false, 0, nth, day);
        }
        return new DayOfWeekRule(field(f, 1, 7, DAYS, "day-of-week"), false, 0, 0, 0);
    }

    /** A field of {@code , - * /}: a list of values, ranges and steps. */
    private static BitSet field(String f, int min, int max, Map<String, Integer> names, String what) {
        BitSet set = new BitSet(max + 1);
        for (String part : f.split(",", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("'" + f + "' is not a valid " + what);
            }
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                try {
                    step = Integer.parseInt(part.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + part + "' has an invalid step in " + what);
                }
                if (step < 1) {
                    throw new IllegalArgumentException("'" + part + "' has an invalid step in " + what);
                }
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max;
            } else if (range.contains("-")) {
                String[] r = range.split("-", -1);
                if (r.length != 2) {
                    throw new IllegalArgumentException("'" + part + "' is not a valid range in " + what);
                }
                lo = value(r[0], min, max, names, what);
                hi = value(r[1], min, max, names, what);
            } else {
                lo = value(range, min, max, names, what);
                hi = slash >= 0 ? max : lo;
            }
            if (lo <= hi) {
                for (int v = lo; v <= hi; v += step) {
                    set.set(v);
                }
            } else {
                // A wrapping range such as FRI-MON or 22-2 covers the end and the start of the cycle.
                int span = (max - lo + 1) + (hi - min + 1);
                for (int off = 0; off < span; off += step) {
                    int v = lo + off;
                    set.set(v > max ? min + (v - max - 1) : v);
                }
            }
        }
        return set;
    }

    private static int value(String s, int min, int max, Map<String, Integer> names, String what) {
        Integer named = names.get(s.toUpperCase(Locale.ROOT));
        int v;
        if (named != null) {
            v = named;
        } else {
            try {
                v = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + s + "' is not a valid " + what);
            }
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " " + v + " is out of range " + min + "-" + max);
        }
        return v;
    }

    /** The first fire time strictly after {@code after} (minute precision, UTC), if any before 2200. */
    Optional<LocalDateTime> next(LocalDateTime after) {
        LocalDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        for (int year = t.getYear(); year <= MAX_YEAR; year++) {
            if (!years.get(year)) {
                continue;
            }
            int firstMonth = year == t.getYear() ? t.getMonthValue() : 1;
            for (int month = firstMonth; month <= 12; month++) {
                if (!months.get(month)) {
                    continue;
                }
                boolean sameMonth = year == t.getYear() && month == t.getMonthValue();
                LocalDate first = LocalDate.of(year, month, 1);
                int firstDay = sameMonth ? t.getDayOfMonth() : 1;
                for (int day = firstDay; day <= first.lengthOfMonth(); day++) {
                    LocalDate date = first.withDayOfMonth(day);
                    if (!dayMatches(date)) {
                        continue;
                    }
                    boolean sameDay = sameMonth && day == t.getDayOfMonth();
                    for (int hour = sameDay ? t.getHour() : 0; hour <= 23; hour++) {
                        if (!hours.get(hour)) {
                            continue;
                        }
                        boolean sameHour = sameDay && hour == t.getHour();
                        int minute = minutes.nextSetBit(sameHour ? t.getMinute() : 0);
                        if (minute >= 0 && minute <= 59) {
                            return Optional.of(date.atTime(hour, minute));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate date) {
        return dayOfMonth.any() ? dayOfWeekMatches(date) : dayOfMonthMatches(date);
    }

    private boolean dayOfMonthMatches(LocalDate date) {
        DayOfMonth d = dayOfMonth;
        int length = date.lengthOfMonth();
        if (d.last()) {
            return date.getDayOfMonth() == length - d.lastOffset();
        }
        if (d.lastWeekday()) {
            return date.equals(nearestWeekday(date.withDayOfMonth(length)));
        }
        if (d.nearestWeekdayTo() > 0) {
            if (d.nearestWeekdayTo() > length) {
                return false;
            }
            return date.equals(nearestWeekday(date.withDayOfMonth(d.nearestWeekdayTo())));
        }
        return d.days().get(date.getDayOfMonth());
    }

    /** The weekday nearest to a day without leaving its month (Quartz's and EventBridge's W). */
    private static LocalDate nearestWeekday(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        if (w == DayOfWeek.SATURDAY) {
            return d.getDayOfMonth() == 1 ? d.plusDays(2) : d.minusDays(1);
        }
        if (w == DayOfWeek.SUNDAY) {
            return d.getDayOfMonth() == d.lengthOfMonth() ? d.minusDays(2) : d.plusDays(1);
        }
        return d;
    }

    private boolean dayOfWeekMatches(LocalDate date) {
        DayOfWeekRule r = dayOfWeek;
        int dow = date.getDayOfWeek().getValue() % 7 + 1; // SUN=1 .. SAT=7
        if (r.lastOf() > 0) {
            return dow == r.lastOf() && date.plusWeeks(1).getMonthValue() != date.getMonthValue();
        }
        if (r.nth() > 0) {
            if (dow != r.nthDay()) {
                return false;
            }
            LocalDate nth = date.with(TemporalAdjusters.dayOfWeekInMonth(r.nth(), date.getDayOfWeek()));
            return nth.equals(date);
        }
        return r.days().get(dow);
    }

    java.time.Instant nextInstant(java.time.Instant after) {
        return next(LocalDateTime.ofInstant(after, ZoneOffset.UTC)).map(t -> t.toInstant(ZoneOffset.UTC))
                .orElse(null);
    }

    @Override
    public String toString() {
        return "cron(" + text + ")";
    }
}
