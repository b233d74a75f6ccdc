package io.wirestream.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.wirestream.runtime.ReplicationCheck.Replication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the start-up check says about the replication of the topics wirestream uses. */
class ReplicationCheckTest {

    private static final Replication SAFE = new Replication(3, 2);

    @Test
    void shouldSayNothingWhenEveryTopicHasThreeReplicasAndTwoInSync() {
        assertThat(ReplicationCheck.warnings(3, Map.of("raw-feed", SAFE, "alliance", new Replication(5, 3)))).isEmpty();
    }

    @Test
    void shouldSayNothingOnFewerThanThreeBrokersWhichCannotDoBetter() {
        assertThat(ReplicationCheck.warnings(1, Map.of("raw-feed", new Replication(1, 1)))).isEmpty();
        assertThat(ReplicationCheck.warnings(2, Map.of("raw-feed", new Replication(2, 1)))).isEmpty();
    }

    @Test
    void shouldNameTheTopicsWithTooFewReplicasAndSayWhatToSet() {
        List<String> warnings = ReplicationCheck.warnings(3, Map.of("raw-feed", new Replication(1, 1),
                "alliance", SAFE, "unrouted", new Replication(2, 2)));

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith("topics with fewer than 3 replicas on this cluster of 3 brokers: "
                + "raw-feed (1 replica), unrouted (2 replicas).")
                .contains("topic.replication-factor=3").doesNotContain("alliance");
        assertThat(warnings.get(1)).startsWith("topics with min.insync.replicas below 2: raw-feed "
                + "(min.insync.replicas=1).").contains("Set min.insync.replicas=2");
    }

    @Test
    void shouldSayWhenATopicCannotBeWrittenWithAcksAllAtAll() {
        List<String> warnings = ReplicationCheck.warnings(4, Map.of("thin", new Replication(1, 2)));

        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("cluster of 4 brokers: thin (1 replica)");
        assertThat(warnings.get(1)).startsWith("topics with fewer replicas than their min.insync.replicas: "
                + "thin (1 of 2 needed). No write with acks=all can succeed there");
    }
}
