/**
 * Route handlers called directly, as Next.js calls them: a POST with a JSON
 * body, or raw bytes under another content type (for the 4xx paths).
 */
export interface PostInit {
  type?: string;
  raw?: string | Uint8Array<ArrayBuffer>;
}

/** A function that POSTs to `url` through `handler`. */
export function poster(handler: (request: Request) => Promise<Response>, url: string) {
  return (body: unknown, init: PostInit = {}): Promise<Response> =>
    handler(
      new Request(url, {
        method: 'POST',
        headers: { 'content-type': init.type ?? 'application/json' },
        body: init.raw ?? JSON.stringify(body),
      }),
    );
}
