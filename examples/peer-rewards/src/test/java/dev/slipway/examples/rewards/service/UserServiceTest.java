package dev.slipway.examples.rewards.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.examples.rewards.MutableClock;
import dev.slipway.examples.rewards.model.User;
import dev.slipway.examples.rewards.repository.memory.InMemoryUserRepository;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserServiceTest {

    final MutableClock clock = MutableClock.at("2026-11-26T12:00:00Z");
    final UserService users = new UserService(new InMemoryUserRepository(), clock);

    @Nested
    class Register {

        @Test
        void register_storesTheUserWithZeroPointsAndTheRegistrationTime() {
            User alice = users.register("alice", "Alice A.");

            assertThat(alice).isEqualTo(new User("alice", "Alice A.", 0, Instant.parse("2026-11-26T12:00:00Z")));
            assertThat(users.list()).containsExactly(alice);
        }

        @Test
        void register_withoutDisplayName_usesTheUsername() {
            assertThat(users.register("bob", null).displayName()).isEqualTo("bob");
            assertThat(users.register("carol", "   ").displayName()).isEqualTo("carol");
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "a_b-c", "user_2026", "abcdefghijklmnopqrst"})
        void register_acceptsUsernamesOf3To20LowerCaseLettersDigitsUnderscoresAndDashes(String username) {
            assertThat(users.register(username, null).username()).isEqualTo(username);
        }

        @ParameterizedTest
        @ValueSource(strings = {"ab", "abcdefghijklmnopqrstu", "Alice", "al ice", "al.ice", "älice", "al@ice"})
        void register_withAnInvalidUsername_failsWith400NamingTheRule(String username) {
            assertThatThrownBy(() -> users.register(username, null))
                    .isInstanceOfSatisfying(BadRequest.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("ValidationError");
                        assertThat(e.fields()).containsOnlyKeys("username");
                        assertThat(e.getMessage()).isEqualTo("username must be 3–20 characters: lower-case letters,"
                                + " digits, _ or - (got \"" + username + "\")");
                    });
            assertThat(users.list()).isEmpty();
        }

        @Test
        void register_withoutUsername_failsWith400() {
            assertThatThrownBy(() -> users.register(null, "Nobody"))
                    .isInstanceOf(BadRequest.class)
                    .hasMessage("username is required");
        }

        @Test
        void register_withADisplayNameOver40Characters_failsWith400() {
            assertThatThrownBy(() -> users.register("alice", "x".repeat(41)))
                    .isInstanceOf(BadRequest.class)
                    .hasMessage("displayName must be at most 40 characters (got 41)");
        }

        @Test
        void register_aTakenUsername_failsWith409AndKeepsTheFirstUser() {
            users.register("alice", "First");

            assertThatThrownBy(() -> users.register("alice", "Second"))
                    .isInstanceOfSatisfying(Conflict.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.code()).isEqualTo("UsernameTaken");
                        assertThat(e.getMessage()).isEqualTo("username alice is already taken");
                    });
            assertThat(users.list()).extracting(User::displayName).containsExactly("First");
        }
    }

    @Nested
    class ListAndLookup {

        @Test
        void list_returnsEveryUserByUsername() {
            users.register("carol", null);
            users.register("alice", null);
            users.register("bob", null);

            assertThat(users.list()).extracting(User::username).containsExactly("alice", "bob", "carol");
        }

        @Test
        void lookup_returnsTheNamedUsersThatExist_missingNamesAreSimplyAbsent() {
            users.register("alice", null);
            users.register("bob", null);
            users.register("carol", null);

            assertThat(users.lookup(List.of("carol", "nobody", "alice")))
                    .extracting(User::username).containsExactly("alice", "carol");
        }

        @Test
        void lookup_readsDuplicatesOnce() {
            users.register("alice", null);

            assertThat(users.lookup(List.of("alice", "alice"))).hasSize(1);
        }

        @Test
        void lookup_ofAMalformedName_failsWith400() {
            assertThatThrownBy(() -> users.lookup(List.of("alice", "Bob")))
                    .isInstanceOf(BadRequest.class)
                    .hasMessage("usernames must each be 3–20 characters: lower-case letters, digits, _ or -"
                            + " (got \"Bob\")");
        }

        @Test
        void lookup_ofNoNames_failsWith400() {
            assertThatThrownBy(() -> users.lookup(List.of()))
                    .isInstanceOf(BadRequest.class)
                    .hasMessage("usernames must name at least one user");
        }

        @Test
        void lookup_ofMoreThan100Names_failsWith400() {
            List<String> names = IntStream.rangeClosed(1, 101).mapToObj(i -> "user" + i).toList();

            assertThatThrownBy(() -> users.lookup(names))
                    .isInstanceOf(BadRequest.class)
                    .hasMessage("usernames can name at most 100 users (got 101)");
        }
    }
}
