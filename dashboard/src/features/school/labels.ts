import type {
  Locality,
  SchoolFounder,
  SelfDiagnosticLevel,
  ShnorCategory,
  ShnorProgrammeStatus,
  VsokoZoneCode,
} from '../../generated/graphql';

export const LOCALITY_TITLES: Record<Locality, string> = { URBAN: 'городская', RURAL: 'сельская' };

export const FOUNDER_TITLES: Record<SchoolFounder, string> = {
  MUNICIPAL: 'муниципальная',
  REGIONAL: 'региональная',
  FEDERAL: 'федеральная',
  PRIVATE: 'частная',
};

export const ZONE_TITLES: Record<VsokoZoneCode, string> = {
  LOW: 'Низкий риск',
  MODERATE: 'Умеренный риск',
  HIGH: 'Высокий риск',
};

export const LEVEL_TITLES: Record<SelfDiagnosticLevel, string> = {
  BELOW_BASE: 'ниже базового',
  BASE: 'базовый',
  MEDIUM: 'средний',
  HIGH: 'высокий',
};

/** Levels from worst to best: the order of the scale. */
export const LEVEL_ORDER: SelfDiagnosticLevel[] = ['BELOW_BASE', 'BASE', 'MEDIUM', 'HIGH'];

export const SHNOR_CATEGORY_TITLES: Record<ShnorCategory, string> = {
  SHNOR: 'ШНОР',
  SHNSU: 'ШНСУ',
  SHNOR_AND_SHNSU: 'ШНОР и ШНСУ',
};

export const SHNOR_CATEGORY_DEFINITIONS: Record<ShnorCategory, string> = {
  SHNOR: 'школа с низкими образовательными результатами',
  SHNSU: 'школа, функционирующая в неблагоприятных социальных условиях',
  SHNOR_AND_SHNSU: 'низкие результаты и неблагоприятные социальные условия',
};

export const PROGRAMME_STATUS_TITLES: Record<ShnorProgrammeStatus, string> = {
  DRAFT: 'проект',
  APPROVED: 'утверждена',
  MONITORED: 'на мониторинге',
};

export const PROCEDURE_TITLES: Record<string, string> = {
  VPR: 'ВПР',
  OGE: 'ОГЭ',
  EGE: 'ЕГЭ',
  GVE: 'ГВЭ',
  REGIONAL_DIAGNOSTICS: 'Региональная диагностика',
  FUNCTIONAL_LITERACY: 'Функциональная грамотность',
};
