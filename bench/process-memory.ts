import { readFileSync, writeFileSync } from 'node:fs';

/** Resident set size figures of a process, in MB, read from /proc (Linux). */
export function memoryOf(pid: number | 'self'): { rssMb: number; peakMb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/** Resets the kernel's peak-RSS mark (VmHWM) of a process; false where the kernel refuses. */
export function resetPeak(pid: number | 'self'): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Samples a process' RSS every `everyMs` until stopped; the highest sample, in MB. */
export function sampleRss(pid: number | 'self', everyMs = 20): { stop(): number } {
  let peak = memoryOf(pid)?.rssMb ?? 0;
  const timer = setInterval(() => {
    const now = memoryOf(pid)?.rssMb;
    if (now !== undefined && now > peak) peak = now;
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      const now = memoryOf(pid)?.rssMb;
      return Math.max(peak, now ?? 0);
    },
  };
}

/**
 * CPU seconds a process has used so far (user + system), from /proc/<pid>/stat. Its fields 14 and 15
 * count clock ticks of USER_HZ, which Linux fixes at 100 for user space.
 */
export function cpuSecondsOf(pid: number | 'self'): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
