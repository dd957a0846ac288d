/**
 * What the doctor says when a step fails: the name a Kafka client would show
 * (SLS's four error names from the vendor table, Java's names for the rest) and
 * the action to take.
 */
import { ERROR_NAMES } from '../protocol/errors';
import { SLS_ERRORS, slsErrorByCode } from '../../sls/errors';

export interface Diagnosis {
  /** Kafka error code, or the system error code (ECONNREFUSED, a TLS verify code). */
  code: number | string;
  name: string;
  hint: string;
}

const KAFKA_HINTS: Readonly<Record<number, string>> = {
  2: 'The endpoint found a corrupt record batch (bad CRC or length). Upgrade the agent or its Kafka library; if it persists, report it.',
  10: 'A record is larger than the endpoint accepts: lower the agent’s max message size or split large events.',
  33: 'SLS accepts only SASL PLAIN: set the agent’s SASL mechanism to PLAIN.',
  35: 'The agent asked for a Kafka protocol version the endpoint does not speak: pin the protocol version to 2.1.0.',
  58: 'The SASL login was rejected: the username must be the project and the password AccessKeyId#AccessKeySecret (with the #).',
  76: 'This codec is not allowed here (zstd needs Kafka protocol 2.1 and record batches v2): pin version 2.1.0 or choose gzip.',
};

export function kafkaDiagnosis(code: number): Diagnosis {
  const sls = slsErrorByCode(code);
  if (sls) return { code, name: sls.name, hint: sls.hint };
  return {
    code,
    name: ERROR_NAMES[code] ?? `KafkaError${code}`,
    hint: KAFKA_HINTS[code] ?? 'The endpoint answered with an error; see the Kafka error code.',
  };
}

/** Node's TLS verification codes a user can act on. */
const TLS_HINTS: Readonly<Record<string, string>> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'The server certificate is not signed by a CA the agent trusts: point the agent at the right CA file (the sandbox CA for the sandbox, the system bundle for SLS).',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'The server certificate is not signed by a CA the agent trusts: point the agent at the right CA file (the sandbox CA for the sandbox, the system bundle for SLS).',
  SELF_SIGNED_CERT_IN_CHAIN: 'The certificate chain ends in a CA the agent does not trust: add that CA (for the sandbox, download it from /api/sandbox/ca).',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'The server uses a self-signed certificate the agent does not trust.',
  CERT_HAS_EXPIRED: 'The server certificate has expired: check the machine clock, or renew the sandbox certificates by deleting them from DATA_DIR.',
  ERR_TLS_CERT_ALTNAME_INVALID: 'The certificate does not name the host the agent dials: use the endpoint host name exactly as the wizard shows it.',
};

/** SLS-style name (after SLS's WriteQuotaExceed, ProjectQuotaExceed) for an endpoint whose connection slots are all taken. */
export const CONNECTION_LIMIT_NAME = 'ConnectionQuotaExceed';

/**
 * The endpoint reset the connection right after the TCP accept, before sending
 * any TLS byte: how the sandbox (and a Kafka broker at max.connections) refuses
 * a connection when its slots are full. A CA problem looks different: the
 * server's certificate arrives and the client's verification fails with a
 * verify code (UNABLE_TO_VERIFY_LEAF_SIGNATURE…).
 */
export function connectionLimitDiagnosis(target: string): Diagnosis {
  return {
    code: 'ECONNRESET',
    name: CONNECTION_LIMIT_NAME,
    hint: `${target} accepted the TCP connection and reset it before TLS began: its connection limit is reached (too many connections in total or from this address). Close idle producers, lower the agent’s connection count, or retry later; for the sandbox, raise SANDBOX_MAX_CONNECTIONS / SANDBOX_MAX_CONNECTIONS_PER_IP. If it persists with few clients, check that this is the TLS Kafka port.`,
  };
}

export function networkDiagnosis(step: string, err: NodeJS.ErrnoException, target: string): Diagnosis {
  const code = err.code ?? 'UNKNOWN';
  if (step === 'dns') {
    return { code, name: 'UnknownHostException', hint: `The host name ${target} does not resolve: check the region and network type (intranet names resolve only inside Alibaba Cloud).` };
  }
  if (step === 'tls') {
    return {
      code,
      name: 'SslAuthenticationException',
      hint: TLS_HINTS[code] ?? `The TLS handshake with ${target} failed: the endpoint speaks TLS only (SASL_SSL); check the CA file and that the port is the Kafka port.`,
    };
  }
  if (code === 'ECONNREFUSED') {
    return { code, name: SLS_ERRORS.NetworkException.name, hint: `Nothing listens at ${target}: check the port (10012 from the Internet, 10011 from inside Alibaba Cloud) and that the sandbox is running.` };
  }
  return { code, name: SLS_ERRORS.NetworkException.name, hint: `${SLS_ERRORS.NetworkException.hint} (${err.message})` };
}

export function timeoutDiagnosis(step: string, ms: number): Diagnosis {
  return {
    code: 'ETIMEDOUT',
    name: 'TimeoutException',
    hint: `No answer within ${ms} ms at the ${step} step: the port may belong to another service, or a firewall drops the traffic.`,
  };
}
