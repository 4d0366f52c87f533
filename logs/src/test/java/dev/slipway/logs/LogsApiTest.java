package dev.slipway.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

class LogsApiTest {
    static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");
    final MutableClock clock = new MutableClock(T0);
    final LogsFixture f = new LogsFixture(LogsService.builder().clock(clock).build());

    @AfterEach
    void close() {
        f.close();
    }

    long t(int seconds) {
        return T0.toEpochMilli() + seconds * 1000L;
    }

    void put(String group, String stream, long ts, String... messages) {
        List<InputLogEvent> events = java.util.Arrays.stream(messages)
                .map(m -> InputLogEvent.builder().timestamp(ts).message(m).build()).toList();
        f.logs.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(events));
    }

    @Nested
    class Groups {
        @Test
        void createDescribeDelete_roundTrip_withArnsAndCreationTime() {
            f.logs.createLogGroup(b -> b.logGroupName("/aws/lambda/hello"));
            LogGroup g = f.logs.describeLogGroups(b -> b.logGroupNamePrefix("/aws/lambda/")).logGroups().get(0);
            assertThat(g.logGroupName()).isEqualTo("/aws/lambda/hello");
            assertThat(g.creationTime()).isEqualTo(T0.toEpochMilli());
            assertThat(g.arn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/hello:*");
            assertThat(g.logGroupArn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:/aws/lambda/hello");
            f.logs.deleteLogGroup(b -> b.logGroupName("/aws/lambda/hello"));
            assertThat(f.logs.describeLogGroups().logGroups()).isEmpty();
        }

        @Test
        void createExisting_failsWithResourceAlreadyExists() {
            f.logs.createLogGroup(b -> b.logGroupName("g"));
            assertThatThrownBy(() -> f.logs.createLogGroup(b -> b.logGroupName("g")))
                    .isInstanceOfSatisfying(ResourceAlreadyExistsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified log group already exists");
                        assertThat(e.statusCode()).isEqualTo(400);
                    });
        }

        @Test
        void missingGroup_failsWithResourceNotFound() {
            assertThatThrownBy(() -> f.logs.deleteLogGroup(b -> b.logGroupName("nope")))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).isEqualTo("The specified log group does not exist."));
        }

        @Test
        void invalidName_failsWithInvalidParameter_namingTheConstraint() {
            assertThatThrownBy(() -> f.logs.createLogGroup(b -> b.logGroupName("bad name!")))
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value 'bad name!' "
                            + "at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression "
                            + "pattern: [\\.\\-_/#A-Za-z0-9]+"));
        }

        @Test
        void describe_paginates_withNextToken() {
            IntStream.range(0, 7).forEach(i -> f.logs.createLogGroup(b -> b.logGroupName("g" + i)));
            DescribeLogGroupsResponse first = f.logs.describeLogGroups(b -> b.limit(3));
            assertThat(first.logGroups()).extracting(LogGroup::logGroupName).containsExactly("g0", "g1", "g2");
            assertThat(first.nextToken()).isNotNull();
            List<String> all = f.logs.describeLogGroupsPaginator(b -> b.limit(3)).logGroups().stream()
                    .map(LogGroup::logGroupName).toList();
            assertThat(all).containsExactly("g0", "g1", "g2", "g3", "g4", "g5", "g6");
        }

        @Test
        void retention_isStoredValidatedAndEnforcedByTheClock() {
            f.logs.createLogGroup(b -> b.logGroupName("r"));
            f.logs.createLogStream(b -> b.logGroupName("r").logStreamName("s"));
            put("r", "s", t(0), "old");
            clock.advance(Duration.ofDays(2));
            put("r", "s", clock.millis(), "new");
            assertThatThrownBy(() -> f.logs.putRetentionPolicy(b -> b.logGroupName("r").retentionInDays(2)))
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: Value '2' at "
                            + "'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [1, 3,"));
            f.logs.putRetentionPolicy(b -> b.logGroupName("r").retentionInDays(1));
            assertThat(f.logs.describeLogGroups().logGroups().get(0).retentionInDays()).isEqualTo(1);
            assertThat(f.logs.getLogEvents(b -> b.logGroupName("r").logStreamName("s")).events())
                    .extracting(OutputLogEvent::message).containsExactly("new");
            f.logs.deleteRetentionPolicy(b -> b.logGroupName("r"));
            assertThat(f.logs.describeLogGroups().logGroups().get(0).retentionInDays()).isNull();
        }

        @Test
        void tags_bothApis() {
            f.logs.createLogGroup(b -> b.logGroupName("tagged").tags(java.util.Map.of("team", "a")));
            String arn = "arn:aws:logs:us-east-1:000000000000:log-group:tagged";
            f.logs.tagResource(b -> b.resourceArn(arn).tags(java.util.Map.of("env", "dev")));
            assertThat(f.logs.listTagsForResource(b -> b.resourceArn(arn)).tags())
                    .containsOnly(java.util.Map.entry("team", "a"), java.util.Map.entry("env", "dev"));
            f.logs.untagResource(b -> b.resourceArn(arn).tagKeys("team"));
            assertThat(f.logs.listTagsLogGroup(b -> b.logGroupName("tagged")).tags()).containsOnlyKeys("env");
        }
    }

    @Nested
    class Streams {
        @Test
        void describe_byLastEventTimeDescending() {
            f.logs.createLogGroup(b -> b.logGroupName("g"));
            for (String s : List.of("a", "b", "c")) {
                f.logs.createLogStream(b -> b.logGroupName("g").logStreamName(s));
            }
            put("g", "b", t(30), "x");
            put("g", "a", t(20), "x");
            put("g", "c", t(10), "x");
            List<LogStream> streams = f.logs.describeLogStreams(b -> b.logGroupName("g").orderBy(OrderBy.LAST_EVENT_TIME)
                    .descending(true)).logStreams();
            assertThat(streams).extracting(LogStream::logStreamName).containsExactly("b", "a", "c");
            assertThat(streams.get(0).lastEventTimestamp()).isEqualTo(t(30));
            assertThat(streams.get(0).arn()).isEqualTo("arn:aws:logs:us-east-1:000000000000:log-group:g:log-stream:b");
        }

        @Test
        void orderByLastEventTimeWithPrefix_failsAsOnAws() {
            f.logs.createLogGroup(b -> b.logGroupName("g"));
            assertThatThrownBy(() -> f.logs.describeLogStreams(b -> b.logGroupName("g").orderBy(OrderBy.LAST_EVENT_TIME)
                    .logStreamNamePrefix("2026")))
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Cannot order by LastEventTime with a logStreamNamePrefix."));
        }

        @Test
        void createExisting_andMissing_failWithTheirMessages() {
            f.logs.createLogGroup(b -> b.logGroupName("g"));
            f.logs.createLogStream(b -> b.logGroupName("g").logStreamName("s"));
            assertThatThrownBy(() -> f.logs.createLogStream(b -> b.logGroupName("g").logStreamName("s")))
                    .isInstanceOfSatisfying(ResourceAlreadyExistsException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).isEqualTo("The specified log stream already exists"));
            assertThatThrownBy(() -> put("g", "missing", t(0), "x"))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).isEqualTo("The specified log stream does not exist."));
            assertThatThrownBy(() -> f.logs.createLogStream(b -> b.logGroupName("nope").logStreamName("s")))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).isEqualTo("The specified log group does not exist."));
        }
    }

    @Nested
    class Events {
        @Test
        void getLogEvents_defaultsToTheNewest_andStartFromHeadToTheOldest() {
            f.logs.createLogGroup(b -> b.logGroupName("g"));
            f.logs.createLogStream(b -> b.logGroupName("g").logStreamName("s"));
            for (int i = 0; i < 5; i++) {
                put("g", "s", t(i), "m" + i);
            }
            assertThat(f.logs.getLogEvents(b -> b.logGroupName("g").logStreamName("s").limit(2)).events())
                    .extracting(OutputLogEvent::message).containsExactly("m3", "m4");
            GetLogEventsResponse head = f.logs.getLogEvents(b -> b.logGroupName("g").logStreamName("s").limit(2)
                    .startFromHead(true));
            assertThat(head.events()).extracting(OutputLogEvent::message).containsExactly("m0", "m1");
            GetLogEventsResponse next = f.logs.getLogEvents(b -> b.logGroupName("g").logStreamName("s").limit(2)
                    .nextToken(head.nextForwardToken()));
            assertThat(next.events()).extracting(OutputLogEvent::message).containsExactly("m2", "m3");
            GetLogEventsResponse last = f.logs.getLogEvents(b -> b.logGroupName("g").logStreamName("s").limit(2)
                    .nextToken(next.nextForwardToken()));
            assertThat(last.events()).extracting(OutputLogEvent::message).containsExactly("m4");
            GetLogEventsResponse end = f.logs.getLogEvents(b -> b.logGroupName("g").logStreamName("s").limit(2)
                    .nextToken(last.nextForwardToken()));
            assertThat(end.events()).isEmpty();
            assertThat(end.nextForwardToken()).as("the same token at the end, as AWS").isEqualTo(last.nextForwardToken());
            GetLogEventsResponse back = f.logs.getLogEvents(b -> b.logGroupName("g").logStreamName("s").limit(2)
                    .nextToken(next.nextBackwardToken()));
            assertThat(back.events()).extracting(OutputLogEvent::message).containsExactly("m0", "m1");
        }

        @Test
        void getLogEvents_timeWindow_startInclusiveEndExclusive() {
            f.logs.createLogGroup(b -> b.logGroupName("g"));
            f.logs.createLogStream(b -> b.logGroupName("g").logStreamName("s"));
            for (int i = 0; i < 5; i++) {
                put("g", "s", t(i), "m" + i);
            }
            assertThat(f.logs.getLogEvents(b -> b.logGroupName("g").logStreamName("s").startTime(t(1)).endTime(t(3))
                    .startFromHead(true)).events()).extracting(OutputLogEvent::message).containsExactly("m1", "m2");
        }

        @Test
        void putLogEvents_outOfOrderBatch_failsWithInvalidParameter() {
            f.logs.createLogGroup(b -> b.logGroupName("g"));
            f.logs.createLogStream(b -> b.logGroupName("g").logStreamName("s"));
            assertThatThrownBy(() -> f.logs.putLogEvents(b -> b.logGroupName("g").logStreamName("s").logEvents(
                    InputLogEvent.builder().timestamp(t(2)).message("b").build(),
                    InputLogEvent.builder().timestamp(t(1)).message("a").build())))
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Log events in a single PutLogEvents request must be in chronological order."));
        }

        @Test
        void putLogEvents_tooOldAndTooNew_areRejectedByIndex() {
            f.logs.createLogGroup(b -> b.logGroupName("g"));
            f.logs.createLogStream(b -> b.logGroupName("g").logStreamName("s"));
            clock.advance(Duration.ofDays(20));
            long now = clock.millis();
            PutLogEventsResponse r = f.logs.putLogEvents(b -> b.logGroupName("g").logStreamName("s").logEvents(
                    InputLogEvent.builder().timestamp(now - Duration.ofDays(14).plusHours(1).toMillis()).message("old").build(),
                    InputLogEvent.builder().timestamp(now - Duration.ofDays(14).minusHours(1).toMillis()).message("ok").build()));
            assertThat(r.rejectedLogEventsInfo().tooOldLogEventEndIndex()).isEqualTo(0);
            PutLogEventsResponse r2 = f.logs.putLogEvents(b -> b.logGroupName("g").logStreamName("s").logEvents(
                    InputLogEvent.builder().timestamp(now + Duration.ofHours(1).toMillis()).message("soon").build(),
                    InputLogEvent.builder().timestamp(now + Duration.ofHours(3).toMillis()).message("future").build()));
            assertThat(r2.rejectedLogEventsInfo().tooNewLogEventStartIndex()).isEqualTo(1);
            assertThat(f.logs.getLogEvents(b -> b.logGroupName("g").logStreamName("s")).events())
                    .extracting(OutputLogEvent::message).containsExactly("ok", "soon");
        }

        @Test
        void filterLogEvents_interleavesStreams_andAppliesPatterns() {
            f.logs.createLogGroup(b -> b.logGroupName("g"));
            f.logs.createLogStream(b -> b.logGroupName("g").logStreamName("a"));
            f.logs.createLogStream(b -> b.logGroupName("g").logStreamName("b"));
            put("g", "a", t(1), "INFO started");
            put("g", "b", t(2), "ERROR disk full");
            put("g", "a", t(3), "ERROR timeout after 3s");
            put("g", "b", t(4), "{\"level\":\"ERROR\",\"latency\":250,\"path\":\"/api/users\"}");
            put("g", "a", t(5), "{\"level\":\"INFO\",\"latency\":12,\"path\":\"/health\"}");
            assertThat(filter(null)).extracting(FilteredLogEvent::logStreamName).containsExactly("a", "b", "a", "b", "a");
            assertThat(filter("ERROR")).extracting(FilteredLogEvent::message)
                    .containsExactly("ERROR disk full", "ERROR timeout after 3s", "{\"level\":\"ERROR\",\"latency\":250,\"path\":\"/api/users\"}");
            assertThat(filter("\"disk full\"")).extracting(FilteredLogEvent::message).containsExactly("ERROR disk full");
            assertThat(filter("ERROR -disk -level")).extracting(FilteredLogEvent::message)
                    .containsExactly("ERROR timeout after 3s");
            assertThat(filter("?started ?timeout")).hasSize(2);
            assertThat(filter("error")).as("case-sensitive").isEmpty();
            assertThat(filter("{ $.latency > 100 && $.path = \"/api/*\" }")).extracting(FilteredLogEvent::timestamp)
                    .containsExactly(t(4));
            assertThat(filter("{ $.level = \"INFO\" || $.latency >= 250 }")).extracting(FilteredLogEvent::timestamp)
                    .containsExactly(t(4), t(5));
            FilterLogEventsResponse window = f.logs.filterLogEvents(b -> b.logGroupName("g").startTime(t(2)).endTime(t(3)));
            assertThat(window.events()).extracting(FilteredLogEvent::timestamp).containsExactly(t(2), t(3));
        }

        @Test
        void filterLogEvents_paginatesWithNextToken() {
            f.logs.createLogGroup(b -> b.logGroupName("g"));
            f.logs.createLogStream(b -> b.logGroupName("g").logStreamName("a"));
            for (int i = 0; i < 7; i++) {
                put("g", "a", t(i), "m" + i);
            }
            List<String> all = f.logs.filterLogEventsPaginator(b -> b.logGroupName("g").limit(3)).events().stream()
                    .map(FilteredLogEvent::message).toList();
            assertThat(all).containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6");
        }

        @Test
        void invalidFilterPattern_failsWithInvalidParameter() {
            f.logs.createLogGroup(b -> b.logGroupName("g"));
            assertThatThrownBy(() -> filter("{ $.level = }")).isInstanceOf(InvalidParameterException.class);
        }

        private List<FilteredLogEvent> filter(String pattern) {
            return f.logs.filterLogEvents(b -> b.logGroupName("g").filterPattern(pattern)).events();
        }
    }
}
