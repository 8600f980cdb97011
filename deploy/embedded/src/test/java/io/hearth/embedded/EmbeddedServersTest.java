package io.hearth.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersTest {
    @TempDir
    Path state;

    @Test
    void postgresKeepsRowsAcrossRestart() throws Exception {
        Path data = state.resolve("pg");
        try (PostgresServer pg = PostgresServer.start(data, 0)) {
            pg.ensureDatabase("things");
            pg.ensureDatabase("things");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("things"), PostgresServer.USER, PostgresServer.PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("create table thing(name text)");
                s.execute("insert into thing values ('kept')");
            }
        }
        try (PostgresServer pg = PostgresServer.start(data, 0);
                Connection c = DriverManager.getConnection(pg.jdbcUrl("things"), PostgresServer.USER, PostgresServer.PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select name from thing")) {
            assertTrue(rs.next());
            assertEquals("kept", rs.getString(1));
        }
    }

    @Test
    void kafkaKeepsRecordsAcrossRestart() {
        Path logs = state.resolve("kafka");
        try (KafkaServer kafka = KafkaServer.start(logs, 0)) {
            kafka.ensureTopics(List.of("t1"));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t1", "k", "v1"));
            }
        }
        try (KafkaServer kafka = KafkaServer.start(logs, 0);
                KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "g",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("t1"));
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen == 0 && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                seen += records.count();
            }
            assertEquals(1, seen);
        }
    }
    @Test
    void postgresStopsAndStartsAgainOnItsPortWithItsRows() throws Exception {
        try (PostgresServer pg = PostgresServer.start(state.resolve("pg-restart"), 0)) {
            pg.ensureDatabase("things");
            String url = pg.jdbcUrl("things");
            try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                    Statement s = c.createStatement()) {
                s.execute("create table thing(name text)");
                s.execute("insert into thing values ('kept')");
            }

            pg.stop();
            assertFalse(pg.isRunning());
            assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD).close());
            pg.startAgain();

            assertEquals(url, pg.jdbcUrl("things"));
            try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select name from thing")) {
                assertTrue(rs.next());
                assertEquals("kept", rs.getString(1));
            }
        }
    }

    @Test
    void kafkaStopsAndStartsAgainOnItsPortWithItsRecords() {
        try (KafkaServer kafka = KafkaServer.start(state.resolve("kafka-restart"), 0)) {
            String bootstrap = kafka.bootstrapServers();
            kafka.ensureTopics(List.of("t2"));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("t2", "k", "before"));
            }

            kafka.stop();
            assertFalse(kafka.isRunning());
            // Nothing listens on the port while the broker is down.
            Ports.requireFree(kafka.port(), "the stopped broker's port");
            kafka.startAgain();

            assertEquals(bootstrap, kafka.bootstrapServers());
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "g2",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of("t2"));
                List<String> seen = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (seen.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(r -> seen.add(r.value()));
                }
                assertEquals(List.of("before"), seen);
            }
        }
    }
}
