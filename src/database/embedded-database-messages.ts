/** From the service to the embedded database's thread. */
export type EmbeddedWorkerRequest = { readonly type: 'stop' };

/** From the embedded database's thread: started (with its port), stopped, or why not. */
export type EmbeddedWorkerReply =
  | { readonly type: 'ready'; readonly port: number }
  | { readonly type: 'stopped' }
  | { readonly type: 'port-taken'; readonly port: number }
  | { readonly type: 'failed'; readonly message: string };
