/*
 * The throughput peer for `npm run bench`: librdkafka's built-in mock Kafka
 * cluster (plaintext, memory only, no CRC checks), one broker, one topic.
 * Prints its bootstrap address on stdout and runs until SIGTERM or -T seconds.
 *
 *   mock-broker TOPIC PARTITIONS [SECONDS]
 *
 * Build: cc -O2 -o mock-broker mock-broker.c $(pkg-config --cflags --libs rdkafka)
 */
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static volatile sig_atomic_t run = 1;
static void stop(int sig) { (void)sig; run = 0; }

int main(int argc, char **argv) {
        if (argc < 3) {
                fprintf(stderr, "usage: %s TOPIC PARTITIONS [SECONDS]\n", argv[0]);
                return 2;
        }
        int partitions = atoi(argv[2]);
        int seconds = argc > 3 ? atoi(argv[3]) : 600;
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        /* The mock cluster lives inside a client handle; a producer handle is the lightest. */
        rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof(errstr));
        if (!rk) {
                fprintf(stderr, "rd_kafka_new: %s\n", errstr);
                return 1;
        }
        rd_kafka_mock_cluster_t *mc = rd_kafka_mock_cluster_new(rk, 1);
        if (!mc) {
                fprintf(stderr, "rd_kafka_mock_cluster_new failed\n");
                return 1;
        }
        if (rd_kafka_mock_topic_create(mc, argv[1], partitions, 1)) {
                fprintf(stderr, "rd_kafka_mock_topic_create failed\n");
                return 1;
        }
        printf("%s\n", rd_kafka_mock_cluster_bootstraps(mc));
        fflush(stdout);
        signal(SIGINT, stop);
        signal(SIGTERM, stop);
        for (int i = 0; run && i < seconds * 10; i++) usleep(100000);
        rd_kafka_mock_cluster_destroy(mc);
        rd_kafka_destroy(rk);
        return 0;
}
