#!/usr/bin/python3
"""confluent-kafka-python (Debian python3-confluent-kafka 1.7.0 on librdkafka 2.0.2)
producer for the interop tests.

Reads one JSON spec on stdin:
  {"bootstrap": "localhost:PORT", "ca": "/path/ca.pem", "user": "...", "password": "...",
   "clientId": "...", "deadline": SECONDS,
   "properties": {"librdkafka.property": "value", ...}   (optional)
   "runs": [{"topic": "...", "codec": "none|gzip|snappy|lz4|zstd", "acks": -1|0|1,
             "messages": [{"key": str|null, "value": str, "headers": [[k, v], ...]}]}]}
and prints one JSON line last: {"client": "confluent-kafka", "version": [...],
"librdkafka": [...], "runs": [{"topic", "codec", "ok", "failed", "errors"}]}.
One Producer per run (codec), flushed before the next; delivery reports count.
librdkafka sends ApiVersions v3 (refused by a 2.1.1 broker) then v0,
SaslHandshake v1, SaslAuthenticate v0, Metadata v4 and Produce v7.
A SIGALRM watchdog prints the result so far and exits 3 past the deadline.
"""
import json
import signal
import sys

RESULT = {"client": "confluent-kafka", "runs": []}


def emit_and_exit(code):
    sys.stdout.write(json.dumps(RESULT) + "\n")
    sys.stdout.flush()
    sys.exit(code)


def on_deadline(_signum, _frame):
    sys.stderr.write("confluent-kafka driver: deadline reached\n")
    emit_and_exit(3)


def main():
    spec = json.load(sys.stdin)
    signal.signal(signal.SIGALRM, on_deadline)
    signal.setitimer(signal.ITIMER_REAL, float(spec["deadline"]))

    import confluent_kafka
    from confluent_kafka import KafkaException, Producer

    RESULT["version"] = list(confluent_kafka.version())
    RESULT["librdkafka"] = list(confluent_kafka.libversion())
    per_run_timeout = max(5.0, float(spec["deadline"]) / max(1, len(spec["runs"])))
    for run in spec["runs"]:
        counters = {"topic": run["topic"], "codec": run["codec"], "ok": 0, "failed": 0, "errors": []}
        RESULT["runs"].append(counters)
        conf = {
            "bootstrap.servers": spec["bootstrap"],
            "client.id": spec["clientId"],
            "security.protocol": "sasl_ssl",
            "sasl.mechanisms": "PLAIN",
            "sasl.username": spec["user"],
            "sasl.password": spec["password"],
            "ssl.ca.location": spec["ca"],
            "compression.codec": run["codec"],
            "acks": run.get("acks", -1),
            "message.timeout.ms": int(max(2.0, per_run_timeout - 2) * 1000),
        }
        conf.update(spec.get("properties") or {})

        def report(err, _msg, c=counters):
            if err is None:
                c["ok"] += 1
            else:
                c["failed"] += 1
                if len(c["errors"]) < 5:
                    c["errors"].append(str(err))

        def on_error(err, c=counters):
            if len(c["errors"]) < 5:
                c["errors"].append("error_cb: %s" % (err,))

        producer = Producer(conf, error_cb=on_error)
        for m in run["messages"]:
            key = None if m["key"] is None else m["key"].encode("utf-8")
            headers = [(k, None if v is None else v.encode("utf-8")) for k, v in m["headers"]]
            while True:
                try:
                    producer.produce(run["topic"], value=m["value"].encode("utf-8"), key=key,
                                     headers=headers, on_delivery=report)
                    break
                except BufferError:
                    producer.poll(0.05)
                except KafkaException as e:
                    report(e, None)
                    break
            producer.poll(0)
        remaining = producer.flush(per_run_timeout)
        if remaining:
            counters["failed"] += remaining
            counters["errors"].append("%d messages still queued after flush" % remaining)

    signal.setitimer(signal.ITIMER_REAL, 0)
    emit_and_exit(0)


if __name__ == "__main__":
    main()
