// A GraphQL error as the UI API reports it: HTTP 200 with `errors: [{ message, locations,
// extensions: { classification } }]`. Constructs the emulator does not implement are classified
// `UnsupportedByEmulator` and named in the message, so a test failure says what to add.
import type { ASTNode } from 'graphql';

export type Classification = 'ValidationError' | 'InvalidSyntax' | 'UnsupportedByEmulator' | 'DataFetchingException';

export interface GraphqlErrorJson {
  message: string;
  locations: Array<{ line: number; column: number }>;
  path?: Array<string | number>;
  extensions: { classification: Classification; errorCode?: string };
}

export class GraphqlFault extends Error {
  readonly classification: Classification;
  node: ASTNode | undefined;

  constructor(message: string, classification: Classification = 'ValidationError', node?: ASTNode) {
    super(message);
    this.classification = classification;
    this.node = node;
  }

  /** Attaches the query location the fault belongs to, unless a more precise one is known. */
  at(node: ASTNode): this {
    this.node ??= node;
    return this;
  }

  toJson(): GraphqlErrorJson {
    const loc = this.node?.loc;
    return {
      message: this.message,
      locations: loc ? [{ line: loc.startToken.line, column: loc.startToken.column }] : [],
      extensions: { classification: this.classification }
    };
  }
}
