import { Locality } from '../shared/locality';

export interface ClusterRule {
  locality: Locality | null;
  yearRoundRoad: boolean | null;
  studentsAtLeast: number | null;
  studentsBelow: number | null;
  distanceOverKm: number | null;
  distanceAtMostKm: number | null;
}

const km = (value: number) => value.toLocaleString('ru-RU');

/** The rule in words, for people: «Городские; не менее 700 обучающихся». */
export function describeClusterRule(rule: ClusterRule): string {
  const parts: string[] = [];
  if (rule.locality === Locality.URBAN) parts.push('городские');
  if (rule.locality === Locality.RURAL) parts.push('сельские');
  if (rule.studentsAtLeast !== null) parts.push(`не менее ${rule.studentsAtLeast} обучающихся`);
  if (rule.studentsBelow !== null) parts.push(`менее ${rule.studentsBelow} обучающихся`);
  if (rule.distanceAtMostKm !== null) parts.push(`не далее ${km(rule.distanceAtMostKm)} км от Томска`);
  if (rule.distanceOverKm !== null) parts.push(`далее ${km(rule.distanceOverKm)} км от Томска`);
  if (rule.yearRoundRoad === true) parts.push('есть круглогодичное транспортное сообщение');
  if (rule.yearRoundRoad === false) parts.push('нет круглогодичного транспортного сообщения');
  if (parts.length === 0) return 'Все остальные школы';
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
