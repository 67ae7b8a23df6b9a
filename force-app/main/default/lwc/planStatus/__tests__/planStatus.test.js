import {
  attainmentPercent,
  initiativeTone,
  isInitiativeOverdue,
  objectiveTone,
  progressPercent
} from '../planStatus';

describe('planStatus', () => {
  it('measures progress against the target, including overachievement', () => {
    expect(progressPercent(21, 30)).toBeCloseTo(70, 10);
    expect(progressPercent(45, 30)).toBeCloseTo(150, 10);
    expect(progressPercent(0, 0)).toBeNull();
    expect(progressPercent(null, 30)).toBeNull();
    expect(progressPercent(5, undefined)).toBeNull();
    // A target below zero (reduce a cost) still divides.
    expect(progressPercent(-5, -10)).toBeCloseTo(50, 10);
  });

  it('puts attainment as TTM revenue over the plan target, only against a positive target', () => {
    // 1.2 M earned in the last twelve months against a 1.6 M target: 1.2 / 1.6 = 75 %.
    expect(attainmentPercent(1200000, 1600000)).toBeCloseTo(75, 10);
    // 2.0 M against 1.6 M: 125 %, overachievement is shown as such.
    expect(attainmentPercent(2000000, 1600000)).toBeCloseTo(125, 10);
    expect(attainmentPercent(1200000, 0)).toBeNull();
    expect(attainmentPercent(1200000, -5)).toBeNull();
    expect(attainmentPercent(null, 1600000)).toBeNull();
  });

  it('colours an objective by its status, not by its progress', () => {
    expect(objectiveTone('Achieved')).toBe('success');
    expect(objectiveTone('On track')).toBe('success');
    expect(objectiveTone('At risk')).toBe('warning');
    expect(objectiveTone('Off track')).toBe('error');
    expect(objectiveTone('Not started')).toBe('neutral');
    expect(objectiveTone(undefined)).toBe('neutral');
  });

  it('marks an open initiative past its target date as overdue, in red', () => {
    const today = '2026-03-31';
    const late = { status: 'Active', targetDate: '2026-03-30' };
    const dueToday = { status: 'Active', targetDate: '2026-03-31' };
    const lateProposal = { status: 'Proposed', targetDate: '2025-12-31' };
    const doneLate = { status: 'Completed', targetDate: '2025-12-31' };
    const undated = { status: 'Active' };
    expect(isInitiativeOverdue(late, today)).toBe(true);
    expect(isInitiativeOverdue(dueToday, today)).toBe(false);
    expect(isInitiativeOverdue(lateProposal, today)).toBe(true);
    expect(isInitiativeOverdue(doneLate, today)).toBe(false);
    expect(isInitiativeOverdue(undated, today)).toBe(false);
    expect(initiativeTone(late, today)).toBe('error');
    expect(initiativeTone(lateProposal, today)).toBe('error');
    expect(initiativeTone(dueToday, today)).toBe('success');
    expect(initiativeTone(doneLate, today)).toBe('inverse');
    expect(initiativeTone({ status: 'Cancelled' }, today)).toBe('neutral');
  });
});
