// Benchmark of the relationship map's org-chart layout (the LWC service module, run under Node):
// a 500-contact account laid out many times, the median reported.
import path from 'node:path';
import { REPOSITORY } from './child';

interface LayoutNode {
  id: string;
  parentId: string | null;
}
type LayoutFunction = (nodes: LayoutNode[]) => { nodes: unknown[] };

export interface LayoutFigure {
  contacts: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
}

/**
 * A deterministic org of `count` contacts: a CEO, then each contact reports to one of the earlier
 * ones (managers near the top are likelier), 2 % report to nobody visible and 1 % to a cycle.
 */
export function contacts(count: number): LayoutNode[] {
  let state = 2024;
  const next = (): number => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  const nodes: LayoutNode[] = [{ id: 'c0', parentId: null }];
  for (let i = 1; i < count; i++) {
    const draw = next();
    const parent = draw < 0.02 ? null : `c${Math.floor(next() ** 2 * i)}`;
    nodes.push({ id: `c${i}`, parentId: parent });
  }
  // A reporting cycle (data the layout must cut): the last contact's manager reports to it.
  const last = nodes[count - 1]!;
  const manager = nodes.find((n) => n.id === last.parentId);
  if (manager && manager.id !== 'c0') manager.parentId = last.id;
  return nodes;
}

export async function benchmarkLayout(count = 500, runs = 400): Promise<LayoutFigure> {
  const file = path.join(REPOSITORY, 'force-app', 'main', 'default', 'lwc', 'orgChartLayout', 'orgChartLayout.js');
  const module = (await import(file)) as { layoutOrgChart: LayoutFunction };
  const nodes = contacts(count);
  for (let i = 0; i < 50; i++) module.layoutOrgChart(nodes);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = module.layoutOrgChart(nodes);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.nodes.length !== count) throw new Error('layout benchmark: a contact went missing');
  }
  times.sort((a, b) => a - b);
  return { contacts: count, runs, medianMs: times[Math.floor(runs / 2)]!, p95Ms: times[Math.floor(runs * 0.95)]! };
}
