/**
 * The Kafka errors SLS returns on its Kafka endpoint, with what they mean in
 * SLS terms and what to do: the table of the vendor document (docs/sls.md#errors), in the user's words.
 */

export type SlsErrorName =
  | 'NetworkException'
  | 'TopicAuthorizationException'
  | 'UnknownTopicOrPartitionException'
  | 'KafkaStorageException';

export interface SlsError {
  name: SlsErrorName;
  /** Kafka protocol error code. */
  code: number;
  meaning: string;
  hint: string;
  retriable: boolean;
}

export const SLS_ERRORS: Readonly<Record<SlsErrorName, SlsError>> = {
  NetworkException: {
    name: 'NetworkException',
    code: 13,
    meaning: 'A network error occurred between the client and SLS.',
    hint: 'Wait 1 second and try again.',
    retriable: true,
  },
  TopicAuthorizationException: {
    name: 'TopicAuthorizationException',
    code: 29,
    meaning:
      'Authentication failed: the AccessKey is invalid, or it has no permission to write to this project or Logstore.',
    hint: 'Use a valid AccessKey (preferably a RAM user’s) and grant it write permission (log:PostLogStoreLogs) on the project and Logstore.',
    retriable: false,
  },
  UnknownTopicOrPartitionException: {
    name: 'UnknownTopicOrPartitionException',
    code: 3,
    meaning:
      'The project or Logstore does not exist, or the project is in a different region than the endpoint you used.',
    hint: 'Create the project and the Logstore first, and make sure the endpoint’s region is the project’s region.',
    retriable: false,
  },
  KafkaStorageException: {
    name: 'KafkaStorageException',
    code: 56,
    meaning: 'A server-side error occurred in SLS.',
    hint: 'Wait 1 second and try again.',
    retriable: true,
  },
};

export function slsErrorByCode(code: number): SlsError | undefined {
  return Object.values(SLS_ERRORS).find((e) => e.code === code);
}
