package dev.slipway.examples.rewards.service;

import dev.slipway.examples.rewards.model.User;
import dev.slipway.examples.rewards.repository.UserRepository;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** Registering and looking up users. */
public final class UserService {

    private final UserRepository users;
    private final Clock clock;

    public UserService(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /**
     * Registers a user. The username is taken as given (not lower-cased for the caller), so what is
     * stored is exactly what was asked for. The display name is optional and defaults to the username.
     */
    public User register(String username, String displayName) {
        String name = displayName == null ? null : displayName.strip();
        new Rules.Violations()
                .username("username", username)
                .text("displayName", name, Rules.DISPLAY_NAME_MAX, false)
                .throwIfAny();
        User user = new User(username, name == null || name.isEmpty() ? username : name, 0,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (!users.create(user)) {
            throw Conflict.usernameTaken(username);
        }
        return user;
    }

    /** Every user, by username. */
    public List<User> list() {
        return users.list().stream().sorted(Comparator.comparing(User::username)).toList();
    }

    /** The named users that exist, by username; duplicates are read once. */
    public List<User> lookup(Collection<String> usernames) {
        var unique = new LinkedHashSet<String>();
        var violations = new Rules.Violations();
        for (String username : usernames) {
            if (!violations.has("usernames") && !Rules.USERNAME.matcher(username).matches()) {
                violations.add("usernames", "usernames must each be " + Rules.USERNAME_RULE
                        + " (got \"" + username + "\")");
            }
            unique.add(username);
        }
        if (unique.isEmpty()) {
            violations.add("usernames", "usernames must name at least one user");
        }
        if (unique.size() > Rules.USERNAMES_PER_LOOKUP) {
            violations.add("usernames", "usernames can name at most " + Rules.USERNAMES_PER_LOOKUP
                    + " users (got " + unique.size() + ")");
        }
        violations.throwIfAny();
        return users.findAll(unique).stream().sorted(Comparator.comparing(User::username)).toList();
    }
}
