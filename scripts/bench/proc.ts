// Figures about a child process the benchmark runs: peak resident memory and CPU time, read from
// /proc on Linux (null elsewhere), and percentiles of latency samples.
import * as fs from 'fs';

/** Peak resident set size (VmHWM) in MB, or null where /proc is not available. */
export function peakRssMb(pid: number): number | null {
  return procStatusKb(pid, 'VmHWM');
}

export function rssMb(pid: number): number | null {
  return procStatusKb(pid, 'VmRSS');
}

function procStatusKb(pid: number, field: string): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** User + system CPU time of a process in ms (clock ticks of 10 ms), or null. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state is field 3, utime 14 and stime 15 (1-based over the whole line).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export const now = () => Number(process.hrtime.bigint()) / 1e6;
