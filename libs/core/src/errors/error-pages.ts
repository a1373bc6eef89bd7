import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * An app with HTML pages provides this, so an error on a page address (an unknown page, a refusal)
 * is answered with a page in the visitor's language instead of the API's JSON problem. Core knows
 * only this shape; the API app's pages implement it.
 */
export abstract class ErrorPages {
  /** Whether the request is for a page (not the JSON API, the health probes or an asset). */
  abstract handles(req: FastifyRequest): boolean;
  abstract render(req: FastifyRequest, reply: FastifyReply, status: number): Promise<void>;
}
