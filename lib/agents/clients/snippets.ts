/**
 * The producer snippets, one per language, each complete enough to run as
 * is: read lines on stdin, send each as one keyless record (records spread
 * over the shards), TLS verified, SASL PLAIN with the project as username,
 * the password ALWAYS from the environment variable (never in the source),
 * idempotence off, topic = Logstore (or `<logstore>.json`). Strings are
 * written as JSON string literals, which Python, Go, JavaScript and Java all
 * read the same way for the values the settings allow.
 * Shapes follow the versions run against the sandbox (docs/agents/clients.md):
 * confluent-kafka-python 1.7 / librdkafka 2.0, kafkajs 2.2.4, sarama 1.22.1;
 * Java kafka-clients is documented only (no JVM here).
 */
import { renderProperties, type PropertyLine } from '../../config-languages/properties';
import type { RenderContext } from '../context';
import type { ClientsOptions } from './schema';

const lit = (s: string): string => JSON.stringify(s);

export const SNIPPET_FILES = {
  python: 'producer.py',
  node: 'producer.js',
  go: 'main.go',
  java: 'SlsProducer.java',
} as const;
export const JAVA_PROPERTIES_FILE = 'producer.properties';

/** Where the sandbox CA sits: next to the snippet, in the folder it runs from. */
const caFile = (ctx: RenderContext) => ctx.sandbox?.caFileName;

const topicComment = (ctx: RenderContext) =>
  ctx.expandJson ? `Topic ${ctx.topic}: SLS expands each JSON line into fields.` : `Topic = Logstore ${ctx.logstore}: each line lands in the field content.`;

export function pythonSnippet(ctx: RenderContext, o: ClientsOptions): string {
  const env = ctx.passwordEnvVar;
  const ca = caFile(ctx);
  return `#!/usr/bin/env python3
"""Send lines from stdin to SLS over its Kafka endpoint (confluent-kafka-python).

Run: ${env}=AccessKeyId#AccessKeySecret in the environment, then
    python3 producer.py < lines.jsonl
"""
import json
import os
import sys

from confluent_kafka import Producer

# ${topicComment(ctx)}
TOPIC = ${lit(ctx.topic)}

if not os.environ.get(${lit(env)}):
    sys.exit("${env} is not set (AccessKeyId#AccessKeySecret)")

conf = {
    "bootstrap.servers": ${lit(ctx.endpoint.bootstrap)},
    # TLS on and verified, SASL PLAIN: username = project.
    "security.protocol": "SASL_SSL",
    "sasl.mechanisms": "PLAIN",
    "sasl.username": ${lit(ctx.username)},
    # The secret comes from the environment, never from this file.
    "sasl.password": os.environ[${lit(env)}],
${ca ? `    # Trust the sandbox CA in this folder.\n    "ssl.ca.location": ${lit(ca)},\n` : ''}    "compression.type": ${lit(o.compression)},
    "acks": ${lit(o.acks === -1 ? 'all' : String(o.acks))},
    # SLS supports no idempotent producer.
    "enable.idempotence": False,
    # No key; every record to a random shard (librdkafka's sticky partitioner would keep a burst on one).
    "sticky.partitioning.linger.ms": 0,
    "client.id": "sls-python",
}
failed = []


def on_delivery(err, _msg):
    if err is not None:
        failed.append(str(err))


producer = Producer(conf)
sent = 0
for line in sys.stdin:
    line = line.rstrip("\\n")
    if not line:
        continue
    while True:
        try:
            producer.produce(TOPIC, value=line.encode("utf-8"), on_delivery=on_delivery)
            break
        except BufferError:
            producer.poll(0.1)
    producer.poll(0)
    sent += 1
left = producer.flush(30)
print(json.dumps({"sent": sent, "failed": len(failed) + left, "errors": failed[:5]}))
sys.exit(1 if failed or left else 0)
`;
}

const KAFKAJS_ACKS: Readonly<Record<ClientsOptions['acks'], string>> = { [-1]: '-1', 1: '1', 0: '0' };

export function nodeSnippet(ctx: RenderContext, o: ClientsOptions): string {
  const env = ctx.passwordEnvVar;
  const ca = caFile(ctx);
  return `// Send lines from stdin to SLS over its Kafka endpoint (kafkajs 2.x).
// Run: ${env}=AccessKeyId#AccessKeySecret in the environment, then
//   node producer.js < lines.jsonl
'use strict';
${ca ? "const fs = require('node:fs');\n" : ''}const readline = require('node:readline');
const { Kafka, Partitioners, CompressionTypes, logLevel } = require('kafkajs');

// ${topicComment(ctx)}
const TOPIC = ${lit(ctx.topic)};
// The secret comes from the environment, never from this file.
const password = process.env[${lit(env)}];
if (!password) {
  console.error('${env} is not set (AccessKeyId#AccessKeySecret)');
  process.exit(2);
}

const kafka = new Kafka({
  clientId: 'sls-node',
  brokers: [${lit(ctx.endpoint.bootstrap)}],
  // TLS on and verified${ca ? ' against the sandbox CA in this folder' : " with Node's bundled roots"}.
  ssl: ${ca ? `{ ca: [fs.readFileSync(${lit(ca)}, 'utf8')] }` : 'true'},
  // SASL PLAIN: username = project.
  sasl: { mechanism: 'plain', username: ${lit(ctx.username)}, password },
  logLevel: logLevel.WARN,
});

async function main() {
  // No key: the v2 default partitioner sends keyless records round-robin over the shards.
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: false });
  await producer.connect();
  let sent = 0;
  let batch = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await producer.send({ topic: TOPIC, acks: ${KAFKAJS_ACKS[o.acks]}, compression: CompressionTypes.${o.compression === 'gzip' ? 'GZIP' : 'None'}, messages: batch });
    sent += batch.length;
    batch = [];
  };
  for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line) continue;
    batch.push({ value: line });
    if (batch.length === 100) await flush();
  }
  await flush();
  await producer.disconnect();
  console.log(JSON.stringify({ sent }));
}

main().catch((err) => {
  console.error(\`kafkajs producer failed: \${err.message}\`);
  process.exit(1);
});
`;
}

const SARAMA_ACKS: Readonly<Record<ClientsOptions['acks'], string>> = { [-1]: 'WaitForAll', 1: 'WaitForLocal', 0: 'NoResponse' };

export function goSnippet(ctx: RenderContext, o: ClientsOptions): string {
  const env = ctx.passwordEnvVar;
  const ca = caFile(ctx);
  const imports = ['"bufio"', '"crypto/tls"', ...(ca ? ['"crypto/x509"'] : []), '"fmt"', ...(ca ? ['"io/ioutil"'] : []), '"log"', '"os"'];
  const tlsConfig = ca
    ? `	// Verify the endpoint against the sandbox CA in this folder.
	pem, err := ioutil.ReadFile(${lit(ca)})
	if err != nil {
		log.Fatalf("reading the CA file: %v", err)
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(pem) {
		log.Fatal("the CA file holds no PEM certificate")
	}
	cfg.Net.TLS.Config = &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}`
    : `	// Verify the endpoint against the system roots.
	cfg.Net.TLS.Config = &tls.Config{MinVersion: tls.VersionTLS12}`;
  return `// Send lines from stdin to SLS over its Kafka endpoint (Go, sarama).
// Run: ${env}=AccessKeyId#AccessKeySecret in the environment, then
//   go build -o sls-producer . && ./sls-producer < lines.jsonl
package main

import (
${imports.map((i) => `\t${i}`).join('\n')}

	"github.com/Shopify/sarama" // github.com/IBM/sarama from 1.40.0
)

// ${topicComment(ctx)}
const topic = ${lit(ctx.topic)}

func main() {
	cfg := sarama.NewConfig()
	cfg.ClientID = "sls-go"
	// Pin the protocol: SLS speaks Kafka 2.1 (sarama's default is 0.8.2 up to 1.27, and headers or zstd then fail).
	cfg.Version = sarama.V2_1_0_0
	cfg.Net.TLS.Enable = true
${tlsConfig}
	// SASL PLAIN: username = project.
	cfg.Net.SASL.Enable = true
	cfg.Net.SASL.Mechanism = sarama.SASLTypePlaintext
	cfg.Net.SASL.User = ${lit(ctx.username)}
	// The secret comes from the environment, never from this file.
	cfg.Net.SASL.Password = os.Getenv(${lit(env)})
	if cfg.Net.SASL.Password == "" {
		log.Fatal("${env} is not set (AccessKeyId#AccessKeySecret)")
	}
	cfg.Producer.RequiredAcks = sarama.${SARAMA_ACKS[o.acks]}
	cfg.Producer.Idempotent = false
	cfg.Producer.Compression = sarama.${o.compression === 'gzip' ? 'CompressionGZIP' : 'CompressionNone'}
	cfg.Producer.Return.Successes = true // required by the SyncProducer

	producer, err := sarama.NewSyncProducer([]string{${lit(ctx.endpoint.bootstrap)}}, cfg)
	if err != nil {
		log.Fatalf("connecting: %v", err)
	}
	defer producer.Close()

	var batch []*sarama.ProducerMessage
	sent := 0
	flush := func() {
		if len(batch) == 0 {
			return
		}
		if err := producer.SendMessages(batch); err != nil {
			log.Fatalf("sending: %v", err)
		}
		sent += len(batch)
		batch = batch[:0]
	}
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1<<20), 1<<20)
	for scanner.Scan() {
		if len(scanner.Bytes()) == 0 {
			continue
		}
		// No Key: the default hash partitioner picks a random shard for each keyless record.
		batch = append(batch, &sarama.ProducerMessage{Topic: topic, Value: sarama.StringEncoder(scanner.Text())})
		if len(batch) == 100 {
			flush()
		}
	}
	if err := scanner.Err(); err != nil {
		log.Fatalf("reading stdin: %v", err)
	}
	flush()
	fmt.Printf("{\\"sent\\": %d}\\n", sent)
}
`;
}

export function javaProperties(ctx: RenderContext, o: ClientsOptions): string {
  const ca = caFile(ctx);
  const lines: PropertyLine[] = [
    { comment: 'kafka-clients producer settings for SLS, loaded by SlsProducer.java.' },
    { comment: `sasl.jaas.config is built in SlsProducer.java from $${ctx.passwordEnvVar}: no secret in this file.` },
    { key: 'bootstrap.servers', value: ctx.endpoint.bootstrap },
    { key: 'security.protocol', value: 'SASL_SSL' },
    { key: 'sasl.mechanism', value: 'PLAIN' },
    ...(ca
      ? [
          { comment: 'Trust the sandbox CA in this folder (PEM truststores: kafka-clients 2.7 or newer).' },
          { key: 'ssl.truststore.type', value: 'PEM' },
          { key: 'ssl.truststore.location', value: ca },
        ]
      : [{ comment: 'The JVM default truststore verifies SLS.' }]),
    { key: 'compression.type', value: o.compression },
    { key: 'acks', value: o.acks === -1 ? 'all' : String(o.acks) },
    { comment: 'Default on since kafka-clients 3.0; SLS supports no idempotent producer.' },
    { key: 'enable.idempotence', value: 'false' },
    { key: 'client.id', value: 'sls-java' },
  ];
  return renderProperties(lines, 'java');
}

export function javaSnippet(ctx: RenderContext): string {
  const env = ctx.passwordEnvVar;
  return `// Send lines from stdin to SLS over its Kafka endpoint (Apache kafka-clients 2.7 or newer).
// Run: ${env}=AccessKeyId#AccessKeySecret in the environment, producer.properties in this folder, then
//   java -cp 'lib/*:.' SlsProducer < lines.jsonl
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

public class SlsProducer {
    // ${topicComment(ctx)}
    static final String TOPIC = ${lit(ctx.topic)};
    static final String PROJECT = ${lit(ctx.username)};

    /** A JAAS option value inside double quotes: backslash and quote escaped. */
    static String jaasQuoted(String s) {
        return "\\"" + s.replace("\\\\", "\\\\\\\\").replace("\\"", "\\\\\\"") + "\\"";
    }

    public static void main(String[] args) throws Exception {
        // The secret comes from the environment, never from a file.
        String password = System.getenv(${lit(env)});
        if (password == null || password.isEmpty()) {
            System.err.println("${env} is not set (AccessKeyId#AccessKeySecret)");
            System.exit(2);
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(Paths.get("producer.properties"))) {
            props.load(in);
        }
        // SASL PLAIN: username = project.
        props.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username="
                + jaasQuoted(PROJECT) + " password=" + jaasQuoted(password) + ";");
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());

        AtomicLong failed = new AtomicLong();
        long sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props);
             BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = stdin.readLine()) != null) {
                if (line.isEmpty()) continue;
                // No key: records spread over the shards.
                producer.send(new ProducerRecord<>(TOPIC, line), (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                        System.err.println("send failed: " + error);
                    }
                });
                sent++;
            }
            producer.flush();
        }
        System.out.println("{\\"sent\\": " + sent + ", \\"failed\\": " + failed.get() + "}");
        System.exit(failed.get() == 0 ? 0 : 1);
    }
}
`;
}
