/** A parameter: text, a number, NULL, or bytes (shared memory crosses to the thread without a copy). */
export type ThreadedParameter = string | number | null | Uint8Array;

/** What the thread starts with: the database it connects to. */
export interface ThreadedStatementsData {
  readonly url: string;
}

export interface ThreadedStatementRequest {
  readonly id: number;
  readonly sql: string;
  readonly parameters: readonly ThreadedParameter[];
}

/** The error's fields that describeDriverError and the problem mapping read; never its detail. */
export interface ThreadedStatementFailure {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly constraint?: string;
}

export type ThreadedStatementReply =
  | { readonly id: number; readonly rowCount: number }
  | { readonly id: number; readonly failure: ThreadedStatementFailure };
