import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTERS } from '../../seed/reference/clusters';
import { describeClusterRule } from './cluster-rule';

describe('describeClusterRule', () => {
  it('says each default rule in Russian', () => {
    expect(DEFAULT_CLUSTERS.map((c) => [c.code, describeClusterRule(c)])).toEqual([
      ['K5', 'Нет круглогодичного транспортного сообщения'],
      ['K1', 'Городские; не менее 700 обучающихся'],
      ['K2', 'Городские; менее 700 обучающихся'],
      ['K3', 'Сельские; не далее 100 км от Томска; есть круглогодичное транспортное сообщение'],
      ['K4', 'Сельские; далее 100 км от Томска; есть круглогодичное транспортное сообщение'],
    ]);
  });

  it('describes an empty rule as the catch-all', () => {
    const empty = { ...DEFAULT_CLUSTERS[0]!, yearRoundRoad: null };
    expect(describeClusterRule(empty)).toBe('Все остальные школы');
  });
});
