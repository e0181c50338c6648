import { registerEnumType } from 'type-graphql';

export enum Role {
  REGION_ADMIN = 'region_admin',
  REGION_ANALYST = 'region_analyst',
  MUNICIPAL_OFFICER = 'municipal_officer',
  SCHOOL_COORDINATOR = 'school_coordinator',
  EXPERT = 'expert',
  CURATOR = 'curator',
}

registerEnumType(Role, {
  name: 'Role',
  valuesConfig: {
    REGION_ADMIN: { description: 'Департамент: всё, включая пользователей и импорт' },
    REGION_ANALYST: { description: 'Аналитик региона: читает всё, не пишет' },
    MUNICIPAL_OFFICER: { description: 'МОУО: школы своего муниципалитета; прогресс муниципальных мероприятий' },
    SCHOOL_COORDINATOR: { description: 'Координатор школы: своя школа; самодиагностика, паспорт, ссылки' },
    EXPERT: { description: 'Эксперт ВСОКО: назначенные школы; баллы ВСОКО' },
    CURATOR: { description: 'Куратор ШНОР: назначенные школы; прогресс ШНОР' },
  },
});

/** Russian names of the roles, for people. */
export const ROLE_TITLES: Record<Role, string> = {
  [Role.REGION_ADMIN]: 'администратор региона',
  [Role.REGION_ANALYST]: 'аналитик региона',
  [Role.MUNICIPAL_OFFICER]: 'специалист МОУО',
  [Role.SCHOOL_COORDINATOR]: 'координатор школы',
  [Role.EXPERT]: 'эксперт ВСОКО',
  [Role.CURATOR]: 'куратор ШНОР',
};
