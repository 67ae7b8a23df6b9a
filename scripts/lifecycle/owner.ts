// Who started a process: every process the project spawns carries TANDEM_OWNER, a space-separated
// list of owner ids (a test run, a test), inherited by everything it starts in turn. Reading it
// back from /proc finds whatever a run left behind, and nothing of another run on the same machine.
import crypto from 'node:crypto';
import fs from 'node:fs';

export const OWNER_VARIABLE = 'TANDEM_OWNER';

export interface OwnedProcess {
  pid: number;
  command: string;
}

export function newOwnerId(purpose: string): string {
  return `${purpose}-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
}

/** `env` with `id` added to its owners, keeping the owners this process inherited. */
export function withOwner(env: NodeJS.ProcessEnv, id?: string): NodeJS.ProcessEnv {
  const owners = new Set([...(process.env[OWNER_VARIABLE] ?? '').split(' '), ...(env[OWNER_VARIABLE] ?? '').split(' '), id ?? '']);
  owners.delete('');
  return owners.size > 0 ? { ...env, [OWNER_VARIABLE]: [...owners].join(' ') } : env;
}

/** Processes can be found by owner only where /proc shows their environment (Linux). */
export function canFindOwnedProcesses(): boolean {
  return process.platform === 'linux' && fs.existsSync('/proc/self/environ');
}

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null; // gone meanwhile, or another user's
  }
}

function processGroup(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so count from its end.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[2]);
}

/**
 * Live processes (other than this one) owned by `id`: those whose environment carries the marker,
 * and the rest of their process groups. Programs that rewrite their environment (Chromium's
 * helper processes set their titles over it) stay in the group of the process that started them.
 * A zombie's environment reads empty: it is gone, not left behind.
 */
export function processesOwnedBy(id: string): OwnedProcess[] {
  const ownGroup = processGroup(process.pid);
  const marked = new Set<number>();
  const groups = new Map<number, number | null>();
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    groups.set(pid, processGroup(pid));
    const environ = read(`/proc/${pid}/environ`);
    const marker = environ?.split('\0').find((variable) => variable.startsWith(`${OWNER_VARIABLE}=`));
    if (marker?.slice(OWNER_VARIABLE.length + 1).split(' ').includes(id)) marked.add(pid);
  }
  const ownedGroups = new Set([...marked].map((pid) => groups.get(pid)).filter((group) => group !== null && group !== ownGroup));
  const found: OwnedProcess[] = [];
  for (const [pid, group] of groups) {
    if (!marked.has(pid) && !ownedGroups.has(group)) continue;
    const command = (read(`/proc/${pid}/cmdline`) ?? '').split('\0').join(' ').trim();
    if (command === '') continue; // a zombie, or ended meanwhile
    found.push({ pid, command });
  }
  return found;
}

/** Waits up to `timeoutMs` for every process owned by `id` to end; returns those still there. */
export async function survivorsAfter(id: string, timeoutMs: number): Promise<OwnedProcess[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const survivors = processesOwnedBy(id);
    if (survivors.length === 0 || Date.now() >= deadline) return survivors;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
