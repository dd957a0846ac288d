/** Kafka error codes the endpoint and the doctor use (apache/kafka 2.1.1 Errors.java; docs/kafka-2.1.1.md#error-codes). */
export const ErrorCode = {
  NONE: 0,
  UNKNOWN_SERVER_ERROR: -1,
  CORRUPT_MESSAGE: 2,
  UNKNOWN_TOPIC_OR_PARTITION: 3,
  INVALID_FETCH_SIZE: 4,
  MESSAGE_TOO_LARGE: 10,
  NETWORK_EXCEPTION: 13,
  INVALID_TOPIC_EXCEPTION: 17,
  RECORD_LIST_TOO_LARGE: 18,
  INVALID_REQUIRED_ACKS: 21,
  TOPIC_AUTHORIZATION_FAILED: 29,
  UNSUPPORTED_SASL_MECHANISM: 33,
  ILLEGAL_SASL_STATE: 34,
  UNSUPPORTED_VERSION: 35,
  INVALID_REQUEST: 42,
  UNSUPPORTED_FOR_MESSAGE_FORMAT: 43,
  KAFKA_STORAGE_ERROR: 56,
  SASL_AUTHENTICATION_FAILED: 58,
  UNSUPPORTED_COMPRESSION_TYPE: 76,
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The exception class name a Java client would show, for reports and hints. */
export const ERROR_NAMES: Readonly<Record<number, string>> = {
  [-1]: 'UnknownServerException',
  0: 'None',
  2: 'CorruptRecordException',
  3: 'UnknownTopicOrPartitionException',
  10: 'RecordTooLargeException',
  13: 'NetworkException',
  17: 'InvalidTopicException',
  18: 'RecordBatchTooLargeException',
  21: 'InvalidRequiredAcksException',
  29: 'TopicAuthorizationException',
  33: 'UnsupportedSaslMechanismException',
  34: 'IllegalSaslStateException',
  35: 'UnsupportedVersionException',
  42: 'InvalidRequestException',
  43: 'UnsupportedForMessageFormatException',
  56: 'KafkaStorageException',
  58: 'SaslAuthenticationException',
  76: 'UnsupportedCompressionTypeException',
};
