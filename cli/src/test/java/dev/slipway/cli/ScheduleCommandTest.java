package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.events.EventsService;
import dev.slipway.events.Scheduler;
import dev.slipway.protocol.Json;
import dev.slipway.protocol.http.HttpServer;
import dev.slipway.protocol.spi.FunctionInvoker;
import dev.slipway.protocol.spi.ResourceProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code slipway schedule list|fire} against an EventBridge endpoint served by the events module. */
class ScheduleCommandTest {
    final List<String> invoked = new CopyOnWriteArrayList<>();
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    EventsService events;
    HttpServer server;

    @BeforeEach
    void setUp() throws Exception {
        FunctionInvoker invoker = new FunctionInvoker() {
            @Override
            public Outcome invoke(String function, Optional<String> qualifier, byte[] payload) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void invokeAsync(String function, Optional<String> qualifier, byte[] payload) {
                invoked.add(function + " " + new String(payload));
            }
        };
        events = EventsService.builder().invoker(invoker).scheduler(Scheduler.manual()).build();
        ObjectNode props = (ObjectNode) Json.parse("""
                {"Name":"nightly-report","ScheduleExpression":"cron(0 2 * * ? *)","State":"DISABLED",
                 "Targets":[{"Id":"t","Arn":"arn:aws:lambda:us-east-1:000000000000:function:svc-dev-report"}]}""");
        events.resourceProvider().create(new ResourceProvider.Request("svc-dev", "s", "R", Optional.empty(), props,
                Optional.empty(), Map.of(), "us-east-1", "000000000000"));
        server = HttpServer.start("edge", 0, events.asCloudService().handler());
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        events.close();
    }

    private int run(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void list_showsNameScheduleStateAndTargets() {
        assertThat(run("schedule", "list", "--endpoint", server.url())).isZero();
        assertThat(out.toString()).contains("NAME").contains("nightly-report  cron(0 2 * * ? *)  DISABLED  svc-dev-report");
    }

    @Test
    void fire_deliversTheScheduledEventNow_evenWhenDisabled() {
        assertThat(run("schedule", "fire", "nightly-report", "--endpoint", server.url())).isZero();
        assertThat(out.toString()).startsWith("Fired nightly-report (event ");
        assertThat(invoked).singleElement().satisfies(s -> assertThat(s)
                .startsWith("arn:aws:lambda:us-east-1:000000000000:function:svc-dev-report {\"version\":\"0\"")
                .contains("\"detail-type\":\"Scheduled Event\""));
    }

    @Test
    void fire_unknownRule_saysWhatToDo() {
        assertThat(run("schedule", "fire", "nope", "--endpoint", server.url())).isEqualTo(1);
        assertThat(err.toString()).contains("error: Rule nope does not exist on EventBus default.")
                .contains("fix: see the rules with 'slipway schedule list'");
    }

    @Test
    void noCloudRunning_isAClearError() {
        int port = server.port();
        server.close();
        server = null; // HttpServer.close() is not idempotent
        assertThat(run("schedule", "list", "--endpoint", "http://127.0.0.1:" + port)).isEqualTo(1);
        assertThat(err.toString()).contains("error: no local cloud is answering at http://127.0.0.1:" + port)
                .contains("fix: start one with 'slipway offline'");
    }
}
