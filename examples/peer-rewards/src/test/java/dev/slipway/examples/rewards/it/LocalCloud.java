package dev.slipway.examples.rewards.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.SecureRandom;

/**
 * Where the deployed app is, for the tests tagged {@code integration} and {@code browser}. They need
 * the app running on the local cloud (or AWS) and are skipped, saying how to run them, when these system
 * properties are absent:
 * <ul>
 * <li>{@code peerRewards.apiUrl}: the API base URL, e.g. {@code http://localhost:3000/dev}</li>
 * <li>{@code peerRewards.siteUrl}: the SPA, e.g. {@code http://localhost:3000/}</li>
 * </ul>
 * Once Slipway's {@code @SlipwayTest} extension exists it will provide both (deploying a fresh stage).
 */
final class LocalCloud {

    static final String HOW_TO_RUN = "needs the app running: start it with `slipway offline` (or deploy it), then run"
            + " mvn verify -Plocal-cloud -DpeerRewards.apiUrl=http://localhost:3000/dev"
            + " -DpeerRewards.siteUrl=http://localhost:3000/ (see README.md, Tests)";

    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalCloud() {
    }

    static String apiUrl() {
        return required("peerRewards.apiUrl");
    }

    static String siteUrl() {
        return required("peerRewards.siteUrl");
    }

    /** A username no other run has used: {@code base} plus 6 random characters. */
    static String uniqueUsername(String base) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var name = new StringBuilder(base).append('-');
        for (int i = 0; i < 6; i++) {
            name.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return name.toString();
    }

    private static String required(String property) {
        String value = System.getProperty(property, "").strip();
        assumeTrue(!value.isEmpty(), "Skipped: " + property + " is not set; this test " + HOW_TO_RUN);
        return value.endsWith("/") && property.equals("peerRewards.apiUrl")
                ? value.substring(0, value.length() - 1) : value;
    }
}
