#!/usr/bin/python3
"""kafka-python (pure Python, Debian python3-kafka 2.0.2) producer for the interop tests.

Reads one JSON spec on stdin:
  {"bootstrap": "localhost:PORT", "ca": "/path/ca.pem", "user": "...", "password": "...",
   "clientId": "...", "deadline": SECONDS,
   "apiVersion": "2.1.0" | "1.0.0" | "auto",
   "runs": [{"topic": "...", "codec": "none|gzip|snappy|lz4|zstd", "acks": -1|0|1,
             "messages": [{"key": str|null, "value": str, "headers": [[k, v], ...]}]}]}
and prints one JSON line last: {"client": "kafka-python", "probedApiVersion": [...],
"runs": [{"topic", "codec", "ok", "failed", "errors"}]}. One producer per run, so
each codec gets its own connection (and, for "auto", its own version probe).

An explicit api_version skips ApiVersions: kafka-python then sends SaslHandshake v0,
the raw PLAIN token (with the username repeated as authzid), Metadata v1 and
Produce v7 (2.1.0) or v4 (1.0.0). "auto" probes with ApiVersions v0 and infers
the broker version from the table. A SIGALRM watchdog prints the result so far
and exits 3 if anything hangs past the deadline.
"""
import json
import signal
import sys

RESULT = {"client": "kafka-python", "probedApiVersion": None, "runs": []}


def emit_and_exit(code):
    sys.stdout.write(json.dumps(RESULT) + "\n")
    sys.stdout.flush()
    sys.exit(code)


def on_deadline(_signum, _frame):
    sys.stderr.write("kafka-python driver: deadline reached\n")
    emit_and_exit(3)


def main():
    spec = json.load(sys.stdin)
    signal.signal(signal.SIGALRM, on_deadline)
    signal.setitimer(signal.ITIMER_REAL, float(spec["deadline"]))

    from kafka import KafkaProducer
    from kafka.errors import KafkaError

    per_run_timeout = max(5.0, float(spec["deadline"]) / max(1, len(spec["runs"])))
    for run in spec["runs"]:
        counters = {"topic": run["topic"], "codec": run["codec"], "ok": 0, "failed": 0, "errors": []}
        RESULT["runs"].append(counters)
        kw = dict(
            bootstrap_servers=[spec["bootstrap"]],
            client_id=spec["clientId"],
            security_protocol="SASL_SSL",
            sasl_mechanism="PLAIN",
            sasl_plain_username=spec["user"],
            sasl_plain_password=spec["password"],
            ssl_cafile=spec["ca"],
            ssl_check_hostname=True,
            compression_type=None if run["codec"] == "none" else run["codec"],
            acks=run.get("acks", -1),
            retries=0,
            request_timeout_ms=int(per_run_timeout * 1000),
            max_block_ms=int(per_run_timeout * 1000),
        )
        if spec["apiVersion"] == "auto":
            kw["api_version_auto_timeout_ms"] = int(per_run_timeout * 1000)
        else:
            kw["api_version"] = tuple(int(x) for x in spec["apiVersion"].split("."))

        def ok(_metadata, c=counters):
            c["ok"] += 1

        def bad(exc, c=counters):
            c["failed"] += 1
            if len(c["errors"]) < 5:
                c["errors"].append(repr(exc))

        try:
            producer = KafkaProducer(**kw)
        except Exception as e:  # NoBrokersAvailable, UnsupportedCodecError, auth errors
            counters["failed"] = len(run["messages"])
            counters["errors"].append("cannot create producer: %r" % (e,))
            continue
        RESULT["probedApiVersion"] = list(producer.config["api_version"])
        for m in run["messages"]:
            key = None if m["key"] is None else m["key"].encode("utf-8")
            headers = [(k, None if v is None else v.encode("utf-8")) for k, v in m["headers"]]
            try:
                producer.send(run["topic"], value=m["value"].encode("utf-8"), key=key, headers=headers) \
                    .add_callback(ok).add_errback(bad)
            except Exception as e:  # KafkaError, or send()'s own argument asserts
                bad(e)
        try:
            producer.flush(timeout=per_run_timeout)
        except KafkaError as e:
            counters["errors"].append("flush: %r" % (e,))
        producer.close(timeout=2)

    signal.setitimer(signal.ITIMER_REAL, 0)
    emit_and_exit(0)


if __name__ == "__main__":
    main()
