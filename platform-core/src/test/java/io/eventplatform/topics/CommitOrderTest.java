package io.eventplatform.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventplatform.contracts.events.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CommitOrderTest {

    @Test
    void aDrawsEventsFromTwoTopicsComeInTheOrderTheDrawWroteThem() {
        // a poll lists partition by partition: the prize's partition happened to come first
        ConsumerRecord<String, String> prizeUpdated = record(Topics.PRIZES, "prizeUpdated", "prize-service:11");
        ConsumerRecord<String, String> winnerSelected = record(Topics.PRIZE_WINNERS, "winnerSelected", "prize-service:10");
        ConsumerRecord<String, String> drawCompleted = record(Topics.PRIZE_WINNERS, "drawCompleted", "prize-service:12");

        assertThat(values(CommitOrder.of(List.of(prizeUpdated, winnerSelected, drawCompleted))))
                .containsExactly("winnerSelected", "prizeUpdated", "drawCompleted");
    }

    @Test
    void eachServiceIsOrderedInItsOwnPlacesAndRecordsWithoutAPositionStayPut() {
        List<ConsumerRecord<String, String>> polled = List.of(
                record(Topics.ROOMS, "room5", "room-service:5"),
                record(Topics.PRIZES, "prize11", "prize-service:11"),
                record(Topics.ROOMS, "unpositioned", null),
                record(Topics.PRIZE_WINNERS, "prize10", "prize-service:10"),
                record(Topics.ROOM_PARTICIPANTS, "room4", "room-service:4"),
                record(Topics.PRIZES, "malformed", "prize-service:x"));

        assertThat(values(CommitOrder.of(polled)))
                .containsExactly("room4", "prize10", "unpositioned", "prize11", "room5", "malformed");
    }

    @Test
    void ordersByTheNumberNotTheText() {
        List<ConsumerRecord<String, String>> polled = List.of(
                record(Topics.PRIZES, "tenth", "prize-service:10"),
                record(Topics.PRIZE_WINNERS, "ninth", "prize-service:9"));

        assertThat(values(CommitOrder.of(polled))).containsExactly("ninth", "tenth");
    }

    @Test
    void neverReordersWithinAPartitionEvenWhenAnOutboxStartedCountingAgain() {
        // after a database reset the service's outbox numbers from 1 again, behind what the topic already holds
        List<ConsumerRecord<String, String>> polled = List.of(
                record(Topics.PRIZES, "beforeTheReset", "prize-service:1000"),
                record(Topics.PRIZES, "afterTheReset", "prize-service:5"),
                record(Topics.PRIZE_WINNERS, "winnerAfterTheReset", "prize-service:4"));

        assertThat(values(CommitOrder.of(polled))).containsExactly("winnerAfterTheReset", "beforeTheReset", "afterTheReset");
    }

    private static ConsumerRecord<String, String> record(String topic, String value, @Nullable String position) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0, "room_1", value);
        if (position != null) {
            record.headers().add(Topics.OUTBOX_POSITION_HEADER, position.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }
}
