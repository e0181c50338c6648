/** Queries an analyst starts from: each crosses the domains the hub joins. */
export interface Example {
  title: string;
  description: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const EXAMPLES: Example[] = [
  {
    title: 'Школа по всем четырём доменам',
    description: 'ВСОКО, самодиагностика, оценочные процедуры, ШНОР и мероприятия планов одной школы — одним запросом.',
    query: `# Школа по всем четырём доменам: ВСОКО, самодиагностика, оценочные процедуры, ШНОР — и планы
query SchoolAllDomains($code: String!) {
  school(code: $code) {
    code
    displayName
    municipality { name }
    cluster { shortName name }
    vsoko {
      year
      zone { title }
      riskyBlockCount
      riskProfile { number risk riskIndicator }
    }
    selfDiagnostics { year round levelTitle total }
    assessmentResults(filter: { procedureCodes: ["VPR"], year: 2025 }) {
      subject { name }
      grade
      participants
      share2
    }
    shnor { year category curator programmeStatus }
    planProgress {
      activity { plan { code } number title deadline { text } }
      status
      overdue
    }
  }
}
`,
    variables: { code: 'sch700001' },
  },
  {
    title: 'Школы муниципалитета: зоны ВСОКО и доля «2»',
    description: 'Школы района с кластером и зоной риска ВСОКО, рядом — доля «2» на ВПР по каждой школе из агрегатов.',
    query: `# Школы муниципалитета: кластер, зона ВСОКО и доля «2» на ВПР по школам
query MunicipalitySchools($municipality: String!, $year: Int!) {
  municipality(code: $municipality) {
    name
    schoolCount
    schools(first: 100) {
      edges {
        node {
          code
          displayName
          cluster { shortName }
          vsoko { year zone { title } riskyBlockCount }
        }
      }
    }
  }
  share2BySchool: aggregate(
    indicator: "assessment.share_2"
    groupBy: SCHOOL
    filter: { municipalityCodes: [$municipality], procedure: "VPR", year: $year }
  ) {
    rows { key label value numerator denominator }
  }
}
`,
    variables: { municipality: 'tomsky', year: 2025 },
  },
  {
    title: 'Агрегаты по кластерам',
    description: 'Три показателя разных доменов, сгруппированные по кластерам ВСОКО (К1–К5).',
    query: `# Показатели разных доменов по кластерам школ
query ByCluster {
  highRisk: aggregate(indicator: "vsoko.high_risk_share", groupBy: CLUSTER, filter: { campaignYear: 2024 }) {
    rows { key label value numerator denominator }
  }
  vprShare2: aggregate(indicator: "assessment.share_2", groupBy: CLUSTER, filter: { procedure: "VPR", year: 2025 }) {
    rows { key label value }
  }
  belowBase: aggregate(indicator: "selfdiag.below_base_share", groupBy: CLUSTER, filter: { year: 2025, round: 2 }) {
    rows { key label value }
  }
}
`,
  },
  {
    title: 'Кандидаты в ШНОР',
    description:
      'Школы, где ≥ 30 % «2» в двух процедурах за год или в одной процедуре два года подряд, с доказательствами.',
    query: `# Кандидаты в ШНОР по правилу «≥ 30 % ниже минимума» и результаты, которые это показывают
query ShnorCandidates($year: Int!) {
  shnorCandidates(year: $year) {
    school { code displayName municipality { name } }
    listed
    branches
    evidence {
      procedure { shortName }
      subject { name }
      grade
      year
      share
      count
      outOf
    }
  }
}
`,
    variables: { year: 2025 },
  },
  {
    title: 'Подписка: исполнение плана вживую',
    description: 'Доля выполненного по муниципалитетам; новое значение приходит при каждой отметке исполнения.',
    query: `# Подписка: сервер присылает агрегат сразу и затем при каждом изменении
subscription LivePlanCompletion {
  aggregateUpdated(indicator: "plan.done_share", groupBy: MUNICIPALITY, filter: { plan: "shnor-roadmap-2023" }) {
    version
    computedAt
    rows { key label value numerator denominator }
  }
}
`,
  },
];
