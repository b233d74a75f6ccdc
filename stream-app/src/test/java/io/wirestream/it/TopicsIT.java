package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.wirestream.embedded.EmbeddedKafka;
import io.wirestream.embedded.Ports;
import io.wirestream.runtime.Topics;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.ForwardingAdmin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Topic creation on a real broker, where instances started together race to create the same topics. */
class TopicsIT {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(Files.createTempDirectory("wirestream-topics-it"), "127.0.0.1",
                Ports.freePort(), Ports.freePort());
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldAcceptTopicsThatAnotherInstanceCreatedBetweenListingAndCreating() throws Exception {
        List<String> names = List.of("race-feed", "race-unrouted");
        try (Admin admin = new RacedAdmin(Map.of("bootstrap.servers", kafka.bootstrapServers()), names.get(0))) {
            Topics.createMissing(admin, names, 2);

            await("both topics listed").atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(names(admin)).containsAll(names));
        }
    }

    @Test
    void shouldStillFailOnOtherRefusals() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertThatThrownBy(() -> Topics.createMissing(admin, List.of("no-partitions"), 0))
                    .isInstanceOf(ExecutionException.class);
        }
    }

    private static Set<String> names(Admin admin) {
        try {
            return admin.listTopics().names().get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An admin client that, just before it creates topics, lets "another instance" create one of them. */
    private static final class RacedAdmin extends ForwardingAdmin {
        private final String takenMeanwhile;

        RacedAdmin(Map<String, Object> config, String takenMeanwhile) {
            super(config);
            this.takenMeanwhile = takenMeanwhile;
        }

        @Override
        public CreateTopicsResult createTopics(Collection<NewTopic> topics, CreateTopicsOptions options) {
            try {
                super.createTopics(List.of(new NewTopic(takenMeanwhile, 2, (short) 1)), options).all().get();
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException(e);
            }
            return super.createTopics(topics, options);
        }
    }
}
