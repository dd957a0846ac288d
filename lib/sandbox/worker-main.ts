/**
 * Entry of the endpoint worker thread (started by worker-client.ts through tsx):
 * runs the broker and the record store (worker-endpoint.ts) on this thread's own
 * event loop, and answers the HTTP side's control messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { startEndpoint, type EndpointInit } from './worker-endpoint';
import type { WorkerEvent, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('worker-main.ts runs as a worker thread (lib/sandbox/worker-client.ts starts it)');
const post = (event: WorkerEvent) => port.postMessage(event);

startEndpoint(workerData as EndpointInit).then(
  (endpoint) => {
    port.on('message', (req: WorkerRequest) => {
      void (async () => {
        try {
          switch (req.op) {
            case 'pushErrors':
              endpoint.broker.control.pushErrors(req.apiKey, req.codes);
              break;
            case 'swallowNext':
              endpoint.broker.control.swallowNext(req.n);
              break;
            case 'reset':
              endpoint.broker.control.reset();
              endpoint.store.failNext(0);
              break;
            case 'failStoreNext':
              endpoint.store.failNext(req.n, req.message);
              break;
            case 'stats':
              post({ type: 'reply', id: req.id, ok: true, stats: endpoint.store.stats(req.project) });
              return;
            case 'close':
              await endpoint.close();
              post({ type: 'reply', id: req.id, ok: true });
              port.close();
              return;
          }
          post({ type: 'reply', id: req.id, ok: true });
        } catch (err) {
          post({ type: 'reply', id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) });
        }
      })();
    });
    post({ type: 'ready', port: endpoint.broker.port });
  },
  (err: unknown) => {
    const code = typeof err === 'object' && err && 'code' in err ? String((err as { code: unknown }).code) : undefined;
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err), code });
    port.close();
  },
);
