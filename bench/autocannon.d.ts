// autocannon ships no types; only what the bench uses.
declare module 'autocannon' {
  interface Latency {
    p50: number;
    p90: number;
    p99: number;
    average: number;
    max: number;
  }
  interface Result {
    requests: { average: number; total: number; sent: number };
    latency: Latency;
    errors: number;
    timeouts: number;
    non2xx: number;
    duration: number;
    '2xx': number;
  }
  interface RequestOptions {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    setupRequest?: (
      request: Record<string, unknown>,
      context: Record<string, unknown>,
    ) => Record<string, unknown>;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
    requests?: RequestOptions[];
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
