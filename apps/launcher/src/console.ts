// The launcher is the one program a person watches in a terminal: plain lines, not JSON logs.

export function say(message: string): void {
  process.stdout.write(`launcher: ${message}\n`);
}

export function complain(message: string): void {
  process.stderr.write(`launcher: ${message}\n`);
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
