import { registerEnumType } from 'type-graphql';

/** The risk zones of the ВСОКО concept. */
export enum VsokoZoneCode {
  LOW = 'low',
  MODERATE = 'moderate',
  HIGH = 'high',
}

registerEnumType(VsokoZoneCode, {
  name: 'VsokoZoneCode',
  description: 'Зона риска ВСОКО',
  valuesConfig: {
    LOW: { description: 'Зона низкого риска' },
    MODERATE: { description: 'Зона умеренного риска' },
    HIGH: { description: 'Зона высокого риска' },
  },
});

/** What a passport item asks for. */
export enum VsokoPassportItemKind {
  TEXT = 'text',
  HEADING = 'heading',
  POSITION = 'position',
  COUNT = 'count',
}

registerEnumType(VsokoPassportItemKind, {
  name: 'VsokoPassportItemKind',
  description: 'Вид позиции паспорта участника мониторинга',
  valuesConfig: {
    TEXT: { description: 'Наименование (текст)' },
    HEADING: { description: 'Заголовок группы должностей' },
    POSITION: { description: 'Должность управленческой команды: есть или нет' },
    COUNT: { description: 'Численность' },
  },
});
