package dev.slipway.logs;

/**
 * One stored event. {@code seq} is unique in the store and increases with arrival, so
 * (timestamp, seq) orders events totally, including events with equal timestamps.
 */
record LogEvent(long timestamp, long ingestionTime, long seq, String message) implements Comparable<LogEvent> {
    @Override
    public int compareTo(LogEvent o) {
        int c = Long.compare(timestamp, o.timestamp);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }

    /** The position of this event as a token: 20 digits of timestamp, 19 of sequence. */
    String position() {
        return String.format("%020d%019d", timestamp, seq);
    }

    static LogEvent atPosition(String digits) {
        if (digits.length() != 39 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(digits);
        }
        return new LogEvent(Long.parseLong(digits.substring(0, 20)), 0, Long.parseLong(digits.substring(20)), "");
    }

    int storedBytes() {
        return message.length();
    }
}
